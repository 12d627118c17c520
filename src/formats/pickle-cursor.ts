import { ModelPublishError } from "../errors.js";
import { malformed } from "./format-error.js";

/** The pickle ended before STOP; a caller reading a stream may retry with more bytes. */
export class TruncatedPickleError extends ModelPublishError {
  constructor(where: string, at: number) {
    super(
      "INPUT_MALFORMED",
      `${where}: the pickle ends at byte ${at} before its STOP opcode (truncated file)`,
    );
  }
}

const MAX_LONG_BYTES = 1024;
const MAX_LINE = 512;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a pickle's operands with bounds checks: running out of bytes is a TruncatedPickleError,
 * and every other failure names the byte offset of the opcode being read (`at`).
 */
export class PickleCursor {
  private readonly view: DataView;
  /** Offset of the next byte to read. */
  pos: number;
  /** Offset of the opcode being interpreted, for messages. */
  at: number;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    readonly where: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = start;
    this.at = start;
  }

  fail(detail: string): never {
    throw malformed(this.where, `${detail} (at byte ${this.at})`);
  }

  /** Advances past `n` bytes and returns where they start. */
  take(n: number): number {
    if (n < 0 || this.pos + n > this.bytes.length) {
      throw new TruncatedPickleError(this.where, this.bytes.length);
    }
    const p = this.pos;
    this.pos += n;
    return p;
  }

  u8(): number {
    return this.bytes[this.take(1)] ?? 0;
  }

  u16(): number {
    return this.view.getUint16(this.take(2), true);
  }

  i32(): number {
    return this.view.getInt32(this.take(4), true);
  }

  u32(): number {
    return this.view.getUint32(this.take(4), true);
  }

  /** An 8-byte length; one past the end of the data reads as truncation. */
  u64(): number {
    const value = this.view.getBigUint64(this.take(8), true);
    return value > BigInt(this.bytes.length) ? this.bytes.length + 1 : Number(value);
  }

  f64be(): number {
    return this.view.getFloat64(this.take(8), false);
  }

  slice(n: number): Uint8Array {
    const p = this.take(n);
    return this.bytes.slice(p, p + n);
  }

  /** A newline-terminated name, as GLOBAL and INST carry them. */
  line(): string {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end < 0 || end - this.pos > MAX_LINE) {
      if (end < 0 && this.bytes.length - this.pos <= MAX_LINE) {
        throw new TruncatedPickleError(this.where, this.bytes.length);
      }
      return this.fail(`a GLOBAL name line is missing or longer than ${MAX_LINE} bytes`);
    }
    const text = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.pos, end - this.pos);
    this.pos = end + 1;
    return text.toString("utf8");
  }

  text(n: number): string {
    const p = this.take(n);
    try {
      return utf8.decode(this.bytes.subarray(p, p + n));
    } catch {
      return this.fail("a string is not valid UTF-8");
    }
  }

  /** A little-endian two's-complement integer of `n` bytes (LONG1/LONG4); a number when safe. */
  long(n: number): number | bigint {
    if (n < 0 || n > MAX_LONG_BYTES) {
      this.fail(`an integer of ${n} bytes is over the ${MAX_LONG_BYTES}-byte limit`);
    }
    const p = this.take(n);
    let value = 0n;
    for (let i = n - 1; i >= 0; i--) value = (value << 8n) | BigInt(this.bytes[p + i] ?? 0);
    if (n > 0 && ((this.bytes[p + n - 1] ?? 0) & 0x80) !== 0) value -= 1n << BigInt(8 * n);
    const safe =
      value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER);
    return safe ? Number(value) : value;
  }
}
