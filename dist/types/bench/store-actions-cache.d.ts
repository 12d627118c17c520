import type { Baseline, BaselineKey, BaselineRun, BaselineStore, SaveOutcome } from "./baseline-store.js";
/** The parts of `@actions/cache` the store uses (injectable; loaded on first use otherwise). */
export type CacheClient = Pick<typeof import("@actions/cache"), "isFeatureAvailable" | "restoreCache" | "saveCache">;
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
/**
 * Baselines in the GitHub Actions cache, one immutable entry per recorded commit:
 * `{prefix}/{model id}/{variant}/{fingerprint}/{commit}` (the model id percent-encoded, `/`
 * between parts so no id can run into the next part). A load asks for the base commit's entry
 * and falls back, by prefix, to the most recent one for the same model, variant and hardware.
 */
export declare class ActionsCacheBaselineStore implements BaselineStore {
    readonly kind = "actions-cache";
    private readonly options;
    private readonly folder;
    private queue;
    constructor(options: ActionsCacheStoreOptions);
    /** The key prefix shared by every entry of `key` (model, variant, fingerprint). */
    prefixFor(key: BaselineKey): string;
    /** The full key of one commit's entry. */
    keyFor(key: BaselineKey, commit: string): string;
    private client;
    /** One cache operation at a time: they share the folder. */
    private serial;
    /** Restores the entry for `primary` (or the latest by prefix) and reads its document. */
    private restore;
    load(key: BaselineKey): Promise<Baseline | undefined>;
    save(key: BaselineKey, run: BaselineRun): Promise<SaveOutcome>;
}
