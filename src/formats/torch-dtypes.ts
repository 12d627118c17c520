import type { Dtype } from "./dtype.js";

/**
 * The torch dtype objects (`torch.float32` is pickled as the global `torch float32`) that map to
 * a safetensors dtype. Others (complex128, quantized, bit-packed) have no safetensors form.
 */
export const TORCH_DTYPES: ReadonlyMap<string, Dtype> = new Map<string, Dtype>([
  ["float64", "F64"],
  ["double", "F64"],
  ["float32", "F32"],
  ["float", "F32"],
  ["float16", "F16"],
  ["half", "F16"],
  ["bfloat16", "BF16"],
  ["int64", "I64"],
  ["long", "I64"],
  ["int32", "I32"],
  ["int", "I32"],
  ["int16", "I16"],
  ["short", "I16"],
  ["int8", "I8"],
  ["uint8", "U8"],
  ["uint16", "U16"],
  ["uint32", "U32"],
  ["uint64", "U64"],
  ["bool", "BOOL"],
  ["complex64", "C64"],
  ["cfloat", "C64"],
  ["float8_e5m2", "F8_E5M2"],
  ["float8_e4m3fn", "F8_E4M3"],
  ["float8_e8m0fnu", "F8_E8M0"],
  ["float8_e4m3fnuz", "F8_E4M3FNUZ"],
  ["float8_e5m2fnuz", "F8_E5M2FNUZ"],
]);

/** Torch dtypes that exist but have no safetensors dtype; named so the refusal is precise. */
export const TORCH_DTYPES_WITHOUT_SAFETENSORS = new Set([
  "complex128",
  "cdouble",
  "complex32",
  "chalf",
  "qint8",
  "qint32",
  "quint8",
  "quint4x2",
  "quint2x4",
  "bits8",
  "bits16",
  "bits1x8",
  "bits2x4",
  "bits4x2",
  "float4_e2m1fn_x2",
]);

/**
 * Legacy storage classes (`torch.FloatStorage`, …) and the dtype of their elements.
 * `UntypedStorage` holds bytes; a `_rebuild_tensor_v3` call gives the tensor's own dtype.
 */
export const TORCH_STORAGE_TYPES: ReadonlyMap<string, Dtype> = new Map<string, Dtype>([
  ["DoubleStorage", "F64"],
  ["FloatStorage", "F32"],
  ["HalfStorage", "F16"],
  ["BFloat16Storage", "BF16"],
  ["LongStorage", "I64"],
  ["IntStorage", "I32"],
  ["ShortStorage", "I16"],
  ["CharStorage", "I8"],
  ["ByteStorage", "U8"],
  ["BoolStorage", "BOOL"],
  ["ComplexFloatStorage", "C64"],
  ["UntypedStorage", "U8"],
]);

/** Storage classes torch knows but whose elements have no safetensors dtype. */
export const TORCH_STORAGE_TYPES_WITHOUT_SAFETENSORS = new Set([
  "ComplexDoubleStorage",
  "QInt8Storage",
  "QInt32Storage",
  "QUInt8Storage",
  "QUInt4x2Storage",
  "QUInt2x4Storage",
]);
