import {
  DEFAULT_BUDGETS,
  ExitCode,
  GgufFile,
  MODES,
  ModelPublishError,
  QUANT_SCHEMES,
  STAGES,
  SafetensorsFile,
  SigningKey,
  UNTAGGED_VERSION,
  VERSION,
  authoredManifestSchema,
  budgetViolations,
  buildRelease,
  buildReleaseIter,
  canonicalJson,
  checkBudget,
  convertCheckpoint,
  deriveMode,
  evaluateVariant,
  exitCodeFor,
  formatIssue,
  hashFiles,
  inclusionProof,
  keyFingerprint,
  loadCardTemplate,
  loadKeyring,
  loadPrivateKey,
  loadPublicKey,
  merkleRoot,
  parseManifestText,
  planStages,
  publicKeyPem,
  quantizeModel,
  releaseManifestSchema,
  releaseTimestamp,
  renderCard,
  resolveVersion,
  runPipeline,
  runPipelineIter,
  signRelease,
  signatureSchema,
  validateFrontMatter,
  validateManifestFile,
  validateManifestText,
  validators,
  variantFileName,
  variantFormat,
  verifyInclusion,
  verifyRelease
} from "./chunks/chunk-CWQS2WBY.js";

// src/bench/random.ts
var SeededRandom = class {
  state;
  constructor(seed) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next() {
    this.state = this.state + 1831565813 >>> 0;
    let t = this.state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  }
  /** Uniform integer in [0, n). */
  int(n) {
    return Math.floor(this.next() * n);
  }
  /** Standard normal (Box–Muller). */
  normal() {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
};

// src/bench/statistics.ts
function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a2, b2) => a2 - b2);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (position - low);
}
function median(values) {
  return quantile(values, 0.5);
}
function normalCdf(z) {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
function mannWhitney(a, b) {
  const n1 = a.length;
  const n2 = b.length;
  const all = [...a.map((v) => ({ v, fromB: false })), ...b.map((v) => ({ v, fromB: true }))].sort(
    (x, y) => x.v - y.v
  );
  let rankSumB = 0;
  let tieTerm = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]?.v === all[i]?.v) j++;
    const rank = (i + j) / 2 + 1;
    const count = j - i + 1;
    tieTerm += count ** 3 - count;
    for (let k = i; k <= j; k++) if (all[k]?.fromB) rankSumB += rank;
    i = j + 1;
  }
  const u = rankSumB - n2 * (n2 + 1) / 2;
  const n = n1 + n2;
  const mean = n1 * n2 / 2;
  const variance = n1 * n2 / 12 * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, z: 0, pGreater: 1, pLess: 1 };
  const sd = Math.sqrt(variance);
  const zGreater = (u - mean - 0.5) / sd;
  const zLess = (u - mean + 0.5) / sd;
  return { u, z: (u - mean) / sd, pGreater: 1 - normalCdf(zGreater), pLess: normalCdf(zLess) };
}
function bootstrapRatioOfMedians(a, b, options = {}) {
  const resamples = options.resamples ?? 1e3;
  const confidence = options.confidence ?? 0.95;
  const random = new SeededRandom(options.seed ?? 24301);
  const ratios = [];
  const pick = (values) => Array.from({ length: values.length }, () => values[random.int(values.length)] ?? Number.NaN);
  for (let i = 0; i < resamples; i++) ratios.push(median(pick(b)) / median(pick(a)));
  const tail = (1 - confidence) / 2;
  return { low: quantile(ratios, tail), high: quantile(ratios, 1 - tail) };
}

