/** A file the cache is asked for: its signed digest and size. */
export interface CachedFile {
    sha256: string;
    size: number;
}
/** `$XDG_CACHE_HOME/model-publish`, else `~/.cache/model-publish`. */
export declare function defaultCacheDir(env: NodeJS.ProcessEnv): string;
/**
 * Verified release files by SHA-256 (`blobs/sha256/ab/abcd…`), so a second pull of the same
 * bytes, from any source and of any release, downloads nothing. Only files that matched their
 * signed digest go in; what comes out is hashed again, and an entry that no longer matches is
 * dropped. Files are hard-linked in and out where the cache and the output share a file system.
 */
export declare class BlobCache {
    readonly dir: string;
    constructor(dir: string);
    /** Where the blob with this digest lives. */
    path(sha256: string): string;
    /**
     * Puts the cached bytes of `file` at `dest` (a new file) when the cache has them and they still
     * hash to the digest; false on a miss, `dest` then absent. A damaged entry is removed.
     */
    take(file: CachedFile, dest: string): Promise<boolean>;
    /** Keeps a file that matched its signed digest. */
    keep(file: CachedFile, source: string): Promise<void>;
}
