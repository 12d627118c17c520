import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ModelPublishError } from "../../src/errors.js";
import { compareOutputs } from "../../src/evaluate/onnx-output-metrics.js";
import {
  measureOnnxParity,
  onnxParity,
  type OnnxParityReport,
} from "../../src/evaluate/onnx-parity.js";
import { sampleInputs } from "../../src/evaluate/onnx-sample-inputs.js";
import { openSession } from "../../src/evaluate/onnx-session.js";
import { decodeOnnx } from "../../src/formats/onnx-model.js";
import type { HostData } from "../../src/formats/onnx-npz.js";
import { quantizeOnnx } from "../../src/quantize/onnx-quantize.js";
import { scratch } from "../helpers/temp.js";
import { fixture, saveModel } from "../quantize/onnx-helpers.js";

const numbers = (data: HostData | undefined): number[] => (data ? [...data].map(Number) : []);

let dir: string;
let remove: () => Promise<void>;
let int8: string;
let int4: string;
let fp16: string;

beforeAll(async () => {
  ({ dir, remove } = await scratch());
  int8 = join(dir, "mlp.int8.onnx");
  int4 = join(dir, "mlp.int4.onnx");
  fp16 = join(dir, "mlp.fp16.onnx");
  await quantizeOnnx(fixture("mlp"), int8, "onnx-int8");
  await quantizeOnnx(fixture("mlp"), int4, "onnx-int4");
  await quantizeOnnx(fixture("mlp"), fp16, "onnx-fp16");
});
afterAll(() => remove());

/** A copy of `path` with every initializer whose name matches `pattern` set to zeros. */
async function zeroed(path: string, pattern: RegExp, out: string): Promise<string> {
  const proto = decodeOnnx(await readFile(path), path);
  for (const t of proto.graph?.initializer ?? []) {
    if (pattern.test(t.name ?? "") && t.rawData) t.rawData = new Uint8Array(t.rawData.length);
  }
  return saveModel(proto, join(dir, out));
}

async function failure(promise: Promise<unknown>): Promise<ModelPublishError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelPublishError);
  return error as ModelPublishError;
}

