import type { ManifestIssue } from "../manifest/issue.js";
import type { ModeDecision } from "./mode.js";
import type { PlannedStage } from "./plan.js";
import type { StageName } from "./stages.js";
/** What the pipeline reports as it goes; front ends turn these into logs, annotations and summaries. */
export type PipelineEvent = {
    type: "mode";
    decision: ModeDecision;
} | {
    type: "stage-start";
    stage: StageName;
} | {
    type: "stage-end";
    stage: StageName;
    ok: boolean;
    durationMs: number;
} | {
    type: "issue";
    issue: ManifestIssue;
} | {
    type: "plan";
    stages: PlannedStage[];
} | {
    type: "log";
    level: "info" | "warning";
    message: string;
}
/** Long work: bytes done of a file or a stage, for progress bars. */
 | {
    type: "progress";
    stage: StageName;
    detail: string;
    done: number;
    total: number;
};
/** Runs an event iterator to its end, handing each event to `onEvent`, and returns its result. */
export declare function drainEvents<T>(iterator: AsyncGenerator<PipelineEvent, T>, onEvent?: (event: PipelineEvent) => void): Promise<T>;
