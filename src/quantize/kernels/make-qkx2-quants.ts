/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indexes are in range by construction */
import { nearestInt } from "./nearest-int.js";

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
export function makeQkx2Quants(
  x: Float32Array,
  xo: number,
  w: Float32Array,
  L: Uint8Array,
  lo: number,
  laux: Uint8Array,
  xm: Float32Array,
  out: Float32Array,
): void {
  let min = x[xo]!;
  let max = min;
  let sumW = w[0]!;
  let sumX = Math.fround(sumW * min);
  for (let i = 1; i < 32; i++) {
    const xi = x[xo + i]!;
    if (xi < min) min = xi;
    if (xi > max) max = xi;
    const wi = w[i]!;
    sumW = Math.fround(sumW + wi);
    sumX = Math.fround(sumX + Math.fround(wi * xi));
  }
  if (min > 0) min = 0;
  if (max === min) {
    L.fill(0, lo, lo + 32);
    out[0] = 0;
    out[1] = -min;
    return;
  }
  let iscale = Math.fround(15 / Math.fround(max - min));
  let scale = Math.fround(1 / iscale);
  let bestError = 0;
  for (let i = 0; i < 32; i++) {
    const xi = x[xo + i]!;
    const d = Math.fround(xi - min);
    xm[i] = d;
    let l = nearestInt(Math.fround(iscale * d));
    l = l < 0 ? 0 : l > 15 ? 15 : l;
    L[lo + i] = l;
    const diff = Math.fround(Math.fround(Math.fround(scale * l) + min) - xi);
    bestError = Math.fround(bestError + Math.fround(w[i]! * Math.fround(diff * diff)));
  }
  const rdelta = Math.fround(0.1);
  let repeatable = false;
  for (let is = 0; is <= 20; is++) {
    const range = Math.fround(max - min);
    iscale = Math.fround(Math.fround(Math.fround(-1 + Math.fround(rdelta * is)) + 15) / range);
    let same = repeatable;
    for (let i = 0; i < 32; i++) {
      let l = nearestInt(Math.fround(iscale * xm[i]!));
      l = l < 0 ? 0 : l > 15 ? 15 : l;
      if (l !== laux[i]) same = false;
      laux[i] = l;
    }
    if (same) continue;
    repeatable = true;
    let sumL = 0;
    let sumL2 = 0;
    let sumXL = 0;
    for (let i = 0; i < 32; i++) {
      const l = laux[i]!;
      const wl = Math.fround(w[i]! * l);
      sumL = Math.fround(sumL + wl);
      sumL2 = Math.fround(sumL2 + Math.fround(wl * l));
      sumXL = Math.fround(sumXL + Math.fround(wl * x[xo + i]!));
    }
    const D = Math.fround(Math.fround(sumW * sumL2) - Math.fround(sumL * sumL));
    if (!(D > 0)) continue;
    let thisScale = Math.fround(
      Math.fround(Math.fround(sumW * sumXL) - Math.fround(sumX * sumL)) / D,
    );
    let thisMin = Math.fround(
      Math.fround(Math.fround(sumL2 * sumX) - Math.fround(sumL * sumXL)) / D,
    );
    if (thisMin > 0) {
      thisMin = 0;
      thisScale = Math.fround(sumXL / sumL2);
    }
    let mad = 0;
    for (let i = 0; i < 32; i++) {
      const diff = Math.fround(
        Math.fround(Math.fround(thisScale * laux[i]!) + thisMin) - x[xo + i]!,
      );
      mad = Math.fround(mad + Math.fround(w[i]! * Math.fround(diff * diff)));
      if (mad >= bestError) break;
    }
    if (mad < bestError) {
      for (let i = 0; i < 32; i++) {
        L[lo + i] = laux[i]!;
        xm[i] = Math.fround(x[xo + i]! - thisMin);
      }
      bestError = mad;
      scale = thisScale;
      min = thisMin;
      repeatable = false;
    }
  }
  out[0] = scale;
  out[1] = -min;
}
