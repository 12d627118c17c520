import {
  COMMENT_MARKER,
  DEFAULT_ALPHA,
  DEFAULT_BUDGETS,
  DEFAULT_GATEWAY,
  DEFAULT_SAMPLES,
  DEFAULT_THRESHOLD,
  ExitCode,
  GgufFile,
  MANIFEST_FILE,
  MODES,
  ModelPublishError,
  ONNX_SCHEMES,
  QUANT_SCHEMES,
  SIGNATURE_FILE,
  STAGES,
  SafetensorsFile,
  SeededRandom,
  SigningKey,
  UNIXFS_SETTINGS,
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
  configureDestinations,
  convertCheckpoint,
  defaultCacheDir,
  deriveMode,
  describeFingerprint,
  drainEvents,
  errorText,
  evaluateGate,
  evaluateVariant,
  exitCodeFor,
  fingerprintOf,
  formatIssue,
  gateReportMarkdown,
  hashFiles,
  hubToken,
  inclusionProof,
  keyFingerprint,
  loadCardTemplate,
  loadKeyring,
  loadPrivateKey,
  loadPublicKey,
  loadRelease,
  manifestSources,
  measureOnnx,
  median,
  merkleRoot,
  onnxParity,
  openSources,
  orderSources,
  parseManifestText,
  parseOrder,
  parsePrivateKey,
  parseSourceUrl,
  planStages,
  publicKeyPem,
  publishRelease,
  pullRelease,
  quantizeModel,
  quantizeOnnx,
  readBenchResults,
  readOnnx,
  releaseCar,
  releaseDag,
  releaseManifestSchema,
  releaseTimestamp,
  remoteFailed,
  renderCard,
  resolveVersion,
  retryPolicy,
  retryingFetch,
  runBenchmark,
  runOnnxExport,
  runPipeline,
  runPipelineIter,
  schemaErrorText,
  signRelease,
  signatureSchema,
  statusOf,
  transientVerdict,
  validateFrontMatter,
  validateManifestFile,
  validateManifestText,
  validators,
  variantFileName,
  variantFormat,
  verifyInclusion,
  verifyPublished,
  verifyRelease,
  withRetry,
  writeFileAtomic,
  writeOnnx
} from "./chunks/chunk-VZPILVG2.js";

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

// src/pipeline/release-run.ts
import { createHash } from "node:crypto";
import { readFile as readFile2 } from "node:fs/promises";
import { dirname, join as join2, resolve } from "node:path";

