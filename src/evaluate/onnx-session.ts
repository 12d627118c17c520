import type * as Ort from "onnxruntime-node";
import { onnxRuntime } from "../runtime/onnxruntime.js";
import { basename } from "node:path";
import { ModelPublishError } from "../errors.js";
import { fromHalfBits, toHalfBits } from "../formats/onnx-half.js";
import type { HostData, HostTensor } from "../formats/onnx-npz.js";

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

const FLOATS = new Set(["float32", "float16", "float64"]);

function asNumbers(t: HostTensor): Float64Array {
  const out = new Float64Array(t.data.length);
  const half = t.type === "float16" && t.data instanceof Uint16Array;
  for (let i = 0; i < t.data.length; i++) {
    const v = t.data[i] ?? 0;
    out[i] = half ? fromHalfBits(Number(v)) : Number(v);
  }
  return out;
}

/**
 * `t` in `type`: float types convert into each other (a FLOAT16 model fed reference FLOAT
 * inputs), integer types into each other; anything else must already match.
 */
export function coerce(t: HostTensor, type: string, where: string): HostTensor {
  if (t.type === type) return t;
  const values = asNumbers(t);
  const make = (data: HostData): HostTensor => ({ type, dims: t.dims, data });
  if (FLOATS.has(t.type) && FLOATS.has(type)) {
    if (type === "float32") return make(Float32Array.from(values));
    if (type === "float64") return make(values);
    return make(Uint16Array.from(values, (v) => toHalfBits(v)));
  }
  const ints: Record<string, (v: Float64Array) => HostData> = {
    int64: (v) => BigInt64Array.from(v, (x) => BigInt(x)),
    int32: (v) => Int32Array.from(v),
    uint8: (v) => Uint8Array.from(v),
    int8: (v) => Int8Array.from(v),
    bool: (v) => Uint8Array.from(v, (x) => (x ? 1 : 0)),
  };
  const convert = ints[type];
  if (convert && !FLOATS.has(t.type)) return make(convert(values));
  throw new ModelPublishError(
    "INPUT_UNSUPPORTED",
    `${where}: a ${t.type} tensor cannot be fed to an input of type ${type}`,
  );
}

/** Values as float64 for comparison, whatever their type (float16 bits decoded). */
export function toFloat64(t: HostTensor): Float64Array {
  return asNumbers(t);
}

function hostData(data: unknown, where: string): HostData {
  if (
    data instanceof Float32Array ||
    data instanceof Float64Array ||
    data instanceof Int8Array ||
    data instanceof Uint8Array ||
    data instanceof Int16Array ||
    data instanceof Uint16Array ||
    data instanceof Int32Array ||
    data instanceof Uint32Array ||
    data instanceof BigInt64Array ||
    data instanceof BigUint64Array
  ) {
    return data;
  }
  // Float16Array where the runtime has one: keep as float32 values.
  if (ArrayBuffer.isView(data) && "length" in data) {
    return Float32Array.from(data as unknown as ArrayLike<number>);
  }
  throw new ModelPublishError("INPUT_UNSUPPORTED", `${where}: output is not a numeric tensor`);
}

/** Loads `path` in onnxruntime-node; a model it refuses is INPUT_MALFORMED naming the file. */
export async function openSession(path: string): Promise<OnnxSession> {
  const ort = await onnxRuntime();
  let session: Ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(path, { logSeverityLevel: 3 });
  } catch (error) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${basename(path)}: onnxruntime cannot load the model: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const inputs = session.inputMetadata.map((m) => ({
    name: m.name,
    type: m.isTensor ? m.type : "non-tensor",
    shape: m.isTensor ? [...m.shape] : [],
  }));
  return {
    inputs,
    outputNames: session.outputNames,
    async run(feeds) {
      const ortFeeds: Record<string, Ort.Tensor> = {};
      for (const input of inputs) {
        const given = feeds[input.name];
        if (!given) {
          throw new ModelPublishError(
            "USAGE",
            `${basename(path)}: no value for input ${input.name}`,
          );
        }
        const t = coerce(given, input.type, `${basename(path)} input ${input.name}`);
        ortFeeds[input.name] = new ort.Tensor(t.type as Ort.Tensor.Type, t.data, t.dims);
      }
      let results: Ort.InferenceSession.ReturnType;
      try {
        results = await session.run(ortFeeds);
      } catch (error) {
        throw new ModelPublishError(
          "INPUT_MALFORMED",
          `${basename(path)}: onnxruntime failed to run the model: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const out: Record<string, HostTensor> = {};
      for (const name of session.outputNames) {
        const t = results[name];
        if (!t) continue;
        out[name] = { type: t.type, dims: [...t.dims], data: hostData(t.data, `output ${name}`) };
      }
      return out;
    },
    release: () => session.release(),
  };
}
