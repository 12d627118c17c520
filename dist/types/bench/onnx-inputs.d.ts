import type * as Ort from "onnxruntime-node";
import type { OnnxRuntime } from "../runtime/onnxruntime.js";
/** How symbolic dimensions are filled: the first is the batch, the others the sequence length. */
export interface InputShapeOptions {
    batchSize: number;
    sequenceLength: number;
    seed?: number;
}
/**
 * Inputs for a session made from its own input metadata, reproducibly: floats from a seeded
 * normal distribution, integers as small token ids, booleans all true.
 */
export declare function generateInputs(ort: OnnxRuntime, session: Ort.InferenceSession, options: InputShapeOptions): Record<string, Ort.Tensor>;
