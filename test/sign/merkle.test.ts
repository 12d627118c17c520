import { createHash } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import {
  compareUtf8,
  inclusionProof,
  merkleAuditPath,
  merkleRoot,
  merkleTreeHash,
  releaseLeafData,
  rootFromAuditPath,
  leafHash,
  verifyInclusion,
} from "../../src/sign/merkle.js";

const hex = (h: string): Buffer => Buffer.from(h, "hex");
const sha = (...parts: Uint8Array[]): string => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex");
};

// The leaves and roots of the Certificate Transparency reference tests (RFC 6962 trees of 1–8).
const CT_LEAVES = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
].map(hex);
const CT_ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

describe("RFC 6962 Merkle tree", () => {
  it("gives the Certificate Transparency reference roots for trees of 1 to 8 leaves", () => {
    CT_ROOTS.forEach((root, i) => {
      expect(merkleTreeHash(CT_LEAVES.slice(0, i + 1)).toString("hex")).toBe(root);
    });
    expect(merkleTreeHash([]).toString("hex")).toBe(sha());
  });

  it("gives the reference audit path of leaf 0 in the tree of 8", () => {
    expect(merkleAuditPath(CT_LEAVES, 0).map((h) => h.toString("hex"))).toEqual([
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]);
    expect(() => merkleAuditPath(CT_LEAVES, 8)).toThrow(RangeError);
  });

  it("verifies every leaf's audit path in trees of 1 to 33 leaves, and nothing else", () => {
    const leaves = Array.from({ length: 33 }, (_, i) => Buffer.from(`leaf ${i}`));
    for (let n = 1; n <= leaves.length; n++) {
      const data = leaves.slice(0, n);
      const root = merkleTreeHash(data);
      for (let m = 0; m < n; m++) {
        const path = merkleAuditPath(data, m);
        const leaf = leafHash(data[m] ?? Buffer.alloc(0));
        expect(rootFromAuditPath(leaf, m, n, path)?.equals(root)).toBe(true);
        // A wrong position, a flipped node or a dropped node all fail.
        if (n > 1)
          expect(rootFromAuditPath(leaf, (m + 1) % n, n, path)?.equals(root)).not.toBe(true);
        if (path.length > 0) {
          const bent = path.map((p, i) =>
            i === 0 ? Buffer.from(p).fill(p[0] === 0 ? 1 : 0, 0, 1) : p,
          );
          expect(rootFromAuditPath(leaf, m, n, bent)?.equals(root)).not.toBe(true);
          expect(rootFromAuditPath(leaf, m, n, path.slice(1))?.equals(root)).not.toBe(true);
        }
      }
    }
    expect(rootFromAuditPath(Buffer.alloc(32), 3, 3, [])).toBeUndefined();
    expect(rootFromAuditPath(Buffer.alloc(32), 0, 1, [Buffer.alloc(32)])).toBeUndefined();
  });

  it("computes the release root from path ‖ 0x00 ‖ digest leaves, files sorted by UTF-8 bytes", () => {
    const a = { path: "a.txt", sha256: sha(Buffer.from("a")) };
    const z = { path: "Z.txt", sha256: sha(Buffer.from("z")) };
    const e = { path: "é.txt", sha256: sha(Buffer.from("e")) };
    expect(releaseLeafData(a)).toEqual(
      Buffer.concat([Buffer.from("a.txt"), Buffer.of(0), hex(a.sha256)]),
    );
    // Byte order: "Z" (0x5a) < "a" (0x61) < "é" (0xc3 0xa9).
    const expected = sha(
      Buffer.of(1),
      hex(sha(Buffer.of(1), leafHash(releaseLeafData(z)), leafHash(releaseLeafData(a)))),
      leafHash(releaseLeafData(e)),
    );
    expect(merkleRoot([e, a, z])).toBe(expected);
    expect(merkleRoot([a, z, e])).toBe(expected);
    expect(compareUtf8("\uffff", "\ud83d\ude00")).toBeLessThan(0);
    expect(() => releaseLeafData({ path: "x", sha256: "abc" })).toThrow(/not a hex SHA-256/);
  });

  it("gives inclusion proofs that verify against the release root alone", () => {
    const entries = ["b", "a", "c/d", "e", "f"].map((path) => ({
      path,
      sha256: sha(Buffer.from(path)),
    }));
    const root = merkleRoot(entries);
    for (const { path } of entries) {
      const proof = inclusionProof(entries, path);
      expect(proof).toBeDefined();
      if (!proof) continue;
      expect(proof.treeSize).toBe(5);
      expect(verifyInclusion(proof, root)).toBe(true);
      expect(verifyInclusion({ ...proof, sha256: sha(Buffer.from("other")) }, root)).toBe(false);
      expect(verifyInclusion({ ...proof, path: `${path}x` }, root)).toBe(false);
      expect(verifyInclusion({ ...proof, auditPath: [...proof.auditPath, "zz"] }, root)).toBe(
        false,
      );
      expect(verifyInclusion({ ...proof, sha256: "not hex" }, root)).toBe(false);
    }
    expect(inclusionProof(entries, "missing")).toBeUndefined();
  });
});
