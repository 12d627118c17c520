/** The q-quantile (0..1) by linear interpolation between order statistics (type 7, as numpy). */
export declare function quantile(values: readonly number[], q: number): number;
export declare function median(values: readonly number[]): number;
/** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26 on erf; |error| < 1.5e-7). */
export declare function normalCdf(z: number): number;
export interface MannWhitneyResult {
    /** U statistic of the second sample (`b`) against the first. */
    u: number;
    /** Normal approximation with tie correction and continuity correction. */
    z: number;
    /** One-sided p-value for "b tends to be larger than a". */
    pGreater: number;
    /** One-sided p-value for "b tends to be smaller than a". */
    pLess: number;
}
/**
 * Mann–Whitney U test: does one sample tend to be larger than the other? Rank-based, so a few
 * outliers (a GC pause, a noisy neighbour) cannot decide it the way they move a mean.
 */
export declare function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitneyResult;
export interface Interval {
    low: number;
    high: number;
}
/**
 * Percentile bootstrap confidence interval of median(b) / median(a), resampling each sample
 * independently. Seeded, so the same samples always give the same interval.
 */
export declare function bootstrapRatioOfMedians(a: readonly number[], b: readonly number[], options?: {
    resamples?: number;
    confidence?: number;
    seed?: number;
}): Interval;
