import { type GgmlTypeInfo } from "./gguf-types.js";
import type { GgufValue } from "./gguf-value.js";
/** One tensor as the file describes it. */
export interface GgufTensorInfo {
    name: string;
    /** Dimensions in ggml order, innermost first, as stored (n_dims of them). */
    ne: number[];
    /** The same dimensions in PyTorch order (outermost first). */
    shape: number[];
    type: GgmlTypeInfo;
    /** Offset from the start of the data section. */
    offset: number;
    nbytes: number;
}
export interface GgufHeader {
    version: number;
    metadata: Map<string, GgufValue>;
    tensors: GgufTensorInfo[];
    alignment: number;
    /** File offset of the data section. */
    dataStart: number;
}
/**
 * Parses a GGUF header (v2 or v3, little-endian) and checks everything ggml's reader checks:
 * magic and version, no duplicate keys or tensor names, no nested arrays, a uint32 power-of-two
 * `general.alignment`, names of at most 63 bytes, at most 4 dimensions, known types, rows a whole
 * number of blocks, offsets contiguous and aligned in tensor order, and tensor data inside the file.
 * Throws INPUT_MALFORMED naming the byte offset, or NeedMoreBytes when `buf` ends too soon.
 */
export declare function parseGgufHeader(buf: Buffer, fileSize: number, name: string): GgufHeader;
