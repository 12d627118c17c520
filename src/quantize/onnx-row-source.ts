import { malformed } from "../formats/format-error.js";
import { tensorBytes, tensorOnDisk, tensorSize } from "../formats/onnx-tensor-data.js";
import type { TensorProto } from "../formats/onnx-proto-types.js";
import { RandomAccessFile } from "../formats/random-access-file.js";

/** A 2-D weight's bytes, a run of whole rows at a time, wherever the model keeps them. */
export interface RowSource {
  readonly rows: number;
  readonly rowBytes: number;
  /** Fills `into` with rows [row, row + count). */
  read(row: number, count: number, into: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the bytes of `tensor`, `rows` rows of `rowBytes` bytes: straight from the file when they
 * are on disk (external data, or raw_data `readOnnx` left in the model file), so a weight is
 * never held whole, else from memory. Throws INPUT_MALFORMED when its shape does not say
 * `rows` × `rowBytes`.
 */
export async function openRows(
  tensor: TensorProto,
  dir: string,
  where: string,
  rows: number,
  rowBytes: number,
): Promise<RowSource> {
  const { bytes } = tensorSize(tensor, where);
  if (bytes !== rows * rowBytes) {
    throw malformed(where, `holds ${bytes} bytes, not ${rows} rows of ${rowBytes}`);
  }
  const disk = await tensorOnDisk(tensor, dir, bytes, where);
  if (disk) {
    const file = await RandomAccessFile.open(disk.file, where);
    return {
      rows,
      rowBytes,
      read: (row, count, into) =>
        file.readInto(into, 0, count * rowBytes, disk.offset + row * rowBytes, "tensor data"),
      close: () => file.close(),
    };
  }
  const data = await tensorBytes(tensor, dir, where);
  return {
    rows,
    rowBytes,
    read: (row, count, into) => {
      into.set(data.subarray(row * rowBytes, (row + count) * rowBytes));
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

/**
 * Reads `source` in runs of `chunkRows` rows into two buffers taking turns, and calls `use` on
 * each run as soon as it is in: the read of the next run (on libuv's threads) overlaps `use` of
 * the current one. `buffer(slot, bytes)` gives `bytes` of the memory of slot 0 or 1.
 */
export async function forEachRowChunk(
  source: RowSource,
  chunkRows: number,
  buffer: (slot: number, bytes: number) => Uint8Array,
  use: (slot: number, row: number, count: number) => Promise<void> | void,
): Promise<void> {
  const start = (row: number, slot: number): Promise<void> => {
    const count = Math.min(chunkRows, source.rows - row);
    return source.read(row, count, buffer(slot, count * source.rowBytes));
  };
  let pending = source.rows > 0 ? start(0, 0) : Promise.resolve();
  try {
    for (let row = 0, slot = 0; row < source.rows; row += chunkRows, slot ^= 1) {
      await pending;
      const next = row + chunkRows;
      if (next < source.rows) {
        pending = start(next, slot ^ 1);
        // Awaited on the next turn; a failure must not surface as unhandled before then.
        pending.catch(() => undefined);
      }
      await use(slot, row, Math.min(chunkRows, source.rows - row));
    }
  } finally {
    // When `use` throws, the read in flight still writes into the buffer: let it finish first.
    await pending.catch(() => undefined);
  }
}
