import type { Dtype } from "../formats/dtype.js";
import { SafetensorsFile } from "../formats/safetensors-file.js";
import type { SafetensorsTensorInfo } from "../formats/safetensors-header.js";
import type { KernelPool } from "./kernel-pool.js";
/** One tensor of the source model and the file that holds it. */
export interface SourceTensor {
    name: string;
    dtype: Dtype;
    shape: number[];
    numel: number;
    byteLength: number;
    file: SafetensorsFile;
    info: SafetensorsTensorInfo;
}
/** A safetensors model: one file, or the shards of a `*.safetensors.index.json`. */
export interface SourceModel {
    tensors: SourceTensor[];
    /** The files read (the index, then the shards). */
    files: string[];
    /** Sum of the tensors' bytes as stored. */
    tensorBytes: number;
    /** Folder of the input, where `config.json` is looked for. */
    folder: string;
    close(): Promise<void>;
}
/** Opens a safetensors model for tensor-by-tensor reading. */
export declare function openSourceModel(path: string): Promise<SourceModel>;
/** Reads a tensor's stored bytes into shared memory. */
export declare function readSourceBytes(tensor: SourceTensor): Promise<Uint8Array>;
export declare function isFloatTensor(tensor: SourceTensor): boolean;
/** Reads a floating-point tensor as float32 values in shared memory (exact from F16/BF16/F32). */
export declare function readSourceF32(tensor: SourceTensor, pool: KernelPool): Promise<Float32Array>;
