const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-((0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(\+([0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*))?$/;

/** The version placeholder for runs with no tag when the manifest says `from-tag`. */
export const UNTAGGED_VERSION = "0.0.0-untagged";

export type VersionResolution =
  { ok: true; version: string } | { ok: false; message: string; fix: string };

/**
 * The release version: the tag's (v1.2.3 → 1.2.3) when the manifest says `from-tag`,
 * otherwise the manifest's, which must then agree with a pushed tag.
 */
export function resolveVersion(declared: string, tag: string | undefined): VersionResolution {
  const fromTag = tag?.replace(/^v/, "");
  if (tag !== undefined && fromTag !== undefined && !SEMVER.test(fromTag)) {
    return {
      ok: false,
      message: `tag "${tag}" is not a version`,
      fix: "push a tag like v1.2.3 to release",
    };
  }
  if (declared === "from-tag") return { ok: true, version: fromTag ?? UNTAGGED_VERSION };
  if (tag !== undefined && fromTag !== declared) {
    return {
      ok: false,
      message: `tag "${tag}" says ${fromTag ?? ""} but the manifest says version ${declared}`,
      fix: "make them agree, or write `version: from-tag`",
    };
  }
  return { ok: true, version: declared };
}
