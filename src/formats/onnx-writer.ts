import { open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { ModelPublishError } from "../errors.js";
import { onnxChunks } from "./onnx-chunks.js";
import { PROTOBUF_LIMIT, type OnnxModel } from "./onnx-model.js";
import { deferredRawData, produceChecked, type DeferredRawData } from "./onnx-deferred-data.js";
import { copyFileRange } from "./onnx-external-data.js";
import { EXTERNAL_LOCATION, type TensorProto } from "./onnx-proto-types.js";
import {
  isExternal,
  tensorBytes,
  tensorDtype,
  tensorOnDisk,
  tensorSize,
} from "./onnx-tensor-data.js";
import { copyMessage, forEachTensor, mapTensors } from "./onnx-walk.js";

export interface WriteOnnxOptions {
  /**
   * Where tensor bytes go. "auto" (default): into one external data file when the model read
   * had external data or its tensors come near the 2 GiB protobuf limit, else inline.
   */
  externalData?: "auto" | "always" | "never";
  /** Name of the external data file, next to the model (default: `<model file name>.data`). */
  externalDataFile?: string;
  /** Tensors smaller than this many bytes stay inline (default 1024, as `onnx.save_model`). */
  externalThreshold?: number;
}

export interface WrittenOnnx {
  /** The files written: the model, then its external data file if any. */
  files: string[];
  /** Their total size in bytes. */
  bytes: number;
}

/** Offsets in the data file are page-aligned so onnxruntime can map tensors instead of copying. */
const ALIGN = 4096;
/** Inline raw_data of this size and more is written straight from where it is, not re-encoded. */
const STREAMED_PAYLOAD = 64 * 1024;
/** Room left for the graph itself when deciding whether tensors fit inline. */
const GRAPH_MARGIN = 64 * 1024 * 1024;

async function writeAll(handle: FileHandle, bytes: Uint8Array, at: number): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, at + done);
    done += bytesWritten;
  }
}

function withoutData(tensor: TensorProto): TensorProto {
  const copy = copyMessage(tensor);
  for (const key of [
    "rawData",
    "floatData",
    "int32Data",
    "int64Data",
    "doubleData",
    "uint64Data",
    "externalData",
    "dataLocation",
  ] as const) {
    Reflect.deleteProperty(copy, key);
  }
  return copy;
}

function tensorPlan(model: OnnxModel) {
  const tensors: { tensor: TensorProto; where: string; bytes: number }[] = [];
  let external = false;
  let total = 0;
  forEachTensor(model.proto, (tensor, where) => {
    if (tensorDtype(tensor, where).bits === 0) return;
    const { bytes } = tensorSize(tensor, where);
    if (isExternal(tensor)) external = true;
    total += bytes;
    tensors.push({ tensor, where, bytes });
  });
  return { tensors, external, total };
}

/**
 * Writes `model` to `path`. Tensor bytes on disk (external data, or raw_data `readOnnx` left in
 * the source file) are streamed into the new files, bytes a pass deferred (`deferredTensor`) are
 * produced straight into them, and the protobuf is written in chunks with large payloads
 * straight from where they are, so a model larger than memory can be rewritten and an unchanged
 * one comes out byte for byte. External data offsets are page-aligned and
 * tensors laid out in graph order, so the same model always gives the same bytes. Files appear
 * under their final names only once complete.
 */
