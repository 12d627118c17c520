import type { KernelPool } from "../quantize/kernel-pool.js";
/** How far one tensor of a variant is from the source after dequantization. */
export interface TensorMetrics {
    /** Name in the variant. */
    name: string;
    /** Source tensor name. */
    source: string;
    /** ggml type or safetensors dtype in the variant. */
    type: string;
    elements: number;
    maxAbsError: number;
    meanAbsError: number;
    rmse: number;
    /** Cosine similarity of the flattened tensors (1 when both are all zeros). */
    cosine: number;
    /** Σ error², kept to aggregate RMSE over a variant. */
    sumSquaredError: number;
    sumAbsError: number;
}
/** Compares `test` with `ref` (float32, shared memory) on the pool. */
export declare function compareValues(pool: KernelPool, ref: Float32Array, test: Float32Array, labels: {
    name: string;
    source: string;
    type: string;
}): Promise<TensorMetrics>;
/** Metrics of a tensor copied unchanged. */
export declare function exactMetrics(labels: {
    name: string;
    source: string;
    type: string;
}, elements: number): TensorMetrics;
