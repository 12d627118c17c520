import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { evaluateVariant } from "../../src/evaluate/evaluate-variant.js";
import { SafetensorsFile } from "../../src/formats/safetensors-file.js";
import { KERNELS } from "../../src/quantize/kernel-registry.js";
import { quantizeModel } from "../../src/quantize/quantize-model.js";
import { scratch } from "../helpers/temp.js";
import { tinySource, writeTinyModel } from "./tiny-model.js";

describe("low-bit safetensors variants", () => {
  let dir: Awaited<ReturnType<typeof scratch>>;
  let input: string;

  beforeAll(async () => {
    dir = await scratch();
    input = await writeTinyModel(dir.dir, "llama");
  });
  afterAll(async () => {
    await dir.remove();
  });

  async function open(path: string): Promise<SafetensorsFile> {
    return SafetensorsFile.open(path);
  }

  it("int8: I8 weights with F32 per-row scales beside them, layout in __metadata__", async () => {
    const output = join(dir.dir, "int8.safetensors");
    const result = await quantizeModel({ input, scheme: "int8", output, threads: 2 });
    expect(result.format).toBe("safetensors");
    const file = await open(output);
    try {
      expect(file.metadata?.quantization).toBe("int8");
      expect(file.metadata?.["quantization.layout"]).toMatch(/W_scale \(F32, \[rows\]\)/);
      const q = file.tensor("model.layers.0.mlp.up_proj.weight");
      const scale = file.tensor("model.layers.0.mlp.up_proj.weight_scale");
      expect([q?.dtype, q?.shape, scale?.dtype, scale?.shape]).toEqual([
        "I8",
        [256, 256],
        "F32",
        [256],
      ]);
      expect(file.tensor("model.norm.weight")?.dtype).toBe("F32");
      expect(file.tensor("model.norm.weight_scale")).toBeUndefined();
      const source = tinySource("llama", "model.layers.0.mlp.up_proj.weight");
      const expectedQ = new Uint8Array(source.length);
      const expectedScale = new Float32Array(256);
      KERNELS.quantizeInt8Rows(source, 0, 256, 256, expectedQ, 0, expectedScale, 0);
      expect(
        Buffer.from(await file.readTensor("model.layers.0.mlp.up_proj.weight")).equals(expectedQ),
      ).toBe(true);
      expect(
        Buffer.from(await file.readTensor("model.layers.0.mlp.up_proj.weight_scale")).equals(
          Buffer.from(expectedScale.buffer),
        ),
      ).toBe(true);
    } finally {
      await file.close();
    }
    const evaluation = await evaluateVariant({ source: input, variant: output });
    expect(evaluation.summary.minCosine).toBeGreaterThan(0.9999);
    expect(evaluation.compressionRatioVsF32).toBeGreaterThan(3.5);
  });

  it("int4: packed nibbles, grouped scales and the original shape, group size recorded", async () => {
    const output = join(dir.dir, "int4.safetensors");
    await quantizeModel({ input, scheme: "int4", output, groupSize: 64 });
    const file = await open(output);
    try {
      expect(file.metadata?.quantization).toBe("int4");
      expect(file.metadata?.["quantization.group_size"]).toBe("64");
      const name = "model.layers.1.self_attn.k_proj.weight";
      expect(file.tensor(name)).toBeUndefined();
      expect(file.tensor(`${name}_packed`)?.shape).toEqual([128, 128]);
      expect(file.tensor(`${name}_scale`)?.shape).toEqual([128, 4]);
      expect([
        ...new BigInt64Array(Uint8Array.from(await file.readTensor(`${name}_shape`)).buffer),
      ]).toEqual([128n, 256n]);
    } finally {
      await file.close();
    }
    const evaluation = await evaluateVariant({ source: input, variant: output, threads: 0 });
    const k = evaluation.tensors.find(
      (t) => t.name === "model.layers.1.self_attn.k_proj.weight_packed",
    );
    expect(k?.type).toBe("INT4");
    expect(k?.cosine).toBeGreaterThan(0.98);
    expect(evaluation.tensors.find((t) => t.source === "model.norm.weight")?.maxAbsError).toBe(0);
    expect(evaluation.compressionRatioVsF32).toBeGreaterThan(6);
  });

  it.each(["f16", "bf16"] as const)(
    "%s converts every float tensor and keeps the rest",
    async (scheme) => {
      const output = join(dir.dir, `${scheme}.safetensors`);
      await quantizeModel({ input, scheme, output });
      const file = await open(output);
      try {
        expect(file.tensors.every((t) => t.dtype === scheme.toUpperCase())).toBe(true);
        expect(file.metadata?.["quantization.layout"]).toMatch(/round-to-nearest-even/);
      } finally {
        await file.close();
      }
      const evaluation = await evaluateVariant({ source: input, variant: output });
      expect(evaluation.summary.minCosine).toBeGreaterThan(scheme === "f16" ? 0.999999 : 0.9999);
      expect(evaluation.compressionRatio).toBeCloseTo(2, 1);
    },
  );

  it("names int8 in GGUF as a usage error", async () => {
    await expect(
      quantizeModel({ input, scheme: "int8", output: join(dir.dir, "x.gguf"), format: "gguf" }),
    ).rejects.toMatchObject({ code: "USAGE" });
    await expect(
      quantizeModel({
        input,
        scheme: "q8_0",
        output: join(dir.dir, "x.st"),
        format: "safetensors",
      }),
    ).rejects.toMatchObject({ code: "USAGE" });
  });
});
