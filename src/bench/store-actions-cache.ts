import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ModelPublishError } from "../errors.js";
import { remoteFailed } from "../publish/remote-error.js";
import {
  baselineFrom,
  checkBaselineKey,
  nextDocument,
  parseBaselineDocument,
  serializeBaselineDocument,
} from "./baseline-document.js";
import type {
  Baseline,
  BaselineDocument,
  BaselineKey,
  BaselineRun,
  BaselineStore,
  SaveOutcome,
} from "./baseline-store.js";

/** The parts of `@actions/cache` the store uses (injectable; loaded on first use otherwise). */
export type CacheClient = Pick<
  typeof import("@actions/cache"),
  "isFeatureAvailable" | "restoreCache" | "saveCache"
>;

export interface ActionsCacheStoreOptions {
  /**
   * Whether this run may record baselines: true only on the default branch and on tags, so a
   * pull request (a fork's included) can never plant the numbers it is compared with.
   */
  canWrite: boolean;
  /**
   * The folder the document is packed from and restored into. Its path is part of the cache
   * entry's version, so saves and restores must use the same one. Default
   * `{GITHUB_WORKSPACE}/.model-publish-bench`; it is removed after each use.
   */
  folder?: string;
  /** First part of every key. Default `model-publish-bench`. */
  prefix?: string;
  /** Runs kept for the trend chart (default 30). */
  historyLimit?: number;
  cache?: CacheClient;
}

const FILE = "baseline.json";

/**
 * Baselines in the GitHub Actions cache, one immutable entry per recorded commit:
 * `{prefix}/{model id}/{variant}/{fingerprint}/{commit}` (the model id percent-encoded, `/`
 * between parts so no id can run into the next part). A load asks for the base commit's entry
 * and falls back, by prefix, to the most recent one for the same model, variant and hardware.
 */
export class ActionsCacheBaselineStore implements BaselineStore {
  readonly kind = "actions-cache";
  private readonly options: ActionsCacheStoreOptions;
  private readonly folder: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: ActionsCacheStoreOptions) {
    this.options = options;
    this.folder =
      options.folder ?? join(process.env.GITHUB_WORKSPACE ?? process.cwd(), ".model-publish-bench");
  }

  /** The key prefix shared by every entry of `key` (model, variant, fingerprint). */
  prefixFor(key: BaselineKey): string {
    checkBaselineKey(key);
    const prefix = this.options.prefix ?? "model-publish-bench";
    return `${prefix}/${encodeURIComponent(key.modelId)}/${key.variant}/${key.fingerprint}/`;
  }

  /** The full key of one commit's entry. */
  keyFor(key: BaselineKey, commit: string): string {
    const full = `${this.prefixFor(key)}${commit}`;
    if (full.length > 512) {
      throw new ModelPublishError(
        "USAGE",
        `actions cache: key ${full.slice(0, 80)}… is over 512 characters; use a shorter model id or prefix`,
      );
    }
    return full;
  }

  private async client(): Promise<CacheClient> {
    const cache = this.options.cache ?? (await import("@actions/cache"));
    if (!cache.isFeatureAvailable()) {
      throw new ModelPublishError(
        "USAGE",
        "actions cache: the cache service is not available to this step (ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN are unset); run inside GitHub Actions or use a local baseline folder",
      );
    }
    return cache;
  }

  /** One cache operation at a time: they share the folder. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Restores the entry for `primary` (or the latest by prefix) and reads its document. */
  private async restore(
    cache: CacheClient,
    primary: string,
    restoreKeys: string[],
  ): Promise<{ matchedKey: string; document: BaselineDocument } | undefined> {
    await rm(this.folder, { recursive: true, force: true });
    try {
      let matchedKey: string | undefined;
      try {
        matchedKey = await cache.restoreCache([this.folder], primary, restoreKeys);
      } catch (error) {
        throw remoteFailed("actions cache", `restoring ${primary}`, error, "check the key");
      }
      if (matchedKey === undefined) return undefined;
      const origin = `actions cache entry ${matchedKey}`;
      const text = await readFile(join(this.folder, FILE), "utf8").catch(() => {
        throw new ModelPublishError("INPUT_MALFORMED", `${origin}: holds no ${FILE}`);
      });
      return { matchedKey, document: parseBaselineDocument(text, origin) };
    } finally {
      await rm(this.folder, { recursive: true, force: true });
    }
  }

  load(key: BaselineKey): Promise<Baseline | undefined> {
    return this.serial(async () => {
      const prefix = this.prefixFor(key);
      const cache = await this.client();
      const primary = key.commit === undefined ? prefix : this.keyFor(key, key.commit);
      const found = await this.restore(cache, primary, key.commit === undefined ? [] : [prefix]);
      if (found === undefined) return undefined;
      return baselineFrom(found.document, key, `actions cache ${found.matchedKey}`);
    });
  }

  save(key: BaselineKey, run: BaselineRun): Promise<SaveOutcome> {
    return this.serial(async () => {
      if (!this.options.canWrite) {
        return {
          saved: false,
          reason:
            "this run may not record baselines: only runs on the default branch or a tag write them",
        };
      }
      const commit = key.commit ?? run.results.commit;
      if (commit === undefined) {
        throw new ModelPublishError(
          "USAGE",
          "actions cache: a baseline is recorded per commit; give the key (or the results) a commit",
        );
      }
      const withCommit = { ...key, commit };
      const full = this.keyFor(withCommit, commit);
      const cache = await this.client();
      const previous = await this.restore(cache, full, [this.prefixFor(key)]);
      if (previous?.matchedKey === full) {
        return {
          saved: false,
          location: full,
          reason: `already recorded for commit ${commit} (cache entries never change)`,
        };
      }
      const document = nextDocument(withCommit, run, previous?.document, this.options.historyLimit);
      await mkdir(this.folder, { recursive: true });
      try {
        await writeFile(join(this.folder, FILE), serializeBaselineDocument(document));
        const id = await cache.saveCache([this.folder], full);
        if (id === -1) {
          return {
            saved: false,
            location: full,
            reason:
              "the cache service did not take the entry (read-only token, another job saving the same key, or a service error; see the warnings above)",
          };
        }
        return { saved: true, location: full };
      } catch (error) {
        throw remoteFailed("actions cache", `saving ${full}`, error, "run the job again");
      } finally {
        await rm(this.folder, { recursive: true, force: true });
      }
    });
  }
}
