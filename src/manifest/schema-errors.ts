import type { ErrorObject } from "ajv";
import type { ManifestIssue } from "./issue.js";
import type { ParsedManifest } from "./parse.js";
import { joinPointer, valueAt } from "./pointer.js";
import { closest } from "./suggest.js";

interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  pattern?: string;
  format?: string;
}

type Explained = Pick<ManifestIssue, "kind" | "pointer" | "message" | "expected" | "fix"> & {
  part: "key" | "value";
};

/** Turns ajv's errors into located issues with a message and a fix, one per problem. */
export function issuesFromSchemaErrors(
  errors: readonly ErrorObject[],
  manifest: ParsedManifest,
): ManifestIssue[] {
  const seen = new Set<string>();
  const issues: ManifestIssue[] = [];
  for (const error of errors) {
    const explained = explain(error, manifest);
    if (!explained) continue;
    const key = `${explained.pointer}\u0000${explained.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { part, ...rest } = explained;
    const position = manifest.locate(explained.pointer, part);
    issues.push({ file: manifest.file, line: position.line, column: position.column, ...rest });
  }
  return issues;
}

function explain(error: ErrorObject, manifest: ParsedManifest): Explained | undefined {
  const pointer = error.instancePath;
  const schema = (error.parentSchema ?? {}) as SchemaNode;
  const value = valueAt(manifest.data, pointer);
  const shown = show(manifest.rawText(pointer) ?? JSON.stringify(value));
  const field = fieldName(pointer);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      const child = schema.properties?.[missing];
      return {
        kind: "required",
        part: "key",
        pointer: joinPointer(pointer, missing),
        message: `missing required field "${missing}"${pointer ? ` in ${field}` : ""}`,
        expected: child?.description,
        fix: `add \`${missing}: ${exampleOf(child) ?? "…"}\`${pointer ? ` under ${field}` : ""}`,
      };
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys(schema.properties ?? {}).filter((k) => k !== "$schema");
      const guess = closest(extra, allowed);
      return {
        kind: "unknown-key",
        part: "key",
        pointer: joinPointer(pointer, extra),
        message: `unknown key "${extra}"${pointer ? ` in ${field}` : ""}`,
        expected: allowed.length > 0 ? `one of: ${allowed.join(", ")}` : undefined,
        fix: guess ? `did you mean "${guess}"?` : `remove "${extra}"`,
      };
    }
    case "type": {
      const expected = String(params.type).replace(/,/g, " or ");
      return {
        kind: "type",
        part: "value",
        pointer,
        message: `${field} must be ${article(expected)}, got ${jsonType(value)} ${shown}`,
        expected: schema.description,
        fix: typeFix(expected, value, shown, schema),
      };
    }
    case "enum": {
      const allowed = (error.schema as unknown[]).map(String);
      const guess = typeof value === "string" ? closest(value, allowed) : undefined;
      return {
        kind: "enum",
        part: "value",
        pointer,
        message: `${shown} is not an allowed value for ${field}`,
        expected: `one of: ${allowed.join(", ")}`,
        fix: guess ? `did you mean "${guess}"?` : `use one of: ${allowed.join(", ")}`,
      };
    }
    case "pattern":
    case "format":
      return {
        kind: "format",
        part: "value",
        pointer,
        message: `${shown} is not a valid ${field}`,
        expected:
          schema.description ??
          (error.keyword === "format"
            ? `a ${String(params.format)}`
            : `text matching ${String(params.pattern)}`),
        fix: exampleOf(schema)
          ? `write it like \`${exampleOf(schema) ?? ""}\``
          : "see the expected form above",
      };
    case "if":
    case "oneOf":
    case "anyOf":
      // Their branches report the concrete problem; the summary line adds nothing.
      return undefined;
    default:
      return {
        kind: rangeKeywords.has(error.keyword) ? "range" : "rule",
        part: "value",
        pointer,
        message: `${field} ${error.message ?? "is invalid"}${value === undefined ? "" : ` (got ${shown})`}`,
        expected: schema.description,
        fix: fixForRange(error.keyword, params),
      };
  }
}

const rangeKeywords = new Set([
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "uniqueItems",
  "const",
]);

function fixForRange(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
    case "exclusiveMaximum":
      return `use a value ${String(params.comparison)} ${String(params.limit)}`;
    case "minLength":
    case "minItems":
    case "minProperties":
      return "fill it in, or remove the key";
    case "uniqueItems":
      return `remove the repeated entry (items ${String(params.j)} and ${String(params.i)} are the same)`;
    default:
      return "change the value to what is expected";
  }
}

function typeFix(expected: string, value: unknown, shown: string, schema: SchemaNode): string {
  if (expected.startsWith("string") && (typeof value === "number" || typeof value === "boolean")) {
    return `quote the value so YAML keeps it as text: "${exampleOf(schema) ?? String(value)}"`;
  }
  if ((expected === "integer" || expected === "number") && typeof value === "string") {
    return Number.isFinite(Number(value))
      ? "write the number without quotes"
      : `write a number instead of ${shown}`;
  }
  if (expected === "integer" && typeof value === "number") return "use a whole number";
  if (expected.startsWith("array") && value !== null && typeof value !== "object") {
    return `write a list, e.g. [${shown}] or one "- item" per line`;
  }
  const example = exampleOf(schema);
  return example ? `write ${article(expected)}, e.g. \`${example}\`` : `write ${article(expected)}`;
}

function exampleOf(schema: SchemaNode | undefined): string | undefined {
  const example = schema?.examples?.[0];
  if (example === undefined) return undefined;
  return typeof example === "string" ? example : JSON.stringify(example);
}

function fieldName(pointer: string): string {
  return pointer === "" ? "the manifest" : `"${pointer.slice(1).replace(/\//g, ".")}"`;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return typeof value === "number" && Number.isInteger(value) ? "integer" : typeof value;
}

function article(type: string): string {
  if (type === "object") return "a mapping";
  if (type === "array") return "a list";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function show(text: string | undefined): string {
  const t = text ?? "nothing";
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}
