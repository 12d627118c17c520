import { describe, expect, it } from "@jest/globals";
import { int64ToBigInt, int64ToNumber } from "../../src/formats/onnx-int64.js";

describe("int64 fields", () => {
  it("reads the decoder's two halves, signed and unsigned", () => {
    expect(int64ToNumber({ low: 5, high: 0, unsigned: false }, "x")).toBe(5);
    expect(int64ToNumber({ low: -1, high: -1, unsigned: false }, "x")).toBe(-1);
    expect(int64ToNumber({ low: 0, high: 1, unsigned: true }, "x")).toBe(2 ** 32);
    expect(int64ToNumber(undefined, "x")).toBe(0);
    expect(int64ToBigInt({ low: -1, high: 0x7fffffff, unsigned: false })).toBe(2n ** 63n - 1n);
    expect(int64ToBigInt({ low: -1, high: -1, unsigned: true })).toBe(2n ** 64n - 1n);
    expect(int64ToBigInt(7)).toBe(7n);
    expect(int64ToBigInt(undefined)).toBe(0n);
  });

  it("refuses values a number cannot hold exactly", () => {
    expect(() =>
      int64ToNumber({ low: -1, high: 0x7fffffff, unsigned: false }, "Slice ends"),
    ).toThrow(/Slice ends: integer .* is out of range/);
  });
});
