import { createReadStream } from "node:fs";
import type { File } from "@google-cloud/storage";
import { ModelPublishError } from "../errors.js";
import type { PublishContext, ReleaseFile } from "./destination.js";
import { ResumableSession } from "./gcs-session.js";
import { objectHashes, type ObjectHashes } from "./object-hashes.js";
import { remoteFailed, statusOf, transientVerdict } from "./remote-error.js";
import { withRetry } from "./retry.js";
import { withTimeout } from "./timeout.js";

/** Object metadata written with every upload. */
export interface ObjectMetadata {
  contentType: string;
  cacheControl: string;
  metadata: Record<string, string>;
}

export interface UploadSettings {
  /** Files above this size go up in a resumable session, in chunks. */
  resumableAbove: number;
  /** Chunk size of resumable uploads (a multiple of 256 KiB). */
  chunkSize: number;
  /** Longest wait for one call of the client library (it can stall on a cut response). */
  timeoutMs: number;
}

/** What GCS says about an object, as far as publishing cares. */
export interface RemoteObject {
  size: number;
  md5: string | undefined;
  crc32c: string | undefined;
  checksum: string | undefined;
  generation: string;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

/** The parts of an object resource publishing reads. */
export function remoteObject(metadata: Record<string, unknown>): RemoteObject {
  const custom = metadata.metadata;
  const checksum =
    typeof custom === "object" && custom !== null
      ? text((custom as Record<string, unknown>)["model-checksum"])
      : undefined;
  return {
    size: Number(text(metadata.size) ?? -1),
    md5: text(metadata.md5Hash),
    crc32c: text(metadata.crc32c),
    checksum,
    generation: text(metadata.generation) ?? "",
  };
}

/** The object's current state, or undefined when there is none. */
export async function statObject(file: File, timeoutMs: number): Promise<RemoteObject | undefined> {
  try {
    const [metadata] = await withTimeout(`reading ${file.name}`, timeoutMs, file.getMetadata());
    return remoteObject(metadata);
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** Why an existing object is not this file, or undefined when it is. */
export function objectDiffers(
  remote: RemoteObject,
  file: ReleaseFile,
  hashes?: ObjectHashes,
): string | undefined {
  if (remote.size !== file.size) return `${remote.size} bytes there, ${file.size} here`;
  if (remote.checksum !== undefined && remote.checksum !== `sha256:${file.sha256}`) {
    return `${remote.checksum} there, sha256:${file.sha256} here`;
  }
  if (hashes?.md5 !== undefined && remote.md5 !== undefined && remote.md5 !== hashes.md5) {
    return `MD5 ${remote.md5} there, ${hashes.md5} here`;
  }
  if (hashes !== undefined && remote.crc32c !== undefined && remote.crc32c !== hashes.crc32c) {
    return `CRC32C ${remote.crc32c} there, ${hashes.crc32c} here`;
  }
  return undefined;
}

function conflict(name: string, why: string): ModelPublishError {
  return new ModelPublishError(
    "VERIFY_FAILED",
    `gs://${name} already exists with other bytes (${why}); a published version is never overwritten: publish the new bytes as a new version`,
  );
}

function sourceStream(file: ReleaseFile) {
  const { source } = file;
  return "file" in source
    ? createReadStream(source.file)
    : (async function* () {
        await Promise.resolve();
        yield Buffer.from(source.bytes);
      })();
}

/**
 * Uploads one release file as a new object (`ifGenerationMatch: 0`: create-only), retrying what
 * is safe: a one-request upload for small files, a resumable session in chunks for large ones
 * (a retry resumes the same session from the server's offset). When the object turns out to exist
 * already — a lost answer, a re-run, a concurrent publisher — it is accepted only if it is this
 * file. Returns the file's MD5 and CRC-32C, compared with the server's before returning.
 */
export async function uploadObject(
  gcsFile: File,
  file: ReleaseFile,
  metadata: ObjectMetadata,
  settings: UploadSettings,
  context: PublishContext,
  onBytes: (bytes: number) => void,
): Promise<ObjectHashes> {
  const where = `${gcsFile.bucket.name}/${gcsFile.name}`;
  let session: ResumableSession | undefined;
  let hashes: ObjectHashes | undefined;
  const resumable = file.size > settings.resumableAbove;
  const attempt = async (n: number): Promise<ObjectHashes> => {
    if (n > 1) {
      const existing = await statObject(gcsFile, settings.timeoutMs);
      if (existing !== undefined) {
        hashes ??= await objectHashes(file);
        const why = objectDiffers(existing, file, hashes);
        if (why !== undefined) throw conflict(where, why);
        return hashes;
      }
    }
    const preconditionOpts = { ifGenerationMatch: 0 };
    if (!resumable) {
      const bytes = "bytes" in file.source ? Buffer.from(file.source.bytes) : await readAll(file);
      hashes ??= await objectHashes(file);
      await withTimeout(
        `uploading ${file.path}`,
        settings.timeoutMs,
        gcsFile.save(bytes, {
          resumable: false,
          gzip: false,
          validation: false,
          preconditionOpts,
          metadata: {
            ...metadata,
            crc32c: hashes.crc32c,
            ...(hashes.md5 === undefined ? {} : { md5Hash: hashes.md5 }),
          },
        }),
      );
      onBytes(file.size);
      return hashes;
    }
    if (session === undefined) {
      const [uri] = await withTimeout(
        `opening an upload of ${file.path}`,
        settings.timeoutMs,
        gcsFile.createResumableUpload({ preconditionOpts, metadata }),
      );
      session = new ResumableSession(uri, file, settings.chunkSize, onBytes);
    }
    await session.resume(context.signal);
    hashes = session.hashes() ?? (await objectHashes(file));
    return hashes;
  };
  const result = await withRetry(
    `uploading ${file.path}`,
    attempt,
    (error) => {
      // 412: the object exists now; the next attempt looks at it instead of writing.
      if (statusOf(error) === 412) return { retry: true, reason: "the object exists" };
      // An expired or unknown session: start a new one.
      if ((statusOf(error) === 404 || statusOf(error) === 410) && session !== undefined) {
        session = undefined;
        return { retry: true, reason: "the upload session is gone" };
      }
      return transientVerdict(error);
    },
    context.retry,
    {
      ...(context.signal ? { signal: context.signal } : {}),
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "gcs", ...notice });
      },
    },
  ).catch((error: unknown) => {
    throw remoteFailed(`gs://${where}`, "upload", error);
  });
  const stored = await withRetry(
    `checking ${file.path}`,
    () => statObject(gcsFile, settings.timeoutMs),
    transientVerdict,
    context.retry,
    context.signal ? { signal: context.signal } : {},
  ).catch((error: unknown) => {
    throw remoteFailed(`gs://${where}`, "reading the uploaded object's metadata", error);
  });
  const why =
    stored === undefined ? "it is not there after the upload" : objectDiffers(stored, file, result);
  if (why !== undefined) {
    throw new ModelPublishError(
      "VERIFY_FAILED",
      `gs://${where}: the uploaded object does not match the file (${why}); publish again`,
    );
  }
  return result;
}

async function readAll(file: ReleaseFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of sourceStream(file)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
