/**
 * ggml `quantize_row_q4_K_ref` (no importance matrix): super-blocks of 256 values →
 * `{ fp16 d; fp16 dmin; uint8 scales[12]; uint8 qs[128] }` (144 bytes). Each 32-value sub-block
 * gets a 6-bit scale and min from `make_qkx2_quants`; levels are then recomputed from the stored
 * fp16 super-scales, except in sub-blocks whose scale rounds to zero, which keep the search's.
 */
export declare function quantizeQ4_K(src: Float32Array, srcOffset: number, blocks: number, dst: Uint8Array, dstOffset: number): void;
/** ggml `dequantize_row_q4_K`: `x = d*sc*q - dmin*m` per 32-value sub-block. */
export declare function dequantizeQ4_K(src: Uint8Array, srcOffset: number, blocks: number, dst: Float32Array, dstOffset: number): void;
