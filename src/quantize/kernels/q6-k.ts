/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indexes are in range by construction */
import { fp16BitsToFp32, fp32ToFp16Bits } from "./half.js";
import { makeQxQuants } from "./make-qx-quants.js";
import { nearestInt } from "./nearest-int.js";

/**
 * ggml `quantize_row_q6_K_ref`: super-blocks of 256 values →
 * `{ uint8 ql[128]; uint8 qh[64]; int8 scales[16]; fp16 d }` (210 bytes). Sixteen 16-value
 * sub-blocks get a scale from `make_qx_quants`; the scales are stored as int8 against
 * `d = 1/(-128/max_scale)`, and the 6-bit levels recomputed from the stored scales (a sub-block
 * whose stored scale is zero keeps the search's levels).
 */
export function quantizeQ6_K(
  src: Float32Array,
  srcOffset: number,
  blocks: number,
  dst: Uint8Array,
  dstOffset: number,
): void {
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  const L = new Uint8Array(256);
  const w = new Float32Array(16);
  const wx = new Float32Array(16);
  const laux = new Uint8Array(16);
  const scales = new Float32Array(16);
  const stored = new Int8Array(16);
  for (let b = 0; b < blocks; b++) {
    const x = srcOffset + b * 256;
    const out = dstOffset + b * 210;
    let maxScale = 0;
    let maxAbsScale = 0;
    for (let ib = 0; ib < 16; ib++) {
      const scale = makeQxQuants(src, x + 16 * ib, L, 16 * ib, w, wx, laux);
      scales[ib] = scale;
      const a = Math.abs(scale);
      if (a > maxAbsScale) {
        maxAbsScale = a;
        maxScale = scale;
      }
    }
    if (maxAbsScale < 1.0000000036274937e-15) {
      dst.fill(0, out, out + 210);
      continue;
    }
    const iscale = Math.fround(-128 / maxScale);
    const dBits = fp32ToFp16Bits(Math.fround(1 / iscale), f32, u32);
    for (let ib = 0; ib < 16; ib++) {
      const s = nearestInt(Math.fround(iscale * scales[ib]!));
      stored[ib] = s < 127 ? s : 127;
      dst[out + 192 + ib] = stored[ib]! & 0xff;
    }
    dst[out + 208] = dBits & 0xff;
    dst[out + 209] = dBits >>> 8;
    const d = fp16BitsToFp32(dBits);
    for (let j = 0; j < 16; j++) {
      const dj = Math.fround(d * stored[j]!);
      if (dj === 0) continue;
      const xj = x + 16 * j;
      for (let ii = 0; ii < 16; ii++) {
        const l = nearestInt(Math.fround(src[xj + ii]! / dj));
        L[16 * j + ii] = (l < -32 ? -32 : l > 31 ? 31 : l) + 32;
      }
    }
    for (let half = 0; half < 2; half++) {
      const ql = out + 64 * half;
      const qh = out + 128 + 32 * half;
      const j = 128 * half;
      for (let l = 0; l < 32; l++) {
        const q1 = L[j + l]!;
        const q2 = L[j + l + 32]!;
        const q3 = L[j + l + 64]!;
        const q4 = L[j + l + 96]!;
        dst[ql + l] = (q1 & 0xf) | ((q3 & 0xf) << 4);
        dst[ql + l + 32] = (q2 & 0xf) | ((q4 & 0xf) << 4);
        dst[qh + l] = (q1 >>> 4) | ((q2 >>> 4) << 2) | ((q3 >>> 4) << 4) | ((q4 >>> 4) << 6);
      }
    }
  }
}

/** ggml `dequantize_row_q6_K`: `x = d * scale * (q - 32)` per 16-value sub-block. */
export function dequantizeQ6_K(
  src: Uint8Array,
  srcOffset: number,
  blocks: number,
  dst: Float32Array,
  dstOffset: number,
): void {
  for (let b = 0; b < blocks; b++) {
    const at = srcOffset + b * 210;
    const d = fp16BitsToFp32(src[at + 208]! | (src[at + 209]! << 8));
    for (let half = 0; half < 2; half++) {
      const ql = at + 64 * half;
      const qh = at + 128 + 32 * half;
      const sc = at + 192 + 8 * half;
      const y = dstOffset + b * 256 + 128 * half;
      for (let l = 0; l < 32; l++) {
        const is = l >>> 4;
        const h = src[qh + l]!;
        const q1 = ((src[ql + l]! & 0xf) | ((h & 3) << 4)) - 32;
        const q2 = ((src[ql + l + 32]! & 0xf) | (((h >>> 2) & 3) << 4)) - 32;
        const q3 = ((src[ql + l]! >>> 4) | (((h >>> 4) & 3) << 4)) - 32;
        const q4 = ((src[ql + l + 32]! >>> 4) | (((h >>> 6) & 3) << 4)) - 32;
        dst[y + l] = Math.fround(d * ((src[sc + is]! << 24) >> 24)) * q1;
        dst[y + l + 32] = Math.fround(d * ((src[sc + is + 2]! << 24) >> 24)) * q2;
        dst[y + l + 64] = Math.fround(d * ((src[sc + is + 4]! << 24) >> 24)) * q3;
        dst[y + l + 96] = Math.fround(d * ((src[sc + is + 6]! << 24) >> 24)) * q4;
      }
    }
  }
}
