/**
 * safetensors dtypes, in the order of the reference Rust enum (increasing alignment). The writer
 * sorts tensors by this order descending, then by name, as the reference writer does.
 */
export declare const SAFETENSORS_DTYPES: readonly ["BOOL", "F4", "F6_E2M3", "F6_E3M2", "U8", "I8", "F8_E5M2", "F8_E4M3", "F8_E8M0", "F8_E4M3FNUZ", "F8_E5M2FNUZ", "I16", "U16", "F16", "BF16", "I32", "U32", "F32", "C64", "F64", "I64", "U64"];
export type Dtype = (typeof SAFETENSORS_DTYPES)[number];
export declare function isDtype(value: unknown): value is Dtype;
/** Bits per element (4 and 6 for the sub-byte float formats). */
export declare function dtypeBits(dtype: Dtype): number;
/** Position in the reference enum; larger means more aligned. */
export declare function dtypeRank(dtype: Dtype): number;
/**
 * Bytes per element for whole-byte dtypes; undefined for F4/F6, which torch checkpoints never
 * hold as plain storages.
 */
export declare function dtypeBytes(dtype: Dtype): number | undefined;
/**
 * Size of the unit a big-endian file swaps: a complex number is two floats, each swapped alone.
 */
export declare function byteSwapUnit(dtype: Dtype): number;
