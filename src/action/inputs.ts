import { isAbsolute, join } from "node:path";
import * as core from "@actions/core";
import { ModelPublishError } from "../errors.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import { environmentSecrets } from "../publish/publish-config.js";
import { RUNTIME_CHOICES, type RuntimeChoice } from "./onnx-runtime-setup.js";
import { MODES, type Mode, type RunContext } from "../pipeline/mode.js";

/** Every input of action.yml, parsed once and checked. */
export interface ActionConfig {
  /** Absolute path of the manifest. */
  manifestPath: string;
  /** The manifest path as the user wrote it, for messages. */
  manifestInput: string;
  mode: Mode | "auto";
  workingDirectory: string;
  /** The repository root; annotation paths are relative to it. */
  workspace: string;
  context: RunContext;
  releaseDir: string;
  /** Key text from the `signing-key` input; masked before anything is logged. */
  signingKey?: string;
  benchBaseline?: string;
  benchStore: BenchStoreKind;
  /** The folder (`local`) or release URL/folder (`release-manifest`) of the store. */
  benchStorePath?: string;
  /** For the pull-request comment and acceptance labels; masked. */
  githubToken?: string;
  prComment: boolean;
  onnxRuntime: RuntimeChoice;
  commit?: string;
}

export const BENCH_STORES = ["actions-cache", "local", "release-manifest", "none"] as const;
export type BenchStoreKind = (typeof BENCH_STORES)[number];

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) {
    throw new ModelPublishError(
      "USAGE",
      `input "${name}" must be one of ${allowed.join(", ")}; got "${value}"`,
    );
  }
  return found;
}

/** Environment variables that may hold secrets; masked before anything is logged. */
export const SECRET_ENV_VARS = [
  "HF_TOKEN",
  "HUGGING_FACE_HUB_TOKEN",
  "HUGGINGFACE_API_KEY",
  "GOOGLE_APPLICATION_CREDENTIALS_JSON",
  "MODEL_SIGNING_KEY",
];

const masked = new Set<string>();

/** Asks the runner to mask a value in the log, once. */
function mask(value: string | undefined): void {
  const trimmed = value?.trim();
  if (!trimmed || masked.has(trimmed)) return;
  masked.add(trimmed);
  core.setSecret(trimmed);
}

/**
 * Masks the environment's secrets: the well-known variables and every secret-looking one at
 * once, and, given the manifest, the variables it names (provider tokens, Storacha's key and
 * proof, the signing key).
 */
export function maskSecrets(env: NodeJS.ProcessEnv, manifest?: AuthoredManifest): void {
  for (const name of SECRET_ENV_VARS) mask(env[name]);
  environmentSecrets(env, manifest).forEach(mask);
}

/**
 * An input as the runner hands it to a JavaScript action (`INPUT_WORKING-DIRECTORY`) or as
 * action.yml's step passes it on (`INPUT_WORKING_DIRECTORY`: a name a shell can hold).
 */
function input(name: string): string {
  const underscored = process.env[`INPUT_${name.replace(/-/g, "_").toUpperCase()}`] ?? "";
  return core.getInput(name) || underscored.trim();
}

function resolveIn(base: string, path: string): string {
  return isAbsolute(path) ? path : join(base, path);
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionConfig {
  maskSecrets(env);
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const workingInput = input("working-directory") || ".";
  const workingDirectory = isAbsolute(workingInput) ? workingInput : join(workspace, workingInput);
  const manifestInput = input("manifest") || "model-publish.yaml";
  const signingKey = input("signing-key");
  if (signingKey) {
    mask(signingKey);
    // A PEM's lines are printed separately when something echoes it; mask each.
    const lines = signingKey.split(/\r?\n/).map((line) => line.trim());
    for (const line of lines.length > 1 ? lines : []) if (line.length > 8) mask(line);
  }
  const mode = oneOf("mode", input("mode") || "auto", ["auto", ...MODES]);
  const githubToken = input("github-token");
  mask(githubToken);
  const benchStore = oneOf("bench-store", input("bench-store") || "actions-cache", BENCH_STORES);
  const benchStorePath = input("bench-store-path");
  if ((benchStore === "local" || benchStore === "release-manifest") && !benchStorePath) {
    throw new ModelPublishError(
      "USAGE",
      `input "bench-store: ${benchStore}" needs "bench-store-path": ${benchStore === "local" ? "the folder that keeps the baselines" : "the last release's folder or manifest.json URL"}`,
    );
  }
  const prComment = (input("pr-comment") || "true") !== "false";
  const onnxRuntime = oneOf("onnxruntime", input("onnxruntime") || "auto", RUNTIME_CHOICES);
  return {
    manifestPath: isAbsolute(manifestInput) ? manifestInput : join(workingDirectory, manifestInput),
    manifestInput,
    mode,
    workingDirectory,
    workspace,
    context: { eventName: env.GITHUB_EVENT_NAME, ref: env.GITHUB_REF },
    releaseDir: resolveIn(
      workspace,
      input("release-dir") || join(env.RUNNER_TEMP ?? workspace, "model-publish-release"),
    ),
    ...(signingKey ? { signingKey } : {}),
    ...(input("bench-baseline")
      ? { benchBaseline: resolveIn(workspace, input("bench-baseline")) }
      : {}),
    benchStore,
    ...(benchStorePath
      ? {
          benchStorePath: /^https?:\/\//.test(benchStorePath)
            ? benchStorePath
            : resolveIn(workspace, benchStorePath),
        }
      : {}),
    ...(githubToken ? { githubToken } : {}),
    prComment,
    onnxRuntime,
    ...(env.GITHUB_SHA ? { commit: env.GITHUB_SHA } : {}),
  };
}
