/**
 * The row order llama.cpp's converter gives Llama's Q and K projections (`LlamaModel.permute`):
 * Hugging Face stores each head's rotary pairs as two halves, llama.cpp's LLAMA RoPE wants them
 * interleaved. Rows of head `h` move from `h*D + s*D/2 + j` to `h*D + 2*j + s` (`D` = rows per
 * head). Qwen2 uses NeoX-style RoPE in llama.cpp and is not permuted.
 *
 * Returns `data` reordered, `rows × cols` row-major (cols = 1 for a bias).
 */
export declare function permuteQK(data: Float32Array, rows: number, cols: number, heads: number): Float32Array;
