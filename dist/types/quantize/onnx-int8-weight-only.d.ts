import { type OnnxGraphEditor } from "./onnx-graph.js";
import type { OnnxPool } from "./onnx-pool.js";
import { type MatMulSite } from "./onnx-select.js";
/**
 * Weight-only INT8 (QDQ form): each selected weight W becomes an int8 initializer with a
 * per-output-channel scale, dequantized by `DequantizeLinear(W_quantized, W_scale,
 * W_zero_point, axis)` in front of the unchanged MatMul/Gemm. onnxruntime fuses the pair at
 * load time. Needs opset 13 (per-axis DequantizeLinear).
 */
export declare function int8WeightOnly(editor: OnnxGraphEditor, dir: string, sites: readonly MatMulSite[], options: {
    reduceRange?: boolean;
    onWeight?: (name: string) => void;
    pool?: OnnxPool;
}): Promise<void>;
