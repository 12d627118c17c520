import { type OnnxPool } from "./onnx-pool.js";
/** Per-channel INT8 weights: values and one float32 scale per channel (zero points are 0). */
export interface Int8Weights {
    /** Quantized values, laid out as stored or transposed. */
    q: Int8Array;
    scales: Float32Array;
}
/**
 * Symmetric per-channel INT8, as onnxruntime's quantizer computes it for int8 weights (see
 * `int8Channels`). `w` is row-major [rows, cols] with one scale per channel along `axis` (0: per
 * row, 1: per column). `qmax` is 127, or 64 for onnxruntime's `reduce_range` (7-bit weights, for
 * CPUs without VNNI where u8×s8 products can saturate). With `transpose` the output is laid out
 * [cols, rows]. With a pool, channel ranges run on its threads.
 */
export declare function quantizeInt8PerChannel(w: Float32Array, rows: number, cols: number, axis: 0 | 1, options?: {
    qmax?: number;
    transpose?: boolean;
    pool?: OnnxPool;
}): Promise<Int8Weights>;
