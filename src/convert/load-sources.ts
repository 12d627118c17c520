import { stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { byteSwapUnit, dtypeBytes } from "../formats/dtype.js";
import { ModelPublishError } from "../errors.js";
import { malformed } from "../formats/format-error.js";
import { TorchTensor } from "../formats/pickle-values.js";
import { openTorchCheckpoint, type TorchCheckpoint } from "../formats/open-torch-checkpoint.js";
import { tensorNumel } from "../formats/tensor-view.js";
import type { SourceTensor } from "./output-plan.js";
import { readShardIndex, TORCH_INDEX_NAME, type ShardIndex } from "./shard-index.js";
import { scalarTensorEntry, trainingEntry, type TrainingEntry } from "./training-values.js";
import { selectWeights } from "./weights-selection.js";

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

/** An OS error in a few words (`no such file or folder`), without a stack. */
function reason(error: unknown): string {
  // Duck-typed: errors from Node's fs may come from another realm (test sandboxes).
  const code =
    typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

async function scalarOf(
  checkpoint: TorchCheckpoint,
  tensor: TorchTensor,
): Promise<TrainingEntry | undefined> {
  const size = dtypeBytes(tensor.dtype);
  if (size === undefined || tensorNumel(tensor) !== 1) return undefined;
  const region = checkpoint.region(tensor.storage);
  const bytes = await checkpoint.file.read(
    region.offset + tensor.offset * size,
    size,
    `scalar storage ${tensor.storage.key}`,
  );
  const unit = byteSwapUnit(tensor.dtype);
  if (checkpoint.bigEndian && unit > 1) bytes.reverse();
  return scalarTensorEntry(tensor.dtype, bytes);
}

/**
 * Opens the input — a checkpoint file, a `pytorch_model.bin.index.json`, or a folder holding one
 * — and finds its weights. Every checkpoint opened is pushed onto `opened` at once, so the caller
 * can close them all whatever happens.
 */
export async function loadSources(
  input: string,
  weightsKey: string | undefined,
  opened: TorchCheckpoint[],
  onOpen?: (file: string) => void,
): Promise<LoadedSources> {
  let path = input;
  const info = await stat(path).catch((error: unknown) => {
    throw new ModelPublishError("USAGE", `cannot read the checkpoint ${input}: ${reason(error)}`);
  });
  if (info.isDirectory()) path = join(path, TORCH_INDEX_NAME);
  const index = path.endsWith(".json")
    ? await readShardIndex(path).catch((error: unknown) => {
        throw error instanceof ModelPublishError
          ? error
          : new ModelPublishError("USAGE", `cannot read ${path}: ${reason(error)}`);
      })
    : undefined;
  const files = index ? index.shards : [path];
  const tensors: SourceTensor[] = [];
  const training = new Map<string, TrainingEntry>();
  const skipped: string[] = [];
  const names = new Set<string>();
  let chosenKey: string | undefined;
  for (const file of files) {
    onOpen?.(file);
    const checkpoint = await openTorchCheckpoint(file).catch((error: unknown) => {
      if (error instanceof ModelPublishError) throw error;
      const named = index
        ? `${basename(path)} names ${basename(file)}, which`
        : `the checkpoint ${file}`;
      throw new ModelPublishError(
        index ? "INPUT_MALFORMED" : "USAGE",
        `${named} cannot be read: ${reason(error)}`,
      );
    });
    opened.push(checkpoint);
    const name = checkpoint.file.name;
    const selection = selectWeights(checkpoint.root, weightsKey, name);
    chosenKey ??= selection.key;
    skipped.push(...selection.skipped);
    for (const [tensorName, tensor] of selection.tensors) {
      if (names.has(tensorName))
        throw malformed(name, `tensor ${JSON.stringify(tensorName)} is also in another shard`);
      if (index && index.weightMap.get(tensorName) !== file) {
        throw malformed(
          name,
          `holds tensor ${JSON.stringify(tensorName)}, which ${basename(path)} ${index.weightMap.has(tensorName) ? "places in another shard" : "does not list"}`,
        );
      }
      names.add(tensorName);
      tensors.push({ name: tensorName, tensor, checkpoint });
    }
    for (const [key, value] of selection.others) {
      const entry =
        value instanceof TorchTensor ? await scalarOf(checkpoint, value) : trainingEntry(value);
      if (entry && !training.has(key)) training.set(key, entry);
    }
  }
  if (index) {
    for (const [tensorName, shard] of index.weightMap) {
      if (!names.has(tensorName))
        throw malformed(
          basename(path),
          `lists tensor ${JSON.stringify(tensorName)} in ${basename(shard)}, which does not hold it`,
        );
    }
  }
  return { tensors, training, weightsKey: chosenKey, skipped, index };
}
