import type { File } from "@google-cloud/storage";
import type { PublishContext, ReleaseFile } from "./destination.js";
import { type ObjectHashes } from "./object-hashes.js";
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
/** The parts of an object resource publishing reads. */
export declare function remoteObject(metadata: Record<string, unknown>): RemoteObject;
/** The object's current state, or undefined when there is none. */
export declare function statObject(file: File, timeoutMs: number): Promise<RemoteObject | undefined>;
/** Why an existing object is not this file, or undefined when it is. */
export declare function objectDiffers(remote: RemoteObject, file: ReleaseFile, hashes?: ObjectHashes): string | undefined;
/**
 * Uploads one release file as a new object (`ifGenerationMatch: 0`: create-only), retrying what
 * is safe: a one-request upload for small files, a resumable session in chunks for large ones
 * (a retry resumes the same session from the server's offset). When the object turns out to exist
 * already — a lost answer, a re-run, a concurrent publisher — it is accepted only if it is this
 * file. Returns the file's MD5 and CRC-32C, compared with the server's before returning.
 */
export declare function uploadObject(gcsFile: File, file: ReleaseFile, metadata: ObjectMetadata, settings: UploadSettings, context: PublishContext, onBytes: (bytes: number) => void): Promise<ObjectHashes>;
