import type { AuthoredManifest } from "../manifest/types.generated.js";
/** One usage example of the card: a heading, the code block's language, the code. */
export interface UsageExample {
    title: string;
    language: string;
    code: string;
}
/** The release files that usage examples load. */
export interface UsageFiles {
    /** The safetensors weights (the index file when sharded). */
    safetensors?: string;
    /** GGUF variants: path and quant name (`q4_k_m`). */
    gguf: {
        path: string;
        quant: string;
    }[];
    /** The ONNX model. */
    onnx?: string;
    /** Whether the release ships a tokenizer. */
    tokenizer: boolean;
}
/**
 * Usage examples for each format the release has: Python and JavaScript loaders, the Hub CLI,
 * llama.cpp for GGUF, onnxruntime for ONNX. With no Hub repository they load local files.
 */
export declare function usageExamples(manifest: AuthoredManifest, files: UsageFiles, pipeline: string | undefined): UsageExample[];
/** Shell lines that fetch the release and verify it before use. */
export declare function fetchAndVerify(manifest: AuthoredManifest, version: string, publicKey: string): string;
