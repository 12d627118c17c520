import { access } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { evaluateVariant } from "../../src/evaluate/evaluate-variant.js";
import { GgufFile } from "../../src/formats/gguf-file.js";
import { KERNELS } from "../../src/quantize/kernel-registry.js";
import { quantizeModel } from "../../src/quantize/quantize-model.js";
import type { QuantScheme } from "../../src/quantize/variant.js";
import { scratch } from "../helpers/temp.js";
import { ggufPyDump, hfGguf } from "../formats/gguf-interop.js";
import { tinySource, writeTinyModel } from "./tiny-model.js";

/** Types of every tensor of a GGUF file, by name. */
async function typesOf(path: string): Promise<Record<string, string>> {
  const file = await GgufFile.open(path);
  try {
    return Object.fromEntries(file.tensors.map((t) => [t.name, t.type.name]));
  } finally {
    await file.close();
  }
}

/** Rows of head h move from h*D + s*D/2 + j to h*D + 2j + s: numpy's reshape/swapaxes, spelled out. */
function permutedRows(
  values: Float32Array,
  heads: number,
  rows: number,
  cols: number,
): Float32Array {
  const out = new Float32Array(values.length);
  const perHead = rows / heads;
  for (let r = 0; r < rows; r++) {
    const h = Math.floor(r / perHead);
    const within = r % perHead;
    const j = Math.floor(within / 2);
    const s = within % 2;
    const from = h * perHead + s * (perHead / 2) + j;
    out.set(values.subarray(from * cols, (from + 1) * cols), r * cols);
  }
  return out;
}

