/**
 * ONNX TensorProto.DataType codes and what this library needs to know about each: its name,
 * its size (4-bit types count half a byte) and onnxruntime-node's name for it.
 */
export interface OnnxDtype {
  code: number;
  name: string;
  /** Bits per element; 0 for strings (no fixed size). */
  bits: number;
  /** onnxruntime-node's tensor type, when it has one. */
  ort?: string;
}

const TABLE: readonly OnnxDtype[] = [
  { code: 1, name: "FLOAT", bits: 32, ort: "float32" },
  { code: 2, name: "UINT8", bits: 8, ort: "uint8" },
  { code: 3, name: "INT8", bits: 8, ort: "int8" },
  { code: 4, name: "UINT16", bits: 16, ort: "uint16" },
  { code: 5, name: "INT16", bits: 16, ort: "int16" },
  { code: 6, name: "INT32", bits: 32, ort: "int32" },
  { code: 7, name: "INT64", bits: 64, ort: "int64" },
  { code: 8, name: "STRING", bits: 0, ort: "string" },
  { code: 9, name: "BOOL", bits: 8, ort: "bool" },
  { code: 10, name: "FLOAT16", bits: 16, ort: "float16" },
  { code: 11, name: "DOUBLE", bits: 64, ort: "float64" },
  { code: 12, name: "UINT32", bits: 32, ort: "uint32" },
  { code: 13, name: "UINT64", bits: 64, ort: "uint64" },
  { code: 14, name: "COMPLEX64", bits: 64 },
  { code: 15, name: "COMPLEX128", bits: 128 },
  { code: 16, name: "BFLOAT16", bits: 16 },
  { code: 17, name: "FLOAT8E4M3FN", bits: 8 },
  { code: 18, name: "FLOAT8E4M3FNUZ", bits: 8 },
  { code: 19, name: "FLOAT8E5M2", bits: 8 },
  { code: 20, name: "FLOAT8E5M2FNUZ", bits: 8 },
  { code: 21, name: "UINT4", bits: 4, ort: "uint4" },
  { code: 22, name: "INT4", bits: 4, ort: "int4" },
  { code: 23, name: "FLOAT4E2M1", bits: 4 },
  { code: 24, name: "FLOAT8E8M0", bits: 8 },
];

const BY_CODE = new Map(TABLE.map((d) => [d.code, d]));

/** The codes used by name in this library. */
export const DataType = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
} as const;

/** The dtype for `code`, or undefined for a code this version does not know. */
export function onnxDtype(code: number | undefined): OnnxDtype | undefined {
  return code === undefined ? undefined : BY_CODE.get(code);
}

/** Bytes that `count` elements of `dtype` occupy in raw_data (4-bit types pack two a byte). */
export function rawByteLength(dtype: OnnxDtype, count: number): number {
  return dtype.bits === 4 ? Math.ceil(count / 2) : (count * dtype.bits) / 8;
}
