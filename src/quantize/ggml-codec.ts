import { ModelPublishError } from "../errors.js";
import { ggmlType, type GgmlTypeName } from "../formats/gguf-types.js";
import type { KernelPool } from "./kernel-pool.js";
import type { KernelName } from "./kernel-registry.js";
import { fp16BitsToFp32 } from "./kernels/half.js";

type BlockKernels = { encode: KernelName; decode: KernelName; blocked: boolean };

const KERNELS_OF: Partial<Record<GgmlTypeName, BlockKernels>> = {
  F32: { encode: "encodeF32", decode: "decodeF32", blocked: false },
  F16: { encode: "encodeF16", decode: "decodeF16", blocked: false },
  BF16: { encode: "encodeBf16", decode: "decodeBf16", blocked: false },
  Q8_0: { encode: "quantizeQ8_0", decode: "dequantizeQ8_0", blocked: true },
  Q4_0: { encode: "quantizeQ4_0", decode: "dequantizeQ4_0", blocked: true },
  Q5_0: { encode: "quantizeQ5_0", decode: "dequantizeQ5_0", blocked: true },
  Q4_K: { encode: "quantizeQ4_KWasm", decode: "dequantizeQ4_K", blocked: true },
  Q6_K: { encode: "quantizeQ6_KWasm", decode: "dequantizeQ6_K", blocked: true },
};

/** Byte offsets of the fp16 scale fields in one block, checked as `ggml_validate_row_data` does. */
const SCALE_FIELDS: Partial<Record<GgmlTypeName, number[]>> = {
  Q8_0: [0],
  Q4_0: [0],
  Q5_0: [0],
  Q4_K: [0, 2],
  Q6_K: [208],
};

/** Values per job: enough to amortise a message, small enough to spread over the workers. */
const JOB_VALUES = 1 << 18;

function kernelsOf(type: GgmlTypeName): BlockKernels {
  const kernels = KERNELS_OF[type];
  if (kernels === undefined) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `ggml type ${type} cannot be encoded or decoded yet`,
    );
  }
  return kernels;
}

/** Splits `blocks` into jobs and runs them all on the pool. */
async function inJobs(
  blocks: number,
  perBlock: number,
  run: (start: number, count: number) => Promise<unknown>,
): Promise<void> {
  const per = Math.max(1, Math.floor(JOB_VALUES / perBlock));
  const jobs: Promise<unknown>[] = [];
  for (let start = 0; start < blocks; start += per)
    jobs.push(run(start, Math.min(per, blocks - start)));
  await Promise.all(jobs);
}

/**
 * Encodes float32 values (in shared memory) as a ggml type on the pool; the bytes are identical to
 * ggml's reference quantizers. `values.length` must be a whole number of blocks. Non-finite input
 * and fp16 scales that overflow are INPUT_UNSUPPORTED naming `name`, as llama-quantize's
 * validation refuses them too.
 */
export async function encodeGgml(
  pool: KernelPool,
  type: GgmlTypeName,
  values: Float32Array,
  name: string,
): Promise<Uint8Array> {
  const info = ggmlType(type);
  const kernels = kernelsOf(type);
  if (type === "F32") return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const blocks = values.length / info.blockSize;
  const out = new Uint8Array(new SharedArrayBuffer(blocks * info.typeSize));
  if (kernels.blocked) {
    let bad = -1;
    await inJobs(values.length, 1, async (start, count) => {
      const at = await pool.run("firstNonFinite", values, start, count);
      if (at >= 0 && (bad < 0 || at < bad)) bad = at;
    });
    if (bad >= 0) {
      throw new ModelPublishError(
        "INPUT_UNSUPPORTED",
        `tensor ${name} holds ${String(values[bad])} at element ${bad}; ${type} cannot encode non-finite values (fix the checkpoint, or publish f16/bf16)`,
      );
    }
  }
  await inJobs(blocks, info.blockSize, (start, count) =>
    pool.run(
      kernels.encode as "quantizeQ8_0",
      values,
      start * info.blockSize,
      count,
      out,
      start * info.typeSize,
    ),
  );
  checkScales(type, out, name);
  return out;
}

function checkScales(type: GgmlTypeName, bytes: Uint8Array, name: string): void {
  const fields = SCALE_FIELDS[type];
  if (fields === undefined) return;
  const { typeSize, blockSize } = ggmlType(type);
  for (let at = 0; at < bytes.length; at += typeSize) {
    for (const field of fields) {
      const h = (bytes[at + field] ?? 0) | ((bytes[at + field + 1] ?? 0) << 8);
      if ((h & 0x7c00) === 0x7c00) {
        throw new ModelPublishError(
          "INPUT_UNSUPPORTED",
          `tensor ${name}: the ${type} scale of the block at element ${(at / typeSize) * blockSize} is ${String(fp16BitsToFp32(h))} (values too large for an fp16 scale); publish f16/bf16 or q8_0 for this model`,
        );
      }
    }
  }
}

/** Decodes ggml bytes back to float32 values (in shared memory) on the pool. */
export async function decodeGgml(
  pool: KernelPool,
  type: GgmlTypeName,
  bytes: Uint8Array,
  count: number,
): Promise<Float32Array> {
  const info = ggmlType(type);
  const kernels = kernelsOf(type);
  const out = new Float32Array(new SharedArrayBuffer(count * 4));
  const blocks = count / info.blockSize;
  await inJobs(blocks, info.blockSize, (start, n) =>
    pool.run(
      kernels.decode as "dequantizeQ8_0",
      bytes,
      start * info.typeSize,
      n,
      out,
      start * info.blockSize,
    ),
  );
  return out;
}
