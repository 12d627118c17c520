/**
 * A strict JSON parser for untrusted headers. Unlike JSON.parse it rejects duplicate keys, keeps
 * each number's source text (so `1.0` and `18446744073709551615` are not silently rounded into
 * something that looks valid), builds objects as Maps (no prototype keys), and bounds nesting.
 */
export declare class JsonNumber {
    /** The literal as written. */
    readonly text: string;
    constructor(
    /** The literal as written. */
    text: string);
    get value(): number;
    /** True for a literal made of digits only: what a Rust `usize` field accepts. */
    get isUnsignedInteger(): boolean;
}
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
export type JsonObject = Map<string, JsonValue>;
/** A syntax error at a character index of the parsed text. */
export declare class JsonSyntaxError extends Error {
    readonly index: number;
    constructor(message: string, index: number);
}
/** Parses `text` as exactly one JSON value with optional surrounding whitespace. */
export declare function parseStrictJson(text: string): JsonValue;
