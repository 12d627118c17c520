/**
 * model-publish as a library: the same pipeline the CLI and the action run.
 * @packageDocumentation
 */
export { ExitCode, ModelPublishError, exitCodeFor, type ErrorCode } from "./errors.js";
export { VERSION } from "./version.generated.js";
export { formatIssue, type IssueKind, type ManifestIssue } from "./manifest/issue.js";
export { parseManifestText, type ParsedManifest, type SourcePosition } from "./manifest/parse.js";
export {
  validateManifestFile,
  validateManifestText,
  validators,
  type ValidationResult,
} from "./manifest/validate.js";
export { resolveVersion, UNTAGGED_VERSION, type VersionResolution } from "./manifest/version.js";
export type * from "./manifest/types.generated.js";
export {
  authoredManifestSchema,
  releaseManifestSchema,
  signatureSchema,
} from "./manifest/schemas.generated.js";
export {
  deriveMode,
  MODES,
  type Mode,
  type ModeDecision,
  type RunContext,
} from "./pipeline/mode.js";
export { planStages, type PlannedStage } from "./pipeline/plan.js";
export { STAGES, type StageDeclaration, type StageName } from "./pipeline/stages.js";
export type { PipelineEvent } from "./pipeline/events.js";
export {
  runPipeline,
  runPipelineIter,
  type PipelineOptions,
  type PipelineResult,
} from "./pipeline/run.js";
export {
  compareSamples,
  DEFAULT_ALPHA,
  DEFAULT_SAMPLES,
  DEFAULT_THRESHOLD,
  type Comparison,
  type CompareOptions,
  type Direction,
  type Verdict,
} from "./bench/compare.js";
export {
  CI_RUNNER_NOISE,
  simulateGate,
  type GateSimulation,
  type NoiseModel,
} from "./bench/simulate.js";
export {
  buildRelease,
  buildReleaseIter,
  type BuildOptions,
  type BuildOutcome,
  type BuildResult,
} from "./pipeline/build.js";
export type { Artifact, ArtifactFormat, ArtifactRole, ArtifactSet } from "./pipeline/artifacts.js";
export {
  runRelease,
  runReleaseIter,
  type ReleaseRunOptions,
  type ReleaseRunResult,
} from "./pipeline/release-run.js";
export {
  runBenchStage,
  type BenchStageOptions,
  type BenchStageResult,
} from "./pipeline/bench-stage.js";
export { planPublish } from "./pipeline/publish-plan.js";
export {
  renderCard,
  type CardInput,
  type CardTemplate,
  type EvaluationResult,
  type RenderedCard,
} from "./card/render-card.js";
export { loadCardTemplate } from "./card/card-template.js";
export { validateFrontMatter } from "./card/validate-front-matter.js";
export { signRelease, type SignOptions, type SignedRelease } from "./sign/sign-release.js";
export { verifyRelease, type VerifyOptions, type VerifyReport } from "./sign/verify-release.js";
export type { VerifyProblem } from "./sign/verify-problem.js";
export { SigningKey, keyFingerprint, publicKeyPem } from "./sign/keys.js";
export { loadKeyring, loadPrivateKey, loadPublicKey } from "./sign/key-source.js";
export { releaseTimestamp } from "./sign/timestamp.js";
export { canonicalJson } from "./sign/canonical-json.js";
export { hashFiles, type FileDigest } from "./sign/hash-files.js";
export { inclusionProof, merkleRoot, verifyInclusion, type InclusionProof } from "./sign/merkle.js";
export {
  quantizeModel,
  variantFormat,
  type QuantizeModelOptions,
  type QuantizeModelResult,
} from "./quantize/quantize-model.js";
export { QUANT_SCHEMES, variantFileName, type QuantScheme } from "./quantize/variant.js";
export { evaluateVariant, type VariantEvaluation } from "./evaluate/evaluate-variant.js";
export { budgetViolations, checkBudget } from "./evaluate/budget.js";
export { DEFAULT_BUDGETS } from "./release/build-variants.js";
export { GgufFile } from "./formats/gguf-file.js";
export { SafetensorsFile } from "./formats/safetensors-file.js";
export {
  convertCheckpoint,
  type ConvertOptions,
  type ConvertResult,
} from "./convert/convert-checkpoint.js";
export {
  evaluateGate,
  type GateOptions,
  type GateVerdict,
  type MetricVerdict,
} from "./bench/gate.js";
export { measureOnnx, type MeasureOptions, type Measurement } from "./bench/measure-onnx.js";
export { runBenchmark, type BenchRun, type BenchRunOptions } from "./bench/run-bench.js";
export { fingerprintOf, describeFingerprint } from "./bench/fingerprint.js";
export { gateReportMarkdown, COMMENT_MARKER } from "./bench/report-markdown.js";
export { trendChartSvg, type TrendSeries } from "./bench/trend-chart.js";
export { readBenchResults } from "./bench/result-file.js";
export { benchResultSchema } from "./manifest/schemas.generated.js";
export {
  quantizeOnnx,
  ONNX_SCHEMES,
  type OnnxScheme,
  type QuantizeOnnxOptions,
  type QuantizeOnnxResult,
} from "./quantize/onnx-quantize.js";
export { onnxParity, type OnnxParityReport } from "./evaluate/onnx-parity.js";
export { runOnnxExport } from "./convert/onnx-export.js";
export { readOnnx } from "./formats/onnx-model.js";
export { writeOnnx } from "./formats/onnx-writer.js";
export {
  publishRelease,
  verifyPublished,
  type PublishOptions,
  type PublishResult,
} from "./publish/publish-release.js";
export { configureDestinations, hubToken } from "./publish/publish-config.js";
export type {
  Destination,
  DestinationName,
  Receipt,
  ReadBackReport,
} from "./publish/destination.js";
export { UNIXFS_SETTINGS } from "./formats/unixfs-dag.js";
export { LocalBaselineStore } from "./bench/store-local.js";
export { ActionsCacheBaselineStore } from "./bench/store-actions-cache.js";
export { ReleaseManifestBaselineReader } from "./bench/store-release-manifest.js";
export type { BaselineStore, BaselineKey, Baseline } from "./bench/baseline-store.js";
export { upsertPullRequestComment } from "./bench/pr-comment.js";
export { readAcceptances, acceptanceMap } from "./bench/acceptance.js";
export { pullRelease, type PullOptions } from "./pull/pull-release.js";
export type { AttemptOutcome, PullEvent, PullResult, SourceAttempt } from "./pull/pull-types.js";
export {
  manifestSources,
  orderSources,
  parseOrder,
  parseSourceUrl,
  type SourceSpec,
} from "./pull/source-spec.js";
export { DEFAULT_GATEWAY, openSources } from "./pull/open-sources.js";
export { defaultCacheDir } from "./pull/blob-cache.js";
export type { PullTrust } from "./pull/signed-manifests.js";
