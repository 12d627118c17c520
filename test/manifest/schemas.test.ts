import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { validators } from "../../src/manifest/validate.js";
import { validateManifestFile } from "../../src/manifest/validate.js";
import { repoRoot } from "../helpers/temp.js";

const examples = join(repoRoot, "examples");

describe("example manifests", () => {
  it("every authored example validates", async () => {
    const files = [
      join(examples, "minimal.yaml"),
      join(examples, "tiny-llama", "model-publish.yaml"),
      ...(await readdir(join(examples, "manifests")))
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .map((f) => join(examples, "manifests", f)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const result = await validateManifestFile(file);
      expect({ file, issues: result.issues }).toEqual({ file, issues: [] });
    }
  });

  it("the design notes' §4.4 manifest validates as a release manifest", async () => {
    const data: unknown = JSON.parse(
      await readFile(join(examples, "release", "seed-003-manifest.json"), "utf8"),
    );
    const validate = validators().release;
    expect(validate(data)).toBe(true);
  });

  it("a release manifest without artifacts is refused", () => {
    const validate = validators().release;
    expect(validate({ id: "m", name: "M", version: "1.0.0", type: "other", artifacts: {} })).toBe(
      false,
    );
  });
});

describe("signature schema", () => {
  const signed = {
    manifest: {
      id: "tiny-llama",
      version: "1.0.0",
      artifacts: { "tiny-llama.safetensors": { sha256: "a".repeat(64), size: 10 } },
      merkleRoot: "b".repeat(64),
      timestamp: "2026-01-03T00:00:00Z",
    },
    signature: `${"A".repeat(86)}==`,
    publicKey: `${"B".repeat(43)}=`,
    keyId: "team",
  };

  it("accepts the App. C shape with a Merkle root", () => {
    expect(validators().signature(signed)).toBe(true);
  });

  it("refuses a signature that is not 64 bytes of base64", () => {
    expect(validators().signature({ ...signed, signature: "MEUCIQDx" })).toBe(false);
  });

  it("refuses a signed object without its Merkle root", () => {
    const { merkleRoot: _dropped, ...manifest } = signed.manifest;
    expect(validators().signature({ ...signed, manifest })).toBe(false);
  });
});
