import type {
  Baseline,
  BaselineReader,
  BaselineStore,
  SaveOutcome,
} from "../bench/baseline-store.js";
import { trendSeries } from "../bench/baseline-document.js";
import { evaluateGate, type GateVerdict } from "../bench/gate.js";
import { runBenchmark } from "../bench/run-bench.js";
import type { TrendSeries } from "../bench/trend-chart.js";
import type { AuthoredManifest, BenchResultFile } from "../manifest/types.generated.js";

/** The variant the pipeline benchmarks: the release's ONNX model. */
export const BENCH_VARIANT = "onnx";

/** Where the gate's baseline comes from and whether this run records one. */
export interface BenchStageOptions {
  /** Results of the base commit given directly (a file); wins over `store`. */
  baseline?: BenchResultFile;
  /** Where baselines are kept; a store that can save records this run when `record` is set. */
  store?: BaselineReader | BaselineStore;
  /** The pull request's base commit, whose recorded results are the baseline. */
  baseCommit?: string;
  /** Record this run as a baseline under this ref (the default branch or a tag). */
  record?: { ref: string };
  /** Accepted regressions: metric → where the acceptance came from. */
  accepted?: ReadonlyMap<string, string>;
}

export interface BenchStageResult {
  results: BenchResultFile;
  gate: GateVerdict;
  providerNote: string;
  /** Where the baseline came from, e.g. `actions cache …` or the file given. */
  baselineSource?: string;
  /** Whether the baseline is the base commit's own results or the latest standing in. */
  baselineMatched?: Baseline["matched"];
  /** What recording this run did, when it was asked to. */
  saved?: SaveOutcome;
  /** Recent baselines and this run, for the trend chart. */
  trend: { series: TrendSeries[]; labels: string[] };
}

function canSave(store: BaselineReader | BaselineStore): store is BaselineStore {
  return "save" in store;
}

/**
 * Benchmarks the release's ONNX model, compares it with the base commit's results (from the
 * file given or the store, same hardware only) and, on the default branch or a tag, records it.
 */
export async function runBenchStage(input: {
  onnxFile: string;
  modelId: string;
  bench: NonNullable<AuthoredManifest["bench"]>;
  commit?: string;
  options: BenchStageOptions;
}): Promise<BenchStageResult> {
  const { bench, options } = input;
  const run = await runBenchmark({
    target: input.onnxFile,
    ...(bench.provider ? { provider: bench.provider } : {}),
    ...(bench.iterations ? { iterations: bench.iterations } : {}),
    ...(bench.batchSizes ? { batchSizes: bench.batchSizes } : {}),
    ...(input.commit ? { commit: input.commit } : {}),
  });
  const results: BenchResultFile = { ...run.file, model: input.modelId };
  const fingerprint = results.fingerprint?.hash;
  const key = { modelId: input.modelId, variant: BENCH_VARIANT, fingerprint: fingerprint ?? "" };
  const stored =
    options.baseline === undefined && options.store && fingerprint
      ? await options.store.load({
          ...key,
          ...(options.baseCommit ? { commit: options.baseCommit } : {}),
        })
      : undefined;
  const baseline = options.baseline ?? stored?.results;
  const gate = evaluateGate(baseline, results, {
    ...(bench.threshold !== undefined ? { threshold: bench.threshold } : {}),
    ...(bench.metrics ? { metrics: bench.metrics } : {}),
    ...(options.accepted ? { accepted: options.accepted } : {}),
  });
  const result: BenchStageResult = {
    results,
    gate,
    providerNote: run.providerNote,
    trend: trendSeries(stored?.history ?? [], results),
  };
  if (options.baseline !== undefined) result.baselineSource = "the bench-baseline file";
  else if (stored) {
    result.baselineSource = stored.source;
    result.baselineMatched = stored.matched;
  }
  if (options.record && options.store && canSave(options.store) && fingerprint) {
    result.saved = await options.store.save(
      { ...key, ...(input.commit ? { commit: input.commit } : {}) },
      { results, ref: options.record.ref },
    );
  }
  return result;
}