describe("ONNX parity", () => {
  it("records every output's error, the size and the compression of each variant", async () => {
    const seen: OnnxParityReport[] = [];
    const reports = await onnxParity(
      fixture("mlp"),
      [
        { path: int8, scheme: "onnx-int8" },
        { path: int4, scheme: "onnx-int4" },
        { path: fp16, scheme: "onnx-fp16" },
      ],
      { inputs: fixture("mlp", ".inputs.npz"), onReport: (r) => seen.push(r) },
    );
    expect(seen).toEqual(reports);
    const [r8, r4, r16] = reports;
    expect(r8?.referenceBytes).toBe(108740);
    expect(r8?.bytes).toBe((await readFile(int8)).length);
    expect(r8?.compression).toBeCloseTo(108740 / (r8?.bytes ?? 1), 10);
    expect(r4?.compression).toBeGreaterThan(r8?.compression ?? 0);
    expect(r16?.compression).toBeGreaterThan(1.9);
    for (const r of reports) {
      expect(r.outputs).toHaveLength(1);
      expect(r.outputs[0]).toMatchObject({ output: "logits", elements: 64 });
      expect(r.outputs[0]?.maxAbsDiff).toBeGreaterThan(0);
      expect(r.outputs[0]?.meanAbsDiff).toBeLessThanOrEqual(r.outputs[0]?.maxAbsDiff ?? 0);
    }
    expect(r8?.budget).toEqual({ minCosine: 0.999 });
    expect(r4?.budget).toEqual({ minCosine: 0.99 });
    expect(r16?.budget).toEqual({ minCosine: 0.9999 });
    expect(r4?.outputs[0]?.cosine).toBeLessThan(r8?.outputs[0]?.cosine ?? 0);
  });

  it("fails the run when a variant's scales are zeroed", async () => {
    const bad = await zeroed(int8, /_scale$/, "bad.int8.onnx");
    const error = await failure(onnxParity(fixture("mlp"), [{ path: bad, scheme: "onnx-int8" }]));
    expect(error.code).toBe("BUDGET_EXCEEDED");
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(
      /bad\.int8\.onnx: output logits cosine .* \(budget minCosine 0\.999000\)/,
    );
    const bad4 = await zeroed(int4, /_scales$/, "bad.int4.onnx");
    const error4 = await failure(
      onnxParity(fixture("mlp"), [
        { path: int4, scheme: "onnx-int4" },
        { path: bad4, scheme: "onnx-int4" },
      ]),
    );
    expect(error4.message).toMatch(/variant bad\.int4\.onnx \(onnx-int4\) failed its error budget/);
    expect(error4.message).not.toMatch(/mlp\.int4\.onnx:/);
  });

  it("applies the manifest's bounds over the default", async () => {
    const strict = await failure(
      onnxParity(fixture("mlp"), [
        { path: int8, scheme: "onnx-int8", budget: { maxAbsError: 1e-9, maxRmse: 1e-9 } },
      ]),
    );
    expect(strict.message).toMatch(
      /output logits max abs diff [0-9.e-]+ \(budget maxAbsError 1\.00000e-9\)/,
    );
    expect(strict.message).toMatch(/rmse/);
    // relaxing the cosine lets a poor variant through: the budget is the manifest's call
    const bad = await zeroed(int4, /_scales$/, "zero.int4.onnx");
    const [report] = await onnxParity(fixture("mlp"), [
      { path: bad, scheme: "onnx-int4", budget: { minCosine: -1 } },
    ]);
    expect(report?.budget).toEqual({ minCosine: -1 });
    const measured = await measureOnnxParity(fixture("mlp"), [{ path: bad, scheme: "onnx-int4" }]);
    expect(measured[0]?.violations).toHaveLength(1);
  });

  it("takes sample inputs as tensors", async () => {
    const session = await openSession(fixture("convnet"));
    const inputs = sampleInputs(session.inputs, { dims: { batch: 3 }, seed: 5 });
    await session.release();
    expect(inputs.image?.dims).toEqual([3, 3, 16, 16]);
    const variant = join(dir, "convnet.int8.onnx");
    await quantizeOnnx(fixture("convnet"), variant, "onnx-int8", { form: "dynamic" });
    const [report] = await measureOnnxParity(
      fixture("convnet"),
      [{ path: variant, scheme: "onnx-int8" }],
      { inputs },
    );
    expect(report?.outputs[0]?.elements).toBe(30);
    expect(report?.violations).toEqual([]);
  });
});

describe("sample inputs", () => {
  const declared = [
    { name: "x", type: "float32", shape: ["batch", 4] },
    { name: "ids", type: "int64", shape: ["batch", "sequence"] },
    { name: "mask", type: "bool", shape: [2] },
    { name: "h", type: "float16", shape: [3] },
    { name: "i", type: "int32", shape: [5] },
  ];

  it("are the same for the same seed, with symbolic dims at their defaults", () => {
    const a = sampleInputs(declared);
    const b = sampleInputs(declared);
    expect(a).toEqual(b);
    expect(a.x?.dims).toEqual([2, 4]);
    expect(a.ids?.dims).toEqual([2, 2]);
    expect(sampleInputs(declared, { seed: 2 }).x?.data).not.toEqual(a.x?.data);
    const sized = sampleInputs(declared, {
      dims: { sequence: 7 },
      defaultDim: 1,
      integerRange: [5, 6],
    });
    expect(sized.ids?.dims).toEqual([1, 7]);
    expect(numbers(sized.ids?.data)).toEqual([5, 5, 5, 5, 5, 5, 5]);
    expect(numbers(a.mask?.data).every((v) => v === 0 || v === 1)).toBe(true);
    expect(a.h?.data).toBeInstanceOf(Uint16Array);
  });

  it("refuses types it cannot make up", () => {
    expect(() => sampleInputs([{ name: "s", type: "string", shape: [1] }])).toThrow(
      /give sample inputs in a \.npz file/,
    );
  });
});

