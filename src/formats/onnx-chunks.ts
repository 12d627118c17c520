import type { GraphProto, ModelProto, TensorProto } from "./onnx-proto-types.js";
import { fieldNumbers, graphProtoType, modelProtoType, tensorProtoType } from "./onnx-schema.js";
import { copyMessage } from "./onnx-walk.js";
import type protobuf from "protobufjs/light.js";

/** Part of an encoded model: bytes, or a tensor's raw_data payload to fetch when writing. */
export type OnnxChunk = Uint8Array | { payload: TensorProto; length: number };

/** Fields of the message before and after field `id`; unknown fields go last, as encoding puts them. */
function split<T extends object>(message: T, type: protobuf.Type, id: number): [T, T] {
  const numbers = fieldNumbers(type);
  const before = copyMessage(message);
  const after = copyMessage(message);
  for (const key of Object.getOwnPropertyNames(message)) {
    const n = numbers.get(key);
    if (n === undefined || n >= id) Reflect.deleteProperty(before, key);
    if (n === undefined ? key !== "$unknowns" : n <= id) Reflect.deleteProperty(after, key);
  }
  return [before, after];
}

function varint(value: number): Uint8Array {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return Uint8Array.from(out);
}

const size = (chunks: readonly OnnxChunk[]): number =>
  chunks.reduce((n, c) => n + (c instanceof Uint8Array ? c.length : c.length), 0);

function delimited(id: number, chunks: OnnxChunk[]): OnnxChunk[] {
  return [varint(id * 8 + 2), varint(size(chunks)), ...chunks];
}

function tensorChunks(tensor: TensorProto, payload: number | undefined): OnnxChunk[] {
  if (payload === undefined) return delimited(5, [tensorProtoType.encode(tensor).finish()]);
  const [before, after] = split(tensor, tensorProtoType, 9);
  return delimited(5, [
    tensorProtoType.encode(before).finish(),
    Uint8Array.of(9 * 8 + 2),
    varint(payload),
    { payload: tensor, length: payload },
    tensorProtoType.encode(after).finish(),
  ]);
}

function graphChunks(graph: GraphProto, payload: (t: TensorProto) => number | undefined) {
  const [before, after] = split(graph, graphProtoType, 5);
  return delimited(7, [
    graphProtoType.encode(before).finish(),
    ...(graph.initializer ?? []).flatMap((t) => tensorChunks(t, payload(t))),
    graphProtoType.encode(after).finish(),
  ]);
}

/**
 * The model's protobuf encoding as a list of chunks, the raw_data of the main graph's
 * initializers for which `payload` gives a length left as references: writing the chunks in
 * order gives exactly `encodeOnnx(model)`, without ever holding the whole encoding (or the
 * large tensors) in memory.
 */
export function onnxChunks(
  model: ModelProto,
  payload: (tensor: TensorProto) => number | undefined,
): OnnxChunk[] {
  if (!model.graph) return [modelProtoType.encode(model).finish()];
  const [before, after] = split(model, modelProtoType, 7);
  return [
    modelProtoType.encode(before).finish(),
    ...graphChunks(model.graph, payload),
    modelProtoType.encode(after).finish(),
  ];
}