// src/publish/release-car-file.ts
import { createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
async function writeReleaseCar(dir, path, options) {
  const release = await loadRelease(dir, { ipfs: options });
  const dag = await releaseDag(release);
  const partial = `${path}.partial`;
  try {
    await pipeline(Readable.from(releaseCar(release, dag)), createWriteStream(partial));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { path, root: dag.root.root.toString(), size: (await stat(path)).size };
}

// src/pipeline/publish-plan.ts
import { readFile, rm as rm2 } from "node:fs/promises";
import { join } from "node:path";
var PLAN_KEY_ID = "plan-only-throwaway-key";
async function planPublish(dir, manifest, env, timestamp) {
  const manifestPath = join(dir, MANIFEST_FILE);
  const original = await readFile(manifestPath);
  const configured = configureDestinations({ manifest, env });
  try {
    await signRelease(dir, await SigningKey.generate(), { keyId: PLAN_KEY_ID, timestamp });
    return await publishRelease({
      dir,
      destinations: configured.destinations,
      secrets: configured.secrets,
      offline: true,
      ...configured.ipfs ? { ipfs: configured.ipfs } : {}
    });
  } finally {
    await writeFileAtomic(manifestPath, original);
    await rm2(join(dir, SIGNATURE_FILE), { force: true });
  }
}

// src/bench/baseline-store.ts
var BASELINE_FORMAT = "model-publish-baseline";

// src/bench/baseline-document.ts
var DEFAULT_HISTORY = 30;
function metricKey(result) {
  return result.variant ? `${result.name} [${result.variant}]` : result.name;
}
var SAFE_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
function checkBaselineKey(key) {
  const problems = [];
  if (key.modelId.trim() === "" || key.modelId.length > 200 || /[\p{Cc},]/u.test(key.modelId)) {
    problems.push(`model id ${JSON.stringify(key.modelId)} must be 1–200 characters, no commas`);
  }
  if (!SAFE_PART.test(key.variant)) {
    problems.push(`variant ${JSON.stringify(key.variant)} must be letters, digits, . _ - (≤ 64)`);
  }
  if (!SAFE_PART.test(key.fingerprint)) {
    problems.push(
      `fingerprint ${JSON.stringify(key.fingerprint)} must be a hash like 3f2a9c1d0b7e4a55`
    );
  }
  if (key.commit !== void 0 && !/^[0-9a-f]{7,64}$/.test(key.commit)) {
    problems.push(`commit ${JSON.stringify(key.commit)} must be a hex commit id`);
  }
  if (problems.length > 0) {
    throw new ModelPublishError("USAGE", `baseline key: ${problems.join("; ")}`);
  }
}
function mediansOf(results) {
  const medians = {};
  for (const result of results.results) medians[metricKey(result)] = median(result.samples);
  return medians;
}
function nextDocument(key, run, previous, historyLimit = DEFAULT_HISTORY) {
  const measuredOn = run.results.fingerprint?.hash;
  if (measuredOn !== key.fingerprint) {
    throw new ModelPublishError(
      "USAGE",
      `baseline: the results were measured on hardware ${measuredOn ?? "(no fingerprint)"} but the key is for ${key.fingerprint}; record results under their own fingerprint`
    );
  }
  const commit = key.commit ?? run.results.commit;
  const recordedAt = run.recordedAt ?? (/* @__PURE__ */ new Date()).toISOString();
  const point = {
    ...commit ? { commit } : {},
    ...run.ref ? { ref: run.ref } : {},
    recordedAt,
    medians: mediansOf(run.results)
  };
  const earlier = previous && sameKey(previous, key) ? previous.history.filter((p) => commit === void 0 || p.commit !== commit) : [];
  return {
    format: BASELINE_FORMAT,
    version: 1,
    modelId: key.modelId,
    variant: key.variant,
    fingerprint: key.fingerprint,
    recordedAt,
    ...commit ? { commit } : {},
    ...run.ref ? { ref: run.ref } : {},
    results: { ...run.results, ...commit ? { commit } : {} },
    history: [...earlier, point].slice(-Math.max(1, historyLimit))
  };
}
function sameKey(document, key) {
  return document.modelId === key.modelId && document.variant === key.variant && document.fingerprint === key.fingerprint && (document.results.fingerprint?.hash ?? document.fingerprint) === key.fingerprint;
}
function baselineFrom(document, key, source, approximate = false) {
  if (!sameKey(document, key)) return void 0;
  const wanted = key.metric;
  const results = document.results.results.filter(
    (r) => wanted === void 0 || r.name === wanted || metricKey(r) === wanted
  );
  const [first, ...rest] = results;
  if (first === void 0) return void 0;
  return {
    results: { ...document.results, results: [first, ...rest] },
    ...document.commit ? { commit: document.commit } : {},
    ...document.ref ? { ref: document.ref } : {},
    recordedAt: document.recordedAt,
    matched: key.commit !== void 0 && key.commit === document.commit ? "commit" : "latest",
    history: document.history,
    source,
    approximate
  };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function optionalString(record, field) {
  const value = record[field];
  if (value === void 0) return void 0;
  if (typeof value !== "string") throw new Error(`${field} must be a string`);
  return value;
}
function requiredString(record, field) {
  const value = optionalString(record, field);
  if (value === void 0 || value === "") throw new Error(`${field} is missing`);
  return value;
}
function trendPoint(value, index) {
  if (!isRecord(value) || !isRecord(value.medians)) {
    throw new Error(`history[${String(index)}] must be an object with medians`);
  }
  const medians = {};
  for (const [name, figure] of Object.entries(value.medians)) {
    if (typeof figure !== "number" || !Number.isFinite(figure)) {
      throw new Error(`history[${String(index)}].medians.${name} must be a number`);
    }
    medians[name] = figure;
  }
  const commit = optionalString(value, "commit");
  const ref = optionalString(value, "ref");
  return {
    ...commit ? { commit } : {},
    ...ref ? { ref } : {},
    recordedAt: requiredString(value, "recordedAt"),
    medians
  };
}
function documentOf(data) {
  if (!isRecord(data) || data.format !== BASELINE_FORMAT || data.version !== 1) {
    throw new Error(
      `not a model-publish baseline document (format "${BASELINE_FORMAT}", version 1)`
    );
  }
  const validate = validators().benchResult;
  if (!validate(data.results)) throw new Error(`results: ${schemaErrorText(validate)}`);
  const results = data.results;
  if (!Array.isArray(data.history)) throw new Error("history must be a list");
  const commit = optionalString(data, "commit");
  const ref = optionalString(data, "ref");
  return {
    format: BASELINE_FORMAT,
    version: 1,
    modelId: requiredString(data, "modelId"),
    variant: requiredString(data, "variant"),
    fingerprint: requiredString(data, "fingerprint"),
    recordedAt: requiredString(data, "recordedAt"),
    ...commit ? { commit } : {},
    ...ref ? { ref } : {},
    results,
    history: data.history.map(trendPoint)
  };
}
function parseBaselineDocument(text, origin) {
  try {
    return documentOf(JSON.parse(text));
  } catch (error) {
    const why = error instanceof SyntaxError ? "not valid JSON" : error.message;
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${origin}: ${why}; delete it and let the default branch record a new baseline`,
      { cause: error }
    );
  }
}
function serializeBaselineDocument(document) {
  return `${JSON.stringify(document, null, 2)}
`;
}
function trendSeries(history, current) {
  const points = history.map((p) => ({
    label: p.commit ? p.commit.slice(0, 7) : p.recordedAt.slice(0, 10),
    medians: p.medians
  }));
  if (current) points.push({ label: "this run", medians: mediansOf(current) });
  const names = Object.keys(points.at(-1)?.medians ?? {});
  let start = points.length;
  while (start > 0 && names.every((n) => Object.hasOwn(points[start - 1]?.medians ?? {}, n)))
    start -= 1;
  const shown = points.slice(start);
  return {
    series: names.map((metric) => ({
      metric,
      values: shown.map((p) => p.medians[metric] ?? Number.NaN)
    })),
    labels: shown.map((p) => p.label)
  };
}

// src/pipeline/bench-stage.ts
var BENCH_VARIANT = "onnx";
function canSave(store) {
  return "save" in store;
}
async function runBenchStage(input) {
  const { bench, options } = input;
  const run = await runBenchmark({
    target: input.onnxFile,
    ...bench.provider ? { provider: bench.provider } : {},
    ...bench.iterations ? { iterations: bench.iterations } : {},
    ...bench.batchSizes ? { batchSizes: bench.batchSizes } : {},
    ...input.commit ? { commit: input.commit } : {}
  });
  const results = { ...run.file, model: input.modelId };
  const fingerprint = results.fingerprint?.hash;
  const key = { modelId: input.modelId, variant: BENCH_VARIANT, fingerprint: fingerprint ?? "" };
  const stored = options.baseline === void 0 && options.store && fingerprint ? await options.store.load({
    ...key,
    ...options.baseCommit ? { commit: options.baseCommit } : {}
  }) : void 0;
  const baseline = options.baseline ?? stored?.results;
  const gate = evaluateGate(baseline, results, {
    ...bench.threshold !== void 0 ? { threshold: bench.threshold } : {},
    ...bench.metrics ? { metrics: bench.metrics } : {},
    ...options.accepted ? { accepted: options.accepted } : {}
  });
  const result = {
    results,
    gate,
    providerNote: run.providerNote,
    trend: trendSeries(stored?.history ?? [], results)
  };
  if (options.baseline !== void 0) result.baselineSource = "the bench-baseline file";
  else if (stored) {
    result.baselineSource = stored.source;
    result.baselineMatched = stored.matched;
  }
  if (options.record && options.store && canSave(options.store) && fingerprint) {
    result.saved = await options.store.save(
      { ...key, ...input.commit ? { commit: input.commit } : {} },
      { results, ref: options.record.ref }
    );
  }
  return result;
}

// src/pipeline/release-run.ts
async function signingKeyFor(options, manifest, manifestDir) {
  if (options.signingKey) return parsePrivateKey(options.signingKey, "the signing-key input");
  if (!manifest.signing) return void 0;
  return loadPrivateKey(manifest.signing.key, {
    env: options.env ?? process.env,
    cwd: manifestDir
  });
}
async function* runReleaseIter(options) {
  const built = yield* buildReleaseIter(options);
  if (!built.valid) return { validated: built.validated };
  const { manifest: release, dir } = built;
  const manifestDir = options.baseDir ?? dirname(resolve(options.manifestPath));
  const validated = built.validated;
  const authored = validated.manifest;
  if (!authored) throw new ModelPublishError("MANIFEST_INVALID", "the manifest did not validate");
  const result = { validated, build: built };
  if (validated.decision.mode === "release") {
    yield { type: "stage-start", stage: "sign" };
    const started = Date.now();
    const key = await signingKeyFor(options, authored, manifestDir);
    if (!key) {
      throw new ModelPublishError(
        "USAGE",
        "a release must be signed: add `signing: { keyId, key: env:NAME }` to the manifest and the key as a secret"
      );
    }
    if (authored.signing?.publicKey && authored.signing.publicKey !== key.publicKeyBase64) {
      throw new ModelPublishError(
        "KEY_INVALID",
        `the signing key does not match signing.publicKey in the manifest (fingerprint ${keyFingerprint(key.publicKey)})`
      );
    }
    const timestamp = await releaseTimestamp({
      env: options.env ?? process.env,
      ...validated.decision.tag ? { tag: validated.decision.tag } : {},
      cwd: manifestDir
    });
    const keyId = authored.signing?.keyId ?? keyFingerprint(key.publicKey);
    await signRelease(dir, key, { keyId, timestamp });
    result.signedBy = keyId;
    yield { type: "stage-end", stage: "sign", ok: true, durationMs: Date.now() - started };
  }
  if (validated.decision.mode === "release" && authored.destinations) {
    const published = yield* publishStage(dir, authored, options);
    result.publish = published.result;
    if (published.car) result.car = published.car;
  } else if (authored.destinations) {
    try {
      result.publishPlan = await planPublish(
        dir,
        authored,
        options.env ?? process.env,
        release.timestamp ?? "1970-01-01T00:00:00Z"
      );
    } catch (error) {
      yield {
        type: "log",
        level: "warning",
        message: `could not plan the publish: ${error instanceof Error ? error.message : String(error)}`
      };
    }
  }
  result.manifestSha256 = createHash("sha256").update(await readFile2(join2(dir, MANIFEST_FILE))).digest("hex");
  const onnx = built.artifacts.find((a) => a.path === "onnx/model.onnx");
  const mode = validated.decision.mode;
  if (authored.bench && onnx && (mode === "check" || options.bench?.record)) {
    yield { type: "stage-start", stage: "bench" };
    const started = Date.now();
    result.bench = await runBenchStage({
      onnxFile: onnx.file,
      modelId: release.id,
      bench: authored.bench,
      ...options.commit ? { commit: options.commit } : {},
      options: options.bench ?? {}
    });
    if (result.bench.saved) {
      const { saved } = result.bench;
      yield {
        type: "log",
        level: "info",
        message: saved.saved ? `recorded this run as a baseline: ${saved.location ?? ""}` : `did not record a baseline: ${saved.reason ?? ""}`
      };
    }
    yield {
      type: "stage-end",
      stage: "bench",
      ok: result.bench.gate.verdict !== "fail",
      durationMs: Date.now() - started
    };
  }
  return result;
}
async function* publishStage(dir, manifest, options) {
  yield { type: "stage-start", stage: "publish" };
  const started = Date.now();
  const configured = configureDestinations({ manifest, env: options.env ?? process.env });
  const queued = [];
  const result = await publishRelease({
    dir,
    destinations: configured.destinations,
    secrets: configured.secrets,
    ...configured.ipfs ? { ipfs: configured.ipfs } : {},
    ...configured.publicKey ? { publicKey: configured.publicKey } : {},
    onEvent: (event) => {
      if (event.type === "progress") {
        queued.push({
          type: "progress",
          stage: "publish",
          detail: `${event.destination} ${event.path}`,
          done: event.done,
          total: event.total
        });
      }
    }
  });
  yield* queued;
  yield { type: "stage-end", stage: "publish", ok: result.ok, durationMs: Date.now() - started };
  const failure = result.failures[0];
  if (failure) {
    throw new ModelPublishError(
      failure.code,
      `publish to ${failure.destination} failed: ${failure.message}`
    );
  }
  const problem = result.reports.flatMap(
    (r) => r.problems.map((p) => `${r.destination}: ${p.path ?? ""} ${p.message}`)
  )[0];
  if (problem)
    throw new ModelPublishError("VERIFY_FAILED", `read-back found a problem: ${problem}`);
  if (!configured.ipfs) return { result };
  const car = await writeReleaseCar(
    dir,
    join2(dirname(resolve(dir)), `${result.id}-v${result.version}.car`),
    configured.ipfs
  );
  yield { type: "log", level: "info", message: `wrote ${car.path} (root ${car.root})` };
  return { result, car };
}
function runRelease(options, onEvent) {
  return drainEvents(runReleaseIter(options), onEvent);
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
function relativeSeries(series) {
  return series.map((s) => ({
    metric: s.metric,
    values: s.values.map((v) => s.values[0] ? 100 * v / s.values[0] : 100)
  }));
}
function percentRange(relative) {
  const all = relative.flatMap((s) => s.values).filter(Number.isFinite);
  return { low: Math.min(90, ...all), high: Math.max(110, ...all) };
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
  const relative = relativeSeries(series);
  const { low, high } = percentRange(relative);
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

// src/bench/store-local.ts
import { mkdir, readFile as readFile3, stat as stat2 } from "node:fs/promises";
import { dirname as dirname2, join as join3 } from "node:path";
var MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
var LocalBaselineStore = class {
  kind = "local";
  options;
  constructor(options) {
    this.options = options;
  }
  /** The file that holds `key`'s document. */
  pathFor(key) {
    checkBaselineKey(key);
    return join3(
      this.options.dir,
      encodeURIComponent(key.modelId),
      key.variant,
      `${key.fingerprint}.json`
    );
  }
  async read(path) {
    let text;
    try {
      if ((await stat2(path)).size > MAX_DOCUMENT_BYTES) {
        throw new ModelPublishError(
          "INPUT_MALFORMED",
          `${path}: too large for a baseline document (over ${String(MAX_DOCUMENT_BYTES)} bytes); delete it`
        );
      }
      text = await readFile3(path, "utf8");
    } catch (error) {
      if (error instanceof ModelPublishError) throw error;
      if (error.code === "ENOENT") return void 0;
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${path}: cannot be read (${error.message})`,
        {
          cause: error
        }
      );
    }
    return parseBaselineDocument(text, path);
  }
  async load(key) {
    const path = this.pathFor(key);
    const document = await this.read(path);
    return document === void 0 ? void 0 : baselineFrom(document, key, `local ${path}`);
  }
  /** Replaces the document; a damaged one is replaced too (its history is lost). */
  async save(key, run) {
    const path = this.pathFor(key);
    const previous = await this.read(path).catch(() => void 0);
    const document = nextDocument(key, run, previous, this.options.historyLimit);
    await mkdir(dirname2(path), { recursive: true });
    await writeFileAtomic(path, serializeBaselineDocument(document));
    return { saved: true, location: path };
  }
};

// src/bench/store-actions-cache.ts
import { mkdir as mkdir2, readFile as readFile4, rm as rm3, writeFile } from "node:fs/promises";
import { join as join4 } from "node:path";
var FILE = "baseline.json";
var ActionsCacheBaselineStore = class {
  kind = "actions-cache";
  options;
  folder;
  queue = Promise.resolve();
  constructor(options) {
    this.options = options;
    this.folder = options.folder ?? join4(process.env.GITHUB_WORKSPACE ?? process.cwd(), ".model-publish-bench");
  }
  /** The key prefix shared by every entry of `key` (model, variant, fingerprint). */
  prefixFor(key) {
    checkBaselineKey(key);
    const prefix = this.options.prefix ?? "model-publish-bench";
    return `${prefix}/${encodeURIComponent(key.modelId)}/${key.variant}/${key.fingerprint}/`;
  }
  /** The full key of one commit's entry. */
  keyFor(key, commit) {
    const full = `${this.prefixFor(key)}${commit}`;
    if (full.length > 512) {
      throw new ModelPublishError(
        "USAGE",
        `actions cache: key ${full.slice(0, 80)}… is over 512 characters; use a shorter model id or prefix`
      );
    }
    return full;
  }
  async client() {
    const cache = this.options.cache ?? await import("@actions/cache");
    if (!cache.isFeatureAvailable()) {
      throw new ModelPublishError(
        "USAGE",
        "actions cache: the cache service is not available to this step (ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN are unset); run inside GitHub Actions or use a local baseline folder"
      );
    }
    return cache;
  }
  /** One cache operation at a time: they share the folder. */
  serial(work) {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => void 0);
    return result;
  }
  /** Restores the entry for `primary` (or the latest by prefix) and reads its document. */
  async restore(cache, primary, restoreKeys) {
    await rm3(this.folder, { recursive: true, force: true });
    try {
      let matchedKey;
      try {
        matchedKey = await cache.restoreCache([this.folder], primary, restoreKeys);
      } catch (error) {
        throw remoteFailed("actions cache", `restoring ${primary}`, error, "check the key");
      }
      if (matchedKey === void 0) return void 0;
      const origin = `actions cache entry ${matchedKey}`;
      const text = await readFile4(join4(this.folder, FILE), "utf8").catch(() => {
        throw new ModelPublishError("INPUT_MALFORMED", `${origin}: holds no ${FILE}`);
      });
      return { matchedKey, document: parseBaselineDocument(text, origin) };
    } finally {
      await rm3(this.folder, { recursive: true, force: true });
    }
  }
  load(key) {
    return this.serial(async () => {
      const prefix = this.prefixFor(key);
      const cache = await this.client();
      const primary = key.commit === void 0 ? prefix : this.keyFor(key, key.commit);
      const found = await this.restore(cache, primary, key.commit === void 0 ? [] : [prefix]);
      if (found === void 0) return void 0;
      return baselineFrom(found.document, key, `actions cache ${found.matchedKey}`);
    });
  }
  save(key, run) {
    return this.serial(async () => {
      if (!this.options.canWrite) {
        return {
          saved: false,
          reason: "this run may not record baselines: only runs on the default branch or a tag write them"
        };
      }
      const commit = key.commit ?? run.results.commit;
      if (commit === void 0) {
        throw new ModelPublishError(
          "USAGE",
          "actions cache: a baseline is recorded per commit; give the key (or the results) a commit"
        );
      }
      const withCommit = { ...key, commit };
      const full = this.keyFor(withCommit, commit);
      const cache = await this.client();
      const previous = await this.restore(cache, full, [this.prefixFor(key)]);
      if (previous?.matchedKey === full) {
        return {
          saved: false,
          location: full,
          reason: `already recorded for commit ${commit} (cache entries never change)`
        };
      }
      const document = nextDocument(withCommit, run, previous?.document, this.options.historyLimit);
      await mkdir2(this.folder, { recursive: true });
      try {
        await writeFile(join4(this.folder, FILE), serializeBaselineDocument(document));
        const id = await cache.saveCache([this.folder], full);
        if (id === -1) {
          return {
            saved: false,
            location: full,
            reason: "the cache service did not take the entry (read-only token, another job saving the same key, or a service error; see the warnings above)"
          };
        }
        return { saved: true, location: full };
      } catch (error) {
        throw remoteFailed("actions cache", `saving ${full}`, error, "run the job again");
      } finally {
        await rm3(this.folder, { recursive: true, force: true });
      }
    });
  }
};

