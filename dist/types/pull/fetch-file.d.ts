import { type RetryNotice, type RetryPolicy } from "../publish/retry.js";
import type { PullSource } from "./pull-source.js";
/** A signed file to fetch. */
export interface SignedFile {
    path: string;
    sha256: string;
    size: number;
}
export interface FetchFileOptions {
    retry: RetryPolicy;
    signal?: AbortSignal;
    onRetry?: (notice: RetryNotice) => void;
    /** Bytes written so far, after each chunk. */
    onBytes?: (done: number) => void;
}
/**
 * Streams one file from a source into `dest` (a new file), hashing as it goes, in bounded
 * memory whatever its size. A broken connection or a transient answer is retried from the byte
 * where it stopped. The file must be exactly the signed size and digest; else the source is
 * refused ({@link SourceRefusal}) naming the file and what is wrong. A file the source does not
 * have is refused the same way.
 */
export declare function fetchFile(source: PullSource, file: SignedFile, dest: string, options: FetchFileOptions): Promise<void>;
