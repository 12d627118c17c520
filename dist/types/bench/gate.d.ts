import type { BenchResult, BenchResultFile } from "../manifest/types.generated.js";
import { type Comparison } from "./compare.js";
/** Fewer samples than this on either side cannot reach significance; such metrics use the threshold alone. */
export declare const MIN_SAMPLES_FOR_TEST = 5;
export type MetricStatus = "regression" | "improvement" | "unchanged" | "accepted" | "new" | "ignored";
export interface MetricVerdict {
    /** `name` or `name [variant]`: what acceptances and overrides name. */
    key: string;
    name: string;
    variant?: string;
    unit: string;
    direction: BenchResult["direction"];
    status: MetricStatus;
    comparison?: Comparison;
    /** Why an acceptance applies, or how the comparison was made. */
    note?: string;
}
export interface GateVerdict {
    verdict: "pass" | "fail" | "no-baseline";
    /** Why there is no baseline to compare with, when there is none. */
    reason?: string;
    metrics: MetricVerdict[];
    /** Keys of the metrics that regressed and were not accepted. */
    regressions: string[];
}
export interface GateOptions {
    threshold?: number;
    /** Per-metric settings, keyed by metric name (`bench.metrics` in the manifest). */
    metrics?: Record<string, {
        threshold?: number;
        ignore?: boolean;
    }>;
    /** Accepted regressions: metric key or name → where the acceptance came from. */
    accepted?: ReadonlyMap<string, string>;
}
/**
 * Compares current results with the baseline measured on the base commit, metric by metric.
 * Results from other hardware are never compared. A regression fails the gate unless accepted.
 */
export declare function evaluateGate(baseline: BenchResultFile | undefined, current: BenchResultFile, options?: GateOptions): GateVerdict;
