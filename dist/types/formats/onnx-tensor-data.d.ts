import { type OnnxDtype } from "./onnx-dtype.js";
import { type TensorProto } from "./onnx-proto-types.js";
/** True when the tensor's bytes are in an external data file. */
export declare function isExternal(tensor: TensorProto): boolean;
/** The tensor's dims as numbers (checked). */
export declare function tensorDims(tensor: TensorProto, where: string): number[];
/** The tensor's dtype; throws INPUT_UNSUPPORTED for a code this version does not know. */
export declare function tensorDtype(tensor: TensorProto, where: string): OnnxDtype;
/** Number of elements and the bytes they take in raw_data. */
export declare function tensorSize(tensor: TensorProto, where: string): {
    count: number;
    bytes: number;
};
/**
 * Where a tensor's bytes are on disk (an external data file, checked, or raw_data `readOnnx`
 * left in the model file), or undefined when they are in memory.
 */
export declare function tensorOnDisk(tensor: TensorProto, dir: string, bytes: number, where: string): Promise<{
    file: string;
    offset: number;
} | undefined>;
/**
 * The tensor's values as little-endian bytes, wherever the model keeps them: raw_data in memory
 * (a view, not a copy), raw_data `readOnnx` left in the model file, an external data file under
 * `dir` (checked to be inside it), raw data a pass defers until written, or the typed value
 * lists.
 */
export declare function tensorBytes(tensor: TensorProto, dir: string, where: string): Promise<Uint8Array>;
/**
 * Reusable memory for one tensor's float values at a time: a pass quantizing weight after weight
 * touches the same pages instead of allocating (and faulting in) a new array per weight. It is
 * shared memory, so worker threads read it without a copy.
 */
export declare class FloatScratch {
    private buffer;
    /** A Float32Array of `count` values, valid until the next call. */
    take(count: number): Float32Array;
}
/**
 * A FLOAT tensor's values in an aligned Float32Array: in `scratch` when given (valid until its
 * next use), else a fresh array. Bytes on disk are read straight into it.
 */
export declare function tensorFloat32(tensor: TensorProto, dir: string, where: string, scratch?: FloatScratch): Promise<Float32Array>;
