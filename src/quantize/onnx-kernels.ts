/**
 * The number crunching of the INT8 and INT4 passes. Each kernel is a plain function declaration
 * that uses nothing from outside but the other kernels, called by name: `onnxKernelSource()`
 * turns them into a worker script from their own text, so they run the same on worker threads
 * (see onnx-pool.ts) under ts-jest, from the bundle, and on Node 20 and 24. Each works on a range
 * [from, to) of output channels, so ranges can run in parallel over shared memory.
 */

/**
 * Symmetric per-channel INT8 as onnxruntime's quantizer computes it for int8 weights
 * (quant_utils `compute_scale_zp`, symmetric): `scale = absmax / qmax` in float32 (1 below the
 * smallest normal float), zero point 0, `q = clip(round_half_even(x / scale), -128, 127)`.
 * `w` is row-major [rows, cols]; channels run along `axis` (0: rows, 1: columns); with
 * `transpose` q is laid out [cols, rows]. Fills `scales` and `q` for channels [from, to).
 */
export function int8Channels(
  w: Float32Array,
  rows: number,
  cols: number,
  axis: number,
  qmax: number,
  transpose: boolean,
  q: Int8Array,
  scales: Float32Array,
  from: number,
  to: number,
): void {
  // x + 1.5·2^52 - 1.5·2^52 rounds x to an integer half to even (the FPU's default mode).
  const ROUND = 6755399441055744;
  const MIN_NORMAL = 1.1754943508222875e-38;
  if (axis === 0) {
    for (let r = from; r < to; r++) {
      const base = r * cols;
      let m = 0;
      for (let c = 0; c < cols; c++) {
        const v = Math.abs(w[base + c] ?? 0);
        if (v > m) m = v;
      }
      let scale = Math.fround(m / qmax);
      if (scale < MIN_NORMAL) scale = 1;
      scales[r] = scale;
      for (let c = 0; c < cols; c++) {
        const i = Math.fround((w[base + c] ?? 0) / scale) + ROUND - ROUND;
        q[transpose ? c * rows + r : base + c] = i > 127 ? 127 : i < -128 ? -128 : i;
      }
    }
    return;
  }
  const width = to - from;
  const divisors = new Float64Array(width);
  for (let r = 0; r < rows; r++) {
    const base = r * cols + from;
    for (let c = 0; c < width; c++) {
      const v = Math.abs(w[base + c] ?? 0);
      if (v > (divisors[c] ?? 0)) divisors[c] = v;
    }
  }
  for (let c = 0; c < width; c++) {
    let scale = Math.fround((divisors[c] ?? 0) / qmax);
    if (scale < MIN_NORMAL) scale = 1;
    scales[from + c] = scale;
    divisors[c] = scale;
  }
  for (let r = 0; r < rows; r++) {
    const base = r * cols + from;
    for (let c = 0; c < width; c++) {
      const i = Math.fround((w[base + c] ?? 0) / (divisors[c] ?? 1)) + ROUND - ROUND;
      q[transpose ? (from + c) * rows + r : base + c] = i > 127 ? 127 : i < -128 ? -128 : i;
    }
  }
}

/**
 * One 4-bit value: roundf (half away from zero) of v/scale + zp in float32, as floor(x + 0.5),
 * which is the same for x >= -0.5; anything below clamps to 0 either way.
 */
export function int4Nibble(v: number, recip: number, zp: number): number {
  const q = Math.floor(Math.fround(Math.fround(v * recip) + zp) + 0.5);
  return q < 0 ? 0 : q > 15 ? 15 : q;
}

/**
 * One output column n of MatMulNBits: K values at `src[at…]`, in blocks of `blockSize` (the
 * last padded with zeros). Asymmetric blocks follow MLAS `MlasQuantizeBlockwise`: range widened
 * to include 0, `scale = (max - min) / 15`, `zp = round(-min / scale)`; symmetric blocks use
 * the reference quantizer's signed scale `m / -8` (m: the value of largest magnitude, kept
 * exact) and zero point 8. Writes B row n ([kBlocks, blockSize/2], low nibble = even k), its
 * scales and, when asymmetric, its packed zero points (block 2i in the low nibble).
 */
