import { deferredTensor } from "../formats/onnx-deferred-data.js";
import { DataType } from "../formats/onnx-dtype.js";
import { intAttr, node, type OnnxGraphEditor } from "./onnx-graph.js";
import { NodeRewrite } from "./onnx-rewrite.js";
import { uniqueWeights, type MatMulSite } from "./onnx-select.js";
import { WeightQuantizer, type KernelOptions } from "./onnx-weight-quantizer.js";

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

interface PackedWeight {
  b: string;
  scales: string;
  zeroPoints?: string;
}

/**
 * INT4 with `MatMulNBits` (domain com.microsoft, opset 1), as onnxruntime's
 * MatMulNBitsQuantizer writes it: `MatMulNBits(A, W_Q4, W_scales[, W_zero_points])` with
 * attributes K, N, bits=4, block_size in place of each selected MatMul/Gemm. Gemm's alpha is
 * folded into the scales; beta·C is added after. The weights are quantized when `writeOnnx`
 * writes the model (see `int8WeightOnly`).
 */
export function int4MatMulNBits(
  editor: OnnxGraphEditor,
  dir: string,
  sites: readonly MatMulSite[],
  options: Int4Options,
): void {
  const blockSize = options.blockSize ?? 32;
  const symmetric = options.symmetric ?? false;
  editor.requireOpset("com.microsoft", 1);
  const rewrite = new NodeRewrite(editor);
  const quantizer = new WeightQuantizer(dir, uniqueWeights(sites), options);
  const packed = new Map<string, PackedWeight>();
  for (const site of sites) {
    const w = site.weightName;
    const key = `${w}\u0000${site.alpha}`;
    let weight = packed.get(key);
    if (!weight) {
      const q = quantizer.int4(
        site.weight,
        { k: site.k, n: site.n, transposed: site.transposed },
        { blockSize, symmetric, scaleFactor: site.alpha },
        () => options.onWeight?.(w),
      );
      weight = { b: editor.unique(`${w}_Q4`), scales: editor.unique(`${w}_scales`) };
      const dims = [site.n, q.kBlocks, blockSize / 2];
      editor.addInitializer(deferredTensor(weight.b, DataType.UINT8, dims, q.values));
      const scaleDims = [site.n * q.kBlocks];
      editor.addInitializer(deferredTensor(weight.scales, DataType.FLOAT, scaleDims, q.scales));
      if (q.zeroPoints) {
        weight.zeroPoints = editor.unique(`${w}_zero_points`);
        const zpDims = [q.zeroPoints.length];
        editor.addInitializer(
          deferredTensor(weight.zeroPoints, DataType.UINT8, zpDims, q.zeroPoints),
        );
      }
      packed.set(key, weight);
    }
    const y = site.node.output?.[0] ?? "";
    const { product, tail } = rewrite.biasTail(site);
    const attributes = [
      intAttr("K", site.k),
      intAttr("N", site.n),
      intAttr("bits", 4),
      intAttr("block_size", blockSize),
    ];
    if (options.accuracyLevel) attributes.push(intAttr("accuracy_level", options.accuracyLevel));
    const inputs = [site.node.input?.[0] ?? "", weight.b, weight.scales];
    if (weight.zeroPoints) inputs.push(weight.zeroPoints);
    rewrite.replace(site.node, [
      node(
        "MatMulNBits",
        editor.unique(`${site.node.name || y}_Q4`),
        inputs,
        [product],
        attributes,
        "com.microsoft",
      ),
      ...tail,
    ]);
  }
  rewrite.apply();
}
