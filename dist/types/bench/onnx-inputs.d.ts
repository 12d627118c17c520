import * as ort from "onnxruntime-node";
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
export declare function generateInputs(session: ort.InferenceSession, options: InputShapeOptions): Record<string, ort.Tensor>;
