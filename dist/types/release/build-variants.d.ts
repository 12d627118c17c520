import { type OptimizationVariant } from "../evaluate/variant-report.js";
import type { AuthoredManifest, Budget } from "../manifest/types.generated.js";
import type { Artifact } from "../pipeline/artifacts.js";
import { type QuantScheme } from "../quantize/variant.js";
/** The budget a variant gets when the manifest sets none: a run never ships an unchecked variant. */
export declare const DEFAULT_BUDGETS: Readonly<Record<QuantScheme, Budget>>;
export interface VariantProgress {
    scheme: string;
    done: number;
    total: number;
}
/**
 * Builds every tensor variant the manifest asks for from the release's safetensors weights,
 * evaluates it against them and applies its error budget: a variant outside it throws
 * BUDGET_EXCEEDED and the build fails. ONNX variants are left to the ONNX stage.
 */
export declare function buildTensorVariants(manifest: AuthoredManifest, root: string, weights: readonly Artifact[], onProgress: (progress: VariantProgress) => void): Promise<{
    artifacts: Artifact[];
    optimization: OptimizationVariant[];
}>;
