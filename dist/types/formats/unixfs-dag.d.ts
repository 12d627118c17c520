import { CID } from "multiformats/cid";
/**
 * The UnixFS settings of every release DAG (PRODUCT.md "IPFS"): what `ipfs add --cid-version=1`
 * uses, so anyone can recompute a release's CID with Kubo. Recorded in the manifest as is.
 */
export declare const UNIXFS_SETTINGS: {
    readonly cidVersion: 1;
    readonly rawLeaves: true;
    readonly chunkSize: 262144;
    readonly maxChildrenPerNode: 174;
    readonly layout: "balanced";
    readonly wrapDirectory: true;
};
/** One block of a DAG: its CID and its bytes. */
export interface DagBlock {
    cid: CID;
    bytes: Uint8Array;
}
/** A file to import: its path in the directory and a way to read it (again). */
export interface DagSource {
    path: string;
    content: () => AsyncIterable<Uint8Array>;
}
/** A directory DAG: the root CID, the root block, and the DAG's total size (dag-pb `Tsize`). */
export interface DagDirectory {
    root: CID;
    block: Uint8Array;
    size: number;
}
/** Receives blocks in DAG-building order; awaited, so a slow consumer holds the import back. */
export type BlockSink = (block: DagBlock) => Promise<void>;
/**
 * Imports files into one UnixFS directory with {@link UNIXFS_SETTINGS}, giving every block to
 * `sink` in a fixed order; returns the directory. The same files give the same CID and the same
 * block order every time.
 */
export declare function importDirectory(sources: readonly DagSource[], sink: BlockSink): Promise<DagDirectory>;
/** Imports one file on its own (not wrapped); returns its root CID and DAG size. */
export declare function importFile(source: DagSource, sink: BlockSink): Promise<{
    cid: CID;
    size: number;
}>;
/**
 * The directory `dir` with more top-level entries, encoded exactly as the importer encodes a flat
 * directory (links sorted by name, `Tsize` the child's DAG size), so the result equals what
 * `ipfs add` gives for the folder holding all the files.
 */
export declare function withEntries(dir: DagDirectory, entries: readonly {
    name: string;
    cid: CID;
    size: number;
}[]): Promise<DagDirectory>;
