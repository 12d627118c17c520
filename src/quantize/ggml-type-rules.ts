import { ModelPublishError } from "../errors.js";
import { ggmlType, LLAMA_FTYPE, type GgmlTypeName } from "../formats/gguf-types.js";

/** Schemes written as GGUF. */
export type GgufScheme = "f16" | "bf16" | "q8_0" | "q4_0" | "q4_k" | "q4_k_m" | "q6_k";

interface SchemeRule {
  type: GgmlTypeName;
  fileType: number;
  /** False for `q4_k`: every quantizable tensor Q4_K, no per-tensor mix. */
  mix: boolean;
}

const RULES: Record<GgufScheme, SchemeRule> = {
  f16: { type: "F16", fileType: LLAMA_FTYPE.MOSTLY_F16, mix: false },
  bf16: { type: "BF16", fileType: LLAMA_FTYPE.MOSTLY_BF16, mix: false },
  q8_0: { type: "Q8_0", fileType: LLAMA_FTYPE.MOSTLY_Q8_0, mix: true },
  q4_0: { type: "Q4_0", fileType: LLAMA_FTYPE.MOSTLY_Q4_0, mix: true },
  q4_k: { type: "Q4_K", fileType: LLAMA_FTYPE.MOSTLY_Q4_K_S, mix: false },
  q4_k_m: { type: "Q4_K", fileType: LLAMA_FTYPE.MOSTLY_Q4_K_M, mix: true },
  q6_k: { type: "Q6_K", fileType: LLAMA_FTYPE.MOSTLY_Q6_K, mix: true },
};

export function isGgufScheme(value: string): value is GgufScheme {
  return Object.hasOwn(RULES, value);
}

/** `general.file_type` for a scheme. */
export function fileTypeOf(scheme: GgufScheme): number {
  return RULES[scheme].fileType;
}

/**
 * llama-quantize's test for a tensor it converts at all: a 2-D-or-more `…weight` that is not a
 * norm (or another tensor kept in F32). Everything else — norms, biases, 1-D tensors — stays F32.
 */
export function isQuantizable(name: string, ne: readonly number[]): boolean {
  return (
    name.endsWith("weight") &&
    ne.length >= 2 &&
    !name.includes("_norm.weight") &&
    !name.includes("ffn_gate_inp.weight") &&
    !name.includes("ssm_conv1d.weight") &&
    !name.includes("time_mix_") &&
    !name.includes("attn_rel_b.weight") &&
    name !== "position_embd.weight" &&
    name !== "token_types.weight"
  );
}

/** llama.cpp `use_more_bits`: the first and last eighth of the layers, and every third between. */
export function useMoreBits(layer: number, layers: number): boolean {
  const eighth = Math.trunc(layers / 8);
  return layer < eighth || layer >= Math.trunc((7 * layers) / 8) || (layer - eighth) % 3 === 2;
}

/** llama.cpp's fallback when a row is not a whole number of the chosen type's blocks. */
function fallback(name: string, type: GgmlTypeName, rowLength: number): GgmlTypeName {
  if (rowLength % ggmlType(type).blockSize === 0) return type;
  const next: GgmlTypeName | undefined =
    type === "Q4_K" ? "Q5_0" : type === "Q6_K" ? "Q8_0" : undefined;
  if (next === undefined) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `tensor ${name}: rows of ${rowLength} values are not a multiple of the ${type} block size ${ggmlType(type).blockSize}`,
    );
  }
  return rowLength % ggmlType(next).blockSize === 0 ? next : "F16";
}

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
export function chooseTensorTypes(
  tensors: readonly TypedTensor[],
  scheme: GgufScheme,
  layers: number,
): GgmlTypeName[] {
  const rule = RULES[scheme];
  const hasOutput = tensors.some((t) => t.name === "output.weight");
  const attnV = tensors.filter((t) => t.name.includes("attn_v.weight")).length;
  let iAttnV = 0;
  let iFfnDown = 0;
  return tensors.map(({ name, ne }) => {
    if (!isQuantizable(name, ne)) return "F32";
    if (!rule.mix) return rule.type === "Q4_K" ? fallback(name, "Q4_K", ne[0] ?? 1) : rule.type;
    let type = rule.type;
    const rowLength = ne[0] ?? 1;
    if (name === "output.weight" || (!hasOutput && name === "token_embd.weight")) {
      if (rowLength % ggmlType(type).blockSize !== 0) type = "Q8_0";
      else if (type !== "Q8_0") type = "Q6_K";
    } else if (name.includes("attn_v.weight")) {
      if (scheme === "q4_k_m" && useMoreBits(iAttnV, attnV)) type = "Q6_K";
      if (scheme === "q4_k_m" && type === "Q4_K" && layers === 80) {
        throw new ModelPublishError(
          "INPUT_UNSUPPORTED",
          "Q4_K_M of an 80-layer (70B-class) model gives attn_v Q5_K, which is not implemented yet; use q4_k or q6_k",
        );
      }
      iAttnV++;
    } else if (name.includes("ffn_down")) {
      if (scheme === "q4_k_m" && useMoreBits(iFfnDown, layers)) type = "Q6_K";
      iFfnDown++;
    }
    return fallback(name, type, rowLength);
  });
}
