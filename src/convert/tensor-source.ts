import { ChunkPool, tensorChunks } from "../formats/tensor-bytes.js";
import type { SourceTensor } from "./output-plan.js";

/** The contiguous little-endian bytes of a source tensor, read from its checkpoint in chunks. */
export function sourceChunks(source: SourceTensor, pool: ChunkPool): AsyncGenerator<Buffer> {
  const { checkpoint, tensor } = source;
  return tensorChunks(
    checkpoint.file,
    checkpoint.region(tensor.storage),
    tensor,
    checkpoint.bigEndian,
    pool,
  );
}
