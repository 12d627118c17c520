import { ModelPublishError } from "../errors.js";
import {
  GGUF_MAGIC,
  GGUF_VALUE_TYPES,
  GGUF_VERSION,
  type GgufValueTypeName,
} from "./gguf-types.js";
import {
  bigintProblem,
  numberProblem,
  type GgufMetadata,
  type GgufNumberType,
  type GgufValue,
} from "./gguf-value.js";

/** A tensor info as it is written: `ne` in ggml order (innermost first), offset in the data section. */
export interface GgufTensorInfoBytes {
  name: string;
  ne: readonly number[];
  typeId: number;
  offset: number;
}

/** A little-endian byte buffer that grows as it is written. */
class ByteWriter {
  private buffer = Buffer.alloc(4096);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const next = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + n));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }

  u8(v: number): void {
    this.room(1);
    this.buffer.writeUInt8(v, this.length);
    this.length += 1;
  }
  i8(v: number): void {
    this.room(1);
    this.buffer.writeInt8(v, this.length);
    this.length += 1;
  }
  u16(v: number): void {
    this.room(2);
    this.buffer.writeUInt16LE(v, this.length);
    this.length += 2;
  }
  i16(v: number): void {
    this.room(2);
    this.buffer.writeInt16LE(v, this.length);
    this.length += 2;
  }
  u32(v: number): void {
    this.room(4);
    this.buffer.writeUInt32LE(v, this.length);
    this.length += 4;
  }
  i32(v: number): void {
    this.room(4);
    this.buffer.writeInt32LE(v, this.length);
    this.length += 4;
  }
  f32(v: number): void {
    this.room(4);
    this.buffer.writeFloatLE(v, this.length);
    this.length += 4;
  }
  f64(v: number): void {
    this.room(8);
    this.buffer.writeDoubleLE(v, this.length);
    this.length += 8;
  }
  u64(v: bigint): void {
    this.room(8);
    this.buffer.writeBigUInt64LE(v, this.length);
    this.length += 8;
  }
  i64(v: bigint): void {
    this.room(8);
    this.buffer.writeBigInt64LE(v, this.length);
    this.length += 8;
  }
  string(s: string): void {
    const bytes = Buffer.from(s, "utf8");
    this.u64(BigInt(bytes.length));
    this.room(bytes.length);
    bytes.copy(this.buffer, this.length);
    this.length += bytes.length;
  }
  zeros(n: number): void {
    this.room(n);
    this.buffer.fill(0, this.length, this.length + n);
    this.length += n;
  }
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

const JS_TYPE: Record<string, string> = {
  uint64: "bigint",
  int64: "bigint",
  bool: "boolean",
  string: "string",
  uint8: "number",
  int8: "number",
  uint16: "number",
  int16: "number",
  uint32: "number",
  int32: "number",
  float32: "number",
  float64: "number",
};

function typeCode(type: GgufValueTypeName): number {
  return GGUF_VALUE_TYPES.indexOf(type);
}

function bad(key: string, detail: string): ModelPublishError {
  return new ModelPublishError(
    "INPUT_UNSUPPORTED",
    `GGUF metadata ${JSON.stringify(key)}: ${detail}`,
  );
}

const NUMBER_WRITERS: Record<GgufNumberType, (w: ByteWriter, v: number) => void> = {
  uint8: (w, v) => {
    w.u8(v);
  },
  int8: (w, v) => {
    w.i8(v);
  },
  uint16: (w, v) => {
    w.u16(v);
  },
  int16: (w, v) => {
    w.i16(v);
  },
  uint32: (w, v) => {
    w.u32(v);
  },
  int32: (w, v) => {
    w.i32(v);
  },
  float32: (w, v) => {
    w.f32(v);
  },
  float64: (w, v) => {
    w.f64(v);
  },
};

function writeValue(w: ByteWriter, key: string, value: GgufValue): void {
  if (value.type === "array") {
    w.u32(typeCode(value.itemType));
    w.u64(BigInt(value.items.length));
    const jsType = JS_TYPE[value.itemType];
    for (const item of value.items) {
      if (typeof item !== jsType)
        throw bad(key, `array of ${value.itemType} holds a ${typeof item}`);
      writeValue(w, key, { type: value.itemType, value: item } as GgufValue);
    }
  } else if (value.type === "string") {
    w.string(value.value);
  } else if (value.type === "bool") {
    w.u8(value.value ? 1 : 0);
  } else if (value.type === "uint64" || value.type === "int64") {
    const problem = bigintProblem(value.type, value.value);
    if (problem !== undefined) throw bad(key, problem);
    if (value.type === "uint64") w.u64(value.value);
    else w.i64(value.value);
  } else {
    const { type, value: v } = value;
    if (typeof v !== "number") throw bad(key, `${type} value is a ${typeof v}`);
    const problem = numberProblem(type, v);
    if (problem !== undefined) throw bad(key, problem);
    NUMBER_WRITERS[type](w, v);
  }
}

/**
 * The bytes before the data section: magic, version 3, counts, every KV pair in map order and
 * every tensor info, zero-padded to `alignment` (the data section starts there).
 */
export function encodeGgufHeader(
  metadata: GgufMetadata,
  tensors: readonly GgufTensorInfoBytes[],
  alignment: number,
): Buffer {
  const w = new ByteWriter();
  w.u32(GGUF_MAGIC);
  w.u32(GGUF_VERSION);
  w.u64(BigInt(tensors.length));
  w.u64(BigInt(metadata.size));
  for (const [key, value] of metadata) {
    w.string(key);
    w.u32(typeCode(value.type));
    writeValue(w, key, value);
  }
  for (const t of tensors) {
    w.string(t.name);
    w.u32(t.ne.length);
    for (const n of t.ne) w.u64(BigInt(n));
    w.u32(t.typeId);
    w.u64(BigInt(t.offset));
  }
  w.zeros((alignment - (w.length % alignment)) % alignment);
  return w.bytes();
}
