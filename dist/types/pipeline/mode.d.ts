/** What a run does: publish a release, check a pull request, or plan without side effects. */
export type Mode = "release" | "check" | "dry-run";
export declare const MODES: readonly Mode[];
export interface ModeDecision {
    mode: Mode;
    /** Why this mode, for logs and the job summary. */
    reason: string;
    /** The pushed tag's name, when the run is for a tag. */
    tag?: string;
}
export interface RunContext {
    /** `GITHUB_EVENT_NAME`, e.g. `push`, `pull_request`. */
    eventName?: string;
    /** `GITHUB_REF`, e.g. `refs/tags/v1.2.3`. */
    ref?: string;
}
/** Release on a tag push, check on a pull request, dry-run otherwise; an explicit mode wins. */
export declare function deriveMode(context: RunContext, requested?: Mode | "auto"): ModeDecision;
