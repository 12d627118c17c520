import { describe, expect, it } from "@jest/globals";
import { parseManifestText } from "../../src/manifest/parse.js";

function parsed(text: string, file = "m.yaml") {
  const result = parseManifestText(text, file);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.manifest;
}

describe("parseManifestText", () => {
  const yaml = `id: m
card:
  tags:
    - llama
    - gguf
  empty:
sources: { checkpoint: "m.pt" }
`;

  it("locates keys and values of nested mappings and sequences", () => {
    const m = parsed(yaml);
    expect(m.locate("/card/tags/1")).toEqual({ line: 5, column: 7 });
    expect(m.locate("/card/tags", "key")).toEqual({ line: 3, column: 3 });
    expect(m.locate("/sources/checkpoint")).toEqual({ line: 7, column: 24 });
    expect(m.locate("/card/empty")).toEqual({ line: 6, column: 3 });
  });

  it("falls back to the nearest existing ancestor for a missing pointer", () => {
    const m = parsed(yaml);
    expect(m.locate("/card/tags/9/x")).toEqual({ line: 4, column: 5 });
    expect(m.locate("/nothing/here")).toEqual({ line: 1, column: 1 });
  });

  it("keeps the source text of scalars for messages", () => {
    const m = parsed("version: 1.10\n");
    expect(m.data).toEqual({ version: 1.1 });
    expect(m.rawText("/version")).toBe("1.10");
  });

  it("escapes keys containing / and ~ in pointers", () => {
    const m = parsed('metrics:\n  "a/b~c": 1\n');
    expect(m.locate("/metrics/a~1b~0c")).toEqual({ line: 2, column: 12 });
  });

  it("parses JSON files strictly and still locates values", () => {
    const m = parsed('{\n  "id": "m",\n  "card": { "tags": ["x"] }\n}\n', "m.json");
    expect(m.format).toBe("json");
    expect(m.locate("/card/tags/0")).toEqual({ line: 3, column: 22 });
  });

  it("reports a JSON comment as a syntax error at its place", () => {
    const result = parseManifestText('{\n  // note\n  "id": "m"\n}\n', "m.json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ kind: "syntax", line: 2, column: 3 });
  });
});
