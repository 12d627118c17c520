import type { GgufValue } from "../formats/gguf-value.js";
import { type LlamaFamilyConfig } from "./model-config.js";
import type { QuantizeProgress, QuantScheme, VariantTensor } from "./variant.js";
export type VariantFormat = "gguf" | "safetensors";
export interface QuantizeModelOptions {
    /** A `.safetensors` file, a `*.safetensors.index.json`, or a folder holding either. */
    input: string;
    scheme: QuantScheme;
    /** The file to write. */
    output: string;
    /**
     * Container: GGUF for the ggml schemes, safetensors for int8/int4; f16/bf16 follow the output's
     * extension (`.gguf` or not) unless given.
     */
    format?: VariantFormat;
    /** `config.json` for GGUF (default: the one beside the input). */
    config?: string;
    /** `general.name` for GGUF (default: the output file's name without extension). */
    name?: string;
    /** INT4 group size. */
    groupSize?: number;
    /** Worker threads (default: one per core; 0 runs on the calling thread). */
    threads?: number;
    /** More GGUF metadata (tokenizer, license, …). */
    extraMetadata?: ReadonlyMap<string, GgufValue>;
    onProgress?: (event: QuantizeProgress) => void;
}
export interface QuantizeModelResult {
    scheme: QuantScheme;
    format: VariantFormat;
    file: string;
    size: number;
    /** The source files read and their total size. */
    sourceFiles: string[];
    sourceSize: number;
    tensors: VariantTensor[];
}
/** The container a scheme is written in. */
export declare function variantFormat(scheme: QuantScheme, output: string, format?: VariantFormat): VariantFormat;
/** Reads and checks a llama-family `config.json`. */
export declare function loadModelConfig(path: string): Promise<LlamaFamilyConfig>;
/**
 * Makes one quantized or converted variant of a safetensors model (see `quantizeGguf` and
 * `quantizeSafetensors`). The file is written under a temporary name and renamed when complete,
 * so a failed run never leaves a partial variant behind.
 */
export declare function quantizeModel(options: QuantizeModelOptions): Promise<QuantizeModelResult>;