// src/bench/store-release-manifest.ts
import { readFile as readFile5 } from "node:fs/promises";
import { join as join5 } from "node:path";

// src/bench/release-benchmarks.ts
var BENCH_GROUP = "bench";
function isGroup(value) {
  return typeof value === "object";
}
function finite(group, field) {
  const value = group[field];
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}
function samplesFromSummary(summary) {
  const { p10, median: p50, p90 } = summary;
  const n = Math.min(1e5, Math.max(1, Math.round(summary.n)));
  if (n === 1) return [p50];
  const low = (p50 - p10) / 0.4;
  const high = (p90 - p50) / 0.4;
  const at = (i) => {
    const p = i / (n - 1);
    return p <= 0.5 ? p50 - (0.5 - p) * low : p50 + (p - 0.5) * high;
  };
  return [at(0), ...Array.from({ length: n - 1 }, (_, i) => at(i + 1))];
}
function parseMetric(label, summary) {
  const match = /^(.+?)(?: \[([^\]]+)\])? \(([^()]+)\)$/.exec(label);
  const figures = {
    median: finite(summary, "median"),
    p10: finite(summary, "p10"),
    p90: finite(summary, "p90"),
    n: finite(summary, "n")
  };
  const [, name, variant, unit] = match ?? [];
  if (name === void 0 || unit === void 0) return void 0;
  const { median: mid, p10, p90, n } = figures;
  if (mid === void 0 || p10 === void 0 || p90 === void 0 || n === void 0)
    return void 0;
  if (!(p10 <= mid && mid <= p90) || n < 1) return void 0;
  return {
    name,
    unit,
    direction: finite(summary, "higherIsBetter") === 1 ? "higher-is-better" : "lower-is-better",
    samples: samplesFromSummary({ median: mid, p10, p90, n }),
    ...variant === void 0 ? {} : { variant }
  };
}
function resultsFromRelease(benchmarks, variant, fingerprint) {
  const group = benchmarks?.[BENCH_GROUP];
  const forVariant = isGroup(group) && Object.hasOwn(group, variant) ? group[variant] : void 0;
  const metrics = isGroup(forVariant) && Object.hasOwn(forVariant, fingerprint) ? forVariant[fingerprint] : void 0;
  if (!isGroup(metrics)) return void 0;
  const results = Object.entries(metrics).flatMap(([label, summary]) => {
    const parsed = isGroup(summary) ? parseMetric(label, summary) : void 0;
    return parsed === void 0 ? [] : [parsed];
  });
  return results.length === 0 ? void 0 : { results, fingerprint: { hash: fingerprint } };
}

