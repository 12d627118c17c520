/** Every scheme `quantize` makes from safetensors weights (the manifest's non-ONNX schemes). */
export declare const QUANT_SCHEMES: readonly ["f16", "bf16", "int8", "int4", "q8_0", "q4_0", "q4_k", "q4_k_m", "q6_k"];
export type QuantScheme = (typeof QUANT_SCHEMES)[number];
export declare function isQuantScheme(value: string): value is QuantScheme;
/** One tensor of a written variant. */
export interface VariantTensor {
    /** Name in the variant file. */
    name: string;
    /** The source tensor it was made from. */
    source: string;
    /** ggml type (GGUF) or safetensors dtype. */
    type: string;
    shape: number[];
    bytes: number;
}
/** Reported after each tensor is written. */
export interface QuantizeProgress {
    tensor: string;
    type: string;
    index: number;
    count: number;
}
/**
 * `{id}-{size}-{quant}.{ext}` (seed 000 §2), e.g. `ruvltra-0.5b-q4_k_m.gguf`. An id that already
 * ends with `-{size}` (the manifest example `ruvltra-0.5b`) is not given the size twice.
 */
export declare function variantFileName(id: string, size: string, scheme: string, ext: string): string;
