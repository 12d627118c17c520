import { basename } from "node:path";
import { inflateRawSync } from "node:zlib";
import { checkedProduct } from "./checked-int.js";
import { malformed, unsupported } from "./format-error.js";
import { RandomAccessFile } from "./random-access-file.js";
import { ZipArchive } from "./zip-archive.js";

/** Typed arrays a host tensor's values can be in. */
export type HostData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

/**
 * A tensor in memory, typed with onnxruntime-node's type names ("float32", "float16" (values as
 * half bits in a Uint16Array), "int64", "bool"…), as read from reference files or given to and
 * taken from a session.
 */
export interface HostTensor {
  type: string;
  dims: number[];
  data: HostData;
}

const DESCR: Record<string, { type: string; make: (b: ArrayBuffer) => HostData }> = {
  "<f4": { type: "float32", make: (b) => new Float32Array(b) },
  "<f8": { type: "float64", make: (b) => new Float64Array(b) },
  "<f2": { type: "float16", make: (b) => new Uint16Array(b) },
  "|b1": { type: "bool", make: (b) => new Uint8Array(b) },
  "|u1": { type: "uint8", make: (b) => new Uint8Array(b) },
  "|i1": { type: "int8", make: (b) => new Int8Array(b) },
  "<i2": { type: "int16", make: (b) => new Int16Array(b) },
  "<u2": { type: "uint16", make: (b) => new Uint16Array(b) },
  "<i4": { type: "int32", make: (b) => new Int32Array(b) },
  "<u4": { type: "uint32", make: (b) => new Uint32Array(b) },
  "<i8": { type: "int64", make: (b) => new BigInt64Array(b) },
  "<u8": { type: "uint64", make: (b) => new BigUint64Array(b) },
};

const MAX_HEADER = 65536;

/**
 * Parses one .npy array (format versions 1–3, little-endian, C order). `where` names it in
 * messages.
 */
export function parseNpy(bytes: Uint8Array, where: string): HostTensor {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 10 || buffer.toString("latin1", 0, 6) !== "\x93NUMPY") {
    throw malformed(where, "is not a .npy array (no \\x93NUMPY magic at byte 0)");
  }
  const major = buffer[6] ?? 0;
  const long = major >= 2;
  const headerLength = long ? buffer.readUInt32LE(8) : buffer.readUInt16LE(8);
  const start = long ? 12 : 10;
  if (headerLength > MAX_HEADER || start + headerLength > buffer.length) {
    throw malformed(where, `.npy header length ${headerLength} at byte 8 runs past the file`);
  }
  const header = buffer.toString(major >= 3 ? "utf8" : "latin1", start, start + headerLength);
  const descr = /'descr':\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw malformed(
      where,
      `.npy header ${JSON.stringify(header.trim())} lacks descr, fortran_order or shape`,
    );
  }
  const kind = DESCR[descr.replace(/^=/, "<")];
  if (!kind)
    throw unsupported(
      where,
      `.npy dtype ${descr} is not supported (little-endian numbers and bool only)`,
    );
  if (fortran === "True")
    throw unsupported(
      where,
      "Fortran-ordered .npy arrays are not supported; save with np.ascontiguousarray",
    );
  const dims = shapeText
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => {
      if (!/^[0-9]{1,15}$/.test(s))
        throw malformed(where, `.npy shape entry ${JSON.stringify(s)} is not a size`);
      return Number(s);
    });
  const count = checkedProduct(dims);
  const itemSize = Number(/\d+$/.exec(descr)?.[0] ?? "1");
  const dataStart = start + headerLength;
  if (count === undefined || dataStart + count * itemSize !== buffer.length) {
    throw malformed(
      where,
      `.npy data is ${buffer.length - dataStart} bytes, its shape [${dims.join(", ")}] of ${descr} needs ${count === undefined ? "too many" : count * itemSize}`,
    );
  }
  const copy = new ArrayBuffer(count * itemSize);
  new Uint8Array(copy).set(buffer.subarray(dataStart));
  return { type: kind.type, dims, data: kind.make(copy) };
}

/**
 * Reads the arrays of a .npz file (numpy `savez`, stored or deflated as `savez_compressed`
 * writes them), keyed by name without the `.npy` suffix, in archive order. Each array is
 * bounded by `maxBytes` (default 1 GiB).
 */
export async function readNpz(path: string, maxBytes = 2 ** 30): Promise<Map<string, HostTensor>> {
  const name = basename(path);
  const file = await RandomAccessFile.open(path, name);
  try {
    const zip = await ZipArchive.open(file);
    const out = new Map<string, HostTensor>();
    for (const entry of zip.entries) {
      const where = `${name}: ${entry.name}`;
      if (!entry.name.endsWith(".npy")) continue;
      if (entry.size > maxBytes)
        throw unsupported(where, `array of ${entry.size} bytes is over the ${maxBytes}-byte limit`);
      const stored = await file.read(entry.dataOffset, entry.storedSize, entry.name);
      let bytes: Uint8Array;
      if (entry.method === 0) bytes = stored;
      else if (entry.method === 8) {
        try {
          bytes = inflateRawSync(stored, { maxOutputLength: Math.max(entry.size, 1) });
        } catch {
          throw malformed(where, "deflated data does not inflate (corrupt archive)");
        }
        if (bytes.length !== entry.size)
          throw malformed(
            where,
            `inflates to ${bytes.length} bytes, the directory says ${entry.size}`,
          );
      } else throw unsupported(where, `zip compression method ${entry.method} is not supported`);
      out.set(entry.name.slice(0, -4), parseNpy(bytes, where));
    }
    return out;
  } finally {
    await file.close();
  }
}
