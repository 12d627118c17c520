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
/**
 * A tensor whose raw_data `data` produces when written (see `DeferredRawData`). `writeOnnx` and
 * `tensorBytes` know of it; `encodeOnnx` would write the tensor without its data.
 */
export declare function deferredTensor(name: string, dataType: number, dims: number[], data: DeferredRawData): TensorProto;
/** The deferred raw_data of `tensor`, if a pass gave it one. */
export declare function deferredRawData(tensor: TensorProto): DeferredRawData | undefined;
/**
 * Produces `data` through `sink`, refusing a write outside [0, length) or a total that is not
 * `length` (a producer bug would otherwise overwrite the next tensor or leave a hole). `what`
 * names the tensor in the error.
 */
export declare function produceChecked(data: DeferredRawData, sink: RawDataSink, what: string): Promise<void>;
/** The bytes of `data`, gathered in memory. */
export declare function deferredBytes(data: DeferredRawData, what: string): Promise<Uint8Array>;
