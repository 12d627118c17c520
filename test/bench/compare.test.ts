import { describe, expect, it } from "@jest/globals";
import { compareSamples, DEFAULT_SAMPLES } from "../../src/bench/compare.js";
import { SeededRandom } from "../../src/bench/random.js";
import { CI_RUNNER_NOISE, simulateGate, simulateRun } from "../../src/bench/simulate.js";

describe("compareSamples", () => {
  const random = new SeededRandom(42);
  const baseline = simulateRun(random, 10, DEFAULT_SAMPLES, CI_RUNNER_NOISE);

  it("calls a 20% slower run a regression, with the change inside its interval", () => {
    const slower = simulateRun(random, 12, DEFAULT_SAMPLES, CI_RUNNER_NOISE);
    const result = compareSamples(baseline, slower, { direction: "lower-is-better" });
    expect(result.verdict).toBe("regression");
    expect(result.change).toBeGreaterThan(0.1);
    expect(result.interval.low).toBeLessThan(result.change);
    expect(result.interval.high).toBeGreaterThan(result.change);
  });

  it("reads higher-is-better metrics the other way round", () => {
    const fewer = simulateRun(random, 8, DEFAULT_SAMPLES, CI_RUNNER_NOISE);
    expect(compareSamples(baseline, fewer, { direction: "higher-is-better" }).verdict).toBe(
      "regression",
    );
    expect(compareSamples(baseline, fewer, { direction: "lower-is-better" }).verdict).toBe(
      "improvement",
    );
  });

  it("lets a significant change smaller than the threshold pass", () => {
    const base = Array.from({ length: 400 }, (_, i) => 10 + (i % 10) * 0.001);
    const current = base.map((v) => v * 1.03);
    const result = compareSamples(base, current, { direction: "lower-is-better" });
    expect(result.pWorse).toBeLessThan(1e-6);
    expect(result.verdict).toBe("unchanged");
    expect(
      compareSamples(base, current, { direction: "lower-is-better", threshold: 0.02 }).verdict,
    ).toBe("regression");
  });
});

describe("the gate on simulated noisy runners (500 trials each)", () => {
  const trials = 500;
  const aa = simulateGate({ trials, effect: 0, samples: DEFAULT_SAMPLES, seed: 11 });
  const slower = simulateGate({ trials, effect: 0.1, samples: DEFAULT_SAMPLES, seed: 12 });

  it("raises a false alarm on at most 1% of A/A runs", () => {
    expect(aa.gateRate).toBeLessThanOrEqual(0.01);
  });

  it("detects a true 10% regression in at least 95% of runs", () => {
    expect(slower.gateRate).toBeGreaterThanOrEqual(0.95);
  });

  it("does better than a plain 10% ratio rule on the same data", () => {
    // One number per run against the last: a coin flip on a real 10% regression, and on single
    // measurements an alarm on about one A/A run in five.
    expect(slower.ratioRuleRate).toBeLessThan(0.7);
    expect(aa.singleRatioRuleRate).toBeGreaterThan(0.1);
  });
});
