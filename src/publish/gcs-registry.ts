import type { Bucket } from "@google-cloud/storage";
import { ModelPublishError } from "../errors.js";
import type { PublishContext, PublishableRelease } from "./destination.js";
import {
  SHORT_LIVED,
  indexName,
  latestName,
  objectName,
  publicUrl,
  versionFolder,
  type GcsLocation,
} from "./gcs-layout.js";
import { remoteFailed, statusOf, transientVerdict } from "./remote-error.js";
import { withRetry, type RetryVerdict } from "./retry.js";
import { withTimeout } from "./timeout.js";
import { compareVersions } from "./version-order.js";

/**
 * The bucket's registry: `{prefix}/index.json`, every model and version (the answer of seed 003
 * §9.1 `GET /v1/models`, as static JSON), and `{prefix}/{id}/latest.json`. The only objects ever
 * rewritten, each by read-modify-write under `ifGenerationMatch`, so two releases published at
 * once both end up in them.
 */

/** One model version in index.json (seed 003 §9.1 ModelSummary, with where its manifest is). */
export interface ModelSummary {
  id: string;
  name: string;
  type: string;
  quantization?: string;
  /** Bytes of the release's signed files. */
  size: number;
  version: string;
  publishedAt?: string;
  manifest: string;
}

/** latest.json: the highest version of a model published so far. */
export interface LatestPointer {
  id: string;
  version: string;
  manifest: string;
  baseUrl: string;
  publishedAt?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isSummary(value: unknown): value is ModelSummary {
  return isRecord(value) && typeof value.id === "string" && typeof value.version === "string";
}

/** The summary of a release for index.json. */
export function summaryOf(release: PublishableRelease, location: GcsLocation): ModelSummary {
  const { manifest } = release;
  const quantization = manifest.optimization?.quantization;
  return {
    id: release.id,
    name: manifest.name,
    type: manifest.type,
    ...(quantization === undefined ? {} : { quantization }),
    size: Object.values(release.signed.artifacts).reduce((sum, a) => sum + a.size, 0),
    version: release.version,
    ...(manifest.publishedAt === undefined ? {} : { publishedAt: manifest.publishedAt }),
    manifest: publicUrl(
      location,
      objectName(location, release.id, release.version, "manifest.json"),
    ),
  };
}

/** index.json with this release's entry in place, sorted by id then newest version first. */
export function withSummary(current: unknown, summary: ModelSummary): ModelSummary[] | undefined {
  const entries = Array.isArray(current) ? current.filter(isSummary) : [];
  const existing = entries.find((e) => e.id === summary.id && e.version === summary.version);
  if (existing !== undefined && JSON.stringify(existing) === JSON.stringify(summary))
    return undefined;
  const next = entries.filter((e) => !(e.id === summary.id && e.version === summary.version));
  next.push(summary);
  return next.sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : compareVersions(b.version, a.version),
  );
}

/** latest.json pointing at this release, unless a higher version is already there. */
export function withLatest(current: unknown, latest: LatestPointer): LatestPointer | undefined {
  if (isRecord(current) && typeof current.version === "string") {
    const order = compareVersions(current.version, latest.version);
    if (order > 0) return undefined;
    if (order === 0 && JSON.stringify(current) === JSON.stringify(latest)) return undefined;
  }
  return latest;
}

/** latest.json for a release. */
export function latestOf(release: PublishableRelease, location: GcsLocation): LatestPointer {
  const folder = versionFolder(location, release.id, release.version);
  return {
    id: release.id,
    version: release.version,
    manifest: publicUrl(location, `${folder}/manifest.json`),
    baseUrl: `${publicUrl(location, folder)}/`,
    ...(release.manifest.publishedAt === undefined
      ? {}
      : { publishedAt: release.manifest.publishedAt }),
  };
}

/** The object changed between reading its generation and reading that generation. */
export class ChangedMeanwhile extends Error {}

