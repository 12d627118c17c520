/**
 * Half-precision conversions for the block kernels.
 *
 * Every function in `kernels/` is self-contained (no imports, no module-level state) because the
 * worker pool ships their source text to worker threads: see `kernel-source.ts`.
 */
/**
 * f32 → IEEE binary16 bits, round to nearest even; overflow gives ±inf. NaN keeps its sign and the
 * top ten payload bits (one bit set if none is left), as `numpy.float16` does — the conversion
 * llama.cpp's converter uses for F16 tensors. For the finite scales of quantized blocks this is
 * ggml's `GGML_FP32_TO_FP16`.
 * `f32`/`u32` are one-element views of the same scratch buffer.
 */
export declare function fp32ToFp16Bits(value: number, f32: Float32Array, u32: Uint32Array): number;
/** binary32 bits → binary16 bits; see `fp32ToFp16Bits`. */
export declare function fp32BitsToFp16Bits(x: number): number;
/** IEEE binary16 bits → the number they hold (NaN payloads are not kept; use the bit form). */
export declare function fp16BitsToFp32(h: number): number;
/** IEEE binary16 bits → binary32 bits, exact for every input (NaN payloads included). */
export declare function fp16BitsToFp32Bits(h: number): number;
/**
 * binary32 bits → bfloat16 bits as ggml and gguf-py do it: NaN is made quiet (`| 64`), everything
 * else rounds to nearest even (so large finite values may round to ±inf).
 */
export declare function fp32BitsToBf16Bits(bits: number): number;
