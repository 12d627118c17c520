import { checkedMul, checkedProduct } from "./checked-int.js";
import { dtypeBits, isDtype, type Dtype } from "./dtype.js";
import { malformed } from "./format-error.js";
import {
  JsonNumber,
  JsonSyntaxError,
  parseStrictJson,
  type JsonObject,
  type JsonValue,
} from "./strict-json.js";

/** The reference reader's cap on the JSON header (`MAX_HEADER_SIZE`). */
export const MAX_HEADER_SIZE = 100_000_000;

/** One tensor as the header describes it; offsets are relative to the start of the byte buffer. */
export interface SafetensorsTensorInfo {
  name: string;
  dtype: Dtype;
  shape: number[];
  begin: number;
  end: number;
}

export interface SafetensorsHeader {
  /** N, the JSON header's length in bytes (padding included). */
  headerLength: number;
  /** File offset of the byte buffer: 8 + N. */
  dataStart: number;
  /** `__metadata__`, when present and not null. */
  metadata: Record<string, string> | undefined;
  /** Tensors in data order. */
  tensors: SafetensorsTensorInfo[];
}

/**
 * Reads N from the first 8 bytes and checks it the way the reference reader does
 * (HeaderTooSmall, HeaderTooLarge, InvalidHeaderLength).
 */
export function readHeaderLength(first: Uint8Array, fileSize: number, name: string): number {
  if (fileSize < 8 || first.length < 8) {
    throw malformed(
      name,
      `file is ${fileSize} bytes, too small for a safetensors header (HeaderTooSmall)`,
    );
  }
  const n = Buffer.from(first.buffer, first.byteOffset, 8).readBigUInt64LE(0);
  if (n > BigInt(MAX_HEADER_SIZE)) {
    throw malformed(
      name,
      `header length ${n} at byte 0 is over the ${MAX_HEADER_SIZE}-byte limit (HeaderTooLarge)`,
    );
  }
  const length = Number(n);
  if (8 + length > fileSize) {
    throw malformed(
      name,
      `header length ${length} at byte 0 runs past the end of the ${fileSize}-byte file (InvalidHeaderLength)`,
    );
  }
  return length;
}

/**
 * Parses and validates the N header bytes with every rule of the reference reader
 * (`SafeTensors::read_metadata` + `Metadata::validate`), plus duplicate-key rejection.
 */
export function parseSafetensorsHeader(
  headerBytes: Uint8Array,
  fileSize: number,
  name: string,
): SafetensorsHeader {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(headerBytes);
  } catch {
    throw malformed(name, "header (bytes 8..) is not valid UTF-8 (InvalidHeader)");
  }
  let json: JsonValue;
  try {
    json = parseStrictJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const at = 8 + Buffer.byteLength(text.slice(0, error.index));
    throw malformed(
      name,
      `header JSON: ${error.message} at byte ${at} (InvalidHeaderDeserialization)`,
    );
  }
  if (!(json instanceof Map)) {
    throw malformed(name, "header is not a JSON object (InvalidHeaderDeserialization)");
  }
  let metadata: Record<string, string> | undefined;
  const tensors: SafetensorsTensorInfo[] = [];
  for (const [key, value] of json) {
    if (key === "__metadata__") metadata = parseMetadata(value, name);
    else tensors.push(parseTensorInfo(key, value, name));
  }
  tensors.sort((a, b) => a.begin - b.begin || a.end - b.end || (a.name < b.name ? -1 : 1));
  let end = 0;
  for (const info of tensors) {
    if (info.begin !== end || info.end < info.begin) {
      throw malformed(
        name,
        `tensor ${JSON.stringify(info.name)} has data_offsets [${info.begin}, ${info.end}], expected to start at ${end}: offsets must tile the buffer with no gap or overlap (InvalidOffset)`,
      );
    }
    end = info.end;
    const elements = checkedProduct(info.shape);
    const bits = elements === undefined ? undefined : checkedMul(elements, dtypeBits(info.dtype));
    if (bits === undefined) {
      throw malformed(
        name,
        `tensor ${JSON.stringify(info.name)} shape [${info.shape.join(", ")}] overflows (ValidationOverflow)`,
      );
    }
    if (bits % 8 !== 0) {
      throw malformed(
        name,
        `tensor ${JSON.stringify(info.name)} (${info.dtype} [${info.shape.join(", ")}]) is not a whole number of bytes (MisalignedSlice)`,
      );
    }
    if (info.end - info.begin !== bits / 8) {
      throw malformed(
        name,
        `tensor ${JSON.stringify(info.name)} (${info.dtype} [${info.shape.join(", ")}]) needs ${bits / 8} bytes but data_offsets [${info.begin}, ${info.end}] give ${info.end - info.begin} (TensorInvalidInfo)`,
      );
    }
  }
  const dataStart = 8 + headerBytes.length;
  if (dataStart + end !== fileSize) {
    throw malformed(
      name,
      `tensors end at byte ${dataStart + end} but the file has ${fileSize} bytes; the file is ${dataStart + end > fileSize ? "truncated" : "followed by extra bytes"} (MetadataIncompleteBuffer)`,
    );
  }
  return { headerLength: headerBytes.length, dataStart, metadata, tensors };
}

