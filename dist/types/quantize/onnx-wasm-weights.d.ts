import type { RawDataSink } from "../formats/onnx-deferred-data.js";
import type { TensorProto } from "../formats/onnx-proto-types.js";
import type { OnnxWasm } from "./onnx-wasm.js";
/** A weight to quantize: the tensor, where its file lies, and its name for messages. */
export interface WeightInput {
    tensor: TensorProto;
    dir: string;
    where: string;
}
/**
 * INT8 per channel (see `quantizeInt8PerChannel`) of a weight read in runs of rows straight into
 * the SIMD kernels' memory; the quantized values go to `sink` as they are made (when laid out
 * as stored) or once complete (transposed). Returns the scales, or undefined, before anything is
 * read or written, when the module cannot take the weight (a channel along columns with a
 * transposed output, or a weight too large for its memory): the caller runs the portable
 * kernels.
 */
export declare function int8WeightsWasm(wasm: OnnxWasm, input: WeightInput, shape: {
    rows: number;
    cols: number;
    axis: 0 | 1;
}, options: {
    qmax: number;
    transpose: boolean;
}, sink: RawDataSink): Promise<Float32Array | undefined>;
/**
 * MatMulNBits weights (see `quantizeInt4Blockwise`) of a weight read in runs of rows straight
 * into the SIMD kernels' memory; B goes to `sink` as it is made (W stored [N, K]) or once
 * complete ([K, N]). Returns the scales and zero points, or undefined, before anything is read or
 * written, when the module cannot take the weight (a block size that is not a multiple of 32 up
 * to 256, or a weight too large for its memory).
 */
export declare function int4WeightsWasm(wasm: OnnxWasm, input: WeightInput, shape: {
    k: number;
    n: number;
    transposed: boolean;
}, options: {
    blockSize: number;
    symmetric: boolean;
}, sink: RawDataSink): Promise<{
    scales: Float32Array;
    zeroPoints?: Uint8Array;
} | undefined>;
