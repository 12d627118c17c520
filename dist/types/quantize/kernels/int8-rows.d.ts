/**
 * INT8 per-output-channel symmetric: for each row (output channel) `scale = amax/127` (float32),
 * `q = clamp(round_half_even(x/scale), -127, 127)`, `x ≈ q * scale`. An all-zero row has scale 0.
 */
export declare function quantizeInt8Rows(src: Float32Array, srcOffset: number, rows: number, cols: number, q: Uint8Array, qOffset: number, scales: Float32Array, scaleOffset: number): void;
/** Inverse of `quantizeInt8Rows`: `x = q * scale`. */
export declare function dequantizeInt8Rows(q: Uint8Array, qOffset: number, rows: number, cols: number, scales: Float32Array, scaleOffset: number, dst: Float32Array, dstOffset: number): void;
