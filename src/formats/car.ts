import { CarBlockIterator, CarWriter } from "@ipld/car";
import * as dagPB from "@ipld/dag-pb";
import type { CID } from "multiformats/cid";
import { sha256 } from "multiformats/hashes/sha2";
import type { BlockSink, DagBlock } from "./unixfs-dag.js";

/**
 * CARv1 (https://ipld.io/specs/transport/car/carv1/) for release DAGs: written as a stream in the
 * order the blocks are produced (so the same release gives the same bytes), each block once; and
 * read back by a client that trusts nothing but the CIDs it asked for.
 */

const DAG_PB = 0x70;
const SHA2_256 = 0x12;

/**
 * The CAR of the blocks `produce` gives to its sink, with `roots` in the header, as a stream of
 * bytes. Memory stays at a block or two: `produce` waits until the bytes are taken.
 */
export async function* writeCar(
  roots: readonly CID[],
  produce: (sink: BlockSink) => Promise<void>,
): AsyncGenerator<Uint8Array> {
  const { writer, out } = CarWriter.create([...roots]);
  const seen = new Set<string>();
  const state: { stopped: boolean; failure?: { error: unknown } } = { stopped: false };
  const producing = (async () => {
    try {
      await produce(async (block) => {
        if (state.stopped) throw new Error("the CAR stream was abandoned");
        const key = block.cid.toString();
        if (seen.has(key)) return;
        seen.add(key);
        await writer.put(block);
      });
    } catch (error) {
      state.failure = { error };
    } finally {
      await writer.close();
    }
  })();
  const iterator = out[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      const step = await iterator.next();
      if (step.done === true) break;
      yield step.value;
    }
    finished = true;
  } finally {
    if (!finished) {
      // The reader went away: the producer runs into the stop flag; what it wrote is drained.
      state.stopped = true;
      void (async () => {
        while (!(await iterator.next()).done) {
          // discard
        }
      })();
    }
  }
  await producing;
  if (state.failure !== undefined) throw state.failure.error;
}

/** Whether `bytes` hash to the digest in `cid` (SHA-256 CIDs only: the only kind releases use). */
export async function blockMatches(cid: CID, bytes: Uint8Array): Promise<boolean> {
  if (cid.multihash.code !== SHA2_256) return false;
  const digest = await sha256.digest(bytes);
  return Buffer.from(digest.digest).equals(Buffer.from(cid.multihash.digest));
}

/** The CIDs a block links to (dag-pb); raw blocks link to nothing. */
export function blockLinks(cid: CID, bytes: Uint8Array): CID[] {
  if (cid.code !== DAG_PB) return [];
  return dagPB.decode(bytes).Links.map((link) => link.Hash);
}

/** What a trustless read of a CAR found. */
export interface CarCheck {
  roots: CID[];
  blocks: number;
  bytes: number;
  /** Blocks whose bytes do not hash to their CID. */
  corrupt: string[];
  /** Blocks the DAG under `root` links to that the CAR did not carry. */
  missing: string[];
  /** Whether the root itself was in the CAR. */
  hasRoot: boolean;
}

/**
 * Reads a CAR and checks it against `root` without trusting the sender: every block's bytes must
 * hash to its CID, and every block the DAG under `root` links to must be present.
 */
export async function checkCar(
  stream: AsyncIterable<Uint8Array>,
  root: CID,
  onBlock?: (block: DagBlock) => void,
): Promise<CarCheck> {
  const reader = await CarBlockIterator.fromIterable(stream);
  const present = new Set<string>();
  const corrupt: string[] = [];
  const links = new Map<string, CID[]>();
  let blocks = 0;
  let bytes = 0;
  for await (const block of reader) {
    blocks += 1;
    bytes += block.bytes.length;
    const key = block.cid.toString();
    if (!(await blockMatches(block.cid, block.bytes))) {
      corrupt.push(key);
      continue;
    }
    present.add(key);
    links.set(key, blockLinks(block.cid, block.bytes));
    onBlock?.(block);
  }
  const missing: string[] = [];
  const stack = [root];
  const visited = new Set<string>();
  while (stack.length > 0) {
    const cid = stack.pop();
    if (cid === undefined) break;
    const key = cid.toString();
    if (visited.has(key)) continue;
    visited.add(key);
    if (!present.has(key)) {
      missing.push(key);
      continue;
    }
    stack.push(...(links.get(key) ?? []));
  }
  return {
    roots: await reader.getRoots(),
    blocks,
    bytes,
    corrupt,
    missing,
    hasRoot: present.has(root.toString()),
  };
}