describe("GGUF variants of a Llama model", () => {
  let dir: Awaited<ReturnType<typeof scratch>>;
  let input: string;
  let q4km: string;

  beforeAll(async () => {
    dir = await scratch();
    input = await writeTinyModel(dir.dir, "llama");
    q4km = join(dir.dir, "tiny-1m-q4_k_m.gguf");
    await quantizeModel({ input, scheme: "q4_k_m", output: q4km, threads: 2 });
  });
  afterAll(async () => {
    await dir.remove();
  });

  it("writes llama.cpp's tensor names in llama-quantize's order, with the Q4_K_M mix", async () => {
    const types = await typesOf(q4km);
    expect(Object.keys(types)).toEqual([
      "output.weight",
      "output_norm.weight",
      "token_embd.weight",
      ...[0, 1].flatMap((l) =>
        [
          "attn_k.weight",
          "attn_norm.weight",
          "attn_output.weight",
          "attn_q.weight",
          "attn_v.weight",
          "ffn_down.weight",
          "ffn_gate.weight",
          "ffn_norm.weight",
          "ffn_up.weight",
        ].map((n) => `blk.${l}.${n}`),
      ),
    ]);
    expect(types["output.weight"]).toBe("Q6_K");
    expect(types["token_embd.weight"]).toBe("Q4_K");
    expect(types["output_norm.weight"]).toBe("F32");
    expect(types["blk.0.attn_norm.weight"]).toBe("F32");
    // use_more_bits(i, 2) holds for the last layer only
    expect([types["blk.0.attn_v.weight"], types["blk.1.attn_v.weight"]]).toEqual(["Q4_K", "Q6_K"]);
    expect([types["blk.0.ffn_down.weight"], types["blk.1.ffn_down.weight"]]).toEqual([
      "Q4_K",
      "Q6_K",
    ]);
    expect(types["blk.1.ffn_gate.weight"]).toBe("Q4_K");
  });

  it("writes the architecture metadata llama.cpp reads, with its types", async () => {
    const file = await GgufFile.open(q4km);
    try {
      const m = file.metadata;
      expect(m.get("general.architecture")).toEqual({ type: "string", value: "llama" });
      expect(m.get("general.name")).toEqual({ type: "string", value: "tiny-1m-q4_k_m" });
      expect(m.get("general.file_type")).toEqual({ type: "uint32", value: 15 });
      expect(m.get("general.quantization_version")).toEqual({ type: "uint32", value: 2 });
      expect(m.get("general.alignment")).toEqual({ type: "uint32", value: 32 });
      expect(m.get("llama.context_length")).toEqual({ type: "uint32", value: 2048 });
      expect(m.get("llama.embedding_length")).toEqual({ type: "uint32", value: 256 });
      expect(m.get("llama.block_count")).toEqual({ type: "uint32", value: 2 });
      expect(m.get("llama.feed_forward_length")).toEqual({ type: "uint32", value: 256 });
      expect(m.get("llama.attention.head_count")).toEqual({ type: "uint32", value: 4 });
      expect(m.get("llama.attention.head_count_kv")).toEqual({ type: "uint32", value: 2 });
      expect(m.get("llama.rope.freq_base")).toEqual({ type: "float32", value: 500000 });
      expect(m.get("llama.attention.layer_norm_rms_epsilon")?.type).toBe("float32");
      expect(m.get("llama.vocab_size")).toEqual({ type: "uint32", value: 32 });
      expect(m.get("llama.rope.dimension_count")).toEqual({ type: "uint32", value: 64 });
    } finally {
      await file.close();
    }
  });

  it("writes Q and K with llama.cpp's rotary permutation, in ggml's exact Q4_K bytes", async () => {
    const file = await GgufFile.open(q4km);
    try {
      for (const [hf, gg, heads, rows] of [
        ["model.layers.1.self_attn.q_proj.weight", "blk.1.attn_q.weight", 4, 256],
        ["model.layers.1.self_attn.k_proj.weight", "blk.1.attn_k.weight", 2, 128],
        ["model.layers.1.self_attn.v_proj.weight", "blk.1.attn_v.weight", 1, 128],
      ] as const) {
        const source = tinySource("llama", hf);
        const values = gg.includes("attn_v") ? source : permutedRows(source, heads, rows, 256);
        const info = file.tensor(gg);
        if (info === undefined) throw new Error(gg);
        const expected = new Uint8Array(info.nbytes);
        const blocks = values.length / 256;
        if (info.type.name === "Q6_K") KERNELS.quantizeQ6_KWasm(values, 0, blocks, expected, 0);
        else KERNELS.quantizeQ4_KWasm(values, 0, blocks, expected, 0);
        expect(Buffer.from(await file.readTensor(info)).equals(expected)).toBe(true);
      }
    } finally {
      await file.close();
    }
  });

  it("evaluates within a Q4_K budget and compresses 3.5× or more against FP32", async () => {
    const evaluation = await evaluateVariant({ source: input, variant: q4km, threads: 2 });
    const byName = new Map(evaluation.tensors.map((t) => [t.name, t]));
    expect(evaluation.tensors).toHaveLength(21);
    expect(byName.get("blk.0.attn_norm.weight")).toMatchObject({ cosine: 1, maxAbsError: 0 });
    expect(evaluation.summary.minCosine).toBeGreaterThan(0.99);
    expect(evaluation.summary.minCosine).toBeLessThan(1);
    expect(evaluation.summary.maxAbsError).toBeGreaterThan(0);
    expect(evaluation.compressionRatioVsF32).toBeGreaterThan(3.5);
    expect(evaluation.compressionRatio).toBeCloseTo(evaluation.compressionRatioVsF32, 1);
  });

  it("is read the same by llama.cpp's gguf-py and by @huggingface/gguf", async () => {
    const dump = await ggufPyDump(q4km);
    if (typeof dump === "string") {
      if (dump.startsWith("ERROR")) throw new Error(dump);
      console.log(`skipped gguf-py: ${dump}`);
    } else {
      const types = await typesOf(q4km);
      expect(Object.fromEntries(dump.tensors.map((t) => [t.name, t.type]))).toEqual(types);
      expect(dump.metadata.find((m) => m.key === "llama.block_count")?.value).toBe(2);
    }
    const parsed = await hfGguf(q4km);
    if (typeof parsed === "string") console.log(`skipped: ${parsed}`);
    else expect(parsed.metadata["general.architecture"]).toBe("llama");
  });

  it.each([
    [
      "q8_0",
      { "output.weight": "Q8_0", "token_embd.weight": "Q8_0", "blk.1.attn_v.weight": "Q8_0" },
    ],
    [
      "q4_0",
      { "output.weight": "Q6_K", "token_embd.weight": "Q4_0", "blk.1.attn_v.weight": "Q4_0" },
    ],
    [
      "q4_k",
      { "output.weight": "Q4_K", "token_embd.weight": "Q4_K", "blk.1.ffn_down.weight": "Q4_K" },
    ],
    ["q6_k", { "output.weight": "Q6_K", "blk.0.ffn_up.weight": "Q6_K" }],
    ["f16", { "output.weight": "F16", "blk.0.attn_norm.weight": "F32" }],
    ["bf16", { "token_embd.weight": "BF16", "output_norm.weight": "F32" }],
  ] as [QuantScheme, Record<string, string>][])(
    "%s gives each tensor llama.cpp's type",
    async (scheme, expected) => {
      const output = join(dir.dir, `tiny-${scheme}.gguf`);
      await quantizeModel({ input, scheme, output, format: "gguf", threads: 0 });
      expect(await typesOf(output)).toMatchObject(expected);
    },
  );
});

