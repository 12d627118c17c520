import { checkedProduct } from "./checked-int.js";
import { unsupported } from "./format-error.js";
import { GgufCursor } from "./gguf-cursor.js";
import {
  alignUp,
  GGML_MAX_DIMS,
  GGML_MAX_NAME_BYTES,
  GGUF_DEFAULT_ALIGNMENT,
  GGUF_MAGIC,
  GGUF_VALUE_TYPES,
  ggmlNbytes,
  ggmlTypeById,
  type GgmlTypeInfo,
} from "./gguf-types.js";
import type { GgufItemType, GgufValue } from "./gguf-value.js";

/** One tensor as the file describes it. */
export interface GgufTensorInfo {
  name: string;
  /** Dimensions in ggml order, innermost first, as stored (n_dims of them). */
  ne: number[];
  /** The same dimensions in PyTorch order (outermost first). */
  shape: number[];
  type: GgmlTypeInfo;
  /** Offset from the start of the data section. */
  offset: number;
  nbytes: number;
}

export interface GgufHeader {
  version: number;
  metadata: Map<string, GgufValue>;
  tensors: GgufTensorInfo[];
  alignment: number;
  /** File offset of the data section. */
  dataStart: number;
}

const ITEM_SIZE: Record<string, number> = {
  uint8: 1,
  int8: 1,
  bool: 1,
  uint16: 2,
  int16: 2,
  uint32: 4,
  int32: 4,
  float32: 4,
  uint64: 8,
  int64: 8,
  float64: 8,
  string: 8,
};

function readType(c: GgufCursor, what: string): (typeof GGUF_VALUE_TYPES)[number] {
  const at = c.pos;
  const code = c.u32(what);
  const type = GGUF_VALUE_TYPES[code];
  if (type === undefined) throw c.fail(at, `${what} ${code} is not a GGUF value type`);
  return type;
}

function readScalar(
  c: GgufCursor,
  type: GgufItemType,
  what: string,
): number | bigint | boolean | string {
  switch (type) {
    case "uint8":
      return c.u8(what);
    case "int8":
      return c.i8(what);
    case "uint16":
      return c.u16(what);
    case "int16":
      return c.i16(what);
    case "uint32":
      return c.u32(what);
    case "int32":
      return c.i32(what);
    case "float32":
      return c.f32(what);
    case "float64":
      return c.f64(what);
    case "uint64":
      return c.u64(what);
    case "int64":
      return c.i64(what);
    case "bool":
      return c.u8(what) !== 0;
    case "string":
      return c.string(what);
  }
}

function readValue(c: GgufCursor, key: string): GgufValue {
  const what = `value of ${JSON.stringify(key)}`;
  const type = readType(c, `type of ${JSON.stringify(key)}`);
  if (type !== "array") return { type, value: readScalar(c, type, what) } as GgufValue;
  const at = c.pos;
  const itemType = readType(c, `element type of ${JSON.stringify(key)}`);
  if (itemType === "array") {
    throw c.fail(at, `${JSON.stringify(key)} is an array of arrays, which ggml refuses`);
  }
  const size = ITEM_SIZE[itemType] ?? 1;
  const count = c.count(`length of ${JSON.stringify(key)}`, Math.floor((c.remaining - 8) / size));
  const items: unknown[] = new Array<unknown>(count);
  for (let i = 0; i < count; i++) items[i] = readScalar(c, itemType, `${what}[${i}]`);
  return { type: "array", itemType, items } as GgufValue;
}

type PendingInfo = Omit<GgufTensorInfo, "nbytes"> & { offsetAt: number };

function readTensorInfo(c: GgufCursor): PendingInfo {
  const at = c.pos;
  const name = c.string("tensor name");
  const bytes = Buffer.byteLength(name, "utf8");
  if (bytes > GGML_MAX_NAME_BYTES) {
    throw c.fail(
      at,
      `tensor name ${JSON.stringify(name)} is ${bytes} bytes, over ggml's ${GGML_MAX_NAME_BYTES}`,
    );
  }
  const dimsAt = c.pos;
  const nDims = c.u32(`dimension count of ${name}`);
  if (nDims > GGML_MAX_DIMS) {
    throw c.fail(dimsAt, `tensor ${name} has ${nDims} dimensions, over ggml's ${GGML_MAX_DIMS}`);
  }
  const ne: number[] = [];
  for (let j = 0; j < nDims; j++)
    ne.push(c.count(`dimension ${j} of ${name}`, Number.MAX_SAFE_INTEGER));
  if (checkedProduct(ne) === undefined)
    throw c.fail(dimsAt, `tensor ${name} has too many elements`);
  const typeAt = c.pos;
  const typeId = c.u32(`type of ${name}`);
  const type = ggmlTypeById(typeId);
  if (type === undefined) throw c.fail(typeAt, `tensor ${name} has unknown ggml type ${typeId}`);
  const offsetAt = c.pos;
  const offset = c.count(`offset of ${name}`, Number.MAX_SAFE_INTEGER);
  return { name, ne, shape: [...ne].reverse(), type, offset, offsetAt };
}

