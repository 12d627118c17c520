/**
 * Writes a file so that readers see the old contents or the new, never a torn one:
 * a temporary file beside it, flushed, then renamed over it.
 */
export declare function writeFileAtomic(path: string, data: string | Uint8Array, mode?: number): Promise<void>;
/**
 * Writes a new file atomically and refuses to replace an existing one (EEXIST):
 * the temporary file is hard-linked into place, which fails when the name is taken.
 */
export declare function writeNewFileAtomic(path: string, data: string | Uint8Array, mode?: number): Promise<void>;
