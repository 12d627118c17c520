import type { LlamaFamilyConfig } from "./model-config.js";
/**
 * The GGUF name llama.cpp's converter gives a Llama/Qwen2 Hugging Face tensor, or undefined for
 * tensors it drops (rotary `inv_freq` buffers; `lm_head.weight` of a model with tied embeddings,
 * where llama.cpp reads the output projection from `token_embd`). An unknown name is
 * INPUT_UNSUPPORTED naming it.
 */
export declare function ggufTensorName(hfName: string, config: LlamaFamilyConfig): string | undefined;
/** `blk.N.` layer number of a GGUF name, -1 for tensors outside the blocks. */
export declare function layerOf(ggufName: string): number;
/**
 * llama.cpp's `weight_name_comparer` order, in which llama-quantize writes tensors: by layer
 * (tensors outside the blocks first), then by name.
 */
export declare function compareGgufNames(a: string, b: string): number;
