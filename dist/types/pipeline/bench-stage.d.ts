import type { Baseline, BaselineReader, BaselineStore, SaveOutcome } from "../bench/baseline-store.js";
import { type GateVerdict } from "../bench/gate.js";
import type { TrendSeries } from "../bench/trend-chart.js";
import type { AuthoredManifest, BenchResultFile } from "../manifest/types.generated.js";
/** The variant the pipeline benchmarks: the release's ONNX model. */
export declare const BENCH_VARIANT = "onnx";
/** Where the gate's baseline comes from and whether this run records one. */
export interface BenchStageOptions {
    /** Results of the base commit given directly (a file); wins over `store`. */
    baseline?: BenchResultFile;
    /** Where baselines are kept; a store that can save records this run when `record` is set. */
    store?: BaselineReader | BaselineStore;
    /** The pull request's base commit, whose recorded results are the baseline. */
    baseCommit?: string;
    /** Record this run as a baseline under this ref (the default branch or a tag). */
    record?: {
        ref: string;
    };
    /** Accepted regressions: metric → where the acceptance came from. */
    accepted?: ReadonlyMap<string, string>;
}
export interface BenchStageResult {
    results: BenchResultFile;
    gate: GateVerdict;
    providerNote: string;
    /** Where the baseline came from, e.g. `actions cache …` or the file given. */
    baselineSource?: string;
    /** Whether the baseline is the base commit's own results or the latest standing in. */
    baselineMatched?: Baseline["matched"];
    /** What recording this run did, when it was asked to. */
    saved?: SaveOutcome;
    /** Recent baselines and this run, for the trend chart. */
    trend: {
        series: TrendSeries[];
        labels: string[];
    };
}
/**
 * Benchmarks the release's ONNX model, compares it with the base commit's results (from the
 * file given or the store, same hardware only) and, on the default branch or a tag, records it.
 */
export declare function runBenchStage(input: {
    onnxFile: string;
    modelId: string;
    bench: NonNullable<AuthoredManifest["bench"]>;
    commit?: string;
    options: BenchStageOptions;
}): Promise<BenchStageResult>;
