import type { HostTensor } from "../formats/onnx-npz.js";
/** How far one output of a variant is from the reference's. */
export interface OnnxOutputMetrics {
    output: string;
    elements: number;
    maxAbsDiff: number;
    meanAbsDiff: number;
    rmse: number;
    /** Cosine similarity of the flattened outputs (1 when both are all zeros; NaN poisons it). */
    cosine: number;
}
/**
 * Compares every output of `expected` with the same-named output of `actual`. A missing output
 * or a shape difference is OUTPUT_MISMATCH: no error figure describes it.
 */
export declare function compareOutputs(expected: Readonly<Record<string, HostTensor>>, actual: Readonly<Record<string, HostTensor>>, label: string): OnnxOutputMetrics[];
