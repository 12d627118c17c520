/**
 * ggml `quantize_row_q4_0_ref`: blocks of 32 → `{ fp16 d; uint8 qs[16] }` (18 bytes).
 * `d = max/-8` where max is the first value of largest magnitude; each nibble is
 * `min(15, (int8)(x*id + 8.5f))` with the product and the sum each rounded to float32 (no FMA), then
 * truncated. Element j goes in the low nibble of byte j, element j+16 in its high nibble.
 */
export declare function quantizeQ4_0(src: Float32Array, srcOffset: number, blocks: number, dst: Uint8Array, dstOffset: number): void;
/** ggml `dequantize_row_q4_0`: `x = (nibble - 8) * d`. */
export declare function dequantizeQ4_0(src: Uint8Array, srcOffset: number, blocks: number, dst: Float32Array, dstOffset: number): void;
