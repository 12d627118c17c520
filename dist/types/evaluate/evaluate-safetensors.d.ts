import type { KernelPool } from "../quantize/kernel-pool.js";
import { type SourceModel } from "../quantize/source-model.js";
import { type TensorMetrics } from "./tensor-metrics.js";
/**
 * Reads a low-bit safetensors variant back and compares every source tensor with what the variant
 * holds for it, dequantized by the layout its `__metadata__` records. Tensors the scheme leaves
 * alone must be byte-identical; a missing tensor is OUTPUT_MISMATCH.
 */
export declare function evaluateSafetensors(source: SourceModel, path: string, pool: KernelPool): Promise<TensorMetrics[]>;
