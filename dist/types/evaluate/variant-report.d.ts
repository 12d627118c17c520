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
export declare function variantReport(scheme: string, path: string, evaluation: VariantEvaluation): {
    optimization: OptimizationVariant;
    metrics: Record<string, number>;
};
