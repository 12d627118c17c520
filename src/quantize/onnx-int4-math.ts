import { int4Columns } from "./onnx-kernels.js";
import { sharedArrays, type OnnxPool } from "./onnx-pool.js";

/**
 * Block-wise 4-bit weights in the layout of onnxruntime's MatMulNBits (com.microsoft): B is
 * uint8 [N, kBlocks, blockSize/2], one row per output column n with its K values in blocks;
 * within a block element k sits in byte k/2, the low nibble for even k. K is padded with zeros to
 * whole blocks. Scales are float32 [N * kBlocks]. Asymmetric zero points are packed two blocks a
 * byte (block 2i in the low nibble), each column padded to whole bytes.
 */
export interface Int4Weights {
  b: Uint8Array;
  scales: Float32Array;
  /** Absent for symmetric quantization (the kernel's default zero point is 8). */
  zeroPoints?: Uint8Array;
  kBlocks: number;
}

/**
 * Quantizes the weight W of Y = X·W (K rows, N columns) to MatMulNBits form (see `int4Column`
 * for the arithmetic). `w` is stored [K, N], or [N, K] when `transposed` (Gemm transB=1). With a
 * pool, column ranges run on its threads.
 */
export async function quantizeInt4Blockwise(
  w: Float32Array,
  k: number,
  n: number,
  options: { transposed: boolean; blockSize: number; symmetric: boolean; pool?: OnnxPool },
): Promise<Int4Weights> {
  const { transposed, blockSize, symmetric } = options;
  const kBlocks = Math.ceil(k / blockSize);
  const b = sharedArrays.uint8(n * kBlocks * (blockSize / 2));
  const scales = sharedArrays.float32(n * kBlocks);
  const zeroPoints = symmetric ? null : sharedArrays.uint8(n * Math.ceil(kBlocks / 2));
  const args = [w, k, n, transposed, blockSize, symmetric, b, scales, zeroPoints];
  if (options.pool) await options.pool.run("int4Columns", args, n, k * n);
  else int4Columns(w, k, n, transposed, blockSize, symmetric, b, scales, zeroPoints, 0, n);
  return { b, scales, kBlocks, ...(zeroPoints ? { zeroPoints } : {}) };
}
