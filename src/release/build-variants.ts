import { existsSync } from "node:fs";
import { join } from "node:path";
import { checkBudget } from "../evaluate/budget.js";
import { evaluateVariant } from "../evaluate/evaluate-variant.js";
import { variantReport, type OptimizationVariant } from "../evaluate/variant-report.js";
import type { AuthoredManifest, Budget, Variant } from "../manifest/types.generated.js";
import type { Artifact } from "../pipeline/artifacts.js";
import { quantizeModel, variantFormat } from "../quantize/quantize-model.js";
import { isQuantScheme, variantFileName, type QuantScheme } from "../quantize/variant.js";

/** The budget a variant gets when the manifest sets none: a run never ships an unchecked variant. */
export const DEFAULT_BUDGETS: Readonly<Record<QuantScheme, Budget>> = {
  f16: { minCosine: 0.9999 },
  bf16: { minCosine: 0.9999 },
  int8: { minCosine: 0.999 },
  q8_0: { minCosine: 0.999 },
  q6_k: { minCosine: 0.999 },
  int4: { minCosine: 0.99 },
  q4_0: { minCosine: 0.99 },
  q4_k: { minCosine: 0.99 },
  q4_k_m: { minCosine: 0.99 },
};

export interface VariantProgress {
  scheme: string;
  done: number;
  total: number;
}

/** `{id}-{size}-{quant}.{ext}`, or `{id}-{quant}.{ext}` for a model with no size label. */
function fileNameOf(manifest: AuthoredManifest, scheme: QuantScheme, ext: string): string {
  return manifest.size
    ? variantFileName(manifest.id, manifest.size, scheme, ext)
    : `${manifest.id}-${scheme}.${ext}`;
}

/**
 * Builds every tensor variant the manifest asks for from the release's safetensors weights,
 * evaluates it against them and applies its error budget: a variant outside it throws
 * BUDGET_EXCEEDED and the build fails. ONNX variants are left to the ONNX stage.
 */
export async function buildTensorVariants(
  manifest: AuthoredManifest,
  root: string,
  weights: readonly Artifact[],
  onProgress: (progress: VariantProgress) => void,
): Promise<{ artifacts: Artifact[]; optimization: OptimizationVariant[] }> {
  const variants = (manifest.variants ?? []).filter((v): v is Variant & { scheme: QuantScheme } =>
    isQuantScheme(v.scheme),
  );
  if (variants.length === 0) return { artifacts: [], optimization: [] };
  const index = weights.find((a) => a.format === "safetensors-index");
  const single = weights.find((a) => a.format === "safetensors");
  const source = index?.file ?? single?.file;
  if (source === undefined) return { artifacts: [], optimization: [] };
  const config = existsSync(join(root, "config.json")) ? join(root, "config.json") : undefined;
  const artifacts: Artifact[] = [];
  const optimization: OptimizationVariant[] = [];
  for (const variant of variants) {
    const format = variantFormat(variant.scheme, "", variant.format);
    const path = fileNameOf(manifest, variant.scheme, format === "gguf" ? "gguf" : "safetensors");
    const output = join(root, path);
    await quantizeModel({
      input: source,
      scheme: variant.scheme,
      output,
      format,
      name: manifest.name,
      ...(config ? { config } : {}),
      ...(variant.groupSize ? { groupSize: variant.groupSize } : {}),
      onProgress: (p) => {
        onProgress({ scheme: variant.scheme, done: p.index + 1, total: p.count });
      },
    });
    const evaluation = await evaluateVariant({
      source,
      variant: output,
      ...(config ? { config } : {}),
    });
    checkBudget(
      `${variant.scheme} (${path})`,
      evaluation.tensors,
      variant.budget ?? DEFAULT_BUDGETS[variant.scheme],
    );
    const report = variantReport(variant.scheme, path, evaluation);
    optimization.push(report.optimization);
    artifacts.push({
      path,
      file: output,
      size: evaluation.size,
      format,
      role: "variant",
      variant: variant.scheme,
      metrics: report.metrics,
    });
  }
  return { artifacts, optimization };
}
