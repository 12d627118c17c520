import { type OnnxModel } from "./onnx-model.js";
export interface WriteOnnxOptions {
    /**
     * Where tensor bytes go. "auto" (default): into one external data file when the model read
     * had external data or its tensors come near the 2 GiB protobuf limit, else inline.
     */
    externalData?: "auto" | "always" | "never";
    /** Name of the external data file, next to the model (default: `<model file name>.data`). */
    externalDataFile?: string;
    /** Tensors smaller than this many bytes stay inline (default 1024, as `onnx.save_model`). */
    externalThreshold?: number;
}
export interface WrittenOnnx {
    /** The files written: the model, then its external data file if any. */
    files: string[];
    /** Their total size in bytes. */
    bytes: number;
}
/**
 * Writes `model` to `path`. Tensor bytes on disk (external data, or raw_data `readOnnx` left in
 * the source file) are streamed into the new files, bytes a pass deferred (`deferredTensor`) are
 * produced straight into them, and the protobuf is written in chunks with large payloads
 * straight from where they are, so a model larger than memory can be rewritten and an unchanged
 * one comes out byte for byte. External data offsets are page-aligned and
 * tensors laid out in graph order, so the same model always gives the same bytes. Files appear
 * under their final names only once complete.
 */
export declare function writeOnnx(model: OnnxModel, path: string, options?: WriteOnnxOptions): Promise<WrittenOnnx>;
