import { Transform } from "node:stream";
import type { ReleaseFile } from "./destination.js";
/** CRC-32C (and MD5 for small files) in base64, as GCS reports `crc32c` and `md5Hash`. */
export interface ObjectHashes {
    crc32c: string;
    md5?: string;
}
/**
 * Files above this size are checked by CRC-32C alone, the check GCS itself recommends: MD5 would
 * double the CPU time of every large upload on a small runner.
 */
export declare const MD5_LIMIT: number;
/** CRC-32C (and MD5 when asked) over bytes given in order. */
export declare class RunningHashes {
    #private;
    bytes: number;
    constructor(md5: boolean);
    update(chunk: Uint8Array): void;
    /** The hashes of everything so far. */
    hashes(): ObjectHashes;
}
/**
 * A pass-through stream that hashes the bytes at absolute positions `start…` of a file into
 * `running`, when they continue it without a gap; bytes it already holds are not hashed twice.
 */
export declare function hashingStream(running: RunningHashes, start: number): Transform;
/** CRC-32C (and MD5 up to {@link MD5_LIMIT}) of a release file, read once. */
export declare function objectHashes(file: ReleaseFile): Promise<ObjectHashes>;
