import { ChunkPool } from "../formats/tensor-bytes.js";
import type { PlannedFile } from "./output-plan.js";
/**
 * Check by reload: re-opens a written file with the validating reader (every rule of the
 * reference reader, file length included) and checks that its header says exactly what was
 * planned: the metadata, and each tensor's dtype, shape and place. With `pool`, it also reads
 * every tensor back and compares its bytes with the checkpoint's, read afresh from the source
 * (the writer's read-back already compares each chunk as it is written).
 */
export declare function verifyWrittenFile(path: string, planned: PlannedFile, pool?: ChunkPool, onBytes?: (bytes: number) => void): Promise<void>;
