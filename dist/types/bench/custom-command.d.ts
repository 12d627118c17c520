import type { BenchResult } from "../manifest/types.generated.js";
/**
 * Runs a user's benchmark command (a PyTorch, vLLM or llama.cpp script) in a shell from the
 * manifest's folder. It writes bench-result JSON files into `$MODEL_PUBLISH_BENCH_OUT`; their
 * results are checked against the schema and returned. A failing command fails the benchmark.
 */
export declare function runCustomBenchmark(command: string, cwd: string, onOutput?: (text: string) => void): Promise<BenchResult[]>;
