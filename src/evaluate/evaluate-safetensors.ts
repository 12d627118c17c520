import { ModelPublishError } from "../errors.js";
import { SafetensorsFile } from "../formats/safetensors-file.js";
import type { SafetensorsTensorInfo } from "../formats/safetensors-header.js";
import type { KernelPool } from "../quantize/kernel-pool.js";
import { isLowBitScheme, type LowBitScheme } from "../quantize/low-bit-layout.js";
import {
  isFloatTensor,
  readSourceBytes,
  readSourceF32,
  type SourceModel,
  type SourceTensor,
} from "../quantize/source-model.js";
import { compareValues, exactMetrics, type TensorMetrics } from "./tensor-metrics.js";

function mismatch(file: string, detail: string): ModelPublishError {
  return new ModelPublishError("OUTPUT_MISMATCH", `${file}: ${detail}`);
}

async function readShared(file: SafetensorsFile, info: SafetensorsTensorInfo): Promise<Uint8Array> {
  const { offset, length } = file.byteRange(info);
  const out = new Uint8Array(new SharedArrayBuffer(length));
  await file.file.readInto(out, 0, length, offset, `tensor ${info.name}`);
  return out;
}

/** The scheme and group size a low-bit variant records in `__metadata__`. */
function schemeOf(file: SafetensorsFile): { scheme: LowBitScheme; group: number } {
  const scheme = file.metadata?.quantization ?? "";
  if (!isLowBitScheme(scheme)) {
    throw mismatch(
      file.file.name,
      `__metadata__ has no low-bit "quantization" (f16, bf16, int8, int4)`,
    );
  }
  const group = Number(file.metadata?.["quantization.group_size"] ?? "128");
  if (!Number.isSafeInteger(group) || group <= 0) {
    throw mismatch(
      file.file.name,
      `__metadata__ "quantization.group_size" is not a positive integer`,
    );
  }
  return { scheme, group };
}

/**
 * Reads a low-bit safetensors variant back and compares every source tensor with what the variant
 * holds for it, dequantized by the layout its `__metadata__` records. Tensors the scheme leaves
 * alone must be byte-identical; a missing tensor is OUTPUT_MISMATCH.
 */
export async function evaluateSafetensors(
  source: SourceModel,
  path: string,
  pool: KernelPool,
): Promise<TensorMetrics[]> {
  const file = await SafetensorsFile.open(path);
  try {
    const { scheme, group } = schemeOf(file);
    const results: TensorMetrics[] = [];
    for (const tensor of source.tensors) {
      results.push(await evaluateOne(file, tensor, scheme, group, pool));
    }
    return results;
  } finally {
    await file.close();
  }
}

async function evaluateOne(
  file: SafetensorsFile,
  tensor: SourceTensor,
  scheme: LowBitScheme,
  group: number,
  pool: KernelPool,
): Promise<TensorMetrics> {
  const name = file.file.name;
  const packed = file.tensor(`${tensor.name}_packed`);
  const scale = file.tensor(`${tensor.name}_scale`);
  const plain = file.tensor(tensor.name);
  const rows = tensor.shape[0] ?? 1;
  const cols = rows > 0 ? tensor.numel / rows : 0;
  const labels = { source: tensor.name };
  if (scheme === "int4" && packed !== undefined && scale !== undefined) {
    const q = await readShared(file, packed);
    const scales = new Float32Array((await readShared(file, scale)).buffer);
    const test = new Float32Array(new SharedArrayBuffer(tensor.numel * 4));
    await pool.run("dequantizeInt4Groups", q, 0, rows, cols, group, scales, 0, test, 0);
    const ref = await readSourceF32(tensor, pool);
    return compareValues(pool, ref, test, { ...labels, name: packed.name, type: "INT4" });
  }
  if (plain === undefined) throw mismatch(name, `tensor ${tensor.name} is missing`);
  if (plain.shape.join(",") !== tensor.shape.join(",")) {
    throw mismatch(
      name,
      `tensor ${tensor.name} has shape [${plain.shape.join(", ")}], the source [${tensor.shape.join(", ")}]`,
    );
  }
  if (scheme === "int8" && plain.dtype === "I8" && scale !== undefined && isFloatTensor(tensor)) {
    const q = await readShared(file, plain);
    const scales = new Float32Array((await readShared(file, scale)).buffer);
    const test = new Float32Array(new SharedArrayBuffer(tensor.numel * 4));
    await pool.run("dequantizeInt8Rows", q, 0, rows, cols, scales, 0, test, 0);
    const ref = await readSourceF32(tensor, pool);
    return compareValues(pool, ref, test, { ...labels, name: plain.name, type: "INT8" });
  }
  const bytes = await readShared(file, plain);
  if (plain.dtype === tensor.dtype) {
    if (!Buffer.from(bytes).equals(await readSourceBytes(tensor))) {
      throw mismatch(
        name,
        `tensor ${tensor.name} should be copied unchanged but differs from the source`,
      );
    }
    return exactMetrics({ ...labels, name: plain.name, type: plain.dtype }, tensor.numel);
  }
  if ((plain.dtype !== "F16" && plain.dtype !== "BF16") || !isFloatTensor(tensor)) {
    throw mismatch(
      name,
      `tensor ${tensor.name} is ${plain.dtype}, which ${scheme} does not produce from ${tensor.dtype}`,
    );
  }
  const test = new Float32Array(new SharedArrayBuffer(tensor.numel * 4));
  await pool.run(
    plain.dtype === "F16" ? "decodeF16" : "decodeBf16",
    bytes,
    0,
    tensor.numel,
    test,
    0,
  );
  const ref = await readSourceF32(tensor, pool);
  return compareValues(pool, ref, test, { ...labels, name: plain.name, type: plain.dtype });
}
