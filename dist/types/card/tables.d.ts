import type { ReleaseManifest } from "../manifest/types.generated.js";
import type { Architecture, Requirements } from "../manifest/types.generated.js";
import type { Artifact } from "../pipeline/artifacts.js";
import type { EvaluationResult } from "./render-card.js";
/** A label and its value, one table row. */
export interface Row {
    label: string;
    value: string;
}
export declare function architectureRows(architecture: Architecture | undefined): Row[];
export declare function requirementRows(requirements: Requirements | undefined): Row[];
/** Variant quality: one column per metric any variant has (sorted), one row per variant. */
export declare function qualityTable(artifacts: readonly Artifact[]): {
    columns: string[];
    rows: {
        variant: string;
        values: string[];
    }[];
};
/** Benchmark figures flattened to `group / name` rows, in the order they were recorded. */
export declare function benchmarkRows(benchmarks: ReleaseManifest["benchmarks"]): Row[];
export interface EvaluationRow {
    task: string;
    dataset: string;
    metric: string;
    value: string;
}
export declare function evaluationRows(evaluations: readonly EvaluationResult[] | undefined): EvaluationRow[];
/** A Markdown table, for the Hugging Face template variables that take one block of text. */
export declare function markdownTable(headers: string[], rows: string[][]): string;
