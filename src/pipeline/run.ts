import { dirname } from "node:path";
import type { ManifestIssue } from "../manifest/issue.js";
import { checkSourceFiles } from "../manifest/source-files.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import { validateManifestFile } from "../manifest/validate.js";
import { resolveVersion, UNTAGGED_VERSION } from "../manifest/version.js";
import { drainEvents, type PipelineEvent } from "./events.js";
import { deriveMode, type Mode, type ModeDecision, type RunContext } from "./mode.js";
import { planStages, type PlannedStage } from "./plan.js";

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
export async function* runPipelineIter(
  options: PipelineOptions,
): AsyncGenerator<PipelineEvent, PipelineResult> {
  const decision = deriveMode(options.context ?? {}, options.mode ?? "auto");
  yield { type: "mode", decision };

  yield { type: "stage-start", stage: "validate" };
  const started = Date.now();
  const outcome = await validateManifest(options, decision);
  for (const issue of outcome.issues) yield { type: "issue", issue };
  yield {
    type: "stage-end",
    stage: "validate",
    ok: outcome.issues.length === 0,
    durationMs: Date.now() - started,
  };
  if (!outcome.manifest || outcome.issues.length > 0) {
    return { decision, valid: false, issues: outcome.issues, plan: [] };
  }

  const plan = planStages(outcome.manifest, decision.mode);
  yield { type: "plan", stages: plan };
  return {
    decision,
    valid: true,
    issues: [],
    manifest: outcome.manifest,
    version: outcome.version,
    plan,
  };
}

/** `runPipelineIter` for callers that want a callback instead of an iterator. */
export async function runPipeline(
  options: PipelineOptions,
  onEvent: (event: PipelineEvent) => void = () => undefined,
): Promise<PipelineResult> {
  return drainEvents(runPipelineIter(options), onEvent);
}

async function validateManifest(
  options: PipelineOptions,
  decision: ModeDecision,
): Promise<{ issues: ManifestIssue[]; manifest?: AuthoredManifest; version?: string }> {
  const result = await validateManifestFile(options.manifestPath);
  if (!result.valid) return { issues: result.issues };
  const { manifest, parsed } = result;
  const issues =
    options.checkFiles === false
      ? []
      : await checkSourceFiles(manifest, parsed, options.baseDir ?? dirname(options.manifestPath));
  const resolved = resolveVersion(manifest.version, decision.tag);
  if (resolved.ok && !(decision.mode === "release" && resolved.version === UNTAGGED_VERSION)) {
    return { issues, manifest, version: resolved.version };
  }
  const problem = resolved.ok
    ? {
        message: "a release needs a version, and the manifest says from-tag but no tag was pushed",
        fix: "push a tag like v1.2.3, or write the version in the manifest",
      }
    : resolved;
  const position = parsed.locate("/version");
  issues.push({
    kind: "rule",
    file: parsed.file,
    line: position.line,
    column: position.column,
    pointer: "/version",
    message: problem.message,
    fix: problem.fix,
  });
  return { issues, manifest };
}
