import { describe, expect, it } from "@jest/globals";
import { ModelPublishError } from "../../src/errors.js";
import {
  PyBytes,
  PyDevice,
  PyDict,
  PyFloat,
  PyList,
  PySet,
  PyTuple,
  type PyValue,
} from "../../src/formats/pickle-values.js";
import { torchPickleHooks } from "../../src/formats/torch-pickle-hooks.js";
import { TruncatedPickleError } from "../../src/formats/pickle-cursor.js";
import { unpickle } from "../../src/formats/unpickler.js";

/** Narrows a value to a class, failing the test when it is something else. */
function as<T>(cls: abstract new (...args: never[]) => T, value: unknown): T {
  if (value instanceof cls) return value;
  throw new Error(`expected a ${cls.name}`);
}

const noStorage = (): never => {
  throw new Error("no storage expected");
};

function load(bytes: number[] | Buffer): PyValue {
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  return unpickle(data, 0, torchPickleHooks("t.pkl", noStorage, 1 << 20), "t.pkl").value;
}

const text = (s: string): number[] => [0x8c, Buffer.byteLength(s), ...Buffer.from(s)];
const global = (module: string, name: string): number[] => [
  0x63,
  ...Buffer.from(`${module}\n${name}\n`),
];

function refusal(bytes: number[]): ModelPublishError {
  try {
    load(bytes);
  } catch (error) {
    if (error instanceof ModelPublishError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("unpickler: plain data", () => {
  it("reads numbers of every width, keeping floats apart from ints", () => {
    const value = load([
      0x80, 2, 0x28, 0x4a, 0xff, 0xff, 0xff, 0xff, 0x4b, 7, 0x4d, 0x34, 0x12, 0x8a, 9, 0, 0, 0, 0,
      0, 0, 0, 0, 1, 0x8b, 1, 0, 0, 0, 0xff, 0x47, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0, 0x88, 0x89, 0x4e,
      0x74, 0x2e,
    ]);
    expect(value).toBeInstanceOf(PyTuple);
    const items = as(PyTuple, value).items;
    expect(items.slice(0, 5)).toEqual([-1, 7, 0x1234, 1n << 64n, -1]);
    expect(items[5]).toEqual(new PyFloat(1.5));
    expect(items.slice(6)).toEqual([true, false, null]);
  });

  it("reads protocol 4: FRAME, MEMOIZE, SHORT_BINUNICODE, STACK_GLOBAL from strings", () => {
    const bytes = [
      0x80,
      4,
      0x95,
      9,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      ...text("collections"),
      0x94,
      ...text("OrderedDict"),
      0x94,
      0x93,
      0x94,
      0x29,
      0x52,
      0x94,
      0x28,
      ...text("k"),
      0x68,
      1,
      0x75,
      0x2e,
    ];
    const value = load(bytes);
    expect(value).toBeInstanceOf(PyDict);
    expect(as(PyDict, value).get("k")).toBe("OrderedDict");
  });

  it("reads bytes, strings, sets and lists", () => {
    const value = as(
      PyTuple,
      load([
        0x80, 3, 0x28, 0x43, 2, 0xde, 0xad, 0x55, 2, 0x68, 0x69, 0x58, 1, 0, 0, 0, 0x7a, 0x8f, 0x28,
        0x4b, 1, 0x4b, 2, 0x90, 0x5d, 0x4b, 3, 0x61, 0x74, 0x2e,
      ]),
    );
    expect(value.items[0]).toEqual(new PyBytes(Buffer.from([0xde, 0xad])));
    expect(value.items.slice(1, 3)).toEqual(["hi", "z"]);
    expect(as(PySet, value.items[3]).items).toEqual([1, 2]);
    expect(as(PyList, value.items[4]).items).toEqual([3]);
  });

  it("treats dict keys as Python does (1 == 1.0 == True) and keeps insertion order", () => {
    const bytes = [
      0x80,
      2,
      0x7d,
      0x28,
      0x4b,
      1,
      ...text("a"),
      0x47,
      0x3f,
      0xf0,
      0,
      0,
      0,
      0,
      0,
      0,
      ...text("b"),
      ...text("x"),
      ...text("c"),
      0x75,
      0x2e,
    ];
    const dict = as(PyDict, load(bytes));
    expect(dict.size).toBe(2);
    expect([...dict.entries()]).toEqual([
      [1, "b"],
      ["x", "c"],
    ]);
  });

  it("builds bytes, sizes and devices from their allowed constructors, as data", () => {
    const bytes = [
      0x80,
      2,
      0x28,
      ...global("_codecs", "encode"),
      0x28,
      ...text("\u00ff"),
      ...text("latin1"),
      0x74,
      0x52,
      ...global("torch", "Size"),
      0x28,
      0x28,
      0x4b,
      2,
      0x4b,
      3,
      0x74,
      0x74,
      0x52,
      ...global("torch", "device"),
      0x28,
      ...text("cuda"),
      0x4b,
      0,
      0x74,
      0x52,
      ...global("builtins", "set"),
      0x28,
      0x5d,
      0x4b,
      4,
      0x61,
      0x74,
      0x52,
      0x74,
      0x2e,
    ];
    const items = as(PyTuple, load(bytes)).items;
    expect(items[0]).toEqual(new PyBytes(Buffer.from([0xff])));
    expect(items[1]).toEqual(new PyTuple([2, 3]));
    expect(items[2]).toEqual(new PyDevice("cuda:0"));
    expect(as(PySet, items[3]).items).toEqual([4]);
  });
});

describe("unpickler: refusals name the opcode or global and the byte", () => {
  it("refuses globals outside the allow-list at their offset", () => {
    const error = refusal([0x80, 2, 0x4e, 0x30, ...global("os", "system"), 0x2e]);
    expect(error.message).toMatch(/POP \(0x30\) is not allowed.*at byte 3/);
    expect(refusal([0x80, 2, ...global("nt", "system"), 0x2e]).message).toContain(
      "nt.system (at byte 2)",
    );
    expect(
      refusal([0x80, 2, ...global("numpy.core.multiarray", "scalar"), 0x2e]).message,
    ).toContain("numpy objects");
    expect(refusal([0x80, 2, ...global("torch", "complex128"), 0x2e]).code).toBe(
      "INPUT_UNSUPPORTED",
    );
  });

  it("refuses REDUCE on anything but an allowed constructor", () => {
    expect(refusal([0x80, 2, ...text("x"), 0x29, 0x52, 0x2e]).message).toContain("REDUCE on a str");
    expect(
      refusal([0x80, 2, ...global("torch", "FloatStorage"), 0x29, 0x52, 0x2e]).message,
    ).toContain("cannot be called");
    expect(
      refusal([
        0x80,
        2,
        ...global("_codecs", "encode"),
        0x28,
        ...text("x"),
        ...text("rot13"),
        0x74,
        0x52,
        0x2e,
      ]).message,
    ).toContain("latin1");
    expect(
      refusal([
        0x80,
        2,
        ...global("torch._utils", "_rebuild_tensor_v2"),
        0x28,
        0x4e,
        0x74,
        0x52,
        0x2e,
      ]).message,
    ).toContain("rebuilt from a storage");
  });

  it("refuses malformed streams", () => {
    expect(refusal([0x80, 2, 0x2e]).message).toContain("stack is empty");
    expect(refusal([0x80, 2, 0x4e, 0x4e, 0x2e]).message).toContain("STOP with values left");
    expect(refusal([0x80, 9, 0x2e]).message).toContain("protocol 9");
    expect(refusal([0x80, 2, 0x5d, 0x7d, 0x4e, 0x73, 0x2e]).message).toContain("SETITEM on a list");
    expect(refusal([0x80, 2, 0x7d, 0x5d, 0x4e, 0x73, 0x2e]).message).toContain(
      "cannot be a dict key",
    );
    expect(refusal([0x80, 2, 0x4e, 0x61, 0x2e]).message).toContain("stack is empty");
    expect(refusal([0x80, 2, 0x4e, 0x4e, 0x61, 0x2e]).message).toContain("cannot append to a None");
    expect(refusal([0x80, 2, 0x74, 0x2e]).message).toContain("no MARK");
    expect(refusal([0x80, 2, 0x8c, 1, 0xff, 0x2e]).message).toContain("not valid UTF-8");
    expect(refusal([0x80, 2, 0x8b, 0xff, 0xff, 0xff, 0xff, 0x2e]).message).toContain(
      "integer of -1 bytes",
    );
    expect(refusal([0x80, 2, 0x63, ...Buffer.from("x".repeat(600)), 0x0a]).message).toContain(
      "longer than 512",
    );
  });

  it("reports a stream cut short as truncated", () => {
    expect(() => load([0x80, 2, 0x58, 9, 0, 0, 0, 0x61])).toThrow(TruncatedPickleError);
    expect(() => load([0x80, 2, 0x4e])).toThrow(/truncated/);
  });
});
