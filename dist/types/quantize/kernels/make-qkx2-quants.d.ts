/**
 * ggml `make_qkx2_quants(32, 15, x, w, L, &the_min, Laux, -1.f, 0.1f, 20, false)` as Q4_K calls it,
 * every float operation rounded to float32 in source order. The search re-reads the current `min`
 * (which an accepted step replaces) in both `max - min` and `x - min`, as the C code does.
 *
 * Two shortcuts that cannot change the result: a step whose levels equal the previous step's (when
 * that step accepted nothing) is skipped, since it would compute the same error and again accept
 * nothing; and the error sum stops once it reaches the best error, since its terms are never
 * negative and `mad < best_error` can no longer hold.
 *
 * Writes the levels to `L[lo..lo+32)`, the scale to `out[0]` and `the_min` (−min ≥ 0) to `out[1]`.
 * `laux` (32 bytes) and `xm` (32 floats) are scratch.
 */
export declare function makeQkx2Quants(x: Float32Array, xo: number, w: Float32Array, L: Uint8Array, lo: number, laux: Uint8Array, xm: Float32Array, out: Float32Array): void;
