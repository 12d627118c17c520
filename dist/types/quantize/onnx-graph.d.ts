import { type AttributeProto, type GraphProto, type ModelProto, type NodeProto, type TensorProto } from "../formats/onnx-proto-types.js";
/** An attribute of `node` by name. */
export declare function attribute(node: NodeProto, name: string): AttributeProto | undefined;
/** An INT attribute's value, or `fallback` when absent. */
export declare function intAttribute(node: NodeProto, name: string, fallback: number): number;
/** A FLOAT attribute's value, or `fallback` when absent. */
export declare function floatAttribute(node: NodeProto, name: string, fallback: number): number;
export declare const intAttr: (name: string, i: number) => AttributeProto;
/**
 * The main graph of a model being rewritten by a pass: its initializers by name, the names in
 * use (so new ones are unique) and the opsets. Passes edit `graph` in place.
 */
export declare class OnnxGraphEditor {
    readonly proto: ModelProto;
    readonly graph: GraphProto;
    readonly initializers: Map<string, TensorProto>;
    /** Graph inputs: an initializer listed here can be overridden at run time, so is no constant. */
    readonly inputs: Set<string>;
    private readonly names;
    private readonly subgraphUses;
    constructor(proto: ModelProto);
    /** The version of `domain`'s opset the model imports (0 when it does not). */
    opset(domain: string): number;
    /** Imports `domain` at `version` unless the model already imports it. */
    requireOpset(domain: string, version: number): void;
    /** A constant initializer (not overridable as a graph input) by name. */
    constant(name: string | undefined): TensorProto | undefined;
    /** `base` or `base_1`, `base_2`… whichever is not yet used as a value or node name. */
    unique(base: string): string;
    addInitializer(tensor: TensorProto): void;
    /**
     * Removes initializers no node, subgraph or graph output uses any more (the float weights a
     * pass replaced), so the variant does not carry both copies.
     */
    dropUnusedInitializers(): void;
}
/** A node in the default ONNX domain. */
export declare function node(opType: string, name: string, input: string[], output: string[], attributes?: AttributeProto[], domain?: string): NodeProto;
/** A tensor initializer with raw little-endian data. */
export declare function tensor(name: string, dataType: number, dims: number[], data: ArrayBufferView): TensorProto;
