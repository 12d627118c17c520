import { stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { malformed, unsupported } from "./format-error.js";
import { checkExternal, externalRef } from "./onnx-external-data.js";
import { int64ToNumber } from "./onnx-int64.js";
import type { ModelProto, TensorProto } from "./onnx-proto-types.js";
import { setLazyRawData } from "./onnx-lazy-data.js";
import { decodeModelProto, modelProtoType } from "./onnx-schema.js";
import { readSkeleton } from "./onnx-skeleton.js";
import { RandomAccessFile } from "./random-access-file.js";
import { isExternal, tensorDims, tensorSize } from "./onnx-tensor-data.js";
import { forEachTensor } from "./onnx-walk.js";

/** Protobuf messages cannot exceed 2 GiB; bigger models keep their tensors in external data. */
export const PROTOBUF_LIMIT = 2 ** 31 - 1;

/** A decoded ONNX model and where its external data files are. */
export interface OnnxModel {
  proto: ModelProto;
  /** The file it was read from (in messages). */
  path: string;
  /** The folder `external_data` locations are relative to. */
  dir: string;
}

/**
 * Decodes an ONNX model from protobuf bytes. Tensor raw_data stays a view into `bytes`. Fields
 * unknown to this version are kept and written back by `encodeOnnx`. Throws INPUT_MALFORMED
 * naming `name` when the bytes are not a model (truncated, not protobuf, or no graph).
 */
export function decodeOnnx(bytes: Uint8Array, name: string): ModelProto {
  let decoded: object;
  try {
    decoded = decodeModelProto(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw malformed(
      name,
      `is not a readable ONNX protobuf (${detail}); the file is truncated, corrupted or not an ONNX model`,
    );
  }
  // The decoder only produces the fields and value types the schema declares.
  const proto = decoded as ModelProto;
  if (!Object.hasOwn(proto, "irVersion") || !proto.graph) {
    throw malformed(
      name,
      "decodes as protobuf but has no ir_version or graph: it is not an ONNX model",
    );
  }
  int64ToNumber(proto.irVersion, `${name} ir_version`);
  return proto;
}

/** Encodes a model to protobuf bytes; fields are written in field-number order. */
export function encodeOnnx(proto: ModelProto): Uint8Array {
  return modelProtoType.encode(proto).finish();
}

/** Initializer payloads of at least this many bytes stay on disk until used. */
export const LAZY_RAW_DATA_BYTES = 1 << 20;

/**
 * Reads an ONNX model file and checks every external data reference: the file it names must be
 * inside the model's folder and hold the bytes the tensor's shape needs. The raw_data of large
 * graph initializers (`lazyBytes`, default 1 MiB, and up) is not loaded: the tensors decode
 * with it empty and fetch it from the file when asked (`tensorBytes`, `tensorFloat32`, the
 * writer), so reading a multi-GB model costs little memory; the file must stay unchanged while
 * the model is in use. External data is likewise only read when asked for.
 */
export async function readOnnx(
  path: string,
  options: { lazyBytes?: number } = {},
): Promise<OnnxModel> {
  const name = basename(path);
  const info = await stat(path).catch(() => {
    throw malformed(name, `cannot be read (no such file: ${path})`);
  });
  if (!info.isFile()) throw malformed(name, "is not a regular file");
  if (info.size > PROTOBUF_LIMIT) {
    throw unsupported(
      name,
      `${info.size} bytes is over the 2 GiB protobuf limit; an ONNX model this large keeps its tensors in external data files`,
    );
  }
  const file = await RandomAccessFile.open(path, name);
  let read: Awaited<ReturnType<typeof readSkeleton>>;
  try {
    read = await readSkeleton(file, options.lazyBytes ?? LAZY_RAW_DATA_BYTES);
  } finally {
    await file.close();
  }
  const proto = decodeOnnx(read.skeleton, name);
  const initializers = proto.graph?.initializer ?? [];
  for (const { initializer, offset, length } of read.skipped) {
    const tensor = initializers[initializer];
    if (tensor) setLazyRawData(tensor, { file: resolve(path), offset, length });
  }
  const dir = dirname(resolve(path));
  const external: { tensor: TensorProto; at: string }[] = [];
  forEachTensor(proto, (tensor, where) => {
    const at = `${name}: ${where}`;
    tensorDims(tensor, at);
    if (isExternal(tensor)) external.push({ tensor, at });
  });
  for (const { tensor, at } of external) {
    await checkExternal(externalRef(tensor, dir, at), dir, tensorSize(tensor, at).bytes, at);
  }
  return { proto, path, dir };
}

/** The model file and the external data files it names (each once), for sizes and copies. */
export function onnxModelFiles(model: OnnxModel): string[] {
  const files = new Set<string>();
  forEachTensor(model.proto, (tensor, where) => {
    if (isExternal(tensor)) files.add(externalRef(tensor, model.dir, where).file);
  });
  return [model.path, ...files];
}
