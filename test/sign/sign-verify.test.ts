import { createHash } from "node:crypto";
import { appendFile, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { validators } from "../../src/manifest/validate.js";
import { keyFingerprint, SigningKey } from "../../src/sign/keys.js";
import { merkleRoot } from "../../src/sign/merkle.js";
import { signRelease } from "../../src/sign/sign-release.js";
import { releaseTimestamp } from "../../src/sign/timestamp.js";
import { verifyRelease } from "../../src/sign/verify-release.js";
import { scratch } from "../helpers/temp.js";
import {
  FIXED_EPOCH,
  FIXED_TIMESTAMP,
  fixedKey,
  RELEASE_FILES,
  releaseManifest,
  writeRelease,
} from "./fixture.js";

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

describe("sign and verify a release folder", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  let key: SigningKey;
  beforeEach(async () => {
    tmp = await scratch();
    key = await fixedKey();
    await writeRelease(tmp.dir);
  });
  afterEach(() => tmp.remove());

  const sign = () => signRelease(tmp.dir, key, { keyId: "test-key", timestamp: FIXED_TIMESTAMP });
  const read = async (name: string): Promise<unknown> =>
    JSON.parse(await readFile(join(tmp.dir, name), "utf8")) as unknown;

  it("signs every file but the manifests, and verifies with the trusted key", async () => {
    const signed = await sign();
    const expected = Object.entries(RELEASE_FILES)
      .map(([path, text]) => ({ path, sha256: sha256(text), size: Buffer.byteLength(text) }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(signed.files).toEqual(expected);
    const sig = await read("manifest.sig.json");
    expect(validators().signature(sig)).toBe(true);
    expect(sig).toEqual({
      manifest: {
        id: "tiny",
        version: "1.2.3",
        artifacts: Object.fromEntries(
          expected.map((f) => [f.path, { sha256: f.sha256, size: f.size }]),
        ),
        merkleRoot: merkleRoot(expected),
        timestamp: FIXED_TIMESTAMP,
      },
      signature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
      publicKey: key.publicKeyBase64,
      keyId: "test-key",
    });
    const report = await verifyRelease(tmp.dir, { publicKey: key.publicKey });
    expect(report).toMatchObject({ ok: true, problems: [], files: 4, keyId: "test-key" });
    expect(report.bytes).toBe(expected.reduce((sum, f) => sum + f.size, 0));
  });

  it("brings manifest.json into agreement: digests, sizes, root, timestamp, every file listed", async () => {
    const signed = await sign();
    const manifest = (await read("manifest.json")) as typeof signed.manifest;
    expect(validators().release(manifest)).toBe(true);
    expect(manifest.artifacts.model).toEqual({
      filename: "tiny.safetensors",
      format: "safetensors",
      size: Buffer.byteLength(RELEASE_FILES["tiny.safetensors"] ?? ""),
      sha256: sha256(RELEASE_FILES["tiny.safetensors"] ?? ""),
    });
    expect(Object.keys(manifest.artifacts)).toEqual(["model", "onnx", "README.md", "config.json"]);
    expect(manifest.merkleRoot).toBe(signed.signature.manifest.merkleRoot);
    expect(manifest.timestamp).toBe(FIXED_TIMESTAMP);
    expect(manifest.name).toBe("Tiny");
  });

  it("gives a fixed signature for a fixed key and SOURCE_DATE_EPOCH, byte-identical on re-signing", async () => {
    const timestamp = await releaseTimestamp({ env: { SOURCE_DATE_EPOCH: FIXED_EPOCH } });
    expect(timestamp).toBe(FIXED_TIMESTAMP);
    const first = await signRelease(tmp.dir, key, { keyId: "test-key", timestamp });
    expect(first.signature.manifest.merkleRoot).toBe(
      "4e029d08f9f57ac5f7a4488fcd93af318d84893e9c6dc2795f933fe3948fec41",
    );
    // Both pinned values were computed independently with Python's hashlib and PyNaCl (libsodium).
    expect(first.signature.signature).toBe(
      "4UcSgdyZPAucRrX/3l5vyNua5jVcPQfMUK22n7uj3hOKIf7CPyuM5irL+iGScnE28FWkKqAdPRBSdr5MntStBA==",
    );
    const bytes = async () => [
      await readFile(join(tmp.dir, "manifest.json")),
      await readFile(join(tmp.dir, "manifest.sig.json")),
    ];
    const before = await bytes();
    await signRelease(tmp.dir, key, { keyId: "test-key", timestamp, concurrency: 1 });
    expect(await bytes()).toEqual(before);
  });

  it("refuses a signature by another key, and a key id the keyring does not hold", async () => {
    await sign();
    const other = await SigningKey.fromSeed(Buffer.alloc(32, 9));
    const report = await verifyRelease(tmp.dir, { publicKey: other.publicKey });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind)).toEqual(["untrusted-key", "signature"]);
    expect(report.problems[0]?.message).toContain(keyFingerprint(other.publicKey));
    expect(report.problems[0]?.message).not.toContain(other.publicKeyBase64);

    expect((await verifyRelease(tmp.dir, { keyring: { "test-key": key.publicKey } })).ok).toBe(
      true,
    );
    const stranger = await verifyRelease(tmp.dir, { keyring: { someone: key.publicKey } });
    expect(stranger.problems).toEqual([
      expect.objectContaining({
        kind: "untrusted-key",
        message: expect.stringContaining('"test-key" is not in the keyring'),
      }),
    ]);
    const swapped = await verifyRelease(tmp.dir, { keyring: { "test-key": other.publicKey } });
    expect(swapped.problems.map((p) => p.kind)).toEqual(["untrusted-key", "signature"]);
  });

  it("reports every problem at once: missing, unlisted, resized, changed, linked, manifest.json", async () => {
    await sign();
    await rm(join(tmp.dir, "config.json"));
    await writeFile(join(tmp.dir, "extra.bin"), "x");
    await appendFile(join(tmp.dir, "onnx/model.onnx"), "!");
    await writeFile(
      join(tmp.dir, "README.md"),
      (RELEASE_FILES["README.md"] ?? "").replace("Tiny", "Tinx"),
    );
    await symlink("README.md", join(tmp.dir, "link.md"));
    const manifest = (await read("manifest.json")) as Record<string, unknown>;
    await writeFile(
      join(tmp.dir, "manifest.json"),
      JSON.stringify({ ...manifest, version: "9.9.9" }),
    );
    const report = await verifyRelease(tmp.dir, { publicKey: key.publicKey });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.kind, p.path ?? ""])).toEqual([
      ["not-a-file", "link.md"],
      ["unlisted", "extra.bin"],
      ["missing", "config.json"],
      ["digest", "README.md"],
      ["size", "onnx/model.onnx"],
      ["manifest", ""],
    ]);
    expect(report.problems[5]?.message).toBe(
      'manifest.json says version "9.9.9", the signed manifest "1.2.3"',
    );
  });

  it("quotes file names with control characters, so they cannot forge CI log lines", async () => {
    await sign();
    await writeFile(join(tmp.dir, "evil\n::error::forged"), "");
    const report = await verifyRelease(tmp.dir, { publicKey: key.publicKey });
    expect(report.problems.map((p) => p.message)).toEqual([
      '"evil\\n::error::forged" is not covered by the signature',
    ]);
  });

  it("checks manifest.json's artifacts against the signed ones", async () => {
    await sign();
    const manifest = (await read("manifest.json")) as {
      artifacts: Record<string, Record<string, unknown>>;
    };
    const { artifacts } = manifest;
    artifacts.model = { ...artifacts.model, size: 1 };
    artifacts.ghost = { filename: "ghost.bin", size: 1, sha256: "ab" };
    delete artifacts["config.json"];
    await writeFile(join(tmp.dir, "manifest.json"), JSON.stringify(manifest));
    const report = await verifyRelease(tmp.dir, { publicKey: key.publicKey });
    expect(report.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^manifest.json gives tiny.safetensors sha256 \w+ and 1 bytes, the signed manifest \w+ and 16$/,
      ),
      "manifest.json lists ghost.bin (artifacts.ghost), which is not signed",
      "manifest.json does not list the signed file config.json",
    ]);
    await writeFile(join(tmp.dir, "manifest.json"), "{");
    expect((await verifyRelease(tmp.dir, { publicKey: key.publicKey })).problems).toEqual([
      { kind: "manifest", message: "manifest.json is not valid JSON" },
    ]);
    await writeFile(join(tmp.dir, "manifest.json"), "{}");
    expect(
      (await verifyRelease(tmp.dir, { publicKey: key.publicKey })).problems[0]?.message,
    ).toMatch(/^manifest.json does not match its schema: \(root\) must have required property/);
    await rm(join(tmp.dir, "manifest.json"));
    expect((await verifyRelease(tmp.dir, { publicKey: key.publicKey })).problems).toEqual([
      { kind: "manifest", message: "manifest.json is missing" },
    ]);
  });

  it("verifies one file alone with its inclusion proof", async () => {
    const signed = await sign();
    await writeFile(join(tmp.dir, "config.json"), "changed");
    const alone = await verifyRelease(tmp.dir, {
      publicKey: key.publicKey,
      file: "./onnx/model.onnx",
    });
    expect(alone).toMatchObject({ ok: true, files: 1, problems: [] });
    expect(alone.proof).toMatchObject({ path: "onnx/model.onnx", index: 2, treeSize: 4 });
    expect(alone.proof?.auditPath).toHaveLength(2);
    expect(alone.merkleRoot).toBe(signed.signature.manifest.merkleRoot);

    const changed = await verifyRelease(tmp.dir, { publicKey: key.publicKey, file: "config.json" });
    expect(changed.problems.map((p) => p.kind)).toEqual(["size"]);
    const unknown = await verifyRelease(tmp.dir, { publicKey: key.publicKey, file: "nope.bin" });
    expect(unknown.problems).toEqual([
      { kind: "unlisted", path: "nope.bin", message: "nope.bin is not a signed file" },
    ]);
    await rm(join(tmp.dir, "README.md"));
    const gone = await verifyRelease(tmp.dir, { publicKey: key.publicKey, file: "README.md" });
    expect(gone.problems.map((p) => p.kind)).toEqual(["missing"]);
  });

  it("says what is wrong with the signature file itself", async () => {
    expect(
      (await verifyRelease(tmp.dir, { publicKey: key.publicKey })).problems[0]?.message,
    ).toMatch(/manifest.sig.json is missing: the release is not signed/);
    await writeFile(join(tmp.dir, "manifest.sig.json"), "nope");
    expect((await verifyRelease(tmp.dir, { publicKey: key.publicKey })).problems[0]?.message).toBe(
      "manifest.sig.json is not valid JSON",
    );
    await writeFile(join(tmp.dir, "manifest.sig.json"), '{"manifest": {}}');
    expect(
      (await verifyRelease(tmp.dir, { publicKey: key.publicKey })).problems[0]?.message,
    ).toMatch(/manifest.sig.json does not match its schema/);
    await expect(verifyRelease(tmp.dir, {})).rejects.toThrow(/give a trusted public key/);
  });

  it("refuses signed paths that leave the release folder and a root that does not match", async () => {
    const signed = await sign();
    const sig = signed.signature;
    const evil = {
      ...sig,
      manifest: {
        ...sig.manifest,
        artifacts: { ...sig.manifest.artifacts, "../outside": { sha256: "a".repeat(64), size: 1 } },
      },
    };
    await writeFile(join(tmp.dir, "manifest.sig.json"), JSON.stringify(evil));
    const report = await verifyRelease(tmp.dir, { publicKey: key.publicKey });
    expect(report.problems.map((p) => p.kind)).toEqual(
      expect.arrayContaining(["signature", "merkle-root", "unsafe-path"]),
    );
  });

  it("refuses to sign a folder that is not ready", async () => {
    await expect(
      signRelease(tmp.dir, key, { keyId: "", timestamp: FIXED_TIMESTAMP }),
    ).rejects.toThrow(/key id is empty/);
    await expect(
      signRelease(tmp.dir, key, { keyId: "k", timestamp: "2024-05-01 00:00" }),
    ).rejects.toThrow(/not RFC 3339 UTC/);
    await writeFile(
      join(tmp.dir, "manifest.json"),
      JSON.stringify({
        ...releaseManifest(),
        artifacts: { model: { filename: "gone.bin", size: 0, sha256: "0" } },
      }),
    );
    await expect(sign()).rejects.toThrow(
      /artifacts.model.filename is gone.bin, which is not a file/,
    );
    await writeFile(
      join(tmp.dir, "manifest.json"),
      JSON.stringify({
        ...releaseManifest(),
        artifacts: { "config.json": { filename: "README.md", size: 0, sha256: "0" } },
      }),
    );
    await expect(sign()).rejects.toThrow(/artifacts.config.json names another file/);
    await writeFile(join(tmp.dir, "manifest.json"), JSON.stringify({ id: "tiny" }));
    await expect(sign()).rejects.toThrow(/manifest.json: \(root\) must have required property/);
    await writeFile(join(tmp.dir, "manifest.json"), "[");
    await expect(sign()).rejects.toThrow(/not valid JSON/);
    await rm(join(tmp.dir, "manifest.json"));
    await expect(sign()).rejects.toThrow(
      /manifest.json: no such file; `model-publish build` writes it/,
    );
    await writeRelease(tmp.dir);
    await symlink("/etc/passwd", join(tmp.dir, "passwd"));
    await expect(sign()).rejects.toThrow(
      /passwd is a symbolic link; a release holds plain files only/,
    );
  });
});