// src/bench/store-release-manifest.ts
var MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var ReleaseManifestBaselineReader = class {
  kind = "release-manifest";
  options;
  manifest;
  constructor(options) {
    this.options = options;
  }
  async fetchJson(url) {
    const policy = retryPolicy(this.options.retry);
    const send = retryingFetch({
      policy,
      retrySafe: () => true,
      ...this.options.fetch ? { fetch: this.options.fetch } : {}
    });
    let response;
    try {
      response = await send(url, { headers: { Accept: "application/json" } });
    } catch (error) {
      throw remoteFailed(url, "reading the release manifest", error, "check the URL");
    }
    if (response.status === 404) return void 0;
    if (!response.ok) {
      throw remoteFailed(
        url,
        "reading the release manifest",
        new Error(`HTTP ${String(response.status)}`),
        "check the URL"
      );
    }
    const text = await response.text();
    if (text.length > MAX_MANIFEST_BYTES) {
      throw new ModelPublishError("INPUT_MALFORMED", `${url}: too large for a release manifest`);
    }
    return this.parse(text, url);
  }
  parse(text, origin) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ModelPublishError("INPUT_MALFORMED", `${origin}: not valid JSON`, { cause: error });
    }
  }
  async read() {
    const { source } = this.options;
    let origin;
    let data;
    if (/^https?:\/\//i.test(source)) {
      origin = source.endsWith("/") ? new URL("manifest.json", source).href : source;
      data = await this.fetchJson(origin);
      if (isRecord2(data) && !("artifacts" in data) && typeof data.manifest === "string") {
        origin = new URL(data.manifest, origin).href;
        data = await this.fetchJson(origin);
      }
    } else {
      origin = join5(source, "manifest.json");
      const text = await readFile5(origin, "utf8").catch((error) => {
        if (error.code === "ENOENT") return void 0;
        throw new ModelPublishError("INPUT_MALFORMED", `${origin}: cannot be read`, {
          cause: error
        });
      });
      data = text === void 0 ? void 0 : this.parse(text, origin);
    }
    if (data === void 0) return void 0;
    const validate = validators().release;
    if (!validate(data)) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${origin}: not a release manifest: ${schemaErrorText(validate)}`
      );
    }
    return { manifest: data, origin };
  }
  async load(key) {
    checkBaselineKey(key);
    this.manifest ??= this.read();
    const found = await this.manifest;
    if (found === void 0) return void 0;
    const { manifest, origin } = found;
    if (manifest.id !== key.modelId) {
      throw new ModelPublishError(
        "USAGE",
        `${origin} is the release of ${manifest.id}, not ${key.modelId}; point the baseline at this model's release`
      );
    }
    const recorded = resultsFromRelease(manifest.benchmarks, key.variant, key.fingerprint);
    const [first, ...rest] = recorded?.results ?? [];
    if (first === void 0) return void 0;
    const recordedAt = manifest.publishedAt ?? manifest.timestamp ?? "";
    const file = {
      model: manifest.id,
      // Only the hash is recorded in a release; it is what comparisons go by.
      fingerprint: { hash: key.fingerprint, cpu: "unknown", cores: 1, platform: "unknown" },
      results: [first, ...rest]
    };
    const ref = `v${manifest.version}`;
    return baselineFrom(
      {
        format: BASELINE_FORMAT,
        version: 1,
        modelId: manifest.id,
        variant: key.variant,
        fingerprint: key.fingerprint,
        recordedAt,
        ref,
        results: file,
        history: [{ ref, recordedAt, medians: mediansOf(file) }]
      },
      key,
      `release ${manifest.id} v${manifest.version} (${origin})`,
      true
    );
  }
};

