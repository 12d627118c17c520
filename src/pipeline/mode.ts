/** What a run does: publish a release, check a pull request, or plan without side effects. */
export type Mode = "release" | "check" | "dry-run";
export const MODES: readonly Mode[] = ["release", "check", "dry-run"];

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
export function deriveMode(context: RunContext, requested: Mode | "auto" = "auto"): ModeDecision {
  const tag = context.ref?.startsWith("refs/tags/")
    ? context.ref.slice("refs/tags/".length)
    : undefined;
  const withTag = tag === undefined ? {} : { tag };
  if (requested !== "auto")
    return { mode: requested, reason: `mode set to ${requested}`, ...withTag };
  const event = context.eventName ?? "";
  if (tag !== undefined && event === "push") {
    return { mode: "release", reason: `tag ${tag} was pushed`, tag };
  }
  if (event === "pull_request" || event === "pull_request_target" || event === "merge_group") {
    return { mode: "check", reason: `${event} event` };
  }
  return {
    mode: "dry-run",
    reason: event
      ? `${event} event is neither a tag push nor a pull request`
      : "not running for a GitHub event",
    ...withTag,
  };
}
