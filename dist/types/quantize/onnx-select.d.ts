import type { NodeProto, TensorProto } from "../formats/onnx-proto-types.js";
import { type OnnxGraphEditor } from "./onnx-graph.js";
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
export declare const DEFAULT_MIN_ELEMENTS = 1024;
export declare function isDefaultDomain(node: NodeProto): boolean;
/**
 * Throws USAGE when `names` lists a node the graph does not have: a misspelt exclude entry
 * would otherwise quietly quantize the node it meant to protect.
 */
export declare function requireNodeNames(nodes: readonly NodeProto[], names: ReadonlySet<string>): void;
/**
 * The MatMul/Gemm nodes with a constant FLOAT 2-D weight of at least `minElements` elements,
 * minus `exclude`; every other MatMul/Gemm is listed with the reason it was left alone. An
 * exclude name that matches no node is a USAGE error (a typo would otherwise quantize it).
 */
export declare function selectMatMuls(editor: OnnxGraphEditor, options: WeightSelection): {
    sites: MatMulSite[];
    skipped: SkippedNode[];
};
/** The weights of `sites` in order, each once (a weight two nodes share is quantized once). */
export declare function uniqueWeights(sites: readonly MatMulSite[]): TensorProto[];
