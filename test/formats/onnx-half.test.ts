import { describe, expect, it } from "@jest/globals";
import {
  float32ToHalf,
  fromHalfBits,
  halfToFloat32,
  toHalfBits,
} from "../../src/formats/onnx-half.js";

describe("float16 conversion", () => {
  it("rounds to nearest even and keeps special values", () => {
    expect(toHalfBits(1)).toBe(0x3c00);
    expect(toHalfBits(-2)).toBe(0xc000);
    expect(toHalfBits(65504)).toBe(0x7bff);
    expect(toHalfBits(1 + 2 ** -11)).toBe(0x3c00); // tie: to the even 1.0
    expect(toHalfBits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie: to the even 1+2^-9
    expect(toHalfBits(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01);
    expect(toHalfBits(2 ** -24)).toBe(0x0001); // smallest subnormal
    expect(toHalfBits(2 ** -25)).toBe(0x0000); // tie to even: zero
    expect(toHalfBits(3 * 2 ** -25)).toBe(0x0002);
    expect(toHalfBits(2 ** -14 - 2 ** -25)).toBe(0x0400); // rounds up into the normals
    expect(toHalfBits(1e-10)).toBe(0);
    expect(toHalfBits(-0)).toBe(0x8000);
    expect(toHalfBits(Infinity)).toBe(0x7c00);
    expect(toHalfBits(-Infinity)).toBe(0xfc00);
    expect(toHalfBits(NaN)).toBe(0x7e00);
  });

  it("saturates finite values beyond the range instead of making them infinite", () => {
    expect(toHalfBits(70000)).toBe(0x7bff);
    expect(toHalfBits(65520)).toBe(0x7bff);
    expect(toHalfBits(-1e30)).toBe(0xfbff);
  });

  it("reads half bits back", () => {
    expect(fromHalfBits(0x3c00)).toBe(1);
    expect(fromHalfBits(0x0001)).toBe(2 ** -24);
    expect(fromHalfBits(0x7bff)).toBe(65504);
    expect(fromHalfBits(0xfc00)).toBe(-Infinity);
    expect(fromHalfBits(0x7e00)).toBeNaN();
    const values = Float32Array.from([0.1, -3.25, 1000, 2 ** -20]);
    const back = halfToFloat32(float32ToHalf(values));
    values.forEach((v, i) => {
      expect(Math.abs((back[i] ?? 0) - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -11 + 2 ** -25);
    });
  });
});