// src/bench/github-client.ts
import { getOctokit } from "@actions/github";
function headerOf(error, name) {
  if (typeof error !== "object" || error === null || !("response" in error)) return void 0;
  const response = error.response;
  if (typeof response !== "object" || response === null || !("headers" in response)) {
    return void 0;
  }
  const headers = response.headers;
  if (typeof headers !== "object" || headers === null) return void 0;
  const value = headers[name];
  return typeof value === "string" ? value : void 0;
}
function githubVerdict(error) {
  if (statusOf(error) === 403) {
    const after = Number(headerOf(error, "retry-after"));
    if (Number.isFinite(after) && after > 0) {
      return { retry: true, reason: "secondary rate limit", afterMs: after * 1e3 };
    }
    if (headerOf(error, "x-ratelimit-remaining") === "0") {
      const reset = Number(headerOf(error, "x-ratelimit-reset"));
      const afterMs = Number.isFinite(reset) ? Math.max(0, reset * 1e3 - Date.now()) : void 0;
      return { retry: true, reason: "rate limit", ...afterMs === void 0 ? {} : { afterMs } };
    }
  }
  return transientVerdict(error);
}
var FIXES = {
  401: "the token is invalid or expired; pass the workflow's GITHUB_TOKEN",
  403: "the token may not do this: give the job `permissions: pull-requests: write`; pull requests from forks get a read-only token, so their report is in the job summary only",
  404: "check the repository and pull request number, and that the token can see the repository"
};
async function callGitHub(what, operation, options = {}) {
  try {
    return await withRetry(what, operation, githubVerdict, retryPolicy(options.retry), options);
  } catch (error) {
    if (error instanceof ModelPublishError) throw error;
    const status = statusOf(error);
    const fix = (status === void 0 ? void 0 : FIXES[status]) ?? "try again later";
    throw new ModelPublishError(
      "REMOTE_FAILED",
      `GitHub: ${what} failed${status === void 0 ? "" : ` (HTTP ${String(status)})`}: ${errorText(error)}; ${fix}`,
      { cause: error }
    );
  }
}

