import { ModelPublishError } from "../errors.js";
import { GgufFile } from "../formats/gguf-file.js";
import { ggmlDims } from "../formats/gguf-layout.js";
import { decodeGgml } from "../quantize/ggml-codec.js";
import { planValues } from "../quantize/quantize-gguf.js";
import type { KernelPool } from "../quantize/kernel-pool.js";
import { ggufTensorName } from "../quantize/llama-tensor-names.js";
import type { LlamaFamilyConfig } from "../quantize/model-config.js";
import { permuteHeadsOf, type GgufPlanEntry } from "../quantize/gguf-plan.js";
import type { SourceModel } from "../quantize/source-model.js";
import { compareValues, type TensorMetrics } from "./tensor-metrics.js";

function mismatch(file: string, detail: string): ModelPublishError {
  return new ModelPublishError("OUTPUT_MISMATCH", `${file}: ${detail}`);
}

/**
 * Reads a GGUF variant back and compares every tensor, dequantized, with the source tensor it was
 * made from (mapped and Q/K-permuted the way the variant was written). A tensor missing, extra or
 * of another shape is OUTPUT_MISMATCH.
 */
export async function evaluateGguf(
  source: SourceModel,
  path: string,
  config: LlamaFamilyConfig,
  pool: KernelPool,
): Promise<TensorMetrics[]> {
  const file = await GgufFile.open(path);
  try {
    const arch = file.metadata.get("general.architecture");
    if (arch?.type !== "string" || arch.value !== config.architecture) {
      throw mismatch(
        file.file.name,
        `general.architecture is ${arch?.type === "string" ? arch.value : "missing"}, but config.json describes ${config.architecture}`,
      );
    }
    const expected = new Map<string, GgufPlanEntry>();
    for (const tensor of source.tensors) {
      const name = ggufTensorName(tensor.name, config);
      if (name === undefined) continue;
      expected.set(name, {
        name,
        source: tensor,
        shape: [...tensor.shape],
        type: "F32",
        permuteHeads: permuteHeadsOf(name, config),
      });
    }
    const results: TensorMetrics[] = [];
    for (const info of file.tensors) {
      const entry = expected.get(info.name);
      if (entry === undefined)
        throw mismatch(file.file.name, `tensor ${info.name} has no source tensor`);
      expected.delete(info.name);
      const ne = ggmlDims(entry.shape);
      if (ne.join(",") !== info.ne.join(",")) {
        throw mismatch(
          file.file.name,
          `tensor ${info.name} has ne [${info.ne.join(", ")}], but ${entry.source.name} gives [${ne.join(", ")}]`,
        );
      }
      const bytes = new Uint8Array(new SharedArrayBuffer(info.nbytes));
      await file.readTensor(info, bytes);
      const type = info.type.name;
      const test = await decodeGgml(pool, type, bytes, entry.source.numel);
      const ref = await planValues(entry, pool);
      results.push(
        await compareValues(pool, ref, test, { name: info.name, source: entry.source.name, type }),
      );
    }
    const missing = [...expected.keys()];
    if (missing.length > 0) {
      throw mismatch(
        file.file.name,
        `tensors missing from the variant: ${missing.slice(0, 5).join(", ")}`,
      );
    }
    return results;
  } finally {
    await file.close();
  }
}
