/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indexes are in range by construction */
import { nearestInt } from "./nearest-int.js";

/**
 * INT8 per-output-channel symmetric: for each row (output channel) `scale = amax/127` (float32),
 * `q = clamp(round_half_even(x/scale), -127, 127)`, `x ≈ q * scale`. An all-zero row has scale 0.
 */
export function quantizeInt8Rows(
  src: Float32Array,
  srcOffset: number,
  rows: number,
  cols: number,
  q: Uint8Array,
  qOffset: number,
  scales: Float32Array,
  scaleOffset: number,
): void {
  for (let r = 0; r < rows; r++) {
    const x = srcOffset + r * cols;
    const o = qOffset + r * cols;
    let amax = 0;
    for (let c = 0; c < cols; c++) {
      const a = Math.abs(src[x + c]!);
      if (a > amax) amax = a;
    }
    const scale = Math.fround(amax / 127);
    scales[scaleOffset + r] = scale;
    if (scale === 0) {
      q.fill(0, o, o + cols);
      continue;
    }
    for (let c = 0; c < cols; c++) {
      const l = nearestInt(Math.fround(src[x + c]! / scale));
      q[o + c] = l < -127 ? -127 : l > 127 ? 127 : l;
    }
  }
}

/** Inverse of `quantizeInt8Rows`: `x = q * scale`. */
export function dequantizeInt8Rows(
  q: Uint8Array,
  qOffset: number,
  rows: number,
  cols: number,
  scales: Float32Array,
  scaleOffset: number,
  dst: Float32Array,
  dstOffset: number,
): void {
  for (let r = 0; r < rows; r++) {
    const scale = scales[scaleOffset + r]!;
    const o = qOffset + r * cols;
    const y = dstOffset + r * cols;
    for (let c = 0; c < cols; c++) dst[y + c] = ((q[o + c]! << 24) >> 24) * scale;
  }
}
