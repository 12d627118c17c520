import type { TensorProto } from "../formats/onnx-proto-types.js";
/**
 * Reads a pass's weights in order, each into one of two shared buffers, starting the read of the
 * next weight as soon as the current one is handed out: the file read (on libuv's threads)
 * overlaps the arithmetic on the current weight. A weight's array stays valid until the one
 * after the next is asked for.
 */
export declare class FloatPrefetcher {
    private readonly dir;
    /** The weights in the order the pass asks for them. */
    private readonly order;
    private readonly scratch;
    private inflight;
    /** The last weight handed out, by index in `order`. */
    private handed;
    constructor(dir: string, 
    /** The weights in the order the pass asks for them. */
    order: readonly TensorProto[]);
    private start;
    /**
     * The float values of `tensor`. Asked in `order`, each comes from the read started when the
     * previous one was handed out; a weight asked out of order is read on its own into a fresh
     * array.
     */
    floats(tensor: TensorProto): Promise<Float32Array>;
}
