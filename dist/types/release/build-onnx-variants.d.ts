import type { OptimizationVariant } from "../evaluate/variant-report.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { Artifact } from "../pipeline/artifacts.js";
/**
 * Builds the manifest's ONNX variants from the release's `onnx/model.onnx` and runs each against
 * it in onnxruntime on sample inputs: a variant outside its budget throws BUDGET_EXCEEDED and
 * fails the build. Variants are `onnx/model_{int8,int4,fp16}.onnx`.
 */
export declare function buildOnnxVariants(manifest: AuthoredManifest, manifestDir: string, root: string, reference: Artifact | undefined, onProgress: (scheme: string) => void): Promise<{
    artifacts: Artifact[];
    optimization: OptimizationVariant[];
}>;
