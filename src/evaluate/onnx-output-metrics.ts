import { ModelPublishError } from "../errors.js";
import type { HostTensor } from "../formats/onnx-npz.js";
import { toFloat64 } from "./onnx-session.js";

/** How far one output of a variant is from the reference's. */
export interface OnnxOutputMetrics {
  output: string;
  elements: number;
  maxAbsDiff: number;
  meanAbsDiff: number;
  rmse: number;
  /** Cosine similarity of the flattened outputs (1 when both are all zeros; NaN poisons it). */
  cosine: number;
}

/**
 * Compares every output of `expected` with the same-named output of `actual`. A missing output
 * or a shape difference is OUTPUT_MISMATCH: no error figure describes it.
 */
export function compareOutputs(
  expected: Readonly<Record<string, HostTensor>>,
  actual: Readonly<Record<string, HostTensor>>,
  label: string,
): OnnxOutputMetrics[] {
  return Object.entries(expected).map(([output, ref]) => {
    const got = actual[output];
    if (!got) {
      throw new ModelPublishError("OUTPUT_MISMATCH", `${label}: has no output ${output}`);
    }
    if (got.dims.join(",") !== ref.dims.join(",")) {
      throw new ModelPublishError(
        "OUTPUT_MISMATCH",
        `${label}: output ${output} has shape [${got.dims.join(", ")}], the reference [${ref.dims.join(", ")}]`,
      );
    }
    const a = toFloat64(ref);
    const b = toFloat64(got);
    let max = 0;
    let abs = 0;
    let sq = 0;
    let dot = 0;
    let aa = 0;
    let bb = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i] ?? 0;
      const y = b[i] ?? 0;
      const d = Math.abs(x - y);
      // NaN compares false: make it the max so the gate sees it.
      if (!(d <= max)) max = d;
      abs += d;
      sq += d * d;
      dot += x * y;
      aa += x * x;
      bb += y * y;
    }
    const n = a.length;
    const norms = Math.sqrt(aa) * Math.sqrt(bb);
    const cosine =
      norms > 0
        ? Math.min(1, dot / norms)
        : aa === 0 && bb === 0
          ? 1
          : Number.isNaN(norms)
            ? NaN
            : 0;
    return {
      output,
      elements: n,
      maxAbsDiff: max,
      meanAbsDiff: n > 0 ? abs / n : 0,
      rmse: n > 0 ? Math.sqrt(sq / n) : 0,
      cosine,
    };
  });
}
