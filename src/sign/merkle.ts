import { createHash } from "node:crypto";

/** One file as the Merkle tree sees it: its release path and raw SHA-256. */
export interface MerkleEntry {
  path: string;
  /** Hex SHA-256 of the file. */
  sha256: string;
}

/** RFC 6962 audit path proving that one file is in the tree with a given root. */
export interface InclusionProof {
  path: string;
  sha256: string;
  /** 0-based position of the file among the release files sorted by path (byte order). */
  index: number;
  treeSize: number;
  /** Hex node hashes, from the leaf's sibling up to the root's child. */
  auditPath: string[];
}

function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
}

const LEAF = Uint8Array.of(0x00);
const NODE = Uint8Array.of(0x01);

/** RFC 6962 leaf hash: SHA256(0x00 ‖ data). */
export function leafHash(data: Uint8Array): Buffer {
  return sha256(LEAF, data);
}

/** RFC 6962 interior node hash: SHA256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return sha256(NODE, left, right);
}

/** Leaf data of a release file (PRODUCT.md "Merkle root"): UTF-8 path, 0x00, raw 32-byte SHA-256. */
export function releaseLeafData(entry: MerkleEntry): Buffer {
  const digest = Buffer.from(entry.sha256, "hex");
  if (digest.length !== 32 || digest.toString("hex") !== entry.sha256.toLowerCase()) {
    throw new RangeError(`${entry.path}: "${entry.sha256}" is not a hex SHA-256`);
  }
  return Buffer.concat([Buffer.from(entry.path, "utf8"), LEAF, digest]);
}

/** Byte order of the UTF-8 encodings, which is how release paths are sorted. */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** The largest power of two smaller than n (n ≥ 2): where RFC 6962 splits a tree. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function treeHash(leaves: readonly Buffer[], start: number, end: number): Buffer {
  const n = end - start;
  if (n === 0) return sha256();
  if (n === 1) return leaves[start] ?? sha256();
  const k = split(n);
  return nodeHash(treeHash(leaves, start, start + k), treeHash(leaves, start + k, end));
}

/** RFC 6962 Merkle Tree Hash of a list of leaf data, in the order given. */
export function merkleTreeHash(data: readonly Uint8Array[]): Buffer {
  const leaves = data.map(leafHash);
  return treeHash(leaves, 0, leaves.length);
}

function sorted(entries: readonly MerkleEntry[]): MerkleEntry[] {
  return [...entries].sort((a, b) => compareUtf8(a.path, b.path));
}

/** The release's Merkle root (hex): files sorted by path in byte order, leaves as PRODUCT.md defines. */
export function merkleRoot(entries: readonly MerkleEntry[]): string {
  return merkleTreeHash(sorted(entries).map(releaseLeafData)).toString("hex");
}

function auditPath(leaves: readonly Buffer[], m: number, start: number, end: number): Buffer[] {
  const n = end - start;
  if (n <= 1) return [];
  const k = split(n);
  return m < k
    ? [...auditPath(leaves, m, start, start + k), treeHash(leaves, start + k, end)]
    : [...auditPath(leaves, m - k, start + k, end), treeHash(leaves, start, start + k)];
}

/** RFC 6962 §2.1.1 audit path of leaf `index` among the given leaf data. */
export function merkleAuditPath(data: readonly Uint8Array[], index: number): Buffer[] {
  if (!Number.isInteger(index) || index < 0 || index >= data.length) {
    throw new RangeError(`leaf ${index} is not in a tree of ${data.length}`);
  }
  return auditPath(data.map(leafHash), index, 0, data.length);
}

/** The inclusion proof of one release file, or undefined when the path is not among the entries. */
export function inclusionProof(
  entries: readonly MerkleEntry[],
  path: string,
): InclusionProof | undefined {
  const ordered = sorted(entries);
  const index = ordered.findIndex((entry) => entry.path === path);
  const entry = ordered[index];
  if (!entry) return undefined;
  const proof = merkleAuditPath(ordered.map(releaseLeafData), index);
  return {
    path,
    sha256: entry.sha256,
    index,
    treeSize: ordered.length,
    auditPath: proof.map((hash) => hash.toString("hex")),
  };
}

/** The root an audit path leads to from a leaf hash (RFC 9162 §2.1.3.2), or undefined if it cannot. */
export function rootFromAuditPath(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  path: readonly Uint8Array[],
): Buffer | undefined {
  if (!Number.isInteger(index) || !Number.isInteger(treeSize) || index < 0 || index >= treeSize) {
    return undefined;
  }
  let fn = index;
  let sn = treeSize - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of path) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : undefined;
}

/** Whether a proof shows its file (path and digest) to be in the tree with root `rootHex`. */
export function verifyInclusion(proof: InclusionProof, rootHex: string): boolean {
  let leaf: Buffer;
  try {
    leaf = leafHash(releaseLeafData(proof));
  } catch {
    return false;
  }
  const hexes = proof.auditPath;
  if (!hexes.every((hex) => /^[0-9a-f]{64}$/.test(hex))) return false;
  const root = rootFromAuditPath(
    leaf,
    proof.index,
    proof.treeSize,
    hexes.map((hex) => Buffer.from(hex, "hex")),
  );
  return root !== undefined && root.toString("hex") === rootHex;
}
