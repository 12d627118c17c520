import type { Architecture } from "../manifest/types.generated.js";
import type { Artifact } from "../pipeline/artifacts.js";
import { formatBytes } from "./format.js";

/** One way to run the model: a variant's files, their size, and the memory it needs. */
export interface HardwareRow {
  variant: string;
  format: string;
  files: string[];
  size: number;
  memory: number;
}

const MODEL_FORMATS = new Set(["safetensors", "gguf", "onnx", "onnx-data"]);
const FORMAT_LABEL: Record<string, string> = {
  safetensors: "safetensors",
  gguf: "GGUF",
  onnx: "ONNX",
  "onnx-data": "ONNX",
};

/** Share of the weights' size a runtime adds for activations, buffers and itself. */
export const RUNTIME_OVERHEAD = 0.1;

/**
 * Bytes of an fp16 KV cache holding the whole context: 2 (K and V) × layers × KV heads ×
 * head size × context length × 2 bytes. Undefined when the architecture does not say enough.
 */
export function kvCacheBytes(architecture: Architecture | undefined): number | undefined {
  const { layers, hiddenSize, attentionHeads, contextLength } = architecture ?? {};
  if (!layers || !hiddenSize || !attentionHeads || !contextLength) return undefined;
  const kvHeads = architecture?.kvHeads ?? attentionHeads;
  return 2 * layers * kvHeads * (hiddenSize / attentionHeads) * contextLength * 2;
}

function groupOf(artifact: Artifact): { key: string; variant: string; format: string } {
  const format = FORMAT_LABEL[artifact.format] ?? artifact.format;
  if (artifact.role === "variant" && artifact.variant) {
    return { key: `v:${artifact.variant}`, variant: artifact.variant, format };
  }
  return { key: `w:${format}`, variant: "original", format };
}

/**
 * The hardware table: one row per runnable variant (shards and external-data files summed),
 * with the memory estimated as weights + runtime overhead (+ the KV cache when `kvCache` is given).
 * Rows: the original weights first, then variants from largest to smallest.
 */
export function hardwareRows(artifacts: readonly Artifact[], kvCache = 0): HardwareRow[] {
  const groups = new Map<string, HardwareRow & { original: boolean }>();
  for (const artifact of artifacts) {
    if (!MODEL_FORMATS.has(artifact.format)) continue;
    if (artifact.role !== "weights" && artifact.role !== "variant") continue;
    const { key, variant, format } = groupOf(artifact);
    const row = groups.get(key) ?? {
      variant,
      format,
      files: [],
      size: 0,
      memory: 0,
      original: !key.startsWith("v:"),
    };
    row.files.push(artifact.path);
    row.size += artifact.size;
    groups.set(key, row);
  }
  return [...groups.values()]
    .map(({ original, ...row }) => ({
      ...row,
      files: [...row.files].sort(),
      memory: Math.round(row.size * (1 + RUNTIME_OVERHEAD) + kvCache),
      original,
    }))
    .sort(
      (a, b) =>
        Number(b.original) - Number(a.original) ||
        b.size - a.size ||
        (a.variant + a.format < b.variant + b.format ? -1 : 1),
    )
    .map(({ original: _original, ...row }) => row);
}

/** How the memory column was estimated, for the card. */
export function hardwareNote(kvCache: number): string {
  const base = `weights + ${String(RUNTIME_OVERHEAD * 100)}% for the runtime`;
  return kvCache > 0
    ? `Estimated memory = ${base} + an fp16 KV cache for the full context (${formatBytes(kvCache)}).`
    : `Estimated memory = ${base}.`;
}
