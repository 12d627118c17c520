import { type GgmlTypeName } from "../formats/gguf-types.js";
import type { KernelPool } from "./kernel-pool.js";
/**
 * Encodes float32 values (in shared memory) as a ggml type on the pool; the bytes are identical to
 * ggml's reference quantizers. `values.length` must be a whole number of blocks. Non-finite input
 * and fp16 scales that overflow are INPUT_UNSUPPORTED naming `name`, as llama-quantize's
 * validation refuses them too.
 */
export declare function encodeGgml(pool: KernelPool, type: GgmlTypeName, values: Float32Array, name: string): Promise<Uint8Array>;
/** Decodes ggml bytes back to float32 values (in shared memory) on the pool. */
export declare function decodeGgml(pool: KernelPool, type: GgmlTypeName, bytes: Uint8Array, count: number): Promise<Float32Array>;
