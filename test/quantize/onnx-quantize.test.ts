import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ModelPublishError } from "../../src/errors.js";
import { onnxParity } from "../../src/evaluate/onnx-parity.js";
import { readOnnx } from "../../src/formats/onnx-model.js";
import type { ModelProto, NodeProto } from "../../src/formats/onnx-proto-types.js";
import {
  quantizeOnnx,
  type OnnxScheme,
  type QuantizeOnnxOptions,
} from "../../src/quantize/onnx-quantize.js";
import { scratch } from "../helpers/temp.js";
import {
  FIXTURE_MODELS,
  fixture,
  hasPythonOnnx,
  matmulModel,
  onnxChecker,
  saveModel,
} from "./onnx-helpers.js";

const PASSES: [string, OnnxScheme, QuantizeOnnxOptions][] = [
  ["int8-weight-only", "onnx-int8", {}],
  ["int8-dynamic", "onnx-int8", { form: "dynamic" }],
  ["int4-asym-32", "onnx-int4", { blockSize: 32 }],
  ["int4-sym-128", "onnx-int4", { blockSize: 128, symmetric: true }],
  ["fp16", "onnx-fp16", {}],
];

const ops = (proto: ModelProto): string[] => (proto.graph?.node ?? []).map((n) => n.opType ?? "");
const initializerTypes = (proto: ModelProto): Map<string, number> =>
  new Map((proto.graph?.initializer ?? []).map((t) => [t.name ?? "", t.dataType ?? 0]));

let dir: string;
let remove: () => Promise<void>;
const written: string[] = [];

beforeAll(async () => {
  ({ dir, remove } = await scratch());
});
afterAll(() => remove());

describe.each(FIXTURE_MODELS)("%s fixture", (model) => {
  it.each(PASSES)(
    "%s: runs in onnxruntime within the default budget",
    async (label, scheme, options) => {
      const out = join(dir, `${model}.${label}.onnx`);
      const result = await quantizeOnnx(fixture(model), out, scheme, options);
      written.push(out);
      expect(result.files).toEqual([out]);
      expect(result.bytes).toBeLessThan(result.inputBytes);
      expect(result.quantized.length).toBeGreaterThan(0);
      const [report] = await onnxParity(fixture(model), [{ path: out, scheme }], {
        inputs: fixture(model, ".inputs.npz"),
      });
      expect(report?.violations).toEqual([]);
      expect(report?.compression).toBeGreaterThan(1);
      // Quantizing again gives the same bytes.
      const again = join(dir, `${model}.${label}.again.onnx`);
      await quantizeOnnx(fixture(model), again, scheme, options);
      expect((await readFile(again)).equals(await readFile(out))).toBe(true);
    },
  );
});

describe("onnx checker", () => {
  it("accepts every variant of every fixture", () => {
    if (!hasPythonOnnx()) {
      console.log("skipped: /usr/bin/python3 has no onnx module (apt-get install python3-onnx)");
      return;
    }
    expect(written).toHaveLength(FIXTURE_MODELS.length * PASSES.length);
    const result = onnxChecker(written);
    expect(result.output).not.toMatch(/Error/);
    expect(result.ok).toBe(true);
  });
});