describe("output comparison", () => {
  const t = (data: number[], dims = [data.length]) => ({
    type: "float32",
    dims,
    data: Float32Array.from(data),
  });

  it("computes the figures", () => {
    const [m] = compareOutputs({ y: t([1, 2, 3, 4]) }, { y: t([1, 2, 3, 5]) }, "v");
    expect(m).toMatchObject({
      output: "y",
      elements: 4,
      maxAbsDiff: 1,
      meanAbsDiff: 0.25,
      rmse: 0.5,
    });
    expect(m?.cosine).toBeCloseTo(34 / Math.sqrt(30 * 39), 12);
    expect(compareOutputs({ y: t([0, 0]) }, { y: t([0, 0]) }, "v")[0]?.cosine).toBe(1);
    const nan = compareOutputs({ y: t([1, 2]) }, { y: t([1, NaN]) }, "v")[0];
    expect(nan?.cosine).toBeNaN();
    expect(nan?.maxAbsDiff).toBeNaN();
  });

  it("calls a missing output or another shape a mismatch", () => {
    expect(() => compareOutputs({ y: t([1, 2]) }, {}, "v.onnx")).toThrow(
      /v\.onnx: has no output y/,
    );
    expect(() => compareOutputs({ y: t([1, 2]) }, { y: t([1, 2], [2, 1]) }, "v.onnx")).toThrow(
      /output y has shape \[2, 1\], the reference \[2\]/,
    );
  });
});

describe("feeding onnxruntime", () => {
  it("converts reference tensors to the input's type, and refuses what does not convert", async () => {
    const { coerce } = await import("../../src/evaluate/onnx-session.js");
    const f = { type: "float32", dims: [2], data: Float32Array.of(1.5, -2) };
    expect(coerce(f, "float32", "x")).toBe(f);
    expect(numbers(coerce(f, "float64", "x").data)).toEqual([1.5, -2]);
    expect(numbers(coerce(f, "float16", "x").data)).toEqual([0x3e00, 0xc000]);
    const ids = { type: "int32", dims: [2], data: Int32Array.of(3, 4) };
    expect(coerce(ids, "int64", "x").data).toEqual(BigInt64Array.of(3n, 4n));
    const longs = { type: "int64", dims: [2], data: BigInt64Array.of(3n, 0n) };
    expect(coerce(longs, "int32", "x").data).toEqual(Int32Array.of(3, 0));
    expect(coerce(longs, "bool", "x").data).toEqual(Uint8Array.of(1, 0));
    expect(coerce(longs, "uint8", "x").data).toEqual(Uint8Array.of(3, 0));
    expect(coerce(longs, "int8", "x").data).toEqual(Int8Array.of(3, 0));
    expect(() => coerce(f, "int64", "model.onnx input ids")).toThrow(
      /model\.onnx input ids: a float32 tensor cannot be fed to an input of type int64/,
    );
  });

  it("names the model when an input is missing or the model does not load", async () => {
    const session = await openSession(fixture("mlp"));
    await expect(session.run({})).rejects.toThrow(/mlp\.onnx: no value for input input/);
    await expect(
      session.run({ input: { type: "float32", dims: [2, 3], data: new Float32Array(6) } }),
    ).rejects.toThrow(/mlp\.onnx: onnxruntime failed to run the model/);
    await session.release();
    const broken = join(dir, "broken.onnx");
    await saveModel(
      {
        irVersion: 8,
        opsetImport: [{ version: 17 }],
        graph: { node: [{ opType: "NoSuchOp", input: ["a"], output: ["b"] }] },
      },
      broken,
    );
    await expect(openSession(broken)).rejects.toThrow(
      /broken\.onnx: onnxruntime cannot load the model/,
    );
  });
});
