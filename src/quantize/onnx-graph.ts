import { ModelPublishError } from "../errors.js";
import { int64ToNumber } from "../formats/onnx-int64.js";
import {
  AttributeType,
  type AttributeProto,
  type GraphProto,
  type ModelProto,
  type NodeProto,
  type TensorProto,
} from "../formats/onnx-proto-types.js";

/** Names used by nodes inside subgraphs (If/Loop/Scan bodies), which may capture outer values. */
function collectSubgraphUses(graph: GraphProto, uses: Map<string, number>, names: Set<string>) {
  for (const node of graph.node ?? []) {
    if (node.name) names.add(node.name);
    for (const output of node.output ?? []) names.add(output);
    for (const attribute of node.attribute ?? []) {
      for (const sub of [attribute.g, ...(attribute.graphs ?? [])]) {
        if (!sub) continue;
        for (const inner of sub.node ?? []) {
          for (const input of inner.input ?? []) uses.set(input, (uses.get(input) ?? 0) + 1);
        }
        collectSubgraphUses(sub, uses, names);
      }
    }
  }
}

/** An attribute of `node` by name. */
export function attribute(node: NodeProto, name: string): AttributeProto | undefined {
  return node.attribute?.find((a) => a.name === name);
}

/** An INT attribute's value, or `fallback` when absent. */
export function intAttribute(node: NodeProto, name: string, fallback: number): number {
  const a = attribute(node, name);
  return a ? int64ToNumber(a.i, `node ${node.name ?? ""} attribute ${name}`) : fallback;
}

/** A FLOAT attribute's value, or `fallback` when absent. */
export function floatAttribute(node: NodeProto, name: string, fallback: number): number {
  return attribute(node, name)?.f ?? fallback;
}

export const intAttr = (name: string, i: number): AttributeProto => ({
  name,
  type: AttributeType.INT,
  i,
});

/**
 * The main graph of a model being rewritten by a pass: its initializers by name, the names in
 * use (so new ones are unique) and the opsets. Passes edit `graph` in place.
 */
export class OnnxGraphEditor {
  readonly graph: GraphProto;
  readonly initializers = new Map<string, TensorProto>();
  /** Graph inputs: an initializer listed here can be overridden at run time, so is no constant. */
  readonly inputs: Set<string>;
  private readonly names = new Set<string>();
  private readonly subgraphUses = new Map<string, number>();

  constructor(readonly proto: ModelProto) {
    if (!proto.graph) throw new ModelPublishError("INPUT_MALFORMED", "the model has no graph");
    this.graph = proto.graph;
    this.inputs = new Set((this.graph.input ?? []).map((v) => v.name ?? ""));
    for (const tensor of this.graph.initializer ?? []) {
      this.initializers.set(tensor.name ?? "", tensor);
      this.names.add(tensor.name ?? "");
    }
    for (const value of [...(this.graph.input ?? []), ...(this.graph.output ?? [])]) {
      this.names.add(value.name ?? "");
    }
    collectSubgraphUses(this.graph, this.subgraphUses, this.names);
  }

  /** The version of `domain`'s opset the model imports (0 when it does not). */
  opset(domain: string): number {
    const entry = this.proto.opsetImport?.find(
      (o) => (o.domain ?? "") === domain || (domain === "" && o.domain === "ai.onnx"),
    );
    return entry ? int64ToNumber(entry.version, "opset_import version") : 0;
  }

  /** Imports `domain` at `version` unless the model already imports it. */
  requireOpset(domain: string, version: number): void {
    if (this.opset(domain) > 0) return;
    this.proto.opsetImport = [...(this.proto.opsetImport ?? []), { domain, version }];
  }

  /** A constant initializer (not overridable as a graph input) by name. */
  constant(name: string | undefined): TensorProto | undefined {
    if (name === undefined || this.inputs.has(name)) return undefined;
    return this.initializers.get(name);
  }

  /** `base` or `base_1`, `base_2`… whichever is not yet used as a value or node name. */
  unique(base: string): string {
    let name = base;
    for (let i = 1; this.names.has(name); i++) name = `${base}_${i}`;
    this.names.add(name);
    return name;
  }

  addInitializer(tensor: TensorProto): void {
    const name = tensor.name ?? "";
    this.initializers.set(name, tensor);
    this.names.add(name);
    this.graph.initializer = [...(this.graph.initializer ?? []), tensor];
  }

  /**
   * Removes initializers no node, subgraph or graph output uses any more (the float weights a
   * pass replaced), so the variant does not carry both copies.
   */
  dropUnusedInitializers(): void {
    const used = new Set(this.subgraphUses.keys());
    for (const node of this.graph.node ?? []) for (const input of node.input ?? []) used.add(input);
    for (const output of this.graph.output ?? []) used.add(output.name ?? "");
    this.graph.initializer = (this.graph.initializer ?? []).filter((t) => {
      const keep = used.has(t.name ?? "") || this.inputs.has(t.name ?? "");
      if (!keep) this.initializers.delete(t.name ?? "");
      return keep;
    });
  }
}

/** A node in the default ONNX domain. */
export function node(
  opType: string,
  name: string,
  input: string[],
  output: string[],
  attributes: AttributeProto[] = [],
  domain?: string,
): NodeProto {
  return {
    input,
    output,
    name,
    opType,
    ...(domain ? { domain } : {}),
    ...(attributes.length > 0 ? { attribute: attributes } : {}),
  };
}

/** A tensor initializer with raw little-endian data. */
export function tensor(
  name: string,
  dataType: number,
  dims: number[],
  data: ArrayBufferView,
): TensorProto {
  return {
    name,
    dataType,
    dims,
    rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}
