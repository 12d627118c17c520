import { unsupported } from "../formats/format-error.js";
import { deferredTensor } from "../formats/onnx-deferred-data.js";
import { DataType } from "../formats/onnx-dtype.js";
import { intAttr, node, tensor, type OnnxGraphEditor } from "./onnx-graph.js";
import { NodeRewrite } from "./onnx-rewrite.js";
import { uniqueWeights, type MatMulSite } from "./onnx-select.js";
import { WeightQuantizer, type KernelOptions } from "./onnx-weight-quantizer.js";

/**
 * Weight-only INT8 (QDQ form): each selected weight W becomes an int8 initializer with a
 * per-output-channel scale, dequantized by `DequantizeLinear(W_quantized, W_scale,
 * W_zero_point, axis)` in front of the unchanged MatMul/Gemm. onnxruntime fuses the pair at
 * load time. Needs opset 13 (per-axis DequantizeLinear). The graph is rewritten now; the
 * weights are quantized when `writeOnnx` writes the model (their tensors' data is deferred),
 * `onWeight` reporting each as it is done.
 */
export function int8WeightOnly(
  editor: OnnxGraphEditor,
  dir: string,
  sites: readonly MatMulSite[],
  options: KernelOptions & { reduceRange?: boolean; onWeight?: (name: string) => void },
): void {
  const opset = editor.opset("");
  if (opset < 13) {
    throw unsupported(
      "onnx-int8",
      `weight-only INT8 needs opset 13 or later for per-channel DequantizeLinear; the model imports opset ${opset}: re-export it with opset_version >= 13, or use form "dynamic"`,
    );
  }
  const rewrite = new NodeRewrite(editor);
  const quantizer = new WeightQuantizer(dir, uniqueWeights(sites), options);
  const done = new Map<string, string>();
  for (const site of sites) {
    let dequantized = done.get(site.weightName);
    if (dequantized === undefined) {
      const w = site.weightName;
      const [rows, cols] = site.transposed ? [site.n, site.k] : [site.k, site.n];
      const axis = site.transposed ? 0 : 1;
      const channels = axis === 0 ? rows : cols;
      const { values, scales } = quantizer.int8(
        site.weight,
        { rows, cols, axis },
        { qmax: options.reduceRange ? 64 : 127, transpose: false },
        () => options.onWeight?.(w),
      );
      const names = {
        q: editor.unique(`${w}_quantized`),
        scale: editor.unique(`${w}_scale`),
        zp: editor.unique(`${w}_zero_point`),
      };
      editor.addInitializer(deferredTensor(names.q, DataType.INT8, [rows, cols], values));
      editor.addInitializer(deferredTensor(names.scale, DataType.FLOAT, [channels], scales));
      editor.addInitializer(tensor(names.zp, DataType.INT8, [channels], new Int8Array(channels)));
      dequantized = editor.unique(`${w}_dequantized`);
      rewrite.insertBefore(site.node, [
        node(
          "DequantizeLinear",
          editor.unique(`${w}_DequantizeLinear`),
          [names.q, names.scale, names.zp],
          [dequantized],
          [intAttr("axis", axis)],
        ),
      ]);
      done.set(w, dequantized);
    }
    const inputs = [...(site.node.input ?? [])];
    inputs[1] = dequantized;
    site.node.input = inputs;
  }
  rewrite.apply();
}
