import { resolve } from "node:path";
import { ModelPublishError } from "../errors.js";
import { errorText, isNetworkError, statusOf } from "../publish/remote-error.js";
import { retryPolicy, type RetryPolicy } from "../publish/retry.js";
import { Secrets } from "../publish/secrets.js";
import { BlobCache } from "./blob-cache.js";
import { OutputFolder } from "./output-folder.js";
import { pullFromSource, type PullSession } from "./pull-from-source.js";
import type { PullSource } from "./pull-source.js";
import type { PullEvent, PullResult, SourceAttempt } from "./pull-types.js";
import { fetchManifests, type FetchedManifests, type PullTrust } from "./signed-manifests.js";
import { SourceRefusal } from "./source-refusal.js";

export interface PullOptions {
  /** Where to read, in the order to try (see `openSources`). */
  sources: readonly PullSource[];
  /** The folder to create; it must not exist, or be empty. */
  out: string;
  trust: PullTrust;
  /** The release asked for: a source holding another id or version is refused. */
  expect?: { id?: string; version?: string };
  /** The content-addressed cache (see `defaultCacheDir`); without it nothing is kept. */
  cacheDir?: string;
  /** Files fetched at once. Default 4. */
  parallel?: number;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  /** Values never to print (tokens); every event and message is redacted with them. */
  secrets?: Secrets;
  onEvent?: (event: PullEvent) => void;
}

/** A failure that is ours (the disk, the arguments), not the source's: it stops the pull. */
function isLocal(error: unknown): boolean {
  if (error instanceof SourceRefusal) return false;
  if (error instanceof ModelPublishError) return error.code !== "REMOTE_FAILED";
  if (statusOf(error) !== undefined || isNetworkError(error)) return false;
  const e = error as NodeJS.ErrnoException | undefined;
  return typeof e?.syscall === "string" && typeof e.path === "string";
}

function outcomeOf(error: unknown, attempt: SourceAttempt, secrets: Secrets): void {
  if (error instanceof SourceRefusal) {
    attempt.outcome = error.kind;
    attempt.message = secrets.redact(error.message);
    if (error.path !== undefined) attempt.path = error.path;
    return;
  }
  const status = statusOf(error);
  const hint =
    status === 401 || status === 403
      ? "; a private release needs credentials: HF_TOKEN for the Hub, application default credentials for GCS"
      : "";
  attempt.outcome = "failed";
  attempt.message = secrets.redact(
    `${status === undefined ? "" : `HTTP ${status}: `}${errorText(error)}${hint}`,
  );
}

/**
 * Pulls a published, signed release into a new folder: each source in turn, until one serves
 * the release whole. A source without the signed manifest is incomplete; one whose signature
 * does not verify with the trusted key, or whose file does not match its signed size and SHA-256,
 * is refused (the file and the reason are reported); one that keeps failing is passed over too.
 * Files verified on the way are kept in the cache, so the next source or the next pull does not
 * fetch them again. The output appears only complete and verified, by one rename; nothing is
 * left behind when no source serves the release.
 */
export async function pullRelease(options: PullOptions): Promise<PullResult> {
  const secrets = options.secrets ?? new Secrets();
  const emit = (event: PullEvent): void => {
    options.onEvent?.(secrets.redactValue(event));
  };
  const output = new OutputFolder(resolve(options.out));
  if (options.sources.length === 0) {
    throw new ModelPublishError("USAGE", "pull: no source to pull from");
  }
  await output.check();
  const policy = retryPolicy(options.retry);
  const fetched = new Map<PullSource, Promise<FetchedManifests>>();
  const trust: PullTrust = { ...options.trust };
  const session: PullSession = {
    sources: options.sources,
    trust,
    expect: options.expect ?? {},
    cache: options.cacheDir === undefined ? undefined : new BlobCache(options.cacheDir),
    parallel: Math.max(1, options.parallel ?? 4),
    retry: policy,
    signal: options.signal,
    emit,
    manifestsOf: (source) => {
      let manifests = fetched.get(source);
      if (manifests === undefined) {
        manifests = fetchManifests(source, policy, {
          ...(options.signal ? { signal: options.signal } : {}),
          onRetry: (notice) => {
            emit({ type: "retry", source: source.name, ...notice });
          },
        });
        fetched.set(source, manifests);
      }
      return manifests;
    },
  };
  const attempts: SourceAttempt[] = [];
  const result: PullResult = { ok: false, dir: output.path, files: 0, bytes: 0, attempts };
  for (const source of options.sources) {
    const attempt: SourceAttempt = {
      source: source.name,
      target: source.target,
      outcome: "failed",
      downloaded: 0,
      bytesDownloaded: 0,
      cached: 0,
    };
    attempts.push(attempt);
    emit({ type: "source-start", source: source.name, target: source.target });
    const staging = await output.staging();
    let committed = false;
    try {
      const { signature } = await pullFromSource(source, staging, session, attempt);
      await output.commit(staging);
      committed = true;
      attempt.outcome = "pulled";
      emit({ type: "source-end", attempt });
      const artifacts = Object.values(signature.manifest.artifacts);
      return {
        ...result,
        ok: true,
        id: signature.manifest.id,
        version: signature.manifest.version,
        keyId: signature.keyId,
        merkleRoot: signature.manifest.merkleRoot,
        timestamp: signature.manifest.timestamp,
        source: { name: source.name, target: attempt.target },
        files: artifacts.length,
        bytes: artifacts.reduce((sum, a) => sum + a.size, 0),
      };
    } catch (error) {
      if (options.signal?.aborted === true || isLocal(error)) {
        // A file system error carries paths, not secrets: it keeps its code for the caller.
        throw error instanceof ModelPublishError || !isLocal(error)
          ? secrets.redactError(error)
          : error;
      }
      outcomeOf(error, attempt, secrets);
      emit({ type: "source-end", attempt });
    } finally {
      if (!committed) await output.discard(staging);
    }
  }
  return result;
}
