import { createRequire } from "node:module";
import { join } from "node:path";
import type * as Ort from "onnxruntime-node";
import { ModelPublishError } from "../errors.js";

/** A folder holding `node_modules/onnxruntime-node`, installed beside the action (action.yml). */
export const RUNTIME_DIR_ENV = "MODEL_PUBLISH_RUNTIME_DIR";

export type OnnxRuntime = typeof Ort;

let loaded: OnnxRuntime | undefined;

/**
 * onnxruntime-node 1.30 stores float16 tensors in a Float16Array where the runtime has one
 * (Node 24), but its native binding then reads such an input as empty ("not enough space:
 * expected N, got 0"). The JavaScript side picks the array type once per process, at the first
 * tensor it makes: making that first tensor while Float16Array is hidden keeps float16 data in
 * Uint16Array (half bits), which the binding reads.
 */
function pinFloat16Storage(ort: OnnxRuntime): void {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, "Float16Array");
  if (!descriptor?.configurable) {
    new ort.Tensor("float32", new Float32Array(1), [1]);
    return;
  }
  Reflect.deleteProperty(globalThis, "Float16Array");
  try {
    new ort.Tensor("float32", new Float32Array(1), [1]);
  } finally {
    Object.defineProperty(globalThis, "Float16Array", descriptor);
  }
}

/**
 * Where onnxruntime-node's entry file is, found the way {@link onnxRuntime} loads it, for a child
 * process that must load the same build.
 */
export function onnxRuntimeEntry(): string {
  const dir = process.env[RUNTIME_DIR_ENV];
  const from = dir ? join(dir, "package.json") : import.meta.url;
  return createRequire(from).resolve("onnxruntime-node");
}

type RuntimeModule = OnnxRuntime & { default?: OnnxRuntime };

async function importRuntime(): Promise<RuntimeModule> {
  const dir = process.env[RUNTIME_DIR_ENV];
  try {
    if (dir) {
      // The action installs the runtime in a folder of its own, outside any node_modules that
      // an import from dist/ would search.
      return createRequire(join(dir, "package.json"))("onnxruntime-node") as RuntimeModule;
    }
    return (await import("onnxruntime-node")) as RuntimeModule;
  } catch (error) {
    const where = dir ? ` in ${RUNTIME_DIR_ENV}=${dir}` : " beside model-publish";
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `the ONNX stages need onnxruntime-node, which is not installed${where}; install it (\`npm install onnxruntime-node\`) or leave ONNX variants and benchmarks out`,
      { cause: error },
    );
  }
}

/**
 * onnxruntime-node, loaded on first use. Its native binding cannot be bundled into the action's
 * `dist/`, and only the ONNX stages (variants, parity, benchmarks) need it, so nothing else
 * depends on it being installed.
 */
export async function onnxRuntime(): Promise<OnnxRuntime> {
  if (!loaded) {
    const module = await importRuntime();
    const ort = module.default ?? module;
    pinFloat16Storage(ort);
    loaded = ort;
  }
  return loaded;
}
