import { type GgufValue } from "../formats/gguf-value.js";
import type { LlamaFamilyConfig } from "./model-config.js";
/**
 * GGUF metadata for a llama-family model, with the keys and types llama.cpp's converter writes
 * (`general.*`, then `{arch}.*`), plus `general.quantization_version` and `general.alignment`.
 * `extra` (tokenizer keys, license, …) follows, in its own order; it cannot replace these keys.
 */
export declare function llamaMetadata(config: LlamaFamilyConfig, options: {
    name: string;
    fileType: number;
    extra?: ReadonlyMap<string, GgufValue>;
}): Map<string, GgufValue>;
