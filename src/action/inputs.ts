import { isAbsolute, join } from "node:path";
import * as core from "@actions/core";
import { ModelPublishError } from "../errors.js";
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
  commit?: string;
}

/** Environment variables that may hold secrets; masked before anything is logged. */
export const SECRET_ENV_VARS = [
  "HF_TOKEN",
  "HUGGING_FACE_HUB_TOKEN",
  "HUGGINGFACE_API_KEY",
  "GOOGLE_APPLICATION_CREDENTIALS_JSON",
  "MODEL_SIGNING_KEY",
];

export function maskSecrets(env: NodeJS.ProcessEnv): void {
  for (const name of SECRET_ENV_VARS) {
    const value = env[name];
    if (value) core.setSecret(value);
  }
}

function resolveIn(base: string, path: string): string {
  return isAbsolute(path) ? path : join(base, path);
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionConfig {
  maskSecrets(env);
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const workingInput = core.getInput("working-directory") || ".";
  const workingDirectory = isAbsolute(workingInput) ? workingInput : join(workspace, workingInput);
  const manifestInput = core.getInput("manifest") || "model-publish.yaml";
  const signingKey = core.getInput("signing-key");
  if (signingKey) {
    core.setSecret(signingKey);
    // A PEM's lines are printed separately when something echoes it; mask each.
    const lines = signingKey.split(/\r?\n/).map((line) => line.trim());
    for (const line of lines.length > 1 ? lines : []) if (line.length > 8) core.setSecret(line);
  }
  const modeInput = core.getInput("mode") || "auto";
  if (modeInput !== "auto" && !MODES.includes(modeInput as Mode)) {
    throw new ModelPublishError(
      "USAGE",
      `input "mode" must be auto, ${MODES.join(", ")}; got "${modeInput}"`,
    );
  }
  return {
    manifestPath: isAbsolute(manifestInput) ? manifestInput : join(workingDirectory, manifestInput),
    manifestInput,
    mode: modeInput as Mode | "auto",
    workingDirectory,
    workspace,
    context: { eventName: env.GITHUB_EVENT_NAME, ref: env.GITHUB_REF },
    releaseDir: resolveIn(
      workspace,
      core.getInput("release-dir") || join(env.RUNNER_TEMP ?? workspace, "model-publish-release"),
    ),
    ...(signingKey ? { signingKey } : {}),
    ...(core.getInput("bench-baseline")
      ? { benchBaseline: resolveIn(workspace, core.getInput("bench-baseline")) }
      : {}),
    ...(env.GITHUB_SHA ? { commit: env.GITHUB_SHA } : {}),
  };
}
