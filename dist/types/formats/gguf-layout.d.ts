import { type GgmlTypeName } from "./gguf-types.js";
import type { GgufMetadata } from "./gguf-value.js";
/** A tensor to be written. `shape` is in PyTorch (row-major, outermost first) order. */
export interface GgufTensorSpec {
    name: string;
    type: GgmlTypeName;
    shape: readonly number[];
}
/** A tensor placed in the data section. */
export interface GgufPlacedTensor extends GgufTensorSpec {
    /** Dimensions in ggml order: innermost (the row) first, trailing 1s dropped. */
    ne: number[];
    /** Offset from the start of the data section. */
    offset: number;
    nbytes: number;
}
/** Everything about a GGUF file except its tensor bytes, decided before any byte is written. */
export interface GgufLayout {
    /** Header, KV pairs and tensor infos, padded so the data section follows directly. */
    header: Buffer;
    tensors: GgufPlacedTensor[];
    alignment: number;
    /** File size: the data section ends with the last tensor's padding, as ggml reads it. */
    size: number;
}
/** `ggml_n_dims`: the dimensions up to the last one above 1 (at least one). */
export declare function ggmlDims(shape: readonly number[]): number[];
/**
 * Lays a GGUF v3 file out the way ggml's reader demands: unique KV keys (a Map) and tensor names,
 * names of at most 63 bytes, at most 4 dimensions, rows a whole number of blocks, offsets
 * contiguous in tensor order with every tensor padded to the alignment (`general.alignment`,
 * default 32).
 */
export declare function layoutGguf(metadata: GgufMetadata, specs: readonly GgufTensorSpec[]): GgufLayout;
