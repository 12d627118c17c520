import { open, type FileHandle } from "node:fs/promises";
import { basename } from "node:path";
import { ModelPublishError } from "../errors.js";
import type { PlacedEntry, SafetensorsLayout } from "./safetensors-layout.js";

/**
 * Supplies one tensor's bytes in order. A chunk may be reused by the producer once the next
 * chunk is requested: the writer keeps at most one write in flight, so reading the next chunk
 * overlaps writing the last one.
 */
export type TensorBytes = (entry: PlacedEntry) => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface WriteOptions {
  /** Called with the size of each chunk of tensor bytes once it is written (and read back). */
  onBytes?: (bytes: number) => void;
  /**
   * Read every chunk back from the file once written and compare it with the bytes meant for
   * it; a difference is an OUTPUT_MISMATCH naming the tensor and the byte range.
   */
  readBack?: boolean;
  /** Name used in messages (default: the file's base name). */
  name?: string;
}

/**
 * Streams a safetensors file to `path`: the header first, then each tensor's bytes as they are
 * produced. Memory stays at the producer's chunks whatever the model's size.
 */
export async function writeSafetensors(
  path: string,
  layout: SafetensorsLayout,
  bytes: TensorBytes,
  options: WriteOptions = {},
): Promise<void> {
  const name = options.name ?? basename(path);
  const handle = await open(path, options.readBack ? "w+" : "w");
  let check: Buffer | undefined;
  let position = 0;
  let pending: Promise<unknown> = Promise.resolve();

  const writeAndCheck = async (chunk: Uint8Array, at: number, what: string): Promise<void> => {
    await writeFully(handle, chunk, at);
    if (!options.readBack) return;
    if (!check || check.length < chunk.length) check = Buffer.allocUnsafeSlow(chunk.length);
    const back = check.subarray(0, chunk.length);
    for (let done = 0; done < chunk.length;) {
      const { bytesRead } = await handle.read(back, done, chunk.length - done, at + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    if (!back.equals(chunk)) {
      throw new ModelPublishError(
        "OUTPUT_MISMATCH",
        `${name}: check by reload failed: ${what} reads back different from what was written at bytes ${at}..${at + chunk.length}`,
      );
    }
  };
  const write = async (chunk: Uint8Array, what: string): Promise<void> => {
    await pending;
    const at = position;
    position += chunk.length;
    pending = writeAndCheck(chunk, at, what);
  };

  try {
    await write(layout.header, "the header");
    const dataStart = layout.header.length;
    for (const entry of layout.tensors) {
      if (position !== dataStart + entry.begin) {
        throw new Error(
          `writer out of step before ${entry.name}: at ${position}, expected ${dataStart + entry.begin}`,
        );
      }
      for await (const chunk of bytes(entry)) {
        if (chunk.length === 0) continue;
        await write(chunk, `tensor ${JSON.stringify(entry.name)}`);
        options.onBytes?.(chunk.length);
      }
      if (position !== dataStart + entry.end) {
        throw new Error(
          `tensor ${entry.name} produced ${position - dataStart - entry.begin} bytes, expected ${entry.end - entry.begin}`,
        );
      }
    }
    await pending;
  } finally {
    await pending.catch(() => undefined);
    await handle.close();
  }
}

async function writeFully(handle: FileHandle, chunk: Uint8Array, at: number): Promise<void> {
  let done = 0;
  while (done < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, done, chunk.length - done, at + done);
    done += bytesWritten;
  }
}
