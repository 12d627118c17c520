import { ModelPublishError } from "../errors.js";
import type { BenchResult, BenchResultFile } from "../manifest/types.generated.js";
import { validators } from "../manifest/validate.js";
import { schemaErrorText } from "../sign/signed-manifest.js";
import {
  BASELINE_FORMAT,
  type Baseline,
  type BaselineDocument,
  type BaselineKey,
  type BaselineRun,
  type TrendPoint,
} from "./baseline-store.js";
import { median } from "./statistics.js";
import type { TrendSeries } from "./trend-chart.js";

/** Runs kept for the trend chart unless a store is told otherwise. */
export const DEFAULT_HISTORY = 30;

/** How results are named in acceptances, overrides and the report: `name` or `name [variant]`. */
export function metricKey(result: Pick<BenchResult, "name" | "variant">): string {
  return result.variant ? `${result.name} [${result.variant}]` : result.name;
}

const SAFE_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Checks a key before it names a file or a cache entry. */
export function checkBaselineKey(key: BaselineKey): void {
  const problems: string[] = [];
  if (key.modelId.trim() === "" || key.modelId.length > 200 || /[\p{Cc},]/u.test(key.modelId)) {
    problems.push(`model id ${JSON.stringify(key.modelId)} must be 1–200 characters, no commas`);
  }
  if (!SAFE_PART.test(key.variant)) {
    problems.push(`variant ${JSON.stringify(key.variant)} must be letters, digits, . _ - (≤ 64)`);
  }
  if (!SAFE_PART.test(key.fingerprint)) {
    problems.push(
      `fingerprint ${JSON.stringify(key.fingerprint)} must be a hash like 3f2a9c1d0b7e4a55`,
    );
  }
  if (key.commit !== undefined && !/^[0-9a-f]{7,64}$/.test(key.commit)) {
    problems.push(`commit ${JSON.stringify(key.commit)} must be a hex commit id`);
  }
  if (problems.length > 0) {
    throw new ModelPublishError("USAGE", `baseline key: ${problems.join("; ")}`);
  }
}

/** The medians of a run by metric key. */
export function mediansOf(results: BenchResultFile): Record<string, number> {
  const medians: Record<string, number> = {};
  for (const result of results.results) medians[metricKey(result)] = median(result.samples);
  return medians;
}

/**
 * The document that records `run` under `key`: the run in full, and the history of the
 * document it replaces (when that one is for the same key) with this run appended. A second
 * save for the same commit replaces that commit's point rather than adding one.
 */
export function nextDocument(
  key: BaselineKey,
  run: BaselineRun,
  previous: BaselineDocument | undefined,
  historyLimit = DEFAULT_HISTORY,
): BaselineDocument {
  const measuredOn = run.results.fingerprint?.hash;
  if (measuredOn !== key.fingerprint) {
    throw new ModelPublishError(
      "USAGE",
      `baseline: the results were measured on hardware ${measuredOn ?? "(no fingerprint)"} but the key is for ${key.fingerprint}; record results under their own fingerprint`,
    );
  }
  const commit = key.commit ?? run.results.commit;
  const recordedAt = run.recordedAt ?? new Date().toISOString();
  const point: TrendPoint = {
    ...(commit ? { commit } : {}),
    ...(run.ref ? { ref: run.ref } : {}),
    recordedAt,
    medians: mediansOf(run.results),
  };
  const earlier =
    previous && sameKey(previous, key)
      ? previous.history.filter((p) => commit === undefined || p.commit !== commit)
      : [];
  return {
    format: BASELINE_FORMAT,
    version: 1,
    modelId: key.modelId,
    variant: key.variant,
    fingerprint: key.fingerprint,
    recordedAt,
    ...(commit ? { commit } : {}),
    ...(run.ref ? { ref: run.ref } : {}),
    results: { ...run.results, ...(commit ? { commit } : {}) },
    history: [...earlier, point].slice(-Math.max(1, historyLimit)),
  };
}

function sameKey(document: BaselineDocument, key: BaselineKey): boolean {
  return (
    document.modelId === key.modelId &&
    document.variant === key.variant &&
    document.fingerprint === key.fingerprint &&
    (document.results.fingerprint?.hash ?? document.fingerprint) === key.fingerprint
  );
}

/**
 * The baseline a document gives for `key`, or undefined when it is another model's, another
 * variant's or another machine's (a renamed file, a colliding cache key) or lacks the metric.
 */
