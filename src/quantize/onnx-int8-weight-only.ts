import { unsupported } from "../formats/format-error.js";
import { DataType } from "../formats/onnx-dtype.js";
import { intAttr, node, tensor, type OnnxGraphEditor } from "./onnx-graph.js";
import { quantizeInt8PerChannel } from "./onnx-int8-math.js";
import type { OnnxPool } from "./onnx-pool.js";
import { FloatPrefetcher } from "./onnx-prefetch.js";
import { NodeRewrite } from "./onnx-rewrite.js";
import { uniqueWeights, type MatMulSite } from "./onnx-select.js";

/**
 * Weight-only INT8 (QDQ form): each selected weight W becomes an int8 initializer with a
 * per-output-channel scale, dequantized by `DequantizeLinear(W_quantized, W_scale,
 * W_zero_point, axis)` in front of the unchanged MatMul/Gemm. onnxruntime fuses the pair at
 * load time. Needs opset 13 (per-axis DequantizeLinear).
 */
export async function int8WeightOnly(
  editor: OnnxGraphEditor,
  dir: string,
  sites: readonly MatMulSite[],
  options: { reduceRange?: boolean; onWeight?: (name: string) => void; pool?: OnnxPool },
): Promise<void> {
  const opset = editor.opset("");
  if (opset < 13) {
    throw unsupported(
      "onnx-int8",
      `weight-only INT8 needs opset 13 or later for per-channel DequantizeLinear; the model imports opset ${opset}: re-export it with opset_version >= 13, or use form "dynamic"`,
    );
  }
  const rewrite = new NodeRewrite(editor);
  const reader = new FloatPrefetcher(dir, uniqueWeights(sites));
  const done = new Map<string, string>();
  for (const site of sites) {
    let dequantized = done.get(site.weightName);
    if (dequantized === undefined) {
      const w = site.weightName;
      const [rows, cols] = site.transposed ? [site.n, site.k] : [site.k, site.n];
      const values = await reader.floats(site.weight);
      const axis = site.transposed ? 0 : 1;
      const { q, scales } = await quantizeInt8PerChannel(values, rows, cols, axis, {
        qmax: options.reduceRange ? 64 : 127,
        ...(options.pool ? { pool: options.pool } : {}),
      });
      const names = {
        q: editor.unique(`${w}_quantized`),
        scale: editor.unique(`${w}_scale`),
        zp: editor.unique(`${w}_zero_point`),
      };
      editor.addInitializer(tensor(names.q, DataType.INT8, [rows, cols], q));
      editor.addInitializer(tensor(names.scale, DataType.FLOAT, [scales.length], scales));
      editor.addInitializer(
        tensor(names.zp, DataType.INT8, [scales.length], new Int8Array(scales.length)),
      );
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
      options.onWeight?.(w);
    }
    const inputs = [...(site.node.input ?? [])];
    inputs[1] = dequantized;
    site.node.input = inputs;
  }
  rewrite.apply();
}
