/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indexes are in range by construction */

/**
 * Sums for comparing a tensor with its dequantized copy over `count` elements, in float64:
 * `[Σ(err²), Σ|err|, max|err|, Σ ref·test, Σ ref², Σ test²]`. Equal values (NaN in both, the same
 * infinity in both) count as no error; the dot products take finite pairs only.
 */
export function errorSums(
  ref: Float32Array,
  refOffset: number,
  test: Float32Array,
  testOffset: number,
  count: number,
): number[] {
  let sq = 0;
  let abs = 0;
  let max = 0;
  let dot = 0;
  let refSq = 0;
  let testSq = 0;
  for (let i = 0; i < count; i++) {
    const a = ref[refOffset + i]!;
    const b = test[testOffset + i]!;
    if (a === b || (a !== a && b !== b)) {
      if (a - a === 0) {
        dot += a * b;
        refSq += a * a;
        testSq += b * b;
      }
      continue;
    }
    const e = Math.abs(a - b);
    const err = e === e ? e : Infinity;
    sq += err * err;
    abs += err;
    if (err > max) max = err;
    if (a - a === 0 && b - b === 0) {
      dot += a * b;
      refSq += a * a;
      testSq += b * b;
    }
  }
  return [sq, abs, max, dot, refSq, testSq];
}
