import type { Artifact } from "../pipeline/artifacts.js";
import type { TrainingValue } from "./training-values.js";
/** How far a conversion has got; `bytesDone`/`bytesTotal` count tensor bytes of the phase. */
export type ConvertProgress = {
    phase: "open";
    file: string;
} | {
    phase: "write" | "verify";
    file: string;
    bytesDone: number;
    bytesTotal: number;
} | {
    phase: "done";
    files: string[];
};
export interface ConvertOptions {
    /** A checkpoint (`.pt`, `.pth`, `.bin`; zip or legacy), a `pytorch_model.bin.index.json`, or a folder holding one. */
    input: string;
    /** A `.safetensors` file (one file), or a folder (shards when the model exceeds `shardSize`). */
    output: string;
    /** Key of the nested weights dict (`state_dict`, `model`, `ema`, …); `.` for the top level. */
    weightsKey?: string;
    /** Largest shard in folder output: bytes, or a size like `5GB` (default 5GB). */
    shardSize?: string | number;
    /**
     * Name of the one file a folder output gets when the model fits in one shard (default
     * `model.safetensors`; a release uses `{id}.safetensors`). Shards are always
     * `model-0000i-of-0000n.safetensors` with `model.safetensors.index.json`.
     */
    singleName?: string;
    /** Artifact paths are relative to this folder (default: the output folder). */
    releaseRoot?: string;
    onProgress?: (progress: ConvertProgress) => void;
    /** Bytes per read/write chunk (default 1 MiB). */
    chunkBytes?: number;
    /**
     * How the output is checked by reload. `read-back` (default): every chunk is read back from the
     * output file as soon as it is written and compared with the checkpoint's bytes, and each
     * finished file is reopened with the validating reader and must hold exactly the planned header.
     * `full` adds a pass that re-reads every tensor from both files once all are written.
     */
    check?: "read-back" | "full";
}
export interface ConvertResult {
    artifacts: Artifact[];
    /** Tensors written (tied duplicates once). */
    tensors: number;
    /** Tensor bytes written. */
    bytes: number;
    /** Tied-weight names left out → the name written. */
    duplicates: Record<string, string>;
    /** Scalars carried from the checkpoint, for the manifest's `training` section. */
    training: Record<string, TrainingValue>;
    /** The `__metadata__` every output file carries (tied names aside). */
    metadata: Record<string, string>;
    /** The nested key the weights came from; undefined for a flat state dict. */
    weightsKey: string | undefined;
    /** Entries of the weights dict that were not tensors and were left out. */
    skipped: string[];
    sources: {
        file: string;
        layout: string;
    }[];
}
/**
 * Converts a PyTorch checkpoint to safetensors without running any of it: tensors are streamed
 * one chunk at a time, written under temporary names, checked by reloading them against the
 * checkpoint, and only then renamed into place. On any failure nothing is left behind.
 */
export declare function convertCheckpoint(options: ConvertOptions): Promise<ConvertResult>;
