import {
  COMMENT_MARKER,
  DEFAULT_ALPHA,
  DEFAULT_BUDGETS,
  DEFAULT_SAMPLES,
  DEFAULT_THRESHOLD,
  ExitCode,
  GgufFile,
  MODES,
  ModelPublishError,
  ONNX_SCHEMES,
  QUANT_SCHEMES,
  STAGES,
  SafetensorsFile,
  SeededRandom,
  SigningKey,
  UNTAGGED_VERSION,
  VERSION,
  authoredManifestSchema,
  benchResultSchema,
  budgetViolations,
  buildRelease,
  buildReleaseIter,
  canonicalJson,
  checkBudget,
  compareSamples,
  convertCheckpoint,
  deriveMode,
  describeFingerprint,
  evaluateGate,
  evaluateVariant,
  exitCodeFor,
  fingerprintOf,
  formatIssue,
  gateReportMarkdown,
  hashFiles,
  inclusionProof,
  keyFingerprint,
  loadCardTemplate,
  loadKeyring,
  loadPrivateKey,
  loadPublicKey,
  measureOnnx,
  merkleRoot,
  onnxParity,
  parseManifestText,
  planStages,
  publicKeyPem,
  quantizeModel,
  quantizeOnnx,
  readBenchResults,
  readOnnx,
  releaseManifestSchema,
  releaseTimestamp,
  renderCard,
  resolveVersion,
  runBenchmark,
  runOnnxExport,
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
  verifyRelease,
  writeOnnx
} from "./chunks/chunk-NB3RFYD6.js";

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

// src/bench/trend-chart.ts
var PAGE = "#020617";
var PANEL = "#0f172a";
var GRID = "#1e293b";
var TEXT = "#e2e8f0";
var MUTED = "#94a3b8";
var ACCENTS = ["#22c55e", "#7c3aed", "#14b8a6", "#f59e0b", "#1e3a8a"];
function escapeXml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
var fixed = (n) => (Math.round(n * 10) / 10).toString();
function trendChartSvg(title, series, runLabels) {
  const width = 720;
  const height = 320;
  const left = 56;
  const right = 170;
  const top = 48;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const relative = series.map((s) => ({
    metric: s.metric,
    values: s.values.map((v) => s.values[0] ? 100 * v / s.values[0] : 100)
  }));
  const all = relative.flatMap((s) => s.values);
  const low = Math.min(90, ...all);
  const high = Math.max(110, ...all);
  const runs = Math.max(2, ...relative.map((s) => s.values.length));
  const x = (i) => left + plotW * i / (runs - 1);
  const y = (v) => top + plotH - plotH * (v - low) / (high - low);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Inter, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="${PAGE}"/>`,
    `<rect x="8" y="8" width="${width - 16}" height="${height - 16}" rx="8" fill="${PANEL}"/>`,
    `<text x="${left}" y="30" fill="${TEXT}" font-size="15" font-weight="600">${escapeXml(title)}</text>`
  ];
  for (const tick of [low, 100, high]) {
    parts.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${fixed(y(tick))}" y2="${fixed(y(tick))}" stroke="${GRID}"/>`,
      `<text x="${left - 8}" y="${fixed(y(tick) + 4)}" fill="${MUTED}" font-size="11" text-anchor="end" font-family="JetBrains Mono, monospace">${fixed(tick)}%</text>`
    );
  }
  runLabels.slice(0, runs).forEach((label, i) => {
    parts.push(
      `<text x="${fixed(x(i))}" y="${height - 18}" fill="${MUTED}" font-size="10" text-anchor="middle" font-family="JetBrains Mono, monospace">${escapeXml(label)}</text>`
    );
  });
  relative.forEach((s, index) => {
    const color = ACCENTS[index % ACCENTS.length] ?? TEXT;
    const points = s.values.map((v, i) => `${fixed(x(i))},${fixed(y(v))}`).join(" ");
    parts.push(`<polyline points="${points}" fill="none" stroke="${color}" stroke-width="2"/>`);
    s.values.forEach((v, i) => {
      parts.push(`<circle cx="${fixed(x(i))}" cy="${fixed(y(v))}" r="3" fill="${color}"/>`);
    });
    parts.push(
      `<rect x="${left + plotW + 16}" y="${top + index * 20 - 9}" width="10" height="10" rx="2" fill="${color}"/>`,
      `<text x="${left + plotW + 32}" y="${top + index * 20}" fill="${TEXT}" font-size="12">${escapeXml(s.metric)}</text>`
    );
  });
  parts.push("</svg>");
  return `${parts.join("\n")}
`;
}
export {
  CI_RUNNER_NOISE,
  COMMENT_MARKER,
  DEFAULT_ALPHA,
  DEFAULT_BUDGETS,
  DEFAULT_SAMPLES,
  DEFAULT_THRESHOLD,
  ExitCode,
  GgufFile,
  MODES,
  ModelPublishError,
  ONNX_SCHEMES,
  QUANT_SCHEMES,
  STAGES,
  SafetensorsFile,
  SigningKey,
  UNTAGGED_VERSION,
  VERSION,
  authoredManifestSchema,
  benchResultSchema,
  budgetViolations,
  buildRelease,
  buildReleaseIter,
  canonicalJson,
  checkBudget,
  compareSamples,
  convertCheckpoint,
  deriveMode,
  describeFingerprint,
  evaluateGate,
  evaluateVariant,
  exitCodeFor,
  fingerprintOf,
  formatIssue,
  gateReportMarkdown,
  hashFiles,
  inclusionProof,
  keyFingerprint,
  loadCardTemplate,
  loadKeyring,
  loadPrivateKey,
  loadPublicKey,
  measureOnnx,
  merkleRoot,
  onnxParity,
  parseManifestText,
  planStages,
  publicKeyPem,
  quantizeModel,
  quantizeOnnx,
  readBenchResults,
  readOnnx,
  releaseManifestSchema,
  releaseTimestamp,
  renderCard,
  resolveVersion,
  runBenchmark,
  runOnnxExport,
  runPipeline,
  runPipelineIter,
  signRelease,
  signatureSchema,
  simulateGate,
  trendChartSvg,
  validateFrontMatter,
  validateManifestFile,
  validateManifestText,
  validators,
  variantFileName,
  variantFormat,
  verifyInclusion,
  verifyRelease,
  writeOnnx
};
