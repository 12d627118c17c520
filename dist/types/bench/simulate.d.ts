import { type CompareOptions } from "./compare.js";
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
export declare const CI_RUNNER_NOISE: NoiseModel;
/** One simulated run: `samples` latencies around `level`. */
export declare function simulateRun(random: SeededRandom, level: number, samples: number, noise: NoiseModel): number[];
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
export declare function simulateGate(options: {
    trials: number;
    effect: number;
    samples: number;
    noise?: NoiseModel;
    seed?: number;
    compare?: Partial<CompareOptions>;
}): GateSimulation;
