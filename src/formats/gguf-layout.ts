import { ModelPublishError } from "../errors.js";
import { encodeGgufHeader } from "./gguf-encode.js";
import {
  alignUp,
  GGML_MAX_DIMS,
  GGML_MAX_NAME_BYTES,
  GGUF_DEFAULT_ALIGNMENT,
  ggmlNbytes,
  ggmlType,
  type GgmlTypeName,
} from "./gguf-types.js";
import type { GgufMetadata } from "./gguf-value.js";

/** A tensor to be written. `shape` is in PyTorch (row-major, outermost first) order. */
export interface GgufTensorSpec {
  name: string;
  type: GgmlTypeName;
  shape: readonly number[];
}

/** A tensor placed in the data section. */
export interface GgufPlacedTensor extends GgufTensorSpec {
  /** Dimensions in ggml order: innermost (the row) first, trailing 1s dropped. */
  ne: number[];
  /** Offset from the start of the data section. */
  offset: number;
  nbytes: number;
}

/** Everything about a GGUF file except its tensor bytes, decided before any byte is written. */
export interface GgufLayout {
  /** Header, KV pairs and tensor infos, padded so the data section follows directly. */
  header: Buffer;
  tensors: GgufPlacedTensor[];
  alignment: number;
  /** File size: the data section ends with the last tensor's padding, as ggml reads it. */
  size: number;
}

function unsupported(detail: string): ModelPublishError {
  return new ModelPublishError("INPUT_UNSUPPORTED", `cannot write GGUF: ${detail}`);
}

/** `ggml_n_dims`: the dimensions up to the last one above 1 (at least one). */
export function ggmlDims(shape: readonly number[]): number[] {
  const ne = [...shape].reverse();
  while (ne.length > 1 && ne[ne.length - 1] === 1) ne.pop();
  return ne.length === 0 ? [1] : ne;
}

function alignmentOf(metadata: GgufMetadata): number {
  const value = metadata.get("general.alignment");
  if (value === undefined) return GGUF_DEFAULT_ALIGNMENT;
  if (value.type !== "uint32") {
    throw unsupported(`general.alignment must be a uint32 (ggml aborts on a ${value.type})`);
  }
  const a = value.value;
  if (a <= 0 || (a & (a - 1)) !== 0) {
    throw unsupported(`general.alignment ${a} is not a power of two`);
  }
  return a;
}

/**
 * Lays a GGUF v3 file out the way ggml's reader demands: unique KV keys (a Map) and tensor names,
 * names of at most 63 bytes, at most 4 dimensions, rows a whole number of blocks, offsets
 * contiguous in tensor order with every tensor padded to the alignment (`general.alignment`,
 * default 32).
 */
export function layoutGguf(metadata: GgufMetadata, specs: readonly GgufTensorSpec[]): GgufLayout {
  const alignment = alignmentOf(metadata);
  const seen = new Set<string>();
  let offset = 0;
  const tensors = specs.map((spec): GgufPlacedTensor => {
    if (seen.has(spec.name))
      throw unsupported(`tensor name ${JSON.stringify(spec.name)} appears twice`);
    seen.add(spec.name);
    const nameBytes = Buffer.byteLength(spec.name, "utf8");
    if (nameBytes === 0 || nameBytes > GGML_MAX_NAME_BYTES) {
      throw unsupported(
        `tensor name ${JSON.stringify(spec.name)} is ${nameBytes} bytes; ggml allows 1 to ${GGML_MAX_NAME_BYTES}`,
      );
    }
    const ne = ggmlDims(spec.shape);
    if (ne.length > GGML_MAX_DIMS) {
      throw unsupported(
        `tensor ${spec.name} has ${ne.length} dimensions; ggml allows ${GGML_MAX_DIMS}`,
      );
    }
    if (ne.some((n) => !Number.isSafeInteger(n) || n < 0)) {
      throw unsupported(`tensor ${spec.name} has an invalid shape [${spec.shape.join(", ")}]`);
    }
    const type = ggmlType(spec.type);
    const nbytes = ggmlNbytes(type, ne);
    if (nbytes === undefined) {
      throw unsupported(
        `tensor ${spec.name}: a row of ${ne[0] ?? 1} values is not a multiple of the ${spec.type} block size ${type.blockSize}`,
      );
    }
    const placed = { ...spec, shape: [...spec.shape], ne, offset, nbytes };
    offset = alignUp(offset + nbytes, alignment);
    return placed;
  });
  const header = encodeGgufHeader(
    metadata,
    tensors.map((t) => ({ name: t.name, ne: t.ne, typeId: ggmlType(t.type).id, offset: t.offset })),
    alignment,
  );
  return { header, tensors, alignment, size: header.length + offset };
}