// src/bench/pr-comment.ts
var MAX_COMMENT_CHARS = 65536;
var CUT_NOTE = "\n\n_… cut to fit GitHub's comment limit; the job summary has the full report._\n";
function commentBody(body, marker = COMMENT_MARKER) {
  const text = body.trimStart().startsWith(marker) ? body : `${marker}
${body}`;
  if (text.length <= MAX_COMMENT_CHARS) return { text, truncated: false };
  const room = MAX_COMMENT_CHARS - CUT_NOTE.length;
  const cut = text.lastIndexOf("\n", room);
  return { text: `${text.slice(0, cut > marker.length ? cut : room)}${CUT_NOTE}`, truncated: true };
}
function complete(data) {
  if (typeof data === "object" && typeof data.id === "number") return { ...data, id: data.id };
  throw Object.assign(new Error("GitHub's reply was cut short"), { code: "ECONNRESET" });
}
async function upsertPullRequestComment(client, pr, body, options = {}) {
  const marker = options.marker ?? COMMENT_MARKER;
  const { text, truncated } = commentBody(body, marker);
  const where = `${pr.owner}/${pr.repo}#${String(pr.number)}`;
  return callGitHub(
    `updating the benchmark comment on ${where}`,
    async () => {
      const pages = client.paginate.iterator(client.rest.issues.listComments, {
        owner: pr.owner,
        repo: pr.repo,
        issue_number: pr.number,
        per_page: 100
      });
      let existing;
      for await (const page of pages) {
        existing = page.data.find(
          (c) => (c.body ?? "").trimStart().startsWith(marker) && (options.author === void 0 || c.user?.login === options.author)
        );
        if (existing !== void 0) break;
      }
      if (existing?.body === text) {
        return { action: "unchanged", id: existing.id, url: existing.html_url, truncated };
      }
      if (existing !== void 0) {
        const data2 = complete(
          (await client.rest.issues.updateComment({
            owner: pr.owner,
            repo: pr.repo,
            comment_id: existing.id,
            body: text
          })).data
        );
        return { action: "updated", id: data2.id, url: data2.html_url, truncated };
      }
      const data = complete(
        (await client.rest.issues.createComment({
          owner: pr.owner,
          repo: pr.repo,
          issue_number: pr.number,
          body: text
        })).data
      );
      return { action: "created", id: data.id, url: data.html_url, truncated };
    },
    options
  );
}

