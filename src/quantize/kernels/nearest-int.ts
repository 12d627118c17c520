/**
 * ggml's `nearest_int`: `bits(f + 12582912.f) & 0x7fffff) - 0x400000`. For |f| < 2^22 that is
 * round-half-to-even; beyond it, C returns mantissa bits of the sum, which the slow path copies so
 * that even absurd inputs give ggml's bytes. Self-contained (see `half.ts`).
 */
export function nearestInt(value: number): number {
  const r = Math.fround(value + 12582912) - 12582912;
  if (r >= -4194304 && r < 4194304) return r;
  return nearestIntOutOfRange(value);
}

/** The magic-number trick done on the float32 bits, for values outside (-2^22, 2^22) and NaN. */
export function nearestIntOutOfRange(value: number): number {
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  f32[0] = value + 12582912;
  return ((u32[0] ?? 0) & 0x7fffff) - 0x400000;
}
