import type { BenchResult, BenchResultFile } from "../manifest/types.generated.js";
import { compareSamples, DEFAULT_THRESHOLD, type Comparison } from "./compare.js";
import { median } from "./statistics.js";

/** Fewer samples than this on either side cannot reach significance; such metrics use the threshold alone. */
export const MIN_SAMPLES_FOR_TEST = 5;

export type MetricStatus =
  "regression" | "improvement" | "unchanged" | "accepted" | "new" | "ignored";

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
  metrics?: Record<string, { threshold?: number; ignore?: boolean }>;
  /** Accepted regressions: metric key or name → where the acceptance came from. */
  accepted?: ReadonlyMap<string, string>;
}

function keyOf(result: BenchResult): string {
  return result.variant ? `${result.name} [${result.variant}]` : result.name;
}

function thresholdOnly(baseline: BenchResult, current: BenchResult, threshold: number): Comparison {
  const baselineMedian = median(baseline.samples);
  const currentMedian = median(current.samples);
  const change = currentMedian / baselineMedian - 1;
  const worse = current.direction === "lower-is-better" ? change : -change;
  return {
    verdict: worse > threshold ? "regression" : -worse > threshold ? "improvement" : "unchanged",
    baselineMedian,
    currentMedian,
    change,
    interval: { low: change, high: change },
    pWorse: Number.NaN,
    threshold,
    alpha: Number.NaN,
  };
}

/**
 * Compares current results with the baseline measured on the base commit, metric by metric.
 * Results from other hardware are never compared. A regression fails the gate unless accepted.
 */
export function evaluateGate(
  baseline: BenchResultFile | undefined,
  current: BenchResultFile,
  options: GateOptions = {},
): GateVerdict {
  if (!baseline) {
    return {
      verdict: "no-baseline",
      reason: "no baseline results for this model on this hardware",
      metrics: [],
      regressions: [],
    };
  }
  if (baseline.fingerprint?.hash !== current.fingerprint?.hash) {
    return {
      verdict: "no-baseline",
      reason: `the baseline was measured on other hardware (${baseline.fingerprint?.hash ?? "unknown"} vs ${current.fingerprint?.hash ?? "unknown"}); results from different hardware are never compared`,
      metrics: [],
      regressions: [],
    };
  }
  const byKey = new Map(baseline.results.map((r) => [keyOf(r), r]));
  const metrics: MetricVerdict[] = current.results.map((result) => {
    const key = keyOf(result);
    const base = {
      key,
      name: result.name,
      unit: result.unit,
      direction: result.direction,
      ...(result.variant ? { variant: result.variant } : {}),
    };
    const settings = options.metrics?.[result.name];
    if (settings?.ignore) return { ...base, status: "ignored" };
    const previous = byKey.get(key);
    if (!previous || previous.direction !== result.direction) return { ...base, status: "new" };
    const threshold =
      settings?.threshold ?? result.threshold ?? options.threshold ?? DEFAULT_THRESHOLD;
    const tested =
      previous.samples.length >= MIN_SAMPLES_FOR_TEST &&
      result.samples.length >= MIN_SAMPLES_FOR_TEST;
    const comparison = tested
      ? compareSamples(previous.samples, result.samples, { direction: result.direction, threshold })
      : thresholdOnly(previous, result, threshold);
    const note = tested ? undefined : "too few samples for a test: threshold only";
    const acceptance =
      options.accepted?.get(key) ??
      options.accepted?.get(result.name) ??
      options.accepted?.get("*");
    if (comparison.verdict === "regression" && acceptance) {
      return { ...base, status: "accepted", comparison, note: `accepted by ${acceptance}` };
    }
    return { ...base, status: comparison.verdict, comparison, ...(note ? { note } : {}) };
  });
  const regressions = metrics.filter((m) => m.status === "regression").map((m) => m.key);
  return { verdict: regressions.length > 0 ? "fail" : "pass", metrics, regressions };
}
