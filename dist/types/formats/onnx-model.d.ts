import type { ModelProto } from "./onnx-proto-types.js";
/** Protobuf messages cannot exceed 2 GiB; bigger models keep their tensors in external data. */
export declare const PROTOBUF_LIMIT: number;
/** A decoded ONNX model and where its external data files are. */
export interface OnnxModel {
    proto: ModelProto;
    /** The file it was read from (in messages). */
    path: string;
    /** The folder `external_data` locations are relative to. */
    dir: string;
}
/**
 * Decodes an ONNX model from protobuf bytes. Tensor raw_data stays a view into `bytes`. Fields
 * unknown to this version are kept and written back by `encodeOnnx`. Throws INPUT_MALFORMED
 * naming `name` when the bytes are not a model (truncated, not protobuf, or no graph).
 */
export declare function decodeOnnx(bytes: Uint8Array, name: string): ModelProto;
/** Encodes a model to protobuf bytes; fields are written in field-number order. */
export declare function encodeOnnx(proto: ModelProto): Uint8Array;
/** Initializer payloads of at least this many bytes stay on disk until used. */
export declare const LAZY_RAW_DATA_BYTES: number;
/**
 * Reads an ONNX model file and checks every external data reference: the file it names must be
 * inside the model's folder and hold the bytes the tensor's shape needs. The raw_data of large
 * graph initializers (`lazyBytes`, default 1 MiB, and up) is not loaded: the tensors decode
 * with it empty and fetch it from the file when asked (`tensorBytes`, `tensorFloat32`, the
 * writer), so reading a multi-GB model costs little memory; the file must stay unchanged while
 * the model is in use. External data is likewise only read when asked for.
 */
export declare function readOnnx(path: string, options?: {
    lazyBytes?: number;
}): Promise<OnnxModel>;
/** The model file and the external data files it names (each once), for sizes and copies. */
export declare function onnxModelFiles(model: OnnxModel): string[];
