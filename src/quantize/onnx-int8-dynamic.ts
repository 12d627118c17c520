import { unsupported } from "../formats/format-error.js";
import { deferredTensor } from "../formats/onnx-deferred-data.js";
import { DataType } from "../formats/onnx-dtype.js";
import { AttributeType, type NodeProto } from "../formats/onnx-proto-types.js";
import { node, tensor, type OnnxGraphEditor } from "./onnx-graph.js";
import { NodeRewrite } from "./onnx-rewrite.js";
import { uniqueWeights, type MatMulSite } from "./onnx-select.js";
import { WeightQuantizer, type KernelOptions } from "./onnx-weight-quantizer.js";

interface QuantizedWeight {
  q: string;
  zp: string;
  scale: string;
}

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
export function int8Dynamic(
  editor: OnnxGraphEditor,
  dir: string,
  sites: readonly MatMulSite[],
  options: KernelOptions & { reduceRange?: boolean; onWeight?: (name: string) => void },
): void {
  const opset = editor.opset("");
  if (opset < 11) {
    throw unsupported(
      "onnx-int8",
      `dynamic INT8 needs opset 11 or later (DynamicQuantizeLinear); the model imports opset ${opset}: re-export it with opset_version >= 11`,
    );
  }
  const rewrite = new NodeRewrite(editor);
  const quantizer = new WeightQuantizer(dir, uniqueWeights(sites), options);
  const weights = new Map<string, QuantizedWeight>();
  const activations = new Map<string, { q: string; scale: string; zp: string }>();
  for (const site of sites) {
    const w = site.weightName;
    const key = `${w}\u0000${site.alpha}`;
    let weight = weights.get(key);
    if (!weight) {
      const [rows, cols] = site.transposed ? [site.n, site.k] : [site.k, site.n];
      const axis = site.transposed ? 0 : 1;
      const qmax = options.reduceRange ? 64 : 127;
      const { values, scales } = quantizer.int8(
        site.weight,
        { rows, cols, axis },
        { qmax, transpose: site.transposed, scaleFactor: site.alpha },
        () => options.onWeight?.(w),
      );
      weight = {
        q: editor.unique(`${w}_quantized`),
        scale: editor.unique(`${w}_scale`),
        zp: editor.unique(`${w}_zero_point`),
      };
      editor.addInitializer(deferredTensor(weight.q, DataType.INT8, [site.k, site.n], values));
      editor.addInitializer(deferredTensor(weight.scale, DataType.FLOAT, [site.n], scales));
      editor.addInitializer(tensor(weight.zp, DataType.INT8, [site.n], new Int8Array(site.n)));
      weights.set(key, weight);
    }
    const x = site.node.input?.[0] ?? "";
    let act = activations.get(x);
    if (!act) {
      act = {
        q: editor.unique(`${x}_quantized`),
        scale: editor.unique(`${x}_scale`),
        zp: editor.unique(`${x}_zero_point`),
      };
      const quantize = node(
        "DynamicQuantizeLinear",
        editor.unique(`${x}_QuantizeLinear`),
        [x],
        [act.q, act.scale, act.zp],
      );
      rewrite.insertBefore(site.node, [quantize]);
      activations.set(x, act);
    }
    const y = site.node.output?.[0] ?? "";
    const base = site.node.name || y;
    const { product, tail } = rewrite.biasTail(site);
    const integer = editor.unique(`${y}_output_quantized`);
    const cast = editor.unique(`${y}_output_quantized_cast_output`);
    const scales = editor.unique(`${base}_quant_scales_mul:0`);
    const nodes: NodeProto[] = [
      node(
        "MatMulInteger",
        editor.unique(`${base}_quant`),
        [act.q, weight.q, act.zp, weight.zp],
        [integer],
      ),
      node(
        "Cast",
        editor.unique(`${base}_quant_cast`),
        [integer],
        [cast],
        [{ name: "to", type: AttributeType.INT, i: DataType.FLOAT }],
      ),
      node("Mul", editor.unique(`${base}_quant_scales_mul`), [act.scale, weight.scale], [scales]),
      node("Mul", editor.unique(`${base}_quant_output_scale_mul`), [cast, scales], [product]),
      ...tail,
    ];
    rewrite.replace(site.node, nodes);
  }
  rewrite.apply();
}
