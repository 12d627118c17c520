import { malformed } from "./format-error.js";
import type { Int64 } from "./onnx-proto-types.js";

const TWO_32 = 4294967296;

/**
 * The value of an int64 field as a number; throws INPUT_MALFORMED (naming `where`) when it is
 * not a safe integer, so a hostile dimension cannot lose precision silently.
 */
export function int64ToNumber(value: Int64 | undefined, where: string): number {
  if (value === undefined) return 0;
  const n =
    typeof value === "number"
      ? value
      : (value.unsigned ? value.high >>> 0 : value.high) * TWO_32 + (value.low >>> 0);
  if (!Number.isSafeInteger(n)) throw malformed(where, `integer ${n} is out of range`);
  return n;
}

/** The value of an int64 field as a bigint (exact for any value). */
export function int64ToBigInt(value: Int64 | undefined): bigint {
  if (value === undefined) return 0n;
  if (typeof value === "number") return BigInt(value);
  const high = BigInt(value.unsigned ? value.high >>> 0 : value.high);
  return (high << 32n) + BigInt(value.low >>> 0);
}
