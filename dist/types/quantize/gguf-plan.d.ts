import type { GgmlTypeName } from "../formats/gguf-types.js";
import { type GgufScheme } from "./ggml-type-rules.js";
import type { LlamaFamilyConfig } from "./model-config.js";
import { type SourceTensor } from "./source-model.js";
/** One tensor of the GGUF file to write, and where its values come from. */
export interface GgufPlanEntry {
    /** GGUF name (`blk.0.attn_q.weight`). */
    name: string;
    source: SourceTensor;
    /** PyTorch-order shape (the writer reverses it into ggml's `ne`). */
    shape: number[];
    type: GgmlTypeName;
    /** Heads to permute the rows over (Llama Q/K), as llama.cpp's converter does. */
    permuteHeads: number | undefined;
}
/** Heads llama.cpp's converter permutes a tensor's rows over: Llama's Q and K, nothing else. */
export declare function permuteHeadsOf(name: string, config: LlamaFamilyConfig): number | undefined;
/**
 * Decides every tensor of a GGUF variant before any byte is written: GGUF names, llama-quantize's
 * order, ggml types (see `chooseTensorTypes`) and the Llama Q/K permutation.
 */
export declare function planGguf(tensors: readonly SourceTensor[], config: LlamaFamilyConfig, scheme: GgufScheme): GgufPlanEntry[];