export function baselineFrom(
  document: BaselineDocument,
  key: BaselineKey,
  source: string,
  approximate = false,
): Baseline | undefined {
  if (!sameKey(document, key)) return undefined;
  const wanted = key.metric;
  const results = document.results.results.filter(
    (r) => wanted === undefined || r.name === wanted || metricKey(r) === wanted,
  );
  const [first, ...rest] = results;
  if (first === undefined) return undefined;
  return {
    results: { ...document.results, results: [first, ...rest] },
    ...(document.commit ? { commit: document.commit } : {}),
    ...(document.ref ? { ref: document.ref } : {}),
    recordedAt: document.recordedAt,
    matched: key.commit !== undefined && key.commit === document.commit ? "commit" : "latest",
    history: document.history,
    source,
    approximate,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(record: Record<string, unknown>, field: string): string | undefined {
  const value = record[field];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new Error(`${field} must be a string`);
  return value;
}

function requiredString(record: Record<string, unknown>, field: string): string {
  const value = optionalString(record, field);
  if (value === undefined || value === "") throw new Error(`${field} is missing`);
  return value;
}

function trendPoint(value: unknown, index: number): TrendPoint {
  if (!isRecord(value) || !isRecord(value.medians)) {
    throw new Error(`history[${String(index)}] must be an object with medians`);
  }
  const medians: Record<string, number> = {};
  for (const [name, figure] of Object.entries(value.medians)) {
    if (typeof figure !== "number" || !Number.isFinite(figure)) {
      throw new Error(`history[${String(index)}].medians.${name} must be a number`);
    }
    medians[name] = figure;
  }
  const commit = optionalString(value, "commit");
  const ref = optionalString(value, "ref");
  return {
    ...(commit ? { commit } : {}),
    ...(ref ? { ref } : {}),
    recordedAt: requiredString(value, "recordedAt"),
    medians,
  };
}

function documentOf(data: unknown): BaselineDocument {
  if (!isRecord(data) || data.format !== BASELINE_FORMAT || data.version !== 1) {
    throw new Error(
      `not a model-publish baseline document (format "${BASELINE_FORMAT}", version 1)`,
    );
  }
  const validate = validators().benchResult;
  if (!validate(data.results)) throw new Error(`results: ${schemaErrorText(validate)}`);
  const results = data.results as BenchResultFile;
  if (!Array.isArray(data.history)) throw new Error("history must be a list");
  const commit = optionalString(data, "commit");
  const ref = optionalString(data, "ref");
  return {
    format: BASELINE_FORMAT,
    version: 1,
    modelId: requiredString(data, "modelId"),
    variant: requiredString(data, "variant"),
    fingerprint: requiredString(data, "fingerprint"),
    recordedAt: requiredString(data, "recordedAt"),
    ...(commit ? { commit } : {}),
    ...(ref ? { ref } : {}),
    results,
    history: data.history.map(trendPoint),
  };
}

/** Parses a stored document; anything else is INPUT_MALFORMED naming where it came from. */
export function parseBaselineDocument(text: string, origin: string): BaselineDocument {
  try {
    return documentOf(JSON.parse(text));
  } catch (error) {
    const why = error instanceof SyntaxError ? "not valid JSON" : (error as Error).message;
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${origin}: ${why}; delete it and let the default branch record a new baseline`,
      { cause: error },
    );
  }
}

/** The document as stored: pretty JSON with a final newline. */
export function serializeBaselineDocument(document: BaselineDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * The trend chart's series: each metric's median over the recorded runs, oldest first, then the
 * current run's when given. The metrics are the latest run's; the chart starts at the oldest run
 * from which on every one of them was measured, so all lines share the runs on the x axis.
 */
export function trendSeries(
  history: readonly TrendPoint[],
  current?: BenchResultFile,
): { series: TrendSeries[]; labels: string[] } {
  const points: { label: string; medians: Record<string, number> }[] = history.map((p) => ({
    label: p.commit ? p.commit.slice(0, 7) : p.recordedAt.slice(0, 10),
    medians: p.medians,
  }));
  if (current) points.push({ label: "this run", medians: mediansOf(current) });
  const names = Object.keys(points.at(-1)?.medians ?? {});
  let start = points.length;
  while (start > 0 && names.every((n) => Object.hasOwn(points[start - 1]?.medians ?? {}, n)))
    start -= 1;
  const shown = points.slice(start);
  return {
    series: names.map((metric) => ({
      metric,
      values: shown.map((p) => p.medians[metric] ?? Number.NaN),
    })),
    labels: shown.map((p) => p.label),
  };
}
