import type { BenchResult, BenchResultFile } from "../manifest/types.generated.js";
/** Reads and checks a bench-result file (schemas/bench-result.schema.json). */
export declare function readBenchResults(path: string): Promise<BenchResultFile>;
/** Every `*.json` a custom benchmark command wrote into `dir`, merged in file-name order. */
export declare function readResultsFolder(dir: string): Promise<BenchResult[]>;
