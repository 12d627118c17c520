import { ModelPublishError } from "../errors.js";
import { SafetensorsFile } from "../formats/safetensors-file.js";
import { ChunkPool } from "../formats/tensor-bytes.js";
import type { PlannedFile } from "./output-plan.js";
import { sourceChunks } from "./tensor-source.js";

function mismatch(name: string, detail: string): ModelPublishError {
  return new ModelPublishError("OUTPUT_MISMATCH", `${name}: check by reload failed: ${detail}`);
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k])
  );
}

/**
 * Check by reload: re-opens a written file with the validating reader (every rule of the
 * reference reader, file length included) and checks that its header says exactly what was
 * planned: the metadata, and each tensor's dtype, shape and place. With `pool`, it also reads
 * every tensor back and compares its bytes with the checkpoint's, read afresh from the source
 * (the writer's read-back already compares each chunk as it is written).
 */
export async function verifyWrittenFile(
  path: string,
  planned: PlannedFile,
  pool?: ChunkPool,
  onBytes?: (bytes: number) => void,
): Promise<void> {
  let file: SafetensorsFile;
  try {
    file = await SafetensorsFile.open(path, planned.name);
  } catch (error) {
    throw mismatch(planned.name, error instanceof Error ? error.message : String(error));
  }
  // One buffer for the output's bytes, reused for every tensor.
  const reread = pool ? new ChunkPool(pool.size, 1) : undefined;
  try {
    if (!sameRecord(file.metadata ?? {}, planned.metadata)) {
      throw mismatch(planned.name, "__metadata__ differs from what was written");
    }
    if (file.tensors.length !== planned.layout.tensors.length) {
      throw mismatch(
        planned.name,
        `${file.tensors.length} tensors read back, ${planned.layout.tensors.length} written`,
      );
    }
    for (const expected of planned.layout.tensors) {
      const info = file.tensor(expected.name);
      const source = planned.sources.get(expected.name);
      if (
        !info ||
        !source ||
        info.dtype !== expected.dtype ||
        info.begin !== expected.begin ||
        info.end !== expected.end ||
        info.shape.join(",") !== expected.shape.join(",")
      ) {
        throw mismatch(
          planned.name,
          `tensor ${JSON.stringify(expected.name)} reads back with a different dtype, shape or place`,
        );
      }
      if (pool && reread)
        await compareBytes(file, info, source, [pool, reread], planned.name, onBytes);
    }
  } finally {
    await file.close();
  }
}

async function compareBytes(
  file: SafetensorsFile,
  info: NonNullable<ReturnType<SafetensorsFile["tensor"]>>,
  source: NonNullable<ReturnType<PlannedFile["sources"]["get"]>>,
  [pool, reread]: [ChunkPool, ChunkPool],
  name: string,
  onBytes?: (bytes: number) => void,
): Promise<void> {
  const { offset, length } = file.byteRange(info);
  const chunks = sourceChunks(source, pool);
  let done = 0;
  // The next source chunk is read while this one's output bytes are read and compared.
  let next = chunks.next();
  for (;;) {
    const result = await next;
    if (result.done) break;
    const chunk = result.value;
    next = chunks.next();
    const written = reread.next().subarray(0, chunk.length);
    await file.file.readInto(written, 0, chunk.length, offset + done, `tensor ${info.name}`);
    if (!written.equals(chunk)) {
      await next.catch(() => undefined);
      throw mismatch(
        name,
        `tensor ${JSON.stringify(info.name)} differs from the checkpoint within bytes ${done}..${done + chunk.length}`,
      );
    }
    done += chunk.length;
    onBytes?.(chunk.length);
  }
  if (done !== length) {
    throw mismatch(
      name,
      `tensor ${JSON.stringify(info.name)} has ${length} bytes, the checkpoint gives ${done}`,
    );
  }
}
