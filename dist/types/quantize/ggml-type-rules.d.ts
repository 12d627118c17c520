import { type GgmlTypeName } from "../formats/gguf-types.js";
/** Schemes written as GGUF. */
export type GgufScheme = "f16" | "bf16" | "q8_0" | "q4_0" | "q4_k" | "q4_k_m" | "q6_k";
export declare function isGgufScheme(value: string): value is GgufScheme;
/** `general.file_type` for a scheme. */
export declare function fileTypeOf(scheme: GgufScheme): number;
/**
 * llama-quantize's test for a tensor it converts at all: a 2-D-or-more `…weight` that is not a
 * norm (or another tensor kept in F32). Everything else — norms, biases, 1-D tensors — stays F32.
 */
export declare function isQuantizable(name: string, ne: readonly number[]): boolean;
/** llama.cpp `use_more_bits`: the first and last eighth of the layers, and every third between. */
export declare function useMoreBits(layer: number, layers: number): boolean;
/** A tensor in write order: GGUF name and ggml dimensions (row length first). */
export interface TypedTensor {
    name: string;
    ne: readonly number[];
}
/**
 * The ggml type of every tensor, as llama.cpp gives them for the scheme's file type
 * (`llama_tensor_get_type`, no importance matrix, llama-family dense models):
 * - tensors llama-quantize skips (norms, biases, 1-D) stay F32;
 * - `output.weight` (or `token_embd.weight` when the embeddings are tied) becomes Q6_K unless the
 *   scheme is Q8_0, and Q8_0 when its rows are not whole blocks of the scheme's type;
 * - for Q4_K_M, `attn_v.weight` and `ffn_down` get Q6_K in the layers `use_more_bits` picks (the
 *   first and last eighth, and every third one between);
 * - a row that is not a whole number of blocks falls back: Q4_K → Q5_0, Q6_K → Q8_0, then F16.
 * `q4_k` is every quantizable tensor Q4_K (llama-quantize `--pure`), with the same fallback.
 * Tensors must be in write order: the per-kind counters follow it, as in llama-quantize.
 */
export declare function chooseTensorTypes(tensors: readonly TypedTensor[], scheme: GgufScheme, layers: number): GgmlTypeName[];
