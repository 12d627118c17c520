/** One metric's history: values in run order (oldest first), and the current run's value last. */
export interface TrendSeries {
  metric: string;
  values: number[];
}

/** Seed 004's palette: slate 950 page, slate 900 panel, and the accents in order. */
const PAGE = "#020617";
const PANEL = "#0f172a";
const GRID = "#1e293b";
const TEXT = "#e2e8f0";
const MUTED = "#94a3b8";
const ACCENTS = ["#22c55e", "#7c3aed", "#14b8a6", "#f59e0b", "#1e3a8a"];

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Each metric as a percentage of its first run, so metrics of different units share one axis. */
export function relativeSeries(series: readonly TrendSeries[]): TrendSeries[] {
  return series.map((s) => ({
    metric: s.metric,
    values: s.values.map((v) => (s.values[0] ? (100 * v) / s.values[0] : 100)),
  }));
}

/** The axis range: at least 90–110% so that noise does not look like a trend. */
export function percentRange(relative: readonly TrendSeries[]): { low: number; high: number } {
  const all = relative.flatMap((s) => s.values).filter(Number.isFinite);
  return { low: Math.min(90, ...all), high: Math.max(110, ...all) };
}

export const fixed = (n: number): string => (Math.round(n * 10) / 10).toString();

/**
 * An SVG line chart of recent runs, each metric relative to its first run (100%), so latency in
 * ms and throughput in items/s share one axis. Deterministic text: same input, same bytes.
 */
export function trendChartSvg(
  title: string,
  series: readonly TrendSeries[],
  runLabels: readonly string[],
): string {
  const width = 720;
  const height = 320;
  const left = 56;
  const right = 170;
  const top = 48;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const relative = relativeSeries(series);
  const { low, high } = percentRange(relative);
  const runs = Math.max(2, ...relative.map((s) => s.values.length));
  const x = (i: number): number => left + (plotW * i) / (runs - 1);
  const y = (v: number): number => top + plotH - (plotH * (v - low)) / (high - low);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Inter, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="${PAGE}"/>`,
    `<rect x="8" y="8" width="${width - 16}" height="${height - 16}" rx="8" fill="${PANEL}"/>`,
    `<text x="${left}" y="30" fill="${TEXT}" font-size="15" font-weight="600">${escapeXml(title)}</text>`,
  ];
  for (const tick of [low, 100, high]) {
    parts.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${fixed(y(tick))}" y2="${fixed(y(tick))}" stroke="${GRID}"/>`,
      `<text x="${left - 8}" y="${fixed(y(tick) + 4)}" fill="${MUTED}" font-size="11" text-anchor="end" font-family="JetBrains Mono, monospace">${fixed(tick)}%</text>`,
    );
  }
  runLabels.slice(0, runs).forEach((label, i) => {
    parts.push(
      `<text x="${fixed(x(i))}" y="${height - 18}" fill="${MUTED}" font-size="10" text-anchor="middle" font-family="JetBrains Mono, monospace">${escapeXml(label)}</text>`,
    );
  });
  relative.forEach((s, index) => {
    const color = ACCENTS[index % ACCENTS.length] ?? TEXT;
    const points = s.values.map((v, i) => `${fixed(x(i))},${fixed(y(v))}`).join(" ");
    parts.push(`<polyline points="${points}" fill="none" stroke="${color}" stroke-width="2"/>`);
    s.values.forEach((v, i) => {
      parts.push(`<circle cx="${fixed(x(i))}" cy="${fixed(y(v))}" r="3" fill="${color}"/>`);
    });
    parts.push(
      `<rect x="${left + plotW + 16}" y="${top + index * 20 - 9}" width="10" height="10" rx="2" fill="${color}"/>`,
      `<text x="${left + plotW + 32}" y="${top + index * 20}" fill="${TEXT}" font-size="12">${escapeXml(s.metric)}</text>`,
    );
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
