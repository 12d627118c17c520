import { compareSamples, type CompareOptions } from "./compare.js";
import { SeededRandom } from "./random.js";

/** How noisy the simulated runner is. */
export interface NoiseModel {
  /** Log-normal spread of one iteration's latency (0.08 ≈ 8%). */
  sigma: number;
  /** Spread of a whole run's level against another's (a different machine or neighbour). */
  runSigma: number;
  /** Share of iterations hit by a stall. */
  outlierRate: number;
  /** How much slower a stalled iteration is (0.5 = +50%). */
  outlierSize: number;
}

/**
 * A CI runner: 8% spread per iteration, 5% of iterations stalled by up to +50%, and 1% drift of a
 * whole run against another. More run-to-run drift than that needs several baseline runs.
 */
export const CI_RUNNER_NOISE: NoiseModel = {
  sigma: 0.08,
  runSigma: 0.01,
  outlierRate: 0.05,
  outlierSize: 0.5,
};

/** One simulated run: `samples` latencies around `level`. */
export function simulateRun(
  random: SeededRandom,
  level: number,
  samples: number,
  noise: NoiseModel,
): number[] {
  const runLevel = level * Math.exp(noise.runSigma * random.normal());
  return Array.from({ length: samples }, () => {
    const stall = random.next() < noise.outlierRate ? 1 + noise.outlierSize * random.next() : 1;
    return runLevel * Math.exp(noise.sigma * random.normal()) * stall;
  });
}

export interface GateSimulation {
  trials: number;
  /** Share of trials the gate declared a regression. */
  gateRate: number;
  /** Share of trials a plain rule (one run's mean against the other's, fail above +10%) fired. */
  ratioRuleRate: number;
  /** The same plain rule on single measurements, as gates that record one number per run do. */
  singleRatioRuleRate: number;
}

/**
 * Runs `trials` baseline/current pairs where the current is `effect` slower (0 = A/A) and
 * reports how often our gate and the plain 10%-ratio rule call it a regression.
 */
export function simulateGate(options: {
  trials: number;
  effect: number;
  samples: number;
  noise?: NoiseModel;
  seed?: number;
  compare?: Partial<CompareOptions>;
}): GateSimulation {
  const noise = options.noise ?? CI_RUNNER_NOISE;
  const random = new SeededRandom(options.seed ?? 1);
  let gate = 0;
  let ratio = 0;
  let single = 0;
  const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
  for (let i = 0; i < options.trials; i++) {
    const baseline = simulateRun(random, 10, options.samples, noise);
    const current = simulateRun(random, 10 * (1 + options.effect), options.samples, noise);
    const verdict = compareSamples(baseline, current, {
      direction: "lower-is-better",
      seed: i,
      interval: false,
      ...options.compare,
    }).verdict;
    if (verdict === "regression") gate++;
    if (mean(current) / mean(baseline) > 1.1) ratio++;
    if ((current[0] ?? 0) / (baseline[0] ?? 1) > 1.1) single++;
  }
  return {
    trials: options.trials,
    gateRate: gate / options.trials,
    ratioRuleRate: ratio / options.trials,
    singleRatioRuleRate: single / options.trials,
  };
}
