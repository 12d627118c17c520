import { isCount } from "./checked-int.js";
import { dtypeBytes, type Dtype } from "./dtype.js";
import { malformed, unsupported } from "./format-error.js";
import {
  PyDict,
  PyList,
  PyTuple,
  TorchStorage,
  describe,
  show,
  type PyValue,
} from "./pickle-values.js";
import type { RandomAccessFile } from "./random-access-file.js";
import type { TorchCheckpoint } from "./open-torch-checkpoint.js";
import { parseStoragePid, torchPickleHooks } from "./torch-pickle-hooks.js";
import { TruncatedPickleError } from "./pickle-cursor.js";
import { unpickle, type PickleHooks } from "./unpickler.js";

/** `torch.serialization.MAGIC_NUMBER`. */
export const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
const LEGACY_PROTOCOL = 1001;
const FIRST_WINDOW = 1 << 20;
const MAX_WINDOW = 256 * 1024 * 1024;

interface Root {
  dtype: Dtype;
  numel: number;
}

interface Parsed {
  root: PyValue;
  bigEndian: boolean;
  roots: Map<string, Root>;
  keys: string[];
  /** Offset of the first storage record. */
  end: number;
}

/** Runs the five pickles at the head of a legacy file; throws TruncatedPickleError when `head` is too short. */
function parseHead(head: Buffer, file: RandomAccessFile): Parsed {
  const name = file.name;
  const roots = new Map<string, Root>();
  const noStorage = (_pid: PyValue, at: number): never => {
    throw malformed(name, `a persistent id outside the main pickle (at byte ${at})`);
  };
  const plain: PickleHooks = torchPickleHooks(name, noStorage, file.size);
  const magic = unpickle(head, 0, plain, name);
  if (magic.value !== LEGACY_MAGIC) {
    throw malformed(
      name,
      `starts with a pickle of ${describe(magic.value)}, not torch's magic number; not a torch checkpoint`,
    );
  }
  const protocol = unpickle(head, magic.end, plain, name);
  if (protocol.value !== LEGACY_PROTOCOL) {
    throw unsupported(
      name,
      `legacy protocol version ${show(protocol.value)} at byte ${magic.end} is not ${LEGACY_PROTOCOL}`,
    );
  }
  const sysInfo = unpickle(head, protocol.end, plain, name);
  const littleEndian =
    sysInfo.value instanceof PyDict ? sysInfo.value.get("little_endian") : undefined;
  if (typeof littleEndian !== "boolean") {
    throw malformed(name, `system info at byte ${protocol.end} has no little_endian flag`);
  }
  const persistentLoad = (pid: PyValue, at: number): PyValue => {
    const fail = (detail: string): never => {
      throw malformed(name, `${detail} (at byte ${at})`);
    };
    const { dtype, key, location, numel, rest } = parseStoragePid(pid, 6, fail);
    const size = dtypeBytes(dtype) ?? 1;
    const known = roots.get(key);
    if (known && (known.dtype !== dtype || known.numel !== numel)) {
      fail(
        `storage ${key} is named again as ${numel} ${dtype} elements, first as ${known.numel} ${known.dtype}`,
      );
    }
    roots.set(key, { dtype, numel });
    const view = rest[0] ?? null;
    if (view === null) return new TorchStorage(key, dtype, 0, numel * size, location);
    if (!(view instanceof PyTuple) || view.items.length !== 3)
      return fail("storage view metadata must be (key, offset, size)");
    const [, offset, length] = view.items;
    if (!isCount(offset) || !isCount(length) || offset + length > numel) {
      return fail(
        `storage view (${show(offset ?? null)}, ${show(length ?? null)}) does not fit its ${numel}-element storage ${key}`,
      );
    }
    return new TorchStorage(key, dtype, offset * size, length * size, location);
  };
  const main = unpickle(head, sysInfo.end, torchPickleHooks(name, persistentLoad, file.size), name);
  const keyList = unpickle(head, main.end, plain, name);
  if (
    !(keyList.value instanceof PyList) ||
    !keyList.value.items.every((k) => typeof k === "string")
  ) {
    throw malformed(name, `the storage key list at byte ${main.end} is not a list of strings`);
  }
  const keys = keyList.value.items;
  const listed = new Set(keys);
  if (listed.size !== keys.length)
    throw malformed(name, `the storage key list at byte ${main.end} repeats a key`);
  for (const key of roots.keys()) {
    if (!listed.has(key))
      throw malformed(name, `storage ${key} is used but not in the key list at byte ${main.end}`);
  }
  for (const key of keys) {
    if (!roots.has(key))
      throw malformed(
        name,
        `the key list at byte ${main.end} names storage ${key}, which no tensor uses`,
      );
  }
  return { root: main.value, bigEndian: !littleEndian, roots, keys, end: keyList.end };
}

/**
 * Reads the pre-zip format (`_use_new_zipfile_serialization=False`, torch 0.4–1.5): pickles of
 * the magic number, protocol 1001, system info, the object and the sorted storage keys, then each
 * storage as an element count and raw bytes. The storage records must account for every byte.
 */
export async function readTorchLegacy(file: RandomAccessFile): Promise<TorchCheckpoint> {
  const name = file.name;
  let window = Math.min(file.size, FIRST_WINDOW);
  let parsed: Parsed | undefined;
  while (!parsed) {
    const head = await file.read(0, window, "legacy pickles");
    try {
      parsed = parseHead(head, file);
    } catch (error) {
      if (!(error instanceof TruncatedPickleError) || window >= file.size) throw error;
      if (window >= MAX_WINDOW)
        throw unsupported(name, `the pickles at the head of the file exceed ${MAX_WINDOW} bytes`);
      window = Math.min(file.size, window * 4, MAX_WINDOW);
    }
  }
  const offsets = new Map<string, number>();
  let position = parsed.end;
  for (const key of parsed.keys) {
    const root = parsed.roots.get(key);
    if (!root) continue;
    const count = await file.read(position, 8, `element count of storage ${key}`);
    let numel = count.readBigUInt64LE(0);
    if (numel !== BigInt(root.numel) && parsed.bigEndian) numel = count.readBigUInt64BE(0);
    if (numel !== BigInt(root.numel)) {
      throw malformed(
        name,
        `storage ${key} at byte ${position} holds ${numel} elements, the pickle says ${root.numel}`,
      );
    }
    const bytes = root.numel * (dtypeBytes(root.dtype) ?? 1);
    offsets.set(key, position + 8);
    position += 8 + bytes;
    if (position > file.size) {
      throw malformed(
        name,
        `storage ${key} (${bytes} bytes from byte ${position - bytes}) runs past the end of the file (${file.size} bytes): truncated`,
      );
    }
  }
  if (position !== file.size) {
    throw malformed(
      name,
      `${file.size - position} unexplained bytes follow the last storage at byte ${position}`,
    );
  }
  return {
    file,
    format: "legacy",
    layout: `torch legacy (protocol ${LEGACY_PROTOCOL}${parsed.bigEndian ? ", big-endian" : ""})`,
    root: parsed.root,
    bigEndian: parsed.bigEndian,
    region(storage) {
      return {
        offset: (offsets.get(storage.key) ?? 0) + storage.byteOffset,
        length: storage.byteLength,
      };
    },
  };
}
