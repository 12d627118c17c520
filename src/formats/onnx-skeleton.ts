import { malformed, unsupported } from "./format-error.js";
import type { RandomAccessFile } from "./random-access-file.js";

/** A raw_data payload left in the file: the nth graph initializer's bytes. */
export interface SkippedRawData {
  initializer: number;
  offset: number;
  length: number;
}

const WINDOW = 1 << 20;

/** Sequential reads through a window, so thousands of small fields cost few system calls. */
class Cursor {
  private window: Buffer = Buffer.alloc(0);
  private start = 0;

  constructor(private readonly file: RandomAccessFile) {}

  async bytes(at: number, length: number, what: string): Promise<Buffer> {
    if (at < this.start || at + length > this.start + this.window.length) {
      const size = Math.min(Math.max(length, WINDOW), this.file.size - at);
      this.window = await this.file.read(at, size, what);
      this.start = at;
    }
    return this.window.subarray(at - this.start, at - this.start + length);
  }

  /** A varint at `at`: its value and byte count. */
  async varint(at: number, end: number, what: string): Promise<{ value: number; size: number }> {
    const bytes = await this.bytes(at, Math.min(10, end - at), what);
    let value = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] ?? 0;
      value += (b & 0x7f) * 2 ** (7 * i);
      if ((b & 0x80) === 0) {
        if (!Number.isSafeInteger(value)) break;
        return { value, size: i + 1 };
      }
    }
    throw malformed(this.file.name, `${what} at byte ${at} is not a valid varint`);
  }
}

function varint(value: number): Buffer {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return Buffer.from(out);
}

interface Field {
  id: number;
  wire: number;
  /** Whole field, header included. */
  start: number;
  end: number;
  /** Payload of a length-delimited field. */
  body: number;
}

async function* fields(cursor: Cursor, start: number, end: number, what: string) {
  for (let at = start; at < end;) {
    const tag = await cursor.varint(at, end, `${what} field tag`);
    const id = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    let body = at + tag.size;
    let next: number;
    if (wire === 0) next = body + (await cursor.varint(body, end, `${what} varint`)).size;
    else if (wire === 1) next = body + 8;
    else if (wire === 5) next = body + 4;
    else if (wire === 2) {
      const length = await cursor.varint(body, end, `${what} field length`);
      body += length.size;
      next = body + length.value;
    } else {
      throw malformed(
        what,
        `wire type ${wire} at byte ${at}: this is not an ONNX protobuf (truncated, corrupted or another kind of file)`,
      );
    }
    if (id === 0 || next > end) {
      throw malformed(
        what,
        `field ${id} at byte ${at} runs to byte ${next}, past its message's end at ${end}; the file is truncated or corrupt`,
      );
    }
    const field: Field = { id, wire, start: at, end: next, body };
    yield field;
    at = next;
  }
}

const lengthDelimited = (id: number, parts: Buffer[]): Buffer[] => {
  const length = parts.reduce((n, p) => n + p.length, 0);
  return [varint(id * 8 + 2), varint(length), ...parts];
};

/**
 * Reads a model file as protobuf while leaving the raw_data of graph initializers of at least
 * `threshold` bytes on disk: returns the model's bytes with those payloads emptied (a
 * "skeleton" that decodes to the same model minus that data) and where each payload is. The
 * file is read in order, a window at a time; nothing is read twice.
 */
export async function readSkeleton(
  file: RandomAccessFile,
  threshold: number,
): Promise<{ skeleton: Buffer; skipped: SkippedRawData[] }> {
  const cursor = new Cursor(file);
  const skipped: SkippedRawData[] = [];
  const name = file.name;
  let initializer = 0;
  const copy = async (f: Field) => cursor.bytes(f.start, f.end - f.start, "field");

  const tensor = async (f: Field): Promise<Buffer[]> => {
    const parts: Buffer[] = [];
    let raw: { offset: number; length: number } | undefined;
    for await (const g of fields(cursor, f.body, f.end, `${name}: initializer #${initializer}`)) {
      if (g.id === 9 && g.wire === 2 && g.end - g.body >= threshold) {
        raw = { offset: g.body, length: g.end - g.body };
        parts.push(Buffer.from([0x4a, 0x00]));
      } else {
        parts.push(Buffer.from(await copy(g)));
      }
    }
    if (raw) skipped.push({ initializer, ...raw });
    initializer++;
    return lengthDelimited(5, parts);
  };

  const graph = async (f: Field): Promise<Buffer[]> => {
    const parts: Buffer[] = [];
    for await (const g of fields(cursor, f.body, f.end, `${name}: graph`)) {
      if (g.id === 5 && g.wire === 2) parts.push(...(await tensor(g)));
      else parts.push(Buffer.from(await copy(g)));
    }
    return lengthDelimited(7, parts);
  };

  const parts: Buffer[] = [];
  let graphs = 0;
  for await (const f of fields(cursor, 0, file.size, name)) {
    if (f.id === 7 && f.wire === 2) {
      // A second graph field would merge with the first: keep such files whole.
      if (graphs++ > 0) throw unsupported(name, "two graph fields in one model");
      parts.push(...(await graph(f)));
    } else {
      parts.push(Buffer.from(await copy(f)));
    }
  }
  return { skeleton: Buffer.concat(parts), skipped };
}
