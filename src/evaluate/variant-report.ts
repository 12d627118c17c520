import type { VariantEvaluation } from "./evaluate-variant.js";

/** One entry of the release manifest's `optimization.variants[]`. */
export interface OptimizationVariant {
  scheme: string;
  files: string[];
  size: number;
  compressionRatio: number;
  metrics: Record<string, number>;
}

/**
 * The figures of an evaluated variant, shaped for the release manifest (`optimization.variants[]`,
 * and a `benchmarks` group keyed by scheme), the artifact's `metrics` and the model card.
 * `path` is the variant's path in the release folder.
 */
export function variantReport(
  scheme: string,
  path: string,
  evaluation: VariantEvaluation,
): { optimization: OptimizationVariant; metrics: Record<string, number> } {
  const s = evaluation.summary;
  const metrics = {
    compressionRatio: evaluation.compressionRatio,
    compressionRatioVsF32: evaluation.compressionRatioVsF32,
    minCosine: s.minCosine,
    maxAbsError: s.maxAbsError,
    maxMeanAbsError: s.maxMeanAbsError,
    maxRmse: s.maxRmse,
    meanAbsError: s.meanAbsError,
    rmse: s.rmse,
    tensors: s.tensors,
  };
  return {
    optimization: {
      scheme,
      files: [path],
      size: evaluation.size,
      compressionRatio: evaluation.compressionRatio,
      metrics,
    },
    metrics,
  };
}
