import type {
  BenchResult,
  BenchResultFile,
  BenchmarkValue,
  HardwareFingerprint,
} from "../manifest/types.generated.js";
import { metricKey } from "./baseline-document.js";
import { median, quantile } from "./statistics.js";

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
export const BENCH_GROUP = "bench";

/** Summary of one metric as the manifest keeps it. */
export interface MetricSummary {
  median: number;
  p10: number;
  p90: number;
  n: number;
  higherIsBetter: 0 | 1;
}

function summaryOf(result: BenchResult): MetricSummary {
  return {
    median: median(result.samples),
    p10: quantile(result.samples, 0.1),
    p90: quantile(result.samples, 0.9),
    n: result.samples.length,
    higherIsBetter: result.direction === "higher-is-better" ? 1 : 0,
  };
}

/**
 * The `benchmarks` section for a release: each variant's results summarised under its
 * hardware fingerprint. Results without a fingerprint are left out (they cannot be compared).
 */
export function releaseBenchmarks(
  runs: readonly { variant: string; results: BenchResultFile }[],
): Record<string, BenchmarkValue> {
  const byVariant: Record<string, Record<string, Record<string, BenchmarkValue>>> = {};
  for (const { variant, results } of runs) {
    const hash = results.fingerprint?.hash;
    if (hash === undefined) continue;
    const forVariant = (byVariant[variant] ??= {});
    const metrics: Record<string, BenchmarkValue> = (forVariant[hash] ??= {});
    for (const result of results.results) {
      metrics[`${metricKey(result)} (${result.unit})`] = { ...summaryOf(result) };
    }
  }
  return { [BENCH_GROUP]: byVariant };
}

function isGroup(value: BenchmarkValue | undefined): value is Record<string, BenchmarkValue> {
  return typeof value === "object";
}

function finite(group: Record<string, BenchmarkValue>, field: string): number | undefined {
  const value = group[field];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * `n` samples spread evenly (at probabilities 0, 1/(n-1), …, 1) over a quantile function that
 * is linear through p10 and p50 below the median and through p50 and p90 above it: their own
 * p10 and p90 (numpy's default quantiles) are the recorded ones, the median within a hair.
 */
export function samplesFromSummary(
  summary: Omit<MetricSummary, "higherIsBetter">,
): [number, ...number[]] {
  const { p10, median: p50, p90 } = summary;
  const n = Math.min(100_000, Math.max(1, Math.round(summary.n)));
  if (n === 1) return [p50];
  const low = (p50 - p10) / 0.4;
  const high = (p90 - p50) / 0.4;
  const at = (i: number): number => {
    const p = i / (n - 1);
    return p <= 0.5 ? p50 - (0.5 - p) * low : p50 + (p - 0.5) * high;
  };
  return [at(0), ...Array.from({ length: n - 1 }, (_, i) => at(i + 1))];
}

function parseMetric(
  label: string,
  summary: Record<string, BenchmarkValue>,
): BenchResult | undefined {
  const match = /^(.+?)(?: \[([^\]]+)\])? \(([^()]+)\)$/.exec(label);
  const figures = {
    median: finite(summary, "median"),
    p10: finite(summary, "p10"),
    p90: finite(summary, "p90"),
    n: finite(summary, "n"),
  };
  const [, name, variant, unit] = match ?? [];
  if (name === undefined || unit === undefined) return undefined;
  const { median: mid, p10, p90, n } = figures;
  if (mid === undefined || p10 === undefined || p90 === undefined || n === undefined)
    return undefined;
  if (!(p10 <= mid && mid <= p90) || n < 1) return undefined;
  return {
    name,
    unit,
    direction: finite(summary, "higherIsBetter") === 1 ? "higher-is-better" : "lower-is-better",
    samples: samplesFromSummary({ median: mid, p10, p90, n }),
    ...(variant === undefined ? {} : { variant }),
  };
}

/**
 * The results a release recorded for one variant on one machine, samples rebuilt from the
 * summaries; undefined when it recorded none. Entries that are not summaries are skipped.
 */
export function resultsFromRelease(
  benchmarks: Record<string, BenchmarkValue> | undefined,
  variant: string,
  fingerprint: string,
): { results: BenchResult[]; fingerprint: Pick<HardwareFingerprint, "hash"> } | undefined {
  const group = benchmarks?.[BENCH_GROUP];
  const forVariant = isGroup(group) && Object.hasOwn(group, variant) ? group[variant] : undefined;
  const metrics =
    isGroup(forVariant) && Object.hasOwn(forVariant, fingerprint)
      ? forVariant[fingerprint]
      : undefined;
  if (!isGroup(metrics)) return undefined;
  const results = Object.entries(metrics).flatMap(([label, summary]) => {
    const parsed = isGroup(summary) ? parseMetric(label, summary) : undefined;
    return parsed === undefined ? [] : [parsed];
  });
  return results.length === 0 ? undefined : { results, fingerprint: { hash: fingerprint } };
}
