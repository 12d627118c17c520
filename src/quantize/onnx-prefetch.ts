import type { TensorProto } from "../formats/onnx-proto-types.js";
import { FloatScratch, tensorFloat32 } from "../formats/onnx-tensor-data.js";

/**
 * Reads a pass's weights in order, each into one of two shared buffers, starting the read of the
 * next weight as soon as the current one is handed out: the file read (on libuv's threads)
 * overlaps the arithmetic on the current weight. A weight's array stays valid until the one
 * after the next is asked for.
 */
export class FloatPrefetcher {
  private readonly scratch = [new FloatScratch(), new FloatScratch()];
  private inflight: { index: number; values: Promise<Float32Array> } | undefined;
  /** The last weight handed out, by index in `order`. */
  private handed = -1;

  constructor(
    private readonly dir: string,
    /** The weights in the order the pass asks for them. */
    private readonly order: readonly TensorProto[],
  ) {}

  private start(index: number): Promise<Float32Array> {
    const tensor = this.order[index];
    if (!tensor) return Promise.reject(new Error(`no weight #${index}`));
    const where = `initializer ${tensor.name ?? `#${index}`}`;
    return tensorFloat32(tensor, this.dir, where, this.scratch[index % 2]);
  }

  /**
   * The float values of `tensor`. Asked in `order`, each comes from the read started when the
   * previous one was handed out; a weight asked out of order is read on its own into a fresh
   * array.
   */
  async floats(tensor: TensorProto): Promise<Float32Array> {
    const index = this.order.indexOf(tensor, this.handed + 1);
    if (index < 0) {
      return tensorFloat32(tensor, this.dir, `initializer ${tensor.name ?? ""}`);
    }
    const values = this.inflight?.index === index ? this.inflight.values : this.start(index);
    this.inflight = undefined;
    this.handed = index;
    if (index + 1 < this.order.length) {
      const next = this.start(index + 1);
      // Awaited when asked for; until then a failure must not surface as unhandled.
      next.catch(() => undefined);
      this.inflight = { index: index + 1, values: next };
    }
    return values;
  }
}
