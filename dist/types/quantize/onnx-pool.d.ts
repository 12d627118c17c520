import { type OnnxKernel } from "./onnx-kernels.js";
/** Arrays over shared memory, so worker threads write results the caller then reads. */
export declare const sharedArrays: {
    float32: (length: number) => Float32Array<SharedArrayBuffer>;
    int8: (length: number) => Int8Array<SharedArrayBuffer>;
    uint8: (length: number) => Uint8Array<SharedArrayBuffer>;
};
/**
 * Runs the quantization kernels over ranges of output channels on worker threads plus the
 * calling thread. Workers start on the first large job; when none can start, or the arrays are
 * not in shared memory, everything runs on the calling thread, with the same code and bytes.
 */
export declare class OnnxPool {
    private readonly threads;
    private workers;
    private readonly waiting;
    private nextId;
    /** `threads` in all, this one included (default: the machine's parallelism, at most 8). */
    constructor(threads?: number);
    private start;
    /**
     * Runs `kernel(...args, from, to)` over [0, total) split into one range per thread, the last
     * on this thread. `elements` is the job's size, to decide whether splitting pays.
     */
    run(kernel: OnnxKernel, args: unknown[], total: number, elements: number): Promise<void>;
    close(): Promise<void>;
}
