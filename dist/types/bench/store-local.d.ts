import type { Baseline, BaselineKey, BaselineRun, BaselineStore, SaveOutcome } from "./baseline-store.js";
export interface LocalStoreOptions {
    /** The folder that holds the baselines. */
    dir: string;
    /** Runs kept for the trend chart (default 30). */
    historyLimit?: number;
}
/**
 * Baselines in a folder, for the CLI and for runners that keep a workspace:
 * `{dir}/{model id}/{variant}/{fingerprint}.json` (the model id percent-encoded).
 */
export declare class LocalBaselineStore implements BaselineStore {
    readonly kind = "local";
    private readonly options;
    constructor(options: LocalStoreOptions);
    /** The file that holds `key`'s document. */
    pathFor(key: BaselineKey): string;
    private read;
    load(key: BaselineKey): Promise<Baseline | undefined>;
    /** Replaces the document; a damaged one is replaced too (its history is lost). */
    save(key: BaselineKey, run: BaselineRun): Promise<SaveOutcome>;
}
