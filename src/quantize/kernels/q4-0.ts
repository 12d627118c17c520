/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indexes are in range by construction */
import { fp16BitsToFp32, fp32ToFp16Bits } from "./half.js";

/**
 * ggml `quantize_row_q4_0_ref`: blocks of 32 → `{ fp16 d; uint8 qs[16] }` (18 bytes).
 * `d = max/-8` where max is the first value of largest magnitude; each nibble is
 * `min(15, (int8)(x*id + 8.5f))` with the product and the sum each rounded to float32 (no FMA), then
 * truncated. Element j goes in the low nibble of byte j, element j+16 in its high nibble.
 */
export function quantizeQ4_0(
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
    const out = dstOffset + b * 18;
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
    const d = Math.fround(max / -8);
    const id = d !== 0 ? Math.fround(1 / d) : 0;
    const h = fp32ToFp16Bits(d, f32, u32);
    dst[out] = h & 0xff;
    dst[out + 1] = h >>> 8;
    for (let j = 0; j < 16; j++) {
      // `| 0` truncates like x86's cvttss2si, and gives 0 for the inf/NaN of an overflowed 1/d.
      const x0 = Math.fround(Math.fround(src[x + j]! * id) + 8.5) | 0;
      const x1 = Math.fround(Math.fround(src[x + 16 + j]! * id) + 8.5) | 0;
      dst[out + 2 + j] = (x0 < 15 ? x0 : 15) | ((x1 < 15 ? x1 : 15) << 4);
    }
  }
}

/** ggml `dequantize_row_q4_0`: `x = (nibble - 8) * d`. */
export function dequantizeQ4_0(
  src: Uint8Array,
  srcOffset: number,
  blocks: number,
  dst: Float32Array,
  dstOffset: number,
): void {
  for (let b = 0; b < blocks; b++) {
    const at = srcOffset + b * 18;
    const d = fp16BitsToFp32(src[at]! | (src[at + 1]! << 8));
    const y = dstOffset + b * 32;
    for (let j = 0; j < 16; j++) {
      const q = src[at + 2 + j]!;
      dst[y + j] = ((q & 0x0f) - 8) * d;
      dst[y + 16 + j] = ((q >>> 4) - 8) * d;
    }
  }
}
