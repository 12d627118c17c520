import { type OnnxGraphEditor } from "./onnx-graph.js";
import { type MatMulSite } from "./onnx-select.js";
import { type KernelOptions } from "./onnx-weight-quantizer.js";
/**
 * Dynamic INT8, the graph onnxruntime's `quantize_dynamic` emits for a MatMul with a constant
 * weight (QOperator format): the activation is quantized at run time to uint8,
 *
 *   X_quantized, X_scale, X_zero_point = DynamicQuantizeLinear(X)
 *   Y_q   = MatMulInteger(X_quantized, W_quantized, X_zero_point, W_zero_point)   (int32)
 *   Y     = Cast(Y_q, FLOAT) * (X_scale * W_scale)
 *
 * with W int8 [K, N], symmetric, one scale per output column (Gemm weights stored [N, K] are
 * transposed; alpha is folded into the scale, beta·C added after). onnxruntime fuses this into
 * DynamicQuantizeMatMul at load time. Needs opset 11 (DynamicQuantizeLinear). The weights are
 * quantized when `writeOnnx` writes the model (see `int8WeightOnly`).
 */
export declare function int8Dynamic(editor: OnnxGraphEditor, dir: string, sites: readonly MatMulSite[], options: KernelOptions & {
    reduceRange?: boolean;
    onWeight?: (name: string) => void;
}): void;
