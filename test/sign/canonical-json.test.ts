import { describe, expect, it } from "@jest/globals";
import { canonicalJson, canonicalJsonBytes } from "../../src/sign/canonical-json.js";
import { ModelPublishError } from "../../src/errors.js";

describe("RFC 8785 canonical JSON", () => {
  it("serialises the example of RFC 8785 §3.2.2 exactly", () => {
    // The input as the RFC writes it (JSON text), parsed the way any verifier would parse it.
    const input = JSON.parse(String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`) as unknown;
    expect(canonicalJson(input)).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it("sorts keys by UTF-16 code units (RFC 8785 §3.2.3)", () => {
    const input = JSON.parse(String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`) as unknown;
    const text = canonicalJson(input);
    // The emoji (surrogates D83D DE00) sorts before U+FB33: code-point order would put it last.
    expect(text.indexOf("\ud83d\ude00")).toBeLessThan(text.indexOf("\ufb33"));
    expect(text).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    // The RFC gives the UTF-8 of that output; its first bytes are these.
    expect(canonicalJsonBytes(input).subarray(0, 12).toString("hex")).toBe(
      "7b225c72223a224361727269",
    );
  });

  // RFC 8785 Appendix B: IEEE 754 bit patterns and their required serialisation.
  const numbers: [string, string][] = [
    ["0000000000000000", "0"],
    ["8000000000000000", "0"],
    ["0000000000000001", "5e-324"],
    ["8000000000000001", "-5e-324"],
    ["7fefffffffffffff", "1.7976931348623157e+308"],
    ["ffefffffffffffff", "-1.7976931348623157e+308"],
    ["4340000000000000", "9007199254740992"],
    ["c340000000000000", "-9007199254740992"],
    ["4430000000000000", "295147905179352830000"],
    ["44b52d02c7e14af5", "9.999999999999997e+22"],
    ["44b52d02c7e14af6", "1e+23"],
    ["44b52d02c7e14af7", "1.0000000000000001e+23"],
    ["444b1ae4d6e2ef4e", "999999999999999700000"],
    ["444b1ae4d6e2ef4f", "999999999999999900000"],
    ["444b1ae4d6e2ef50", "1e+21"],
    ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
    ["3eb0c6f7a0b5ed8d", "0.000001"],
    ["41b3de4355555553", "333333333.3333332"],
    ["41b3de4355555554", "333333333.33333325"],
    ["41b3de4355555555", "333333333.3333333"],
    ["41b3de4355555556", "333333333.3333334"],
    ["41b3de4355555557", "333333333.33333343"],
    ["becbf647612f3696", "-0.0000033333333333333333"],
    ["43143ff3c1cb0959", "1424953923781206.2"],
  ];
  it.each(numbers)("serialises the double %s as %s (Appendix B)", (bits, expected) => {
    const value = Buffer.from(bits, "hex").readDoubleBE(0);
    expect(canonicalJson(value)).toBe(expected);
    expect(canonicalJson([value])).toBe(`[${expected}]`);
  });

  it.each([
    ["7fffffffffffffff", "NaN"],
    ["7ff0000000000000", "Infinity"],
  ])("refuses the double %s (%s), which JSON cannot carry", (bits) => {
    const value = Buffer.from(bits, "hex").readDoubleBE(0);
    expect(() => canonicalJson({ a: value })).toThrow(/at \/a; only I-JSON/);
  });

  it("nests, drops undefined members like JSON.stringify, and keeps array order", () => {
    expect(canonicalJson({ b: [3, { d: 1, c: null }], a: undefined, "": "" })).toBe(
      '{"":"","b":[3,{"c":null,"d":1}]}',
    );
  });

  it("refuses values that are not JSON, naming where they are", () => {
    const cases: [unknown, RegExp][] = [
      [{ x: { y: "\ud800" } }, /lone surrogate \(U\+D800\) at \/x\/y/],
      [{ ["a\udc00"]: 1 }, /lone surrogate \(U\+DC00\)/],
      [{ d: new Date(0) }, /non-plain object at \/d/],
      [[1n], /bigint value at \/0/],
      [[undefined], /undefined value at \/0/],
      [{ "a/b~": () => 1 }, /function value at \/a~1b~0/],
    ];
    for (const [value, message] of cases) {
      expect(() => canonicalJson(value)).toThrow(ModelPublishError);
      expect(() => canonicalJson(value)).toThrow(message);
    }
    expect(canonicalJson(Object.assign(Object.create(null) as object, { z: 1 }))).toBe('{"z":1}');
  });
});
