/** A file's SHA-256 and the number of bytes that went into it. */
export interface FileDigest {
    /** Path relative to the root it was hashed under, with `/`. */
    path: string;
    /** Hex SHA-256. */
    sha256: string;
    size: number;
}
/** Bytes hashed so far, for progress bars. */
export interface HashProgress {
    path: string;
    bytesDone: number;
    bytesTotal: number;
}
export interface HashOptions {
    /** Files hashed at once; defaults to the machine's parallelism, at most 8. */
    concurrency?: number;
    /** Below this many bytes in all, hash on this thread instead of starting workers (default 16 MiB). */
    inThreadBelow?: number;
    onProgress?: (progress: HashProgress) => void;
}
/** Streams one file through SHA-256 on this thread. */
export declare function sha256File(file: string, onBytes?: (bytes: number) => void, sizeHint?: number): Promise<{
    sha256: string;
    size: number;
}>;
/**
 * SHA-256 and size of each file (paths relative to `root`, with `/`), streamed with bounded
 * memory and hashed in parallel: on worker threads when there is enough to hash, so large
 * releases use every core. Results come back in the order of `paths`.
 */
export declare function hashFiles(root: string, paths: readonly string[], options?: HashOptions): Promise<FileDigest[]>;