describe("graphs as onnxruntime's quantizers write them", () => {
  it("weight-only INT8: a per-channel DequantizeLinear in front of each Gemm, float weights gone", async () => {
    const out = join(dir, "wo.onnx");
    await quantizeOnnx(fixture("mlp"), out, "onnx-int8");
    const { proto } = await readOnnx(out);
    expect(ops(proto).filter((o) => o === "DequantizeLinear")).toHaveLength(3);
    const types = initializerTypes(proto);
    expect(types.get("fc1.weight_quantized")).toBe(3);
    expect(types.get("fc1.weight_scale")).toBe(1);
    expect(types.has("fc1.weight")).toBe(false);
    const dq = proto.graph?.node?.find((n) => n.opType === "DequantizeLinear");
    expect(dq?.attribute?.[0]).toMatchObject({ name: "axis", i: expect.anything() });
  });

  it("dynamic INT8: DynamicQuantizeLinear → MatMulInteger → Cast → Mul, as quantize_dynamic", async () => {
    const out = join(dir, "dyn.onnx");
    await quantizeOnnx(fixture("transformer"), out, "onnx-int8", { form: "dynamic" });
    const { proto } = await readOnnx(out);
    const o = ops(proto);
    expect(o.filter((x) => x === "MatMulInteger")).toHaveLength(6);
    // q, k, v share one activation: one DynamicQuantizeLinear for ln1's output
    expect(o.filter((x) => x === "DynamicQuantizeLinear")).toHaveLength(4);
    const mm = proto.graph?.node?.find((n) => n.opType === "MatMulInteger");
    expect(mm?.name).toBe("/q/MatMul_quant");
    expect(mm?.input).toEqual([
      "/ln1/LayerNormalization_output_0_quantized",
      "onnx::MatMul_123_quantized",
      "/ln1/LayerNormalization_output_0_zero_point",
      "onnx::MatMul_123_zero_point",
    ]);
  });

  it("INT4: MatMulNBits (com.microsoft) with K, N, bits, block_size and packed [N, blocks, 16] weights", async () => {
    const out = join(dir, "q4.onnx");
    await quantizeOnnx(fixture("mlp"), out, "onnx-int4", { blockSize: 32, accuracyLevel: 4 });
    const { proto } = await readOnnx(out);
    expect(proto.opsetImport?.some((o) => o.domain === "com.microsoft")).toBe(true);
    const node = proto.graph?.node?.find((n) => n.opType === "MatMulNBits") as NodeProto;
    expect(node.domain).toBe("com.microsoft");
    const attrs = Object.fromEntries(
      (node.attribute ?? []).map((a) => [a.name ?? "", Number(a.i)]),
    );
    expect(attrs).toEqual({ K: 64, N: 128, bits: 4, block_size: 32, accuracy_level: 4 });
    const b = proto.graph?.initializer?.find((t) => t.name === node.input?.[1]);
    expect(b?.dims?.map(Number)).toEqual([128, 2, 16]);
    expect(node.input).toHaveLength(4);
  });

  it("leaves excluded and small weights alone, and says why", async () => {
    const out = join(dir, "ex.onnx");
    const result = await quantizeOnnx(fixture("mlp"), out, "onnx-int8", {
      exclude: ["/fc2/Gemm"],
      minElements: 4096,
    });
    expect(result.quantized).toEqual(["/fc1/Gemm"]);
    expect(result.skipped).toEqual([
      { node: "/fc2/Gemm", reason: "excluded" },
      { node: "/fc3/Gemm", reason: "weight has 2048 elements (< 4096)" },
    ]);
    const types = initializerTypes((await readOnnx(out)).proto);
    expect(types.get("fc2.weight")).toBe(1);
    expect(types.get("fc3.weight")).toBe(1);
  });

  it("refuses an exclude name the model does not have", async () => {
    const run = quantizeOnnx(fixture("mlp"), join(dir, "x.onnx"), "onnx-int4", {
      exclude: ["/fc9/Gemm"],
    });
    await expect(run).rejects.toThrow(
      /exclude names node "\/fc9\/Gemm" that the model does not have/,
    );
    await expect(run).rejects.toMatchObject({ code: "USAGE" });
  });

  it("refuses an unknown form or scheme", async () => {
    await expect(
      quantizeOnnx(fixture("mlp"), join(dir, "x.onnx"), "onnx-int8", {
        form: "static" as "dynamic",
      }),
    ).rejects.toMatchObject({ code: "USAGE" });
    await expect(
      quantizeOnnx(fixture("mlp"), join(dir, "x.onnx"), "onnx-int2" as OnnxScheme),
    ).rejects.toThrow(ModelPublishError);
  });
});

