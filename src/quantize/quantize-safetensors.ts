import type { Dtype } from "../formats/dtype.js";
import {
  layoutSafetensors,
  type PlacedEntry,
  type SafetensorsEntry,
} from "../formats/safetensors-layout.js";
import { writeSafetensors } from "../formats/safetensors-writer.js";
import type { KernelPool } from "./kernel-pool.js";
import { lowBitLayout, type LowBitScheme } from "./low-bit-layout.js";
import {
  isFloatTensor,
  readSourceBytes,
  readSourceF32,
  type SourceModel,
  type SourceTensor,
} from "./source-model.js";
import type { QuantizeProgress, VariantTensor } from "./variant.js";

export interface QuantizeSafetensorsOptions {
  source: SourceModel;
  scheme: LowBitScheme;
  /** INT4 group size (32, 64, 128 or 256); 128 by default. */
  groupSize?: number;
  output: string;
  pool: KernelPool;
  onProgress?: (event: QuantizeProgress) => void;
}

/** Which part of which source tensor an output tensor holds. */
type Part =
  | { kind: "copy"; source: SourceTensor }
  | { kind: "float"; source: SourceTensor; dtype: "F16" | "BF16" }
  | { kind: "int8"; scales: boolean; source: SourceTensor; rows: number; cols: number }
  | {
      kind: "int4";
      scales: boolean;
      source: SourceTensor;
      rows: number;
      cols: number;
      group: number;
    }
  | { kind: "shape"; source: SourceTensor };

/** Weights the 8- and 4-bit schemes quantize: floating-point matrices named `…weight`. */
export function isLowBitCandidate(tensor: SourceTensor): boolean {
  return (
    isFloatTensor(tensor) &&
    tensor.shape.length >= 2 &&
    tensor.name.endsWith("weight") &&
    tensor.numel > 0
  );
}

function partsOf(
  tensor: SourceTensor,
  scheme: LowBitScheme,
  group: number,
): [SafetensorsEntry, Part][] {
  const { name, shape } = tensor;
  if (scheme === "f16" || scheme === "bf16") {
    const dtype: Dtype = scheme === "f16" ? "F16" : "BF16";
    if (!isFloatTensor(tensor) || tensor.dtype === dtype)
      return [
        [
          { name, dtype: tensor.dtype, shape },
          { kind: "copy", source: tensor },
        ],
      ];
    return [
      [
        { name, dtype, shape },
        { kind: "float", source: tensor, dtype },
      ],
    ];
  }
  if (!isLowBitCandidate(tensor))
    return [
      [
        { name, dtype: tensor.dtype, shape },
        { kind: "copy", source: tensor },
      ],
    ];
  const rows = shape[0] ?? 1;
  const cols = tensor.numel / rows;
  if (scheme === "int8") {
    return [
      [
        { name, dtype: "I8", shape },
        { kind: "int8", scales: false, source: tensor, rows, cols },
      ],
      [
        { name: `${name}_scale`, dtype: "F32", shape: [rows] },
        { kind: "int8", scales: true, source: tensor, rows, cols },
      ],
    ];
  }
  const groups = Math.ceil(cols / group);
  return [
    [
      { name: `${name}_packed`, dtype: "U8", shape: [rows, Math.ceil(cols / 2)] },
      { kind: "int4", scales: false, source: tensor, rows, cols, group },
    ],
    [
      { name: `${name}_scale`, dtype: "F32", shape: [rows, groups] },
      { kind: "int4", scales: true, source: tensor, rows, cols, group },
    ],
    [
      { name: `${name}_shape`, dtype: "I64", shape: [shape.length] },
      { kind: "shape", source: tensor },
    ],
  ];
}

/**
 * Writes a low-bit safetensors variant: F16/BF16 conversion (round to nearest even, NaN and
 * infinities kept) of every floating-point tensor, or INT8/INT4 weights with their scales beside
 * them (layout in `low-bit-layout.ts`, recorded in `__metadata__`). Tensors stream one at a time;
 * a weight whose scales and values land apart in the file is quantized once for each.
 */
export async function quantizeSafetensors(
  options: QuantizeSafetensorsOptions,
): Promise<VariantTensor[]> {
  const { source, scheme, pool, onProgress } = options;
  const group = options.groupSize ?? 128;
  const parts = new Map<string, Part>();
  const entries: SafetensorsEntry[] = [];
  for (const tensor of source.tensors) {
    for (const [entry, part] of partsOf(tensor, scheme, group)) {
      entries.push(entry);
      parts.set(entry.name, part);
    }
  }
  const layout = layoutSafetensors(entries, lowBitLayout(scheme, group));
  const written: VariantTensor[] = [];
  let index = 0;
  await writeSafetensors(options.output, layout, async function* (entry: PlacedEntry) {
    const part = parts.get(entry.name);
    if (part === undefined) return;
    const bytes = await encodePart(part, pool);
    written.push({
      name: entry.name,
      source: part.source.name,
      type: entry.dtype,
      shape: [...entry.shape],
      bytes: bytes.length,
    });
    onProgress?.({
      tensor: entry.name,
      type: entry.dtype,
      index: index++,
      count: layout.tensors.length,
    });
    yield bytes;
  });
  return written;
}

async function encodePart(part: Part, pool: KernelPool): Promise<Uint8Array> {
  if (part.kind === "copy") return readSourceBytes(part.source);
  if (part.kind === "shape") {
    const out = new BigInt64Array(part.source.shape.map((n) => BigInt(n)));
    return new Uint8Array(out.buffer);
  }
  const values = await readSourceF32(part.source, pool);
  if (part.kind === "float") {
    const out = new Uint8Array(new SharedArrayBuffer(values.length * 2));
    const per = 1 << 20;
    const jobs: Promise<void>[] = [];
    for (let start = 0; start < values.length; start += per) {
      const count = Math.min(per, values.length - start);
      jobs.push(
        pool.run(
          part.dtype === "F16" ? "encodeF16" : "encodeBf16",
          values,
          start,
          count,
          out,
          start * 2,
        ),
      );
    }
    await Promise.all(jobs);
    return out;
  }
  const { rows, cols } = part;
  const rowsPerJob = Math.max(1, Math.floor((1 << 18) / cols));
  if (part.kind === "int8") {
    const q = new Uint8Array(new SharedArrayBuffer(rows * cols));
    const scales = new Float32Array(new SharedArrayBuffer(rows * 4));
    await inRowJobs(rows, rowsPerJob, (r, n) =>
      pool.run("quantizeInt8Rows", values, r * cols, n, cols, q, r * cols, scales, r),
    );
    return part.scales ? new Uint8Array(scales.buffer) : q;
  }
  const rowBytes = Math.ceil(cols / 2);
  const groups = Math.ceil(cols / part.group);
  const packed = new Uint8Array(new SharedArrayBuffer(rows * rowBytes));
  const scales = new Float32Array(new SharedArrayBuffer(rows * groups * 4));
  await inRowJobs(rows, rowsPerJob, (r, n) =>
    pool.run(
      "quantizeInt4Groups",
      values,
      r * cols,
      n,
      cols,
      part.group,
      packed,
      r * rowBytes,
      scales,
      r * groups,
    ),
  );
  return part.scales ? new Uint8Array(scales.buffer) : packed;
}

async function inRowJobs(
  rows: number,
  per: number,
  run: (start: number, count: number) => Promise<void>,
): Promise<void> {
  const jobs: Promise<void>[] = [];
  for (let r = 0; r < rows; r += per) jobs.push(run(r, Math.min(per, rows - r)));
  await Promise.all(jobs);
}
