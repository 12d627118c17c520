import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from "yaml";
import type { ManifestIssue } from "./issue.js";
import { joinPointer, parentPointer } from "./pointer.js";

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

interface Located {
  key?: SourcePosition;
  value: SourcePosition;
  /** The value's text as written, for messages ("got `1.0`"). */
  raw?: string;
}

/** A parsed manifest that still knows where every value came from. */
export interface ParsedManifest {
  file: string;
  format: "yaml" | "json";
  data: unknown;
  /** Where the value at `pointer` (or its nearest existing ancestor) starts. */
  locate(pointer: string, part?: "key" | "value"): SourcePosition;
  /** The value's source text, when the pointer names a scalar. */
  rawText(pointer: string): string | undefined;
}

export type ParseResult =
  { ok: true; manifest: ParsedManifest } | { ok: false; issues: ManifestIssue[] };

const START: SourcePosition = { line: 1, column: 1 };

/** Parses YAML or JSON text, keeping the source position of every key and value. */
export function parseManifestText(text: string, file: string): ParseResult {
  const format = /\.json$/i.test(file) ? "json" : "yaml";
  if (format === "json") {
    const jsonIssue = checkStrictJson(text, file);
    if (jsonIssue) return { ok: false, issues: [jsonIssue] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
        return {
          kind: "syntax",
          file,
          line: pos.line,
          column: pos.col,
          pointer: "",
          message: firstLine(error.message).replace(/ at line \d+, column \d+:?$/, ""),
          fix: syntaxFix(error.code),
        };
      }),
    };
  }
  const positions = new Map<string, Located>();
  const toPosition = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          kind: "syntax",
          file,
          line: 1,
          column: 1,
          pointer: "",
          message: `cannot expand the document: ${error instanceof Error ? error.message : String(error)}`,
          fix: "write the values out instead of nesting YAML aliases (*name) many levels deep",
        },
      ],
    };
  }
  if (doc.contents) record(doc.contents, "", undefined, text, toPosition, positions);
  const manifest: ParsedManifest = {
    file,
    format,
    data,
    locate(pointer, part = "value") {
      for (let p = pointer; ; p = parentPointer(p)) {
        const found = positions.get(p);
        if (found) return (part === "key" ? found.key : undefined) ?? found.value;
        if (p === "") return START;
      }
    },
    rawText: (pointer) => positions.get(pointer)?.raw,
  };
  return { ok: true, manifest };
}

function record(
  node: Node,
  pointer: string,
  key: SourcePosition | undefined,
  text: string,
  toPosition: (offset: number) => SourcePosition,
  into: Map<string, Located>,
): void {
  // An empty value (`key:` and nothing after it) has no text of its own; point at its key.
  const empty = !node.range || node.range[0] === node.range[1];
  const start = node.range && !empty ? toPosition(node.range[0]) : (key ?? START);
  const raw = isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
  into.set(pointer, { key, value: start, raw });
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const name = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const keyPos = keyNode?.range ? toPosition(keyNode.range[0]) : start;
      const child = joinPointer(pointer, name);
      const value = pair.value as Node | null;
      if (value) record(value, child, keyPos, text, toPosition, into);
      else into.set(child, { key: keyPos, value: keyPos });
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      if (item)
        record(item as Node, joinPointer(pointer, index), undefined, text, toPosition, into);
    });
  }
}

/** JSON that YAML would forgive (trailing commas, comments) is still an error in a .json file. */
function checkStrictJson(text: string, file: string): ManifestIssue | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    const before = text.slice(0, offset).split("\n");
    return {
      kind: "syntax",
      file,
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1,
      pointer: "",
      message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, "").replace(/ \(line \d+ column \d+\)$/, "")}`,
      fix: "check the brackets, commas and quotes around this place (JSON allows no trailing commas or comments), or write the manifest in YAML",
    };
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

function syntaxFix(code: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "remove or rename one of the repeated keys";
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN":
      return "check the indentation and punctuation on this line (YAML indents with spaces, not tabs)";
    case "TAB_AS_INDENT":
      return "indent with spaces; YAML does not allow tabs for indentation";
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return "put a space after the colon of `key: value` and quote values that contain `: `";
    default:
      return "fix the YAML syntax at this place; quote values that contain `:`, `#`, `{` or `[`";
  }
}
