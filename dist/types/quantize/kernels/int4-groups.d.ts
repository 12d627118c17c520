/**
 * INT4 group-wise symmetric, packed two per byte. Each row is cut into groups of `groupSize`
 * values (the last may be shorter). Per group, `m` is the first value of largest magnitude and
 * `scale = m / -8` (float32); `q = clamp(round_half_even(x/scale), -8, 7)`, stored as the nibble
 * `q + 8`; `x ≈ (nibble - 8) * scale`. Element `c` of a row is in byte `c >> 1` of that row's
 * `ceil(cols/2)` bytes, low nibble for even `c`. Scales are `[rows, ceil(cols/groupSize)]`.
 */
export declare function quantizeInt4Groups(src: Float32Array, srcOffset: number, rows: number, cols: number, groupSize: number, packed: Uint8Array, packedOffset: number, scales: Float32Array, scaleOffset: number): void;
/** Inverse of `quantizeInt4Groups`. */
export declare function dequantizeInt4Groups(packed: Uint8Array, packedOffset: number, rows: number, cols: number, groupSize: number, scales: Float32Array, scaleOffset: number, dst: Float32Array, dstOffset: number): void;
