import type { DeferredRawData, RawDataSink } from "../formats/onnx-deferred-data.js";
import { unsupported } from "../formats/format-error.js";
import { DataType } from "../formats/onnx-dtype.js";
import type { TensorProto } from "../formats/onnx-proto-types.js";
import { tensorDtype } from "../formats/onnx-tensor-data.js";
import { quantizeInt4Blockwise } from "./onnx-int4-math.js";
import { quantizeInt8PerChannel } from "./onnx-int8-math.js";
import type { OnnxPool } from "./onnx-pool.js";
import { FloatPrefetcher } from "./onnx-prefetch.js";
import { OnnxWasm } from "./onnx-wasm.js";
import { int4WeightsWasm, int8WeightsWasm, type WeightInput } from "./onnx-wasm-weights.js";

/** How a pass runs its arithmetic. */
export interface KernelOptions {
  /** Threads for the portable kernels, when they run. */
  pool?: OnnxPool;
  /**
   * Whether to use the WebAssembly SIMD kernels where the runtime has them (default true).
   * false runs the portable kernels only: the same bytes, several times slower.
   */
  wasm?: boolean;
}

/** A quantized weight's outputs, computed when the writer asks for the first of them. */
export interface QuantizedOutputs {
  /** The quantized values (INT8 q, or MatMulNBits B). */
  values: DeferredRawData;
  scales: DeferredRawData;
  /** MatMulNBits zero points, when asymmetric. */
  zeroPoints?: DeferredRawData;
}

const bytesOf = (a: ArrayBufferView): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Multiplies float32 scales by `factor` (Gemm's alpha) in float32. */
function scaled(scales: Float32Array, factor: number): Float32Array {
  if (factor !== 1) scales.forEach((s, i) => (scales[i] = Math.fround(s * factor)));
  return scales;
}

interface Side {
  scales: Float32Array;
  zeroPoints?: Uint8Array;
}

/**
 * One weight's quantization, run when the writer reaches its values: they stream from the
 * kernels into the file, and the small outputs (scales, zero points), which the file holds
 * after them, are kept for when it gets there. Asked again, or for a small output first, the
 * job runs again (the same bytes). Runs one at a time.
 */
class QuantizeJob {
  private side: Side | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private finished = false;

  constructor(
    private readonly run: (sink: RawDataSink) => Promise<Side>,
    private readonly onDone: (() => void) | undefined,
  ) {}

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async execute(sink: RawDataSink): Promise<Side> {
    this.side = await this.run(sink);
    if (!this.finished) {
      this.finished = true;
      this.onDone?.();
    }
    return this.side;
  }

  values(length: number): DeferredRawData {
    return {
      length,
      produce: async (sink) => {
        await this.serial(() => this.execute(sink));
      },
    };
  }

  output(length: number, pick: (side: Side) => Uint8Array): DeferredRawData {
    return {
      length,
      produce: (sink) =>
        this.serial(async () => {
          const side = this.side ?? (await this.execute(() => Promise.resolve()));
          await sink(pick(side), 0);
        }),
    };
  }
}

/**
 * Quantizes a pass's weights, each when the writer reaches it. With the SIMD kernels a weight is
 * read in runs of rows straight into their memory and its quantized values go to the file as
 * they are made: neither is ever held whole. Otherwise (no WebAssembly, a weight too large for
 * its memory) it is read whole and split over the pool's threads.
 */
export class WeightQuantizer {
  private readonly wasm: OnnxWasm | null;
  private readonly reader: FloatPrefetcher;

  constructor(
    private readonly dir: string,
    /** The weights in the order the pass asks for them (and the writer reaches them). */
    order: readonly TensorProto[],
    private readonly options: KernelOptions = {},
  ) {
    this.wasm = options.wasm === false ? null : OnnxWasm.create();
    // Reading ahead only pays when every weight takes the portable path.
    this.reader = new FloatPrefetcher(dir, this.wasm ? [] : order);
  }

  private input(tensor: TensorProto): WeightInput {
    const where = `initializer ${tensor.name ?? ""}`;
    if (tensor.dataType !== DataType.FLOAT) {
      throw unsupported(where, `expected a FLOAT tensor, found ${tensorDtype(tensor, where).name}`);
    }
    return { tensor, dir: this.dir, where };
  }

  private pool(): { pool?: OnnxPool } {
    return this.options.pool ? { pool: this.options.pool } : {};
  }

  /**
   * INT8 per channel of FLOAT `tensor` [rows, cols] (see `quantizeInt8PerChannel`), its scales
   * multiplied by `scaleFactor` (default 1). `onDone` is called once it has first run.
   */
  int8(
    tensor: TensorProto,
    shape: { rows: number; cols: number; axis: 0 | 1 },
    options: { qmax: number; transpose: boolean; scaleFactor?: number },
    onDone?: () => void,
  ): QuantizedOutputs {
    const input = this.input(tensor);
    const { rows, cols, axis } = shape;
    const channels = axis === 0 ? rows : cols;
    const factor = options.scaleFactor ?? 1;
    const job = new QuantizeJob(async (sink) => {
      const done = this.wasm && (await int8WeightsWasm(this.wasm, input, shape, options, sink));
      if (done) return { scales: scaled(done, factor) };
      const values = await this.reader.floats(tensor);
      const { q, scales } = await quantizeInt8PerChannel(values, rows, cols, axis, {
        ...options,
        ...this.pool(),
      });
      await sink(bytesOf(q), 0);
      return { scales: scaled(scales, factor) };
    }, onDone);
    return {
      values: job.values(rows * cols),
      scales: job.output(channels * 4, (side) => bytesOf(side.scales)),
    };
  }

  /**
   * MatMulNBits weights of FLOAT `tensor` [K, N], or [N, K] when `transposed` (see
   * `quantizeInt4Blockwise`), scales multiplied by `scaleFactor` (default 1). `onDone` is
   * called once it has first run.
   */
  int4(
    tensor: TensorProto,
    shape: { k: number; n: number; transposed: boolean },
    options: { blockSize: number; symmetric: boolean; scaleFactor?: number },
    onDone?: () => void,
  ): QuantizedOutputs & { kBlocks: number } {
    const input = this.input(tensor);
    const { k, n, transposed } = shape;
    const { blockSize, symmetric } = options;
    const factor = options.scaleFactor ?? 1;
    const kBlocks = Math.ceil(k / blockSize);
    const job = new QuantizeJob(async (sink) => {
      const done = this.wasm && (await int4WeightsWasm(this.wasm, input, shape, options, sink));
      if (done) return { ...done, scales: scaled(done.scales, factor) };
      const values = await this.reader.floats(tensor);
      const q = await quantizeInt4Blockwise(values, k, n, {
        transposed,
        blockSize,
        symmetric,
        ...this.pool(),
      });
      await sink(q.b, 0);
      return {
        scales: scaled(q.scales, factor),
        ...(q.zeroPoints ? { zeroPoints: q.zeroPoints } : {}),
      };
    }, onDone);
    const zpBytes = n * Math.ceil(kBlocks / 2);
    return {
      values: job.values(n * kBlocks * (blockSize / 2)),
      scales: job.output(n * kBlocks * 4, (side) => bytesOf(side.scales)),
      ...(symmetric
        ? {}
        : {
            zeroPoints: job.output(zpBytes, (side) => side.zeroPoints ?? new Uint8Array(zpBytes)),
          }),
      kBlocks,
    };
  }
}