// src/bench/acceptance.ts
var ACCEPT_LABEL = "bench-accept";
var ACCEPT_TRAILER = "Bench-Accept";
var ALL_METRICS = "*";
function metricsOf(list) {
  return list.split(",").map((m) => m.trim()).filter((m) => m !== "");
}
function commitTrailers(message) {
  const paragraphs = message.replace(/\r\n/g, "\n").trim().split(/\n[ \t]*\n/);
  if (paragraphs.length < 2) return [];
  const trailers = [];
  for (const line of (paragraphs.at(-1) ?? "").split("\n")) {
    const last = trailers.at(-1);
    if (/^[ \t]/.test(line) && last !== void 0) {
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const match = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (match === null) return [];
    trailers.push({ token: match[1] ?? "", value: (match[2] ?? "").trim() });
  }
  return trailers;
}
function acceptancesFrom(input, options = {}) {
  const found = [];
  for (const label of input.labels) {
    const match = /^bench-accept(?:\s*:(.*))?$/i.exec(label.trim());
    if (match === null) continue;
    const metrics = match[1] === void 0 ? [ALL_METRICS] : metricsOf(match[1]);
    for (const metric of metrics) found.push({ metric, via: "label", label });
  }
  if (options.trailers === false) return found;
  for (const commit of input.commits) {
    for (const trailer of commitTrailers(commit.message)) {
      if (trailer.token.toLowerCase() !== ACCEPT_TRAILER.toLowerCase()) continue;
      for (const metric of metricsOf(trailer.value)) {
        found.push({ metric, via: "trailer", commit: commit.sha });
      }
    }
  }
  return found;
}
function describeAcceptance(acceptance) {
  return acceptance.via === "label" ? `label \`${acceptance.label ?? ACCEPT_LABEL}\`` : `\`${ACCEPT_TRAILER}\` trailer in ${(acceptance.commit ?? "").slice(0, 7)}`;
}
function acceptanceMap(acceptances) {
  const map = /* @__PURE__ */ new Map();
  for (const acceptance of acceptances) {
    if (!map.has(acceptance.metric)) map.set(acceptance.metric, describeAcceptance(acceptance));
  }
  return map;
}
async function readAcceptances(client, pr, options = {}) {
  const where = `${pr.owner}/${pr.repo}#${String(pr.number)}`;
  const params = { owner: pr.owner, repo: pr.repo, pull_number: pr.number };
  const { data: pull } = await callGitHub(
    `reading ${where}`,
    () => client.rest.pulls.get(params),
    options
  );
  const commits = options.trailers === false ? [] : await callGitHub(
    `listing the commits of ${where}`,
    () => client.paginate(client.rest.pulls.listCommits, { ...params, per_page: 100 }),
    options
  );
  return acceptancesFrom(
    {
      labels: pull.labels.map((l) => l.name),
      commits: commits.map((c) => ({ sha: c.sha, message: c.commit.message }))
    },
    options
  );
}
export {
  ActionsCacheBaselineStore,
  CI_RUNNER_NOISE,
  COMMENT_MARKER,
  DEFAULT_ALPHA,
  DEFAULT_BUDGETS,
  DEFAULT_GATEWAY,
  DEFAULT_SAMPLES,
  DEFAULT_THRESHOLD,
  ExitCode,
  GgufFile,
  LocalBaselineStore,
  MODES,
  ModelPublishError,
  ONNX_SCHEMES,
  QUANT_SCHEMES,
  ReleaseManifestBaselineReader,
  STAGES,
  SafetensorsFile,
  SigningKey,
  UNIXFS_SETTINGS,
  UNTAGGED_VERSION,
  VERSION,
  acceptanceMap,
  authoredManifestSchema,
  benchResultSchema,
  budgetViolations,
  buildRelease,
  buildReleaseIter,
  canonicalJson,
  checkBudget,
  compareSamples,
  configureDestinations,
  convertCheckpoint,
  defaultCacheDir,
  deriveMode,
  describeFingerprint,
  evaluateGate,
  evaluateVariant,
  exitCodeFor,
  fingerprintOf,
  formatIssue,
  gateReportMarkdown,
  hashFiles,
  hubToken,
  inclusionProof,
  keyFingerprint,
  loadCardTemplate,
  loadKeyring,
  loadPrivateKey,
  loadPublicKey,
  manifestSources,
  measureOnnx,
  merkleRoot,
  onnxParity,
  openSources,
  orderSources,
  parseManifestText,
  parseOrder,
  parseSourceUrl,
  planPublish,
  planStages,
  publicKeyPem,
  publishRelease,
  pullRelease,
  quantizeModel,
  quantizeOnnx,
  readAcceptances,
  readBenchResults,
  readOnnx,
  releaseManifestSchema,
  releaseTimestamp,
  renderCard,
  resolveVersion,
  runBenchStage,
  runBenchmark,
  runOnnxExport,
  runPipeline,
  runPipelineIter,
  runRelease,
  runReleaseIter,
  signRelease,
  signatureSchema,
  simulateGate,
  trendChartSvg,
  upsertPullRequestComment,
  validateFrontMatter,
  validateManifestFile,
  validateManifestText,
  validators,
  variantFileName,
  variantFormat,
  verifyInclusion,
  verifyPublished,
  verifyRelease,
  writeOnnx
};
