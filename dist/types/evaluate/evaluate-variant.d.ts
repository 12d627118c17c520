import { type VariantFormat } from "../quantize/quantize-model.js";
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
export declare function summarize(tensors: readonly TensorMetrics[]): VariantSummary;
/**
 * Evaluates a written variant against its source: every tensor read back from the variant file,
 * dequantized and compared (max abs error, mean abs error, RMSE, cosine), the compression ratio
 * against the source files and against FP32, and the worst cases over the variant.
 */
export declare function evaluateVariant(options: EvaluateOptions): Promise<VariantEvaluation>;
