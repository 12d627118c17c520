import type { ModelProto, TensorProto } from "./onnx-proto-types.js";
/** Part of an encoded model: bytes, or a tensor's raw_data payload to fetch when writing. */
export type OnnxChunk = Uint8Array | {
    payload: TensorProto;
    length: number;
};
/**
 * The model's protobuf encoding as a list of chunks, the raw_data of the main graph's
 * initializers for which `payload` gives a length left as references: writing the chunks in
 * order gives exactly `encodeOnnx(model)`, without ever holding the whole encoding (or the
 * large tensors) in memory.
 */
export declare function onnxChunks(model: ModelProto, payload: (tensor: TensorProto) => number | undefined): OnnxChunk[];
