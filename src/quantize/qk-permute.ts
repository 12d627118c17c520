/**
 * The row order llama.cpp's converter gives Llama's Q and K projections (`LlamaModel.permute`):
 * Hugging Face stores each head's rotary pairs as two halves, llama.cpp's LLAMA RoPE wants them
 * interleaved. Rows of head `h` move from `h*D + s*D/2 + j` to `h*D + 2*j + s` (`D` = rows per
 * head). Qwen2 uses NeoX-style RoPE in llama.cpp and is not permuted.
 *
 * Returns `data` reordered, `rows × cols` row-major (cols = 1 for a bias).
 */
export function permuteQK(
  data: Float32Array,
  rows: number,
  cols: number,
  heads: number,
): Float32Array {
  const perHead = rows / heads;
  if (!Number.isInteger(perHead) || perHead % 2 !== 0) {
    throw new Error(`cannot permute ${rows} rows into ${heads} heads of rotary pairs`);
  }
  const half = perHead / 2;
  const out = new Float32Array(new SharedArrayBuffer(data.byteLength));
  for (let h = 0; h < heads; h++) {
    for (let s = 0; s < 2; s++) {
      for (let j = 0; j < half; j++) {
        const from = (h * perHead + s * half + j) * cols;
        const to = (h * perHead + 2 * j + s) * cols;
        out.set(data.subarray(from, from + cols), to);
      }
    }
  }
  return out;
}
