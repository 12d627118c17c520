import { RandomAccessFile } from "./random-access-file.js";
import type { PyValue, TorchStorage } from "./pickle-values.js";
/** Where a storage's bytes lie in the checkpoint file. */
export interface StorageRegion {
    offset: number;
    length: number;
}
/**
 * A PyTorch checkpoint read without running it: the unpickled object (plain data, tensors as
 * views) and where each storage's bytes are.
 */
export interface TorchCheckpoint {
    file: RandomAccessFile;
    format: "zip" | "legacy";
    /** For people: `torch zip (1.x layout)`, `torch zip (2.x layout)`, `torch legacy (protocol 1001)`. */
    layout: string;
    root: PyValue;
    /** Storages were written big-endian; their elements are byte-swapped when read. */
    bigEndian: boolean;
    region(storage: TorchStorage): StorageRegion;
}
/**
 * Opens a PyTorch checkpoint of either format, recognised by its first bytes, and reads its
 * object without running any of it. The caller closes `checkpoint.file`.
 */
export declare function openTorchCheckpoint(path: string, name?: string): Promise<TorchCheckpoint>;
