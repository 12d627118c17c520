import { describe, expect, it } from "@jest/globals";
import { parseShardSize } from "../../src/convert/shard-size.js";
import {
  pythonFloatRepr,
  scalarTensorEntry,
  trainingEntry,
} from "../../src/convert/training-values.js";
import { PyFloat, PyList } from "../../src/formats/pickle-values.js";

describe("training scalars", () => {
  it.each([
    [0.0847, "0.0847"],
    [1e-5, "1e-05"],
    [0.0001, "0.0001"],
    [3, "3.0"],
    [1e16, "1e+16"],
    [123456789012345.6, "123456789012345.6"],
    [-2.5e-7, "-2.5e-07"],
    [1.5e300, "1.5e+300"],
    [-0, "-0.0"],
    [NaN, "nan"],
    [-Infinity, "-inf"],
  ])("writes %p as Python's repr does: %s", (value, text) => {
    expect(pythonFloatRepr(value)).toBe(text);
  });

  it("keeps ints, floats, bools and short strings; leaves containers out", () => {
    expect(trainingEntry(1200)).toEqual({ value: 1200, text: "1200" });
    expect(trainingEntry(new PyFloat(3))).toEqual({ value: 3, text: "3.0" });
    expect(trainingEntry(new PyFloat(Infinity))).toEqual({ value: "inf", text: "inf" });
    expect(trainingEntry(2n ** 70n)).toEqual({
      value: "1180591620717411303424",
      text: "1180591620717411303424",
    });
    expect(trainingEntry(true)).toEqual({ value: true, text: "True" });
    expect(trainingEntry("x".repeat(2000))).toBeUndefined();
    expect(trainingEntry(new PyList())).toBeUndefined();
  });

  it("reads one-element tensors of each plain dtype", () => {
    const le = (bytes: number[]): Buffer => Buffer.from(bytes);
    expect(scalarTensorEntry("F64", le([0, 0, 0, 0, 0, 0, 0xf8, 0x3f]))?.value).toBe(1.5);
    expect(scalarTensorEntry("F16", le([0x00, 0x3e]))).toEqual({ value: 1.5, text: "1.5" });
    expect(scalarTensorEntry("F16", le([0x01, 0x00]))?.value).toBe(2 ** -24);
    expect(scalarTensorEntry("F16", le([0x00, 0xfc]))?.value).toBe("-inf");
    expect(scalarTensorEntry("BF16", le([0xc0, 0x3f]))?.value).toBe(1.5);
    expect(
      scalarTensorEntry("I64", le([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))?.value,
    ).toBe(-1);
    expect(scalarTensorEntry("I32", le([2, 0, 0, 0]))?.text).toBe("2");
    expect(scalarTensorEntry("I16", le([0xfe, 0xff]))?.value).toBe(-2);
    expect(scalarTensorEntry("I8", le([0x80]))?.value).toBe(-128);
    expect(scalarTensorEntry("U8", le([200]))?.value).toBe(200);
    expect(scalarTensorEntry("BOOL", le([1]))).toEqual({ value: true, text: "True" });
    expect(scalarTensorEntry("C64", Buffer.alloc(8))).toBeUndefined();
    expect(scalarTensorEntry("F32", Buffer.alloc(2))).toBeUndefined();
  });
});

describe("shard size", () => {
  it("reads decimal and binary units as the Hub's tools do", () => {
    expect(parseShardSize("5GB")).toBe(5e9);
    expect(parseShardSize("2GiB")).toBe(2 ** 31);
    expect(parseShardSize("1.5MB")).toBe(1_500_000);
    expect(parseShardSize("150B")).toBe(150);
    expect(parseShardSize(4096)).toBe(4096);
  });

  it("refuses anything else as a usage error naming the value", () => {
    expect(() => parseShardSize("5 GB")).toThrow(/"5 GB" is not a size like 5GB/);
    expect(() => parseShardSize("0B")).toThrow(/is not a size/);
    expect(() => parseShardSize(-1)).toThrow(/positive number of bytes/);
  });
});