/**
 * Parses a GGUF header (v2 or v3, little-endian) and checks everything ggml's reader checks:
 * magic and version, no duplicate keys or tensor names, no nested arrays, a uint32 power-of-two
 * `general.alignment`, names of at most 63 bytes, at most 4 dimensions, known types, rows a whole
 * number of blocks, offsets contiguous and aligned in tensor order, and tensor data inside the file.
 * Throws INPUT_MALFORMED naming the byte offset, or NeedMoreBytes when `buf` ends too soon.
 */
export function parseGgufHeader(buf: Buffer, fileSize: number, name: string): GgufHeader {
  const c = new GgufCursor(buf, fileSize, name);
  const magic = c.u32("magic");
  if (magic !== GGUF_MAGIC)
    throw c.fail(0, `magic is ${buf.subarray(0, 4).toString("hex")}, not "GGUF"`);
  const version = c.u32("version");
  if (version === 0x03000000 || version === 0x02000000) {
    throw unsupported(name, "is a big-endian GGUF file, which ggml cannot read either");
  }
  if (version < 2 || version > 3) {
    throw unsupported(
      name,
      `GGUF version ${version} at byte 4 is not supported (ggml reads 2 and 3)`,
    );
  }
  const tensorCount = c.count("tensor count", Math.floor(c.remaining / 24));
  const kvCount = c.count("metadata count", Math.floor((c.remaining - 8) / 13));
  const metadata = new Map<string, GgufValue>();
  let alignAt = 0;
  for (let i = 0; i < kvCount; i++) {
    const at = c.pos;
    const key = c.string(`key ${i}`);
    if (metadata.has(key)) throw c.fail(at, `duplicate metadata key ${JSON.stringify(key)}`);
    if (key === "general.alignment") alignAt = at;
    metadata.set(key, readValue(c, key));
  }
  let alignment = GGUF_DEFAULT_ALIGNMENT;
  const align = metadata.get("general.alignment");
  if (align !== undefined) {
    if (align.type !== "uint32") {
      throw c.fail(alignAt, `general.alignment is a ${align.type}; ggml requires a uint32`);
    }
    if (align.value === 0 || (align.value & (align.value - 1)) !== 0) {
      throw c.fail(alignAt, `general.alignment ${align.value} is not a power of two`);
    }
    alignment = align.value;
  }
  const infos: PendingInfo[] = [];
  const names = new Set<string>();
  for (let i = 0; i < tensorCount; i++) {
    const at = c.pos;
    const info = readTensorInfo(c);
    if (names.has(info.name))
      throw c.fail(at, `duplicate tensor name ${JSON.stringify(info.name)}`);
    names.add(info.name);
    infos.push(info);
  }
  const dataStart = alignUp(c.pos, alignment);
  let expected = 0;
  const tensors = infos.map(({ offsetAt, ...info }): GgufTensorInfo => {
    const nbytes = ggmlNbytes(info.type, info.ne);
    if (nbytes === undefined) {
      throw c.fail(
        offsetAt,
        `tensor ${info.name}: ${info.type.name} rows of ${info.ne[0] ?? 1} values are not a multiple of its block size ${info.type.blockSize}`,
      );
    }
    if (info.offset !== expected) {
      throw c.fail(
        offsetAt,
        `tensor ${info.name} has offset ${info.offset}, expected ${expected} (offsets must be contiguous and aligned to ${alignment})`,
      );
    }
    const end = dataStart + info.offset + nbytes;
    if (end > fileSize) {
      throw c.fail(
        dataStart + info.offset,
        `tensor ${info.name} (${nbytes} bytes) runs past the end of the ${fileSize}-byte file; the file is truncated`,
      );
    }
    expected = alignUp(info.offset + nbytes, alignment);
    return { ...info, nbytes };
  });
  return { version, metadata, tensors, alignment, dataStart };
}
