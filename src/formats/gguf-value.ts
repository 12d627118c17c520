/** Numeric metadata types held as JS numbers. */
export type GgufNumberType =
  "uint8" | "int8" | "uint16" | "int16" | "uint32" | "int32" | "float32" | "float64";

/** 64-bit integer metadata types, held as bigints so no value is rounded. */
export type GgufBigIntType = "uint64" | "int64";

/** The element type of an array (ggml rejects nested arrays). */
export type GgufItemType = GgufNumberType | GgufBigIntType | "bool" | "string";

/** A typed GGUF array: the element type is written once, before the elements. */
export type GgufArray =
  | { type: "array"; itemType: GgufNumberType; items: readonly number[] }
  | { type: "array"; itemType: GgufBigIntType; items: readonly bigint[] }
  | { type: "array"; itemType: "bool"; items: readonly boolean[] }
  | { type: "array"; itemType: "string"; items: readonly string[] };

/** One metadata value with its GGUF type, so a file round-trips type for type. */
export type GgufValue =
  | { type: GgufNumberType; value: number }
  | { type: GgufBigIntType; value: bigint }
  | { type: "bool"; value: boolean }
  | { type: "string"; value: string }
  | GgufArray;

/** Metadata in file order; a Map cannot hold the duplicate keys ggml refuses. */
export type GgufMetadata = ReadonlyMap<string, GgufValue>;

/** Constructors for metadata values. */
export const gguf = {
  u8: (value: number): GgufValue => ({ type: "uint8", value }),
  i8: (value: number): GgufValue => ({ type: "int8", value }),
  u16: (value: number): GgufValue => ({ type: "uint16", value }),
  i16: (value: number): GgufValue => ({ type: "int16", value }),
  u32: (value: number): GgufValue => ({ type: "uint32", value }),
  i32: (value: number): GgufValue => ({ type: "int32", value }),
  f32: (value: number): GgufValue => ({ type: "float32", value }),
  f64: (value: number): GgufValue => ({ type: "float64", value }),
  u64: (value: bigint): GgufValue => ({ type: "uint64", value }),
  i64: (value: bigint): GgufValue => ({ type: "int64", value }),
  bool: (value: boolean): GgufValue => ({ type: "bool", value }),
  str: (value: string): GgufValue => ({ type: "string", value }),
  strings: (items: readonly string[]): GgufValue => ({ type: "array", itemType: "string", items }),
  numbers: (itemType: GgufNumberType, items: readonly number[]): GgufValue => ({
    type: "array",
    itemType,
    items,
  }),
} as const;

const INT_RANGES: Partial<Record<GgufNumberType, [number, number]>> = {
  uint8: [0, 0xff],
  int8: [-0x80, 0x7f],
  uint16: [0, 0xffff],
  int16: [-0x8000, 0x7fff],
  uint32: [0, 0xffffffff],
  int32: [-0x80000000, 0x7fffffff],
};

/** Why `value` does not fit `type`, or undefined when it does. */
export function numberProblem(type: GgufNumberType, value: number): string | undefined {
  const range = INT_RANGES[type];
  if (range === undefined) return undefined;
  if (!Number.isInteger(value) || value < range[0] || value > range[1]) {
    return `${String(value)} is not a ${type}`;
  }
  return undefined;
}

/** Why `value` does not fit a 64-bit integer type, or undefined when it does. */
export function bigintProblem(type: GgufBigIntType, value: bigint): string | undefined {
  const ok =
    type === "uint64"
      ? value >= 0n && value < 1n << 64n
      : value >= -(1n << 63n) && value < 1n << 63n;
  return ok ? undefined : `${value} is not a ${type}`;
}
