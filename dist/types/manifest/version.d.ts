/** The version placeholder for runs with no tag when the manifest says `from-tag`. */
export declare const UNTAGGED_VERSION = "0.0.0-untagged";
export type VersionResolution = {
    ok: true;
    version: string;
} | {
    ok: false;
    message: string;
    fix: string;
};
/**
 * The release version: the tag's (v1.2.3 → 1.2.3) when the manifest says `from-tag`,
 * otherwise the manifest's, which must then agree with a pushed tag.
 */
export declare function resolveVersion(declared: string, tag: string | undefined): VersionResolution;
