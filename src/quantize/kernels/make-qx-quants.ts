/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indexes are in range by construction */
import { nearestInt } from "./nearest-int.js";

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
export function makeQxQuants(
  x: Float32Array,
  xo: number,
  L: Uint8Array,
  lo: number,
  w: Float32Array,
  wx: Float32Array,
  laux: Uint8Array,
): number {
  let max = 0;
  let amax = 0;
  for (let i = 0; i < 16; i++) {
    const v = x[xo + i]!;
    const a = Math.abs(v);
    if (a > amax) {
      amax = a;
      max = v;
    }
  }
  // GROUP_MAX_EPS = 1e-15f
  if (amax < 1.0000000036274937e-15) {
    L.fill(0, lo, lo + 16);
    return 0;
  }
  let iscale = Math.fround(-32 / max);
  let sumlx = 0;
  let suml2 = 0;
  for (let i = 0; i < 16; i++) {
    const v = x[xo + i]!;
    const wi = Math.fround(v * v);
    w[i] = wi;
    wx[i] = Math.fround(wi * v);
    let l = nearestInt(Math.fround(iscale * v));
    l = l < -32 ? -32 : l > 31 ? 31 : l;
    L[lo + i] = l + 32;
    laux[i] = l + 32;
    sumlx = Math.fround(sumlx + Math.fround(wx[i]! * l));
    suml2 = Math.fround(suml2 + Math.fround(Math.fround(wi * l) * l));
  }
  let scale = suml2 !== 0 ? Math.fround(sumlx / suml2) : 0;
  let best = Math.fround(scale * sumlx);
  const tenth = Math.fround(0.1);
  for (let is = -9; is <= 9; is++) {
    if (is === 0) continue;
    iscale = Math.fround(-Math.fround(32 + Math.fround(tenth * is)) / max);
    let same = true;
    for (let i = 0; i < 16; i++) {
      let l = nearestInt(Math.fround(iscale * x[xo + i]!));
      l = l < -32 ? -32 : l > 31 ? 31 : l;
      if (l + 32 !== laux[i]) same = false;
      laux[i] = l + 32;
    }
    if (same) continue;
    sumlx = 0;
    suml2 = 0;
    for (let i = 0; i < 16; i++) {
      const l = laux[i]! - 32;
      sumlx = Math.fround(sumlx + Math.fround(wx[i]! * l));
      suml2 = Math.fround(suml2 + Math.fround(Math.fround(w[i]! * l) * l));
    }
    if (suml2 > 0 && Math.fround(sumlx * sumlx) > Math.fround(best * suml2)) {
      for (let i = 0; i < 16; i++) L[lo + i] = laux[i]!;
      scale = Math.fround(sumlx / suml2);
      best = Math.fround(scale * sumlx);
    }
  }
  return scale;
}
