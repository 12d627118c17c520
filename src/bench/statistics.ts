import { SeededRandom } from "./random.js";

/** The q-quantile (0..1) by linear interpolation between order statistics (type 7, as numpy). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (position - low);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26 on erf; |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

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
export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const n1 = a.length;
  const n2 = b.length;
  const all = [...a.map((v) => ({ v, fromB: false })), ...b.map((v) => ({ v, fromB: true }))].sort(
    (x, y) => x.v - y.v,
  );
  let rankSumB = 0;
  let tieTerm = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]?.v === all[i]?.v) j++;
    const rank = (i + j) / 2 + 1;
    const count = j - i + 1;
    tieTerm += count ** 3 - count;
    for (let k = i; k <= j; k++) if (all[k]?.fromB) rankSumB += rank;
    i = j + 1;
  }
  const u = rankSumB - (n2 * (n2 + 1)) / 2;
  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, z: 0, pGreater: 1, pLess: 1 };
  const sd = Math.sqrt(variance);
  const zGreater = (u - mean - 0.5) / sd;
  const zLess = (u - mean + 0.5) / sd;
  return { u, z: (u - mean) / sd, pGreater: 1 - normalCdf(zGreater), pLess: normalCdf(zLess) };
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * Percentile bootstrap confidence interval of median(b) / median(a), resampling each sample
 * independently. Seeded, so the same samples always give the same interval.
 */
export function bootstrapRatioOfMedians(
  a: readonly number[],
  b: readonly number[],
  options: { resamples?: number; confidence?: number; seed?: number } = {},
): Interval {
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const random = new SeededRandom(options.seed ?? 0x5eed);
  const ratios: number[] = [];
  const pick = (values: readonly number[]): number[] =>
    Array.from({ length: values.length }, () => values[random.int(values.length)] ?? Number.NaN);
  for (let i = 0; i < resamples; i++) ratios.push(median(pick(b)) / median(pick(a)));
  const tail = (1 - confidence) / 2;
  return { low: quantile(ratios, tail), high: quantile(ratios, 1 - tail) };
}