/** Retry verdict of the registry's read-modify-write: lost races start over, so do transient faults. */
export function registryVerdict(error: unknown): RetryVerdict {
  if (error instanceof ChangedMeanwhile) return { retry: true, reason: "changed while read" };
  if (statusOf(error) === 412) return { retry: true, reason: "written by someone else meanwhile" };
  return transientVerdict(error);
}

/** Reads a JSON object and its generation ("0" when it does not exist). */
export async function readJsonObject(
  bucket: Bucket,
  name: string,
  timeoutMs: number,
): Promise<{ generation: string; value: unknown }> {
  let generation: string;
  try {
    const [metadata] = await withTimeout(
      `reading ${name}`,
      timeoutMs,
      bucket.file(name).getMetadata(),
    );
    generation = String(metadata.generation ?? "0");
  } catch (error) {
    if (statusOf(error) === 404) return { generation: "0", value: undefined };
    throw error;
  }
  // Exactly the generation just seen; gone means someone replaced it in between.
  const [bytes] = await withTimeout(
    `reading ${name}`,
    timeoutMs,
    bucket.file(name, { generation: Number(generation) }).download(),
  ).catch((error: unknown) => {
    if (statusOf(error) === 404) throw new ChangedMeanwhile(`${name} changed while it was read`);
    throw error;
  });
  try {
    return { generation, value: JSON.parse(bytes.toString("utf8")) as unknown };
  } catch {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `gs://${bucket.name}/${name} is not valid JSON; fix or delete it, then publish again`,
    );
  }
}

/**
 * Read-modify-write of one JSON object under a generation match: `update` gets what is there
 * and returns the new value, or undefined when nothing needs to change. A 412 (someone wrote in
 * between) starts over from a fresh read, so no concurrent update is lost.
 */
export async function updateJsonObject(
  bucket: Bucket,
  name: string,
  update: (current: unknown) => unknown,
  context: PublishContext,
  timeoutMs: number,
): Promise<boolean> {
  return withRetry(
    `updating ${name}`,
    async () => {
      const { generation, value } = await readJsonObject(bucket, name, timeoutMs);
      const next = update(value);
      if (next === undefined) return false;
      await withTimeout(
        `writing ${name}`,
        timeoutMs,
        bucket.file(name).save(`${JSON.stringify(next, null, 2)}\n`, {
          resumable: false,
          gzip: false,
          validation: false,
          preconditionOpts: { ifGenerationMatch: Number(generation) },
          metadata: { contentType: "application/json", cacheControl: SHORT_LIVED },
        }),
      );
      return true;
    },
    registryVerdict,
    { ...context.retry, maxAttempts: Math.max(context.retry.maxAttempts, 10) },
    {
      ...(context.signal ? { signal: context.signal } : {}),
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "gcs", ...notice });
      },
    },
  ).catch((error: unknown) => {
    throw remoteFailed(`gs://${bucket.name}/${name}`, "updating", error);
  });
}

/** Brings index.json and latest.json up to date with a release; true when either changed. */
export async function updateRegistry(
  bucket: Bucket,
  location: GcsLocation,
  release: PublishableRelease,
  context: PublishContext,
  timeoutMs: number,
): Promise<boolean> {
  const latest = await updateJsonObject(
    bucket,
    latestName(location, release.id),
    (current) => withLatest(current, latestOf(release, location)),
    context,
    timeoutMs,
  );
  const index = await updateJsonObject(
    bucket,
    indexName(location),
    (current) => withSummary(current, summaryOf(release, location)),
    context,
    timeoutMs,
  );
  return latest || index;
}

/** Whether the registry already lists the release as it would be written. */
export async function registryHas(
  bucket: Bucket,
  location: GcsLocation,
  release: PublishableRelease,
  timeoutMs: number,
): Promise<boolean> {
  const latest = await readJsonObject(bucket, latestName(location, release.id), timeoutMs);
  const index = await readJsonObject(bucket, indexName(location), timeoutMs);
  return (
    withLatest(latest.value, latestOf(release, location)) === undefined &&
    withSummary(index.value, summaryOf(release, location)) === undefined
  );
}
