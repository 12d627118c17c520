import { CarBlockIterator, CarWriter } from "@ipld/car";
import { importer } from "ipfs-unixfs-importer";
import { fixedSize } from "ipfs-unixfs-importer/chunker";
import { balanced } from "ipfs-unixfs-importer/layout";
import type { CID } from "multiformats/cid";

/**
 * Test helpers for the IPFS stand-ins: a release folder built into a UnixFS DAG in memory with
 * the project's settings (CIDv1, raw leaves, 256 KiB chunks, 174 links, wrapped in a directory),
 * written as a CAR, independently of the servers.
 */

export interface BuiltDag {
  root: CID;
  blocks: Map<string, { cid: CID; bytes: Uint8Array }>;
  car: Buffer;
}

/** Imports files into an in-memory DAG with the release settings and writes its CAR. */
export async function buildDag(files: { path: string; content: Uint8Array }[]): Promise<BuiltDag> {
  const blocks = new Map<string, { cid: CID; bytes: Uint8Array }>();
  const sink = {
    put: (cid: CID, bytes: Uint8Array) => {
      blocks.set(cid.toString(), { cid, bytes });
      return Promise.resolve(cid);
    },
  };
  let root: CID | undefined;
  for await (const entry of importer(files, sink, {
    cidVersion: 1,
    rawLeaves: true,
    chunker: fixedSize({ chunkSize: 262144 }),
    layout: balanced({ maxChildrenPerNode: 174 }),
    wrapWithDirectory: true,
  })) {
    if (entry.path === "") root = entry.cid;
  }
  if (root === undefined) throw new Error("no root");
  const { writer, out } = CarWriter.create([root]);
  const collected = (async () => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of out) chunks.push(chunk);
    return Buffer.concat(chunks);
  })();
  for (const block of blocks.values()) await writer.put(block);
  await writer.close();
  return { root, blocks, car: await collected };
}

/** Reads a CAR back: its roots and blocks. */
export async function readCar(
  bytes: Uint8Array,
): Promise<{ roots: CID[]; blocks: { cid: CID; bytes: Uint8Array }[] }> {
  const reader = await CarBlockIterator.fromIterable(source(bytes));
  const blocks: { cid: CID; bytes: Uint8Array }[] = [];
  for await (const block of reader) blocks.push(block);
  return { roots: await reader.getRoots(), blocks };
}

/** One buffer as the async byte source that clients take for uploads. */
export async function* source(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  // kubo-rpc-client takes a Node stream for one file, so hand it a plain async generator.
  await Promise.resolve();
  yield bytes;
}

/** Concatenates an async iterable of byte chunks. */
export async function concat(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}
