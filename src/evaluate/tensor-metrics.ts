import type { KernelPool } from "../quantize/kernel-pool.js";

/** How far one tensor of a variant is from the source after dequantization. */
export interface TensorMetrics {
  /** Name in the variant. */
  name: string;
  /** Source tensor name. */
  source: string;
  /** ggml type or safetensors dtype in the variant. */
  type: string;
  elements: number;
  maxAbsError: number;
  meanAbsError: number;
  rmse: number;
  /** Cosine similarity of the flattened tensors (1 when both are all zeros). */
  cosine: number;
  /** Σ error², kept to aggregate RMSE over a variant. */
  sumSquaredError: number;
  sumAbsError: number;
}

const JOB = 1 << 20;

/** Compares `test` with `ref` (float32, shared memory) on the pool. */
export async function compareValues(
  pool: KernelPool,
  ref: Float32Array,
  test: Float32Array,
  labels: { name: string; source: string; type: string },
): Promise<TensorMetrics> {
  if (ref.length !== test.length) {
    throw new Error(`${labels.name}: ${test.length} values against ${ref.length}`);
  }
  const jobs: Promise<number[]>[] = [];
  for (let start = 0; start < ref.length; start += JOB) {
    jobs.push(pool.run("errorSums", ref, start, test, start, Math.min(JOB, ref.length - start)));
  }
  let sq = 0;
  let abs = 0;
  let max = 0;
  let dot = 0;
  let refSq = 0;
  let testSq = 0;
  for (const part of await Promise.all(jobs)) {
    const [s = 0, a = 0, m = 0, d = 0, r = 0, t = 0] = part;
    sq += s;
    abs += a;
    max = Math.max(max, m);
    dot += d;
    refSq += r;
    testSq += t;
  }
  const n = ref.length;
  const norms = Math.sqrt(refSq) * Math.sqrt(testSq);
  // Identical tensors are exactly 1 (the square roots would leave 0.9999999999999998).
  const cosine =
    sq === 0 ? 1 : norms > 0 ? Math.min(1, Math.max(-1, dot / norms)) : refSq === testSq ? 1 : 0;
  return {
    ...labels,
    elements: n,
    maxAbsError: max,
    meanAbsError: n > 0 ? abs / n : 0,
    rmse: n > 0 ? Math.sqrt(sq / n) : 0,
    cosine,
    sumSquaredError: sq,
    sumAbsError: abs,
  };
}

/** Metrics of a tensor copied unchanged. */
export function exactMetrics(
  labels: { name: string; source: string; type: string },
  elements: number,
): TensorMetrics {
  return {
    ...labels,
    elements,
    maxAbsError: 0,
    meanAbsError: 0,
    rmse: 0,
    cosine: 1,
    sumSquaredError: 0,
    sumAbsError: 0,
  };
}
