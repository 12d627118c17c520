/**
 * ggml's `nearest_int`: `bits(f + 12582912.f) & 0x7fffff) - 0x400000`. For |f| < 2^22 that is
 * round-half-to-even; beyond it, C returns mantissa bits of the sum, which the slow path copies so
 * that even absurd inputs give ggml's bytes. Self-contained (see `half.ts`).
 */
export declare function nearestInt(value: number): number;
/** The magic-number trick done on the float32 bits, for values outside (-2^22, 2^22) and NaN. */
export declare function nearestIntOutOfRange(value: number): number;
