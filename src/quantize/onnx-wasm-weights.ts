import type { RawDataSink } from "../formats/onnx-deferred-data.js";
import type { TensorProto } from "../formats/onnx-proto-types.js";
import { forEachRowChunk, openRows, type RowSource } from "./onnx-row-source.js";
import type { OnnxWasm } from "./onnx-wasm.js";

/**
 * Bytes of weight read per run: small enough that a run is still in cache when the kernel reads
 * it after the file read wrote it, large enough that system calls are few.
 */
const CHUNK_BYTES = 1 << 20;
/** Output writes in flight at once: enough to overlap the arithmetic, few enough that the reads
 * (on the same libuv threads) are not queued behind them. */
const WRITES_IN_FLIGHT = 2;

/** Places regions one after the other in the module's memory, 16-byte aligned. */
class Layout {
  private end: number;

  constructor(private readonly wasm: OnnxWasm) {
    this.end = wasm.base;
  }

  take(bytes: number): number {
    const at = this.end;
    this.end = at + Math.ceil(bytes / 16) * 16;
    return at;
  }

  /** Makes every region addressable; false when they do not fit. */
  commit(): boolean {
    return this.wasm.reserve(this.end);
  }
}

/**
 * Sends parts of an output region of the module's memory to a sink, a bounded number at a time.
 * Every write has settled when `drain` returns, even after a failure: a write still in flight
 * reads the module's memory, which must not be reused or grown under it.
 */
class OutputWrites {
  private readonly inflight: Promise<void>[] = [];

  constructor(
    private readonly wasm: OnnxWasm,
    private readonly sink: RawDataSink,
  ) {}

  /** Writes `length` bytes of the module's memory at `at` to `offset` of the output. */
  async push(at: number, length: number, offset: number): Promise<void> {
    const write = this.sink(this.wasm.bytes().subarray(at, at + length), offset);
    // Awaited in turn below or in `drain`; until then a failure must not surface as unhandled.
    write.catch(() => undefined);
    this.inflight.push(write);
    if (this.inflight.length > WRITES_IN_FLIGHT) await this.inflight.shift();
  }

  async drain(): Promise<void> {
    const all = this.inflight.splice(0);
    const settled = await Promise.allSettled(all);
    for (const s of settled) if (s.status === "rejected") throw s.reason;
  }
}

/** A weight to quantize: the tensor, where its file lies, and its name for messages. */
export interface WeightInput {
  tensor: TensorProto;
  dir: string;
  where: string;
}

/** Reads `input` in runs of `chunkRows` rows into the two `slots` and calls `use` on each. */
async function streamRows(
  wasm: OnnxWasm,
  input: WeightInput,
  shape: { rows: number; rowBytes: number; chunkRows: number },
  slots: readonly [number, number],
  use: (at: number, row: number, count: number) => Promise<void> | void,
): Promise<void> {
  const { rows, rowBytes, chunkRows } = shape;
  const source: RowSource = await openRows(input.tensor, input.dir, input.where, rows, rowBytes);
  const at = (slot: number): number => (slot === 0 ? slots[0] : slots[1]);
  try {
    await forEachRowChunk(
      source,
      chunkRows,
      (slot, bytes) => wasm.bytes().subarray(at(slot), at(slot) + bytes),
      (slot, row, count) => use(at(slot), row, count),
    );
  } finally {
    await source.close();
  }
}

/** Runs `work` with an OutputWrites on `sink`, draining it whatever happens. */
async function withWrites(
  wasm: OnnxWasm,
  sink: RawDataSink,
  work: (writes: OutputWrites) => Promise<void>,
): Promise<void> {
  const writes = new OutputWrites(wasm, sink);
  try {
    await work(writes);
  } finally {
    await writes.drain();
  }
}

/**
 * INT8 per channel (see `quantizeInt8PerChannel`) of a weight read in runs of rows straight into
 * the SIMD kernels' memory; the quantized values go to `sink` as they are made (when laid out
 * as stored) or once complete (transposed). Returns the scales, or undefined, before anything is
 * read or written, when the module cannot take the weight (a channel along columns with a
 * transposed output, or a weight too large for its memory): the caller runs the portable
 * kernels.
 */
