import type { ManifestIssue } from "../manifest/issue.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import { type PipelineEvent } from "./events.js";
import { type Mode, type ModeDecision, type RunContext } from "./mode.js";
import { type PlannedStage } from "./plan.js";
export interface PipelineOptions {
    /** The authored manifest (YAML or JSON). */
    manifestPath: string;
    /** `auto` derives the mode from `context`. */
    mode?: Mode | "auto";
    context?: RunContext;
    /** Check that the manifest's source files exist (default true). */
    checkFiles?: boolean;
    /** Where relative source paths start (default: the manifest's folder). */
    baseDir?: string;
}
export interface PipelineResult {
    decision: ModeDecision;
    valid: boolean;
    issues: ManifestIssue[];
    manifest?: AuthoredManifest;
    version?: string;
    plan: PlannedStage[];
}
/**
 * Runs the pipeline for one manifest, yielding progress events as it goes and returning the result.
 * Nothing after `validate` runs on an invalid manifest.
 */
export declare function runPipelineIter(options: PipelineOptions): AsyncGenerator<PipelineEvent, PipelineResult>;
/** `runPipelineIter` for callers that want a callback instead of an iterator. */
export declare function runPipeline(options: PipelineOptions, onEvent?: (event: PipelineEvent) => void): Promise<PipelineResult>;
