import type { Budget } from "../manifest/types.generated.js";
import { type HostTensor } from "../formats/onnx-npz.js";
import { type OnnxOutputMetrics } from "./onnx-output-metrics.js";
import { type SampleInputOptions } from "./onnx-sample-inputs.js";
/** A variant to check against the reference model. */
export interface OnnxParityVariant {
    path: string;
    /** onnx-int8 | onnx-int4 | onnx-fp16: picks the default budget. */
    scheme: string;
    /** The manifest's budget; its bounds override the scheme's default. */
    budget?: Budget;
}
export interface OnnxParityOptions extends SampleInputOptions {
    /** Sample inputs: a .npz file (one array per input name) or tensors; default: generated. */
    inputs?: string | Readonly<Record<string, HostTensor>>;
    /** Called with each variant's report as soon as it is measured. */
    onReport?: (report: OnnxParityReport) => void;
}
/** What the evaluate stage records for one variant. */
export interface OnnxParityReport {
    path: string;
    scheme: string;
    /** Bytes of the variant and of the reference, external data included. */
    bytes: number;
    referenceBytes: number;
    /** referenceBytes / bytes. */
    compression: number;
    outputs: OnnxOutputMetrics[];
    budget: Budget;
    /** Bounds broken, one line each; empty when the variant is within budget. */
    violations: string[];
}
/**
 * Runs the reference and each variant in onnxruntime-node on the same inputs and measures every
 * output (max and mean abs diff, RMSE, cosine) plus size and compression. Does not judge; see
 * `onnxParity` for the gate.
 */
export declare function measureOnnxParity(reference: string, variants: readonly OnnxParityVariant[], options?: OnnxParityOptions): Promise<OnnxParityReport[]>;
/**
 * The evaluate stage for ONNX variants: measures them (`measureOnnxParity`) and throws
 * BUDGET_EXCEEDED (exit code 1) naming each variant, output and figure outside its budget.
 * Returns the reports when every variant is within budget.
 */
export declare function onnxParity(reference: string, variants: readonly OnnxParityVariant[], options?: OnnxParityOptions): Promise<OnnxParityReport[]>;
