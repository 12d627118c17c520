import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import {
  KERNELS,
  kernelWorkerSource,
  type KernelArgs,
  type KernelName,
  type KernelResult,
} from "./kernel-registry.js";

interface Job {
  id: number;
  kernel: KernelName;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

function isReply(value: unknown): value is Reply {
  return typeof value === "object" && value !== null && "id" in value && "ok" in value;
}

/** True when every typed array among `args` lives in shared memory, so a worker writes into it. */
function sharable(args: readonly unknown[]): boolean {
  return args.every((arg) => !ArrayBuffer.isView(arg) || arg.buffer instanceof SharedArrayBuffer);
}

function runInline<K extends KernelName>(kernel: K, args: KernelArgs<K>): KernelResult<K> {
  const fn = KERNELS[kernel] as unknown as (...a: KernelArgs<K>) => KernelResult<K>;
  return fn(...args);
}

/**
 * Runs block kernels on worker threads, one job per idle worker, over SharedArrayBuffer memory.
 * Workers are built from `kernelWorkerSource()` (see there why that works in tests and in the
 * bundle). When no worker can start — or one fails — the job runs on the main thread instead, with
 * the same code and the same bytes, only slower.
 */
export class KernelPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;

  private constructor(threads: number) {
    if (threads <= 0) return;
    let source: string;
    try {
      source = kernelWorkerSource();
    } catch {
      return;
    }
    for (let i = 0; i < threads; i++) {
      let worker: Worker;
      try {
        worker = new Worker(source, { eval: true });
      } catch {
        break;
      }
      const slot: Slot = { worker, job: undefined };
      worker.on("message", (message: unknown) => {
        this.settle(slot, message);
      });
      worker.on("error", () => {
        this.drop(slot);
      });
      worker.on("exit", () => {
        this.drop(slot);
      });
      this.slots.push(slot);
    }
  }

  /**
   * A pool of `threads` workers (default: one per available core). `threads: 0` runs every job on
   * the calling thread.
   */
  static create(threads = availableParallelism()): KernelPool {
    return new KernelPool(threads);
  }

  /** Workers alive; 0 means jobs run on the main thread. */
  get workers(): number {
    return this.slots.length;
  }

  /** Runs one kernel call; typed-array arguments must be views of SharedArrayBuffers to use a worker. */
  run<K extends KernelName>(kernel: K, ...args: KernelArgs<K>): Promise<KernelResult<K>> {
    if (this.slots.length === 0 || !sharable(args)) {
      try {
        return Promise.resolve(runInline(kernel, args));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return new Promise<KernelResult<K>>((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        kernel,
        args,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      this.pump();
    });
  }

  /** Stops the workers; jobs still queued finish on the main thread. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    this.pump();
  }

  private pump(): void {
    if (this.slots.length === 0) {
      for (const job of this.queue.splice(0)) this.inline(job);
      return;
    }
    for (const slot of this.slots) {
      if (slot.job !== undefined) continue;
      const job = this.queue.shift();
      if (job === undefined) return;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, kernel: job.kernel, args: job.args });
    }
  }

  private settle(slot: Slot, message: unknown): void {
    const job = slot.job;
    if (!isReply(message) || job?.id !== message.id) return;
    slot.job = undefined;
    if (message.ok) job.resolve(message.result);
    else {
      // A kernel that fails in a worker but not inline would be a worker-setup fault: retry here,
      // where a real error in the kernel is thrown as is.
      this.inline(job);
    }
    this.pump();
  }

  private drop(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const job = slot.job;
    slot.job = undefined;
    void slot.worker.terminate();
    if (job !== undefined) this.inline(job);
    this.pump();
  }

  private inline(job: Job): void {
    try {
      job.resolve(runInline(job.kernel, job.args as KernelArgs<typeof job.kernel>));
    } catch (error) {
      job.reject(error);
    }
  }
}
