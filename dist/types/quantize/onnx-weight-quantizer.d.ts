import type { DeferredRawData } from "../formats/onnx-deferred-data.js";
import type { TensorProto } from "../formats/onnx-proto-types.js";
import type { OnnxPool } from "./onnx-pool.js";
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
/**
 * Quantizes a pass's weights, each when the writer reaches it. With the SIMD kernels a weight is
 * read in runs of rows straight into their memory and its quantized values go to the file as
 * they are made: neither is ever held whole. Otherwise (no WebAssembly, a weight too large for
 * its memory) it is read whole and split over the pool's threads.
 */
export declare class WeightQuantizer {
    private readonly dir;
    private readonly options;
    private readonly wasm;
    private readonly reader;
    constructor(dir: string, 
    /** The weights in the order the pass asks for them (and the writer reaches them). */
    order: readonly TensorProto[], options?: KernelOptions);
    private input;
    private pool;
    /**
     * INT8 per channel of FLOAT `tensor` [rows, cols] (see `quantizeInt8PerChannel`), its scales
     * multiplied by `scaleFactor` (default 1). `onDone` is called once it has first run.
     */
    int8(tensor: TensorProto, shape: {
        rows: number;
        cols: number;
        axis: 0 | 1;
    }, options: {
        qmax: number;
        transpose: boolean;
        scaleFactor?: number;
    }, onDone?: () => void): QuantizedOutputs;
    /**
     * MatMulNBits weights of FLOAT `tensor` [K, N], or [N, K] when `transposed` (see
     * `quantizeInt4Blockwise`), scales multiplied by `scaleFactor` (default 1). `onDone` is
     * called once it has first run.
     */
    int4(tensor: TensorProto, shape: {
        k: number;
        n: number;
        transposed: boolean;
    }, options: {
        blockSize: number;
        symmetric: boolean;
        scaleFactor?: number;
    }, onDone?: () => void): QuantizedOutputs & {
        kBlocks: number;
    };
}
