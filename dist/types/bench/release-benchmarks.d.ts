import type { BenchResult, BenchResultFile, BenchmarkValue, HardwareFingerprint } from "../manifest/types.generated.js";
/**
 * The gate's figures in a release manifest's `benchmarks` section, which holds numbers only
 * (nested groups of them), so a summary rather than every sample:
 *
 * ```
 * benchmarks.bench.{variant}.{fingerprint hash}."{metric key} ({unit})" =
 *   { median, p10, p90, n, higherIsBetter }
 * ```
 *
 * The model card lists these as rows (`bench / onnx / 3f2a… / latency_p50 (ms) / median`).
 * Reading back rebuilds `n` samples from the three quantiles; compared with real samples that
 * pseudo-sample errs towards calling no regression, never towards a false alarm.
 */
/** The group the gate's figures live under. */
export declare const BENCH_GROUP = "bench";
/** Summary of one metric as the manifest keeps it. */
export interface MetricSummary {
    median: number;
    p10: number;
    p90: number;
    n: number;
    higherIsBetter: 0 | 1;
}
/**
 * The `benchmarks` section for a release: each variant's results summarised under its
 * hardware fingerprint. Results without a fingerprint are left out (they cannot be compared).
 */
export declare function releaseBenchmarks(runs: readonly {
    variant: string;
    results: BenchResultFile;
}[]): Record<string, BenchmarkValue>;
/**
 * `n` samples spread evenly (at probabilities 0, 1/(n-1), …, 1) over a quantile function that
 * is linear through p10 and p50 below the median and through p50 and p90 above it: their own
 * p10 and p90 (numpy's default quantiles) are the recorded ones, the median within a hair.
 */
export declare function samplesFromSummary(summary: Omit<MetricSummary, "higherIsBetter">): [number, ...number[]];
/**
 * The results a release recorded for one variant on one machine, samples rebuilt from the
 * summaries; undefined when it recorded none. Entries that are not summaries are skipped.
 */
export declare function resultsFromRelease(benchmarks: Record<string, BenchmarkValue> | undefined, variant: string, fingerprint: string): {
    results: BenchResult[];
    fingerprint: Pick<HardwareFingerprint, "hash">;
} | undefined;
