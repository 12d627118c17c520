/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indexes are in range by construction */
import { fp16BitsToFp32, fp32ToFp16Bits } from "./half.js";

/**
 * ggml `quantize_row_q5_0_ref`: blocks of 32 → `{ fp16 d; uint8 qh[4]; uint8 qs[16] }` (22 bytes).
 * Like Q4_0 with `d = max/-16`, `min(31, (int8)(x*id + 16.5f))`; the fifth bit of element j goes
 * to bit j of the little-endian u32 `qh`. llama.cpp falls back to it from Q4_K when a row is not a
 * multiple of 256 values.
 */
export function quantizeQ5_0(
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
    const out = dstOffset + b * 22;
    let amax = 0;
    let max = 0;
    for (let j = 0; j < 32; j++) {
      const v = src[x + j]!;
      const a = Math.abs(v);
      if (amax < a) {
        amax = a;
        max = v;
      }
    }
    const d = Math.fround(max / -16);
    const id = d !== 0 ? Math.fround(1 / d) : 0;
    const h = fp32ToFp16Bits(d, f32, u32);
    dst[out] = h & 0xff;
    dst[out + 1] = h >>> 8;
    let qh = 0;
    for (let j = 0; j < 16; j++) {
      let x0 = Math.fround(Math.fround(src[x + j]! * id) + 16.5) | 0;
      let x1 = Math.fround(Math.fround(src[x + 16 + j]! * id) + 16.5) | 0;
      if (x0 > 31) x0 = 31;
      if (x1 > 31) x1 = 31;
      dst[out + 6 + j] = (x0 & 0x0f) | ((x1 & 0x0f) << 4);
      qh |= ((x0 & 0x10) >>> 4) << j;
      qh |= ((x1 & 0x10) >>> 4) << (j + 16);
    }
    dst[out + 2] = qh & 0xff;
    dst[out + 3] = (qh >>> 8) & 0xff;
    dst[out + 4] = (qh >>> 16) & 0xff;
    dst[out + 5] = (qh >>> 24) & 0xff;
  }
}

/** ggml `dequantize_row_q5_0`: `x = (q - 16) * d` with q the nibble plus its `qh` bit. */
export function dequantizeQ5_0(
  src: Uint8Array,
  srcOffset: number,
  blocks: number,
  dst: Float32Array,
  dstOffset: number,
): void {
  for (let b = 0; b < blocks; b++) {
    const at = srcOffset + b * 22;
    const d = fp16BitsToFp32(src[at]! | (src[at + 1]! << 8));
    const qh =
      (src[at + 2]! | (src[at + 3]! << 8) | (src[at + 4]! << 16) | (src[at + 5]! << 24)) >>> 0;
    const y = dstOffset + b * 32;
    for (let j = 0; j < 16; j++) {
      const q = src[at + 6 + j]!;
      const h0 = ((qh >>> j) & 1) << 4;
      const h1 = ((qh >>> (j + 16)) & 1) << 4;
      dst[y + j] = ((q & 0x0f) + h0 - 16) * d;
      dst[y + 16 + j] = ((q >>> 4) + h1 - 16) * d;
    }
  }
}
