/**
 * ggml `make_qx_quants(16, 32, x, L, 1, NULL)` as Q6_K calls it: weights `w = x*x`, levels
 * `l ∈ [-32, 31]` stored as `l + 32`, then 18 alternative scales `-(32 + 0.1*is)/max`, keeping one
 * when `sumlx² > best*suml2`. Every float operation is rounded to float32 in source order.
 *
 * A step whose levels equal the previous step's is skipped: its sums are the same, so it either
 * accepts nothing or re-accepts the levels, scale and best it already holds.
 *
 * Returns the scale; writes the levels to `L[lo..lo+16)`. `w`, `wx` (16 floats) and `laux`
 * (16 bytes) are scratch.
 */
export declare function makeQxQuants(x: Float32Array, xo: number, L: Uint8Array, lo: number, w: Float32Array, wx: Float32Array, laux: Uint8Array): number;
