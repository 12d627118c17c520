import { checkedMul, checkedProduct } from "./checked-int.js";

/** "GGUF" read as a little-endian u32. */
export const GGUF_MAGIC = 0x46554747;
export const GGUF_VERSION = 3;
export const GGUF_DEFAULT_ALIGNMENT = 32;
/** `GGML_MAX_NAME` is 64 including the NUL. */
export const GGML_MAX_NAME_BYTES = 63;
export const GGML_MAX_DIMS = 4;

/** Metadata value types by their code (`enum gguf_type`). */
export const GGUF_VALUE_TYPES = [
  "uint8",
  "int8",
  "uint16",
  "int16",
  "uint32",
  "int32",
  "float32",
  "bool",
  "string",
  "array",
  "uint64",
  "int64",
  "float64",
] as const;

export type GgufValueTypeName = (typeof GGUF_VALUE_TYPES)[number];

/** One ggml tensor type: `blockSize` values take `typeSize` bytes. */
export interface GgmlTypeInfo {
  id: number;
  name: GgmlTypeName;
  blockSize: number;
  typeSize: number;
}

const TABLE = [
  ["F32", 0, 1, 4],
  ["F16", 1, 1, 2],
  ["Q4_0", 2, 32, 18],
  ["Q4_1", 3, 32, 20],
  ["Q5_0", 6, 32, 22],
  ["Q5_1", 7, 32, 24],
  ["Q8_0", 8, 32, 34],
  ["Q8_1", 9, 32, 36],
  ["Q2_K", 10, 256, 84],
  ["Q3_K", 11, 256, 110],
  ["Q4_K", 12, 256, 144],
  ["Q5_K", 13, 256, 176],
  ["Q6_K", 14, 256, 210],
  ["Q8_K", 15, 256, 292],
  ["IQ2_XXS", 16, 256, 66],
  ["IQ2_XS", 17, 256, 74],
  ["IQ3_XXS", 18, 256, 98],
  ["IQ1_S", 19, 256, 50],
  ["IQ4_NL", 20, 32, 18],
  ["IQ3_S", 21, 256, 110],
  ["IQ2_S", 22, 256, 82],
  ["IQ4_XS", 23, 256, 136],
  ["I8", 24, 1, 1],
  ["I16", 25, 1, 2],
  ["I32", 26, 1, 4],
  ["I64", 27, 1, 8],
  ["F64", 28, 1, 8],
  ["IQ1_M", 29, 256, 56],
  ["BF16", 30, 1, 2],
  ["TQ1_0", 34, 256, 54],
  ["TQ2_0", 35, 256, 66],
] as const;

export type GgmlTypeName = (typeof TABLE)[number][0];

/** Every ggml type a GGUF file may hold (removed and reserved ids are absent). */
export const GGML_TYPES: readonly GgmlTypeInfo[] = TABLE.map(([name, id, blockSize, typeSize]) => ({
  name,
  id,
  blockSize,
  typeSize,
}));

const BY_ID = new Map(GGML_TYPES.map((t) => [t.id, t]));
const BY_NAME = new Map<string, GgmlTypeInfo>(GGML_TYPES.map((t) => [t.name, t]));

export function ggmlTypeById(id: number): GgmlTypeInfo | undefined {
  return BY_ID.get(id);
}

export function ggmlType(name: GgmlTypeName): GgmlTypeInfo {
  const info = BY_NAME.get(name);
  if (info === undefined) throw new Error(`unknown ggml type ${name}`);
  return info;
}

/**
 * Bytes of a tensor (`ggml_nbytes`): `typeSize * ne[0]/blockSize * ne[1] * …`; undefined when
 * `ne[0]` is not a whole number of blocks or the size is not a safe integer.
 */
export function ggmlNbytes(type: GgmlTypeInfo, ne: readonly number[]): number | undefined {
  const [first = 1, ...rest] = ne;
  if (first % type.blockSize !== 0) return undefined;
  const rows = checkedProduct(rest);
  const rowBytes = checkedMul(first / type.blockSize, type.typeSize);
  return rows === undefined || rowBytes === undefined ? undefined : checkedMul(rows, rowBytes);
}

/** `align(x) = x + (A - x % A) % A`. */
export function alignUp(x: number, alignment: number): number {
  return x + ((alignment - (x % alignment)) % alignment);
}

/**
 * `general.file_type` values (`LLAMA_FTYPE_*`) for the file types this project writes.
 */
export const LLAMA_FTYPE = {
  ALL_F32: 0,
  MOSTLY_F16: 1,
  MOSTLY_Q4_0: 2,
  MOSTLY_Q8_0: 7,
  MOSTLY_Q5_0: 8,
  MOSTLY_Q4_K_S: 14,
  MOSTLY_Q4_K_M: 15,
  MOSTLY_Q6_K: 18,
  MOSTLY_BF16: 32,
} as const;

/** `GGML_QNT_VERSION`, written as `general.quantization_version`. */
export const GGML_QUANTIZATION_VERSION = 2;
