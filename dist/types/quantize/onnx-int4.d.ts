import { type OnnxGraphEditor } from "./onnx-graph.js";
import type { OnnxPool } from "./onnx-pool.js";
import { type MatMulSite } from "./onnx-select.js";
export interface Int4Options {
    /** K values per scale: 32 or 128 (default 32). */
    blockSize?: 32 | 128;
    /** No zero points (the kernel's default 8); default false (asymmetric, as MatMulNBitsQuantizer). */
    symmetric?: boolean;
    /** MatMulNBits accuracy_level (4: int8 compute); omitted when 0 or absent. */
    accuracyLevel?: 0 | 1 | 2 | 3 | 4;
    onWeight?: (name: string) => void;
    /** Threads for the arithmetic (default: this one only). */
    pool?: OnnxPool;
}
/**
 * INT4 with `MatMulNBits` (domain com.microsoft, opset 1), as onnxruntime's
 * MatMulNBitsQuantizer writes it: `MatMulNBits(A, W_Q4, W_scales[, W_zero_points])` with
 * attributes K, N, bits=4, block_size in place of each selected MatMul/Gemm. Gemm's alpha is
 * folded into the scales; beta·C is added after.
 */
export declare function int4MatMulNBits(editor: OnnxGraphEditor, dir: string, sites: readonly MatMulSite[], options: Int4Options): Promise<void>;
