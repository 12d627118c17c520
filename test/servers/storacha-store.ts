import { createReadStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { CarBlockIterator } from "@ipld/car";
import { base58btc } from "multiformats/bases/base58";
import { DiskBlockstore } from "./blockstore.js";
import { pathExists, randomId, streamToFile } from "./http-kit.js";

/** The multihash prefix of a SHA-256 digest (code 0x12, 32 bytes). */
const SHA256_PREFIX = Buffer.from([0x12, 0x20]);

/** An upload: a root and the CAR shards `upload/add` named for it. */
export interface StorachaUpload {
  root: string;
  shards: string[];
  insertedAt: string;
  updatedAt: string;
}

/** What a space holds: blobs accepted into it, indexes registered, uploads. */
interface SpaceState {
  blobs: Set<string>;
  indexes: Set<string>;
  uploads: Map<string, StorachaUpload>;
}

/** The key a blob is known by: its multihash in base58btc, like the service's bucket keys. */
export function blobKey(digest: { bytes: Uint8Array } | Uint8Array): string {
  return base58btc.encode(digest instanceof Uint8Array ? digest : digest.bytes);
}

/**
 * What the Storacha stand-in keeps: blob bytes on disk (each checked against its SHA-256 when it
 * arrives), the blocks of every CAR blob in a blockstore for the gateway, and per space the blobs,
 * indexes and uploads registered there. Blob bytes belong to the service, registrations to spaces:
 * a blob stored for one space is not in another until that space adds it too.
 */
export class StorachaStore {
  readonly blocks: DiskBlockstore;
  private readonly blobDir: string;
  private readonly spaces = new Map<string, SpaceState>();
  private readonly allocations = new Set<string>();

  constructor(storageDir: string) {
    this.blobDir = join(storageDir, "blobs");
    this.blocks = new DiskBlockstore(join(storageDir, "blocks"));
  }

  private space(did: string): SpaceState {
    let state = this.spaces.get(did);
    if (state === undefined) {
      state = { blobs: new Set(), indexes: new Set(), uploads: new Map() };
      this.spaces.set(did, state);
    }
    return state;
  }

  /** The file of a blob (tests use it to damage one). */
  blobPath(key: string): string {
    return join(this.blobDir, key.slice(-2), `${key}.blob`);
  }

  /** Opens the address a blob's bytes may be PUT to. */
  allocate(key: string): void {
    this.allocations.add(key);
  }

  isAllocated(key: string): boolean {
    return this.allocations.has(key);
  }

  /** Whether the service holds the bytes of a blob of this size. */
  async hasBlob(key: string, size?: number): Promise<boolean> {
    const path = this.blobPath(key);
    if (!(await pathExists(path))) return false;
    return size === undefined || (await stat(path)).size === size;
  }

  /**
   * Stores a blob PUT to its allocated address, refusing bytes that do not hash to the key.
   * Returns false (and keeps nothing) on a mismatch.
   */
  async putBlob(key: string, body: AsyncIterable<Buffer>): Promise<boolean> {
    const expected = Buffer.from(base58btc.decode(key));
    const temp = `${this.blobPath(key)}.${randomId(6)}.incoming`;
    const written = await streamToFile(body, temp, { sha256: true });
    const actual = Buffer.concat([SHA256_PREFIX, Buffer.from(written.sha256, "hex")]);
    if (!actual.equals(expected)) {
      await rm(temp, { force: true });
      return false;
    }
    await rename(temp, this.blobPath(key));
    return true;
  }

  /**
   * Accepts a stored blob into a space. A blob that is a CAR has its blocks copied into the
   * blockstore (every block hash-checked there), so the gateway can serve what was uploaded.
   */
  async acceptBlob(space: string, key: string): Promise<void> {
    this.space(space).blobs.add(key);
    try {
      const blocks = await CarBlockIterator.fromIterable(createReadStream(this.blobPath(key)));
      for await (const block of blocks) await this.blocks.put(block.cid, block.bytes);
    } catch (error) {
      // Not every blob is a CAR of blocks worth serving; a damaged block is not stored.
      if (!(error instanceof Error)) throw error;
    }
  }

  hasSpaceBlob(space: string, key: string): boolean {
    return this.spaces.get(space)?.blobs.has(key) === true;
  }

  addIndex(space: string, key: string): void {
    this.space(space).indexes.add(key);
  }

  /** Adds an upload, or adds shards to one (`upload/add` is a union, like the service's). */
  addUpload(space: string, root: string, shards: readonly string[]): StorachaUpload {
    const uploads = this.space(space).uploads;
    const now = new Date().toISOString();
    const existing = uploads.get(root);
    const upload: StorachaUpload = {
      root,
      shards: [...new Set([...(existing?.shards ?? []), ...shards])],
      insertedAt: existing?.insertedAt ?? now,
      updatedAt: now,
    };
    uploads.set(root, upload);
    return upload;
  }

  getUpload(space: string, root: string): StorachaUpload | undefined {
    return this.spaces.get(space)?.uploads.get(root);
  }

  /** Every upload of every space (for assertions). */
  uploads(): Map<string, StorachaUpload[]> {
    return new Map([...this.spaces].map(([did, state]) => [did, [...state.uploads.values()]]));
  }

  /** Blob keys per space (for assertions). */
  blobs(): Map<string, string[]> {
    return new Map([...this.spaces].map(([did, state]) => [did, [...state.blobs]]));
  }

  indexes(): Map<string, string[]> {
    return new Map([...this.spaces].map(([did, state]) => [did, [...state.indexes]]));
  }
}
