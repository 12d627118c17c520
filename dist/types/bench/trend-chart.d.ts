/** One metric's history: values in run order (oldest first), and the current run's value last. */
export interface TrendSeries {
    metric: string;
    values: number[];
}
/**
 * An SVG line chart of recent runs, each metric relative to its first run (100%), so latency in
 * ms and throughput in items/s share one axis. Deterministic text: same input, same bytes.
 */
export declare function trendChartSvg(title: string, series: readonly TrendSeries[], runLabels: readonly string[]): string;
