import type { KernelPool } from "../quantize/kernel-pool.js";
import type { LlamaFamilyConfig } from "../quantize/model-config.js";
import type { SourceModel } from "../quantize/source-model.js";
import { type TensorMetrics } from "./tensor-metrics.js";
/**
 * Reads a GGUF variant back and compares every tensor, dequantized, with the source tensor it was
 * made from (mapped and Q/K-permuted the way the variant was written). A tensor missing, extra or
 * of another shape is OUTPUT_MISMATCH.
 */
export declare function evaluateGguf(source: SourceModel, path: string, config: LlamaFamilyConfig, pool: KernelPool): Promise<TensorMetrics[]>;
