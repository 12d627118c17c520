/**
 * ggml `quantize_row_q6_K_ref`: super-blocks of 256 values →
 * `{ uint8 ql[128]; uint8 qh[64]; int8 scales[16]; fp16 d }` (210 bytes). Sixteen 16-value
 * sub-blocks get a scale from `make_qx_quants`; the scales are stored as int8 against
 * `d = 1/(-128/max_scale)`, and the 6-bit levels recomputed from the stored scales (a sub-block
 * whose stored scale is zero keeps the search's levels).
 */
export declare function quantizeQ6_K(src: Float32Array, srcOffset: number, blocks: number, dst: Uint8Array, dstOffset: number): void;
/** ggml `dequantize_row_q6_K`: `x = d * scale * (q - 32)` per 16-value sub-block. */
export declare function dequantizeQ6_K(src: Uint8Array, srcOffset: number, blocks: number, dst: Float32Array, dstOffset: number): void;
