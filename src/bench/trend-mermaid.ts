import { fixed, percentRange, relativeSeries, type TrendSeries } from "./trend-chart.js";

/**
 * Line colours with the square emoji that shows each one in the legend: a Mermaid XY chart draws
 * no legend of its own.
 */
const PALETTE = [
  { color: "#22c55e", swatch: "🟩" },
  { color: "#7c3aed", swatch: "🟪" },
  { color: "#3b82f6", swatch: "🟦" },
  { color: "#f59e0b", swatch: "🟧" },
  { color: "#ef4444", swatch: "🟥" },
] as const;

const quoted = (text: string): string => `"${text.replace(/["\\]/g, "'")}"`;

/**
 * The trend chart as a Mermaid XY chart, which GitHub renders in pull-request comments and job
 * summaries (where an SVG file cannot be shown inline), with a legend line under it. Empty when
 * there are fewer than two runs to draw.
 */
export function trendChartMermaid(
  title: string,
  series: readonly TrendSeries[],
  runLabels: readonly string[],
): string {
  const relative = relativeSeries(series.slice(0, PALETTE.length));
  const runs = Math.max(0, ...relative.map((s) => s.values.length));
  if (runs < 2) return "";
  const { low, high } = percentRange(relative);
  const palette = PALETTE.slice(0, relative.length);
  const config = JSON.stringify({
    themeVariables: { xyChart: { plotColorPalette: palette.map((p) => p.color).join(", ") } },
  });
  const lines = [
    "```mermaid",
    `%%{init: ${config}}%%`,
    "xychart-beta",
    `  title ${quoted(title)}`,
    `  x-axis [${runLabels.slice(0, runs).map(quoted).join(", ")}]`,
    `  y-axis "% of the first run" ${fixed(Math.floor(low))} --> ${fixed(Math.ceil(high))}`,
    ...relative.map(
      (s) => `  line [${s.values.map((v) => (Number.isFinite(v) ? fixed(v) : "0")).join(", ")}]`,
    ),
    "```",
    palette.map((p, i) => `${p.swatch} ${relative[i]?.metric ?? ""}`).join(" · "),
  ];
  return `${lines.join("\n")}\n`;
}
