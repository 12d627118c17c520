import { malformed } from "./format-error.js";

/** Thrown when the header runs past the bytes read so far (but not past the file): read more. */
export class NeedMoreBytes extends Error {
  constructor(readonly upTo: number) {
    super(`need the first ${upTo} bytes`);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Bounded little-endian reads over the first bytes of a file. Every read is checked against the
 * file's size (truncation is INPUT_MALFORMED naming the byte offset) and against the bytes held
 * (NeedMoreBytes), so a hostile length cannot make the reader allocate or loop beyond the file.
 */
export class GgufCursor {
  pos = 0;

  constructor(
    private readonly buf: Buffer,
    readonly fileSize: number,
    readonly name: string,
  ) {}

  /** INPUT_MALFORMED naming `offset`. */
  fail(offset: number, detail: string): Error {
    return malformed(this.name, `${detail} at byte ${offset}`);
  }

  need(n: number, what: string): void {
    if (this.pos + n > this.fileSize) {
      throw malformed(
        this.name,
        `${what} at byte ${this.pos} runs past the end of the ${this.fileSize}-byte file; the file is truncated`,
      );
    }
    if (this.pos + n > this.buf.length) throw new NeedMoreBytes(this.pos + n);
  }

  get remaining(): number {
    return this.fileSize - this.pos;
  }

  u8(what: string): number {
    this.need(1, what);
    return this.buf.readUInt8(this.pos++);
  }
  i8(what: string): number {
    this.need(1, what);
    return this.buf.readInt8(this.pos++);
  }
  u16(what: string): number {
    this.need(2, what);
    const v = this.buf.readUInt16LE(this.pos);
    this.pos += 2;
    return v;
  }
  i16(what: string): number {
    this.need(2, what);
    const v = this.buf.readInt16LE(this.pos);
    this.pos += 2;
    return v;
  }
  u32(what: string): number {
    this.need(4, what);
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  i32(what: string): number {
    this.need(4, what);
    const v = this.buf.readInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  f32(what: string): number {
    this.need(4, what);
    const v = this.buf.readFloatLE(this.pos);
    this.pos += 4;
    return v;
  }
  f64(what: string): number {
    this.need(8, what);
    const v = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return v;
  }
  u64(what: string): bigint {
    this.need(8, what);
    const v = this.buf.readBigUInt64LE(this.pos);
    this.pos += 8;
    return v;
  }
  i64(what: string): bigint {
    this.need(8, what);
    const v = this.buf.readBigInt64LE(this.pos);
    this.pos += 8;
    return v;
  }

  /** A u64 that ggml reads as int64 and that must also be a safe integer here. */
  count(what: string, max: number): number {
    const at = this.pos;
    const v = this.i64(what);
    if (v < 0n) throw this.fail(at, `${what} ${v} is negative`);
    if (v > BigInt(max)) {
      throw this.fail(at, `${what} ${v} is more than the rest of the file could hold (${max})`);
    }
    return Number(v);
  }

  /** `gguf_string`: u64 length, then that many bytes of UTF-8. */
  string(what: string): string {
    const at = this.pos;
    const length = this.count(`${what} length`, this.remaining - 8);
    this.need(length, what);
    const bytes = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    try {
      return utf8.decode(bytes);
    } catch {
      throw this.fail(at, `${what} is not valid UTF-8`);
    }
  }
}
