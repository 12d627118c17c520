import type { BenchResult, BenchResultFile } from "../../src/manifest/types.generated.js";
import { SeededRandom } from "../../src/bench/random.js";
import { CI_RUNNER_NOISE, simulateRun } from "../../src/bench/simulate.js";

export const FP_CPU = "3f2a9c1d0b7e4a55";
export const FP_GPU = "9b1c2d3e4f5a6b7c";

/** A latency metric and a throughput metric measured on a simulated noisy runner. */
export function benchRun(options: {
  fingerprint?: string;
  seed?: number;
  /** Latency level in ms; throughput is its inverse. */
  latency?: number;
  samples?: number;
  commit?: string;
  variant?: string;
}): BenchResultFile {
  const random = new SeededRandom(options.seed ?? 1);
  const n = options.samples ?? 100;
  const latency = simulateRun(random, options.latency ?? 10, n, CI_RUNNER_NOISE);
  const [l0 = 0, ...lRest] = latency;
  const throughput = latency.map((ms) => 1000 / ms);
  const [t0 = 0, ...tRest] = throughput;
  const results: [BenchResult, ...BenchResult[]] = [
    {
      name: "latency_p50",
      unit: "ms",
      direction: "lower-is-better",
      samples: [l0, ...lRest],
      ...(options.variant ? { variant: options.variant } : {}),
    },
    {
      name: "throughput",
      unit: "items/s",
      direction: "higher-is-better",
      samples: [t0, ...tRest],
      ...(options.variant ? { variant: options.variant } : {}),
    },
  ];
  return {
    model: "tiny-bert",
    ...(options.commit ? { commit: options.commit } : {}),
    fingerprint: {
      hash: options.fingerprint ?? FP_CPU,
      cpu: "AMD EPYC 7763 64-Core Processor",
      cores: 4,
      platform: "linux-x64",
      runtime: "onnxruntime 1.30.0",
      provider: "cpu",
    },
    results,
  };
}

export const sha = (digit: string): string => digit.repeat(40);
