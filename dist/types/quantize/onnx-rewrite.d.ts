import type { NodeProto } from "../formats/onnx-proto-types.js";
import { type OnnxGraphEditor } from "./onnx-graph.js";
import type { MatMulSite } from "./onnx-select.js";
/**
 * Collects the nodes a pass puts in place of each selected node, then rebuilds graph.node in
 * one go so the order stays topological: new nodes take the place of the node they replace,
 * shared helpers (a weight's DequantizeLinear, an activation's DynamicQuantizeLinear) go just
 * before their first user.
 */
export declare class NodeRewrite {
    private readonly editor;
    private readonly before;
    private readonly instead;
    constructor(editor: OnnxGraphEditor);
    insertBefore(target: NodeProto, nodes: NodeProto[]): void;
    replace(target: NodeProto, nodes: NodeProto[]): void;
    /**
     * Output name for the quantized product of `site`, and the nodes that add Gemm's bias
     * (`beta·C`) to it to give the node's original output.
     */
    biasTail(site: MatMulSite): {
        product: string;
        tail: NodeProto[];
    };
    /** Writes the new node list into the graph and drops the float weights no longer used. */
    apply(): void;
}
