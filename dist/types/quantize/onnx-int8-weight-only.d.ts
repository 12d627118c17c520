import { type OnnxGraphEditor } from "./onnx-graph.js";
import { type MatMulSite } from "./onnx-select.js";
import { type KernelOptions } from "./onnx-weight-quantizer.js";
/**
 * Weight-only INT8 (QDQ form): each selected weight W becomes an int8 initializer with a
 * per-output-channel scale, dequantized by `DequantizeLinear(W_quantized, W_scale,
 * W_zero_point, axis)` in front of the unchanged MatMul/Gemm. onnxruntime fuses the pair at
 * load time. Needs opset 13 (per-axis DequantizeLinear). The graph is rewritten now; the
 * weights are quantized when `writeOnnx` writes the model (their tensors' data is deferred),
 * `onWeight` reporting each as it is done.
 */
export declare function int8WeightOnly(editor: OnnxGraphEditor, dir: string, sites: readonly MatMulSite[], options: KernelOptions & {
    reduceRange?: boolean;
    onWeight?: (name: string) => void;
}): void;
