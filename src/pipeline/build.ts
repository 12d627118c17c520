import { writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { renderCard } from "../card/render-card.js";
import { loadCardTemplate } from "../card/card-template.js";
import { convertCheckpoint } from "../convert/convert-checkpoint.js";
import { ModelPublishError } from "../errors.js";
import type { ManifestIssue } from "../manifest/issue.js";
import type { AuthoredManifest, ReleaseManifest } from "../manifest/types.generated.js";
import { validators } from "../manifest/validate.js";
import { runOnnxExport } from "../convert/onnx-export.js";
import { buildOnnxVariants } from "../release/build-onnx-variants.js";
import { buildTensorVariants } from "../release/build-variants.js";
import { copyIntoRelease, copySources } from "../release/copy-sources.js";
import { releaseManifestOf } from "../release/release-manifest.js";
import { StagingFolder } from "../release/staging-folder.js";
import { hashFiles } from "../sign/hash-files.js";
import { MANIFEST_FILE } from "../sign/release-files.js";
import { schemaErrorText } from "../sign/signed-manifest.js";
import { releaseTimestamp } from "../sign/timestamp.js";
import type { Artifact } from "./artifacts.js";
import { drainEvents, type PipelineEvent } from "./events.js";
import type { PipelineOptions, PipelineResult } from "./run.js";
import { runPipelineIter } from "./run.js";
import type { StageName } from "./stages.js";

/** The date of builds that have no date source outside a release. */
const UNDATED = "1970-01-01T00:00:00Z";

export interface BuildOptions extends PipelineOptions {
  /** The commit built, whose time dates the build when there is no tag or SOURCE_DATE_EPOCH. */
  commit?: string;
  /** The release folder to create; it must not hold files yet. */
  outDir: string;
  /** Where `SOURCE_DATE_EPOCH` is read (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface BuildResult {
  valid: true;
  /** What validation found: mode, version, the manifest, the plan. */
  validated: PipelineResult;
  dir: string;
  version: string;
  manifest: ReleaseManifest;
  artifacts: Artifact[];
}

type Hashed = Artifact & { sha256: string };

/** Runs one stage, passing on its progress events as they happen. */
async function* timed<T>(
  stage: StageName,
  work: (emit: (event: PipelineEvent) => void) => Promise<T>,
): AsyncGenerator<PipelineEvent, T> {
  yield { type: "stage-start", stage };
  const started = Date.now();
  const queue: PipelineEvent[] = [];
  // Set from the work's callbacks; an object so the loop below reads its current value.
  const state: {
    settled: boolean;
    wake?: () => void;
    outcome?: { ok: true; value: T } | { ok: false; error: unknown };
  } = { settled: false };
  void work((event) => {
    queue.push(event);
    state.wake?.();
  })
    .then(
      (value) => (state.outcome = { ok: true, value }),
      (error: unknown) => (state.outcome = { ok: false, error }),
    )
    .finally(() => {
      state.settled = true;
      state.wake?.();
    });
  while (!state.settled || queue.length > 0) {
    const next = queue.shift();
    if (next) yield next;
    else await new Promise<void>((resolve) => (state.wake = resolve));
  }
  const outcome = state.outcome;
  yield { type: "stage-end", stage, ok: outcome?.ok === true, durationMs: Date.now() - started };
  if (!outcome?.ok) throw outcome?.error;
  return outcome.value;
}

async function hashed(root: string, artifacts: readonly Artifact[]): Promise<Hashed[]> {
  const digests = await hashFiles(
    root,
    artifacts.map((a) => a.path),
  );
  const byPath = new Map(digests.map((d) => [d.path, d]));
  return artifacts.map((a) => ({
    ...a,
    sha256: byPath.get(a.path)?.sha256 ?? "",
    size: byPath.get(a.path)?.size ?? a.size,
  }));
}

async function convertStage(
  manifest: AuthoredManifest,
  manifestDir: string,
  root: string,
  emit: (event: PipelineEvent) => void,
): Promise<{ artifacts: Artifact[]; training: Record<string, number | string | boolean> }> {
  const artifacts = await copySources(manifest, manifestDir, root);
  if (manifest.sources.export && !manifest.sources.onnx) {
    const exported = await runOnnxExport({
      hook: manifest.sources.export,
      manifestDir,
      onOutput: (text) => {
        emit({ type: "log", level: "info", message: text.trimEnd() });
      },
    });
    artifacts.push(
      await copyIntoRelease(exported.output, root, "onnx/model.onnx", "weights", "onnx"),
    );
  }
  if (!manifest.sources.checkpoint) return { artifacts, training: {} };
  const result = await convertCheckpoint({
    input: resolve(manifestDir, manifest.sources.checkpoint),
    output: root,
    singleName: `${manifest.id}.safetensors`,
    releaseRoot: root,
    ...(manifest.sources.weightsKey ? { weightsKey: manifest.sources.weightsKey } : {}),
    ...(manifest.convert?.shardSize ? { shardSize: manifest.convert.shardSize } : {}),
    onProgress: (p) => {
      if (p.phase === "write" || p.phase === "verify") {
        emit({
          type: "progress",
          stage: "convert",
          detail: `${p.phase} ${p.file}`,
          done: p.bytesDone,
          total: p.bytesTotal,
        });
      }
    },
  });
  return { artifacts: [...result.artifacts, ...artifacts], training: result.training };
}

/** A manifest that does not validate builds nothing; its issues say why. */
export type BuildOutcome =
  BuildResult | { valid: false; issues: ManifestIssue[]; validated: PipelineResult };

/**
 * `model-publish build`: validate → convert → card → digests, into a new release folder that
 * `sign` completes. Built under a hidden name and moved into place only when whole; two builds of
 * the same inputs (and SOURCE_DATE_EPOCH or tag) give byte-identical folders.
 */
export async function* buildReleaseIter(
  options: BuildOptions,
): AsyncGenerator<PipelineEvent, BuildOutcome> {
  const validated = yield* runPipelineIter(options);
  if (!validated.valid || !validated.manifest || validated.version === undefined) {
    return { valid: false, issues: validated.issues, validated };
  }
  const manifest = validated.manifest;
  const version = validated.version;
  const manifestDir = options.baseDir ?? dirname(resolve(options.manifestPath));
  const env = options.env ?? process.env;
  const revision = validated.decision.tag ?? options.commit;
  const undated = !env.SOURCE_DATE_EPOCH && revision === undefined;
  if (undated && validated.decision.mode !== "release") {
    // A check or dry run never reads the clock either; without a date source it uses the epoch.
    yield {
      type: "log",
      level: "info",
      message: `no SOURCE_DATE_EPOCH or commit: this ${validated.decision.mode} build is dated ${UNDATED}`,
    };
  }
  const timestamp =
    undated && validated.decision.mode !== "release"
      ? UNDATED
      : await releaseTimestamp({ env, ...(revision ? { tag: revision } : {}), cwd: manifestDir });
  const staging = await StagingFolder.create(options.outDir);
  try {
    const root = staging.path;
    const converted = yield* timed("convert", (emit) =>
      convertStage(manifest, manifestDir, root, emit),
    );
    const variants = yield* timed("quantize", async (emit) => {
      const tensors = await buildTensorVariants(manifest, root, converted.artifacts, (p) => {
        emit({
          type: "progress",
          stage: "quantize",
          detail: `${p.scheme} tensors`,
          done: p.done,
          total: p.total,
        });
      });
      const reference = converted.artifacts.find((a) => a.path === "onnx/model.onnx");
      const onnx = await buildOnnxVariants(manifest, manifestDir, root, reference, (scheme) => {
        emit({ type: "log", level: "info", message: `${scheme}: quantizing and checking parity` });
      });
      return {
        artifacts: [...tensors.artifacts, ...onnx.artifacts],
        optimization: [...tensors.optimization, ...onnx.optimization],
      };
    });
    const files = yield* timed("card", async () => {
      const weights = await hashed(root, [...converted.artifacts, ...variants.artifacts]);
      const template = await loadCardTemplate(manifest, manifestDir);
      const card = renderCard({ manifest, version, artifacts: weights, template });
      await writeFile(join(root, "README.md"), card.markdown);
      const [readme] = await hashed(root, [
        {
          path: "README.md",
          file: join(root, "README.md"),
          size: 0,
          role: "card",
          format: "markdown",
        },
      ]);
      return readme ? [...weights, readme] : weights;
    });
    const release = releaseManifestOf({
      authored: manifest,
      version,
      artifacts: files,
      timestamp,
      training: converted.training,
      variants: variants.optimization,
    });
    const validate = validators().release;
    if (!validate(release)) {
      throw new ModelPublishError(
        "OUTPUT_MISMATCH",
        `${MANIFEST_FILE} would not match its schema: ${schemaErrorText(validate)}`,
      );
    }
    await writeFile(join(root, MANIFEST_FILE), `${JSON.stringify(release, null, 2)}\n`);
    await staging.commit();
    const dir = staging.target;
    return {
      valid: true,
      validated,
      dir,
      version,
      manifest: release,
      artifacts: files.map((f) => ({ ...f, file: join(dir, f.path) })),
    };
  } catch (error) {
    await staging.discard();
    throw error;
  }
}

/** `buildReleaseIter` with a callback for events. */
export async function buildRelease(
  options: BuildOptions,
  onEvent: (event: PipelineEvent) => void = () => undefined,
): Promise<BuildOutcome> {
  return drainEvents(buildReleaseIter(options), onEvent);
}
