import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { evaluateGate } from "../../bench/gate.js";
import type { ProviderChoice } from "../../bench/measure-onnx.js";
import { gateReportMarkdown } from "../../bench/report-markdown.js";
import { readBenchResults } from "../../bench/result-file.js";
import { runBenchmark } from "../../bench/run-bench.js";
import { ExitCode, ModelPublishError } from "../../errors.js";
import type { Command, ParsedCommandArgs } from "../command.js";

const PROVIDERS = ["auto", "cpu", "cuda", "tensorrt"];

function count(args: ParsedCommandArgs, name: string, min: number): number | undefined {
  const text = args.string(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new ModelPublishError(
      "USAGE",
      `bench: --${name} must be a whole number ≥ ${min}, got "${text}"`,
    );
  }
  return value;
}

export const benchCommand: Command = {
  name: "bench",
  summary:
    "Benchmark an ONNX model in onnxruntime-node (load time, first inference, latency, throughput,\nmemory, size) and, with --baseline, compare with results measured on the base commit: a\nregression must be significant and beyond its threshold. --gate exits 1 on a regression.",
  usage:
    "bench <model.onnx|manifest> [--baseline results.json] [--gate] [--out results.json] [--provider P] [--iterations N] [--json]",
  flagHelp: [
    "--baseline F     results of the base commit to compare with (bench-result JSON)",
    "--gate           exit 1 when a metric regressed and was not accepted",
    "--accept M,…     accept intended regressions of these metrics (or * for all)",
    "--threshold X    smallest relative change that is a regression (default: the manifest's, else 0.05)",
    "--out F          write this run's results (bench-result JSON)",
    "--provider P     auto, cpu, cuda or tensorrt (default: the manifest's, else auto)",
    "--iterations N   timed runs per batch size (default: the manifest's, else 100)",
    "--warmup N       untimed runs first (default 5)",
    "--batch B,…      batch sizes (default: the manifest's, else 1)",
    "--commit SHA     record the commit measured",
  ],
  options: {
    baseline: { type: "string" },
    gate: { type: "boolean" },
    accept: { type: "string" },
    threshold: { type: "string" },
    out: { type: "string" },
    provider: { type: "string" },
    iterations: { type: "string" },
    warmup: { type: "string" },
    batch: { type: "string" },
    commit: { type: "string" },
  },
  positionals: { min: 1, max: 1, names: "one .onnx model or manifest" },
  async run(args, io) {
    const provider = args.string("provider");
    if (provider !== undefined && !PROVIDERS.includes(provider)) {
      throw new ModelPublishError(
        "USAGE",
        `bench: --provider must be one of ${PROVIDERS.join(", ")}, got "${provider}"`,
      );
    }
    const batch = args.string("batch");
    const batchSizes = batch?.split(",").map((b) => {
      const n = Number(b);
      if (!Number.isInteger(n) || n < 1)
        throw new ModelPublishError(
          "USAGE",
          `bench: --batch takes sizes like 1,4,16; got "${batch}"`,
        );
      return n;
    });
    const iterations = count(args, "iterations", 1);
    const warmup = count(args, "warmup", 0);
    const commit = args.string("commit");
    const run = await runBenchmark({
      target: resolve(io.cwd, args.positionals[0] ?? ""),
      ...(provider ? { provider: provider as ProviderChoice } : {}),
      ...(iterations !== undefined ? { iterations } : {}),
      ...(warmup !== undefined ? { warmup } : {}),
      ...(batchSizes ? { batchSizes } : {}),
      ...(commit ? { commit } : {}),
      onOutput: (text) => {
        io.stderr(text);
      },
    });
    io.stderr(`provider: ${run.providerNote}\n`);
    const out = args.string("out");
    if (out) await writeFile(resolve(io.cwd, out), `${JSON.stringify(run.file, null, 2)}\n`);
    const baselinePath = args.string("baseline");
    const baseline = baselinePath
      ? await readBenchResults(resolve(io.cwd, baselinePath))
      : undefined;
    const accepted = new Map(
      (args.string("accept")?.split(",") ?? []).filter(Boolean).map((m) => [m.trim(), "--accept"]),
    );
    const thresholdText = args.string("threshold");
    const threshold = thresholdText === undefined ? run.threshold : Number(thresholdText);
    if (threshold !== undefined && !(threshold > 0 && threshold <= 1)) {
      throw new ModelPublishError(
        "USAGE",
        `bench: --threshold must be a fraction above 0 and at most 1 (0.05 = 5%), got "${thresholdText ?? ""}"`,
      );
    }
    const gate = evaluateGate(baseline, run.file, {
      ...(threshold !== undefined ? { threshold } : {}),
      ...(run.metrics ? { metrics: run.metrics } : {}),
      accepted,
    });
    if (args.json) {
      io.stdout(
        `${JSON.stringify({ verdict: gate.verdict, regressions: gate.regressions, gate, results: run.file }, null, 2)}\n`,
      );
    } else {
      io.stdout(gateReportMarkdown(gate, run.file));
    }
    return args.values.gate === true && gate.verdict === "fail"
      ? ExitCode.checkFailed
      : ExitCode.ok;
  },
};
