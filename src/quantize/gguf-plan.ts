import { ModelPublishError } from "../errors.js";
import { ggmlDims } from "../formats/gguf-layout.js";
import type { GgmlTypeName } from "../formats/gguf-types.js";
import { chooseTensorTypes, type GgufScheme } from "./ggml-type-rules.js";
import { compareGgufNames, ggufTensorName } from "./llama-tensor-names.js";
import type { LlamaFamilyConfig } from "./model-config.js";
import { isFloatTensor, type SourceTensor } from "./source-model.js";

/** One tensor of the GGUF file to write, and where its values come from. */
export interface GgufPlanEntry {
  /** GGUF name (`blk.0.attn_q.weight`). */
  name: string;
  source: SourceTensor;
  /** PyTorch-order shape (the writer reverses it into ggml's `ne`). */
  shape: number[];
  type: GgmlTypeName;
  /** Heads to permute the rows over (Llama Q/K), as llama.cpp's converter does. */
  permuteHeads: number | undefined;
}

/** Heads llama.cpp's converter permutes a tensor's rows over: Llama's Q and K, nothing else. */
export function permuteHeadsOf(name: string, config: LlamaFamilyConfig): number | undefined {
  if (config.architecture !== "llama") return undefined;
  if (/^blk\.\d+\.attn_q\.(weight|bias)$/.test(name)) return config.heads;
  if (/^blk\.\d+\.attn_k\.(weight|bias)$/.test(name)) return config.kvHeads;
  return undefined;
}

/**
 * Decides every tensor of a GGUF variant before any byte is written: GGUF names, llama-quantize's
 * order, ggml types (see `chooseTensorTypes`) and the Llama Q/K permutation.
 */
export function planGguf(
  tensors: readonly SourceTensor[],
  config: LlamaFamilyConfig,
  scheme: GgufScheme,
): GgufPlanEntry[] {
  const mapped: { name: string; source: SourceTensor }[] = [];
  for (const source of tensors) {
    const name = ggufTensorName(source.name, config);
    if (name === undefined) continue;
    if (!isFloatTensor(source)) {
      throw new ModelPublishError(
        "INPUT_UNSUPPORTED",
        `tensor ${source.name} is ${source.dtype}; GGUF variants are made from floating-point weights`,
      );
    }
    mapped.push({ name, source });
  }
  mapped.sort((a, b) => compareGgufNames(a.name, b.name));
  const types = chooseTensorTypes(
    mapped.map((m) => ({ name: m.name, ne: ggmlDims(m.source.shape) })),
    scheme,
    config.layers,
  );
  return mapped.map(({ name, source }, i) => ({
    name,
    source,
    shape: [...source.shape],
    type: types[i] ?? "F32",
    permuteHeads: permuteHeadsOf(name, config),
  }));
}
