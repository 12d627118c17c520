import type { RandomAccessFile } from "./random-access-file.js";
import type { TorchCheckpoint } from "./open-torch-checkpoint.js";
/**
 * Reads a `torch.save` zip (torch ≥ 1.6): any archive folder name, `data.pkl`, one stored record
 * per storage under `data/`, and — in the 2.x layout — `byteorder`, `.format_version`,
 * `.storage_alignment` and `.data/*`.
 */
export declare function readTorchZip(file: RandomAccessFile): Promise<TorchCheckpoint>;