describe("GGUF variants of a Qwen2 model (bf16, tied embeddings, biases, 64-wide rows)", () => {
  let dir: Awaited<ReturnType<typeof scratch>>;
  let input: string;
  let output: string;

  beforeAll(async () => {
    dir = await scratch();
    input = await writeTinyModel(dir.dir, "qwen2", "BF16");
    output = join(dir.dir, "qwen.gguf");
    await quantizeModel({ input, scheme: "q4_k_m", output, name: "Tiny Qwen" });
  });
  afterAll(async () => {
    await dir.remove();
  });

  it("falls back as llama.cpp does where rows are not whole 256-value blocks", async () => {
    const types = await typesOf(output);
    expect(types["output.weight"]).toBeUndefined();
    // tied embeddings: token_embd takes output's Q6_K, and Q8_0 since 64 is not a multiple of 256
    expect(types["token_embd.weight"]).toBe("Q8_0");
    expect(types["blk.0.attn_q.weight"]).toBe("Q5_0");
    expect(types["blk.0.attn_q.bias"]).toBe("F32");
    expect(types["blk.0.ffn_gate.weight"]).toBe("Q5_0");
    // use_more_bits(i, 4): layers 2 and 3; attn_v's Q6_K falls back to Q8_0, ffn_down keeps it
    expect([0, 1, 2, 3].map((l) => types[`blk.${l}.attn_v.weight`])).toEqual([
      "Q5_0",
      "Q5_0",
      "Q8_0",
      "Q8_0",
    ]);
    expect([0, 1, 2, 3].map((l) => types[`blk.${l}.ffn_down.weight`])).toEqual([
      "Q4_K",
      "Q4_K",
      "Q6_K",
      "Q6_K",
    ]);
  });

  it("writes qwen2 metadata and leaves Q/K unpermuted", async () => {
    const file = await GgufFile.open(output);
    try {
      expect(file.metadata.get("general.architecture")).toEqual({ type: "string", value: "qwen2" });
      expect(file.metadata.get("general.name")).toEqual({ type: "string", value: "Tiny Qwen" });
      expect(file.metadata.get("qwen2.attention.head_count_kv")).toEqual({
        type: "uint32",
        value: 1,
      });
      expect(file.metadata.get("qwen2.context_length")).toEqual({ type: "uint32", value: 32768 });
      const info = file.tensor("blk.3.attn_q.weight");
      if (info === undefined) throw new Error("attn_q");
      const source = tinySource("qwen2", "model.layers.3.self_attn.q_proj.weight", "BF16");
      const expected = new Uint8Array(info.nbytes);
      KERNELS.quantizeQ5_0(source, 0, source.length / 32, expected, 0);
      expect(Buffer.from(await file.readTensor(info)).equals(expected)).toBe(true);
    } finally {
      await file.close();
    }
  });

  it("evaluates every tensor against the bf16 source", async () => {
    const evaluation = await evaluateVariant({ source: dir.dir, variant: output });
    expect(evaluation.summary.tensors).toBe(2 + 4 * 12);
    expect(evaluation.summary.minCosine).toBeGreaterThan(0.99);
  });
});

describe("GGUF refusals", () => {
  let dir: Awaited<ReturnType<typeof scratch>>;
  beforeAll(async () => {
    dir = await scratch();
  });
  afterAll(async () => {
    await dir.remove();
  });

  it("names an architecture it cannot map", async () => {
    const input = await writeTinyModel(dir.dir, "llama");
    const config = join(dir.dir, "mistral.json");
    await import("node:fs/promises").then((fs) =>
      fs.writeFile(config, JSON.stringify({ architectures: ["MistralForCausalLM"] })),
    );
    await expect(
      quantizeModel({ input, scheme: "q8_0", output: join(dir.dir, "m.gguf"), config }),
    ).rejects.toMatchObject({
      code: "INPUT_UNSUPPORTED",
      message: expect.stringMatching(
        /architecture MistralForCausalLM is not supported for GGUF yet/,
      ),
    });
    await expect(access(join(dir.dir, "m.gguf.partial"))).rejects.toThrow();
  });

  it("refuses non-finite weights for ggml block types, naming the tensor and element", async () => {
    const sub = join(dir.dir, "nan");
    await import("node:fs/promises").then((fs) => fs.mkdir(sub));
    const input = await writeTinyModel(sub, "llama", "F32", (name, values) => {
      if (name === "model.layers.1.mlp.up_proj.weight") values[1234] = Number.NaN;
    });
    await expect(
      quantizeModel({ input, scheme: "q4_0", output: join(sub, "x.gguf"), threads: 1 }),
    ).rejects.toMatchObject({
      code: "INPUT_UNSUPPORTED",
      message: expect.stringMatching(
        /model.layers.1.mlp.up_proj.weight \(blk.1.ffn_up.weight\) holds NaN at element 1234/,
      ),
    });
  });

  it("refuses an input that is not safetensors, and an index without a weight map", async () => {
    const fs = await import("node:fs/promises");
    const bin = join(dir.dir, "pytorch_model.bin");
    await fs.writeFile(bin, "not a checkpoint");
    await expect(
      quantizeModel({ input: bin, scheme: "q8_0", output: join(dir.dir, "y.gguf") }),
    ).rejects.toMatchObject({
      code: "INPUT_UNSUPPORTED",
      message: expect.stringMatching(/quantize reads safetensors.*convert other formats first/),
    });
    const index = join(dir.dir, "model.safetensors.index.json");
    await fs.writeFile(index, JSON.stringify({ metadata: {} }));
    await expect(
      quantizeModel({ input: index, scheme: "q8_0", output: join(dir.dir, "y.gguf") }),
    ).rejects.toMatchObject({
      code: "INPUT_MALFORMED",
      message: expect.stringMatching(/has no "weight_map"/),
    });
  });
});
