/**
 * safetensors dtypes, in the order of the reference Rust enum (increasing alignment). The writer
 * sorts tensors by this order descending, then by name, as the reference writer does.
 */
export const SAFETENSORS_DTYPES = [
  "BOOL",
  "F4",
  "F6_E2M3",
  "F6_E3M2",
  "U8",
  "I8",
  "F8_E5M2",
  "F8_E4M3",
  "F8_E8M0",
  "F8_E4M3FNUZ",
  "F8_E5M2FNUZ",
  "I16",
  "U16",
  "F16",
  "BF16",
  "I32",
  "U32",
  "F32",
  "C64",
  "F64",
  "I64",
  "U64",
] as const;

export type Dtype = (typeof SAFETENSORS_DTYPES)[number];

const BITS: Record<Dtype, number> = {
  BOOL: 8,
  F4: 4,
  F6_E2M3: 6,
  F6_E3M2: 6,
  U8: 8,
  I8: 8,
  F8_E5M2: 8,
  F8_E4M3: 8,
  F8_E8M0: 8,
  F8_E4M3FNUZ: 8,
  F8_E5M2FNUZ: 8,
  I16: 16,
  U16: 16,
  F16: 16,
  BF16: 16,
  I32: 32,
  U32: 32,
  F32: 32,
  C64: 64,
  F64: 64,
  I64: 64,
  U64: 64,
};

const RANK = new Map<string, number>(SAFETENSORS_DTYPES.map((dtype, index) => [dtype, index]));

export function isDtype(value: unknown): value is Dtype {
  return typeof value === "string" && RANK.has(value);
}

/** Bits per element (4 and 6 for the sub-byte float formats). */
export function dtypeBits(dtype: Dtype): number {
  return BITS[dtype];
}

/** Position in the reference enum; larger means more aligned. */
export function dtypeRank(dtype: Dtype): number {
  return RANK.get(dtype) ?? 0;
}

/**
 * Bytes per element for whole-byte dtypes; undefined for F4/F6, which torch checkpoints never
 * hold as plain storages.
 */
export function dtypeBytes(dtype: Dtype): number | undefined {
  const bits = BITS[dtype];
  return bits % 8 === 0 ? bits / 8 : undefined;
}

/**
 * Size of the unit a big-endian file swaps: a complex number is two floats, each swapped alone.
 */
export function byteSwapUnit(dtype: Dtype): number {
  if (dtype === "C64") return 4;
  return Math.max(1, dtypeBytes(dtype) ?? 1);
}
