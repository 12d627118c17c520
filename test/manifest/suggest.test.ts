import { describe, expect, it } from "@jest/globals";
import { closest, editDistance } from "../../src/manifest/suggest.js";

describe("closest", () => {
  const keys = ["license", "licenseName", "licenseLink", "library_name", "pipeline_tag"];

  it("finds a key with one letter wrong, swapped or missing", () => {
    expect(closest("licence", keys)).toBe("license");
    expect(closest("lciense", keys)).toBe("license");
    expect(closest("pipline_tag", keys)).toBe("pipeline_tag");
  });

  it("ignores case and separators", () => {
    expect(closest("libraryName", keys)).toBe("library_name");
    expect(closest("PIPELINE-TAG", keys)).toBe("pipeline_tag");
  });

  it("completes an unambiguous prefix", () => {
    expect(closest("text-gen", ["text-generation", "embedding"])).toBe("text-generation");
  });

  it("offers nothing when no candidate is plausibly meant", () => {
    expect(closest("tokenizer", keys)).toBeUndefined();
    expect(closest("lic", keys)).toBeUndefined();
  });
});

describe("editDistance", () => {
  it("counts an adjacent transposition as one edit", () => {
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
});
