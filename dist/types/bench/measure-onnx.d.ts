import type { BenchResult } from "../manifest/types.generated.js";
export type Provider = "cpu" | "cuda" | "tensorrt";
export type ProviderChoice = Provider | "auto";
export interface MeasureOptions {
    provider?: ProviderChoice;
    iterations?: number;
    warmup?: number;
    batchSizes?: number[];
    /** Tokens per item: fills symbolic sequence dimensions and gives tokens/s. */
    sequenceLength?: number;
    /** Report tokens/s (a language model with a sequence axis). */
    tokens?: boolean;
    /** Sessions created to time loading and the first inference. */
    loads?: number;
    variant?: string;
    onProgress?: (done: number, total: number) => void;
}
export interface Measurement {
    /** The execution provider that ran, and why when `auto` chose it. */
    provider: Provider;
    providerNote: string;
    results: BenchResult[];
}
/** The provider to use: the one asked for, or for `auto` the best one whose session starts. */
export declare function chooseProvider(file: string, choice: ProviderChoice): Promise<{
    provider: Provider;
    note: string;
}>;
/** The smallest rise of peak RSS that is a regression (15%), unless the manifest says otherwise. */
export declare const PEAK_RSS_THRESHOLD = 0.15;
/**
 * Benchmarks an ONNX model in onnxruntime-node: session load and first inference over several
 * sessions, then warm-up and timed iterations per batch size. Every measurement is kept as a
 * sample, so the gate compares distributions. Peak RSS is that of a fresh process loading and
 * running the model at the largest batch size (see `measurePeakMemory`).
 */
export declare function measureOnnx(file: string, options?: MeasureOptions): Promise<Measurement>;
