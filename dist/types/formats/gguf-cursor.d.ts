/** Thrown when the header runs past the bytes read so far (but not past the file): read more. */
export declare class NeedMoreBytes extends Error {
    readonly upTo: number;
    constructor(upTo: number);
}
/**
 * Bounded little-endian reads over the first bytes of a file. Every read is checked against the
 * file's size (truncation is INPUT_MALFORMED naming the byte offset) and against the bytes held
 * (NeedMoreBytes), so a hostile length cannot make the reader allocate or loop beyond the file.
 */
export declare class GgufCursor {
    private readonly buf;
    readonly fileSize: number;
    readonly name: string;
    pos: number;
    constructor(buf: Buffer, fileSize: number, name: string);
    /** INPUT_MALFORMED naming `offset`. */
    fail(offset: number, detail: string): Error;
    need(n: number, what: string): void;
    get remaining(): number;
    u8(what: string): number;
    i8(what: string): number;
    u16(what: string): number;
    i16(what: string): number;
    u32(what: string): number;
    i32(what: string): number;
    f32(what: string): number;
    f64(what: string): number;
    u64(what: string): bigint;
    i64(what: string): bigint;
    /** A u64 that ggml reads as int64 and that must also be a safe integer here. */
    count(what: string, max: number): number;
    /** `gguf_string`: u64 length, then that many bytes of UTF-8. */
    string(what: string): string;
}
