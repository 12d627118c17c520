import type { BenchResultFile } from "../manifest/types.generated.js";
import { type ProviderChoice } from "./measure-onnx.js";
export interface BenchRunOptions {
    /** An `.onnx` model, or a manifest whose `sources.onnx` and `bench` settings are used. */
    target: string;
    provider?: ProviderChoice;
    iterations?: number;
    warmup?: number;
    batchSizes?: number[];
    commit?: string;
    onProgress?: (done: number, total: number) => void;
    onOutput?: (text: string) => void;
}
export interface BenchRun {
    file: BenchResultFile;
    providerNote: string;
    /** Per-metric settings and the default threshold from the manifest, for the gate. */
    threshold?: number;
    metrics?: Record<string, {
        threshold?: number;
        ignore?: boolean;
    }>;
}
/** Benchmarks a model (and the manifest's custom command, if any) into one results document. */
export declare function runBenchmark(options: BenchRunOptions): Promise<BenchRun>;
