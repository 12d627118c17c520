import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import * as dagPb from "@ipld/dag-pb";
import { CarWriter } from "@ipld/car";
import { CID } from "multiformats/cid";
import { base32 } from "multiformats/bases/base32";
import { identity } from "multiformats/hashes/identity";
import { sha256, sha512 } from "multiformats/hashes/sha2";
import { pathExists, writeFileAtomic } from "./http-kit.js";

/**
 * A blockstore on disk for the IPFS stand-ins, keyed like Kubo's flatfs by multihash (so a CIDv0
 * and a CIDv1 of the same bytes share a block). Every block's bytes are checked against the hash
 * in its CID before they are stored.
 */

const RAW = 0x55;
const DAG_PB = 0x70;

/** A block whose bytes do not hash to its CID, or that uses a hash this server cannot check. */
export class BlockHashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BlockHashError";
  }
}

/** A block the DAG needs that the store does not have. */
export class MissingBlockError extends Error {
  readonly cid: CID;

  constructor(cid: CID) {
    super(`block was not found locally (offline): ipld: could not find ${cid.toString()}`);
    this.name = "MissingBlockError";
    this.cid = cid;
  }
}

/** Checks that `bytes` hash to the multihash in `cid`. */
export async function verifyBlock(cid: CID, bytes: Uint8Array): Promise<void> {
  const hasher = { [sha256.code]: sha256, [sha512.code]: sha512 }[cid.multihash.code];
  let digest: Uint8Array;
  if (cid.multihash.code === identity.code) digest = identity.digest(bytes).digest;
  else if (hasher !== undefined) digest = (await hasher.digest(bytes)).digest;
  else
    throw new BlockHashError(
      `unsupported multihash 0x${cid.multihash.code.toString(16)} in ${cid.toString()}`,
    );
  if (Buffer.compare(Buffer.from(digest), Buffer.from(cid.multihash.digest)) !== 0) {
    throw new BlockHashError(
      `block ${cid.toString()} does not match its hash: the data is corrupted`,
    );
  }
}

/** CIDs a block links to (dag-pb and raw; other codecs cannot be walked here). */
export function blockLinks(cid: CID, bytes: Uint8Array): CID[] {
  if (cid.code === RAW) return [];
  if (cid.code === DAG_PB) return dagPb.decode(bytes).Links.map((link) => link.Hash);
  throw new Error(`cannot walk codec 0x${cid.code.toString(16)} of ${cid.toString()}`);
}

/** Blocks as files under one folder; what the Kubo and pinning stand-ins read and write. */
export class DiskBlockstore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** The file that holds a block (tests use it to damage one). */
  path(cid: CID): string {
    const key = base32.encode(cid.multihash.bytes).slice(1).toUpperCase();
    return join(this.dir, key.slice(-3, -1), `${key}.data`);
  }

  async has(cid: CID): Promise<boolean> {
    return cid.multihash.code === identity.code || pathExists(this.path(cid));
  }

  /** Verifies and stores a block (ipfs-unixfs-importer calls this while it builds a DAG). */
  async put(
    cid: CID,
    bytes: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  ): Promise<CID> {
    const data = bytes instanceof Uint8Array ? bytes : await collect(bytes);
    await verifyBlock(cid, data);
    if (cid.multihash.code !== identity.code && !(await this.has(cid))) {
      await writeFileAtomic(
        this.path(cid),
        Buffer.from(data.buffer, data.byteOffset, data.byteLength),
      );
    }
    return cid;
  }

  /** A block's bytes; throws {@link MissingBlockError} when absent. */
  async bytes(cid: CID): Promise<Uint8Array> {
    if (cid.multihash.code === identity.code) return cid.multihash.digest;
    return readFile(this.path(cid)).catch(() => {
      throw new MissingBlockError(cid);
    });
  }

  /** The interface-blockstore `get` shape that ipfs-unixfs-exporter reads through. */
  async *get(cid: CID): AsyncGenerator<Uint8Array> {
    yield await this.bytes(cid);
  }

  async size(cid: CID): Promise<number> {
    if (cid.multihash.code === identity.code) return cid.multihash.digest.length;
    return stat(this.path(cid)).then(
      (s) => s.size,
      () => {
        throw new MissingBlockError(cid);
      },
    );
  }

  /** Walks a DAG depth-first, each block once; throws {@link MissingBlockError} on a gap. */
  async *walk(
    root: CID,
    seen = new Set<string>(),
  ): AsyncGenerator<{ cid: CID; bytes: Uint8Array }> {
    const stack: CID[] = [root];
    while (stack.length > 0) {
      const cid = stack.pop();
      if (cid === undefined) break;
      const key = cid.toString();
      if (seen.has(key)) continue;
      seen.add(key);
      const bytes = await this.bytes(cid);
      yield { cid, bytes };
      const links = blockLinks(cid, bytes);
      for (let i = links.length - 1; i >= 0; i--) {
        const link = links[i];
        if (link !== undefined) stack.push(link);
      }
    }
  }

  /** Throws {@link MissingBlockError} naming the first block of the DAG that is absent. */
  async assertComplete(root: CID): Promise<void> {
    for await (const _block of this.walk(root)) {
      // walking is the check
    }
  }

  /** Whether every block of the DAG under `root` is present. */
  async complete(root: CID): Promise<boolean> {
    try {
      await this.assertComplete(root);
      return true;
    } catch (error) {
      if (error instanceof MissingBlockError) return false;
      throw error;
    }
  }

  /** A CARv1 of the blocks (path blocks first, then the DAG under `root`), streamed. */
  car(
    roots: CID[],
    blocks: AsyncIterable<{ cid: CID; bytes: Uint8Array }>,
  ): AsyncIterable<Uint8Array> {
    const { writer, out } = CarWriter.create(roots);
    let failure: Error | undefined;
    const pump = (async () => {
      try {
        for await (const block of blocks) await writer.put(block);
      } catch (error) {
        failure = error instanceof Error ? error : new Error("CAR stream failed");
      } finally {
        await writer.close();
      }
    })();
    // A gap found mid-walk fails the stream instead of ending a truncated CAR quietly.
    return (async function* () {
      for await (const chunk of out) yield chunk;
      await pump;
      if (failure !== undefined) throw failure;
    })();
  }
}

async function collect(
  source: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export { CID };
