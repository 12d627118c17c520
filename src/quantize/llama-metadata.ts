import { GGML_QUANTIZATION_VERSION, GGUF_DEFAULT_ALIGNMENT } from "../formats/gguf-types.js";
import { gguf, type GgufValue } from "../formats/gguf-value.js";
import type { LlamaFamilyConfig } from "./model-config.js";

/**
 * GGUF metadata for a llama-family model, with the keys and types llama.cpp's converter writes
 * (`general.*`, then `{arch}.*`), plus `general.quantization_version` and `general.alignment`.
 * `extra` (tokenizer keys, license, …) follows, in its own order; it cannot replace these keys.
 */
export function llamaMetadata(
  config: LlamaFamilyConfig,
  options: { name: string; fileType: number; extra?: ReadonlyMap<string, GgufValue> },
): Map<string, GgufValue> {
  const a = config.architecture;
  const m = new Map<string, GgufValue>([
    ["general.architecture", gguf.str(a)],
    ["general.type", gguf.str("model")],
    ["general.name", gguf.str(options.name)],
    [`${a}.block_count`, gguf.u32(config.layers)],
    [`${a}.context_length`, gguf.u32(config.contextLength)],
    [`${a}.embedding_length`, gguf.u32(config.hiddenSize)],
    [`${a}.feed_forward_length`, gguf.u32(config.intermediateSize)],
    [`${a}.attention.head_count`, gguf.u32(config.heads)],
    [`${a}.attention.head_count_kv`, gguf.u32(config.kvHeads)],
    [`${a}.rope.freq_base`, gguf.f32(config.ropeTheta)],
    [`${a}.attention.layer_norm_rms_epsilon`, gguf.f32(config.rmsNormEps)],
  ]);
  if (config.headDimExplicit) {
    m.set(`${a}.attention.key_length`, gguf.u32(config.headDim));
    m.set(`${a}.attention.value_length`, gguf.u32(config.headDim));
  }
  m.set("general.file_type", gguf.u32(options.fileType));
  m.set(`${a}.vocab_size`, gguf.u32(config.vocabSize));
  m.set(`${a}.rope.dimension_count`, gguf.u32(config.headDim));
  const scaling = config.ropeScaling;
  if (scaling !== undefined) {
    m.set(`${a}.rope.scaling.type`, gguf.str(scaling.type));
    m.set(`${a}.rope.scaling.factor`, gguf.f32(scaling.factor));
    if (scaling.type === "yarn") {
      m.set(`${a}.rope.scaling.original_context_length`, gguf.u32(scaling.originalContextLength));
    }
  }
  m.set("general.quantization_version", gguf.u32(GGML_QUANTIZATION_VERSION));
  m.set("general.alignment", gguf.u32(GGUF_DEFAULT_ALIGNMENT));
  for (const [key, value] of options.extra ?? []) {
    if (!m.has(key)) m.set(key, value);
  }
  return m;
}
