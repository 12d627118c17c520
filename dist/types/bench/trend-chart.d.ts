/** One metric's history: values in run order (oldest first), and the current run's value last. */
export interface TrendSeries {
    metric: string;
    values: number[];
}
/** Each metric as a percentage of its first run, so metrics of different units share one axis. */
export declare function relativeSeries(series: readonly TrendSeries[]): TrendSeries[];
/** The axis range: at least 90–110% so that noise does not look like a trend. */
export declare function percentRange(relative: readonly TrendSeries[]): {
    low: number;
    high: number;
};
export declare const fixed: (n: number) => string;
/**
 * An SVG line chart of recent runs, each metric relative to its first run (100%), so latency in
 * ms and throughput in items/s share one axis. Deterministic text: same input, same bytes.
 */
export declare function trendChartSvg(title: string, series: readonly TrendSeries[], runLabels: readonly string[]): string;
