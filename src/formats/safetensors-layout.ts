import { ModelPublishError } from "../errors.js";
import { checkedMul, checkedProduct } from "./checked-int.js";
import { dtypeBits, dtypeRank, type Dtype } from "./dtype.js";
import { MAX_HEADER_SIZE } from "./safetensors-header.js";

/** A tensor to be written: what the header says about it. */
export interface SafetensorsEntry {
  name: string;
  dtype: Dtype;
  shape: readonly number[];
}

export interface PlacedEntry extends SafetensorsEntry {
  /** Offsets relative to the byte buffer. */
  begin: number;
  end: number;
}

/** Everything about a file but its tensor bytes, decided before any byte is written. */
export interface SafetensorsLayout {
  /** The 8-byte length and the padded JSON header. */
  header: Buffer;
  /** Tensors in the order their bytes follow the header. */
  tensors: PlacedEntry[];
  /** Size of the whole file. */
  size: number;
}

/** Bytes a tensor of this dtype and shape occupies; throws when it is not whole bytes. */
export function tensorByteLength(entry: SafetensorsEntry): number {
  const elements = checkedProduct(entry.shape);
  const bits = elements === undefined ? undefined : checkedMul(elements, dtypeBits(entry.dtype));
  if (bits === undefined || bits % 8 !== 0) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `tensor ${JSON.stringify(entry.name)} (${entry.dtype} [${entry.shape.join(", ")}]) is not a whole number of bytes or overflows`,
    );
  }
  return bits / 8;
}

function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/**
 * Lays out a safetensors file as the reference writer does: tensors sorted by dtype alignment
 * (descending) then name, `__metadata__` first with its keys sorted (so equal input gives equal
 * bytes), compact JSON padded with spaces to a multiple of 8.
 */
export function layoutSafetensors(
  entries: readonly SafetensorsEntry[],
  metadata?: Readonly<Record<string, string>>,
): SafetensorsLayout {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.name === "__metadata__") {
      throw new ModelPublishError(
        "INPUT_UNSUPPORTED",
        'a tensor cannot be named "__metadata__" in safetensors',
      );
    }
    if (seen.has(entry.name)) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `tensor name ${JSON.stringify(entry.name)} appears twice`,
      );
    }
    seen.add(entry.name);
  }
  const sorted = [...entries].sort(
    (a, b) => dtypeRank(b.dtype) - dtypeRank(a.dtype) || compareUtf8(a.name, b.name),
  );
  let offset = 0;
  const tensors = sorted.map((entry): PlacedEntry => {
    const begin = offset;
    offset += tensorByteLength(entry);
    return { ...entry, shape: [...entry.shape], begin, end: offset };
  });
  const parts: string[] = [];
  if (metadata !== undefined) {
    const keys = Object.keys(metadata).sort(compareUtf8);
    const body = keys.map((key) => `${JSON.stringify(key)}:${JSON.stringify(metadata[key])}`);
    parts.push(`"__metadata__":{${body.join(",")}}`);
  }
  for (const t of tensors) {
    parts.push(
      `${JSON.stringify(t.name)}:{"dtype":"${t.dtype}","shape":[${t.shape.join(",")}],"data_offsets":[${t.begin},${t.end}]}`,
    );
  }
  const json = Buffer.from(`{${parts.join(",")}}`, "utf8");
  const padded = json.length + ((8 - (json.length % 8)) % 8);
  if (padded > MAX_HEADER_SIZE) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `the safetensors header would be ${padded} bytes, over the ${MAX_HEADER_SIZE}-byte limit readers enforce (HeaderTooLarge); write fewer tensors or less metadata per file`,
    );
  }
  const header = Buffer.alloc(8 + padded, 0x20);
  header.writeBigUInt64LE(BigInt(padded), 0);
  json.copy(header, 8);
  return { header, tensors, size: header.length + offset };
}
