import type { Budget, ExportHook } from "../manifest/types.generated.js";
import { type OnnxOutputMetrics } from "../evaluate/onnx-output-metrics.js";
/**
 * How close the exported model must come to the outputs the export script computed with the
 * framework: both run the same float32 model, so only kernel rounding may differ.
 */
export declare const DEFAULT_EXPORT_BUDGET: Budget;
export interface OnnxExportOptions {
    /** The manifest's `sources.export`. */
    hook: ExportHook;
    /** The manifest's folder: the command's working directory and the base of relative paths. */
    manifestDir: string;
    /** The command's output as it comes (stdout and stderr). */
    onOutput?: (text: string, stream: "stdout" | "stderr") => void;
    /** Extra environment variables for the command (the rest is inherited). */
    env?: Readonly<Record<string, string>>;
    /** Parity bounds (default `DEFAULT_EXPORT_BUDGET`). */
    budget?: Budget;
}
export interface OnnxExportResult {
    /** Absolute path of the exported model. */
    output: string;
    /** Metrics of each reference output, or undefined when the hook names no reference files. */
    parity?: OnnxOutputMetrics[];
}
/**
 * The export hook: runs the manifest's export command (through the shell, in the manifest's
 * folder, inheriting the environment, output streamed to `onOutput`), checks that it wrote an
 * ONNX model onnxruntime loads, and — when the hook names reference inputs and outputs — runs
 * the model on the inputs and compares with the outputs. A failing command is INPUT_MALFORMED
 * with its last lines; a model outside the parity budget is BUDGET_EXCEEDED (exit code 1),
 * not a warning.
 */
export declare function runOnnxExport(options: OnnxExportOptions): Promise<OnnxExportResult>;
