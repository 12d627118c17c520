/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indexes are in range by construction */
import { fp16BitsToFp32, fp32ToFp16Bits } from "./half.js";

/**
 * ggml `quantize_row_q8_0_ref`: blocks of 32 values → `{ fp16 d; int8 qs[32] }` (34 bytes).
 * `d = amax/127` in float32, `qs = roundf(x * (1/d))` rounding half away from zero.
 */
export function quantizeQ8_0(
  src: Float32Array,
  srcOffset: number,
  blocks: number,
  dst: Uint8Array,
  dstOffset: number,
): void {
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  for (let b = 0; b < blocks; b++) {
    const x = srcOffset + b * 32;
    const out = dstOffset + b * 34;
    let amax = 0;
    for (let j = 0; j < 32; j++) {
      const a = Math.abs(src[x + j]!);
      if (a > amax) amax = a;
    }
    const d = Math.fround(amax / 127);
    const id = d !== 0 ? Math.fround(1 / d) : 0;
    const h = fp32ToFp16Bits(d, f32, u32);
    dst[out] = h & 0xff;
    dst[out + 1] = h >>> 8;
    if (id === Infinity) {
      // 1/d overflowed (float32-subnormal d): x*id is inf or NaN, which x86 converts to 0x80000000.
      dst.fill(0, out + 2, out + 34);
      continue;
    }
    for (let j = 0; j < 32; j++) {
      const v = Math.fround(src[x + j]! * id);
      // roundf: half away from zero. |v| <= 127 here, so v ± 0.5 is exact and `| 0` truncates.
      dst[out + 2 + j] = (v + (v < 0 ? -0.5 : 0.5)) | 0;
    }
  }
}

/** ggml `dequantize_row_q8_0`: `x = qs * d`. */
export function dequantizeQ8_0(
  src: Uint8Array,
  srcOffset: number,
  blocks: number,
  dst: Float32Array,
  dstOffset: number,
): void {
  for (let b = 0; b < blocks; b++) {
    const at = srcOffset + b * 34;
    const d = fp16BitsToFp32(src[at]! | (src[at + 1]! << 8));
    const y = dstOffset + b * 32;
    for (let j = 0; j < 32; j++) dst[y + j] = ((src[at + 2 + j]! << 24) >> 24) * d;
  }
}
