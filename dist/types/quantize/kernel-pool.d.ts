import { type KernelArgs, type KernelName, type KernelResult } from "./kernel-registry.js";
/**
 * Runs block kernels on worker threads, one job per idle worker, over SharedArrayBuffer memory.
 * Workers are built from `kernelWorkerSource()` (see there why that works in tests and in the
 * bundle). When no worker can start — or one fails — the job runs on the main thread instead, with
 * the same code and the same bytes, only slower.
 */
export declare class KernelPool {
    private readonly slots;
    private readonly queue;
    private nextId;
    private constructor();
    /**
     * A pool of `threads` workers (default: one per available core). `threads: 0` runs every job on
     * the calling thread.
     */
    static create(threads?: number): KernelPool;
    /** Workers alive; 0 means jobs run on the main thread. */
    get workers(): number;
    /** Runs one kernel call; typed-array arguments must be views of SharedArrayBuffers to use a worker. */
    run<K extends KernelName>(kernel: K, ...args: KernelArgs<K>): Promise<KernelResult<K>>;
    /** Stops the workers; jobs still queued finish on the main thread. */
    close(): Promise<void>;
    private pump;
    private settle;
    private drop;
    private inline;
}
