/**
 * The RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: object members sorted by
 * UTF-16 code units, no whitespace, ECMAScript number and string serialisation. Object members
 * whose value is `undefined` are left out, as `JSON.stringify` does; anything that is not JSON
 * (NaN, Infinity, bigint, class instances, lone surrogates) is refused.
 */
export declare function canonicalJson(value: unknown): string;
/** {@link canonicalJson} as UTF-8 bytes: what gets signed. */
export declare function canonicalJsonBytes(value: unknown): Buffer;
