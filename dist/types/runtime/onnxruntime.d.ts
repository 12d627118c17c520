import type * as Ort from "onnxruntime-node";
export type OnnxRuntime = typeof Ort;
/**
 * onnxruntime-node, loaded on first use. Its native binding cannot be bundled into the action's
 * `dist/`, and only the ONNX stages (variants, parity, benchmarks) need it, so nothing else
 * depends on it being installed.
 */
export declare function onnxRuntime(): Promise<OnnxRuntime>;
