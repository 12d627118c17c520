import { describe, expect, it } from "@jest/globals";
import {
  chooseTensorTypes,
  isQuantizable,
  useMoreBits,
  type TypedTensor,
} from "../../src/quantize/ggml-type-rules.js";
import { compareGgufNames, ggufTensorName } from "../../src/quantize/llama-tensor-names.js";
import { readModelConfig } from "../../src/quantize/model-config.js";
import { permuteQK } from "../../src/quantize/qk-permute.js";
import { variantFileName } from "../../src/quantize/variant.js";

/** A Qwen2-0.5B-shaped tensor list (hidden 896, FFN 4864, 24 layers, tied embeddings), GGUF order. */
function qwen05b(): TypedTensor[] {
  const out: TypedTensor[] = [
    { name: "output_norm.weight", ne: [896] },
    { name: "token_embd.weight", ne: [896, 151936] },
  ];
  for (let l = 0; l < 24; l++) {
    out.push(
      { name: `blk.${l}.attn_k.bias`, ne: [128] },
      { name: `blk.${l}.attn_k.weight`, ne: [896, 128] },
      { name: `blk.${l}.attn_norm.weight`, ne: [896] },
      { name: `blk.${l}.attn_output.weight`, ne: [896, 896] },
      { name: `blk.${l}.attn_q.weight`, ne: [896, 896] },
      { name: `blk.${l}.attn_v.weight`, ne: [896, 128] },
      { name: `blk.${l}.ffn_down.weight`, ne: [4864, 896] },
      { name: `blk.${l}.ffn_gate.weight`, ne: [896, 4864] },
    );
  }
  return out.sort((a, b) => compareGgufNames(a.name, b.name));
}

describe("llama.cpp's Q4_K_M type choice", () => {
  it("use_more_bits picks the first and last eighth and every third layer between", () => {
    const picked = Array.from({ length: 24 }, (_, i) => i).filter((i) => useMoreBits(i, 24));
    expect(picked).toEqual([0, 1, 2, 5, 8, 11, 14, 17, 20, 21, 22, 23]);
    expect([0, 1, 2, 3].filter((i) => useMoreBits(i, 4))).toEqual([2, 3]);
  });

  it("keeps norms, biases and 1-D tensors in F32", () => {
    expect(isQuantizable("blk.0.attn_norm.weight", [896, 1])).toBe(false);
    expect(isQuantizable("blk.0.attn_q.bias", [896])).toBe(false);
    expect(isQuantizable("blk.0.ffn_gate_inp.weight", [896, 8])).toBe(false);
    expect(isQuantizable("blk.0.attn_q.weight", [896, 896])).toBe(true);
  });

  it("gives a Qwen2-0.5B-shaped model the types of llama-quantize Q4_K_M", () => {
    const tensors = qwen05b();
    const types: Record<string, string> = {};
    for (const [i, type] of chooseTensorTypes(tensors, "q4_k_m", 24).entries()) {
      types[tensors[i]?.name ?? ""] = type;
    }
    expect(types["token_embd.weight"]).toBe("Q8_0");
    expect(types["output_norm.weight"]).toBe("F32");
    expect(types["blk.0.attn_k.bias"]).toBe("F32");
    expect(types["blk.3.attn_q.weight"]).toBe("Q5_0");
    expect(types["blk.3.ffn_gate.weight"]).toBe("Q5_0");
    const more = [0, 1, 2, 5, 8, 11, 14, 17, 20, 21, 22, 23];
    for (let l = 0; l < 24; l++) {
      expect([l, types[`blk.${l}.ffn_down.weight`]]).toEqual([
        l,
        more.includes(l) ? "Q6_K" : "Q4_K",
      ]);
      expect([l, types[`blk.${l}.attn_v.weight`]]).toEqual([l, more.includes(l) ? "Q8_0" : "Q5_0"]);
    }
  });

  it("gives output.weight Q6_K unless the scheme is Q8_0, and untied token_embd the scheme's type", () => {
    const tensors: TypedTensor[] = [
      { name: "output.weight", ne: [4096, 32000] },
      { name: "token_embd.weight", ne: [4096, 32000] },
    ];
    expect(chooseTensorTypes(tensors, "q4_k_m", 32)).toEqual(["Q6_K", "Q4_K"]);
    expect(chooseTensorTypes(tensors, "q4_0", 32)).toEqual(["Q6_K", "Q4_0"]);
    expect(chooseTensorTypes(tensors, "q8_0", 32)).toEqual(["Q8_0", "Q8_0"]);
    expect(chooseTensorTypes(tensors, "q4_k", 32)).toEqual(["Q4_K", "Q4_K"]);
    expect(chooseTensorTypes(tensors, "f16", 32)).toEqual(["F16", "F16"]);
  });

  it("falls back to F16 when no block type fits, and refuses rows a legacy type cannot hold", () => {
    expect(chooseTensorTypes([{ name: "blk.0.ffn_up.weight", ne: [48, 8] }], "q4_k_m", 1)).toEqual([
      "F16",
    ]);
    expect(() =>
      chooseTensorTypes([{ name: "blk.0.ffn_up.weight", ne: [48, 8] }], "q8_0", 1),
    ).toThrow(/rows of 48 values are not a multiple of the Q8_0 block size 32/);
  });

  it("refuses Q4_K_M of an 80-layer model, whose attn_v needs Q5_K", () => {
    expect(() =>
      chooseTensorTypes(
        [
          { name: "blk.1.attn_v.weight", ne: [8192, 1024] },
          { name: "blk.0.attn_v.weight", ne: [8192, 1024] },
        ],
        "q4_k_m",
        80,
      ),
    ).toThrow(/Q5_K, which is not implemented yet/);
  });
});

