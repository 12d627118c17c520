import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { runPool } from "../publish/pool.js";
import type { RetryNotice, RetryPolicy } from "../publish/retry.js";
import { keyFingerprint } from "../sign/keys.js";
import { compareUtf8 } from "../sign/merkle.js";
import type { BlobCache } from "./blob-cache.js";
import { fetchFile, type SignedFile } from "./fetch-file.js";
import type { PullSource } from "./pull-source.js";
import type { PullEvent, SourceAttempt } from "./pull-types.js";
import {
  checkManifests,
  type CheckedManifests,
  type FetchedManifests,
  type PullTrust,
  pinEmbeddedKey,
} from "./signed-manifests.js";
import { SourceRefusal } from "./source-refusal.js";

/** What trying one source shares with the others of the same pull. */
export interface PullSession {
  sources: readonly PullSource[];
  trust: PullTrust;
  expect: { id?: string; version?: string };
  cache: BlobCache | undefined;
  parallel: number;
  retry: RetryPolicy;
  signal: AbortSignal | undefined;
  emit: (event: PullEvent) => void;
  /** The manifests a source serves, fetched once per pull. */
  manifestsOf: (source: PullSource) => Promise<FetchedManifests>;
}

/** Progress events at most every this many bytes of a file (and at its end). */
const PROGRESS_STEP = 8 << 20;

/**
 * An IPFS source named by the manifest: its CID is in manifest.json (`ipfs.cid`, the directory of
 * the signed files), which comes, with the signed manifest, from the first other source that
 * serves a pair that verifies.
 */
async function locate(
  source: PullSource,
  staging: string,
  session: PullSession,
): Promise<{ checked: CheckedManifests; reader: PullSource }> {
  for (const other of session.sources) {
    if (other === source || other.unlocated === true) continue;
    const fetched = await session.manifestsOf(other).catch(() => undefined);
    if (fetched === undefined) continue;
    let checked: CheckedManifests;
    try {
      checked = await checkManifests(staging, fetched, session.trust, session.expect);
    } catch (error) {
      if (error instanceof SourceRefusal) continue;
      throw error;
    }
    const cid = checked.manifest.ipfs?.cid;
    if (cid === undefined || source.locate === undefined) {
      throw new SourceRefusal(
        undefined,
        `manifest.json from ${other.target} names no IPFS CID: the release was not published to IPFS`,
        "skipped",
      );
    }
    return { checked, reader: source.locate(cid) };
  }
  throw new SourceRefusal(
    undefined,
    "its CID is in manifest.json, and no other source serves a signed manifest that verifies; pull ipfs://<release root CID> (publish prints it) instead",
    "skipped",
  );
}

/**
 * Pulls the release from one source into an empty staging folder: the signed manifest first,
 * verified with the trusted key, then every signed file from the cache (hashed again) or the
 * source (hashed while streaming), several at once. The first file that does not match stops the
 * others and refuses the source. Counts go into `attempt` as files arrive.
 */
export async function pullFromSource(
  source: PullSource,
  staging: string,
  session: PullSession,
  attempt: SourceAttempt,
): Promise<CheckedManifests> {
  const { checked, reader } =
    source.unlocated === true
      ? await locate(source, staging, session)
      : {
          checked: await checkManifests(
            staging,
            await session.manifestsOf(source),
            session.trust,
            session.expect,
          ),
          reader: source,
        };
  attempt.target = reader.target;
  const pinned = pinEmbeddedKey(session.trust, checked.signature);
  if (pinned !== undefined) {
    session.emit({
      type: "log",
      level: "warning",
      message: `trusting the key in the signed manifest of ${reader.target} (fingerprint ${keyFingerprint(pinned)}) because no key was given: the files are what that key signed, not necessarily what the publisher signed; every other source is held to the same key`,
    });
  }
  const files: SignedFile[] = Object.entries(checked.signature.manifest.artifacts)
    .map(([path, { sha256, size }]) => ({ path, sha256, size }))
    .sort((a, b) => compareUtf8(a.path, b.path));
  const stop = new AbortController();
  const signal = session.signal ? AbortSignal.any([session.signal, stop.signal]) : stop.signal;
  const { cache, emit } = session;
  const name = source.name;
  await runPool(files, session.parallel, async (file) => {
    try {
      const dest = join(staging, file.path);
      await mkdir(dirname(dest), { recursive: true });
      if (cache !== undefined && (await cache.take(file, dest))) {
        attempt.cached += 1;
        emit({ type: "file", source: name, path: file.path, action: "cached", bytes: file.size });
        return;
      }
      let reported = 0;
      await fetchFile(reader, file, dest, {
        retry: session.retry,
        signal,
        onRetry: (notice: RetryNotice) => {
          emit({ type: "retry", source: name, ...notice });
        },
        onBytes: (done) => {
          if (done - reported < PROGRESS_STEP && done < file.size) return;
          reported = done;
          emit({ type: "progress", source: name, path: file.path, done, total: file.size });
        },
      });
      attempt.downloaded += 1;
      attempt.bytesDownloaded += file.size;
      await cache?.keep(file, dest);
      emit({ type: "file", source: name, path: file.path, action: "downloaded", bytes: file.size });
    } catch (error) {
      // The first failure decides: the files still streaming are not needed any more.
      stop.abort(error);
      throw error;
    }
  });
  return checked;
}
