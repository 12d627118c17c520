/**
 * Half-precision conversions for the block kernels.
 *
 * Every function in `kernels/` is self-contained (no imports, no module-level state) because the
 * worker pool ships their source text to worker threads: see `kernel-source.ts`.
 */

/**
 * f32 → IEEE binary16 bits, round to nearest even; overflow gives ±inf. NaN keeps its sign and the
 * top ten payload bits (one bit set if none is left), as `numpy.float16` does — the conversion
 * llama.cpp's converter uses for F16 tensors. For the finite scales of quantized blocks this is
 * ggml's `GGML_FP32_TO_FP16`.
 * `f32`/`u32` are one-element views of the same scratch buffer.
 */
export function fp32ToFp16Bits(value: number, f32: Float32Array, u32: Uint32Array): number {
  f32[0] = value;
  return fp32BitsToFp16Bits(u32[0] ?? 0);
}

/** binary32 bits → binary16 bits; see `fp32ToFp16Bits`. */
export function fp32BitsToFp16Bits(x: number): number {
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  const mant = x & 0x7fffff;
  if (exp === 0xff) {
    if (mant === 0) return sign | 0x7c00;
    const nan = 0x7c00 | (mant >>> 13);
    return sign | (nan === 0x7c00 ? 0x7c01 : nan);
  }
  if (exp > 112) {
    // Normal half (or overflow once rounded); the carry of a round-up moves into the exponent.
    if (exp > 142) return sign | 0x7c00;
    let h = ((exp - 112) << 10) | (mant >>> 13);
    const rest = mant & 0x1fff;
    if (rest > 0x1000 || (rest === 0x1000 && (h & 1) === 1)) h++;
    return sign | h;
  }
  const shift = 126 - exp;
  if (shift > 24) return sign;
  const m = mant | 0x800000;
  let h = m >>> shift;
  const rest = m & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  if (rest > half || (rest === half && (h & 1) === 1)) h++;
  return sign | h;
}

/** IEEE binary16 bits → the number they hold (NaN payloads are not kept; use the bit form). */
export function fp16BitsToFp32(h: number): number {
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  const sign = (h & 0x8000) !== 0 ? -1 : 1;
  if (exp === 0) return sign * mant * 5.960464477539063e-8;
  if (exp === 31) return mant === 0 ? sign * Infinity : NaN;
  return sign * (1024 + mant) * Math.pow(2, exp - 25);
}

/** IEEE binary16 bits → binary32 bits, exact for every input (NaN payloads included). */
export function fp16BitsToFp32Bits(h: number): number {
  const sign = (h & 0x8000) << 16;
  const exp = (h >>> 10) & 0x1f;
  let mant = h & 0x3ff;
  if (exp === 31) return (sign | 0x7f800000 | (mant << 13)) >>> 0;
  if (exp !== 0) return (sign | ((exp + 112) << 23) | (mant << 13)) >>> 0;
  if (mant === 0) return sign >>> 0;
  let e = 113;
  while ((mant & 0x400) === 0) {
    mant <<= 1;
    e--;
  }
  return (sign | (e << 23) | ((mant & 0x3ff) << 13)) >>> 0;
}

/**
 * binary32 bits → bfloat16 bits as ggml and gguf-py do it: NaN is made quiet (`| 64`), everything
 * else rounds to nearest even (so large finite values may round to ±inf).
 */
export function fp32BitsToBf16Bits(bits: number): number {
  if ((bits & 0x7fffffff) >>> 0 > 0x7f800000) return ((bits >>> 16) | 64) & 0xffff;
  return Math.floor((bits + 0x7fff + ((bits >>> 16) & 1)) / 65536) & 0xffff;
}