export async function writeOnnx(
  model: OnnxModel,
  path: string,
  options: WriteOnnxOptions = {},
): Promise<WrittenOnnx> {
  const plan = tensorPlan(model);
  const mode = options.externalData ?? "auto";
  const externalize =
    mode === "always" ||
    (mode === "auto" && (plan.external || plan.total > PROTOBUF_LIMIT - GRAPH_MARGIN));
  const threshold = options.externalThreshold ?? 1024;
  const dataName = options.externalDataFile ?? `${basename(path)}.data`;
  const dataPath = join(dirname(resolve(path)), dataName);
  const partial = { model: `${path}.partial`, data: `${dataPath}.partial` };
  const replaced = new Map<TensorProto, TensorProto>();
  /** Payloads written from where they are: a file range, or bytes a pass produces on demand. */
  const streamed = new Map<
    TensorProto,
    { file: string; offset: number; length: number } | { deferred: DeferredRawData; length: number }
  >();
  const topLevel = new Set(model.proto.graph?.initializer ?? []);
  let dataBytes = 0;
  let data: FileHandle | undefined;
  let wroteData = false;
  try {
    for (const { tensor, where, bytes } of plan.tensors) {
      const disk = await tensorOnDisk(tensor, model.dir, bytes, where);
      const deferred = deferredRawData(tensor);
      if (deferred && deferred.length !== bytes) {
        throw new ModelPublishError(
          "OUTPUT_MISMATCH",
          `${where}: ${deferred.length} bytes of data for a shape that needs ${bytes}`,
        );
      }
      if (!externalize || bytes < threshold) {
        if (disk || deferred) {
          const inline = withoutData(tensor);
          // Main-graph initializers are streamed from disk (or from the pass) into the model
          // file; the others are encoded with the rest of the graph, so need their bytes here.
          if (!topLevel.has(tensor)) inline.rawData = await tensorBytes(tensor, model.dir, where);
          else if (disk) streamed.set(inline, { ...disk, length: bytes });
          else if (deferred) streamed.set(inline, { deferred, length: bytes });
          replaced.set(tensor, inline);
        }
        continue;
      }
      data ??= await open(partial.data, "w");
      wroteData = true;
      const offset = Math.ceil(dataBytes / ALIGN) * ALIGN;
      if (disk) {
        await copyFileRange(disk, bytes, data, offset, where);
      } else if (deferred) {
        const out = data;
        await produceChecked(deferred, (b, at) => writeAll(out, b, offset + at), where);
      } else {
        await writeAll(data, await tensorBytes(tensor, model.dir, where), offset);
      }
      dataBytes = offset + bytes;
      const moved = withoutData(tensor);
      moved.dataLocation = EXTERNAL_LOCATION;
      moved.externalData = [
        { key: "location", value: dataName },
        { key: "offset", value: String(offset) },
        { key: "length", value: String(bytes) },
      ];
      replaced.set(tensor, moved);
    }
    const proto = mapTensors(model.proto, (tensor) => replaced.get(tensor) ?? tensor);
    const chunks = onnxChunks(proto, (tensor) => {
      const source = streamed.get(tensor);
      if (source) return source.length;
      const raw = Object.hasOwn(tensor, "rawData") ? tensor.rawData : undefined;
      return raw && raw.length >= STREAMED_PAYLOAD ? raw.length : undefined;
    });
    const modelBytes = chunks.reduce((n, c) => n + c.length, 0);
    if (modelBytes > PROTOBUF_LIMIT) {
      throw new ModelPublishError(
        "OUTPUT_MISMATCH",
        `${basename(path)}: the model is ${modelBytes} bytes, over the 2 GiB protobuf limit; write it with externalData "always"`,
      );
    }
    const handle = await open(partial.model, "w");
    try {
      let at = 0;
      for (const chunk of chunks) {
        if (chunk instanceof Uint8Array) {
          await writeAll(handle, chunk, at);
        } else {
          const source = streamed.get(chunk.payload);
          const start = at;
          if (source && "deferred" in source) {
            const where = `${basename(path)}: tensor ${chunk.payload.name ?? ""}`;
            await produceChecked(source.deferred, (b, o) => writeAll(handle, b, start + o), where);
          } else if (source) {
            await copyFileRange(source, chunk.length, handle, at, path);
          } else {
            await writeAll(handle, chunk.payload.rawData ?? new Uint8Array(), at);
          }
        }
        at += chunk.length;
      }
    } finally {
      await handle.close();
    }
    if (data) {
      await data.close();
      data = undefined;
      await rename(partial.data, dataPath);
    }
    await rename(partial.model, path);
    const files = wroteData ? [path, dataPath] : [path];
    return { files, bytes: modelBytes + dataBytes };
  } catch (error) {
    await data?.close();
    await rm(partial.data, { force: true });
    await rm(partial.model, { force: true });
    throw error;
  }
}