describe("Gemm and MatMul forms", () => {
  const cases: [string, Parameters<typeof matmulModel>[0]][] = [
    ["MatMul [K, N]", { k: 96, n: 40 }],
    ["Gemm transB=0 with alpha", { k: 64, n: 48, gemm: { alpha: 0.5 } }],
    [
      "Gemm transB=1 with bias and beta",
      { k: 80, n: 32, gemm: { transB: true, bias: true, beta: 2 } },
    ],
  ];
  it.each(cases)("%s: every pass keeps the result", async (label, spec) => {
    const source = await saveModel(matmulModel(spec), join(dir, `${label}.onnx`));
    for (const [name, scheme, options] of PASSES) {
      const out = join(dir, `${label}.${name}.onnx`);
      await quantizeOnnx(source, out, scheme, { ...options, minElements: 1 });
      await onnxParity(source, [{ path: out, scheme }], { dims: { batch: 3 } });
    }
  });

  it("gives the same bytes with the SIMD kernels as with the portable ones, on one thread or more", async () => {
    // over a million elements: the pool splits the portable kernels' work, and the SIMD kernels
    // read the weight (left on disk by the reader) in several runs
    for (const [label, spec] of [
      ["matmul", { k: 1024, n: 1040 }],
      ["gemm", { k: 1040, n: 1024, gemm: { transB: true } }],
      ["gemm-alpha", { k: 1030, n: 1050, gemm: { alpha: 0.7 } }],
    ] as const) {
      const source = await saveModel(matmulModel(spec), join(dir, `big-${label}.onnx`));
      for (const [name, scheme, options] of PASSES.slice(0, 4)) {
        const simd = join(dir, `big-${label}.${name}.simd.onnx`);
        const one = join(dir, `big-${label}.${name}.1.onnx`);
        const many = join(dir, `big-${label}.${name}.2.onnx`);
        await quantizeOnnx(source, simd, scheme, options);
        await quantizeOnnx(source, one, scheme, { ...options, threads: 1, wasm: false });
        await quantizeOnnx(source, many, scheme, { ...options, threads: 2, wasm: false });
        expect((await readFile(one)).equals(await readFile(simd))).toBe(true);
        expect((await readFile(many)).equals(await readFile(simd))).toBe(true);
      }
      await onnxParity(source, [
        { path: join(dir, `big-${label}.int4-asym-32.2.onnx`), scheme: "onnx-int4" },
      ]);
    }
  });

  it("refuses weight-only INT8 below opset 13 and dynamic INT8 below opset 11", async () => {
    const old = await saveModel(matmulModel({ k: 64, n: 64, opset: 10 }), join(dir, "old.onnx"));
    await expect(quantizeOnnx(old, join(dir, "o.onnx"), "onnx-int8")).rejects.toThrow(/opset 13/);
    await expect(
      quantizeOnnx(old, join(dir, "o.onnx"), "onnx-int8", { form: "dynamic" }),
    ).rejects.toThrow(/opset 11/);
  });

  it("keeps a large model's tensors in external data", async () => {
    const source = await readOnnx(fixture("transformer"));
    const { writeOnnx } = await import("../../src/formats/onnx-writer.js");
    const external = join(dir, "ext.onnx");
    await writeOnnx(source, external, { externalData: "always" });
    const out = join(dir, "ext.int4.onnx");
    const result = await quantizeOnnx(external, out, "onnx-int4");
    expect(result.files).toEqual([out, `${out}.data`]);
    await onnxParity(external, [{ path: out, scheme: "onnx-int4" }]);
    // The quantized weights go into the data file as they are made: the same bytes as the
    // portable kernels give.
    // (the same file name: the model names its data file)
    await mkdir(join(dir, "portable"));
    const portable = join(dir, "portable", "ext.int4.onnx");
    await quantizeOnnx(external, portable, "onnx-int4", { wasm: false });
    for (const suffix of ["", ".data"]) {
      const [a, b] = [await readFile(`${out}${suffix}`), await readFile(`${portable}${suffix}`)];
      expect(a.equals(b)).toBe(true);
    }
  });

  it("reports each weight once, as it is quantized", async () => {
    const events: { weight: string; done: number; total: number }[] = [];
    const result = await quantizeOnnx(fixture("mlp"), join(dir, "p.onnx"), "onnx-int8", {
      onProgress: ({ weight, done, total }) => events.push({ weight, done, total }),
    });
    const total = result.quantized.length;
    expect(total).toBeGreaterThan(1);
    expect(events.map((e) => e.done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.weight)).size).toBe(total);
    expect(events.every((e) => e.total === total)).toBe(true);
  });
});
