import type { GgufLayout, GgufPlacedTensor } from "./gguf-layout.js";
/**
 * Supplies one tensor's bytes, in order, as one or more chunks. The writer awaits each chunk's
 * write before asking for the next, so a producer may reuse its buffers.
 */
export type GgufTensorBytes = (tensor: GgufPlacedTensor, index: number) => AsyncIterable<Uint8Array>;
/**
 * Streams a GGUF file to `path`: the header with every tensor info first (sizes are known from
 * the layout), then each tensor's bytes followed by zero padding to the alignment. Only the
 * producer's current chunk is in memory, whatever the model's size.
 */
export declare function writeGguf(path: string, layout: GgufLayout, bytes: GgufTensorBytes, onBytes?: (written: number) => void): Promise<void>;
