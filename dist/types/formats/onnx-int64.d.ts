import type { Int64 } from "./onnx-proto-types.js";
/**
 * The value of an int64 field as a number; throws INPUT_MALFORMED (naming `where`) when it is
 * not a safe integer, so a hostile dimension cannot lose precision silently.
 */
export declare function int64ToNumber(value: Int64 | undefined, where: string): number;
/** The value of an int64 field as a bigint (exact for any value). */
export declare function int64ToBigInt(value: Int64 | undefined): bigint;
