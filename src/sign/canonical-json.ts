import { ModelPublishError } from "../errors.js";

/** Code-unit order, which RFC 8785 §3.2.3 prescribes (not code-point or locale order). */
function compareUtf16(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = a.charCodeAt(i) - b.charCodeAt(i);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

function fail(where: string, what: string): never {
  throw new ModelPublishError(
    "INPUT_MALFORMED",
    `canonical JSON: ${what} at ${where === "" ? "(root)" : where}; only I-JSON values (RFC 7493) can be signed`,
  );
}

/** Lone surrogates are not I-JSON, and RFC 8785 refuses them rather than escaping them. */
function checkString(text: string, where: string): void {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      fail(where, `a lone surrogate (U+${unit.toString(16).toUpperCase()})`);
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      fail(where, `a lone surrogate (U+${unit.toString(16).toUpperCase()})`);
    }
  }
}

function serialise(value: unknown, where: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) fail(where, `the number ${String(value)}`);
      // ECMAScript's Number-to-string is the serialisation RFC 8785 §3.2.2.3 adopts (-0 gives "0").
      return JSON.stringify(value);
    case "string":
      checkString(value, where);
      // JSON.stringify escapes exactly what RFC 8785 §3.2.2.2 escapes, with lower-case \u00xx.
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) {
        const items: unknown[] = value;
        return `[${items.map((item, index) => serialise(item, `${where}/${index}`)).join(",")}]`;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) fail(where, "a non-plain object");
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, member]) => member !== undefined)
        .sort(([a], [b]) => compareUtf16(a, b));
      const members = entries.map(([key, member]) => {
        const at = `${where}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
        checkString(key, at);
        return `${JSON.stringify(key)}:${serialise(member, at)}`;
      });
      return `{${members.join(",")}}`;
    }
    case "bigint":
    case "function":
    case "symbol":
    case "undefined":
      return fail(where, `a ${typeof value} value`);
  }
  return fail(where, "an unknown value");
}

/**
 * The RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: object members sorted by
 * UTF-16 code units, no whitespace, ECMAScript number and string serialisation. Object members
 * whose value is `undefined` are left out, as `JSON.stringify` does; anything that is not JSON
 * (NaN, Infinity, bigint, class instances, lone surrogates) is refused.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, "");
}

/** {@link canonicalJson} as UTF-8 bytes: what gets signed. */
export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), "utf8");
}
