import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { ModelPublishError } from "../errors.js";
import { malformed } from "../formats/format-error.js";
import { JsonSyntaxError, parseStrictJson } from "../formats/strict-json.js";

/** The conventional name of a sharded PyTorch checkpoint's index. */
export const TORCH_INDEX_NAME = "pytorch_model.bin.index.json";
/** The conventional name of a sharded safetensors model's index. */
export const SAFETENSORS_INDEX_NAME = "model.safetensors.index.json";

const MAX_INDEX_BYTES = 64 * 1024 * 1024;

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
export async function readShardIndex(path: string): Promise<ShardIndex> {
  const name = basename(path);
  const info = await stat(path);
  if (info.size > MAX_INDEX_BYTES) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `${name} is ${info.size} bytes, over the ${MAX_INDEX_BYTES}-byte limit for an index`,
    );
  }
  let json;
  try {
    json = parseStrictJson(await readFile(path, "utf8"));
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      throw malformed(name, `${error.message} at character ${error.index}`);
    throw error;
  }
  const weightMap = json instanceof Map ? json.get("weight_map") : undefined;
  if (!(weightMap instanceof Map) || weightMap.size === 0) {
    throw malformed(name, 'has no "weight_map" object naming the shard of each tensor');
  }
  const shards: string[] = [];
  const map = new Map<string, string>();
  for (const [tensor, file] of weightMap) {
    if (typeof file !== "string" || !/^[^/\\]+$/.test(file) || file === "." || file === "..") {
      throw malformed(
        name,
        `weight_map.${tensor} is ${JSON.stringify(file)}, not a file name beside the index`,
      );
    }
    const shard = join(dirname(path), file);
    if (!shards.includes(shard)) shards.push(shard);
    map.set(tensor, shard);
  }
  return { shards, weightMap: map };
}
