// The benchmark gate on simulated noisy runners: how often it fires on A/A runs and on a true 10%
// regression, against plain 10%-ratio rules on the same data (issue: ≤ 1% and ≥ 95%).
import { CI_RUNNER_NOISE, DEFAULT_SAMPLES, simulateGate } from "../dist/index.js";

const trials = Number(process.argv[2] ?? 1000);
const rows = [
  ["A/A (no change)", simulateGate({ trials, effect: 0, samples: DEFAULT_SAMPLES, seed: 101 })],
  ["10% slower", simulateGate({ trials, effect: 0.1, samples: DEFAULT_SAMPLES, seed: 202 })],
];
const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log(
  `${trials} trials each, ${DEFAULT_SAMPLES} samples per run, noise ${JSON.stringify(CI_RUNNER_NOISE)}`,
);
console.log(
  "| runs | gate (Mann–Whitney + 5% threshold) | ratio of means > 10% | ratio of single measurements > 10% |",
);
console.log("| --- | --- | --- | --- |");
for (const [name, r] of rows) {
  console.log(
    `| ${name} | ${pct(r.gateRate)} | ${pct(r.ratioRuleRate)} | ${pct(r.singleRatioRuleRate)} |`,
  );
}
