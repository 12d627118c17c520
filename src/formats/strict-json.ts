/**
 * A strict JSON parser for untrusted headers. Unlike JSON.parse it rejects duplicate keys, keeps
 * each number's source text (so `1.0` and `18446744073709551615` are not silently rounded into
 * something that looks valid), builds objects as Maps (no prototype keys), and bounds nesting.
 */

export class JsonNumber {
  constructor(
    /** The literal as written. */
    readonly text: string,
  ) {}

  get value(): number {
    return Number(this.text);
  }

  /** True for a literal made of digits only: what a Rust `usize` field accepts. */
  get isUnsignedInteger(): boolean {
    return /^(0|[1-9][0-9]*)$/.test(this.text);
  }
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
export type JsonObject = Map<string, JsonValue>;

/** A syntax error at a character index of the parsed text. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
    this.name = "JsonSyntaxError";
  }
}

const MAX_DEPTH = 128;
const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** Parses `text` as exactly one JSON value with optional surrounding whitespace. */
export function parseStrictJson(text: string): JsonValue {
  let i = 0;

  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(message, at);
  };
  const skipWhitespace = (): void => {
    while (i < text.length && WHITESPACE.has(text.charAt(i))) i++;
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = "";
    for (;;) {
      if (i >= text.length) return fail("unterminated string", start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return out;
      }
      if (c < 0x20) return fail("control character in string");
      if (c !== 0x5c) {
        let end = i + 1;
        while (end < text.length) {
          const d = text.charCodeAt(end);
          if (d === 0x22 || d === 0x5c || d < 0x20) break;
          end++;
        }
        out += text.slice(i, end);
        i = end;
        continue;
      }
      const e = text.charAt(i + 1);
      if (e === "u") {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return fail("bad \\u escape");
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        const mapped = ESCAPES[e];
        if (mapped === undefined) return fail(`bad escape \\${e}`);
        out += mapped;
        i += 2;
      }
    }
  };

  const parseNumber = (): JsonNumber => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 512));
    if (!match) return fail("bad number");
    i += match[0].length;
    return new JsonNumber(match[0]);
  };

  const parseValue = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) return fail(`nesting deeper than ${MAX_DEPTH} levels`);
    skipWhitespace();
    const c = text.charAt(i);
    if (c === "{") return parseObject(depth);
    if (c === "[") return parseArray(depth);
    if (c === '"') return parseString();
    if (c === "-" || (c >= "0" && c <= "9")) return parseNumber();
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return fail(
      i >= text.length ? "unexpected end of JSON" : `unexpected character ${JSON.stringify(c)}`,
    );
  };

  const parseArray = (depth: number): JsonValue[] => {
    i++;
    const items: JsonValue[] = [];
    skipWhitespace();
    if (text.charAt(i) === "]") {
      i++;
      return items;
    }
    for (;;) {
      items.push(parseValue(depth + 1));
      skipWhitespace();
      const c = text.charAt(i++);
      if (c === "]") return items;
      if (c !== ",") return fail("expected , or ] in array", i - 1);
    }
  };

  const parseObject = (depth: number): JsonObject => {
    i++;
    const object: JsonObject = new Map();
    skipWhitespace();
    if (text.charAt(i) === "}") {
      i++;
      return object;
    }
    for (;;) {
      skipWhitespace();
      if (text.charAt(i) !== '"') return fail("expected a string key");
      const keyAt = i;
      const key = parseString();
      if (object.has(key)) return fail(`duplicate key ${JSON.stringify(key)}`, keyAt);
      skipWhitespace();
      if (text.charAt(i++) !== ":") return fail("expected : after key", i - 1);
      object.set(key, parseValue(depth + 1));
      skipWhitespace();
      const c = text.charAt(i++);
      if (c === "}") return object;
      if (c !== ",") return fail("expected , or } in object", i - 1);
    }
  };

  const value = parseValue(0);
  skipWhitespace();
  if (i < text.length) fail("trailing characters after the JSON value");
  return value;
}
