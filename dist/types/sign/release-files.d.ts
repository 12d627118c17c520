/** The release manifest, written by `build` and completed by `sign`. */
export declare const MANIFEST_FILE = "manifest.json";
/** The signed manifest (seed 003 App. C). */
export declare const SIGNATURE_FILE = "manifest.sig.json";
/** A thing in a release folder that cannot be part of a release. */
export interface ReleaseFileProblem {
    path: string;
    reason: string;
}
/**
 * Every file of a release folder that the signature covers: all regular files, recursively,
 * except manifest.json and manifest.sig.json at the top. Paths are relative with `/`, sorted by
 * UTF-8 byte order. Links and special files are reported, never followed: a release is plain files.
 */
export declare function listReleaseFiles(dir: string): Promise<{
    files: string[];
    problems: ReleaseFileProblem[];
}>;
/**
 * Whether a path from a (possibly hostile) manifest names a file inside the release folder:
 * relative, `/`-separated, no empty, `.` or `..` segments, no backslashes or NUL.
 */
export declare function isSafeReleasePath(path: string): boolean;
