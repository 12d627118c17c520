import type { BenchResultFile } from "../manifest/types.generated.js";
import { describeFingerprint } from "./fingerprint.js";
import type { GateVerdict, MetricVerdict } from "./gate.js";
import { quantile } from "./statistics.js";

/** Marks the one pull-request comment model-publish keeps updated. */
export const COMMENT_MARKER = "<!-- model-publish:bench -->";

const STATUS: Record<MetricVerdict["status"], string> = {
  regression: "❌ regression",
  improvement: "✅ improvement",
  unchanged: "➖ unchanged",
  accepted: "⚠️ accepted",
  new: "🆕 new",
  ignored: "ignored",
};

function figure(value: number): string {
  if (!Number.isFinite(value)) return "—";
  const magnitude = Math.abs(value);
  return magnitude >= 100
    ? value.toFixed(0)
    : magnitude >= 1
      ? value.toFixed(2)
      : value.toPrecision(3);
}

function percent(change: number): string {
  return `${change >= 0 ? "+" : ""}${(100 * change).toFixed(1)}%`;
}

function row(metric: MetricVerdict): string {
  const c = metric.comparison;
  const name = metric.variant ? `${metric.name} (${metric.variant})` : metric.name;
  if (!c) return `| ${name} | ${metric.unit} | — | — | — | ${STATUS[metric.status]} |`;
  const interval =
    Number.isNaN(c.interval.low) || c.interval.low === c.interval.high
      ? ""
      : ` [${percent(c.interval.low)}, ${percent(c.interval.high)}]`;
  const note = metric.note ? ` — ${metric.note}` : "";
  return `| ${name} | ${metric.unit} | ${figure(c.baselineMedian)} | ${figure(c.currentMedian)} | ${percent(c.change)}${interval} | ${STATUS[metric.status]}${note} |`;
}

/** The gate's verdict as Markdown for the job summary and the pull-request comment. */
export function gateReportMarkdown(
  gate: GateVerdict,
  current: BenchResultFile,
  chartMarkdown = "",
): string {
  const headline =
    gate.verdict === "fail"
      ? `❌ **Benchmark regression**: ${gate.regressions.join(", ")}`
      : gate.verdict === "pass"
        ? "✅ **No benchmark regression**"
        : `ℹ️ **No baseline to compare with**: ${gate.reason ?? ""}`;
  const lines = [COMMENT_MARKER, "### model-publish benchmarks", "", headline, ""];
  if (current.fingerprint) lines.push(`Hardware: ${describeFingerprint(current.fingerprint)}`, "");
  if (gate.metrics.length > 0) {
    lines.push(
      "| metric | unit | baseline (median) | this run (median) | change [95% interval] | verdict |",
      "| --- | --- | ---: | ---: | --- | --- |",
      ...gate.metrics.map(row),
      "",
    );
  }
  const latency = current.results.filter((r) => r.name.startsWith("latency"));
  for (const result of latency) {
    lines.push(
      `${result.name}${result.variant ? ` (${result.variant})` : ""}: p50 ${figure(quantile(result.samples, 0.5))} · p90 ${figure(quantile(result.samples, 0.9))} · p99 ${figure(quantile(result.samples, 0.99))} ${result.unit} over ${result.samples.length} runs`,
    );
  }
  if (latency.length > 0) lines.push("");
  lines.push(
    "A regression is a change that is both significant (Mann–Whitney, one-sided, α = 0.01) and larger than the metric's threshold. Accept an intended one with a `bench-accept:<metric>` label or a `Bench-Accept: <metric>` commit trailer.",
  );
  if (chartMarkdown) lines.push("", chartMarkdown);
  return `${lines.join("\n")}\n`;
}
