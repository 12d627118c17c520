import type { BenchResultFile } from "../manifest/types.generated.js";

/**
 * Where the gate finds the results of the base commit, and where the default branch records its
 * own. A store keeps one document per model, variant and hardware fingerprint: the latest
 * results in full (every sample, for the statistics) and the medians of recent runs (for the
 * trend chart). Results measured on other hardware are never returned.
 */

/** The `format` tag of a baseline document; a reader refuses anything else. */
export const BASELINE_FORMAT = "model-publish-baseline";

/** Which baseline: a model variant measured on one kind of hardware. */
export interface BaselineKey {
  /** The model id (the manifest's `id`). */
  modelId: string;
  /** What was measured, e.g. `onnx`, `onnx-int8`; one document per variant. */
  variant: string;
  /** `HardwareFingerprint.hash`: results from other hardware never match. */
  fingerprint: string;
  /** Only this metric (a name, or `name [variant]`); every metric when absent. */
  metric?: string;
  /**
   * The commit whose results are wanted: on load the pull request's base commit (the latest
   * results stand in when that commit has none), on save the commit measured.
   */
  commit?: string;
}

/** The medians of one recorded run, for the trend chart. */
export interface TrendPoint {
  commit?: string;
  /** The branch or tag the run recorded from, e.g. `refs/heads/main`. */
  ref?: string;
  recordedAt: string;
  /** Median of each metric, by metric key (`name` or `name [variant]`). */
  medians: Record<string, number>;
}

/** What a store holds for one key (the JSON document, `baseline.json`). */
export interface BaselineDocument {
  format: typeof BASELINE_FORMAT;
  version: 1;
  modelId: string;
  variant: string;
  fingerprint: string;
  recordedAt: string;
  commit?: string;
  ref?: string;
  /** The latest results, every sample kept. */
  results: BenchResultFile;
  /** Recent runs, oldest first; the last one is `results`. */
  history: TrendPoint[];
}

/** A baseline as the gate uses it. */
export interface Baseline {
  /** Results to compare with (only `key.metric` when the key names one). */
  results: BenchResultFile;
  commit?: string;
  ref?: string;
  recordedAt: string;
  /** "commit" when these are the results of the commit asked for, "latest" when they stand in. */
  matched: "commit" | "latest";
  history: TrendPoint[];
  /** Where the baseline came from, for the report (e.g. `actions cache model-publish-bench/…`). */
  source: string;
  /** True when the samples were rebuilt from a summary (a release manifest keeps no samples). */
  approximate: boolean;
}

/** A run to record. */
export interface BaselineRun {
  results: BenchResultFile;
  /** The branch or tag the run belongs to. */
  ref?: string;
  /** Default: now. */
  recordedAt?: string;
}

/** What a save did. */
export interface SaveOutcome {
  saved: boolean;
  /** Where it went (a file, a cache key). */
  location?: string;
  /** Why nothing was written (read-only run, already recorded for this commit, service down). */
  reason?: string;
}

/** A source of baselines that cannot record (a published release). */
export interface BaselineReader {
  /** Short name for messages: `local`, `actions-cache`, `release-manifest`. */
  readonly kind: string;
  load(key: BaselineKey): Promise<Baseline | undefined>;
}

/** A source of baselines that can also record runs. */
export interface BaselineStore extends BaselineReader {
  /** Records a run under `key`, keeping the recent history of the document it replaces. */
  save(key: BaselineKey, run: BaselineRun): Promise<SaveOutcome>;
}
