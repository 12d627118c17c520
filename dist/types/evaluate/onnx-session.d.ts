import type { HostTensor } from "../formats/onnx-npz.js";
/** The inputs a model declares, with their onnxruntime types and shapes (symbolic dims as names). */
export interface SessionInput {
    name: string;
    type: string;
    shape: (number | string)[];
}
/** A model loaded in onnxruntime-node (CPU). */
export interface OnnxSession {
    inputs: SessionInput[];
    outputNames: readonly string[];
    run(feeds: Readonly<Record<string, HostTensor>>): Promise<Record<string, HostTensor>>;
    release(): Promise<void>;
}
/**
 * `t` in `type`: float types convert into each other (a FLOAT16 model fed reference FLOAT
 * inputs), integer types into each other; anything else must already match.
 */
export declare function coerce(t: HostTensor, type: string, where: string): HostTensor;
/** Values as float64 for comparison, whatever their type (float16 bits decoded). */
export declare function toFloat64(t: HostTensor): Float64Array;
/** Loads `path` in onnxruntime-node; a model it refuses is INPUT_MALFORMED naming the file. */
export declare function openSession(path: string): Promise<OnnxSession>;
