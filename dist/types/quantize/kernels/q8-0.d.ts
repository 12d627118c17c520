/**
 * ggml `quantize_row_q8_0_ref`: blocks of 32 values → `{ fp16 d; int8 qs[32] }` (34 bytes).
 * `d = amax/127` in float32, `qs = roundf(x * (1/d))` rounding half away from zero.
 */
export declare function quantizeQ8_0(src: Float32Array, srcOffset: number, blocks: number, dst: Uint8Array, dstOffset: number): void;
/** ggml `dequantize_row_q8_0`: `x = qs * d`. */
export declare function dequantizeQ8_0(src: Uint8Array, srcOffset: number, blocks: number, dst: Float32Array, dstOffset: number): void;
