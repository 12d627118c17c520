import { type OnnxGraphEditor } from "./onnx-graph.js";
import { type MatMulSite } from "./onnx-select.js";
import { type KernelOptions } from "./onnx-weight-quantizer.js";
export interface Int4Options extends KernelOptions {
    /** K values per scale: 32 or 128 (default 32). */
    blockSize?: 32 | 128;
    /** No zero points (the kernel's default 8); default false (asymmetric, as MatMulNBitsQuantizer). */
    symmetric?: boolean;
    /** MatMulNBits accuracy_level (4: int8 compute); omitted when 0 or absent. */
    accuracyLevel?: 0 | 1 | 2 | 3 | 4;
    /** Called as each weight is quantized (while the model is written). */
    onWeight?: (name: string) => void;
}
/**
 * INT4 with `MatMulNBits` (domain com.microsoft, opset 1), as onnxruntime's
 * MatMulNBitsQuantizer writes it: `MatMulNBits(A, W_Q4, W_scales[, W_zero_points])` with
 * attributes K, N, bits=4, block_size in place of each selected MatMul/Gemm. Gemm's alpha is
 * folded into the scales; beta·C is added after. The weights are quantized when `writeOnnx`
 * writes the model (see `int8WeightOnly`).
 */
export declare function int4MatMulNBits(editor: OnnxGraphEditor, dir: string, sites: readonly MatMulSite[], options: Int4Options): void;
