import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { ModelPublishError } from "../errors.js";
import { checkedProduct } from "../formats/checked-int.js";
import type { Dtype } from "../formats/dtype.js";
import { malformed } from "../formats/format-error.js";
import { SafetensorsFile } from "../formats/safetensors-file.js";
import type { SafetensorsTensorInfo } from "../formats/safetensors-header.js";
import type { KernelPool } from "./kernel-pool.js";

/** One tensor of the source model and the file that holds it. */
export interface SourceTensor {
  name: string;
  dtype: Dtype;
  shape: number[];
  numel: number;
  byteLength: number;
  file: SafetensorsFile;
  info: SafetensorsTensorInfo;
}

/** A safetensors model: one file, or the shards of a `*.safetensors.index.json`. */
export interface SourceModel {
  tensors: SourceTensor[];
  /** The files read (the index, then the shards). */
  files: string[];
  /** Sum of the tensors' bytes as stored. */
  tensorBytes: number;
  /** Folder of the input, where `config.json` is looked for. */
  folder: string;
  close(): Promise<void>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function shardNames(indexPath: string): Promise<string[]> {
  const name = basename(indexPath);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(indexPath, "utf8"));
  } catch (error) {
    throw malformed(
      name,
      `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const map = isRecord(json) ? json.weight_map : undefined;
  if (!isRecord(map)) throw malformed(name, `has no "weight_map" object`);
  const shards = new Set<string>();
  for (const [tensor, file] of Object.entries(map)) {
    if (typeof file !== "string" || file === "" || /[/\\]/.test(file) || file === "..") {
      throw malformed(
        name,
        `weight_map[${JSON.stringify(tensor)}] is not a file name beside the index`,
      );
    }
    shards.add(file);
  }
  return [...shards].sort();
}

/** Resolves a file, an index or a folder (with `model.safetensors` or its index) to files. */
async function resolveInput(
  path: string,
): Promise<{ index?: string; shards: string[]; folder: string }> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) {
    throw new ModelPublishError("INPUT_MALFORMED", `${path}: no such file or folder`);
  }
  if (info.isDirectory()) {
    for (const candidate of ["model.safetensors.index.json", "model.safetensors"]) {
      const full = join(path, candidate);
      if (await stat(full).catch(() => undefined)) return resolveInput(full);
    }
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `${path}: no model.safetensors or model.safetensors.index.json in this folder; run \`model-publish convert\` first`,
    );
  }
  const folder = dirname(path);
  if (path.endsWith(".json")) {
    const shards = (await shardNames(path)).map((file) => join(folder, file));
    return { index: path, shards, folder };
  }
  if (!path.endsWith(".safetensors")) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `${path}: quantize reads safetensors (a .safetensors file, its index or their folder); convert other formats first`,
    );
  }
  return { shards: [path], folder };
}

/** Opens a safetensors model for tensor-by-tensor reading. */
export async function openSourceModel(path: string): Promise<SourceModel> {
  const { index, shards, folder } = await resolveInput(path);
  const files: SafetensorsFile[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(files.map((f) => f.close()));
  };
  try {
    const tensors: SourceTensor[] = [];
    const seen = new Set<string>();
    for (const shard of shards) {
      const file = await SafetensorsFile.open(shard);
      files.push(file);
      for (const info of file.tensors) {
        if (seen.has(info.name))
          throw malformed(basename(shard), `tensor ${info.name} is in two shards`);
        seen.add(info.name);
        const { length } = file.byteRange(info);
        tensors.push({
          name: info.name,
          dtype: info.dtype,
          shape: [...info.shape],
          numel: checkedProduct(info.shape) ?? 0,
          byteLength: length,
          file,
          info,
        });
      }
    }
    return {
      tensors,
      files: [...(index === undefined ? [] : [index]), ...shards],
      tensorBytes: tensors.reduce((sum, t) => sum + t.byteLength, 0),
      folder,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Reads a tensor's stored bytes into shared memory. */
export async function readSourceBytes(tensor: SourceTensor): Promise<Uint8Array> {
  const out = new Uint8Array(new SharedArrayBuffer(tensor.byteLength));
  const { offset, length } = tensor.file.byteRange(tensor.info);
  await tensor.file.file.readInto(out, 0, length, offset, `tensor ${tensor.name}`);
  return out;
}

const FLOAT_DTYPES = new Set<Dtype>(["F32", "F16", "BF16", "F64"]);

export function isFloatTensor(tensor: SourceTensor): boolean {
  return FLOAT_DTYPES.has(tensor.dtype);
}

/** Reads a floating-point tensor as float32 values in shared memory (exact from F16/BF16/F32). */
export async function readSourceF32(tensor: SourceTensor, pool: KernelPool): Promise<Float32Array> {
  const bytes = await readSourceBytes(tensor);
  const n = tensor.numel;
  if (tensor.dtype === "F32") return new Float32Array(bytes.buffer, 0, n);
  if (tensor.dtype === "F16" || tensor.dtype === "BF16") {
    const out = new Float32Array(new SharedArrayBuffer(n * 4));
    const kernel = tensor.dtype === "F16" ? "decodeF16" : "decodeBf16";
    const per = 1 << 20;
    const jobs: Promise<void>[] = [];
    for (let start = 0; start < n; start += per) {
      jobs.push(pool.run(kernel, bytes, start * 2, Math.min(per, n - start), out, start));
    }
    await Promise.all(jobs);
    return out;
  }
  if (tensor.dtype === "F64") {
    const out = new Float32Array(new SharedArrayBuffer(n * 4));
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < n; i++) out[i] = view.getFloat64(i * 8, true);
    return out;
  }
  throw new ModelPublishError(
    "INPUT_UNSUPPORTED",
    `tensor ${tensor.name} is ${tensor.dtype}; only floating-point tensors can be quantized`,
  );
}
