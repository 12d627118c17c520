/** The GGUF architectures this version maps from Hugging Face checkpoints. */
export type GgufArchitecture = "llama" | "qwen2";
/** RoPE scaling, as llama.cpp's converter carries it into GGUF metadata. */
export type RopeScaling = {
    type: "linear";
    factor: number;
} | {
    type: "yarn";
    factor: number;
    originalContextLength: number;
};
/** What a llama-family `config.json` says, checked. */
export interface LlamaFamilyConfig {
    architecture: GgufArchitecture;
    /** The Hugging Face class name (`LlamaForCausalLM`) or model type it came from. */
    source: string;
    hiddenSize: number;
    layers: number;
    heads: number;
    kvHeads: number;
    intermediateSize: number;
    contextLength: number;
    ropeTheta: number;
    rmsNormEps: number;
    vocabSize: number;
    /** Per-head size: `head_dim` when given, else hidden / heads. */
    headDim: number;
    headDimExplicit: boolean;
    tieWordEmbeddings: boolean;
    ropeScaling: RopeScaling | undefined;
}
/**
 * Checks a parsed `config.json` and reads the fields GGUF metadata needs. Another architecture is
 * INPUT_UNSUPPORTED naming it; a missing or wrong field is INPUT_MALFORMED naming the field.
 */
export declare function readModelConfig(json: unknown, where: string): LlamaFamilyConfig;
