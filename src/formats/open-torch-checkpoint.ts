import { malformed, unsupported } from "./format-error.js";
import { RandomAccessFile } from "./random-access-file.js";
import type { PyValue, TorchStorage } from "./pickle-values.js";
import { readTorchLegacy } from "./torch-legacy.js";
import { readTorchZip } from "./torch-zip.js";

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

/** First bytes of pickles: PROTO (protocol ≥ 2), and the usual openings of protocols 0–1. */
const PICKLE_STARTS = new Set([0x80, 0x28, 0x63, 0x69, 0x5d, 0x7d, 0x29]);

function hex(bytes: Uint8Array): string {
  return [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join(" ");
}

/**
 * Opens a PyTorch checkpoint of either format, recognised by its first bytes, and reads its
 * object without running any of it. The caller closes `checkpoint.file`.
 */
export async function openTorchCheckpoint(path: string, name?: string): Promise<TorchCheckpoint> {
  const file = await RandomAccessFile.open(path, name);
  try {
    if (file.size === 0) throw malformed(file.name, "is empty");
    const head = await file.read(0, Math.min(file.size, 512), "file head");
    if (head[0] === 0x50 && head[1] === 0x4b) return await readTorchZip(file);
    if (head.subarray(0, 8).toString("latin1") === "PYTORCH1") {
      throw unsupported(
        file.name,
        "uses the PYTORCH1 preview format, which torch itself no longer reads",
      );
    }
    if (head.length >= 262 && head.subarray(257, 262).toString("latin1") === "ustar") {
      throw unsupported(
        file.name,
        "is a pre-0.4 tar checkpoint; load it with an old torch and re-save it with torch.save",
      );
    }
    if (head.length >= 9 && head[8] === 0x7b && head.readUInt32LE(4) === 0) {
      throw unsupported(
        file.name,
        "is already safetensors; use it as is (sources.safetensors in the manifest)",
      );
    }
    const first = head[0] ?? 0;
    if (PICKLE_STARTS.has(first)) return await readTorchLegacy(file);
    throw malformed(
      file.name,
      `is not a PyTorch checkpoint (it starts with bytes ${hex(head)}; a checkpoint starts with a zip header or a pickle)`,
    );
  } catch (error) {
    await file.close();
    throw error;
  }
}
