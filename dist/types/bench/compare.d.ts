import { type Interval } from "./statistics.js";
/** Which way is better for a metric. */
export type Direction = "lower-is-better" | "higher-is-better";
export interface CompareOptions {
    direction: Direction;
    /** Smallest relative change that counts (0.05 = 5%). */
    threshold?: number;
    /** Significance level of the one-sided test. */
    alpha?: number;
    /** Confidence of the reported interval. */
    confidence?: number;
    seed?: number;
    /** Bootstrap the interval (default true); simulations that only need verdicts skip it. */
    interval?: boolean;
}
export type Verdict = "regression" | "improvement" | "unchanged";
export interface Comparison {
    verdict: Verdict;
    baselineMedian: number;
    currentMedian: number;
    /** median(current) / median(baseline) − 1: +0.10 is 10% larger. */
    change: number;
    /** Confidence interval of `change`. */
    interval: Interval;
    /** One-sided p-value in the direction that would be a regression. */
    pWorse: number;
    threshold: number;
    alpha: number;
}
export declare const DEFAULT_THRESHOLD = 0.05;
/** Timed iterations per run by default (`bench.iterations` in the manifest schema). */
export declare const DEFAULT_SAMPLES = 100;
export declare const DEFAULT_ALPHA = 0.01;
/**
 * Compares a metric's samples with its baseline's. A regression needs both: the samples are
 * significantly worse (Mann–Whitney, one-sided, `alpha`) and the median moved by more than
 * `threshold` the wrong way. Noise alone rarely passes the first; a real but tiny change never
 * passes the second.
 */
export declare function compareSamples(baseline: readonly number[], current: readonly number[], options: CompareOptions): Comparison;
