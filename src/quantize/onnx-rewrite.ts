import { DataType } from "../formats/onnx-dtype.js";
import type { NodeProto } from "../formats/onnx-proto-types.js";
import { node, tensor, type OnnxGraphEditor } from "./onnx-graph.js";
import type { MatMulSite } from "./onnx-select.js";

/**
 * Collects the nodes a pass puts in place of each selected node, then rebuilds graph.node in
 * one go so the order stays topological: new nodes take the place of the node they replace,
 * shared helpers (a weight's DequantizeLinear, an activation's DynamicQuantizeLinear) go just
 * before their first user.
 */
export class NodeRewrite {
  private readonly before = new Map<NodeProto, NodeProto[]>();
  private readonly instead = new Map<NodeProto, NodeProto[]>();

  constructor(private readonly editor: OnnxGraphEditor) {}

  insertBefore(target: NodeProto, nodes: NodeProto[]): void {
    this.before.set(target, [...(this.before.get(target) ?? []), ...nodes]);
  }

  replace(target: NodeProto, nodes: NodeProto[]): void {
    this.instead.set(target, nodes);
  }

  /**
   * Output name for the quantized product of `site`, and the nodes that add Gemm's bias
   * (`beta·C`) to it to give the node's original output.
   */
  biasTail(site: MatMulSite): { product: string; tail: NodeProto[] } {
    const y = site.node.output?.[0] ?? "";
    if (!site.bias) return { product: y, tail: [] };
    const e = this.editor;
    const base = site.node.name || y;
    const product = e.unique(`${y}_matmul`);
    const tail: NodeProto[] = [];
    let bias = site.bias;
    if (site.beta !== 1) {
      const beta = e.unique(`${base}_beta`);
      e.addInitializer(tensor(beta, DataType.FLOAT, [], new Float32Array([site.beta])));
      const scaled = e.unique(`${bias}_scaled`);
      tail.push(node("Mul", e.unique(`${base}_beta_mul`), [bias, beta], [scaled]));
      bias = scaled;
    }
    tail.push(node("Add", e.unique(`${base}_bias_add`), [product, bias], [y]));
    return { product, tail };
  }

  /** Writes the new node list into the graph and drops the float weights no longer used. */
  apply(): void {
    const out: NodeProto[] = [];
    for (const n of this.editor.graph.node ?? []) {
      out.push(...(this.before.get(n) ?? []), ...(this.instead.get(n) ?? [n]));
    }
    this.editor.graph.node = out;
    this.editor.dropUnusedInitializers();
  }
}
