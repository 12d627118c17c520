import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { ONNX_KERNELS, onnxKernelSource, type OnnxKernel } from "./onnx-kernels.js";

/** Jobs smaller than this many elements run on the calling thread: a hand-off costs more. */
const PARALLEL_ELEMENTS = 1 << 20;

interface Waiting {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Arrays over shared memory, so worker threads write results the caller then reads. */
export const sharedArrays = {
  float32: (length: number) => new Float32Array(new SharedArrayBuffer(length * 4)),
  int8: (length: number) => new Int8Array(new SharedArrayBuffer(length)),
  uint8: (length: number) => new Uint8Array(new SharedArrayBuffer(length)),
};

const isShared = (arg: unknown): boolean =>
  !ArrayBuffer.isView(arg) || arg.buffer instanceof SharedArrayBuffer;

/**
 * Runs the quantization kernels over ranges of output channels on worker threads plus the
 * calling thread. Workers start on the first large job; when none can start, or the arrays are
 * not in shared memory, everything runs on the calling thread, with the same code and bytes.
 */
export class OnnxPool {
  private workers: Worker[] | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;

  /** `threads` in all, this one included (default: the machine's parallelism, at most 8). */
  constructor(private readonly threads = Math.min(availableParallelism(), 8)) {}

  private start(): Worker[] {
    if (this.workers) return this.workers;
    this.workers = [];
    if (this.threads <= 1) return this.workers;
    let source: string;
    try {
      source = onnxKernelSource();
    } catch {
      return this.workers;
    }
    for (let i = 1; i < this.threads; i++) {
      try {
        const worker = new Worker(source, { eval: true });
        worker.unref();
        worker.on("message", (reply: { id: number; ok: boolean; error?: string }) => {
          const waiting = this.waiting.get(reply.id);
          this.waiting.delete(reply.id);
          if (reply.ok) waiting?.resolve();
          else waiting?.reject(new Error(reply.error ?? "kernel failed"));
        });
        this.workers.push(worker);
      } catch {
        break;
      }
    }
    return this.workers;
  }

  /**
   * Runs `kernel(...args, from, to)` over [0, total) split into one range per thread, the last
   * on this thread. `elements` is the job's size, to decide whether splitting pays.
   */
  async run(kernel: OnnxKernel, args: unknown[], total: number, elements: number): Promise<void> {
    const fn = ONNX_KERNELS[kernel] as (...a: unknown[]) => void;
    const workers = elements >= PARALLEL_ELEMENTS && args.every(isShared) ? this.start() : [];
    const parts = Math.min(workers.length + 1, total);
    if (parts <= 1) {
      fn(...args, 0, total);
      return;
    }
    const bounds = Array.from({ length: parts + 1 }, (_, i) => Math.round((total * i) / parts));
    const pending = workers.slice(0, parts - 1).map(
      (worker, i) =>
        new Promise<void>((resolve, reject) => {
          const id = this.nextId++;
          this.waiting.set(id, { resolve, reject });
          worker.ref();
          worker.postMessage({ id, kernel, args: [...args, bounds[i], bounds[i + 1]] });
        }),
    );
    fn(...args, bounds[parts - 1], bounds[parts]);
    try {
      await Promise.all(pending);
    } finally {
      for (const worker of workers) worker.unref();
    }
  }

  async close(): Promise<void> {
    const workers = this.workers ?? [];
    this.workers = undefined;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
