import { type GraphProto } from "../formats/onnx-proto-types.js";
/**
 * Element types of every value of the graph: declared ones (inputs, outputs, value_info,
 * initializers) first, then each node's outputs from its op's type rule, in node order (ONNX
 * graphs are topologically sorted). Declared types win over inferred ones.
 */
export declare function inferElemTypes(graph: GraphProto): Map<string, number>;
