import type * as Ort from "onnxruntime-node";
/** A folder holding `node_modules/onnxruntime-node`, installed beside the action (action.yml). */
export declare const RUNTIME_DIR_ENV = "MODEL_PUBLISH_RUNTIME_DIR";
export type OnnxRuntime = typeof Ort;
/**
 * Where onnxruntime-node's entry file is, found the way {@link onnxRuntime} loads it, for a child
 * process that must load the same build.
 */
export declare function onnxRuntimeEntry(): string;
/**
 * onnxruntime-node, loaded on first use. Its native binding cannot be bundled into the action's
 * `dist/`, and only the ONNX stages (variants, parity, benchmarks) need it, so nothing else
 * depends on it being installed.
 */
export declare function onnxRuntime(): Promise<OnnxRuntime>;
