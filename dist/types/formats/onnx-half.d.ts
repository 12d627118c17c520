/**
 * IEEE 754 half precision (FLOAT16) conversions on bit patterns, since Float16Array is not in
 * every supported Node version.
 */
/**
 * float → half bits, rounding to nearest even. Finite values beyond the half range saturate to
 * ±65504 instead of becoming infinite (a weight of 70000 should not turn a model into NaNs);
 * infinities and NaN are kept.
 */
export declare function toHalfBits(value: number): number;
/** half bits → float. */
export declare function fromHalfBits(h: number): number;
/** Converts float32 values to half bits. */
export declare function float32ToHalf(values: Float32Array): Uint16Array;
/** Converts half bits to float32 values. */
export declare function halfToFloat32(bits: Uint16Array): Float32Array;
