import { stat } from "node:fs/promises";
import { join } from "node:path";
import { KernelPool } from "../quantize/kernel-pool.js";
import { loadModelConfig, type VariantFormat } from "../quantize/quantize-model.js";
import { openSourceModel } from "../quantize/source-model.js";
import { evaluateGguf } from "./evaluate-gguf.js";
import { evaluateSafetensors } from "./evaluate-safetensors.js";
import type { TensorMetrics } from "./tensor-metrics.js";

/** Worst-case figures over a variant's tensors (what the error budget is checked against). */
export interface VariantSummary {
  tensors: number;
  elements: number;
  /** Lowest per-tensor cosine similarity, and the tensor it belongs to. */
  minCosine: number;
  minCosineTensor: string;
  /** Highest per-tensor maximum absolute error. */
  maxAbsError: number;
  /** Highest per-tensor mean absolute error. */
  maxMeanAbsError: number;
  /** Highest per-tensor RMSE. */
  maxRmse: number;
  /** Over all elements of the variant. */
  meanAbsError: number;
  rmse: number;
}

export interface VariantEvaluation {
  format: VariantFormat;
  file: string;
  size: number;
  /** Size of the source files (safetensors shards and index). */
  sourceSize: number;
  /** `sourceSize / size`. */
  compressionRatio: number;
  /** The compared tensors as float32 against `size` (seed 004's ≥ 3.5× bar is against FP32). */
  compressionRatioVsF32: number;
  tensors: TensorMetrics[];
  summary: VariantSummary;
}

export interface EvaluateOptions {
  /** The source the variant was made from (file, index or folder, as `quantizeModel` takes it). */
  source: string;
  variant: string;
  /** config.json for a GGUF variant (default: beside the source). */
  config?: string;
  threads?: number;
}

/** Aggregates per-tensor metrics into the variant's worst cases and overall figures. */
export function summarize(tensors: readonly TensorMetrics[]): VariantSummary {
  let elements = 0;
  let sq = 0;
  let abs = 0;
  const summary: VariantSummary = {
    tensors: tensors.length,
    elements: 0,
    minCosine: 1,
    minCosineTensor: "",
    maxAbsError: 0,
    maxMeanAbsError: 0,
    maxRmse: 0,
    meanAbsError: 0,
    rmse: 0,
  };
  for (const t of tensors) {
    elements += t.elements;
    sq += t.sumSquaredError;
    abs += t.sumAbsError;
    // `!(a >= b)` so that a NaN figure counts as the worst.
    if (!(t.cosine >= summary.minCosine)) {
      summary.minCosine = t.cosine;
      summary.minCosineTensor = t.name;
    }
    if (!(t.maxAbsError <= summary.maxAbsError)) summary.maxAbsError = t.maxAbsError;
    if (!(t.meanAbsError <= summary.maxMeanAbsError)) summary.maxMeanAbsError = t.meanAbsError;
    if (!(t.rmse <= summary.maxRmse)) summary.maxRmse = t.rmse;
  }
  summary.elements = elements;
  summary.meanAbsError = elements > 0 ? abs / elements : 0;
  summary.rmse = elements > 0 ? Math.sqrt(sq / elements) : 0;
  return summary;
}

/**
 * Evaluates a written variant against its source: every tensor read back from the variant file,
 * dequantized and compared (max abs error, mean abs error, RMSE, cosine), the compression ratio
 * against the source files and against FP32, and the worst cases over the variant.
 */
export async function evaluateVariant(options: EvaluateOptions): Promise<VariantEvaluation> {
  const source = await openSourceModel(options.source);
  const pool = KernelPool.create(options.threads);
  try {
    const format: VariantFormat = options.variant.endsWith(".gguf") ? "gguf" : "safetensors";
    const tensors =
      format === "gguf"
        ? await evaluateGguf(
            source,
            options.variant,
            await loadModelConfig(options.config ?? join(source.folder, "config.json")),
            pool,
          )
        : await evaluateSafetensors(source, options.variant, pool);
    const size = (await stat(options.variant)).size;
    let sourceSize = 0;
    for (const file of source.files) sourceSize += (await stat(file)).size;
    const summary = summarize(tensors);
    return {
      format,
      file: options.variant,
      size,
      sourceSize,
      compressionRatio: size > 0 ? sourceSize / size : 0,
      compressionRatioVsF32: size > 0 ? (summary.elements * 4) / size : 0,
      tensors,
      summary,
    };
  } finally {
    await pool.close();
    await source.close();
  }
}
