import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./http-kit.js";

/**
 * Cache entries of the Actions cache service stand-in: created (pending) by CreateCacheEntry,
 * visible once FinalizeCacheEntryUpload sees the whole blob, immutable after. Each entry lives in
 * the scope (git ref) of the run that wrote it.
 */

/** One cache entry as stored in `entries.json`. */
export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  /** The git ref of the run that created it, e.g. `refs/heads/main`. */
  scope: string;
  /** Blob name in the storage account. */
  blob: string;
  createdAt: string;
  finalized: boolean;
  sizeBytes?: number;
}

interface Saved {
  nextId: number;
  entries: CacheEntry[];
}

/** The entries on disk, rewritten atomically after every change. */
export class CacheEntries {
  private state: Saved = { nextId: 1, entries: [] };
  private readonly file: string;

  constructor(storageDir: string) {
    this.file = join(storageDir, "entries.json");
  }

  async load(): Promise<void> {
    const text = await readFile(this.file, "utf8").catch(() => undefined);
    if (text !== undefined) this.state = JSON.parse(text) as Saved;
  }

  private async save(): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(this.state));
  }

  all(): CacheEntry[] {
    return this.state.entries.map((e) => ({ ...e }));
  }

  /** The entry (pending or finalized) with this key and version in this scope. */
  find(scope: string, key: string, version: string): CacheEntry | undefined {
    return this.state.entries.find(
      (e) => e.scope === scope && e.key === key && e.version === version,
    );
  }

  byBlob(blob: string): CacheEntry | undefined {
    return this.state.entries.find((e) => e.blob === blob);
  }

  async create(scope: string, key: string, version: string): Promise<CacheEntry> {
    const id = this.state.nextId;
    this.state.nextId += 1;
    const entry: CacheEntry = {
      id,
      key,
      version,
      scope,
      blob: `entry-${String(id)}`,
      createdAt: new Date().toISOString(),
      finalized: false,
    };
    this.state.entries.push(entry);
    await this.save();
    return entry;
  }

  async finalize(entry: CacheEntry, sizeBytes: number): Promise<void> {
    const stored = this.state.entries.find((e) => e.id === entry.id);
    if (stored === undefined) return;
    stored.finalized = true;
    stored.sizeBytes = sizeBytes;
    await this.save();
  }

  /**
   * The entry a restore gets, as the service looks: scope by scope (the run's own ref first,
   * then the refs it may read), within a scope the primary key exactly, then as a prefix, then
   * each restore key exactly and as a prefix; among prefix matches the most recent wins.
   */
  lookup(
    scopes: readonly string[],
    key: string,
    restoreKeys: readonly string[],
    version: string,
  ): CacheEntry | undefined {
    const newestFirst = [...this.state.entries]
      .filter((e) => e.finalized && e.version === version)
      .sort((a, b) => b.id - a.id);
    for (const scope of scopes) {
      const inScope = newestFirst.filter((e) => e.scope === scope);
      for (const wanted of [key, ...restoreKeys]) {
        const hit =
          inScope.find((e) => e.key === wanted) ?? inScope.find((e) => e.key.startsWith(wanted));
        if (hit !== undefined) return { ...hit };
      }
    }
    return undefined;
  }
}