export async function int8WeightsWasm(
  wasm: OnnxWasm,
  input: WeightInput,
  shape: { rows: number; cols: number; axis: 0 | 1 },
  options: { qmax: number; transpose: boolean },
  sink: RawDataSink,
): Promise<Float32Array | undefined> {
  const { rows, cols, axis } = shape;
  const { qmax, transpose } = options;
  if (axis === 1 && transpose) return undefined;
  const rowBytes = cols * 4;
  const chunkRows = Math.max(1, Math.min(rows, Math.floor(CHUNK_BYTES / Math.max(rowBytes, 1))));
  const layout = new Layout(wasm);
  const slots = [layout.take(chunkRows * rowBytes), layout.take(chunkRows * rowBytes)] as const;
  const q = layout.take(rows * cols);
  const channels = axis === 0 ? rows : cols;
  const scales = layout.take(channels * 4);
  const acc = axis === 1 ? layout.take(cols * 4) : 0;
  if (!layout.commit()) return undefined;
  const stream = { rows, rowBytes, chunkRows };
  await withWrites(wasm, sink, async (writes) => {
    if (axis === 0) {
      await streamRows(wasm, input, stream, slots, async (at, row, count) => {
        wasm.int8Rows(at, count, cols, qmax, row, rows, transpose, q, scales);
        if (!transpose) await writes.push(q + row * cols, count * cols, row * cols);
      });
      if (transpose) await writes.push(q, rows * cols, 0);
      return;
    }
    // The scale of a column needs all its rows: one pass for the maxima, one to quantize.
    wasm.bytes().fill(0, acc, acc + cols * 4);
    await streamRows(wasm, input, stream, slots, (at, _row, count) => {
      wasm.absmaxCols(at, count, cols, acc);
    });
    wasm.int8Scales(acc, cols, qmax, scales);
    await streamRows(wasm, input, stream, slots, async (at, row, count) => {
      wasm.int8Cols(at, count, cols, row, scales, q);
      await writes.push(q + row * cols, count * cols, row * cols);
    });
  });
  return new Float32Array(wasm.bytes().buffer, scales, channels).slice();
}

/**
 * MatMulNBits weights (see `quantizeInt4Blockwise`) of a weight read in runs of rows straight
 * into the SIMD kernels' memory; B goes to `sink` as it is made (W stored [N, K]) or once
 * complete ([K, N]). Returns the scales and zero points, or undefined, before anything is read or
 * written, when the module cannot take the weight (a block size that is not a multiple of 32 up
 * to 256, or a weight too large for its memory).
 */
export async function int4WeightsWasm(
  wasm: OnnxWasm,
  input: WeightInput,
  shape: { k: number; n: number; transposed: boolean },
  options: { blockSize: number; symmetric: boolean },
  sink: RawDataSink,
): Promise<{ scales: Float32Array; zeroPoints?: Uint8Array } | undefined> {
  const { k, n, transposed } = shape;
  const { blockSize, symmetric } = options;
  if (blockSize % 32 !== 0 || blockSize > 256) return undefined;
  const kBlocks = Math.ceil(k / blockSize);
  const rowOut = kBlocks * (blockSize / 2);
  // Stored [N, K]: a row is one output column. Stored [K, N]: runs of whole blocks of K.
  const [rows, cols] = transposed ? [n, k] : [k, n];
  const rowBytes = cols * 4;
  const fit = Math.max(1, Math.floor(CHUNK_BYTES / Math.max(rowBytes, 1)));
  const chunkRows = transposed
    ? Math.min(rows, fit)
    : blockSize * Math.max(1, Math.floor(fit / blockSize));
  const layout = new Layout(wasm);
  const slots = [layout.take(chunkRows * rowBytes), layout.take(chunkRows * rowBytes)] as const;
  const zpBytes = symmetric ? 0 : n * Math.ceil(kBlocks / 2);
  const b = layout.take(n * rowOut);
  const scales = layout.take(n * kBlocks * 4);
  const zps = layout.take(zpBytes);
  const tmp = transposed ? 0 : layout.take(4 * chunkRows * 4);
  if (!layout.commit()) return undefined;
  wasm.bytes().fill(0, zps, zps + zpBytes);
  await withWrites(wasm, sink, async (writes) => {
    await streamRows(wasm, input, { rows, rowBytes, chunkRows }, slots, async (at, row, count) => {
      if (!transposed) {
        wasm.int4Cols(at, count, n, row, k, blockSize, symmetric, b, scales, zps, tmp);
        return;
      }
      wasm.int4Rows(at, count, k, blockSize, symmetric, row, b, scales, zps);
      await writes.push(b + row * rowOut, count * rowOut, row * rowOut);
    });
    if (!transposed) await writes.push(b, n * rowOut, 0);
  });
  const memory = wasm.bytes().buffer;
  return {
    scales: new Float32Array(memory, scales, n * kBlocks).slice(),
    ...(symmetric ? {} : { zeroPoints: new Uint8Array(memory, zps, zpBytes).slice() }),
  };
}