export function int4Column(
  src: Float32Array,
  at: number,
  k: number,
  blockSize: number,
  symmetric: boolean,
  b: Uint8Array,
  scales: Float32Array,
  zeroPoints: Uint8Array | null,
  n: number,
): void {
  const kBlocks = Math.ceil(k / blockSize);
  const half = blockSize >> 1;
  const zpStride = Math.ceil(kBlocks / 2);
  for (let block = 0; block < kBlocks; block++) {
    const start = at + block * blockSize;
    const len = Math.min(blockSize, k - block * blockSize);
    // Starting from 0 widens the asymmetric range as MLAS does, and changes neither which end
    // is larger in magnitude nor anything else for the symmetric scale.
    let min = 0;
    let max = 0;
    for (let i = start, end = start + len; i < end; i++) {
      const v = src[i] ?? 0;
      if (v < min) min = v;
      else if (v > max) max = v;
    }
    let scale: number;
    let zp: number;
    if (symmetric) {
      scale = Math.fround((Math.abs(max) > Math.abs(min) ? max : min) / -8);
      zp = 8;
    } else {
      scale = Math.fround(Math.fround(max - min) / 15);
      const zpf = scale !== 0 ? Math.fround(0 - Math.fround(min / scale)) : 0;
      zp = zpf > 15 ? 15 : Math.floor(zpf + 0.5);
    }
    const recip = scale !== 0 ? Math.fround(1 / scale) : 0;
    scales[n * kBlocks + block] = scale;
    if (zeroPoints) {
      const z = n * zpStride + (block >> 1);
      zeroPoints[z] = (zeroPoints[z] ?? 0) | (zp << ((block & 1) * 4));
    }
    const base = (n * kBlocks + block) * half;
    if (len === blockSize) {
      for (let j = 0; j < half; j++) {
        const lo = int4Nibble(src[start + 2 * j] ?? 0, recip, zp);
        b[base + j] = lo | (int4Nibble(src[start + 2 * j + 1] ?? 0, recip, zp) << 4);
      }
    } else {
      for (let j = 0; j < half; j++) {
        const i = 2 * j;
        const v0 = i < len ? (src[start + i] ?? 0) : 0;
        const v1 = i + 1 < len ? (src[start + i + 1] ?? 0) : 0;
        b[base + j] = int4Nibble(v0, recip, zp) | (int4Nibble(v1, recip, zp) << 4);
      }
    }
  }
}

/**
 * MatMulNBits columns [from, to) of W (K rows, N columns), stored [K, N], or [N, K] when
 * `transposed` (Gemm transB=1, already the kernel's order). [K, N] storage is read a strip of
 * columns at a time through a scratch buffer, so reads stay sequential.
 */
export function int4Columns(
  w: Float32Array,
  k: number,
  n: number,
  transposed: boolean,
  blockSize: number,
  symmetric: boolean,
  b: Uint8Array,
  scales: Float32Array,
  zeroPoints: Uint8Array | null,
  from: number,
  to: number,
): void {
  if (transposed) {
    for (let col = from; col < to; col++) {
      int4Column(w, col * k, k, blockSize, symmetric, b, scales, zeroPoints, col);
    }
    return;
  }
  const strip = Math.max(1, Math.min(to - from, Math.floor(1048576 / Math.max(k, 1))));
  const scratch = new Float32Array(strip * k);
  for (let first = from; first < to; first += strip) {
    const width = Math.min(strip, to - first);
    for (let row = 0; row < k; row++) {
      const base = row * n + first;
      for (let c = 0; c < width; c++) scratch[c * k + row] = w[base + c] ?? 0;
    }
    for (let c = 0; c < width; c++) {
      int4Column(scratch, c * k, k, blockSize, symmetric, b, scales, zeroPoints, first + c);
    }
  }
}

/** The kernels a pool job may name. */
export const ONNX_KERNELS = { int8Channels, int4Columns } as const;
export type OnnxKernel = keyof typeof ONNX_KERNELS;

/**
 * A worker script made of the kernels' own text: a message `{ id, kernel, args }` runs
 * `kernel(...args)` and answers `{ id, ok }` (or `{ id, ok: false, error }`).
 */
export function onnxKernelSource(): string {
  const functions = [int4Nibble, int4Column, int8Channels, int4Columns];
  const parts = functions.map((fn) => {
    const text = fn.toString();
    if (!text.startsWith(`function ${fn.name}(`)) {
      throw new Error(`kernel ${fn.name} is not a plain function declaration`);
    }
    return text;
  });
  return `"use strict";
const { parentPort } = require("node:worker_threads");
${parts.join("\n")}
const kernels = { int8Channels: ${int8Channels.name}, int4Columns: ${int4Columns.name} };
parentPort.on("message", (job) => {
  try {
    kernels[job.kernel](...job.args);
    parentPort.postMessage({ id: job.id, ok: true });
  } catch (error) {
    parentPort.postMessage({ id: job.id, ok: false, error: String((error && error.stack) || error) });
  }
});
`;
}
