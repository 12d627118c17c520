/** The conventional name of a sharded PyTorch checkpoint's index. */
export declare const TORCH_INDEX_NAME = "pytorch_model.bin.index.json";
/** The conventional name of a sharded safetensors model's index. */
export declare const SAFETENSORS_INDEX_NAME = "model.safetensors.index.json";
/** A sharded checkpoint: which file holds which tensor. */
export interface ShardIndex {
    /** Shard paths, in the order they are first named. */
    shards: string[];
    /** Tensor name → shard path. */
    weightMap: Map<string, string>;
}
/**
 * Reads `pytorch_model.bin.index.json`: `{"metadata": {...}, "weight_map": {tensor: shard file}}`.
 * Shard names must be plain file names beside the index (no folders, no `..`).
 */
export declare function readShardIndex(path: string): Promise<ShardIndex>;
