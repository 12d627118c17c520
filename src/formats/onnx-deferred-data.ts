import { ModelPublishError } from "../errors.js";
import type { TensorProto } from "./onnx-proto-types.js";

/** Writes `bytes` at `offset` of a tensor's raw data; resolves once they are written. */
export type RawDataSink = (bytes: Uint8Array, offset: number) => Promise<void>;

/**
 * The raw_data of a tensor computed only when it is written: `writeOnnx` calls `produce` when it
 * reaches the tensor and sends the bytes straight to the file, so a pass's output (a quantized
 * weight) never has to be held whole in memory. The tensor itself carries no data.
 */
export interface DeferredRawData {
  readonly length: number;
  /**
   * Writes every byte of [0, length) once through `sink`, in any order and with writes
   * overlapping; resolves after every write has. May be called more than once.
   */
  produce(sink: RawDataSink): Promise<void>;
}

const registry = new WeakMap<TensorProto, DeferredRawData>();

/**
 * A tensor whose raw_data `data` produces when written (see `DeferredRawData`). `writeOnnx` and
 * `tensorBytes` know of it; `encodeOnnx` would write the tensor without its data.
 */
export function deferredTensor(
  name: string,
  dataType: number,
  dims: number[],
  data: DeferredRawData,
): TensorProto {
  const tensor: TensorProto = { name, dataType, dims };
  registry.set(tensor, data);
  return tensor;
}

/** The deferred raw_data of `tensor`, if a pass gave it one. */
export function deferredRawData(tensor: TensorProto): DeferredRawData | undefined {
  return registry.get(tensor);
}

/**
 * Produces `data` through `sink`, refusing a write outside [0, length) or a total that is not
 * `length` (a producer bug would otherwise overwrite the next tensor or leave a hole). `what`
 * names the tensor in the error.
 */
export async function produceChecked(
  data: DeferredRawData,
  sink: RawDataSink,
  what: string,
): Promise<void> {
  let total = 0;
  await data.produce((bytes, offset) => {
    if (offset < 0 || offset + bytes.length > data.length) {
      const range = `${offset}..${offset + bytes.length}`;
      return Promise.reject(
        new ModelPublishError(
          "OUTPUT_MISMATCH",
          `${what}: bytes ${range} are past its ${data.length}`,
        ),
      );
    }
    total += bytes.length;
    return sink(bytes, offset);
  });
  if (total !== data.length) {
    throw new ModelPublishError(
      "OUTPUT_MISMATCH",
      `${what}: ${total} bytes were produced for its ${data.length}`,
    );
  }
}

/** The bytes of `data`, gathered in memory. */
export async function deferredBytes(data: DeferredRawData, what: string): Promise<Uint8Array> {
  const out = Buffer.alloc(data.length);
  await produceChecked(
    data,
    (bytes, offset) => {
      out.set(bytes, offset);
      return Promise.resolve();
    },
    what,
  );
  return out;
}
