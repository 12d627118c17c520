import { execFile } from "node:child_process";
import { access, mkdir, writeFile } from "node:fs/promises";
import { arch, platform } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import * as core from "@actions/core";
import { probeNvidiaGpu } from "../bench/fingerprint.js";
import { ModelPublishError } from "../errors.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import { RUNTIME_DIR_ENV } from "../runtime/onnxruntime.js";
import { ONNXRUNTIME_NODE_VERSION } from "../version.generated.js";

/** Which onnxruntime-node build the action puts beside itself. */
export type RuntimeFlavour = "cpu" | "cuda12";
export const RUNTIME_CHOICES = ["auto", "cpu", "cuda", "none"] as const;
export type RuntimeChoice = (typeof RUNTIME_CHOICES)[number];

/** The parts of `@actions/cache` used here (the action passes the real module). */
export interface RuntimeCache {
  restoreCache(paths: string[], key: string): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<number>;
  isFeatureAvailable(): boolean;
}

export interface RuntimeSetupOptions {
  choice: RuntimeChoice;
  env?: NodeJS.ProcessEnv;
  cache?: RuntimeCache;
  /** Whether a GPU is present (default: `nvidia-smi` names one). */
  hasGpu?: () => Promise<boolean>;
  /** Runs `npm install`; replaced only where npm cannot reach a registry. */
  install?: (dir: string, flavour: RuntimeFlavour) => Promise<void>;
  /** Whether onnxruntime-node already resolves from dist/ (default: try to import it). */
  bundled?: boolean;
}

export interface RuntimeSetup {
  /** The folder holding node_modules/onnxruntime-node, or undefined when none is needed. */
  dir?: string;
  flavour?: RuntimeFlavour;
  /** How it got there: already beside the action, tool cache, actions cache or installed now. */
  source: "bundled" | "tool-cache" | "actions-cache" | "installed" | "skipped";
}

const execFileAsync = promisify(execFile);

/** The benchmark's own GPU probe: what it would report is what picks the build. */
async function hasNvidiaGpu(): Promise<boolean> {
  return (await probeNvidiaGpu()) !== undefined;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Installs the pinned onnxruntime-node into `dir` with npm; CUDA builds fetch their EP libraries. */
async function npmInstall(dir: string, flavour: RuntimeFlavour): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), '{ "private": true }\n');
  const spec =
    process.env.MODEL_PUBLISH_ONNXRUNTIME_SPEC ?? `onnxruntime-node@${ONNXRUNTIME_NODE_VERSION}`;
  const env = { ...process.env, ONNXRUNTIME_NODE_INSTALL: flavour === "cpu" ? "skip" : flavour };
  await execFileAsync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", dir, spec],
    { env, maxBuffer: 64 << 20 },
  ).catch(() => {
    throw new ModelPublishError(
      "REMOTE_FAILED",
      `could not install ${spec} into ${dir} with npm; on a runner without the npm registry, set MODEL_PUBLISH_ONNXRUNTIME_SPEC to a tarball or mirror, or pre-install it there (input onnxruntime: none skips the ONNX stages)`,
    );
  });
}

/**
 * Puts onnxruntime-node where the ONNX stages find it. Its native binding cannot live in dist/,
 * so the action installs the version the lockfile pins once per runner (the tool cache, kept on
 * self-hosted runners), restores it from the Actions cache on hosted ones, and installs it with
 * npm only when neither has it. `auto` takes the CUDA build where `nvidia-smi` sees a GPU.
 */
export async function setupOnnxRuntime(options: RuntimeSetupOptions): Promise<RuntimeSetup> {
  const env = options.env ?? process.env;
  if (options.choice === "none") return { source: "skipped" };
  const preset = env[RUNTIME_DIR_ENV];
  if (preset) return { dir: preset, source: "tool-cache" };
  const bundled =
    options.bundled ??
    (await import("onnxruntime-node").then(
      () => true,
      () => false,
    ));
  if (options.choice === "auto" && bundled) {
    return { source: "bundled" };
  }
  const gpu =
    options.choice === "cuda" ||
    (options.choice === "auto" && (await (options.hasGpu ?? hasNvidiaGpu)()));
  const flavour: RuntimeFlavour = gpu ? "cuda12" : "cpu";
  const name = `${ONNXRUNTIME_NODE_VERSION}-${flavour}-${platform()}-${arch()}`;
  const root = env.RUNNER_TOOL_CACHE ?? env.RUNNER_TEMP ?? join(process.cwd(), ".model-publish");
  const dir = join(root, "model-publish", "onnxruntime-node", name);
  const marker = join(dir, "node_modules", "onnxruntime-node", "package.json");
  const use = (source: RuntimeSetup["source"]): RuntimeSetup => {
    env[RUNTIME_DIR_ENV] = dir;
    return { dir, flavour, source };
  };
  if (await exists(marker)) return use("tool-cache");
  const key = `model-publish-onnxruntime-node-${name}`;
  const cache = options.cache?.isFeatureAvailable() ? options.cache : undefined;
  if (cache) {
    try {
      if ((await cache.restoreCache([dir], key)) !== undefined && (await exists(marker))) {
        return use("actions-cache");
      }
    } catch (error) {
      core.warning(`could not restore onnxruntime-node from the Actions cache: ${String(error)}`);
    }
  }
  await (options.install ?? npmInstall)(dir, flavour);
  if (!(await exists(marker))) {
    throw new ModelPublishError(
      "OUTPUT_MISMATCH",
      `installing onnxruntime-node left no ${marker}; remove ${dir} and run again`,
    );
  }
  if (cache) {
    await cache.saveCache([dir], key).catch((error: unknown) => {
      core.warning(`could not save onnxruntime-node to the Actions cache: ${String(error)}`);
    });
  }
  return use("installed");
}

/** Whether a manifest asks for anything that runs onnxruntime: an ONNX source, ONNX variants, a benchmark. */
export function needsOnnxRuntime(manifest: AuthoredManifest | undefined): boolean {
  if (!manifest) return false;
  return (
    manifest.sources.onnx !== undefined ||
    manifest.bench !== undefined ||
    (manifest.variants ?? []).some((v) => v.scheme.startsWith("onnx"))
  );
}
