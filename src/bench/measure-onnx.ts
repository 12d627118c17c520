import { stat } from "node:fs/promises";
import type * as Ort from "onnxruntime-node";
import { onnxRuntime } from "../runtime/onnxruntime.js";
import { ModelPublishError } from "../errors.js";
import type { BenchResult } from "../manifest/types.generated.js";
import { probeNvidiaGpu } from "./fingerprint.js";
import { measurePeakMemory } from "./peak-memory.js";
import { generateInputs } from "./onnx-inputs.js";

export type Provider = "cpu" | "cuda" | "tensorrt";
export type ProviderChoice = Provider | "auto";

export interface MeasureOptions {
  provider?: ProviderChoice;
  iterations?: number;
  warmup?: number;
  batchSizes?: number[];
  /** Tokens per item: fills symbolic sequence dimensions and gives tokens/s. */
  sequenceLength?: number;
  /** Report tokens/s (a language model with a sequence axis). */
  tokens?: boolean;
  /** Sessions created to time loading and the first inference. */
  loads?: number;
  variant?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface Measurement {
  /** The execution provider that ran, and why when `auto` chose it. */
  provider: Provider;
  providerNote: string;
  results: BenchResult[];
}

const PREFERENCE: readonly Provider[] = ["tensorrt", "cuda", "cpu"];

async function createSession(file: string, provider: Provider): Promise<Ort.InferenceSession> {
  const ort = await onnxRuntime();
  return ort.InferenceSession.create(file, {
    executionProviders: [provider],
    graphOptimizationLevel: "all",
  });
}

/** The provider to use: the one asked for, or for `auto` the best one whose session starts. */
export async function chooseProvider(
  file: string,
  choice: ProviderChoice,
): Promise<{ provider: Provider; note: string }> {
  if (choice !== "auto") {
    try {
      const session = await createSession(file, choice);
      await session.release();
      return { provider: choice, note: `${choice} as asked` };
    } catch (error) {
      throw new ModelPublishError(
        "INPUT_UNSUPPORTED",
        `execution provider ${choice} cannot run ${file}: ${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}; use --provider auto or cpu, or install the CUDA libraries (ONNXRUNTIME_NODE_INSTALL=cuda12 npm ci)`,
      );
    }
  }
  // Probing a provider whose libraries are not installed makes the runtime log errors natively
  // before it throws; the note below says it instead. Set before the first session, or it is ignored.
  (await onnxRuntime()).env.logLevel = "fatal";
  const skipped: string[] = [];
  // Without a GPU the GPU providers cannot start; not trying them also spares the runtime's own
  // error lines about their missing libraries.
  const gpu = await probeNvidiaGpu();
  for (const provider of PREFERENCE) {
    if (provider !== "cpu" && !gpu) {
      skipped.push(`${provider} unavailable: no NVIDIA GPU (nvidia-smi)`);
      continue;
    }
    try {
      const session = await createSession(file, provider);
      await session.release();
      return {
        provider,
        note: skipped.length ? `auto: ${provider} (${skipped.join("; ")})` : `auto: ${provider}`,
      };
    } catch (error) {
      skipped.push(
        `${provider} unavailable: ${error instanceof Error ? (error.message.split("\n")[0] ?? "").slice(0, 80) : String(error)}`,
      );
    }
  }
  throw new ModelPublishError(
    "INPUT_UNSUPPORTED",
    `no execution provider can run ${file}: ${skipped.join("; ")}`,
  );
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Samples as the result schema types them: at least one. */
function samples(values: number[]): BenchResult["samples"] {
  const [first, ...rest] = values;
  if (first === undefined)
    throw new ModelPublishError("USAGE", "bench: iterations must be at least 1");
  return [first, ...rest];
}

/** The smallest rise of peak RSS that is a regression (15%), unless the manifest says otherwise. */
export const PEAK_RSS_THRESHOLD = 0.15;

function mib(bytes: number): number {
  return bytes / (1024 * 1024);
}

/**
 * Benchmarks an ONNX model in onnxruntime-node: session load and first inference over several
 * sessions, then warm-up and timed iterations per batch size. Every measurement is kept as a
 * sample, so the gate compares distributions. Peak RSS is that of a fresh process loading and
 * running the model at the largest batch size (see `measurePeakMemory`).
 */
export async function measureOnnx(
  file: string,
  options: MeasureOptions = {},
): Promise<Measurement> {
  const ort = await onnxRuntime();
  const { provider, note } = await chooseProvider(file, options.provider ?? "auto");
  const iterations = options.iterations ?? 100;
  const warmup = options.warmup ?? 5;
  const loads = options.loads ?? 5;
  const batchSizes = options.batchSizes ?? [1];
  const sequenceLength = options.sequenceLength ?? 16;
  const variant = options.variant ? { variant: options.variant } : {};
  const results: BenchResult[] = [];
  const total = batchSizes.length * (loads + warmup + iterations);
  let done = 0;
  const tick = (): void => options.onProgress?.(++done, total);

  for (const batchSize of batchSizes) {
    const suffix = batchSizes.length > 1 ? `@b${batchSize}` : "";
    const loadTimes: number[] = [];
    const firstTimes: number[] = [];
    let session: Ort.InferenceSession | undefined;
    let feeds: Record<string, Ort.Tensor> = {};
    // One more load than measured: the first pays for cold caches, which no later run sees.
    for (let i = 0; i <= loads; i++) {
      await session?.release();
      const loadStart = process.hrtime.bigint();
      session = await createSession(file, provider);
      const loadTime = elapsedMs(loadStart);
      feeds = generateInputs(ort, session, { batchSize, sequenceLength });
      const runStart = process.hrtime.bigint();
      await session.run(feeds);
      const firstTime = elapsedMs(runStart);
      if (i === 0) continue;
      loadTimes.push(loadTime);
      firstTimes.push(firstTime);
      tick();
    }
    if (!session) throw new ModelPublishError("USAGE", "bench: loads must be at least 1");
    for (let i = 0; i < warmup; i++) {
      await session.run(feeds);
      tick();
    }
    const latencies: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = process.hrtime.bigint();
      await session.run(feeds);
      latencies.push(elapsedMs(start));
      tick();
    }
    await session.release();
    const perSecond = latencies.map((ms) => (1000 * batchSize) / ms);
    results.push(
      {
        name: `load_time${suffix}`,
        unit: "ms",
        direction: "lower-is-better",
        samples: samples(loadTimes),
        ...variant,
      },
      {
        name: `first_inference${suffix}`,
        unit: "ms",
        direction: "lower-is-better",
        samples: samples(firstTimes),
        ...variant,
      },
      {
        name: `latency${suffix}`,
        unit: "ms",
        direction: "lower-is-better",
        samples: samples(latencies),
        ...variant,
      },
      {
        name: `throughput${suffix}`,
        unit: "items/s",
        direction: "higher-is-better",
        samples: samples(perSecond),
        ...variant,
      },
    );
    if (options.tokens) {
      results.push({
        name: `tokens_per_second${suffix}`,
        unit: "tokens/s",
        direction: "higher-is-better",
        samples: samples(perSecond.map((items) => items * sequenceLength)),
        ...variant,
      });
    }
  }
  results.push(
    {
      name: "peak_rss",
      unit: "MiB",
      direction: "lower-is-better",
      samples: [
        mib(
          await measurePeakMemory(file, {
            provider,
            batchSize: Math.max(...batchSizes),
            sequenceLength,
          }),
        ),
      ],
      // One figure per run, which moves a little with allocator state: only a larger rise than
      // the default 5% counts (a manifest's bench.metrics.peak_rss overrides it).
      threshold: PEAK_RSS_THRESHOLD,
      ...variant,
    },
    {
      name: "size",
      unit: "MiB",
      direction: "lower-is-better",
      samples: [mib((await stat(file)).size)],
      ...variant,
    },
  );
  return { provider, providerNote: note, results };
}
