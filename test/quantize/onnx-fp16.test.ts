import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { join } from "node:path";
import { onnxParity } from "../../src/evaluate/onnx-parity.js";
import { readOnnx } from "../../src/formats/onnx-model.js";
import type { ModelProto, NodeProto, ValueInfoProto } from "../../src/formats/onnx-proto-types.js";
import { FP32_OPS } from "../../src/quantize/onnx-fp16-policy.js";
import { quantizeOnnx } from "../../src/quantize/onnx-quantize.js";
import { scratch } from "../helpers/temp.js";
import { fixture, floatTensor, hasPythonOnnx, onnxChecker, saveModel } from "./onnx-helpers.js";

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await scratch());
});
afterAll(() => remove());

const value = (name: string, elemType: number, dims: (number | string)[]): ValueInfoProto => ({
  name,
  type: {
    tensorType: {
      elemType,
      shape: { dim: dims.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) },
    },
  },
});

const n = (
  opType: string,
  input: string[],
  output: string[],
  attribute: NodeProto["attribute"] = [],
): NodeProto => ({
  name: `${opType}_${output[0] ?? ""}`,
  opType,
  input,
  output,
  attribute,
});

/**
 * x·2 → TopK (kept FP32) → values + float(indices), a LayerNormalization whose mean output is a
 * graph output (FP32 by definition), and a Constant that only Range (kept) uses.
 */
function mixedModel(): ModelProto {
  return {
    irVersion: 8,
    opsetImport: [{ domain: "", version: 17 }],
    graph: {
      name: "mixed",
      node: [
        n("Constant", [], ["two"], [{ name: "value_float", type: 1, f: 2 }]),
        n("Mul", ["x", "two"], ["a"]),
        n("TopK", ["a", "k"], ["values", "indices"], [{ name: "axis", type: 2, i: 1 }]),
        n("Cast", ["indices"], ["idx"], [{ name: "to", type: 2, i: 1 }]),
        n("Add", ["values", "idx"], ["sum"]),
        n(
          "LayerNormalization",
          ["sum", "gamma", "beta"],
          ["y", "mean"],
          [{ name: "axis", type: 2, i: -1 }],
        ),
        n(
          "Constant",
          [],
          ["limit"],
          [{ name: "value", type: 4, t: floatTensor("", [], Float32Array.of(3)) }],
        ),
        n("Range", ["zero", "limit", "one"], ["steps"]),
        n("ReduceSum", ["steps"], ["total"], [{ name: "keepdims", type: 2, i: 0 }]),
      ],
      initializer: [
        { name: "k", dataType: 7, dims: [1], int64Data: [3] },
        floatTensor("gamma", [3], Float32Array.of(1, 0.5, 2)),
        floatTensor("beta", [3], Float32Array.of(0, 0.1, -0.1)),
        floatTensor("zero", [], Float32Array.of(0)),
        floatTensor("one", [], Float32Array.of(1)),
      ],
      input: [value("x", 1, ["batch", 8])],
      output: [value("y", 1, ["batch", 3]), value("mean", 1, ["batch", 1]), value("total", 1, [])],
    },
  };
}

const initializerType = (proto: ModelProto, name: string): number | undefined =>
  proto.graph?.initializer?.find((t) => t.name === name)?.dataType;

