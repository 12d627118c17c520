/** float32 → little-endian binary16, round to nearest even, NaN/±inf kept (bit-level, no rounding of NaN payloads through numbers). */
export declare function encodeF16(src: Float32Array, srcOffset: number, count: number, dst: Uint8Array, dstOffset: number): void;
/** float32 → little-endian bfloat16, round to nearest even, NaN made quiet (ggml/gguf-py rule). */
export declare function encodeBf16(src: Float32Array, srcOffset: number, count: number, dst: Uint8Array, dstOffset: number): void;
/** Copies float32 values out as little-endian bytes (the F32 "encoding"). */
export declare function encodeF32(src: Float32Array, srcOffset: number, count: number, dst: Uint8Array, dstOffset: number): void;
/** Little-endian binary16 → float32, exact (bit-level). */
export declare function decodeF16(src: Uint8Array, srcOffset: number, count: number, dst: Float32Array, dstOffset: number): void;
/** Little-endian bfloat16 → float32, exact. */
export declare function decodeBf16(src: Uint8Array, srcOffset: number, count: number, dst: Float32Array, dstOffset: number): void;
/** Little-endian float32 bytes → float32 values (bit-level copy). */
export declare function decodeF32(src: Uint8Array, srcOffset: number, count: number, dst: Float32Array, dstOffset: number): void;
/** Index of the first NaN or ±inf in `src[offset, offset+count)`, or -1. */
export declare function firstNonFinite(src: Float32Array, offset: number, count: number): number;
