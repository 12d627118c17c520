import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { ModelPublishError } from "../errors.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import { loadPrivateKey } from "../sign/key-source.js";
import { keyFingerprint, parsePrivateKey, type SigningKey } from "../sign/keys.js";
import { MANIFEST_FILE } from "../sign/release-files.js";
import { signRelease } from "../sign/sign-release.js";
import { releaseTimestamp } from "../sign/timestamp.js";
import { configureDestinations } from "../publish/publish-config.js";
import { publishRelease, type PublishResult } from "../publish/publish-release.js";
import { writeReleaseCar, type ReleaseCarFile } from "../publish/release-car-file.js";
import { planPublish } from "./publish-plan.js";
import { runBenchStage, type BenchStageOptions, type BenchStageResult } from "./bench-stage.js";
import { buildReleaseIter, type BuildOptions, type BuildResult } from "./build.js";
import { drainEvents, type PipelineEvent } from "./events.js";
import type { PipelineResult } from "./run.js";

export interface ReleaseRunOptions extends BuildOptions {
  /** Private key text (PEM or base64 seed), e.g. from a secret; else the manifest's `signing.key`. */
  signingKey?: string;
  /** The benchmark gate's baseline and recording (the bench stage runs in check mode, or to record). */
  bench?: BenchStageOptions;
}

export interface ReleaseRunResult {
  /** What each destination published, in release mode. */
  publish?: PublishResult;
  /** The release as one CAR file, when IPFS is a destination (release mode). */
  car?: ReleaseCarFile;
  /** What a release would upload and where, in check and dry-run modes (no remote asked). */
  publishPlan?: PublishResult;
  validated: PipelineResult;
  build?: BuildResult;
  /** Hex SHA-256 of manifest.json as it ends up. */
  manifestSha256?: string;
  signedBy?: string;
  bench?: BenchStageResult;
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
    const published = yield* publishStage(dir, authored, options);
    result.publish = published.result;
    if (published.car) result.car = published.car;
  } else if (authored.destinations) {
    try {
      result.publishPlan = await planPublish(
        dir,
        authored,
        options.env ?? process.env,
        release.timestamp ?? "1970-01-01T00:00:00Z",
      );
    } catch (error) {
      yield {
        type: "log",
        level: "warning",
        message: `could not plan the publish: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  result.manifestSha256 = createHash("sha256")
    .update(await readFile(join(dir, MANIFEST_FILE)))
    .digest("hex");
  const onnx = built.artifacts.find((a) => a.path === "onnx/model.onnx");
  const mode = validated.decision.mode;
  if (authored.bench && onnx && (mode === "check" || options.bench?.record)) {
    yield { type: "stage-start", stage: "bench" };
    const started = Date.now();
    result.bench = await runBenchStage({
      onnxFile: onnx.file,
      modelId: release.id,
      bench: authored.bench,
      ...(options.commit ? { commit: options.commit } : {}),
      options: options.bench ?? {},
    });
    if (result.bench.saved) {
      const { saved } = result.bench;
      yield {
        type: "log",
        level: "info",
        message: saved.saved
          ? `recorded this run as a baseline: ${saved.location ?? ""}`
          : `did not record a baseline: ${saved.reason ?? ""}`,
      };
    }
    yield {
      type: "stage-end",
      stage: "bench",
      ok: result.bench.gate.verdict !== "fail",
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
): AsyncGenerator<PipelineEvent, { result: PublishResult; car?: ReleaseCarFile }> {
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
  if (!configured.ipfs) return { result };
  // The release as one CAR beside the folder, for `ipfs dag import` or another pinning service.
  const car = await writeReleaseCar(
    dir,
    join(dirname(resolve(dir)), `${result.id}-v${result.version}.car`),
    configured.ipfs,
  );
  yield { type: "log", level: "info", message: `wrote ${car.path} (root ${car.root})` };
  return { result, car };
}

export function runRelease(
  options: ReleaseRunOptions,
  onEvent?: (event: PipelineEvent) => void,
): Promise<ReleaseRunResult> {
  return drainEvents(runReleaseIter(options), onEvent);
}
