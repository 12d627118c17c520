import type { BenchResult, BenchResultFile } from "../manifest/types.generated.js";
import { type Baseline, type BaselineDocument, type BaselineKey, type BaselineRun, type TrendPoint } from "./baseline-store.js";
import type { TrendSeries } from "./trend-chart.js";
/** Runs kept for the trend chart unless a store is told otherwise. */
export declare const DEFAULT_HISTORY = 30;
/** How results are named in acceptances, overrides and the report: `name` or `name [variant]`. */
export declare function metricKey(result: Pick<BenchResult, "name" | "variant">): string;
/** Checks a key before it names a file or a cache entry. */
export declare function checkBaselineKey(key: BaselineKey): void;
/** The medians of a run by metric key. */
export declare function mediansOf(results: BenchResultFile): Record<string, number>;
/**
 * The document that records `run` under `key`: the run in full, and the history of the
 * document it replaces (when that one is for the same key) with this run appended. A second
 * save for the same commit replaces that commit's point rather than adding one.
 */
export declare function nextDocument(key: BaselineKey, run: BaselineRun, previous: BaselineDocument | undefined, historyLimit?: number): BaselineDocument;
/**
 * The baseline a document gives for `key`, or undefined when it is another model's, another
 * variant's or another machine's (a renamed file, a colliding cache key) or lacks the metric.
 */
export declare function baselineFrom(document: BaselineDocument, key: BaselineKey, source: string, approximate?: boolean): Baseline | undefined;
/** Parses a stored document; anything else is INPUT_MALFORMED naming where it came from. */
export declare function parseBaselineDocument(text: string, origin: string): BaselineDocument;
/** The document as stored: pretty JSON with a final newline. */
export declare function serializeBaselineDocument(document: BaselineDocument): string;
/**
 * The trend chart's series: each metric's median over the recorded runs, oldest first, then the
 * current run's when given. The metrics are the latest run's; the chart starts at the oldest run
 * from which on every one of them was measured, so all lines share the runs on the x axis.
 */
export declare function trendSeries(history: readonly TrendPoint[], current?: BenchResultFile): {
    series: TrendSeries[];
    labels: string[];
};
