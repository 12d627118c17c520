import type { ReleaseFile } from "./destination.js";
import type { HubEntry } from "./hub-remote.js";
/** Git's blob id of a file (SHA-1 over `blob <size>\0` and the bytes), as the Hub's tree lists it. */
export declare function gitBlobOid(file: ReleaseFile): Promise<string>;
/**
 * Whether a Hub tree entry holds exactly this file: an LFS entry by its SHA-256 and size (the
 * Hub checked the bytes against that oid on upload), a regular one by its git blob id.
 */
export declare function entryMatches(file: ReleaseFile, entry: HubEntry | undefined, blobOids: Map<string, string>): Promise<boolean>;
/** A file's bytes as the Hub client takes them: read lazily from disk, never loaded whole. */
export declare function fileBlob(file: ReleaseFile): Blob;
/** How a remote entry differs from the file, for messages. */
export declare function entryText(entry: HubEntry | undefined): string;
