/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indexes are in range by construction */
import { fp16BitsToFp32, fp32ToFp16Bits } from "./half.js";
import { makeQkx2Quants } from "./make-qkx2-quants.js";
import { nearestInt } from "./nearest-int.js";

/**
 * ggml `quantize_row_q4_K_ref` (no importance matrix): super-blocks of 256 values →
 * `{ fp16 d; fp16 dmin; uint8 scales[12]; uint8 qs[128] }` (144 bytes). Each 32-value sub-block
 * gets a 6-bit scale and min from `make_qkx2_quants`; levels are then recomputed from the stored
 * fp16 super-scales, except in sub-blocks whose scale rounds to zero, which keep the search's.
 */
export function quantizeQ4_K(
  src: Float32Array,
  srcOffset: number,
  blocks: number,
  dst: Uint8Array,
  dstOffset: number,
): void {
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  const weights = new Float32Array(32);
  const L = new Uint8Array(256);
  const laux = new Uint8Array(32);
  const xm = new Float32Array(32);
  const result = new Float32Array(2);
  const scales = new Float32Array(8);
  const mins = new Float32Array(8);
  const ls = new Uint8Array(8);
  const lm = new Uint8Array(8);
  for (let b = 0; b < blocks; b++) {
    const x = srcOffset + b * 256;
    const out = dstOffset + b * 144;
    let maxScale = 0;
    let maxMin = 0;
    for (let j = 0; j < 8; j++) {
      const xj = x + 32 * j;
      let sumX2 = 0;
      for (let l = 0; l < 32; l++) {
        const v = src[xj + l]!;
        sumX2 = Math.fround(sumX2 + Math.fround(v * v));
      }
      const avX = Math.fround(Math.sqrt(Math.fround(sumX2 / 32)));
      for (let l = 0; l < 32; l++) weights[l] = avX + Math.abs(src[xj + l]!);
      makeQkx2Quants(src, xj, weights, L, 32 * j, laux, xm, result);
      const scale = result[0]!;
      const min = result[1]!;
      scales[j] = scale;
      mins[j] = min;
      if (scale > maxScale) maxScale = scale;
      if (min > maxMin) maxMin = min;
    }
    const invScale = maxScale > 0 ? Math.fround(63 / maxScale) : 0;
    const invMin = maxMin > 0 ? Math.fround(63 / maxMin) : 0;
    for (let j = 0; j < 8; j++) {
      const s = nearestInt(Math.fround(invScale * scales[j]!)) & 0xff;
      const m = nearestInt(Math.fround(invMin * mins[j]!)) & 0xff;
      ls[j] = s < 63 ? s : 63;
      lm[j] = m < 63 ? m : 63;
    }
    for (let j = 0; j < 4; j++) {
      dst[out + 4 + j] = ls[j]! | ((ls[j + 4]! >>> 4) << 6);
      dst[out + 8 + j] = lm[j]! | ((lm[j + 4]! >>> 4) << 6);
      dst[out + 12 + j] = (ls[j + 4]! & 0xf) | ((lm[j + 4]! & 0xf) << 4);
    }
    const dBits = fp32ToFp16Bits(Math.fround(maxScale / 63), f32, u32);
    const dminBits = fp32ToFp16Bits(Math.fround(maxMin / 63), f32, u32);
    dst[out] = dBits & 0xff;
    dst[out + 1] = dBits >>> 8;
    dst[out + 2] = dminBits & 0xff;
    dst[out + 3] = dminBits >>> 8;
    const d = fp16BitsToFp32(dBits);
    const dmin = fp16BitsToFp32(dminBits);
    for (let j = 0; j < 8; j++) {
      const dj = Math.fround(d * ls[j]!);
      if (dj === 0) continue;
      const dm = Math.fround(dmin * lm[j]!);
      const xj = x + 32 * j;
      for (let ii = 0; ii < 32; ii++) {
        const l = nearestInt(Math.fround(Math.fround(src[xj + ii]! + dm) / dj));
        L[32 * j + ii] = l < 0 ? 0 : l > 15 ? 15 : l;
      }
    }
    for (let c = 0; c < 4; c++) {
      for (let l = 0; l < 32; l++) {
        dst[out + 16 + 32 * c + l] = L[64 * c + l]! | (L[64 * c + 32 + l]! << 4);
      }
    }
  }
}

/** ggml `dequantize_row_q4_K`: `x = d*sc*q - dmin*m` per 32-value sub-block. */
export function dequantizeQ4_K(
  src: Uint8Array,
  srcOffset: number,
  blocks: number,
  dst: Float32Array,
  dstOffset: number,
): void {
  for (let b = 0; b < blocks; b++) {
    const at = srcOffset + b * 144;
    const d = fp16BitsToFp32(src[at]! | (src[at + 1]! << 8));
    const dmin = fp16BitsToFp32(src[at + 2]! | (src[at + 3]! << 8));
    const y = dstOffset + b * 256;
    for (let j = 0; j < 8; j++) {
      let sc: number;
      let m: number;
      if (j < 4) {
        sc = src[at + 4 + j]! & 63;
        m = src[at + 8 + j]! & 63;
      } else {
        sc = (src[at + 8 + j]! & 0xf) | ((src[at + j]! >>> 6) << 4);
        m = (src[at + 8 + j]! >>> 4) | ((src[at + 4 + j]! >>> 6) << 4);
      }
      const d1 = Math.fround(d * sc);
      const m1 = Math.fround(dmin * m);
      const q = at + 16 + 32 * (j >>> 1);
      const shift = (j & 1) * 4;
      for (let l = 0; l < 32; l++) {
        dst[y + 32 * j + l] = Math.fround(d1 * ((src[q + l]! >>> shift) & 0xf)) - m1;
      }
    }
  }
}
