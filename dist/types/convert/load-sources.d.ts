import { type TorchCheckpoint } from "../formats/open-torch-checkpoint.js";
import type { SourceTensor } from "./output-plan.js";
import { type ShardIndex } from "./shard-index.js";
import { type TrainingEntry } from "./training-values.js";
/** The tensors to convert, from one checkpoint or every shard of a sharded one. */
export interface LoadedSources {
    tensors: SourceTensor[];
    /** Scalars found beside the weights, by key. */
    training: Map<string, TrainingEntry>;
    weightsKey: string | undefined;
    /** Non-tensor entries inside the weights dict, left out. */
    skipped: string[];
    index: ShardIndex | undefined;
}
/**
 * Opens the input — a checkpoint file, a `pytorch_model.bin.index.json`, or a folder holding one
 * — and finds its weights. Every checkpoint opened is pushed onto `opened` at once, so the caller
 * can close them all whatever happens.
 */
export declare function loadSources(input: string, weightsKey: string | undefined, opened: TorchCheckpoint[], onOpen?: (file: string) => void): Promise<LoadedSources>;
