/** "GGUF" read as a little-endian u32. */
export declare const GGUF_MAGIC = 1179993927;
export declare const GGUF_VERSION = 3;
export declare const GGUF_DEFAULT_ALIGNMENT = 32;
/** `GGML_MAX_NAME` is 64 including the NUL. */
export declare const GGML_MAX_NAME_BYTES = 63;
export declare const GGML_MAX_DIMS = 4;
/** Metadata value types by their code (`enum gguf_type`). */
export declare const GGUF_VALUE_TYPES: readonly ["uint8", "int8", "uint16", "int16", "uint32", "int32", "float32", "bool", "string", "array", "uint64", "int64", "float64"];
export type GgufValueTypeName = (typeof GGUF_VALUE_TYPES)[number];
/** One ggml tensor type: `blockSize` values take `typeSize` bytes. */
export interface GgmlTypeInfo {
    id: number;
    name: GgmlTypeName;
    blockSize: number;
    typeSize: number;
}
declare const TABLE: readonly [readonly ["F32", 0, 1, 4], readonly ["F16", 1, 1, 2], readonly ["Q4_0", 2, 32, 18], readonly ["Q4_1", 3, 32, 20], readonly ["Q5_0", 6, 32, 22], readonly ["Q5_1", 7, 32, 24], readonly ["Q8_0", 8, 32, 34], readonly ["Q8_1", 9, 32, 36], readonly ["Q2_K", 10, 256, 84], readonly ["Q3_K", 11, 256, 110], readonly ["Q4_K", 12, 256, 144], readonly ["Q5_K", 13, 256, 176], readonly ["Q6_K", 14, 256, 210], readonly ["Q8_K", 15, 256, 292], readonly ["IQ2_XXS", 16, 256, 66], readonly ["IQ2_XS", 17, 256, 74], readonly ["IQ3_XXS", 18, 256, 98], readonly ["IQ1_S", 19, 256, 50], readonly ["IQ4_NL", 20, 32, 18], readonly ["IQ3_S", 21, 256, 110], readonly ["IQ2_S", 22, 256, 82], readonly ["IQ4_XS", 23, 256, 136], readonly ["I8", 24, 1, 1], readonly ["I16", 25, 1, 2], readonly ["I32", 26, 1, 4], readonly ["I64", 27, 1, 8], readonly ["F64", 28, 1, 8], readonly ["IQ1_M", 29, 256, 56], readonly ["BF16", 30, 1, 2], readonly ["TQ1_0", 34, 256, 54], readonly ["TQ2_0", 35, 256, 66]];
export type GgmlTypeName = (typeof TABLE)[number][0];
/** Every ggml type a GGUF file may hold (removed and reserved ids are absent). */
export declare const GGML_TYPES: readonly GgmlTypeInfo[];
export declare function ggmlTypeById(id: number): GgmlTypeInfo | undefined;
export declare function ggmlType(name: GgmlTypeName): GgmlTypeInfo;
/**
 * Bytes of a tensor (`ggml_nbytes`): `typeSize * ne[0]/blockSize * ne[1] * …`; undefined when
 * `ne[0]` is not a whole number of blocks or the size is not a safe integer.
 */
export declare function ggmlNbytes(type: GgmlTypeInfo, ne: readonly number[]): number | undefined;
/** `align(x) = x + (A - x % A) % A`. */
export declare function alignUp(x: number, alignment: number): number;
/**
 * `general.file_type` values (`LLAMA_FTYPE_*`) for the file types this project writes.
 */
export declare const LLAMA_FTYPE: {
    readonly ALL_F32: 0;
    readonly MOSTLY_F16: 1;
    readonly MOSTLY_Q4_0: 2;
    readonly MOSTLY_Q8_0: 7;
    readonly MOSTLY_Q5_0: 8;
    readonly MOSTLY_Q4_K_S: 14;
    readonly MOSTLY_Q4_K_M: 15;
    readonly MOSTLY_Q6_K: 18;
    readonly MOSTLY_BF16: 32;
};
/** `GGML_QNT_VERSION`, written as `general.quantization_version`. */
export declare const GGML_QUANTIZATION_VERSION = 2;
export {};
