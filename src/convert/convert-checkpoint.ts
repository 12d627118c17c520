import { writeFile } from "node:fs/promises";
import { basename, dirname, relative, resolve, sep } from "node:path";
import { ModelPublishError } from "../errors.js";
import { writeSafetensors } from "../formats/safetensors-writer.js";
import { ChunkPool, CHUNK_BYTES } from "../formats/tensor-bytes.js";
import type { TorchCheckpoint } from "../formats/open-torch-checkpoint.js";
import type { Artifact } from "../pipeline/artifacts.js";
import { loadSources } from "./load-sources.js";
import { dedupeTies, planOutput, type PlannedFile } from "./output-plan.js";
import { PendingOutput } from "./pending-output.js";
import { SAFETENSORS_INDEX_NAME } from "./shard-index.js";
import { DEFAULT_SHARD_SIZE, parseShardSize } from "./shard-size.js";
import { sourceChunks } from "./tensor-source.js";
import type { TrainingValue } from "./training-values.js";
import { verifyWrittenFile } from "./verify-output.js";

/** How far a conversion has got; `bytesDone`/`bytesTotal` count tensor bytes of the phase. */
export type ConvertProgress =
  | { phase: "open"; file: string }
  | { phase: "write" | "verify"; file: string; bytesDone: number; bytesTotal: number }
  | { phase: "done"; files: string[] };

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
  sources: { file: string; layout: string }[];
}

/**
 * Converts a PyTorch checkpoint to safetensors without running any of it: tensors are streamed
 * one chunk at a time, written under temporary names, checked by reloading them against the
 * checkpoint, and only then renamed into place. On any failure nothing is left behind.
 */
export async function convertCheckpoint(options: ConvertOptions): Promise<ConvertResult> {
  const input = resolve(options.input);
  const output = resolve(options.output);
  const fileMode = output.endsWith(".safetensors");
  const outDir = fileMode ? dirname(output) : output;
  const shardSize = fileMode ? undefined : parseShardSize(options.shardSize ?? DEFAULT_SHARD_SIZE);
  const progress = options.onProgress;
  const opened: TorchCheckpoint[] = [];
  const pending = new PendingOutput(outDir);
  try {
    const loaded = await loadSources(input, options.weightsKey, opened, (file) =>
      progress?.({ phase: "open", file }),
    );
    const { unique, duplicates } = dedupeTies(loaded.tensors);
    const training = Object.fromEntries([...loaded.training].map(([k, e]) => [k, e.value]));
    const baseMetadata = Object.fromEntries([...loaded.training].map(([k, e]) => [k, e.text]));
    const files = planOutput(unique, duplicates, baseMetadata, {
      singleName: fileMode ? basename(output) : (options.singleName ?? "model.safetensors"),
      shardSize,
    });
    const inputs = new Set(opened.map((c) => resolve(c.file.path)));
    for (const name of [...files.map((f) => f.name), SAFETENSORS_INDEX_NAME]) {
      if (inputs.has(resolve(outDir, name))) {
        throw new ModelPublishError(
          "USAGE",
          `the output ${resolve(outDir, name)} would overwrite the checkpoint itself; choose another output`,
        );
      }
    }
    const total = files.reduce((sum, f) => sum + f.layout.size - f.layout.header.length, 0);
    await pending.prepare();
    const pool = new ChunkPool(options.chunkBytes ?? CHUNK_BYTES);
    const temps = files.map((f) => pending.temp(f.name));
    let done = 0;
    for (const [i, file] of files.entries()) {
      await writeSafetensors(
        temps[i] ?? "",
        file.layout,
        (entry) => {
          const source = file.sources.get(entry.name);
          if (!source) throw new Error(`no source for ${entry.name}`);
          return sourceChunks(source, pool);
        },
        {
          name: file.name,
          readBack: true,
          onBytes: (n) =>
            progress?.({
              phase: "write",
              file: file.name,
              bytesDone: (done += n),
              bytesTotal: total,
            }),
        },
      );
    }
    done = 0;
    const full = options.check === "full";
    for (const [i, file] of files.entries()) {
      await verifyWrittenFile(temps[i] ?? "", file, full ? pool : undefined, (n) =>
        progress?.({ phase: "verify", file: file.name, bytesDone: (done += n), bytesTotal: total }),
      );
      if (!full) {
        done += file.layout.size - file.layout.header.length;
        progress?.({ phase: "verify", file: file.name, bytesDone: done, bytesTotal: total });
      }
    }
    const indexText = files.length > 1 ? shardIndexText(files, total) : undefined;
    if (indexText !== undefined) await writeFile(pending.temp(SAFETENSORS_INDEX_NAME), indexText);
    const finals = await pending.commit();
    progress?.({ phase: "done", files: finals });
    const root = resolve(options.releaseRoot ?? outDir);
    const artifacts = finals.map((file, i): Artifact => {
      const planned = files[i];
      return {
        path: relative(root, file).split(sep).join("/"),
        file,
        size: planned ? planned.layout.size : Buffer.byteLength(indexText ?? ""),
        format: planned ? "safetensors" : "safetensors-index",
        role: "weights",
      };
    });
    return {
      artifacts,
      tensors: unique.length,
      bytes: total,
      duplicates,
      training,
      metadata: { ...baseMetadata, format: "pt" },
      weightsKey: loaded.weightsKey,
      skipped: loaded.skipped,
      sources: opened.map((c) => ({ file: c.file.path, layout: c.layout })),
    };
  } catch (error) {
    await pending.discard();
    throw error;
  } finally {
    await Promise.all(opened.map((c) => c.file.close()));
  }
}

/**
 * `model.safetensors.index.json` as `save_pretrained` writes it: `json.dumps(index, indent=2,
 * sort_keys=True)` with non-ASCII escaped, and a final newline.
 */
function shardIndexText(files: readonly PlannedFile[], total: number): string {
  const pairs = files.flatMap((f) => [...f.sources.keys()].map((name) => [name, f.name] as const));
  pairs.sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  // Built by hand: a JS object would reorder integer-like keys ("0", "10", "2").
  const body = pairs.map(([name, file]) => `    ${JSON.stringify(name)}: ${JSON.stringify(file)}`);
  const text =
    `{\n  "metadata": {\n    "total_size": ${total}\n  },\n  "weight_map": {\n${body.join(",\n")}\n  }\n}`.replace(
      /[\u0080-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  return `${text}\n`;
}
