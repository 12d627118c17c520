import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { ReleaseFile } from "./destination.js";
import { FileSlice } from "./file-blob.js";
import type { HubEntry } from "./hub-remote.js";

/** Git's blob id of a file (SHA-1 over `blob <size>\0` and the bytes), as the Hub's tree lists it. */
export async function gitBlobOid(file: ReleaseFile): Promise<string> {
  const hash = createHash("sha1").update(`blob ${file.size}\0`);
  if ("bytes" in file.source) return hash.update(file.source.bytes).digest("hex");
  for await (const chunk of createReadStream(file.source.file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Whether a Hub tree entry holds exactly this file: an LFS entry by its SHA-256 and size (the
 * Hub checked the bytes against that oid on upload), a regular one by its git blob id.
 */
export async function entryMatches(
  file: ReleaseFile,
  entry: HubEntry | undefined,
  blobOids: Map<string, string>,
): Promise<boolean> {
  if (entry === undefined) return false;
  if (entry.lfs !== undefined) return entry.lfs.oid === file.sha256 && entry.lfs.size === file.size;
  if (entry.size !== file.size) return false;
  let oid = blobOids.get(file.path);
  if (oid === undefined) {
    oid = await gitBlobOid(file);
    blobOids.set(file.path, oid);
  }
  return entry.oid === oid;
}

/** A file's bytes as the Hub client takes them: read lazily from disk, never loaded whole. */
export function fileBlob(file: ReleaseFile): Blob {
  if ("bytes" in file.source) return new Blob([file.source.bytes]);
  return new FileSlice(file.source.file, 0, file.size);
}

/** How a remote entry differs from the file, for messages. */
export function entryText(entry: HubEntry | undefined): string {
  if (entry === undefined) return "missing";
  return entry.lfs === undefined
    ? `git blob ${entry.oid}, ${entry.size} bytes`
    : `sha256 ${entry.lfs.oid}, ${entry.lfs.size} bytes`;
}
