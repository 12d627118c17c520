import type { ReleaseManifest } from "../manifest/types.generated.js";
import type { Architecture, Requirements } from "../manifest/types.generated.js";
import type { Artifact } from "../pipeline/artifacts.js";
import type { EvaluationResult } from "./render-card.js";
import { cell, formatBytes, formatCount, formatFigure, groupDigits } from "./format.js";

/** A label and its value, one table row. */
export interface Row {
  label: string;
  value: string;
}

const ARCHITECTURE_LABELS: [keyof Architecture, string][] = [
  ["type", "Type"],
  ["name", "Class"],
  ["parameters", "Parameters"],
  ["layers", "Layers"],
  ["hiddenSize", "Hidden size"],
  ["intermediateSize", "Intermediate size"],
  ["attentionHeads", "Attention heads"],
  ["kvHeads", "KV heads"],
  ["vocabSize", "Vocabulary"],
  ["contextLength", "Context length"],
  ["patchSize", "Patch size"],
  ["imageSize", "Image size"],
];

export function architectureRows(architecture: Architecture | undefined): Row[] {
  if (!architecture) return [];
  const rows: Row[] = [];
  for (const [key, label] of ARCHITECTURE_LABELS) {
    const value = architecture[key];
    if (value === undefined) continue;
    const text =
      typeof value === "string"
        ? value
        : key === "parameters"
          ? formatCount(value)
          : groupDigits(value);
    rows.push({ label, value: cell(text) });
  }
  return rows;
}

export function requirementRows(requirements: Requirements | undefined): Row[] {
  if (!requirements) return [];
  const rows: Row[] = [];
  if (requirements.minMemory !== undefined) {
    rows.push({ label: "Minimum memory", value: formatBytes(requirements.minMemory) });
  }
  if (requirements.gpu !== undefined) rows.push({ label: "GPU", value: cell(requirements.gpu) });
  if (requirements.simdRequired !== undefined) {
    rows.push({ label: "SIMD", value: requirements.simdRequired ? "required" : "not required" });
  }
  if (requirements.webgpuOptional !== undefined) {
    rows.push({ label: "WebGPU", value: requirements.webgpuOptional ? "optional" : "not used" });
  }
  if (requirements.browserSupport?.length) {
    rows.push({ label: "Browsers", value: cell(requirements.browserSupport.join(", ")) });
  }
  return rows;
}

/** Column names for the figures the evaluate stage records, in the order a reader wants them. */
const METRIC_LABELS: Record<string, string> = {
  compressionRatio: "compression",
  compressionRatioVsF32: "vs FP32",
  minCosine: "min cosine",
  maxAbsError: "max abs error",
  meanAbsError: "mean abs error",
  rmse: "RMSE",
  maxMeanAbsError: "worst tensor mean abs error",
  maxRmse: "worst tensor RMSE",
  tensors: "tensors",
};
const METRIC_ORDER = Object.keys(METRIC_LABELS);

function metricRank(name: string): number {
  const rank = METRIC_ORDER.indexOf(name);
  return rank < 0 ? METRIC_ORDER.length : rank;
}

function metricValue(name: string, value: number | undefined): string {
  if (value === undefined) return "—";
  return name.startsWith("compressionRatio") ? `${formatFigure(value)}×` : formatFigure(value);
}

/** Variant quality: one column per metric any variant has (sorted), one row per variant. */
export function qualityTable(artifacts: readonly Artifact[]): {
  columns: string[];
  rows: { variant: string; values: string[] }[];
} {
  const byVariant = new Map<string, Record<string, number>>();
  for (const artifact of artifacts) {
    if (artifact.role !== "variant" || !artifact.variant || !artifact.metrics) continue;
    byVariant.set(artifact.variant, { ...byVariant.get(artifact.variant), ...artifact.metrics });
  }
  const names = [...new Set([...byVariant.values()].flatMap((m) => Object.keys(m)))].sort(
    (a, b) => metricRank(a) - metricRank(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const rows = [...byVariant.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([variant, metrics]) => ({
      variant,
      values: names.map((name) => metricValue(name, metrics[name])),
    }));
  return { columns: names.map((name) => METRIC_LABELS[name] ?? name), rows };
}

/** Benchmark figures flattened to `group / name` rows, in the order they were recorded. */
export function benchmarkRows(benchmarks: ReleaseManifest["benchmarks"]): Row[] {
  const rows: Row[] = [];
  const walk = (value: unknown, path: string[]): void => {
    if (typeof value === "number") {
      rows.push({ label: cell(path.join(" / ")), value: formatFigure(value) });
    } else if (typeof value === "object" && value !== null) {
      for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key]);
    }
  };
  walk(benchmarks ?? {}, []);
  return rows;
}

function figureText(value: unknown): string {
  if (typeof value === "number") return formatFigure(value);
  return typeof value === "string" ? value : "";
}

export interface EvaluationRow {
  task: string;
  dataset: string;
  metric: string;
  value: string;
}

export function evaluationRows(
  evaluations: readonly EvaluationResult[] | undefined,
): EvaluationRow[] {
  return (evaluations ?? []).flatMap((e) =>
    e.metrics.map((m) => ({
      task: cell(e.task.name ?? e.task.type),
      dataset: cell(e.dataset.split ? `${e.dataset.name} (${e.dataset.split})` : e.dataset.name),
      metric: cell(m.name ?? m.type),
      // Checked against the Hub's rules after rendering; a missing value must not stop the check.
      value: cell(figureText(m.value)),
    })),
  );
}

/** A Markdown table, for the Hugging Face template variables that take one block of text. */
export function markdownTable(headers: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}
