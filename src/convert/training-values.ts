import { dtypeBytes, type Dtype } from "../formats/dtype.js";
import { PyFloat, type PyValue } from "../formats/pickle-values.js";

/** A scalar a checkpoint carries beside its weights (step, loss, …), as the manifest holds it. */
export type TrainingValue = number | string | boolean;

/** A training value and how it reads in safetensors `__metadata__` (Python's `str()` of it). */
export interface TrainingEntry {
  value: TrainingValue;
  text: string;
}

const MAX_STRING = 1000;

/** Python's `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa = "0", exp = "0"] = x.toExponential().split("e");
  const exponent = Number(exp);
  const sign = mantissa.startsWith("-") ? "-" : "";
  const digits = mantissa.replace("-", "").replace(".", "");
  if (exponent < -4 || exponent >= 16) {
    const body = digits.length > 1 ? `${digits.slice(0, 1)}.${digits.slice(1)}` : digits;
    const e = Math.abs(exponent).toString().padStart(2, "0");
    return `${sign}${body}e${exponent < 0 ? "-" : "+"}${e}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = digits.slice(exponent + 1) || "0";
  return `${sign}${whole}.${fraction}`;
}

function float(value: number): TrainingEntry {
  return {
    value: Number.isFinite(value) ? value : pythonFloatRepr(value),
    text: pythonFloatRepr(value),
  };
}

function int(value: number | bigint): TrainingEntry {
  const exact = typeof value === "number" || Number.isSafeInteger(Number(value));
  return { value: exact ? Number(value) : value.toString(), text: value.toString() };
}

/** The plain scalars among a checkpoint's entries; containers and long strings are left out. */
export function trainingEntry(value: PyValue): TrainingEntry | undefined {
  if (typeof value === "boolean") return { value, text: value ? "True" : "False" };
  if (typeof value === "number" || typeof value === "bigint") return int(value);
  if (value instanceof PyFloat) return float(value.value);
  if (typeof value === "string" && value.length <= MAX_STRING) return { value, text: value };
  return undefined;
}

function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/**
 * The value of a one-element tensor (a 0-dim `loss`) from its little-endian bytes, or undefined
 * for dtypes with no plain number (complex, float8).
 */
export function scalarTensorEntry(dtype: Dtype, bytes: Buffer): TrainingEntry | undefined {
  if (bytes.length !== dtypeBytes(dtype)) return undefined;
  switch (dtype) {
    case "F64":
      return float(bytes.readDoubleLE(0));
    case "F32":
      return float(bytes.readFloatLE(0));
    case "F16":
      return float(halfToNumber(bytes.readUInt16LE(0)));
    case "BF16": {
      const widened = Buffer.alloc(4);
      widened.writeUInt16LE(bytes.readUInt16LE(0), 2);
      return float(widened.readFloatLE(0));
    }
    case "I64":
      return int(bytes.readBigInt64LE(0));
    case "I32":
      return int(bytes.readInt32LE(0));
    case "I16":
      return int(bytes.readInt16LE(0));
    case "I8":
      return int(bytes.readInt8(0));
    case "U8":
      return int(bytes.readUInt8(0));
    case "BOOL":
      return { value: bytes.readUInt8(0) !== 0, text: bytes.readUInt8(0) !== 0 ? "True" : "False" };
    case "C64":
    case "F4":
    case "F6_E2M3":
    case "F6_E3M2":
    case "F8_E4M3":
    case "F8_E4M3FNUZ":
    case "F8_E5M2":
    case "F8_E5M2FNUZ":
    case "F8_E8M0":
    case "U16":
    case "U32":
    case "U64":
      return undefined;
  }
}