// src/bench/compare.ts
var DEFAULT_THRESHOLD = 0.05;
var DEFAULT_SAMPLES = 100;
var DEFAULT_ALPHA = 0.01;
function compareSamples(baseline, current, options) {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const baselineMedian = median(baseline);
  const currentMedian = median(current);
  const change = currentMedian / baselineMedian - 1;
  const ratio = options.interval === false ? { low: Number.NaN, high: Number.NaN } : bootstrapRatioOfMedians(baseline, current, {
    confidence: options.confidence ?? 0.95,
    seed: options.seed ?? 24301
  });
  const test = mannWhitney(baseline, current);
  const lowerIsBetter = options.direction === "lower-is-better";
  const pWorse = lowerIsBetter ? test.pGreater : test.pLess;
  const pBetter = lowerIsBetter ? test.pLess : test.pGreater;
  const worseBy = lowerIsBetter ? change : -change;
  let verdict = "unchanged";
  if (pWorse < alpha && worseBy > threshold) verdict = "regression";
  else if (pBetter < alpha && -worseBy > threshold) verdict = "improvement";
  return {
    verdict,
    baselineMedian,
    currentMedian,
    change,
    interval: { low: ratio.low - 1, high: ratio.high - 1 },
    pWorse,
    threshold,
    alpha
  };
}

// src/bench/simulate.ts
var CI_RUNNER_NOISE = {
  sigma: 0.08,
  runSigma: 0.01,
  outlierRate: 0.05,
  outlierSize: 0.5
};
function simulateRun(random, level, samples, noise) {
  const runLevel = level * Math.exp(noise.runSigma * random.normal());
  return Array.from({ length: samples }, () => {
    const stall = random.next() < noise.outlierRate ? 1 + noise.outlierSize * random.next() : 1;
    return runLevel * Math.exp(noise.sigma * random.normal()) * stall;
  });
}
function simulateGate(options) {
  const noise = options.noise ?? CI_RUNNER_NOISE;
  const random = new SeededRandom(options.seed ?? 1);
  let gate = 0;
  let ratio = 0;
  let single = 0;
  const mean = (values) => values.reduce((s, v) => s + v, 0) / values.length;
  for (let i = 0; i < options.trials; i++) {
    const baseline = simulateRun(random, 10, options.samples, noise);
    const current = simulateRun(random, 10 * (1 + options.effect), options.samples, noise);
    const verdict = compareSamples(baseline, current, {
      direction: "lower-is-better",
      seed: i,
      interval: false,
      ...options.compare
    }).verdict;
    if (verdict === "regression") gate++;
    if (mean(current) / mean(baseline) > 1.1) ratio++;
    if ((current[0] ?? 0) / (baseline[0] ?? 1) > 1.1) single++;
  }
  return {
    trials: options.trials,
    gateRate: gate / options.trials,
    ratioRuleRate: ratio / options.trials,
    singleRatioRuleRate: single / options.trials
  };
}
export {
  CI_RUNNER_NOISE,
  DEFAULT_ALPHA,
  DEFAULT_BUDGETS,
  DEFAULT_SAMPLES,
  DEFAULT_THRESHOLD,
  ExitCode,
  GgufFile,
  MODES,
  ModelPublishError,
  QUANT_SCHEMES,
  STAGES,
  SafetensorsFile,
  SigningKey,
  UNTAGGED_VERSION,
  VERSION,
  authoredManifestSchema,
  budgetViolations,
  buildRelease,
  buildReleaseIter,
  canonicalJson,
  checkBudget,
  compareSamples,
  convertCheckpoint,
  deriveMode,
  evaluateVariant,
  exitCodeFor,
  formatIssue,
  hashFiles,
  inclusionProof,
  keyFingerprint,
  loadCardTemplate,
  loadKeyring,
  loadPrivateKey,
  loadPublicKey,
  merkleRoot,
  parseManifestText,
  planStages,
  publicKeyPem,
  quantizeModel,
  releaseManifestSchema,
  releaseTimestamp,
  renderCard,
  resolveVersion,
  runPipeline,
  runPipelineIter,
  signRelease,
  signatureSchema,
  simulateGate,
  validateFrontMatter,
  validateManifestFile,
  validateManifestText,
  validators,
  variantFileName,
  variantFormat,
  verifyInclusion,
  verifyRelease
};
