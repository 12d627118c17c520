import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { evaluateGate, type GateOptions, type GateVerdict } from "../bench/gate.js";
import { runBenchmark } from "../bench/run-bench.js";
import { ModelPublishError } from "../errors.js";
import type { AuthoredManifest, BenchResultFile } from "../manifest/types.generated.js";
import { loadPrivateKey } from "../sign/key-source.js";
import { keyFingerprint, parsePrivateKey, type SigningKey } from "../sign/keys.js";
import { MANIFEST_FILE } from "../sign/release-files.js";
import { signRelease } from "../sign/sign-release.js";
import { releaseTimestamp } from "../sign/timestamp.js";
import { configureDestinations } from "../publish/publish-config.js";
import { publishRelease, type PublishResult } from "../publish/publish-release.js";
import { buildReleaseIter, type BuildOptions, type BuildResult } from "./build.js";
import { drainEvents, type PipelineEvent } from "./events.js";
import type { PipelineResult } from "./run.js";

export interface ReleaseRunOptions extends BuildOptions {
  /** Private key text (PEM or base64 seed), e.g. from a secret; else the manifest's `signing.key`. */
  signingKey?: string;
  /** Results of the base commit, for the benchmark gate in check mode. */
  baseline?: BenchResultFile;
  gate?: Omit<GateOptions, "threshold" | "metrics">;
}

export interface ReleaseRunResult {
  /** What each destination published, in release mode. */
  publish?: PublishResult;
  validated: PipelineResult;
  build?: BuildResult;
  /** Hex SHA-256 of manifest.json as it ends up. */
  manifestSha256?: string;
  signedBy?: string;
  bench?: { results: BenchResultFile; gate: GateVerdict; providerNote: string };
}

async function signingKeyFor(
  options: ReleaseRunOptions,
  manifest: AuthoredManifest,
  manifestDir: string,
): Promise<SigningKey | undefined> {
  if (options.signingKey) return parsePrivateKey(options.signingKey, "the signing-key input");
  if (!manifest.signing) return undefined;
  return loadPrivateKey(manifest.signing.key, {
    env: options.env ?? process.env,
    cwd: manifestDir,
  });
}

/**
 * The whole run for a mode: build the release folder; in release mode sign it (a release is never
 * unsigned); in check mode benchmark the ONNX model and compare with the base commit's results.
 * Publishing joins here as the destinations do.
 */
export async function* runReleaseIter(
  options: ReleaseRunOptions,
): AsyncGenerator<PipelineEvent, ReleaseRunResult> {
  const built = yield* buildReleaseIter(options);
  if (!built.valid) return { validated: built.validated };
  const { manifest: release, dir } = built;
  const manifestDir = options.baseDir ?? dirname(resolve(options.manifestPath));
  const validated = built.validated;
  const authored = validated.manifest;
  if (!authored) throw new ModelPublishError("MANIFEST_INVALID", "the manifest did not validate");
  const result: ReleaseRunResult = { validated, build: built };
  if (validated.decision.mode === "release") {
    yield { type: "stage-start", stage: "sign" };
    const started = Date.now();
    const key = await signingKeyFor(options, authored, manifestDir);
    if (!key) {
      throw new ModelPublishError(
        "USAGE",
        "a release must be signed: add `signing: { keyId, key: env:NAME }` to the manifest and the key as a secret",
      );
    }
    if (authored.signing?.publicKey && authored.signing.publicKey !== key.publicKeyBase64) {
      throw new ModelPublishError(
        "KEY_INVALID",
        `the signing key does not match signing.publicKey in the manifest (fingerprint ${keyFingerprint(key.publicKey)})`,
      );
    }
    const timestamp = await releaseTimestamp({
      env: options.env ?? process.env,
      ...(validated.decision.tag ? { tag: validated.decision.tag } : {}),
      cwd: manifestDir,
    });
    const keyId = authored.signing?.keyId ?? keyFingerprint(key.publicKey);
    await signRelease(dir, key, { keyId, timestamp });
    result.signedBy = keyId;
    yield { type: "stage-end", stage: "sign", ok: true, durationMs: Date.now() - started };
  }
  if (validated.decision.mode === "release" && authored.destinations) {
    result.publish = yield* publishStage(dir, authored, options);
  }
  result.manifestSha256 = createHash("sha256")
    .update(await readFile(join(dir, MANIFEST_FILE)))
    .digest("hex");
  const onnx = built.artifacts.find((a) => a.path === "onnx/model.onnx");
  if (validated.decision.mode === "check" && authored.bench && onnx) {
    yield { type: "stage-start", stage: "bench" };
    const started = Date.now();
    const run = await runBenchmark({
      target: onnx.file,
      ...(authored.bench.provider ? { provider: authored.bench.provider } : {}),
      ...(authored.bench.iterations ? { iterations: authored.bench.iterations } : {}),
      ...(authored.bench.batchSizes ? { batchSizes: authored.bench.batchSizes } : {}),
      ...(options.commit ? { commit: options.commit } : {}),
    });
    const file = { ...run.file, model: release.id };
    const gate = evaluateGate(options.baseline, file, {
      ...options.gate,
      ...(authored.bench.threshold !== undefined ? { threshold: authored.bench.threshold } : {}),
      ...(authored.bench.metrics ? { metrics: authored.bench.metrics } : {}),
    });
    result.bench = { results: file, gate, providerNote: run.providerNote };
    yield {
      type: "stage-end",
      stage: "bench",
      ok: gate.verdict !== "fail",
      durationMs: Date.now() - started,
    };
  }
  return result;
}

/** Publishes the signed folder to every configured destination, reading each back. */
async function* publishStage(
  dir: string,
  manifest: AuthoredManifest,
  options: ReleaseRunOptions,
): AsyncGenerator<PipelineEvent, PublishResult> {
  yield { type: "stage-start", stage: "publish" };
  const started = Date.now();
  const configured = configureDestinations({ manifest, env: options.env ?? process.env });
  const queued: PipelineEvent[] = [];
  const result = await publishRelease({
    dir,
    destinations: configured.destinations,
    secrets: configured.secrets,
    ...(configured.ipfs ? { ipfs: configured.ipfs } : {}),
    ...(configured.publicKey ? { publicKey: configured.publicKey } : {}),
    onEvent: (event) => {
      if (event.type === "progress") {
        queued.push({
          type: "progress",
          stage: "publish",
          detail: `${event.destination} ${event.path}`,
          done: event.done,
          total: event.total,
        });
      }
    },
  });
  yield* queued;
  yield { type: "stage-end", stage: "publish", ok: result.ok, durationMs: Date.now() - started };
  const failure = result.failures[0];
  if (failure) {
    throw new ModelPublishError(
      failure.code,
      `publish to ${failure.destination} failed: ${failure.message}`,
    );
  }
  const problem = result.reports.flatMap((r) =>
    r.problems.map((p) => `${r.destination}: ${p.path ?? ""} ${p.message}`),
  )[0];
  if (problem)
    throw new ModelPublishError("VERIFY_FAILED", `read-back found a problem: ${problem}`);
  return result;
}

export function runRelease(
  options: ReleaseRunOptions,
  onEvent?: (event: PipelineEvent) => void,
): Promise<ReleaseRunResult> {
  return drainEvents(runReleaseIter(options), onEvent);
}
