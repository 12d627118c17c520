import { DataType } from "../formats/onnx-dtype.js";
import { intAttr, node, tensor, type OnnxGraphEditor } from "./onnx-graph.js";
import { quantizeInt4Blockwise } from "./onnx-int4-math.js";
import type { OnnxPool } from "./onnx-pool.js";
import { FloatPrefetcher } from "./onnx-prefetch.js";
import { NodeRewrite } from "./onnx-rewrite.js";
import { uniqueWeights, type MatMulSite } from "./onnx-select.js";

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

interface PackedWeight {
  b: string;
  scales: string;
  zeroPoints?: string;
}

/**
 * INT4 with `MatMulNBits` (domain com.microsoft, opset 1), as onnxruntime's
 * MatMulNBitsQuantizer writes it: `MatMulNBits(A, W_Q4, W_scales[, W_zero_points])` with
 * attributes K, N, bits=4, block_size in place of each selected MatMul/Gemm. Gemm's alpha is
 * folded into the scales; beta·C is added after.
 */
export async function int4MatMulNBits(
  editor: OnnxGraphEditor,
  dir: string,
  sites: readonly MatMulSite[],
  options: Int4Options,
): Promise<void> {
  const blockSize = options.blockSize ?? 32;
  const symmetric = options.symmetric ?? false;
  editor.requireOpset("com.microsoft", 1);
  const rewrite = new NodeRewrite(editor);
  const reader = new FloatPrefetcher(dir, uniqueWeights(sites));
  const packed = new Map<string, PackedWeight>();
  for (const site of sites) {
    const w = site.weightName;
    const key = `${w}\u0000${site.alpha}`;
    let weight = packed.get(key);
    if (!weight) {
      const values = await reader.floats(site.weight);
      const q = await quantizeInt4Blockwise(values, site.k, site.n, {
        transposed: site.transposed,
        blockSize,
        symmetric,
        ...(options.pool ? { pool: options.pool } : {}),
      });
      if (site.alpha !== 1) {
        q.scales.forEach((s, i) => (q.scales[i] = Math.fround(s * site.alpha)));
      }
      weight = { b: editor.unique(`${w}_Q4`), scales: editor.unique(`${w}_scales`) };
      editor.addInitializer(
        tensor(weight.b, DataType.UINT8, [site.n, q.kBlocks, blockSize / 2], q.b),
      );
      editor.addInitializer(tensor(weight.scales, DataType.FLOAT, [q.scales.length], q.scales));
      if (q.zeroPoints) {
        weight.zeroPoints = editor.unique(`${w}_zero_points`);
        editor.addInitializer(
          tensor(weight.zeroPoints, DataType.UINT8, [q.zeroPoints.length], q.zeroPoints),
        );
      }
      packed.set(key, weight);
      options.onWeight?.(w);
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
