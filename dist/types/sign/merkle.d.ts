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
/** RFC 6962 leaf hash: SHA256(0x00 ‖ data). */
export declare function leafHash(data: Uint8Array): Buffer;
/** RFC 6962 interior node hash: SHA256(0x01 ‖ left ‖ right). */
export declare function nodeHash(left: Uint8Array, right: Uint8Array): Buffer;
/** Leaf data of a release file (PRODUCT.md "Merkle root"): UTF-8 path, 0x00, raw 32-byte SHA-256. */
export declare function releaseLeafData(entry: MerkleEntry): Buffer;
/** Byte order of the UTF-8 encodings, which is how release paths are sorted. */
export declare function compareUtf8(a: string, b: string): number;
/** RFC 6962 Merkle Tree Hash of a list of leaf data, in the order given. */
export declare function merkleTreeHash(data: readonly Uint8Array[]): Buffer;
/** The release's Merkle root (hex): files sorted by path in byte order, leaves as PRODUCT.md defines. */
export declare function merkleRoot(entries: readonly MerkleEntry[]): string;
/** RFC 6962 §2.1.1 audit path of leaf `index` among the given leaf data. */
export declare function merkleAuditPath(data: readonly Uint8Array[], index: number): Buffer[];
/** The inclusion proof of one release file, or undefined when the path is not among the entries. */
export declare function inclusionProof(entries: readonly MerkleEntry[], path: string): InclusionProof | undefined;
/** The root an audit path leads to from a leaf hash (RFC 9162 §2.1.3.2), or undefined if it cannot. */
export declare function rootFromAuditPath(leaf: Uint8Array, index: number, treeSize: number, path: readonly Uint8Array[]): Buffer | undefined;
/** Whether a proof shows its file (path and digest) to be in the tree with root `rootHex`. */
export declare function verifyInclusion(proof: InclusionProof, rootHex: string): boolean;