const LLAMA = readModelConfig(
  {
    architectures: ["LlamaForCausalLM"],
    hidden_size: 64,
    intermediate_size: 128,
    num_hidden_layers: 2,
    num_attention_heads: 4,
    max_position_embeddings: 128,
    vocab_size: 10,
    rope_scaling: { rope_type: "yarn", factor: 4, original_max_position_embeddings: 32 },
  },
  "config.json",
);

describe("config.json and tensor names", () => {
  it("reads a llama config with defaults (kv heads = heads, rope theta 10000)", () => {
    expect(LLAMA).toMatchObject({
      architecture: "llama",
      kvHeads: 4,
      headDim: 16,
      ropeTheta: 10000,
      tieWordEmbeddings: false,
      ropeScaling: { type: "yarn", factor: 4, originalContextLength: 32 },
    });
  });

  it.each<[unknown, RegExp, string]>([
    [
      { architectures: ["GPT2LMHeadModel"] },
      /architecture GPT2LMHeadModel is not supported for GGUF yet/,
      "INPUT_UNSUPPORTED",
    ],
    [{ model_type: "mistral" }, /architecture mistral is not supported/, "INPUT_UNSUPPORTED"],
    [[], /not a JSON object/, "INPUT_MALFORMED"],
    [
      { model_type: "qwen2", hidden_size: 64 },
      /"num_attention_heads" must be a positive integer, got null/,
      "INPUT_MALFORMED",
    ],
    [
      { ...LLAMA_JSON(), num_attention_heads: 5 },
      /hidden_size 64 is not a multiple of num_attention_heads 5/,
      "INPUT_MALFORMED",
    ],
    [
      { ...LLAMA_JSON(), num_key_value_heads: 3 },
      /num_attention_heads 4 is not a multiple of num_key_value_heads 3/,
      "INPUT_MALFORMED",
    ],
    [
      { ...LLAMA_JSON(), rms_norm_eps: "x" },
      /"rms_norm_eps" must be a positive number/,
      "INPUT_MALFORMED",
    ],
    [
      { ...LLAMA_JSON(), rope_scaling: { rope_type: "llama3", factor: 8 } },
      /rope_scaling type "llama3" is not supported/,
      "INPUT_UNSUPPORTED",
    ],
    [
      { ...LLAMA_JSON(), rope_scaling: { type: "linear" } },
      /"rope_scaling.factor" must be a positive number/,
      "INPUT_MALFORMED",
    ],
  ])("refuses %j", (json, message, code) => {
    expect(() => readModelConfig(json, "config.json")).toThrow(message);
    try {
      readModelConfig(json, "config.json");
    } catch (error) {
      expect((error as { code?: string }).code).toBe(code);
    }
  });

  it("maps Hugging Face names to llama.cpp's, dropping rotary buffers", () => {
    expect(ggufTensorName("model.layers.1.self_attn.q_proj.weight", LLAMA)).toBe(
      "blk.1.attn_q.weight",
    );
    expect(ggufTensorName("model.layers.0.mlp.down_proj.weight", LLAMA)).toBe(
      "blk.0.ffn_down.weight",
    );
    expect(ggufTensorName("lm_head.weight", LLAMA)).toBe("output.weight");
    expect(ggufTensorName("model.layers.0.self_attn.rotary_emb.inv_freq", LLAMA)).toBeUndefined();
    expect(() => ggufTensorName("model.layers.0.mlp.experts.0.w1.weight", LLAMA)).toThrow(
      /has no GGUF name for architecture llama/,
    );
    expect(() => ggufTensorName("model.layers.2.mlp.up_proj.weight", LLAMA)).toThrow(
      /layer 2, but config.json has num_hidden_layers 2/,
    );
  });

  it("orders names like llama-quantize: outside the blocks first, then by layer number", () => {
    const names = ["blk.10.a", "blk.2.b", "token_embd.weight", "blk.2.a", "output.weight"];
    expect(names.sort(compareGgufNames)).toEqual([
      "output.weight",
      "token_embd.weight",
      "blk.2.a",
      "blk.2.b",
      "blk.10.a",
    ]);
  });

  it("permutes Q/K rows as reshape(heads, 2, D/2, cols).swapaxes(1, 2) does", () => {
    const rows = 8;
    const data = new Float32Array(rows * 2);
    for (let r = 0; r < rows; r++) data.set([r, r + 0.5], r * 2);
    const out = permuteQK(data, rows, 2, 2);
    // head 0 rows 0..3 = [0 1 | 2 3] → interleaved 0 2 1 3; head 1 likewise from 4
    expect([...out].filter((_, i) => i % 2 === 0)).toEqual([0, 2, 1, 3, 4, 6, 5, 7]);
    expect(() => permuteQK(new Float32Array(6), 3, 2, 2)).toThrow(/cannot permute 3 rows/);
  });

  it("names files {id}-{size}-{quant}.{ext} without repeating the size", () => {
    expect(variantFileName("ruvltra", "0.5b", "q4_k_m", "gguf")).toBe("ruvltra-0.5b-q4_k_m.gguf");
    expect(variantFileName("ruvltra-0.5b", "0.5b", "q8_0", "gguf")).toBe("ruvltra-0.5b-q8_0.gguf");
    expect(() => variantFileName("ruvltra", "0.5 B", "q8_0", "gguf")).toThrow(/size "0.5 B"/);
  });
});

function LLAMA_JSON(): Record<string, unknown> {
  return {
    architectures: ["LlamaForCausalLM"],
    hidden_size: 64,
    intermediate_size: 128,
    num_hidden_layers: 2,
    num_attention_heads: 4,
    max_position_embeddings: 128,
    vocab_size: 10,
  };
}
