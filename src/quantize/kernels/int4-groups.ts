/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indexes are in range by construction */
import { nearestInt } from "./nearest-int.js";

/**
 * INT4 group-wise symmetric, packed two per byte. Each row is cut into groups of `groupSize`
 * values (the last may be shorter). Per group, `m` is the first value of largest magnitude and
 * `scale = m / -8` (float32); `q = clamp(round_half_even(x/scale), -8, 7)`, stored as the nibble
 * `q + 8`; `x ≈ (nibble - 8) * scale`. Element `c` of a row is in byte `c >> 1` of that row's
 * `ceil(cols/2)` bytes, low nibble for even `c`. Scales are `[rows, ceil(cols/groupSize)]`.
 */
export function quantizeInt4Groups(
  src: Float32Array,
  srcOffset: number,
  rows: number,
  cols: number,
  groupSize: number,
  packed: Uint8Array,
  packedOffset: number,
  scales: Float32Array,
  scaleOffset: number,
): void {
  const rowBytes = (cols + 1) >>> 1;
  const groups = Math.ceil(cols / groupSize);
  for (let r = 0; r < rows; r++) {
    const x = srcOffset + r * cols;
    const o = packedOffset + r * rowBytes;
    packed.fill(0, o, o + rowBytes);
    for (let g = 0; g < groups; g++) {
      const start = g * groupSize;
      const end = Math.min(cols, start + groupSize);
      let amax = 0;
      let max = 0;
      for (let c = start; c < end; c++) {
        const v = src[x + c]!;
        const a = Math.abs(v);
        if (a > amax) {
          amax = a;
          max = v;
        }
      }
      const scale = Math.fround(max / -8);
      scales[scaleOffset + r * groups + g] = scale;
      for (let c = start; c < end; c++) {
        let l = scale === 0 ? 0 : nearestInt(Math.fround(src[x + c]! / scale));
        l = (l < -8 ? -8 : l > 7 ? 7 : l) + 8;
        const at = o + (c >>> 1);
        packed[at] = packed[at]! | ((c & 1) === 0 ? l : l << 4);
      }
    }
  }
}

/** Inverse of `quantizeInt4Groups`. */
export function dequantizeInt4Groups(
  packed: Uint8Array,
  packedOffset: number,
  rows: number,
  cols: number,
  groupSize: number,
  scales: Float32Array,
  scaleOffset: number,
  dst: Float32Array,
  dstOffset: number,
): void {
  const rowBytes = (cols + 1) >>> 1;
  const groups = Math.ceil(cols / groupSize);
  for (let r = 0; r < rows; r++) {
    const o = packedOffset + r * rowBytes;
    const y = dstOffset + r * cols;
    for (let c = 0; c < cols; c++) {
      const byte = packed[o + (c >>> 1)]!;
      const nibble = (c & 1) === 0 ? byte & 0xf : byte >>> 4;
      const scale = scales[scaleOffset + r * groups + Math.floor(c / groupSize)]!;
      dst[y + c] = (nibble - 8) * scale;
    }
  }
}
