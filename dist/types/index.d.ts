/**
 * model-publish as a library: the same pipeline the CLI and the action run.
 * @packageDocumentation
 */
export { ExitCode, ModelPublishError, exitCodeFor, type ErrorCode } from "./errors.js";
export { VERSION } from "./version.generated.js";
export { formatIssue, type IssueKind, type ManifestIssue } from "./manifest/issue.js";
export { parseManifestText, type ParsedManifest, type SourcePosition } from "./manifest/parse.js";
export { validateManifestFile, validateManifestText, validators, type ValidationResult, } from "./manifest/validate.js";
export { resolveVersion, UNTAGGED_VERSION, type VersionResolution } from "./manifest/version.js";
export type * from "./manifest/types.generated.js";
export { authoredManifestSchema, releaseManifestSchema, signatureSchema, } from "./manifest/schemas.generated.js";
export { deriveMode, MODES, type Mode, type ModeDecision, type RunContext, } from "./pipeline/mode.js";
export { planStages, type PlannedStage } from "./pipeline/plan.js";
export { STAGES, type StageDeclaration, type StageName } from "./pipeline/stages.js";
export type { PipelineEvent } from "./pipeline/events.js";
export { runPipeline, runPipelineIter, type PipelineOptions, type PipelineResult, } from "./pipeline/run.js";
export { compareSamples, DEFAULT_ALPHA, DEFAULT_SAMPLES, DEFAULT_THRESHOLD, type Comparison, type CompareOptions, type Direction, type Verdict, } from "./bench/compare.js";
export { CI_RUNNER_NOISE, simulateGate, type GateSimulation, type NoiseModel } from "./bench/simulate.js";