function parseMetadata(value: JsonValue, name: string): Record<string, string> | undefined {
  if (value === null) return undefined;
  if (!(value instanceof Map)) {
    throw malformed(
      name,
      "__metadata__ is not an object of strings (InvalidHeaderDeserialization)",
    );
  }
  const entries: [string, string][] = [];
  for (const [key, entry] of value) {
    if (typeof entry !== "string") {
      throw malformed(
        name,
        `__metadata__.${key} is not a string; safetensors metadata values must be strings (InvalidHeaderDeserialization)`,
      );
    }
    entries.push([key, entry]);
  }
  return Object.fromEntries(entries);
}

function field(info: JsonObject, key: string, tensor: string, name: string): JsonValue {
  const value = info.get(key);
  if (value === undefined) {
    throw malformed(
      name,
      `tensor ${JSON.stringify(tensor)} has no "${key}" (InvalidHeaderDeserialization)`,
    );
  }
  return value;
}

function unsignedList(value: JsonValue, what: string, name: string): number[] {
  if (
    !Array.isArray(value) ||
    !value.every((v) => v instanceof JsonNumber && v.isUnsignedInteger)
  ) {
    throw malformed(
      name,
      `${what} is not a list of non-negative integers (InvalidHeaderDeserialization)`,
    );
  }
  return value.map((v) => (v as JsonNumber).value);
}

function parseTensorInfo(tensor: string, value: JsonValue, name: string): SafetensorsTensorInfo {
  if (!(value instanceof Map)) {
    throw malformed(
      name,
      `entry ${JSON.stringify(tensor)} is not a tensor description (InvalidHeaderDeserialization)`,
    );
  }
  const dtype = field(value, "dtype", tensor, name);
  if (!isDtype(dtype)) {
    throw malformed(
      name,
      `tensor ${JSON.stringify(tensor)} has unknown dtype ${JSON.stringify(dtype)} (InvalidHeaderDeserialization)`,
    );
  }
  const shape = unsignedList(
    field(value, "shape", tensor, name),
    `shape of ${JSON.stringify(tensor)}`,
    name,
  );
  if (!shape.every(Number.isSafeInteger)) {
    throw malformed(name, `tensor ${JSON.stringify(tensor)} shape overflows (ValidationOverflow)`);
  }
  const offsets = unsignedList(
    field(value, "data_offsets", tensor, name),
    `data_offsets of ${JSON.stringify(tensor)}`,
    name,
  );
  const [begin, end] = offsets;
  if (offsets.length !== 2 || begin === undefined || end === undefined) {
    throw malformed(
      name,
      `data_offsets of ${JSON.stringify(tensor)} must be [begin, end] (InvalidHeaderDeserialization)`,
    );
  }
  if (!Number.isSafeInteger(begin) || !Number.isSafeInteger(end)) {
    throw malformed(
      name,
      `tensor ${JSON.stringify(tensor)} data_offsets are beyond any file (InvalidOffset)`,
    );
  }
  return { name: tensor, dtype, shape, begin, end };
}
