import { describe, expect, it } from "@jest/globals";
import { validateManifestText } from "../../src/manifest/validate.js";
import { invalidCases, validCases } from "./cases.js";

describe("validateManifestText", () => {
  it.each(validCases)("accepts $name", ({ text, file }) => {
    const result = validateManifestText(text, file ?? "model-publish.yaml");
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(invalidCases)(
    "reports $name at its line and pointer",
    ({ text, file, expect: wanted }) => {
      const name = file ?? "model-publish.yaml";
      const result = validateManifestText(text, name);
      expect(result.valid).toBe(false);
      for (const want of wanted) {
        const found = result.issues.find((i) => i.pointer === want.pointer && i.kind === want.kind);
        expect({
          found: found !== undefined,
          pointer: want.pointer,
          issues: result.issues,
        }).toMatchObject({ found: true });
        if (!found) continue;
        expect(found.file).toBe(name);
        expect(found.line).toBe(want.line);
        if (want.column !== undefined) expect(found.column).toBe(want.column);
        if (want.fix) expect(found.fix).toMatch(want.fix);
        expect(found.message.length).toBeGreaterThan(0);
      }
    },
  );

  it("reports every problem at once, in reading order", () => {
    const text = `id: Bad Id
name: x
version: "1.0"
type: text-gen
licence: mit
sources:
  checkpoint: model.pt
`;
    const result = validateManifestText(text, "m.yaml");
    expect(result.issues.map((i) => [i.line, i.kind])).toEqual([
      [1, "required"],
      [1, "format"],
      [3, "format"],
      [4, "enum"],
      [5, "unknown-key"],
    ]);
  });

  it("runs the cross-field rules only on a manifest that matches the schema", () => {
    const text =
      "id: m\nname: M\nversion: 1.0.0\ntype: other\nlicense: mit\nsources: {}\nvariants:\n  - scheme: q8_0\n";
    const result = validateManifestText(text, "m.yaml");
    expect(result.issues.map((i) => i.kind)).toEqual(["range"]);
  });

  it("tells the expected values of an enum that has no close match", () => {
    const text =
      "id: m\nname: M\nversion: 1.0.0\ntype: llm\nlicense: mit\nsources: { checkpoint: m.pt }\n";
    const result = validateManifestText(text, "m.yaml");
    expect(result.issues[0]?.expected).toMatch(/text-generation/);
    expect(result.issues[0]?.fix).toMatch(/^use one of/);
  });

  it("does not let YAML aliases expand without bound", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 12; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      );
    const result = validateManifestText(lines.join("\n"), "bomb.yaml");
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      kind: "syntax",
      pointer: "",
      fix: expect.stringMatching(/aliases/),
    });
  });
});
