import { ModelPublishError } from "../errors.js";
import type { LlamaFamilyConfig } from "./model-config.js";

const GLOBAL = new Map([
  ["model.embed_tokens.weight", "token_embd.weight"],
  ["model.norm.weight", "output_norm.weight"],
  ["lm_head.weight", "output.weight"],
]);

const LAYER = new Map([
  ["input_layernorm.weight", "attn_norm.weight"],
  ["self_attn.q_proj.weight", "attn_q.weight"],
  ["self_attn.q_proj.bias", "attn_q.bias"],
  ["self_attn.k_proj.weight", "attn_k.weight"],
  ["self_attn.k_proj.bias", "attn_k.bias"],
  ["self_attn.v_proj.weight", "attn_v.weight"],
  ["self_attn.v_proj.bias", "attn_v.bias"],
  ["self_attn.o_proj.weight", "attn_output.weight"],
  ["self_attn.o_proj.bias", "attn_output.bias"],
  ["post_attention_layernorm.weight", "ffn_norm.weight"],
  ["mlp.gate_proj.weight", "ffn_gate.weight"],
  ["mlp.up_proj.weight", "ffn_up.weight"],
  ["mlp.down_proj.weight", "ffn_down.weight"],
]);

const LAYER_NAME = /^model\.layers\.(0|[1-9]\d{0,5})\.(.+)$/;

/**
 * The GGUF name llama.cpp's converter gives a Llama/Qwen2 Hugging Face tensor, or undefined for
 * tensors it drops (rotary `inv_freq` buffers; `lm_head.weight` of a model with tied embeddings,
 * where llama.cpp reads the output projection from `token_embd`). An unknown name is
 * INPUT_UNSUPPORTED naming it.
 */
export function ggufTensorName(hfName: string, config: LlamaFamilyConfig): string | undefined {
  if (hfName.endsWith(".rotary_emb.inv_freq")) return undefined;
  if (hfName === "lm_head.weight" && config.tieWordEmbeddings) return undefined;
  const global = GLOBAL.get(hfName);
  if (global !== undefined) return global;
  const match = LAYER_NAME.exec(hfName);
  const mapped = match ? LAYER.get(match[2] ?? "") : undefined;
  if (match === null || mapped === undefined) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `tensor ${JSON.stringify(hfName)} has no GGUF name for architecture ${config.architecture}`,
    );
  }
  const layer = Number(match[1]);
  if (layer >= config.layers) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `tensor ${JSON.stringify(hfName)} is in layer ${layer}, but config.json has num_hidden_layers ${config.layers}`,
    );
  }
  return `blk.${layer}.${mapped}`;
}

/** `blk.N.` layer number of a GGUF name, -1 for tensors outside the blocks. */
export function layerOf(ggufName: string): number {
  const match = /^blk\.(\d+)\./.exec(ggufName);
  return match ? Number(match[1]) : -1;
}

/**
 * llama.cpp's `weight_name_comparer` order, in which llama-quantize writes tensors: by layer
 * (tensors outside the blocks first), then by name.
 */
export function compareGgufNames(a: string, b: string): number {
  const la = layerOf(a);
  const lb = layerOf(b);
  if (la !== lb) return la - lb;
  return a < b ? -1 : a > b ? 1 : 0;
}
