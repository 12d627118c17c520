import { bootstrapRatioOfMedians, mannWhitney, median, type Interval } from "./statistics.js";

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

export const DEFAULT_THRESHOLD = 0.05;
/** Timed iterations per run by default (`bench.iterations` in the manifest schema). */
export const DEFAULT_SAMPLES = 100;
export const DEFAULT_ALPHA = 0.01;

/**
 * Compares a metric's samples with its baseline's. A regression needs both: the samples are
 * significantly worse (Mann–Whitney, one-sided, `alpha`) and the median moved by more than
 * `threshold` the wrong way. Noise alone rarely passes the first; a real but tiny change never
 * passes the second.
 */
export function compareSamples(
  baseline: readonly number[],
  current: readonly number[],
  options: CompareOptions,
): Comparison {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const baselineMedian = median(baseline);
  const currentMedian = median(current);
  const change = currentMedian / baselineMedian - 1;
  const ratio =
    options.interval === false
      ? { low: Number.NaN, high: Number.NaN }
      : bootstrapRatioOfMedians(baseline, current, {
          confidence: options.confidence ?? 0.95,
          seed: options.seed ?? 0x5eed,
        });
  const test = mannWhitney(baseline, current);
  const lowerIsBetter = options.direction === "lower-is-better";
  const pWorse = lowerIsBetter ? test.pGreater : test.pLess;
  const pBetter = lowerIsBetter ? test.pLess : test.pGreater;
  const worseBy = lowerIsBetter ? change : -change;
  let verdict: Verdict = "unchanged";
  if (pWorse < alpha && worseBy > threshold) verdict = "regression";
  else if (pBetter < alpha && -worseBy > threshold) verdict = "improvement";
  return {
    verdict,
    baselineMedian,
    currentMedian,
    change,
    interval: { low: ratio.low - 1, high: ratio.high - 1 },
    pWorse,
    threshold,
    alpha,
  };
}
