import { DataType } from "../formats/onnx-dtype.js";
import { int64ToNumber } from "../formats/onnx-int64.js";
import { AttributeType, type GraphProto, type NodeProto } from "../formats/onnx-proto-types.js";
import { attribute } from "./onnx-graph.js";

const INT64_OUT = new Set(["Shape", "Size", "ArgMax", "ArgMin", "NonZero", "NonMaxSuppression"]);
const BOOL_OUT = new Set([
  "Equal",
  "Less",
  "LessOrEqual",
  "Greater",
  "GreaterOrEqual",
  "Not",
  "And",
  "Or",
  "Xor",
  "IsNaN",
  "IsInf",
]);
/** Ops whose extra outputs are int64 indices (TopK, MaxPool, Unique). */
const INDEX_OUTPUTS: Record<string, number[]> = { TopK: [1], MaxPool: [1], Unique: [1, 2, 3] };

function dtypeAttribute(node: NodeProto, name: string): number | undefined {
  const a = attribute(node, name);
  return a ? int64ToNumber(a.i, `node ${node.name ?? ""} attribute ${name}`) : undefined;
}

function constantType(node: NodeProto): number | undefined {
  for (const a of node.attribute ?? []) {
    if (a.name === "value") return a.t?.dataType;
    if (a.name === "value_float" || a.name === "value_floats") return DataType.FLOAT;
    if (a.name === "value_int" || a.name === "value_ints") return DataType.INT64;
    if (a.name === "value_string" || a.name === "value_strings") return DataType.STRING;
    if (a.type === AttributeType.SPARSE_TENSOR) return a.sparseTensor?.values?.dataType;
  }
  return undefined;
}

/** The element types of one node's outputs, given its inputs' types (undefined: unknown). */
function outputTypes(
  node: NodeProto,
  input: (i: number) => number | undefined,
): (number | undefined)[] {
  const op = node.opType ?? "";
  const count = node.output?.length ?? 0;
  const all = (t: number | undefined) => Array.from({ length: count }, () => t);
  if (INT64_OUT.has(op)) return all(DataType.INT64);
  if (BOOL_OUT.has(op)) return all(DataType.BOOL);
  switch (op) {
    case "Cast":
      return all(dtypeAttribute(node, "to"));
    case "CastLike":
      return all(input(1));
    case "Constant":
      return all(constantType(node));
    case "ConstantOfShape":
      return all(attribute(node, "value")?.t?.dataType ?? DataType.FLOAT);
    case "EyeLike":
    case "RandomNormalLike":
    case "RandomUniformLike":
    case "Bernoulli":
      return all(dtypeAttribute(node, "dtype") ?? input(0));
    case "RandomNormal":
    case "RandomUniform":
      return all(dtypeAttribute(node, "dtype") ?? DataType.FLOAT);
    case "Multinomial":
      return all(dtypeAttribute(node, "dtype") ?? DataType.INT32);
    case "Where":
      return all(input(1));
    case "OneHot":
      return all(input(2));
    case "DequantizeLinear":
      return all(input(1));
    case "QuantizeLinear":
      return all(dtypeAttribute(node, "output_dtype") ?? input(2) ?? DataType.UINT8);
    case "DynamicQuantizeLinear":
      return [DataType.UINT8, DataType.FLOAT, DataType.UINT8];
    case "MatMulInteger":
    case "ConvInteger":
      return all(DataType.INT32);
    case "QLinearMatMul":
    case "QLinearConv":
      return all(input(7));
    case "LayerNormalization": {
      const stash = dtypeAttribute(node, "stash_type") ?? DataType.FLOAT;
      return Array.from({ length: count }, (_, i) => (i === 0 ? input(0) : stash));
    }
    default: {
      const indices = INDEX_OUTPUTS[op] ?? [];
      return Array.from({ length: count }, (_, i) =>
        indices.includes(i) ? DataType.INT64 : input(0),
      );
    }
  }
}

/**
 * Element types of every value of the graph: declared ones (inputs, outputs, value_info,
 * initializers) first, then each node's outputs from its op's type rule, in node order (ONNX
 * graphs are topologically sorted). Declared types win over inferred ones.
 */
export function inferElemTypes(graph: GraphProto): Map<string, number> {
  const types = new Map<string, number>();
  for (const v of [...(graph.input ?? []), ...(graph.output ?? []), ...(graph.valueInfo ?? [])]) {
    const t = v.type?.tensorType?.elemType;
    if (v.name && t) types.set(v.name, t);
  }
  for (const t of graph.initializer ?? []) if (t.name && t.dataType) types.set(t.name, t.dataType);
  for (const node of graph.node ?? []) {
    const inferred = outputTypes(node, (i) => types.get(node.input?.[i] ?? ""));
    (node.output ?? []).forEach((name, i) => {
      const t = inferred[i];
      if (name && t !== undefined && !types.has(name)) types.set(name, t);
    });
  }
  return types;
}
