import { layoutGguf } from "../formats/gguf-layout.js";
import type { GgmlTypeName } from "../formats/gguf-types.js";
import type { GgufValue } from "../formats/gguf-value.js";
import { writeGguf } from "../formats/gguf-writer.js";
import { encodeGgml } from "./ggml-codec.js";
import { fileTypeOf, type GgufScheme } from "./ggml-type-rules.js";
import { planGguf, type GgufPlanEntry } from "./gguf-plan.js";
import type { KernelPool } from "./kernel-pool.js";
import { llamaMetadata } from "./llama-metadata.js";
import type { LlamaFamilyConfig } from "./model-config.js";
import { permuteQK } from "./qk-permute.js";
import { readSourceF32, type SourceModel } from "./source-model.js";
import type { QuantizeProgress, VariantTensor } from "./variant.js";

export interface QuantizeGgufOptions {
  source: SourceModel;
  config: LlamaFamilyConfig;
  scheme: GgufScheme;
  /** File to write. */
  output: string;
  /** `general.name`. */
  name: string;
  pool: KernelPool;
  /** More metadata (tokenizer, license, …), written after the architecture keys. */
  extraMetadata?: ReadonlyMap<string, GgufValue>;
  onProgress?: (event: QuantizeProgress) => void;
}

/** A plan entry's values as float32, with Llama's Q/K rows permuted as llama.cpp's converter does. */
export async function planValues(entry: GgufPlanEntry, pool: KernelPool): Promise<Float32Array> {
  const values = await readSourceF32(entry.source, pool);
  if (entry.permuteHeads === undefined) return values;
  const rows = entry.shape[0] ?? 1;
  return permuteQK(values, rows, values.length / rows, entry.permuteHeads);
}

/**
 * Writes a GGUF variant of a llama-family safetensors model, tensor by tensor: the header (with
 * every tensor's type and size, decided up front) first, then each tensor read, converted to
 * float32, permuted where llama.cpp permutes, encoded on the worker pool and written. One tensor
 * is in memory at a time.
 */
export async function quantizeGguf(options: QuantizeGgufOptions): Promise<VariantTensor[]> {
  const { source, config, scheme, pool, onProgress } = options;
  const plan = planGguf(source.tensors, config, scheme);
  const metadata = llamaMetadata(config, {
    name: options.name,
    fileType: fileTypeOf(scheme),
    ...(options.extraMetadata ? { extra: options.extraMetadata } : {}),
  });
  const layout = layoutGguf(
    metadata,
    plan.map((p) => ({ name: p.name, type: p.type, shape: p.shape })),
  );
  const written: VariantTensor[] = [];
  await writeGguf(options.output, layout, async function* (tensor, index) {
    const entry = plan[index];
    if (entry === undefined) return;
    const values = await planValues(entry, pool);
    const bytes = await encodeGgml(
      pool,
      tensor.type,
      values,
      `${entry.source.name} (${tensor.name})`,
    );
    written.push(variantTensor(entry, tensor.type, bytes.length));
    onProgress?.({ tensor: tensor.name, type: tensor.type, index, count: plan.length });
    yield bytes;
  });
  return written;
}

function variantTensor(entry: GgufPlanEntry, type: GgmlTypeName, bytes: number): VariantTensor {
  return {
    name: entry.name,
    source: entry.source.name,
    type,
    shape: entry.shape,
    bytes,
  };
}
