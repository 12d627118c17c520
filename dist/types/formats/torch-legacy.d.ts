import type { RandomAccessFile } from "./random-access-file.js";
import type { TorchCheckpoint } from "./open-torch-checkpoint.js";
/** `torch.serialization.MAGIC_NUMBER`. */
export declare const LEGACY_MAGIC = 119547037146038801333356n;
/**
 * Reads the pre-zip format (`_use_new_zipfile_serialization=False`, torch 0.4–1.5): pickles of
 * the magic number, protocol 1001, system info, the object and the sorted storage keys, then each
 * storage as an element count and raw bytes. The storage records must account for every byte.
 */
export declare function readTorchLegacy(file: RandomAccessFile): Promise<TorchCheckpoint>;
