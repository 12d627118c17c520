import { ModelPublishError } from "../errors.js";
import { DataType } from "../formats/onnx-dtype.js";
import type { NodeProto, TensorProto } from "../formats/onnx-proto-types.js";
import { tensorDims } from "../formats/onnx-tensor-data.js";
import { floatAttribute, intAttribute, type OnnxGraphEditor } from "./onnx-graph.js";

/** Which MatMul/Gemm nodes a pass quantizes. */
export interface WeightSelection {
  /** Weights with fewer elements stay float (default 1024: below that the saving is noise). */
  minElements?: number;
  /** Node names to leave alone. */
  exclude?: readonly string[];
}

/** A MatMul or Gemm whose second input is a constant 2-D float weight. */
export interface MatMulSite {
  node: NodeProto;
  /** Position of the node in graph.node when selected. */
  index: number;
  weight: TensorProto;
  weightName: string;
  /** Rows of the logical weight W in Y = X·W (the reduction dimension). */
  k: number;
  /** Columns of W (output features). */
  n: number;
  /** True when the weight is stored as [N, K] (Gemm transB=1). */
  transposed: boolean;
  /** Gemm's alpha (1 for MatMul). */
  alpha: number;
  /** Gemm's beta and bias input C, when present. */
  beta: number;
  bias?: string;
}

export interface SkippedNode {
  node: string;
  reason: string;
}

/** Default minimum weight size, in elements. */
export const DEFAULT_MIN_ELEMENTS = 1024;

export function isDefaultDomain(node: NodeProto): boolean {
  return !node.domain || node.domain === "ai.onnx";
}

/** The site for `node`, or why it is left alone. */
function inspect(
  editor: OnnxGraphEditor,
  node: NodeProto,
  index: number,
  exclude: ReadonlySet<string>,
  minElements: number,
): MatMulSite | string {
  if (exclude.has(node.name ?? "")) return "excluded";
  const weightName = node.input?.[1] ?? "";
  const weight = editor.constant(weightName);
  if (!weight) return "weight is not a constant initializer";
  if (weight.dataType !== DataType.FLOAT) return "weight is not FLOAT";
  const dims = tensorDims(weight, `initializer ${weightName}`);
  const [rows = 0, cols = 0] = dims;
  if (dims.length !== 2) return `weight has ${dims.length} dimensions, not 2`;
  if (rows * cols < minElements) return `weight has ${rows * cols} elements (< ${minElements})`;
  const gemm = node.opType === "Gemm";
  if (gemm && intAttribute(node, "transA", 0) !== 0) return "Gemm with transA=1";
  const transposed = gemm && intAttribute(node, "transB", 0) !== 0;
  const bias = gemm ? node.input?.[2] : undefined;
  return {
    node,
    index,
    weight,
    weightName,
    k: transposed ? cols : rows,
    n: transposed ? rows : cols,
    transposed,
    alpha: gemm ? floatAttribute(node, "alpha", 1) : 1,
    beta: gemm ? floatAttribute(node, "beta", 1) : 1,
    ...(bias ? { bias } : {}),
  };
}

/**
 * Throws USAGE when `names` lists a node the graph does not have: a misspelt exclude entry
 * would otherwise quietly quantize the node it meant to protect.
 */
export function requireNodeNames(nodes: readonly NodeProto[], names: ReadonlySet<string>): void {
  const unknown = [...names].filter((name) => !nodes.some((n) => n.name === name));
  if (unknown.length === 0) return;
  const example = nodes.find((n) => n.opType === "MatMul" || n.opType === "Gemm")?.name;
  throw new ModelPublishError(
    "USAGE",
    `exclude names node${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => JSON.stringify(n)).join(", ")} that the model does not have; use node names as the model spells them${example ? ` (e.g. ${JSON.stringify(example)})` : ""}`,
  );
}

/**
 * The MatMul/Gemm nodes with a constant FLOAT 2-D weight of at least `minElements` elements,
 * minus `exclude`; every other MatMul/Gemm is listed with the reason it was left alone. An
 * exclude name that matches no node is a USAGE error (a typo would otherwise quantize it).
 */
export function selectMatMuls(
  editor: OnnxGraphEditor,
  options: WeightSelection,
): { sites: MatMulSite[]; skipped: SkippedNode[] } {
  const minElements = options.minElements ?? DEFAULT_MIN_ELEMENTS;
  const exclude = new Set(options.exclude ?? []);
  const nodes = editor.graph.node ?? [];
  requireNodeNames(nodes, exclude);
  const sites: MatMulSite[] = [];
  const skipped: SkippedNode[] = [];
  nodes.forEach((node, index) => {
    if (!isDefaultDomain(node) || (node.opType !== "MatMul" && node.opType !== "Gemm")) return;
    const site = inspect(editor, node, index, exclude, minElements);
    if (typeof site === "string") skipped.push({ node: node.name ?? `#${index}`, reason: site });
    else sites.push(site);
  });
  return { sites, skipped };
}

/** The weights of `sites` in order, each once (a weight two nodes share is quantized once). */
export function uniqueWeights(sites: readonly MatMulSite[]): TensorProto[] {
  return [...new Set(sites.map((s) => s.weight))];
}
