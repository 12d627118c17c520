import { dirname, resolve } from "node:path";
import { ModelPublishError } from "../errors.js";
import { formatIssue } from "../manifest/issue.js";
import type { BenchResult, BenchResultFile } from "../manifest/types.generated.js";
import { validateManifestFile } from "../manifest/validate.js";
import { DEFAULT_SAMPLES } from "./compare.js";
import { runCustomBenchmark } from "./custom-command.js";
import { fingerprintOf, probeNvidiaGpu } from "./fingerprint.js";
import { measureOnnx, type ProviderChoice } from "./measure-onnx.js";
import { onnxRuntime } from "../runtime/onnxruntime.js";

export interface BenchRunOptions {
  /** An `.onnx` model, or a manifest whose `sources.onnx` and `bench` settings are used. */
  target: string;
  provider?: ProviderChoice;
  iterations?: number;
  warmup?: number;
  batchSizes?: number[];
  commit?: string;
  onProgress?: (done: number, total: number) => void;
  onOutput?: (text: string) => void;
}

export interface BenchRun {
  file: BenchResultFile;
  providerNote: string;
  /** Per-metric settings and the default threshold from the manifest, for the gate. */
  threshold?: number;
  metrics?: Record<string, { threshold?: number; ignore?: boolean }>;
}

/** Benchmarks a model (and the manifest's custom command, if any) into one results document. */
export async function runBenchmark(options: BenchRunOptions): Promise<BenchRun> {
  let model = options.target;
  let id: string | undefined;
  let settings: NonNullable<Awaited<ReturnType<typeof manifestSettings>>> | undefined;
  if (!options.target.endsWith(".onnx")) {
    settings = await manifestSettings(options.target);
    model = settings.onnx;
    id = settings.id;
  }
  const bench = settings?.bench ?? {};
  const measurement = await measureOnnx(model, {
    provider: options.provider ?? bench.provider ?? "auto",
    iterations: options.iterations ?? bench.iterations ?? DEFAULT_SAMPLES,
    warmup: options.warmup ?? bench.warmup ?? 5,
    batchSizes: options.batchSizes ?? bench.batchSizes ?? [1],
    ...(bench.sequenceLength
      ? { sequenceLength: bench.sequenceLength, tokens: settings?.type === "text-generation" }
      : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const results: BenchResult[] = [...measurement.results];
  if (bench.command && settings) {
    results.push(...(await runCustomBenchmark(bench.command, settings.dir, options.onOutput)));
  }
  const [first, ...rest] = results;
  if (!first) throw new ModelPublishError("USAGE", "bench: nothing was measured");
  const gpu = measurement.provider === "cpu" ? undefined : await probeNvidiaGpu();
  const ort = await onnxRuntime();
  return {
    file: {
      ...(id ? { model: id } : {}),
      ...(options.commit ? { commit: options.commit } : {}),
      fingerprint: fingerprintOf({
        runtime: `onnxruntime ${ort.env.versions.node ?? ort.env.versions.common}`,
        provider: measurement.provider,
        ...(gpu ? { gpu } : {}),
      }),
      results: [first, ...rest],
    },
    providerNote: measurement.providerNote,
    ...(bench.threshold !== undefined ? { threshold: bench.threshold } : {}),
    ...(bench.metrics ? { metrics: bench.metrics } : {}),
  };
}

async function manifestSettings(path: string) {
  const result = await validateManifestFile(path);
  if (!result.valid) {
    throw new ModelPublishError("MANIFEST_INVALID", result.issues.map(formatIssue).join("\n"));
  }
  const { manifest } = result;
  if (!manifest.sources.onnx) {
    throw new ModelPublishError(
      "USAGE",
      `${path}: the manifest has no sources.onnx to benchmark; give an .onnx file instead`,
    );
  }
  const dir = dirname(resolve(path));
  return {
    id: manifest.id,
    type: manifest.type,
    dir,
    onnx: resolve(dir, manifest.sources.onnx),
    bench: manifest.bench ?? {},
  };
}
