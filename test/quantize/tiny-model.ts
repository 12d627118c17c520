import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Dtype } from "../../src/formats/dtype.js";
import { layoutSafetensors, type SafetensorsEntry } from "../../src/formats/safetensors-layout.js";
import { writeSafetensors } from "../../src/formats/safetensors-writer.js";
import { KERNELS } from "../../src/quantize/kernel-registry.js";

export type TinyArch = "llama" | "qwen2";

/** Small llama-family models shaped like the real ones (GQA, tied embeddings, Qwen2 biases). */
export const TINY_CONFIGS: Record<TinyArch, Record<string, unknown>> = {
  llama: {
    architectures: ["LlamaForCausalLM"],
    model_type: "llama",
    hidden_size: 256,
    intermediate_size: 256,
    num_hidden_layers: 2,
    num_attention_heads: 4,
    num_key_value_heads: 2,
    max_position_embeddings: 2048,
    rms_norm_eps: 1e-5,
    rope_theta: 500000.0,
    vocab_size: 32,
    tie_word_embeddings: false,
    torch_dtype: "float32",
  },
  qwen2: {
    architectures: ["Qwen2ForCausalLM"],
    model_type: "qwen2",
    hidden_size: 64,
    intermediate_size: 256,
    num_hidden_layers: 4,
    num_attention_heads: 2,
    num_key_value_heads: 1,
    max_position_embeddings: 32768,
    rms_norm_eps: 1e-6,
    rope_theta: 1000000.0,
    vocab_size: 32,
    tie_word_embeddings: true,
    rope_scaling: null,
    torch_dtype: "bfloat16",
  },
};

/** PyTorch-order shapes of every tensor of a tiny model, in Hugging Face names. */
export function tinyShapes(arch: TinyArch): Map<string, number[]> {
  const c = TINY_CONFIGS[arch] as {
    hidden_size: number;
    intermediate_size: number;
    num_hidden_layers: number;
    num_attention_heads: number;
    num_key_value_heads: number;
    vocab_size: number;
  };
  const h = c.hidden_size;
  const kv = (h / c.num_attention_heads) * c.num_key_value_heads;
  const shapes = new Map<string, number[]>([
    ["model.embed_tokens.weight", [c.vocab_size, h]],
    ["model.norm.weight", [h]],
  ]);
  if (arch === "llama") shapes.set("lm_head.weight", [c.vocab_size, h]);
  for (let l = 0; l < c.num_hidden_layers; l++) {
    const p = `model.layers.${l}.`;
    shapes.set(`${p}input_layernorm.weight`, [h]);
    shapes.set(`${p}self_attn.q_proj.weight`, [h, h]);
    shapes.set(`${p}self_attn.k_proj.weight`, [kv, h]);
    shapes.set(`${p}self_attn.v_proj.weight`, [kv, h]);
    if (arch === "qwen2") {
      shapes.set(`${p}self_attn.q_proj.bias`, [h]);
      shapes.set(`${p}self_attn.k_proj.bias`, [kv]);
      shapes.set(`${p}self_attn.v_proj.bias`, [kv]);
    } else {
      shapes.set(`${p}self_attn.rotary_emb.inv_freq`, [32]);
    }
    shapes.set(`${p}self_attn.o_proj.weight`, [h, h]);
    shapes.set(`${p}post_attention_layernorm.weight`, [h]);
    shapes.set(`${p}mlp.gate_proj.weight`, [c.intermediate_size, h]);
    shapes.set(`${p}mlp.up_proj.weight`, [c.intermediate_size, h]);
    shapes.set(`${p}mlp.down_proj.weight`, [h, c.intermediate_size]);
  }
  return shapes;
}

/** Weight-like values: near-normal with std ~0.02; norms near 1; one tensor seed each. */
export function tinyValues(name: string, count: number): Float32Array {
  const out = new Float32Array(new SharedArrayBuffer(count * 4));
  let s = 0x811c9dc5;
  for (const ch of name) s = Math.imul(s ^ ch.charCodeAt(0), 16777619) >>> 0;
  const norm = name.includes("norm");
  for (let i = 0; i < count; i++) {
    let v = 0;
    for (let k = 0; k < 3; k++) {
      s = (s ^ (s << 13)) >>> 0;
      s = (s ^ (s >>> 17)) >>> 0;
      s = (s ^ (s << 5)) >>> 0;
      v += s / 4294967296 - 0.5;
    }
    out[i] = norm ? 1 + v * 0.1 : v * 0.04;
  }
  return out;
}

function encode(values: Float32Array, dtype: Dtype): Uint8Array {
  if (dtype === "F32") return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint8Array(values.length * 2);
  if (dtype === "BF16") KERNELS.encodeBf16(values, 0, values.length, out, 0);
  else KERNELS.encodeF16(values, 0, values.length, out, 0);
  return out;
}

/**
 * Writes `model.safetensors` and `config.json` of a tiny model into `dir`; returns the path of the
 * safetensors file. `mutate` may change values before they are written (hostile cases).
 */
export async function writeTinyModel(
  dir: string,
  arch: TinyArch,
  dtype: Dtype = "F32",
  mutate?: (name: string, values: Float32Array) => void,
): Promise<string> {
  const shapes = tinyShapes(arch);
  const entries: SafetensorsEntry[] = [...shapes].map(([name, shape]) => ({ name, dtype, shape }));
  const layout = layoutSafetensors(entries, { format: "pt" });
  const path = join(dir, "model.safetensors");
  await writeSafetensors(path, layout, async function* (entry) {
    const values = tinyValues(
      entry.name,
      entry.shape.reduce((a, b) => a * b, 1),
    );
    mutate?.(entry.name, values);
    yield await Promise.resolve(encode(values, dtype));
  });
  await writeFile(join(dir, "config.json"), JSON.stringify(TINY_CONFIGS[arch], null, 2));
  return path;
}

/** The source values of a tensor as float32, as the quantizer reads them. */
export function tinySource(arch: TinyArch, name: string, dtype: Dtype = "F32"): Float32Array {
  const shape = tinyShapes(arch).get(name);
  if (shape === undefined) throw new Error(name);
  const values = tinyValues(
    name,
    shape.reduce((a, b) => a * b, 1),
  );
  if (dtype === "F32") return values;
  const bytes = encode(values, dtype);
  const back = new Float32Array(new SharedArrayBuffer(values.length * 4));
  if (dtype === "BF16") KERNELS.decodeBf16(bytes, 0, values.length, back, 0);
  else KERNELS.decodeF16(bytes, 0, values.length, back, 0);
  return back;
}
