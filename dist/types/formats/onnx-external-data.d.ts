import { type FileHandle } from "node:fs/promises";
import type { TensorProto } from "./onnx-proto-types.js";
/** Where one tensor's bytes live outside the model file. */
export interface ExternalRef {
    /** The `location` entry, as written in the model. */
    location: string;
    /** The file it names, resolved against the model's folder. */
    file: string;
    offset: number;
    /** The `length` entry; absent means "to the end of the file". */
    length?: number;
}
/**
 * Parses a tensor's `external_data` entries and resolves `location` against `dir`. A location
 * that is absolute or climbs out of the model's folder (`..`) is refused: a model must not
 * make the reader open files elsewhere on the machine.
 */
export declare function externalRef(tensor: TensorProto, dir: string, where: string): ExternalRef;
/**
 * Checks that the external file exists inside `dir` (symbolic links included) and holds
 * `bytes` bytes at the tensor's offset; returns the byte count.
 */
export declare function checkExternal(ref: ExternalRef, dir: string, bytes: number, where: string): Promise<number>;
/**
 * Streams `length` bytes at `source.offset` of `source.file` into `out` at `at`, a chunk at a
 * time, so a multi-GB tensor never sits in memory whole.
 */
export declare function copyFileRange(source: {
    file: string;
    offset: number;
}, length: number, out: FileHandle, at: number, where: string): Promise<void>;