describe("FP16 pass", () => {
  it("keeps FP32-only ops in FP32 with casts around them, inputs and outputs FLOAT", async () => {
    const source = await saveModel(mixedModel(), join(dir, "mixed.onnx"));
    const out = join(dir, "mixed.fp16.onnx");
    const result = await quantizeOnnx(source, out, "onnx-fp16");
    expect(result.skipped).toEqual([
      { node: "TopK_values", reason: FP32_OPS.TopK },
      { node: "Range_steps", reason: FP32_OPS.Range },
    ]);
    expect(result.quantized).toEqual(
      expect.arrayContaining(["Mul_a", "Add_sum", "LayerNormalization_y"]),
    );
    const { proto } = await readOnnx(out);
    expect(proto.graph?.input?.[0]?.type?.tensorType?.elemType).toBe(1);
    expect(proto.graph?.output?.map((o) => o.type?.tensorType?.elemType)).toEqual([1, 1, 1]);
    expect(initializerType(proto, "gamma")).toBe(10);
    // used by Range only: not converted, and no cast needed
    expect(initializerType(proto, "zero")).toBe(1);
    const cast = proto.graph?.node?.find((x) => x.name === "Cast_idx");
    expect(Number(cast?.attribute?.[0]?.i)).toBe(10);
    const constant = proto.graph?.node?.find((x) => x.name === "Constant_two");
    expect(constant?.attribute?.[0]?.t?.dataType).toBe(10);
    const reports = await onnxParity(source, [{ path: out, scheme: "onnx-fp16" }], {
      dims: { batch: 4 },
    });
    expect(reports[0]?.outputs.map((o) => o.output)).toEqual(["y", "mean", "total"]);
    if (hasPythonOnnx()) expect(onnxChecker([out]).output).toMatch(/^ok/);
  });

  it("can make inputs and outputs FLOAT16 too", async () => {
    const out = join(dir, "t.fp16io.onnx");
    await quantizeOnnx(fixture("transformer"), out, "onnx-fp16", { keepIoTypes: false });
    const { proto } = await readOnnx(out);
    expect(proto.graph?.input?.[0]?.type?.tensorType?.elemType).toBe(10);
    expect(proto.graph?.output?.[0]?.type?.tensorType?.elemType).toBe(10);
    // reference FLOAT inputs are converted for it; its FLOAT16 outputs compared as numbers
    await onnxParity(fixture("transformer"), [{ path: out, scheme: "onnx-fp16" }], {
      inputs: fixture("transformer", ".inputs.npz"),
    });
  });

  it("keeps named nodes and op types in FP32 on request", async () => {
    const out = join(dir, "t.keep.onnx");
    const result = await quantizeOnnx(fixture("transformer"), out, "onnx-fp16", {
      exclude: ["/ln1/LayerNormalization"],
      keepOps: ["Softmax"],
    });
    expect(result.skipped).toEqual([
      { node: "/ln1/LayerNormalization", reason: "excluded" },
      { node: "/Softmax", reason: "in keepOps" },
    ]);
    await onnxParity(fixture("transformer"), [{ path: out, scheme: "onnx-fp16" }]);
  });

  it("refuses models with control flow", async () => {
    const model = mixedModel();
    model.graph?.node?.push(
      n("If", ["cond"], ["branch"], [{ name: "then_branch", type: 5, g: { name: "then" } }]),
    );
    const source = await saveModel(model, join(dir, "flow.onnx"));
    await expect(quantizeOnnx(source, join(dir, "f.onnx"), "onnx-fp16")).rejects.toMatchObject({
      code: "INPUT_UNSUPPORTED",
      message: expect.stringMatching(/control flow/),
    });
  });
});

describe("element types", () => {
  it("follow each op's type rule where the graph declares none", async () => {
    const { inferElemTypes } = await import("../../src/quantize/onnx-elem-types.js");
    const attr = (name: string, i: number) => ({ name, type: 2, i });
    const types = inferElemTypes({
      input: [value("x", 1, [2]), value("q", 2, [2])],
      initializer: [{ name: "i", dataType: 7, dims: [1] }],
      node: [
        n("Shape", ["x"], ["shape"]),
        n("Less", ["x", "x"], ["less"]),
        n("Cast", ["x"], ["half"], [attr("to", 10)]),
        n("CastLike", ["x", "half"], ["like"]),
        n("Constant", [], ["ints"], [{ name: "value_ints", type: 7, ints: [1] }]),
        n("Constant", [], ["str"], [{ name: "value_string", type: 3, s: new Uint8Array() }]),
        n(
          "Constant",
          [],
          ["sp"],
          [{ name: "sparse_value", type: 11, sparseTensor: { values: { dataType: 11 } } }],
        ),
        n("ConstantOfShape", ["shape"], ["zeros"]),
        n("EyeLike", ["x"], ["eye"], [attr("dtype", 6)]),
        n("RandomNormal", [], ["noise"]),
        n("Multinomial", ["x"], ["draws"]),
        n("Where", ["less", "i", "i"], ["picked"]),
        n("OneHot", ["i", "i", "x"], ["hot"]),
        n("DequantizeLinear", ["q", "x"], ["dq"]),
        n("QuantizeLinear", ["x", "x"], ["qz"]),
        n("DynamicQuantizeLinear", ["x"], ["dq8", "dqs", "dqz"]),
        n("MatMulInteger", ["q", "q"], ["acc"]),
        n("QLinearMatMul", ["q", "x", "q", "q", "x", "q", "x", "q"], ["qmm"]),
        n("TopK", ["x", "i"], ["top", "idx"]),
        n("LayerNormalization", ["half", "half"], ["ln", "mean"]),
        n("Relu", ["half"], ["relu"]),
      ],
    });
    expect(Object.fromEntries(types)).toEqual({
      x: 1,
      q: 2,
      i: 7,
      shape: 7,
      less: 9,
      half: 10,
      like: 10,
      ints: 7,
      str: 8,
      sp: 11,
      zeros: 1,
      eye: 6,
      noise: 1,
      draws: 6,
      picked: 7,
      hot: 1,
      dq: 1,
      qz: 2,
      dq8: 2,
      dqs: 1,
      dqz: 2,
      acc: 6,
      qmm: 2,
      top: 1,
      idx: 7,
      ln: 10,
      mean: 1,
      relu: 10,
    });
  });
});
