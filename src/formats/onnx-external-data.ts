import { open, realpath, stat, type FileHandle } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { malformed } from "./format-error.js";
import type { TensorProto } from "./onnx-proto-types.js";

/** Where one tensor's bytes live outside the model file. */
export interface ExternalRef {
  /** The `location` entry, as written in the model. */
  location: string;
  /** The file it names, resolved against the model's folder. */
  file: string;
  offset: number;
  /** The `length` entry; absent means "to the end of the file". */
  length?: number;
}

const CHUNK = 8 * 1024 * 1024;

function count(value: string, key: string, where: string): number {
  if (!/^[0-9]{1,16}$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw malformed(where, `external_data ${key} ${JSON.stringify(value)} is not a byte count`);
  }
  return Number(value);
}

/**
 * Parses a tensor's `external_data` entries and resolves `location` against `dir`. A location
 * that is absolute or climbs out of the model's folder (`..`) is refused: a model must not
 * make the reader open files elsewhere on the machine.
 */
export function externalRef(tensor: TensorProto, dir: string, where: string): ExternalRef {
  let location: string | undefined;
  let offset = 0;
  let length: number | undefined;
  for (const entry of tensor.externalData ?? []) {
    const value = entry.value ?? "";
    if (entry.key === "location") location = value;
    else if (entry.key === "offset") offset = count(value, "offset", where);
    else if (entry.key === "length") length = count(value, "length", where);
  }
  if (!location) throw malformed(where, "external data without a location entry");
  const parts = location.split(/[\\/]/);
  if (
    location.includes("\0") ||
    isAbsolute(location) ||
    /^[A-Za-z]:/.test(location) ||
    location.startsWith("\\") ||
    parts.includes("..")
  ) {
    throw malformed(
      where,
      `external data location ${JSON.stringify(location)} is outside the model's folder; locations must be relative paths below it`,
    );
  }
  const file = resolve(dir, ...parts.filter((p) => p !== "" && p !== "."));
  return { location, file, offset, ...(length === undefined ? {} : { length }) };
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}

/**
 * Checks that the external file exists inside `dir` (symbolic links included) and holds
 * `bytes` bytes at the tensor's offset; returns the byte count.
 */
export async function checkExternal(
  ref: ExternalRef,
  dir: string,
  bytes: number,
  where: string,
): Promise<number> {
  let real: string;
  try {
    real = await realpath(ref.file);
  } catch {
    throw malformed(
      where,
      `external data file ${JSON.stringify(ref.location)} is missing (looked for ${ref.file}); copy it next to the model`,
    );
  }
  if (!inside(await realpath(dir), real)) {
    throw malformed(
      where,
      `external data file ${JSON.stringify(ref.location)} links outside the model's folder`,
    );
  }
  const info = await stat(real);
  if (!info.isFile()) throw malformed(where, `external data ${ref.location} is not a regular file`);
  const length = ref.length ?? info.size - ref.offset;
  if (length !== bytes) {
    throw malformed(
      where,
      `external data length ${length} does not match the ${bytes} bytes its shape and type need`,
    );
  }
  if (ref.offset + length > info.size) {
    throw malformed(
      where,
      `external data at bytes ${ref.offset}..${ref.offset + length} of ${ref.location} runs past its end (${info.size} bytes); the file is truncated`,
    );
  }
  return length;
}

async function withFile<T>(
  ref: { file: string },
  use: (handle: FileHandle) => Promise<T>,
): Promise<T> {
  const handle = await open(ref.file, "r");
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

async function readFully(
  handle: FileHandle,
  into: Uint8Array,
  position: number,
  source: { file: string },
  where: string,
): Promise<void> {
  for (let done = 0; done < into.length;) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) {
      throw malformed(where, `${source.file} ended at byte ${position + done} (truncated)`);
    }
    done += bytesRead;
  }
}

/**
 * Streams `length` bytes at `source.offset` of `source.file` into `out` at `at`, a chunk at a
 * time, so a multi-GB tensor never sits in memory whole.
 */
export async function copyFileRange(
  source: { file: string; offset: number },
  length: number,
  out: FileHandle,
  at: number,
  where: string,
): Promise<void> {
  const chunk = Buffer.allocUnsafe(Math.min(CHUNK, length));
  await withFile(source, async (handle) => {
    for (let done = 0; done < length;) {
      const part = chunk.subarray(0, Math.min(chunk.length, length - done));
      await readFully(handle, part, source.offset + done, source, where);
      for (let written = 0; written < part.length;) {
        const { bytesWritten } = await out.write(
          part,
          written,
          part.length - written,
          at + done + written,
        );
        written += bytesWritten;
      }
      done += part.length;
    }
  });
}
