import { describe, expect, it } from "@jest/globals";
import { resolveVersion, UNTAGGED_VERSION } from "../../src/manifest/version.js";

describe("resolveVersion", () => {
  it("takes the version from a v-prefixed or bare tag", () => {
    expect(resolveVersion("from-tag", "v1.2.3")).toEqual({ ok: true, version: "1.2.3" });
    expect(resolveVersion("from-tag", "2.0.0-rc.1")).toEqual({ ok: true, version: "2.0.0-rc.1" });
  });

  it("uses a placeholder when there is no tag", () => {
    expect(resolveVersion("from-tag", undefined)).toEqual({ ok: true, version: UNTAGGED_VERSION });
  });

  it("keeps the manifest's version when it agrees with the tag", () => {
    expect(resolveVersion("1.2.3", "v1.2.3")).toEqual({ ok: true, version: "1.2.3" });
    expect(resolveVersion("1.2.3", undefined)).toEqual({ ok: true, version: "1.2.3" });
  });

  it("refuses a tag that disagrees with the manifest", () => {
    const result = resolveVersion("1.2.3", "v1.3.0");
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("1.3.0") });
  });

  it("refuses a tag that is not a version", () => {
    expect(resolveVersion("from-tag", "release-5")).toMatchObject({
      ok: false,
      fix: expect.stringContaining("v1.2.3"),
    });
  });
});
