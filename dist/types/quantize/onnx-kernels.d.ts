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
export declare function int8Channels(w: Float32Array, rows: number, cols: number, axis: number, qmax: number, transpose: boolean, q: Int8Array, scales: Float32Array, from: number, to: number): void;
/**
 * One 4-bit value: roundf (half away from zero) of v/scale + zp in float32, as floor(x + 0.5),
 * which is the same for x >= -0.5; anything below clamps to 0 either way.
 */
export declare function int4Nibble(v: number, recip: number, zp: number): number;
/**
 * One output column n of MatMulNBits: K values at `src[at…]`, in blocks of `blockSize` (the
 * last padded with zeros). Asymmetric blocks follow MLAS `MlasQuantizeBlockwise`: range widened
 * to include 0, `scale = (max - min) / 15`, `zp = round(-min / scale)`; symmetric blocks use
 * the reference quantizer's signed scale `m / -8` (m: the value of largest magnitude, kept
 * exact) and zero point 8. Writes B row n ([kBlocks, blockSize/2], low nibble = even k), its
 * scales and, when asymmetric, its packed zero points (block 2i in the low nibble).
 */
export declare function int4Column(src: Float32Array, at: number, k: number, blockSize: number, symmetric: boolean, b: Uint8Array, scales: Float32Array, zeroPoints: Uint8Array | null, n: number): void;
/**
 * MatMulNBits columns [from, to) of W (K rows, N columns), stored [K, N], or [N, K] when
 * `transposed` (Gemm transB=1, already the kernel's order). [K, N] storage is read a strip of
 * columns at a time through a scratch buffer, so reads stay sequential.
 */
export declare function int4Columns(w: Float32Array, k: number, n: number, transposed: boolean, blockSize: number, symmetric: boolean, b: Uint8Array, scales: Float32Array, zeroPoints: Uint8Array | null, from: number, to: number): void;
/** The kernels a pool job may name. */
export declare const ONNX_KERNELS: {
    readonly int8Channels: typeof int8Channels;
    readonly int4Columns: typeof int4Columns;
};
export type OnnxKernel = keyof typeof ONNX_KERNELS;
/**
 * A worker script made of the kernels' own text: a message `{ id, kernel, args }` runs
 * `kernel(...args)` and answers `{ id, ok }` (or `{ id, ok: false, error }`).
 */
export declare function onnxKernelSource(): string;
