import type { GgufValue } from "../formats/gguf-value.js";
import { type GgufScheme } from "./ggml-type-rules.js";
import { type GgufPlanEntry } from "./gguf-plan.js";
import type { KernelPool } from "./kernel-pool.js";
import type { LlamaFamilyConfig } from "./model-config.js";
import { type SourceModel } from "./source-model.js";
import type { QuantizeProgress, VariantTensor } from "./variant.js";
export interface QuantizeGgufOptions {
    source: SourceModel;
    config: LlamaFamilyConfig;
    scheme: GgufScheme;
    /** File to write. */
    output: string;
    /** `general.name`. */
    name: string;
    pool: KernelPool;
    /** More metadata (tokenizer, license, …), written after the architecture keys. */
    extraMetadata?: ReadonlyMap<string, GgufValue>;
    onProgress?: (event: QuantizeProgress) => void;
}
/** A plan entry's values as float32, with Llama's Q/K rows permuted as llama.cpp's converter does. */
export declare function planValues(entry: GgufPlanEntry, pool: KernelPool): Promise<Float32Array>;
/**
 * Writes a GGUF variant of a llama-family safetensors model, tensor by tensor: the header (with
 * every tensor's type and size, decided up front) first, then each tensor read, converted to
 * float32, permuted where llama.cpp permutes, encoded on the worker pool and written. One tensor
 * is in memory at a time.
 */
export declare function quantizeGguf(options: QuantizeGgufOptions): Promise<VariantTensor[]>;
