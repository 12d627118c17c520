import { ModelPublishError } from "../errors.js";
/** The pickle ended before STOP; a caller reading a stream may retry with more bytes. */
export declare class TruncatedPickleError extends ModelPublishError {
    constructor(where: string, at: number);
}
/**
 * Reads a pickle's operands with bounds checks: running out of bytes is a TruncatedPickleError,
 * and every other failure names the byte offset of the opcode being read (`at`).
 */
export declare class PickleCursor {
    private readonly bytes;
    readonly where: string;
    private readonly view;
    /** Offset of the next byte to read. */
    pos: number;
    /** Offset of the opcode being interpreted, for messages. */
    at: number;
    constructor(bytes: Uint8Array, start: number, where: string);
    fail(detail: string): never;
    /** Advances past `n` bytes and returns where they start. */
    take(n: number): number;
    u8(): number;
    u16(): number;
    i32(): number;
    u32(): number;
    /** An 8-byte length; one past the end of the data reads as truncation. */
    u64(): number;
    f64be(): number;
    slice(n: number): Uint8Array;
    /** A newline-terminated name, as GLOBAL and INST carry them. */
    line(): string;
    text(n: number): string;
    /** A little-endian two's-complement integer of `n` bytes (LONG1/LONG4); a number when safe. */
    long(n: number): number | bigint;
}
