/**
 * ggml `quantize_row_q5_0_ref`: blocks of 32 → `{ fp16 d; uint8 qh[4]; uint8 qs[16] }` (22 bytes).
 * Like Q4_0 with `d = max/-16`, `min(31, (int8)(x*id + 16.5f))`; the fifth bit of element j goes
 * to bit j of the little-endian u32 `qh`. llama.cpp falls back to it from Q4_K when a row is not a
 * multiple of 256 values.
 */
export declare function quantizeQ5_0(src: Float32Array, srcOffset: number, blocks: number, dst: Uint8Array, dstOffset: number): void;
/** ggml `dequantize_row_q5_0`: `x = (q - 16) * d` with q the nibble plus its `qh` bit. */
export declare function dequantizeQ5_0(src: Uint8Array, srcOffset: number, blocks: number, dst: Float32Array, dstOffset: number): void;
