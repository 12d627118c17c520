import { ChunkPool } from "../formats/tensor-bytes.js";
import type { SourceTensor } from "./output-plan.js";
/** The contiguous little-endian bytes of a source tensor, read from its checkpoint in chunks. */
export declare function sourceChunks(source: SourceTensor, pool: ChunkPool): AsyncGenerator<Buffer>;
