import { basename, join, resolve } from "node:path";
import { onnxParity, type OnnxParityReport } from "../evaluate/onnx-parity.js";
import type { OptimizationVariant } from "../evaluate/variant-report.js";
import type { AuthoredManifest, Variant } from "../manifest/types.generated.js";
import type { Artifact } from "../pipeline/artifacts.js";
import { isOnnxScheme, quantizeOnnx, type OnnxScheme } from "../quantize/onnx-quantize.js";

function isOnnxVariant(variant: Variant): variant is Variant & { scheme: OnnxScheme } {
  return isOnnxScheme(variant.scheme);
}

/** The figures a parity report gives the manifest, the card and the artifact. */
function metricsOf(report: OnnxParityReport): Record<string, number> {
  const outputs = report.outputs;
  return {
    compressionRatio: report.compression,
    minCosine: Math.min(...outputs.map((o) => o.cosine)),
    maxAbsError: Math.max(...outputs.map((o) => o.maxAbsDiff)),
    meanAbsError: Math.max(...outputs.map((o) => o.meanAbsDiff)),
    rmse: Math.max(...outputs.map((o) => o.rmse)),
  };
}

/**
 * Builds the manifest's ONNX variants from the release's `onnx/model.onnx` and runs each against
 * it in onnxruntime on sample inputs: a variant outside its budget throws BUDGET_EXCEEDED and
 * fails the build. Variants are `onnx/model_{int8,int4,fp16}.onnx`.
 */
export async function buildOnnxVariants(
  manifest: AuthoredManifest,
  manifestDir: string,
  root: string,
  reference: Artifact | undefined,
  onProgress: (scheme: string) => void,
): Promise<{ artifacts: Artifact[]; optimization: OptimizationVariant[] }> {
  const variants = (manifest.variants ?? []).filter(isOnnxVariant);
  if (variants.length === 0 || !reference) return { artifacts: [], optimization: [] };
  const artifacts: Artifact[] = [];
  const optimization: OptimizationVariant[] = [];
  for (const variant of variants) {
    onProgress(variant.scheme);
    const path = `onnx/model_${variant.scheme.slice("onnx-".length)}.onnx`;
    const output = join(root, path);
    const written = await quantizeOnnx(reference.file, output, variant.scheme, {
      ...(variant.form ? { form: variant.form } : {}),
      ...(variant.blockSize ? { blockSize: variant.blockSize } : {}),
      ...(variant.symmetric !== undefined ? { symmetric: variant.symmetric } : {}),
      ...(variant.exclude ? { exclude: variant.exclude } : {}),
    });
    const [report] = await onnxParity(
      reference.file,
      [
        {
          path: output,
          scheme: variant.scheme,
          ...(variant.budget ? { budget: variant.budget } : {}),
        },
      ],
      manifest.sources.sampleInputs
        ? { inputs: resolve(manifestDir, manifest.sources.sampleInputs) }
        : {},
    );
    if (!report) continue;
    const metrics = metricsOf(report);
    optimization.push({
      scheme: variant.scheme,
      files: [path],
      size: report.bytes,
      compressionRatio: report.compression,
      metrics,
    });
    artifacts.push({
      path,
      file: output,
      size: report.bytes,
      format: "onnx",
      role: "variant",
      variant: variant.scheme,
      metrics,
    });
    // Weights too large for one protobuf go to an external data file beside the model.
    for (const file of written.files.slice(1)) {
      artifacts.push({
        path: `onnx/${basename(file)}`,
        file,
        size: 0,
        format: "onnx-data",
        role: "variant",
        variant: variant.scheme,
      });
    }
  }
  return { artifacts, optimization };
}
