/**
 * Sums for comparing a tensor with its dequantized copy over `count` elements, in float64:
 * `[Σ(err²), Σ|err|, max|err|, Σ ref·test, Σ ref², Σ test²]`. Equal values (NaN in both, the same
 * infinity in both) count as no error; the dot products take finite pairs only.
 */
export declare function errorSums(ref: Float32Array, refOffset: number, test: Float32Array, testOffset: number, count: number): number[];
