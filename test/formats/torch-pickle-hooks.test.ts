import { describe, expect, it } from "@jest/globals";
import { ModelPublishError } from "../../src/errors.js";
import {
  PyDict,
  TorchStorage,
  TorchTensor,
  type PyValue,
} from "../../src/formats/pickle-values.js";
import { torchPickleHooks } from "../../src/formats/torch-pickle-hooks.js";
import { unpickle } from "../../src/formats/unpickler.js";

const storage = new TorchStorage("0", "F32", 0, 24, "cpu");
const text = (s: string): number[] => [0x8c, Buffer.byteLength(s), ...Buffer.from(s)];
const global = (module: string, name: string): number[] => [
  0x63,
  ...Buffer.from(`${module}\n${name}\n`),
];
/** `_rebuild_tensor_v2(<storage>, 0, (2, 3), (3, 1), False, OrderedDict())` without its REDUCE. */
const v2args = [
  0x28,
  0x4e,
  0x51,
  0x4b,
  0,
  0x4b,
  2,
  0x4b,
  3,
  0x86,
  0x4b,
  3,
  0x4b,
  1,
  0x86,
  0x89,
  ...global("collections", "OrderedDict"),
  0x29,
  0x52,
  0x74,
];
const tensorOps = [...global("torch._utils", "_rebuild_tensor_v2"), ...v2args, 0x52];

function load(bytes: number[]): PyValue {
  const hooks = torchPickleHooks("t.pkl", () => storage, 1 << 20);
  return unpickle(Buffer.from([0x80, 2, ...bytes, 0x2e]), 0, hooks, "t.pkl").value;
}

function refusal(bytes: number[]): ModelPublishError {
  try {
    load(bytes);
  } catch (error) {
    if (error instanceof ModelPublishError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("torch pickle policy", () => {
  it("rebuilds a tensor view as data", () => {
    const tensor = load(tensorOps);
    expect(tensor).toBeInstanceOf(TorchTensor);
    expect(tensor).toMatchObject({
      storage,
      dtype: "F32",
      offset: 0,
      shape: [2, 3],
      stride: [3, 1],
    });
  });

  it("unwraps _rebuild_from_type_v2 for plain tensors and Parameters, and refuses subclasses", () => {
    const wrapped = [
      ...global("torch._tensor", "_rebuild_from_type_v2"),
      0x28,
      ...global("torch._utils", "_rebuild_tensor_v2"),
      ...global("torch.nn.parameter", "Parameter"),
      ...v2args,
      0x7d,
      0x74,
      0x52,
    ];
    expect(load(wrapped)).toBeInstanceOf(TorchTensor);
    const subclass = [
      ...global("torch._tensor", "_rebuild_from_type_v2"),
      0x28,
      ...global("torch._utils", "_rebuild_tensor_v2"),
      ...global("collections", "OrderedDict"),
      ...v2args,
      0x7d,
      0x74,
      0x52,
    ];
    expect(refusal(subclass).code).toBe("INPUT_UNSUPPORTED");
    const notRebuilder = [
      ...global("torch._tensor", "_rebuild_from_type_v2"),
      0x28,
      ...global("torch", "Size"),
      ...global("torch", "Tensor"),
      ...v2args,
      0x7d,
      0x74,
      0x52,
    ];
    expect(refusal(notRebuilder).message).toContain("must name a tensor rebuild function");
  });

  it("builds OrderedDicts from pairs and lets BUILD set attributes on dicts and tensors", () => {
    const pairs = [
      ...global("collections", "OrderedDict"),
      0x5d,
      0x28,
      ...text("a"),
      0x4b,
      1,
      0x86,
      0x65,
      0x85,
      0x52,
      0x7d,
      0x62,
    ];
    const dict = load(pairs);
    expect(dict).toBeInstanceOf(PyDict);
    expect(dict instanceof PyDict ? dict.get("a") : undefined).toBe(1);
    expect(load([...tensorOps, 0x7d, 0x62])).toBeInstanceOf(TorchTensor);
    expect(load([...global("collections", "OrderedDict"), 0x29, 0x81])).toBeInstanceOf(PyDict);
    expect(refusal([...tensorOps, 0x29, 0x62]).code).toBe("INPUT_UNSUPPORTED");
    expect(
      refusal([...global("collections", "OrderedDict"), 0x5d, 0x4b, 1, 0x61, 0x85, 0x52]).message,
    ).toContain("dict items must be pairs");
    expect(
      refusal([...global("collections", "OrderedDict"), 0x4b, 1, 0x85, 0x52]).message,
    ).toContain("cannot build a dict from a int");
  });

  it("refuses tensors that do not fit their storage or claim a dtype they cannot have", () => {
    const v3 = (dtype: number[]): number[] => [
      ...global("torch._utils", "_rebuild_tensor_v3"),
      ...v2args.slice(0, -1),
      ...dtype,
      0x74,
      0x52,
    ];
    expect(load(v3(global("torch", "bfloat16")))).toMatchObject({ dtype: "BF16", shape: [2, 3] });
    expect(refusal(v3(text("float32"))).message).toContain("_rebuild_tensor_v3 needs a dtype");
    const parameter = [
      ...global("torch._utils", "_rebuild_parameter"),
      0x28,
      0x4e,
      0x89,
      0x7d,
      0x74,
      0x52,
    ];
    expect(refusal(parameter).message).toContain("a Parameter must wrap a tensor");
    const badSize = [
      ...global("torch._utils", "_rebuild_tensor_v2"),
      0x28,
      0x4e,
      0x51,
      0x4b,
      0,
      0x5d,
      0x5d,
      0x89,
      0x7d,
      0x74,
      0x52,
    ];
    expect(refusal(badSize).message).toContain("size and stride must be tuples");
  });
});
