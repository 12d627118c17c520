import { type RetryPolicy } from "../publish/retry.js";
import { type Baseline, type BaselineKey, type BaselineReader } from "./baseline-store.js";
export interface ReleaseManifestReaderOptions {
    /**
     * The last published release: a release folder (holding manifest.json), the URL of its
     * manifest.json or of its folder (ending in `/`), or the URL of a GCS `latest.json`.
     */
    source: string;
    fetch?: typeof fetch;
    retry?: Partial<RetryPolicy>;
}
/**
 * Baselines from the last published release's manifest.json (its `benchmarks` section, see
 * `releaseBenchmarks`). Read-only: a release is recorded by publishing it. The section keeps
 * summaries, so the samples are rebuilt and the baseline is marked approximate. The section is
 * not covered by the release signature (manifest.json is checked against the signed object for
 * identity and files only), so these figures are as trustworthy as the place they are read from.
 */
export declare class ReleaseManifestBaselineReader implements BaselineReader {
    readonly kind = "release-manifest";
    private readonly options;
    private manifest;
    constructor(options: ReleaseManifestReaderOptions);
    private fetchJson;
    private parse;
    private read;
    load(key: BaselineKey): Promise<Baseline | undefined>;
}
