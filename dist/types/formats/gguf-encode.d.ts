import { type GgufMetadata } from "./gguf-value.js";
/** A tensor info as it is written: `ne` in ggml order (innermost first), offset in the data section. */
export interface GgufTensorInfoBytes {
    name: string;
    ne: readonly number[];
    typeId: number;
    offset: number;
}
/**
 * The bytes before the data section: magic, version 3, counts, every KV pair in map order and
 * every tensor info, zero-padded to `alignment` (the data section starts there).
 */
export declare function encodeGgufHeader(metadata: GgufMetadata, tensors: readonly GgufTensorInfoBytes[], alignment: number): Buffer;
