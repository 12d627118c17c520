import * as dagPB from "@ipld/dag-pb";
import { UnixFS } from "ipfs-unixfs";
import { importer, type ImportCandidate } from "ipfs-unixfs-importer";
import { fixedSize } from "ipfs-unixfs-importer/chunker";
import { balanced } from "ipfs-unixfs-importer/layout";
import { CID } from "multiformats/cid";
import { sha256 } from "multiformats/hashes/sha2";
import { unsupported } from "./format-error.js";

/**
 * The UnixFS settings of every release DAG (PRODUCT.md "IPFS"): what `ipfs add --cid-version=1`
 * uses, so anyone can recompute a release's CID with Kubo. Recorded in the manifest as is.
 */
export const UNIXFS_SETTINGS = {
  cidVersion: 1,
  rawLeaves: true,
  chunkSize: 262144,
  maxChildrenPerNode: 174,
  layout: "balanced",
  wrapDirectory: true,
} as const;

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

const DAG_PB = 0x70;

function options(wrapWithDirectory: boolean) {
  return {
    cidVersion: UNIXFS_SETTINGS.cidVersion,
    rawLeaves: UNIXFS_SETTINGS.rawLeaves,
    reduceSingleLeafToSelf: true,
    chunker: fixedSize({ chunkSize: UNIXFS_SETTINGS.chunkSize }),
    layout: balanced({ maxChildrenPerNode: UNIXFS_SETTINGS.maxChildrenPerNode }),
    shardSplitThresholdBytes: 262144,
    shardSplitStrategy: "links-bytes" as const,
    wrapWithDirectory,
    // One file and one block at a time: blocks reach the sink in the same order on every run.
    fileImportConcurrency: 1,
    blockWriteConcurrency: 1,
  };
}

async function* candidates(sources: readonly DagSource[]): AsyncGenerator<ImportCandidate> {
  for (const source of sources) {
    await Promise.resolve();
    yield { path: source.path, content: source.content() };
  }
}

/** A blockstore for the importer that hands blocks on, keeping the dag-pb ones (they are small). */
function sinkStore(sink: BlockSink, nodes: Map<string, Uint8Array>) {
  return {
    put: async (cid: CID, bytes: Uint8Array): Promise<CID> => {
      if (cid.code === DAG_PB) nodes.set(cid.toString(), bytes);
      await sink({ cid, bytes });
      return cid;
    },
  };
}

/**
 * Imports files into one UnixFS directory with {@link UNIXFS_SETTINGS}, giving every block to
 * `sink` in a fixed order; returns the directory. The same files give the same CID and the same
 * block order every time.
 */
export async function importDirectory(
  sources: readonly DagSource[],
  sink: BlockSink,
): Promise<DagDirectory> {
  const nodes = new Map<string, Uint8Array>();
  let root: { cid: CID; size: bigint } | undefined;
  for await (const entry of importer(candidates(sources), sinkStore(sink, nodes), options(true))) {
    if (entry.path === "") root = { cid: entry.cid, size: entry.size };
  }
  const block = root === undefined ? undefined : nodes.get(root.cid.toString());
  if (root === undefined || block === undefined) {
    throw unsupported("the IPFS directory", "the UnixFS import produced no directory");
  }
  return { root: root.cid, block, size: Number(root.size) };
}

/** Imports one file on its own (not wrapped); returns its root CID and DAG size. */
export async function importFile(
  source: DagSource,
  sink: BlockSink,
): Promise<{ cid: CID; size: number }> {
  const nodes = new Map<string, Uint8Array>();
  let last: { cid: CID; size: bigint } | undefined;
  for await (const entry of importer(
    candidates([source]),
    sinkStore(sink, nodes),
    options(false),
  )) {
    last = { cid: entry.cid, size: entry.size };
  }
  if (last === undefined)
    throw unsupported("the IPFS directory", `the UnixFS import of ${source.path} gave nothing`);
  return { cid: last.cid, size: Number(last.size) };
}

/**
 * The directory `dir` with more top-level entries, encoded exactly as the importer encodes a flat
 * directory (links sorted by name, `Tsize` the child's DAG size), so the result equals what
 * `ipfs add` gives for the folder holding all the files.
 */
export async function withEntries(
  dir: DagDirectory,
  entries: readonly { name: string; cid: CID; size: number }[],
): Promise<DagDirectory> {
  const node = dagPB.decode(dir.block);
  const data = node.Data === undefined ? undefined : UnixFS.unmarshal(node.Data);
  if (data?.type !== "directory") {
    throw unsupported(
      "the IPFS directory",
      `the release directory is a ${data?.type ?? "non-UnixFS"} node; a flat directory was expected (too many files for one directory?)`,
    );
  }
  const names = new Set(node.Links.map((link) => link.Name));
  const links = [...node.Links];
  for (const entry of entries) {
    if (names.has(entry.name))
      throw unsupported("the IPFS directory", `the directory already has ${entry.name}`);
    links.push({ Name: entry.name, Hash: entry.cid, Tsize: entry.size });
  }
  const block = dagPB.encode(dagPB.prepare({ Data: node.Data, Links: links }));
  const root = CID.createV1(DAG_PB, await sha256.digest(block));
  const size = block.length + links.reduce((sum, link) => sum + (link.Tsize ?? 0), 0);
  return { root, block, size };
}
