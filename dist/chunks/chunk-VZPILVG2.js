// src/errors.ts
var ExitCode = {
  ok: 0,
  /** A check failed: invalid manifest, verification mismatch, error budget exceeded, regression. */
  checkFailed: 1,
  /** Bad input or usage: unreadable, malformed or hostile file, unknown flag. */
  badInput: 2,
  /** A remote service failed after retries. */
  remoteFailed: 3
};
var exitCodeOf = {
  MANIFEST_INVALID: ExitCode.checkFailed,
  MANIFEST_UNREADABLE: ExitCode.badInput,
  USAGE: ExitCode.badInput,
  INPUT_MALFORMED: ExitCode.badInput,
  INPUT_UNSUPPORTED: ExitCode.badInput,
  KEY_INVALID: ExitCode.badInput,
  OUTPUT_MISMATCH: ExitCode.checkFailed,
  CARD_INVALID: ExitCode.checkFailed,
  VERIFY_FAILED: ExitCode.checkFailed,
  BUDGET_EXCEEDED: ExitCode.checkFailed,
  REGRESSION: ExitCode.checkFailed,
  REMOTE_FAILED: ExitCode.remoteFailed
};
var ModelPublishError = class extends Error {
  code;
  constructor(code, message, options2) {
    super(message, options2);
    this.name = "ModelPublishError";
    this.code = code;
  }
  get exitCode() {
    return exitCodeOf[this.code];
  }
};
function exitCodeFor(error) {
  return error instanceof ModelPublishError ? error.exitCode : ExitCode.badInput;
}

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
  const sorted2 = [...values].sort((a2, b2) => a2 - b2);
  const position = (sorted2.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted2[low] ?? Number.NaN;
  const b = sorted2[high] ?? Number.NaN;
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
  const all2 = [...a.map((v) => ({ v, fromB: false })), ...b.map((v) => ({ v, fromB: true }))].sort(
    (x, y) => x.v - y.v
  );
  let rankSumB = 0;
  let tieTerm = 0;
  for (let i = 0; i < all2.length; ) {
    let j = i;
    while (j + 1 < all2.length && all2[j + 1]?.v === all2[i]?.v) j++;
    const rank = (i + j) / 2 + 1;
    const count2 = j - i + 1;
    tieTerm += count2 ** 3 - count2;
    for (let k = i; k <= j; k++) if (all2[k]?.fromB) rankSumB += rank;
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
function bootstrapRatioOfMedians(a, b, options2 = {}) {
  const resamples = options2.resamples ?? 1e3;
  const confidence = options2.confidence ?? 0.95;
  const random = new SeededRandom(options2.seed ?? 24301);
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
function compareSamples(baseline, current, options2) {
  const threshold = options2.threshold ?? DEFAULT_THRESHOLD;
  const alpha = options2.alpha ?? DEFAULT_ALPHA;
  const baselineMedian = median(baseline);
  const currentMedian = median(current);
  const change = currentMedian / baselineMedian - 1;
  const ratio = options2.interval === false ? { low: Number.NaN, high: Number.NaN } : bootstrapRatioOfMedians(baseline, current, {
    confidence: options2.confidence ?? 0.95,
    seed: options2.seed ?? 24301
  });
  const test = mannWhitney(baseline, current);
  const lowerIsBetter = options2.direction === "lower-is-better";
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

// src/bench/gate.ts
var MIN_SAMPLES_FOR_TEST = 5;
function keyOf(result) {
  return result.variant ? `${result.name} [${result.variant}]` : result.name;
}
function thresholdOnly(baseline, current, threshold) {
  const baselineMedian = median(baseline.samples);
  const currentMedian = median(current.samples);
  const change = currentMedian / baselineMedian - 1;
  const worse = current.direction === "lower-is-better" ? change : -change;
  return {
    verdict: worse > threshold ? "regression" : -worse > threshold ? "improvement" : "unchanged",
    baselineMedian,
    currentMedian,
    change,
    interval: { low: change, high: change },
    pWorse: Number.NaN,
    threshold,
    alpha: Number.NaN
  };
}
function evaluateGate(baseline, current, options2 = {}) {
  if (!baseline) {
    return {
      verdict: "no-baseline",
      reason: "no baseline results for this model on this hardware",
      metrics: [],
      regressions: []
    };
  }
  if (baseline.fingerprint?.hash !== current.fingerprint?.hash) {
    return {
      verdict: "no-baseline",
      reason: `the baseline was measured on other hardware (${baseline.fingerprint?.hash ?? "unknown"} vs ${current.fingerprint?.hash ?? "unknown"}); results from different hardware are never compared`,
      metrics: [],
      regressions: []
    };
  }
  const byKey = new Map(baseline.results.map((r) => [keyOf(r), r]));
  const metrics = current.results.map((result) => {
    const key = keyOf(result);
    const base = {
      key,
      name: result.name,
      unit: result.unit,
      direction: result.direction,
      ...result.variant ? { variant: result.variant } : {}
    };
    const settings = options2.metrics?.[result.name];
    if (settings?.ignore) return { ...base, status: "ignored" };
    const previous = byKey.get(key);
    if (!previous || previous.direction !== result.direction) return { ...base, status: "new" };
    const threshold = settings?.threshold ?? result.threshold ?? options2.threshold ?? DEFAULT_THRESHOLD;
    const tested = previous.samples.length >= MIN_SAMPLES_FOR_TEST && result.samples.length >= MIN_SAMPLES_FOR_TEST;
    const comparison = tested ? compareSamples(previous.samples, result.samples, { direction: result.direction, threshold }) : thresholdOnly(previous, result, threshold);
    const note = tested ? void 0 : "too few samples for a test: threshold only";
    const acceptance = options2.accepted?.get(key) ?? options2.accepted?.get(result.name) ?? options2.accepted?.get("*");
    if (comparison.verdict === "regression" && acceptance) {
      return { ...base, status: "accepted", comparison, note: `accepted by ${acceptance}` };
    }
    return { ...base, status: comparison.verdict, comparison, ...note ? { note } : {} };
  });
  const regressions = metrics.filter((m) => m.status === "regression").map((m) => m.key);
  return { verdict: regressions.length > 0 ? "fail" : "pass", metrics, regressions };
}

// src/sign/canonical-json.ts
function compareUtf16(a, b) {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = a.charCodeAt(i) - b.charCodeAt(i);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}
function fail(where, what) {
  throw new ModelPublishError(
    "INPUT_MALFORMED",
    `canonical JSON: ${what} at ${where === "" ? "(root)" : where}; only I-JSON values (RFC 7493) can be signed`
  );
}
function checkString(text2, where) {
  for (let i = 0; i < text2.length; i++) {
    const unit = text2.charCodeAt(i);
    if (unit >= 55296 && unit <= 56319) {
      const next = text2.charCodeAt(i + 1);
      if (next >= 56320 && next <= 57343) {
        i++;
        continue;
      }
      fail(where, `a lone surrogate (U+${unit.toString(16).toUpperCase()})`);
    }
    if (unit >= 56320 && unit <= 57343) {
      fail(where, `a lone surrogate (U+${unit.toString(16).toUpperCase()})`);
    }
  }
}
function serialise(value, where) {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) fail(where, `the number ${String(value)}`);
      return JSON.stringify(value);
    case "string":
      checkString(value, where);
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) {
        const items = value;
        return `[${items.map((item, index) => serialise(item, `${where}/${index}`)).join(",")}]`;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) fail(where, "a non-plain object");
      const entries2 = Object.entries(value).filter(([, member]) => member !== void 0).sort(([a], [b]) => compareUtf16(a, b));
      const members = entries2.map(([key, member]) => {
        const at = `${where}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
        checkString(key, at);
        return `${JSON.stringify(key)}:${serialise(member, at)}`;
      });
      return `{${members.join(",")}}`;
    }
    case "bigint":
    case "function":
    case "symbol":
    case "undefined":
      return fail(where, `a ${typeof value} value`);
  }
  return fail(where, "an unknown value");
}
function canonicalJson(value) {
  return serialise(value, "");
}
function canonicalJsonBytes(value) {
  return Buffer.from(canonicalJson(value), "utf8");
}

// src/bench/fingerprint.ts
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpus, platform, arch } from "node:os";
import { promisify } from "node:util";
var run = promisify(execFile);
async function probeNvidiaGpu(command = "nvidia-smi") {
  try {
    const query = await run(command, ["--query-gpu=name,driver_version", "--format=csv,noheader"], {
      timeout: 1e4
    });
    const [gpu, driver] = (query.stdout.split("\n")[0] ?? "").split(",").map((s) => s.trim());
    if (!gpu || !driver) return void 0;
    const banner = await run(command, [], { timeout: 1e4 }).catch(() => ({ stdout: "" }));
    const cuda = /CUDA Version:\s*([\d.]+)/.exec(banner.stdout)?.[1];
    return { gpu, driver, ...cuda ? { cuda } : {} };
  } catch {
    return void 0;
  }
}
function fingerprintOf(parts2) {
  const first = cpus()[0];
  const described = {
    cpu: parts2.cpu ?? first?.model.trim() ?? "unknown",
    cores: parts2.cores ?? Math.max(1, cpus().length),
    platform: `${platform()}-${arch()}`,
    ...parts2.gpu ? { gpu: parts2.gpu.gpu, driver: parts2.gpu.driver } : {},
    ...parts2.gpu?.cuda ? { cuda: parts2.gpu.cuda } : {},
    runtime: parts2.runtime,
    provider: parts2.provider
  };
  const hash = createHash("sha256").update(canonicalJson(described)).digest("hex").slice(0, 16);
  return { hash, ...described };
}
function describeFingerprint(fingerprint) {
  const device = fingerprint.gpu ? `${fingerprint.gpu} (driver ${fingerprint.driver ?? "?"}${fingerprint.cuda ? `, CUDA ${fingerprint.cuda}` : ""})` : `${fingerprint.cpu} ×${fingerprint.cores}`;
  return [device, fingerprint.provider, fingerprint.runtime].filter(Boolean).join(" · ");
}

// src/bench/report-markdown.ts
var COMMENT_MARKER = "<!-- model-publish:bench -->";
var STATUS = {
  regression: "❌ regression",
  improvement: "✅ improvement",
  unchanged: "➖ unchanged",
  accepted: "⚠️ accepted",
  new: "🆕 new",
  ignored: "ignored"
};
function figure(value) {
  if (!Number.isFinite(value)) return "—";
  const magnitude = Math.abs(value);
  return magnitude >= 100 ? value.toFixed(0) : magnitude >= 1 ? value.toFixed(2) : value.toPrecision(3);
}
function percent(change) {
  return `${change >= 0 ? "+" : ""}${(100 * change).toFixed(1)}%`;
}
function row(metric) {
  const c = metric.comparison;
  const name = metric.variant ? `${metric.name} (${metric.variant})` : metric.name;
  if (!c) return `| ${name} | ${metric.unit} | — | — | — | ${STATUS[metric.status]} |`;
  const interval = Number.isNaN(c.interval.low) || c.interval.low === c.interval.high ? "" : ` [${percent(c.interval.low)}, ${percent(c.interval.high)}]`;
  const note = metric.note ? ` — ${metric.note}` : "";
  return `| ${name} | ${metric.unit} | ${figure(c.baselineMedian)} | ${figure(c.currentMedian)} | ${percent(c.change)}${interval} | ${STATUS[metric.status]}${note} |`;
}
function gateReportMarkdown(gate, current, chartMarkdown = "") {
  const headline = gate.verdict === "fail" ? `❌ **Benchmark regression**: ${gate.regressions.join(", ")}` : gate.verdict === "pass" ? "✅ **No benchmark regression**" : `ℹ️ **No baseline to compare with**: ${gate.reason ?? ""}`;
  const lines = [COMMENT_MARKER, "### model-publish benchmarks", "", headline, ""];
  if (current.fingerprint) lines.push(`Hardware: ${describeFingerprint(current.fingerprint)}`, "");
  if (gate.metrics.length > 0) {
    lines.push(
      "| metric | unit | baseline (median) | this run (median) | change [95% interval] | verdict |",
      "| --- | --- | ---: | ---: | --- | --- |",
      ...gate.metrics.map(row),
      ""
    );
  }
  const latency = current.results.filter((r) => r.name.startsWith("latency"));
  for (const result of latency) {
    lines.push(
      `${result.name}${result.variant ? ` (${result.variant})` : ""}: p50 ${figure(quantile(result.samples, 0.5))} · p90 ${figure(quantile(result.samples, 0.9))} · p99 ${figure(quantile(result.samples, 0.99))} ${result.unit} over ${result.samples.length} runs`
    );
  }
  if (latency.length > 0) lines.push("");
  lines.push(
    "A regression is a change that is both significant (Mann–Whitney, one-sided, α = 0.01) and larger than the metric's threshold. Accept an intended one with a `bench-accept:<metric>` label or a `Bench-Accept: <metric>` commit trailer."
  );
  if (chartMarkdown) lines.push("", chartMarkdown);
  return `${lines.join("\n")}
`;
}

// src/manifest/issue.ts
function formatIssue(issue) {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const pointer = issue.pointer === "" ? "(document)" : issue.pointer;
  const expected = issue.expected ? `
    expected: ${issue.expected}` : "";
  return `${where}: ${issue.message} at ${pointer}${expected}
    fix: ${issue.fix}`;
}
function sortIssues(issues) {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}

// src/manifest/parse.ts
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";

// src/manifest/pointer.ts
function escapeSegment(segment) {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}
function joinPointer(parent, segment) {
  return `${parent}/${escapeSegment(segment)}`;
}
function parentPointer(pointer) {
  const cut = pointer.lastIndexOf("/");
  return cut <= 0 ? "" : pointer.slice(0, cut);
}
function valueAt(data, pointer) {
  if (pointer === "") return data;
  let current = data;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (current === null || typeof current !== "object") return void 0;
    current = current[segment];
  }
  return current;
}

// src/manifest/parse.ts
var START = { line: 1, column: 1 };
function parseManifestText(text2, file) {
  const format = /\.json$/i.test(file) ? "json" : "yaml";
  if (format === "json") {
    const jsonIssue = checkStrictJson(text2, file);
    if (jsonIssue) return { ok: false, issues: [jsonIssue] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text2, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
        return {
          kind: "syntax",
          file,
          line: pos.line,
          column: pos.col,
          pointer: "",
          message: firstLine(error.message).replace(/ at line \d+, column \d+:?$/, ""),
          fix: syntaxFix(error.code)
        };
      })
    };
  }
  const positions = /* @__PURE__ */ new Map();
  const toPosition = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let data;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          kind: "syntax",
          file,
          line: 1,
          column: 1,
          pointer: "",
          message: `cannot expand the document: ${error instanceof Error ? error.message : String(error)}`,
          fix: "write the values out instead of nesting YAML aliases (*name) many levels deep"
        }
      ]
    };
  }
  if (doc.contents) record(doc.contents, "", void 0, text2, toPosition, positions);
  const manifest = {
    file,
    format,
    data,
    locate(pointer, part = "value") {
      for (let p = pointer; ; p = parentPointer(p)) {
        const found = positions.get(p);
        if (found) return (part === "key" ? found.key : void 0) ?? found.value;
        if (p === "") return START;
      }
    },
    rawText: (pointer) => positions.get(pointer)?.raw
  };
  return { ok: true, manifest };
}
function record(node2, pointer, key, text2, toPosition, into) {
  const empty2 = !node2.range || node2.range[0] === node2.range[1];
  const start = node2.range && !empty2 ? toPosition(node2.range[0]) : key ?? START;
  const raw = isScalar(node2) && node2.range ? text2.slice(node2.range[0], node2.range[1]) : void 0;
  into.set(pointer, { key, value: start, raw });
  if (isMap(node2)) {
    for (const pair of node2.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key;
      const name = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const keyPos = keyNode?.range ? toPosition(keyNode.range[0]) : start;
      const child = joinPointer(pointer, name);
      const value = pair.value;
      if (value) record(value, child, keyPos, text2, toPosition, into);
      else into.set(child, { key: keyPos, value: keyPos });
    }
  } else if (isSeq(node2)) {
    node2.items.forEach((item, index) => {
      if (item)
        record(item, joinPointer(pointer, index), void 0, text2, toPosition, into);
    });
  }
}
function checkStrictJson(text2, file) {
  try {
    JSON.parse(text2);
    return void 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? text2.length);
    const before = text2.slice(0, offset).split("\n");
    return {
      kind: "syntax",
      file,
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1,
      pointer: "",
      message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, "").replace(/ \(line \d+ column \d+\)$/, "")}`,
      fix: "check the brackets, commas and quotes around this place (JSON allows no trailing commas or comments), or write the manifest in YAML"
    };
  }
}
function firstLine(message) {
  return message.split("\n")[0] ?? message;
}
function syntaxFix(code) {
  switch (code) {
    case "DUPLICATE_KEY":
      return "remove or rename one of the repeated keys";
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN":
      return "check the indentation and punctuation on this line (YAML indents with spaces, not tabs)";
    case "TAB_AS_INDENT":
      return "indent with spaces; YAML does not allow tabs for indentation";
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return "put a space after the colon of `key: value` and quote values that contain `: `";
    default:
      return "fix the YAML syntax at this place; quote values that contain `:`, `#`, `{` or `[`";
  }
}

// src/manifest/schemas.generated.ts
var authoredManifestSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://model-publish.dev/schemas/authored-manifest.schema.json",
  "title": "AuthoredManifest",
  "description": "The manifest a user writes (YAML or JSON) to describe a model release: identity, card metadata, sources, variants, destinations, signing and benchmarks.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "id",
    "name",
    "version",
    "type",
    "license",
    "sources"
  ],
  "properties": {
    "$schema": {
      "type": "string",
      "description": "Optional schema reference for editors."
    },
    "id": {
      "type": "string",
      "description": "Model id: lower-case letters, digits, '.', '_' and '-'; starts with a letter or digit. Used in file names ({id}-{size}-{quant}.{ext}) and storage paths.",
      "pattern": "^[a-z0-9][a-z0-9._-]{0,95}$",
      "examples": [
        "ruvltra-0.5b"
      ]
    },
    "name": {
      "type": "string",
      "minLength": 1,
      "description": "Human-readable model name.",
      "examples": [
        "RuvLTRA 0.5B"
      ]
    },
    "version": {
      "type": "string",
      "description": "Release version: a semantic version MAJOR.MINOR.PATCH (pre-release and build parts allowed), or `from-tag` to take it from the pushed tag (v1.2.3 → 1.2.3).",
      "pattern": "^(from-tag|(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-((0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(\\+([0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*))?)$",
      "examples": [
        "1.0.0",
        "from-tag"
      ]
    },
    "type": {
      "type": "string",
      "description": "What the model does (seed 003 §2).",
      "enum": [
        "text-generation",
        "embedding",
        "vision",
        "image-generation",
        "image-classification",
        "audio",
        "other"
      ],
      "examples": [
        "text-generation"
      ]
    },
    "family": {
      "type": "string",
      "description": "Model family, e.g. `llama`, `qwen2`, `phi`.",
      "examples": [
        "qwen2"
      ]
    },
    "size": {
      "type": "string",
      "description": "Size label used in artifact file names ({id}-{size}-{quant}.gguf), e.g. `0.5b`.",
      "pattern": "^[0-9]+(\\.[0-9]+)?[kmbt]$",
      "examples": [
        "0.5b"
      ]
    },
    "description": {
      "type": "string",
      "description": "One or more paragraphs for the model card's description section."
    },
    "capabilities": {
      "type": "array",
      "description": "What the model is good at, one line each (model card).",
      "items": {
        "type": "string"
      }
    },
    "architecture": {
      "$ref": "#/$defs/architecture"
    },
    "license": {
      "type": "string",
      "description": "License id as the Hugging Face Hub knows it (SPDX-like, lower-case: `apache-2.0`, `mit`, `llama3.1`), or `other` with `licenseName` and `licenseLink`.",
      "minLength": 1,
      "examples": [
        "apache-2.0"
      ]
    },
    "licenseName": {
      "type": "string",
      "description": "Name of a custom license (with `license: other`)."
    },
    "licenseLink": {
      "type": "string",
      "format": "uri-reference",
      "description": "Link to a custom license (with `license: other`): a URL or a file in the repository, e.g. `LICENSE.md`."
    },
    "homepage": {
      "type": "string",
      "format": "uri",
      "examples": [
        "https://github.com/org/model"
      ]
    },
    "citation": {
      "type": "string",
      "description": "BibTeX entry for the model card's citation section."
    },
    "requirements": {
      "$ref": "#/$defs/requirements"
    },
    "adapters": {
      "$ref": "#/$defs/adapters"
    },
    "card": {
      "$ref": "#/$defs/card"
    },
    "sources": {
      "$ref": "#/$defs/sources"
    },
    "convert": {
      "$ref": "#/$defs/convert"
    },
    "variants": {
      "type": "array",
      "description": "Quantized or converted variants to build; each is checked against its error budget.",
      "items": {
        "$ref": "#/$defs/variant"
      }
    },
    "destinations": {
      "$ref": "#/$defs/destinations"
    },
    "signing": {
      "$ref": "#/$defs/signing"
    },
    "bench": {
      "$ref": "#/$defs/bench"
    }
  },
  "if": {
    "properties": {
      "license": {
        "const": "other"
      }
    },
    "required": [
      "license"
    ]
  },
  "then": {
    "required": [
      "licenseName",
      "licenseLink"
    ]
  },
  "$defs": {
    "path": {
      "type": "string",
      "description": "A file path; a relative one starts from the manifest's folder.",
      "minLength": 1
    },
    "architecture": {
      "type": "object",
      "description": "Architecture facts for the card's table and the release manifest (seed 003 §4.4).",
      "additionalProperties": false,
      "required": [
        "type"
      ],
      "properties": {
        "type": {
          "type": "string",
          "description": "e.g. `transformer`, `cnn`, `diffusion-transformer`.",
          "examples": [
            "transformer"
          ]
        },
        "name": {
          "type": "string",
          "description": "Architecture class as in config.json, e.g. `Qwen2ForCausalLM`."
        },
        "parameters": {
          "type": "integer",
          "minimum": 1,
          "description": "Parameter count."
        },
        "layers": {
          "type": "integer",
          "minimum": 1
        },
        "hiddenSize": {
          "type": "integer",
          "minimum": 1
        },
        "intermediateSize": {
          "type": "integer",
          "minimum": 1
        },
        "attentionHeads": {
          "type": "integer",
          "minimum": 1
        },
        "kvHeads": {
          "type": "integer",
          "minimum": 1
        },
        "vocabSize": {
          "type": "integer",
          "minimum": 1
        },
        "contextLength": {
          "type": "integer",
          "minimum": 1
        },
        "patchSize": {
          "type": "integer",
          "minimum": 1
        },
        "imageSize": {
          "type": "integer",
          "minimum": 1
        }
      }
    },
    "requirements": {
      "type": "object",
      "description": "Runtime requirements (seed 003 §4.4).",
      "additionalProperties": false,
      "properties": {
        "minMemory": {
          "type": "integer",
          "minimum": 0,
          "description": "Bytes of memory needed to run the smallest variant."
        },
        "simdRequired": {
          "type": "boolean"
        },
        "webgpuOptional": {
          "type": "boolean"
        },
        "gpu": {
          "type": "string",
          "description": "Recommended GPU, e.g. `NVIDIA T4 (16 GB)`."
        },
        "browserSupport": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "examples": [
            [
              "chrome-88",
              "firefox-89"
            ]
          ]
        }
      }
    },
    "adapters": {
      "type": "object",
      "description": "LoRA adapter slots (seed 003 §5).",
      "additionalProperties": false,
      "properties": {
        "baseRank": {
          "type": "integer",
          "minimum": 1,
          "maximum": 256
        },
        "microRank": {
          "type": "integer",
          "minimum": 1,
          "maximum": 64
        },
        "slots": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "uniqueItems": true
        }
      }
    },
    "stringOrList": {
      "type": [
        "string",
        "array"
      ],
      "description": "A string or a list of strings.",
      "items": {
        "type": "string"
      }
    },
    "card": {
      "type": "object",
      "description": "Model card metadata. Keys are spelled as in Hugging Face model-card front matter so they can be copied from an existing card.",
      "additionalProperties": false,
      "properties": {
        "template": {
          "$ref": "#/$defs/path",
          "description": "A Jinja model-card template that replaces the default one."
        },
        "tags": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "uniqueItems": true
        },
        "datasets": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "uniqueItems": true
        },
        "metrics": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "uniqueItems": true
        },
        "language": {
          "$ref": "#/$defs/stringOrList"
        },
        "library_name": {
          "type": "string",
          "examples": [
            "transformers"
          ]
        },
        "pipeline_tag": {
          "type": "string",
          "examples": [
            "text-generation"
          ]
        },
        "base_model": {
          "$ref": "#/$defs/stringOrList"
        },
        "base_model_relation": {
          "type": "string",
          "enum": [
            "adapter",
            "merge",
            "quantized",
            "finetune"
          ]
        },
        "authors": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "sources": {
      "type": "object",
      "description": "Where the training job left the model, relative to the manifest's folder.",
      "additionalProperties": false,
      "minProperties": 1,
      "properties": {
        "checkpoint": {
          "$ref": "#/$defs/path",
          "description": "PyTorch checkpoint (.pt, .pth, .bin; zip or legacy) or a sharded `pytorch_model.bin.index.json`.",
          "examples": [
            "checkpoints/model.pt"
          ]
        },
        "weightsKey": {
          "type": "string",
          "description": "Key of the nested state dict inside a checkpoint dict, e.g. `state_dict`, `model` or `ema`.",
          "examples": [
            "ema"
          ]
        },
        "safetensors": {
          "$ref": "#/$defs/path",
          "description": "Existing safetensors weights (skips conversion)."
        },
        "onnx": {
          "$ref": "#/$defs/path",
          "description": "An ONNX export of the model.",
          "examples": [
            "onnx/model.onnx"
          ]
        },
        "export": {
          "$ref": "#/$defs/exportHook"
        },
        "sampleInputs": {
          "$ref": "#/$defs/path",
          "description": "A .npz file of sample inputs (one array per ONNX input name) for the parity check of ONNX variants; without it, inputs are generated from the model's input shapes with a fixed seed."
        },
        "config": {
          "$ref": "#/$defs/path",
          "examples": [
            "config.json"
          ]
        },
        "tokenizer": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/path"
          },
          "examples": [
            [
              "tokenizer.json",
              "tokenizer_config.json"
            ]
          ]
        }
      }
    },
    "exportHook": {
      "type": "object",
      "description": "A command that exports ONNX from the checkpoint (it needs the model's code) and writes reference outputs to check it against.",
      "additionalProperties": false,
      "required": [
        "command",
        "output"
      ],
      "properties": {
        "command": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "python export_onnx.py --out build/model.onnx"
          ]
        },
        "output": {
          "$ref": "#/$defs/path",
          "description": "The ONNX file the command writes."
        },
        "referenceInputs": {
          "$ref": "#/$defs/path"
        },
        "referenceOutputs": {
          "$ref": "#/$defs/path"
        }
      }
    },
    "convert": {
      "type": "object",
      "description": "How the checkpoint becomes safetensors.",
      "additionalProperties": false,
      "properties": {
        "shardSize": {
          "type": "string",
          "description": "Largest safetensors shard, e.g. `5GB` or `500MB`; a model below it is written as one file.",
          "pattern": "^[0-9]+(\\.[0-9]+)?(B|KB|MB|GB|KiB|MiB|GiB)$",
          "examples": [
            "5GB"
          ]
        }
      }
    },
    "budget": {
      "type": "object",
      "description": "The error budget a variant must meet; a variant outside it fails the run.",
      "additionalProperties": false,
      "minProperties": 1,
      "properties": {
        "minCosine": {
          "type": "number",
          "minimum": -1,
          "maximum": 1,
          "examples": [
            0.999
          ]
        },
        "maxAbsError": {
          "type": "number",
          "minimum": 0
        },
        "maxMeanAbsError": {
          "type": "number",
          "minimum": 0
        },
        "maxRmse": {
          "type": "number",
          "minimum": 0
        }
      }
    },
    "variant": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "scheme"
      ],
      "properties": {
        "scheme": {
          "type": "string",
          "description": "Quantization or conversion scheme.",
          "enum": [
            "f16",
            "bf16",
            "int8",
            "int4",
            "q8_0",
            "q4_0",
            "q4_k",
            "q4_k_m",
            "q6_k",
            "onnx-int8",
            "onnx-int4",
            "onnx-fp16"
          ],
          "examples": [
            "q4_k_m"
          ]
        },
        "budget": {
          "$ref": "#/$defs/budget"
        },
        "format": {
          "type": "string",
          "enum": [
            "safetensors",
            "gguf"
          ],
          "description": "Container of an f16 or bf16 variant (default safetensors); the ggml schemes are always GGUF, int8 and int4 always safetensors."
        },
        "groupSize": {
          "type": "integer",
          "enum": [
            32,
            64,
            128,
            256
          ],
          "description": "Group size for int4 safetensors."
        },
        "blockSize": {
          "type": "integer",
          "enum": [
            32,
            128
          ],
          "description": "Block size for onnx-int4 (MatMulNBits)."
        },
        "symmetric": {
          "type": "boolean",
          "description": "Symmetric (no zero point) quantization for onnx-int4."
        },
        "form": {
          "type": "string",
          "enum": [
            "weight-only",
            "dynamic"
          ],
          "description": "onnx-int8 form: DequantizeLinear weights, or DynamicQuantizeLinear → MatMulInteger."
        },
        "exclude": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "ONNX node names left unquantized."
        },
        "branch": {
          "type": "string",
          "description": "Publish this variant on a Hub branch instead of the main one (experimental variants).",
          "pattern": "^[A-Za-z0-9._/-]+$"
        }
      }
    },
    "destinations": {
      "type": "object",
      "description": "Where the release goes. Tokens are never written here: they come from the environment.",
      "additionalProperties": false,
      "minProperties": 1,
      "properties": {
        "huggingface": {
          "$ref": "#/$defs/huggingface"
        },
        "gcs": {
          "$ref": "#/$defs/gcs"
        },
        "ipfs": {
          "$ref": "#/$defs/ipfs"
        }
      }
    },
    "huggingface": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "repo"
      ],
      "properties": {
        "repo": {
          "type": "string",
          "description": "Hub repository `owner/name`.",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$",
          "examples": [
            "ruv/ruvltra"
          ]
        },
        "branch": {
          "type": "string",
          "default": "main",
          "pattern": "^[A-Za-z0-9._/-]+$"
        },
        "private": {
          "type": "boolean",
          "default": false
        }
      }
    },
    "gcs": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "bucket"
      ],
      "properties": {
        "bucket": {
          "type": "string",
          "description": "Bucket name.",
          "pattern": "^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$",
          "examples": [
            "edge-net-models"
          ]
        },
        "prefix": {
          "type": "string",
          "description": "Folder inside the bucket; objects go to {prefix}/{id}/v{version}/{file}.",
          "pattern": "^([^/](.*[^/])?)?$",
          "examples": [
            "models"
          ]
        },
        "publicBaseUrl": {
          "type": "string",
          "format": "uri",
          "description": "The CDN URL in front of the bucket, for links in the card and manifest."
        }
      }
    },
    "ipfsProvider": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type"
      ],
      "properties": {
        "type": {
          "type": "string",
          "enum": [
            "kubo",
            "pinning-service",
            "storacha"
          ]
        },
        "url": {
          "type": "string",
          "format": "uri",
          "description": "Endpoint URL (Kubo RPC API, Pinning Service API, or for storacha the upload service, default `https://up.storacha.network`)."
        },
        "tokenEnv": {
          "type": "string",
          "pattern": "^[A-Z_][A-Z0-9_]*$",
          "description": "Name of the environment variable that holds the provider's token."
        },
        "key": {
          "type": "string",
          "pattern": "^env:[A-Za-z_][A-Za-z0-9_]*$",
          "description": "storacha: where the agent's private key comes from (what `storacha key create` prints), as `env:NAME`. Default `env:STORACHA_KEY`.",
          "examples": [
            "env:STORACHA_KEY"
          ]
        },
        "proof": {
          "type": "string",
          "pattern": "^(env:[A-Za-z_][A-Za-z0-9_]*|file:[^\\s]+)$",
          "description": "storacha: where the space's delegation to the agent comes from (what `storacha delegation create <agent> --can space/blob/add --can space/index/add --can filecoin/offer --can upload/add --can upload/get --base64` prints), as `env:NAME` or `file:PATH`. Default `env:STORACHA_PROOF`.",
          "examples": [
            "env:STORACHA_PROOF"
          ]
        },
        "space": {
          "type": "string",
          "pattern": "^did:key:z[1-9A-HJ-NP-Za-km-z]+$",
          "description": "storacha: the space to upload to; default the one space the proof delegates."
        },
        "serviceDid": {
          "type": "string",
          "pattern": "^did:(web|key):[^\\s]+$",
          "description": "storacha: the DID of the upload service at `url`. Default `did:web:up.storacha.network`."
        }
      }
    },
    "ipfs": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "providers"
      ],
      "properties": {
        "providers": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/ipfsProvider"
          }
        },
        "gateways": {
          "type": "array",
          "items": {
            "type": "string",
            "format": "uri"
          },
          "examples": [
            [
              "https://ipfs.io"
            ]
          ]
        }
      }
    },
    "signing": {
      "type": "object",
      "description": "Who signs the release and where the private key comes from. The key itself never goes in the manifest.",
      "additionalProperties": false,
      "required": [
        "keyId",
        "key"
      ],
      "properties": {
        "keyId": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "ruvector-team"
          ]
        },
        "key": {
          "type": "string",
          "description": "Where the Ed25519 private key comes from: `env:NAME` (an environment variable, e.g. a repository secret) or `file:PATH`.",
          "pattern": "^(env:[A-Za-z_][A-Za-z0-9_]*|file:[^\\s]+)$",
          "examples": [
            "env:MODEL_SIGNING_KEY"
          ]
        },
        "publicKey": {
          "type": "string",
          "description": "Base64 public key that verifiers should trust; checked against the private key at signing time.",
          "pattern": "^[A-Za-z0-9+/]{43}=$"
        }
      }
    },
    "bench": {
      "type": "object",
      "description": "Benchmark settings for the pull-request gate.",
      "additionalProperties": false,
      "properties": {
        "provider": {
          "type": "string",
          "enum": [
            "auto",
            "cpu",
            "cuda",
            "tensorrt"
          ],
          "default": "auto"
        },
        "iterations": {
          "type": "integer",
          "minimum": 5,
          "maximum": 1e5,
          "default": 100
        },
        "warmup": {
          "type": "integer",
          "minimum": 0,
          "maximum": 1e4,
          "default": 5
        },
        "batchSizes": {
          "type": "array",
          "items": {
            "type": "integer",
            "minimum": 1
          },
          "minItems": 1,
          "uniqueItems": true
        },
        "sequenceLength": {
          "type": "integer",
          "minimum": 1,
          "description": "Tokens per item, for tokens/s on language models."
        },
        "threshold": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 1,
          "default": 0.05,
          "description": "Smallest relative change that counts as a regression (0.05 = 5%)."
        },
        "metrics": {
          "type": "object",
          "description": "Per-metric overrides, keyed by metric name.",
          "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "threshold": {
                "type": "number",
                "exclusiveMinimum": 0,
                "maximum": 1
              },
              "ignore": {
                "type": "boolean"
              }
            }
          }
        },
        "command": {
          "type": "string",
          "description": "A custom benchmark command that writes bench-result JSON files."
        }
      }
    }
  }
};
var releaseManifestSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://model-publish.dev/schemas/release-manifest.schema.json",
  "title": "ReleaseManifest",
  "description": "manifest.json of a release folder (seed 003 §4.4 shape): what was built, where it went, and the digests the signature covers.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "id",
    "name",
    "version",
    "type",
    "artifacts"
  ],
  "properties": {
    "$schema": {
      "type": "string"
    },
    "id": {
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9._-]{0,95}$"
    },
    "name": {
      "type": "string",
      "minLength": 1
    },
    "version": {
      "type": "string",
      "description": "Semantic version of the release.",
      "pattern": "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-((0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(\\+([0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*))?$"
    },
    "type": {
      "type": "string",
      "minLength": 1
    },
    "family": {
      "type": "string"
    },
    "description": {
      "type": "string"
    },
    "architecture": {
      "type": "object",
      "required": [
        "type"
      ],
      "properties": {
        "type": {
          "type": "string"
        }
      },
      "additionalProperties": {
        "type": [
          "integer",
          "number",
          "string",
          "boolean"
        ]
      }
    },
    "optimization": {
      "type": "object",
      "description": "How the artifacts were optimized. The seed's single-variant fields, plus one entry per variant.",
      "properties": {
        "quantization": {
          "type": "string"
        },
        "format": {
          "type": "string"
        },
        "groupSize": {
          "type": "integer",
          "minimum": 1
        },
        "originalSize": {
          "type": [
            "string",
            "integer"
          ]
        },
        "optimizedSize": {
          "type": [
            "string",
            "integer"
          ]
        },
        "variants": {
          "type": "array",
          "items": {
            "type": "object",
            "required": [
              "scheme",
              "files"
            ],
            "properties": {
              "scheme": {
                "type": "string"
              },
              "files": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "size": {
                "type": "integer",
                "minimum": 0
              },
              "compressionRatio": {
                "type": "number",
                "exclusiveMinimum": 0
              },
              "metrics": {
                "type": "object",
                "additionalProperties": {
                  "type": "number"
                }
              }
            }
          }
        }
      }
    },
    "artifacts": {
      "type": "object",
      "description": "Files of the release keyed by role or path. `sha256` is hex; documentation examples abbreviate it with `...`, which verification refuses.",
      "minProperties": 1,
      "additionalProperties": {
        "$ref": "#/$defs/artifact"
      }
    },
    "merkleRoot": {
      "type": "string",
      "pattern": "^[0-9a-f]{64}$",
      "description": "RFC 6962 Merkle Tree Hash over the release files (hex)."
    },
    "timestamp": {
      "type": "string",
      "format": "date-time"
    },
    "distribution": {
      "type": "object",
      "properties": {
        "primary": {
          "$ref": "#/$defs/location"
        },
        "fallback": {
          "$ref": "#/$defs/location"
        },
        "mirrors": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/location"
          }
        }
      }
    },
    "ipfs": {
      "type": "object",
      "description": "The UnixFS settings the CID was computed with.",
      "properties": {
        "cid": {
          "type": "string"
        },
        "cidVersion": {
          "const": 1
        },
        "rawLeaves": {
          "type": "boolean"
        },
        "chunkSize": {
          "type": "integer"
        },
        "maxChildrenPerNode": {
          "type": "integer"
        },
        "layout": {
          "type": "string"
        },
        "wrapDirectory": {
          "type": "boolean"
        }
      }
    },
    "requirements": {
      "type": "object",
      "properties": {
        "minMemory": {
          "type": "integer",
          "minimum": 0
        },
        "simdRequired": {
          "type": "boolean"
        },
        "webgpuOptional": {
          "type": "boolean"
        },
        "gpu": {
          "type": "string"
        },
        "browserSupport": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "adapters": {
      "type": "object",
      "properties": {
        "baseRank": {
          "type": "integer",
          "minimum": 1
        },
        "microRank": {
          "type": "integer",
          "minimum": 1
        },
        "slots": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "benchmarks": {
      "type": "object",
      "description": "Benchmark and quality figures; nested objects group figures by runtime, variant or hardware.",
      "additionalProperties": {
        "$ref": "#/$defs/benchmarkValue"
      }
    },
    "training": {
      "type": "object",
      "description": "Scalars carried from the checkpoint (step, loss, …).",
      "additionalProperties": {
        "type": [
          "number",
          "string",
          "boolean"
        ]
      }
    },
    "license": {
      "type": "string",
      "minLength": 1
    },
    "homepage": {
      "type": "string",
      "format": "uri"
    },
    "publishedAt": {
      "type": "string",
      "format": "date-time"
    },
    "publishedBy": {
      "type": "string"
    }
  },
  "$defs": {
    "artifact": {
      "type": "object",
      "required": [
        "filename",
        "size",
        "sha256"
      ],
      "properties": {
        "filename": {
          "type": "string",
          "minLength": 1
        },
        "size": {
          "type": "integer",
          "minimum": 0
        },
        "sha256": {
          "type": "string",
          "pattern": "^[0-9a-f]{1,64}(\\.\\.\\.)?$"
        },
        "signature": {
          "type": "string"
        },
        "format": {
          "type": "string"
        },
        "variant": {
          "type": "string"
        }
      }
    },
    "location": {
      "type": "object",
      "required": [
        "type"
      ],
      "properties": {
        "type": {
          "type": "string",
          "enum": [
            "gcs",
            "ipfs",
            "huggingface"
          ]
        },
        "baseUrl": {
          "type": "string",
          "format": "uri"
        },
        "region": {
          "type": "string"
        },
        "cid": {
          "type": "string",
          "pattern": "^(Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z0-9]{20,})$"
        },
        "gateways": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "repo": {
          "type": "string"
        },
        "revision": {
          "type": "string"
        }
      }
    },
    "benchmarkValue": {
      "type": [
        "number",
        "object"
      ],
      "additionalProperties": {
        "$ref": "#/$defs/benchmarkValue"
      }
    }
  }
};
var signatureSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://model-publish.dev/schemas/signature.schema.json",
  "title": "ReleaseSignature",
  "description": "manifest.sig.json (seed 003 App. C): the signed object, its Ed25519 signature over the object's RFC 8785 canonical JSON, and the public key.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "manifest",
    "signature",
    "publicKey",
    "keyId"
  ],
  "properties": {
    "manifest": {
      "type": "object",
      "title": "SignedManifest",
      "additionalProperties": false,
      "required": [
        "id",
        "version",
        "artifacts",
        "merkleRoot",
        "timestamp"
      ],
      "properties": {
        "id": {
          "type": "string",
          "pattern": "^[a-z0-9][a-z0-9._-]{0,95}$"
        },
        "version": {
          "type": "string",
          "minLength": 1
        },
        "artifacts": {
          "type": "object",
          "description": "Every file of the release except manifest.json and manifest.sig.json, keyed by path relative to the release folder with `/`.",
          "minProperties": 1,
          "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "sha256",
              "size"
            ],
            "properties": {
              "sha256": {
                "type": "string",
                "pattern": "^[0-9a-f]{64}$"
              },
              "size": {
                "type": "integer",
                "minimum": 0
              }
            }
          }
        },
        "merkleRoot": {
          "type": "string",
          "pattern": "^[0-9a-f]{64}$"
        },
        "timestamp": {
          "type": "string",
          "format": "date-time",
          "pattern": "Z$"
        }
      }
    },
    "signature": {
      "type": "string",
      "description": "Base64 of the raw 64-byte Ed25519 signature.",
      "pattern": "^[A-Za-z0-9+/]{86}==$"
    },
    "publicKey": {
      "type": "string",
      "description": "Base64 of the raw 32-byte Ed25519 public key.",
      "pattern": "^[A-Za-z0-9+/]{43}=$"
    },
    "keyId": {
      "type": "string",
      "minLength": 1
    }
  }
};
var benchResultSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://model-publish.dev/schemas/bench-result.schema.json",
  "title": "BenchResultFile",
  "description": "Benchmark results: what `model-publish bench` writes, and what a custom benchmark command (PyTorch, vLLM, llama.cpp) writes for the gate to compare.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "results"
  ],
  "properties": {
    "$schema": {
      "type": "string"
    },
    "model": {
      "type": "string",
      "description": "Model id."
    },
    "commit": {
      "type": "string",
      "description": "The commit the results were measured on."
    },
    "fingerprint": {
      "$ref": "#/$defs/fingerprint"
    },
    "results": {
      "type": "array",
      "minItems": 1,
      "items": {
        "$ref": "#/$defs/result"
      }
    }
  },
  "$defs": {
    "result": {
      "type": "object",
      "title": "BenchResult",
      "additionalProperties": false,
      "required": [
        "name",
        "unit",
        "direction",
        "samples"
      ],
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "description": "Metric name, e.g. `latency_p50` or `tokens_per_second`.",
          "examples": [
            "latency"
          ]
        },
        "unit": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "ms"
          ]
        },
        "direction": {
          "type": "string",
          "enum": [
            "lower-is-better",
            "higher-is-better"
          ]
        },
        "samples": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "number"
          },
          "description": "Every measurement, not a summary: the gate compares distributions."
        },
        "variant": {
          "type": "string",
          "description": "The artifact or variant measured, e.g. `reference` or `onnx-int8`."
        },
        "threshold": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 1,
          "description": "This metric's regression threshold, overriding the default."
        }
      }
    },
    "fingerprint": {
      "type": "object",
      "title": "HardwareFingerprint",
      "description": "What the results were measured on; baselines are only compared with results of the same hash.",
      "additionalProperties": false,
      "required": [
        "hash",
        "cpu",
        "cores",
        "platform"
      ],
      "properties": {
        "hash": {
          "type": "string",
          "pattern": "^[0-9a-f]{16}$"
        },
        "cpu": {
          "type": "string"
        },
        "cores": {
          "type": "integer",
          "minimum": 1
        },
        "platform": {
          "type": "string"
        },
        "gpu": {
          "type": "string"
        },
        "driver": {
          "type": "string"
        },
        "cuda": {
          "type": "string"
        },
        "runtime": {
          "type": "string",
          "description": "e.g. `onnxruntime 1.30.0`."
        },
        "provider": {
          "type": "string",
          "description": "Execution provider, e.g. `cpu`, `cuda`."
        }
      }
    }
  }
};

// src/manifest/validate.ts
import { readFile } from "node:fs/promises";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

// src/manifest/rules.ts
var onnxSchemes = /* @__PURE__ */ new Set(["onnx-int8", "onnx-int4", "onnx-fp16"]);
var ggufSchemes = /* @__PURE__ */ new Set(["q8_0", "q4_0", "q4_k", "q4_k_m", "q6_k"]);
function checkRules(manifest, parsed) {
  const findings = [];
  const { sources } = manifest;
  const hasTensors = Boolean(sources.checkpoint ?? sources.safetensors);
  const hasOnnx = Boolean(sources.onnx ?? sources.export);
  if (sources.checkpoint && sources.safetensors) {
    findings.push({
      pointer: "/sources/safetensors",
      message: "sources name both a checkpoint and safetensors weights",
      fix: "keep one: `checkpoint` to convert it, or `safetensors` to publish existing weights"
    });
  }
  const seen = /* @__PURE__ */ new Map();
  (manifest.variants ?? []).forEach((variant, index) => {
    const pointer = `/variants/${index}`;
    if (onnxSchemes.has(variant.scheme) && !hasOnnx) {
      findings.push({
        pointer: `${pointer}/scheme`,
        message: `variant ${variant.scheme} needs an ONNX model, and the sources have none`,
        fix: "add `sources.onnx: path/to/model.onnx` or an `sources.export` command"
      });
    }
    if (!onnxSchemes.has(variant.scheme) && !hasTensors) {
      findings.push({
        pointer: `${pointer}/scheme`,
        message: `variant ${variant.scheme} needs weights, and the sources have no checkpoint or safetensors`,
        fix: "add `sources.checkpoint: path/to/model.pt` (or `sources.safetensors`)"
      });
    }
    if (ggufSchemes.has(variant.scheme) && !manifest.size) {
      findings.push({
        pointer: `${pointer}/scheme`,
        message: `GGUF variant ${variant.scheme} is named {id}-{size}-{quant}.gguf, and the manifest has no size`,
        fix: "add a top-level `size`, e.g. `size: 0.5b`"
      });
    }
    const identity2 = JSON.stringify({ ...variant, budget: void 0, branch: void 0 });
    const first = seen.get(identity2);
    if (first !== void 0) {
      findings.push({
        pointer,
        message: `variant ${variant.scheme} repeats variant ${first} with the same settings`,
        fix: "remove one of them, or give them different settings"
      });
    } else {
      seen.set(identity2, index);
    }
  });
  if (manifest.card?.base_model_relation && !manifest.card.base_model) {
    findings.push({
      pointer: "/card/base_model_relation",
      message: "base_model_relation is set without base_model",
      fix: "add `card.base_model: owner/name` of the model this one derives from"
    });
  }
  (manifest.destinations?.ipfs?.providers ?? []).forEach((provider, index) => {
    if (provider.type !== "storacha" && !provider.url) {
      findings.push({
        pointer: `/destinations/ipfs/providers/${index}`,
        message: `IPFS provider ${provider.type} has no url`,
        fix: provider.type === "kubo" ? "add `url: http://127.0.0.1:5001` (the Kubo RPC API)" : "add `url:` with the Pinning Service API endpoint"
      });
    }
    const storachaOnly = ["key", "proof", "space", "serviceDid"].filter(
      (field2) => provider[field2] !== void 0
    );
    if (provider.type !== "storacha" && storachaOnly.length > 0) {
      findings.push({
        pointer: `/destinations/ipfs/providers/${index}/${storachaOnly[0] ?? ""}`,
        message: `${storachaOnly.join(", ")} ${storachaOnly.length === 1 ? "applies" : "apply"} to storacha providers only, not ${provider.type}`,
        fix: "remove it, or set `type: storacha`"
      });
    }
    if (provider.type === "storacha" && provider.tokenEnv !== void 0) {
      findings.push({
        pointer: `/destinations/ipfs/providers/${index}/tokenEnv`,
        message: "a storacha provider takes no token: it signs with an agent key and a delegation",
        fix: "remove tokenEnv; set `key: env:STORACHA_KEY` and `proof: env:STORACHA_PROOF` (the defaults)"
      });
    }
  });
  return findings.map((finding) => {
    const position = parsed.locate(finding.pointer);
    return {
      kind: "rule",
      file: parsed.file,
      line: position.line,
      column: position.column,
      ...finding
    };
  });
}

// src/manifest/suggest.ts
function normalise(word) {
  return word.toLowerCase().replace(/[-_\s]/g, "");
}
function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array(rows * cols).fill(0);
  const at = (i, j) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}
function closest(word, candidates2) {
  const target = normalise(word);
  if (target.length >= 3) {
    const extended = candidates2.filter((c) => normalise(c).startsWith(target));
    if (extended.length === 1) return extended[0];
  }
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates2) {
    const distance = editDistance(target, normalise(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.floor(target.length / 3));
  return bestDistance <= limit ? best : void 0;
}

// src/manifest/schema-errors.ts
function issuesFromSchemaErrors(errors, manifest) {
  const seen = /* @__PURE__ */ new Set();
  const issues = [];
  for (const error of errors) {
    const explained = explain(error, manifest);
    if (!explained) continue;
    const key = `${explained.pointer}\0${explained.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { part, ...rest } = explained;
    const position = manifest.locate(explained.pointer, part);
    issues.push({ file: manifest.file, line: position.line, column: position.column, ...rest });
  }
  return issues;
}
function explain(error, manifest) {
  const pointer = error.instancePath;
  const schema = error.parentSchema ?? {};
  const value = valueAt(manifest.data, pointer);
  const shown2 = show(manifest.rawText(pointer) ?? JSON.stringify(value));
  const field2 = fieldName(pointer);
  const params = error.params;
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      const child = schema.properties?.[missing];
      return {
        kind: "required",
        part: "key",
        pointer: joinPointer(pointer, missing),
        message: `missing required field "${missing}"${pointer ? ` in ${field2}` : ""}`,
        expected: child?.description,
        fix: `add \`${missing}: ${exampleOf(child) ?? "…"}\`${pointer ? ` under ${field2}` : ""}`
      };
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys(schema.properties ?? {}).filter((k) => k !== "$schema");
      const guess = closest(extra, allowed);
      return {
        kind: "unknown-key",
        part: "key",
        pointer: joinPointer(pointer, extra),
        message: `unknown key "${extra}"${pointer ? ` in ${field2}` : ""}`,
        expected: allowed.length > 0 ? `one of: ${allowed.join(", ")}` : void 0,
        fix: guess ? `did you mean "${guess}"?` : `remove "${extra}"`
      };
    }
    case "type": {
      const expected = String(params.type).replace(/,/g, " or ");
      return {
        kind: "type",
        part: "value",
        pointer,
        message: `${field2} must be ${article(expected)}, got ${jsonType(value)} ${shown2}`,
        expected: schema.description,
        fix: typeFix(expected, value, shown2, schema)
      };
    }
    case "enum": {
      const allowed = error.schema.map(String);
      const guess = typeof value === "string" ? closest(value, allowed) : void 0;
      return {
        kind: "enum",
        part: "value",
        pointer,
        message: `${shown2} is not an allowed value for ${field2}`,
        expected: `one of: ${allowed.join(", ")}`,
        fix: guess ? `did you mean "${guess}"?` : `use one of: ${allowed.join(", ")}`
      };
    }
    case "pattern":
    case "format":
      return {
        kind: "format",
        part: "value",
        pointer,
        message: `${shown2} is not a valid ${field2}`,
        expected: schema.description ?? (error.keyword === "format" ? `a ${String(params.format)}` : `text matching ${String(params.pattern)}`),
        fix: exampleOf(schema) ? `write it like \`${exampleOf(schema) ?? ""}\`` : "see the expected form above"
      };
    case "if":
    case "oneOf":
    case "anyOf":
      return void 0;
    default:
      return {
        kind: rangeKeywords.has(error.keyword) ? "range" : "rule",
        part: "value",
        pointer,
        message: `${field2} ${error.message ?? "is invalid"}${value === void 0 ? "" : ` (got ${shown2})`}`,
        expected: schema.description,
        fix: fixForRange(error.keyword, params)
      };
  }
}
var rangeKeywords = /* @__PURE__ */ new Set([
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "uniqueItems",
  "const"
]);
function fixForRange(keyword, params) {
  switch (keyword) {
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
    case "exclusiveMaximum":
      return `use a value ${String(params.comparison)} ${String(params.limit)}`;
    case "minLength":
    case "minItems":
    case "minProperties":
      return "fill it in, or remove the key";
    case "uniqueItems":
      return `remove the repeated entry (items ${String(params.j)} and ${String(params.i)} are the same)`;
    default:
      return "change the value to what is expected";
  }
}
function typeFix(expected, value, shown2, schema) {
  if (expected.startsWith("string") && (typeof value === "number" || typeof value === "boolean")) {
    return `quote the value so YAML keeps it as text: "${exampleOf(schema) ?? String(value)}"`;
  }
  if ((expected === "integer" || expected === "number") && typeof value === "string") {
    return Number.isFinite(Number(value)) ? "write the number without quotes" : `write a number instead of ${shown2}`;
  }
  if (expected === "integer" && typeof value === "number") return "use a whole number";
  if (expected.startsWith("array") && value !== null && typeof value !== "object") {
    return `write a list, e.g. [${shown2}] or one "- item" per line`;
  }
  const example = exampleOf(schema);
  return example ? `write ${article(expected)}, e.g. \`${example}\`` : `write ${article(expected)}`;
}
function exampleOf(schema) {
  const example = schema?.examples?.[0];
  if (example === void 0) return void 0;
  return typeof example === "string" ? example : JSON.stringify(example);
}
function fieldName(pointer) {
  return pointer === "" ? "the manifest" : `"${pointer.slice(1).replace(/\//g, ".")}"`;
}
function jsonType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return typeof value === "number" && Number.isInteger(value) ? "integer" : typeof value;
}
function article(type) {
  if (type === "object") return "a mapping";
  if (type === "array") return "a list";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
function show(text2) {
  const t = text2 ?? "nothing";
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

// src/manifest/validate.ts
var compiled;
function validators() {
  if (!compiled) {
    const ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true
    });
    addFormats.default(ajv);
    compiled = {
      authored: ajv.compile(authoredManifestSchema),
      release: ajv.compile(releaseManifestSchema),
      signature: ajv.compile(signatureSchema),
      benchResult: ajv.compile(benchResultSchema)
    };
  }
  return compiled;
}
function validateManifestText(text2, file) {
  const parsed = parseManifestText(text2, file);
  if (!parsed.ok) return { valid: false, issues: sortIssues(parsed.issues) };
  const { manifest } = parsed;
  if (manifest.data === null || manifest.data === void 0) {
    return {
      valid: false,
      issues: [
        {
          kind: "required",
          file,
          line: 1,
          column: 1,
          pointer: "",
          message: "the manifest is empty",
          fix: "start from examples/minimal.yaml: id, name, version, type, license and sources are required"
        }
      ]
    };
  }
  const validate = validators().authored;
  if (!validate(manifest.data)) {
    return {
      valid: false,
      issues: sortIssues(issuesFromSchemaErrors(validate.errors ?? [], manifest))
    };
  }
  const authored = manifest.data;
  const ruleIssues = checkRules(authored, manifest);
  if (ruleIssues.length > 0) return { valid: false, issues: sortIssues(ruleIssues) };
  return { valid: true, manifest: authored, parsed: manifest, issues: [] };
}
async function validateManifestFile(path) {
  let text2;
  try {
    text2 = await readFile(path, "utf8");
  } catch (error) {
    const reason2 = error.code === "ENOENT" ? "no such file" : "cannot read it";
    throw new ModelPublishError(
      "MANIFEST_UNREADABLE",
      `${path}: ${reason2}; pass the path of the manifest (YAML or JSON), e.g. model-publish.yaml`,
      { cause: error }
    );
  }
  return validateManifestText(text2, path);
}

// src/sign/merkle.ts
import { createHash as createHash2 } from "node:crypto";
function sha256(...parts2) {
  const hash = createHash2("sha256");
  for (const part of parts2) hash.update(part);
  return hash.digest();
}
var LEAF = Uint8Array.of(0);
var NODE = Uint8Array.of(1);
function leafHash(data) {
  return sha256(LEAF, data);
}
function nodeHash(left, right) {
  return sha256(NODE, left, right);
}
function releaseLeafData(entry) {
  const digest = Buffer.from(entry.sha256, "hex");
  if (digest.length !== 32 || digest.toString("hex") !== entry.sha256.toLowerCase()) {
    throw new RangeError(`${entry.path}: "${entry.sha256}" is not a hex SHA-256`);
  }
  return Buffer.concat([Buffer.from(entry.path, "utf8"), LEAF, digest]);
}
function compareUtf8(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function split(n) {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
function treeHash(leaves, start, end) {
  const n = end - start;
  if (n === 0) return sha256();
  if (n === 1) return leaves[start] ?? sha256();
  const k = split(n);
  return nodeHash(treeHash(leaves, start, start + k), treeHash(leaves, start + k, end));
}
function merkleTreeHash(data) {
  const leaves = data.map(leafHash);
  return treeHash(leaves, 0, leaves.length);
}
function sorted(entries2) {
  return [...entries2].sort((a, b) => compareUtf8(a.path, b.path));
}
function merkleRoot(entries2) {
  return merkleTreeHash(sorted(entries2).map(releaseLeafData)).toString("hex");
}
function auditPath(leaves, m, start, end) {
  const n = end - start;
  if (n <= 1) return [];
  const k = split(n);
  return m < k ? [...auditPath(leaves, m, start, start + k), treeHash(leaves, start + k, end)] : [...auditPath(leaves, m - k, start + k, end), treeHash(leaves, start, start + k)];
}
function merkleAuditPath(data, index) {
  if (!Number.isInteger(index) || index < 0 || index >= data.length) {
    throw new RangeError(`leaf ${index} is not in a tree of ${data.length}`);
  }
  return auditPath(data.map(leafHash), index, 0, data.length);
}
function inclusionProof(entries2, path) {
  const ordered = sorted(entries2);
  const index = ordered.findIndex((entry2) => entry2.path === path);
  const entry = ordered[index];
  if (!entry) return void 0;
  const proof = merkleAuditPath(ordered.map(releaseLeafData), index);
  return {
    path,
    sha256: entry.sha256,
    index,
    treeSize: ordered.length,
    auditPath: proof.map((hash) => hash.toString("hex"))
  };
}
function rootFromAuditPath(leaf, index, treeSize, path) {
  if (!Number.isInteger(index) || !Number.isInteger(treeSize) || index < 0 || index >= treeSize) {
    return void 0;
  }
  let fn = index;
  let sn = treeSize - 1;
  let r = Buffer.from(leaf);
  for (const p of path) {
    if (sn === 0) return void 0;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : void 0;
}
function verifyInclusion(proof, rootHex) {
  let leaf;
  try {
    leaf = leafHash(releaseLeafData(proof));
  } catch {
    return false;
  }
  const hexes = proof.auditPath;
  if (!hexes.every((hex2) => /^[0-9a-f]{64}$/.test(hex2))) return false;
  const root2 = rootFromAuditPath(
    leaf,
    proof.index,
    proof.treeSize,
    hexes.map((hex2) => Buffer.from(hex2, "hex"))
  );
  return root2 !== void 0 && root2.toString("hex") === rootHex;
}

// src/bench/result-file.ts
import { readdir } from "node:fs/promises";
import { join } from "node:path";

// src/manifest/read-checked-json.ts
import { readFile as readFile2 } from "node:fs/promises";

// src/sign/signed-manifest.ts
function signedManifestOf(id, version, files, timestamp) {
  const ordered = [...files].sort((a, b) => compareUtf8(a.path, b.path));
  const artifacts = {};
  for (const file of ordered) artifacts[file.path] = { sha256: file.sha256, size: file.size };
  return { id, version, artifacts, merkleRoot: merkleRoot(ordered), timestamp };
}
function signedEntries(manifest) {
  return Object.entries(manifest.artifacts).map(([path, { sha256: sha2565, size: size2 }]) => ({
    path,
    sha256: sha2565,
    size: size2
  }));
}
function schemaErrorText(validate) {
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}`).join("; ");
}
function isReleaseSignature(validate, value) {
  return validate(value);
}

// src/manifest/read-checked-json.ts
async function readCheckedJson(path, validate, fix) {
  let data;
  try {
    data = JSON.parse(await readFile2(path, "utf8"));
  } catch (error) {
    const missing = error.code === "ENOENT";
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${path}: ${missing ? "no such file" : "not valid JSON"}; ${fix.unreadable}`
    );
  }
  if (!validate(data)) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${path}: ${schemaErrorText(validate)}; ${fix.invalid}`
    );
  }
  return data;
}

// src/bench/result-file.ts
function readBenchResults(path) {
  const fix = "benchmark results follow schemas/bench-result.schema.json";
  return readCheckedJson(path, validators().benchResult, {
    unreadable: fix,
    invalid: fix
  });
}
async function readResultsFolder(dir) {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  const results = [];
  for (const name of names) results.push(...(await readBenchResults(join(dir, name))).results);
  return results;
}

// src/bench/measure-onnx.ts
import { stat } from "node:fs/promises";

// src/runtime/onnxruntime.ts
import { createRequire } from "node:module";
import { join as join2 } from "node:path";
var RUNTIME_DIR_ENV = "MODEL_PUBLISH_RUNTIME_DIR";
var loaded;
function pinFloat16Storage(ort) {
  const descriptor2 = Object.getOwnPropertyDescriptor(globalThis, "Float16Array");
  if (!descriptor2?.configurable) {
    new ort.Tensor("float32", new Float32Array(1), [1]);
    return;
  }
  Reflect.deleteProperty(globalThis, "Float16Array");
  try {
    new ort.Tensor("float32", new Float32Array(1), [1]);
  } finally {
    Object.defineProperty(globalThis, "Float16Array", descriptor2);
  }
}
function onnxRuntimeEntry() {
  const dir = process.env[RUNTIME_DIR_ENV];
  const from = dir ? join2(dir, "package.json") : import.meta.url;
  return createRequire(from).resolve("onnxruntime-node");
}
async function importRuntime() {
  const dir = process.env[RUNTIME_DIR_ENV];
  try {
    if (dir) {
      return createRequire(join2(dir, "package.json"))("onnxruntime-node");
    }
    return await import("onnxruntime-node");
  } catch (error) {
    const where = dir ? ` in ${RUNTIME_DIR_ENV}=${dir}` : " beside model-publish";
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `the ONNX stages need onnxruntime-node, which is not installed${where}; install it (\`npm install onnxruntime-node\`) or leave ONNX variants and benchmarks out`,
      { cause: error }
    );
  }
}
async function onnxRuntime() {
  if (!loaded) {
    const module = await importRuntime();
    const ort = module.default ?? module;
    pinFloat16Storage(ort);
    loaded = ort;
  }
  return loaded;
}

// src/bench/peak-memory.ts
import { spawn } from "node:child_process";
var CHILD = `
const [, entry, file, provider, batch, sequence, runs] = process.argv;
const ort = require(entry);
const arrays = { float32: Float32Array, int64: BigInt64Array, int32: Int32Array, bool: Uint8Array };
(async () => {
  const session = await ort.InferenceSession.create(file, { executionProviders: [provider] });
  const feeds = {};
  for (const meta of session.inputMetadata) {
    let symbolic = 0;
    const shape = meta.shape.map((d) => (typeof d === "number" && d > 0 ? d : symbolic++ === 0 ? +batch : +sequence));
    const Type = arrays[meta.type];
    if (!Type) throw new Error("input " + meta.name + " has type " + meta.type);
    feeds[meta.name] = new ort.Tensor(meta.type, new Type(shape.reduce((a, b) => a * b, 1)), shape);
  }
  for (let i = 0; i < +runs; i++) await session.run(feeds);
  await session.release();
  process.stdout.write(String(process.resourceUsage().maxRSS * 1024));
})().catch((error) => { process.stderr.write(String(error && error.message || error)); process.exit(1); });
`;
function measurePeakMemory(file, options2) {
  const args = [
    "-e",
    CHILD,
    onnxRuntimeEntry(),
    file,
    options2.provider,
    String(options2.batchSize),
    String(options2.sequenceLength),
    String(options2.runs ?? 3)
  ];
  return new Promise((resolve15, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => out += chunk.toString());
    child.stderr.on("data", (chunk) => err += chunk.toString());
    child.on("error", reject);
    child.on("close", (code) => {
      const bytes = Number(out);
      if (code === 0 && Number.isFinite(bytes) && bytes > 0) resolve15(bytes);
      else
        reject(
          new ModelPublishError(
            "INPUT_UNSUPPORTED",
            `${file}: measuring peak memory in a fresh process failed (${err.trim().split("\n").at(-1) ?? `exit ${String(code)}`})`
          )
        );
    });
  });
}

// src/bench/onnx-inputs.ts
function shapeOf(meta, options2) {
  let symbolic = 0;
  return meta.shape.map((dim) => {
    if (typeof dim === "number" && dim > 0) return dim;
    return symbolic++ === 0 ? options2.batchSize : options2.sequenceLength;
  });
}
function generateInputs(ort, session, options2) {
  const random = new SeededRandom(options2.seed ?? 4660);
  const feeds = {};
  for (const meta of session.inputMetadata) {
    if (!meta.isTensor) {
      throw new ModelPublishError(
        "INPUT_UNSUPPORTED",
        `input ${meta.name} is not a tensor; benchmark it with a custom command`
      );
    }
    const shape = shapeOf(meta, options2);
    const count2 = shape.reduce((a, b) => a * b, 1);
    switch (meta.type) {
      case "float32":
        feeds[meta.name] = new ort.Tensor(
          "float32",
          Float32Array.from({ length: count2 }, () => random.normal()),
          shape
        );
        break;
      case "int64":
        feeds[meta.name] = new ort.Tensor(
          "int64",
          BigInt64Array.from(
            { length: count2 },
            () => BigInt(random.int(Math.max(2, options2.sequenceLength)))
          ),
          shape
        );
        break;
      case "int32":
        feeds[meta.name] = new ort.Tensor(
          "int32",
          Int32Array.from({ length: count2 }, () => random.int(Math.max(2, options2.sequenceLength))),
          shape
        );
        break;
      case "bool":
        feeds[meta.name] = new ort.Tensor("bool", new Uint8Array(count2).fill(1), shape);
        break;
      default:
        throw new ModelPublishError(
          "INPUT_UNSUPPORTED",
          `input ${meta.name} has type ${meta.type}, which the built-in benchmark does not generate; give sample inputs or a custom command`
        );
    }
  }
  return feeds;
}

// src/bench/measure-onnx.ts
var PREFERENCE = ["tensorrt", "cuda", "cpu"];
async function createSession(file, provider) {
  const ort = await onnxRuntime();
  return ort.InferenceSession.create(file, {
    executionProviders: [provider],
    graphOptimizationLevel: "all"
  });
}
async function chooseProvider(file, choice) {
  if (choice !== "auto") {
    try {
      const session = await createSession(file, choice);
      await session.release();
      return { provider: choice, note: `${choice} as asked` };
    } catch (error) {
      throw new ModelPublishError(
        "INPUT_UNSUPPORTED",
        `execution provider ${choice} cannot run ${file}: ${error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error)}; use --provider auto or cpu, or install the CUDA libraries (ONNXRUNTIME_NODE_INSTALL=cuda12 npm ci)`
      );
    }
  }
  (await onnxRuntime()).env.logLevel = "fatal";
  const skipped2 = [];
  const gpu = await probeNvidiaGpu();
  for (const provider of PREFERENCE) {
    if (provider !== "cpu" && !gpu) {
      skipped2.push(`${provider} unavailable: no NVIDIA GPU (nvidia-smi)`);
      continue;
    }
    try {
      const session = await createSession(file, provider);
      await session.release();
      return {
        provider,
        note: skipped2.length ? `auto: ${provider} (${skipped2.join("; ")})` : `auto: ${provider}`
      };
    } catch (error) {
      skipped2.push(
        `${provider} unavailable: ${error instanceof Error ? (error.message.split("\n")[0] ?? "").slice(0, 80) : String(error)}`
      );
    }
  }
  throw new ModelPublishError(
    "INPUT_UNSUPPORTED",
    `no execution provider can run ${file}: ${skipped2.join("; ")}`
  );
}
function elapsedMs(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
function samples(values) {
  const [first, ...rest] = values;
  if (first === void 0)
    throw new ModelPublishError("USAGE", "bench: iterations must be at least 1");
  return [first, ...rest];
}
var PEAK_RSS_THRESHOLD = 0.15;
function mib(bytes) {
  return bytes / (1024 * 1024);
}
async function measureOnnx(file, options2 = {}) {
  const ort = await onnxRuntime();
  const { provider, note } = await chooseProvider(file, options2.provider ?? "auto");
  const iterations = options2.iterations ?? 100;
  const warmup = options2.warmup ?? 5;
  const loads = options2.loads ?? 5;
  const batchSizes = options2.batchSizes ?? [1];
  const sequenceLength = options2.sequenceLength ?? 16;
  const variant = options2.variant ? { variant: options2.variant } : {};
  const results = [];
  const total = batchSizes.length * (loads + warmup + iterations);
  let done = 0;
  const tick = () => options2.onProgress?.(++done, total);
  for (const batchSize of batchSizes) {
    const suffix = batchSizes.length > 1 ? `@b${batchSize}` : "";
    const loadTimes = [];
    const firstTimes = [];
    let session;
    let feeds = {};
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
    const latencies = [];
    for (let i = 0; i < iterations; i++) {
      const start = process.hrtime.bigint();
      await session.run(feeds);
      latencies.push(elapsedMs(start));
      tick();
    }
    await session.release();
    const perSecond = latencies.map((ms) => 1e3 * batchSize / ms);
    results.push(
      {
        name: `load_time${suffix}`,
        unit: "ms",
        direction: "lower-is-better",
        samples: samples(loadTimes),
        ...variant
      },
      {
        name: `first_inference${suffix}`,
        unit: "ms",
        direction: "lower-is-better",
        samples: samples(firstTimes),
        ...variant
      },
      {
        name: `latency${suffix}`,
        unit: "ms",
        direction: "lower-is-better",
        samples: samples(latencies),
        ...variant
      },
      {
        name: `throughput${suffix}`,
        unit: "items/s",
        direction: "higher-is-better",
        samples: samples(perSecond),
        ...variant
      }
    );
    if (options2.tokens) {
      results.push({
        name: `tokens_per_second${suffix}`,
        unit: "tokens/s",
        direction: "higher-is-better",
        samples: samples(perSecond.map((items) => items * sequenceLength)),
        ...variant
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
            sequenceLength
          })
        )
      ],
      // One figure per run, which moves a little with allocator state: only a larger rise than
      // the default 5% counts (a manifest's bench.metrics.peak_rss overrides it).
      threshold: PEAK_RSS_THRESHOLD,
      ...variant
    },
    {
      name: "size",
      unit: "MiB",
      direction: "lower-is-better",
      samples: [mib((await stat(file)).size)],
      ...variant
    }
  );
  return { provider, providerNote: note, results };
}

// src/bench/run-bench.ts
import { dirname, resolve } from "node:path";

// src/bench/custom-command.ts
import { spawn as spawn2 } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";
async function runCustomBenchmark(command, cwd, onOutput = () => void 0) {
  const out = await mkdtemp(join3(tmpdir(), "model-publish-bench-"));
  try {
    const tail = [];
    const code = await new Promise((resolve15, reject) => {
      const child = spawn2(command, {
        cwd,
        shell: true,
        env: { ...process.env, MODEL_PUBLISH_BENCH_OUT: out },
        stdio: ["ignore", "pipe", "pipe"]
      });
      const collect = (chunk) => {
        const text2 = chunk.toString();
        onOutput(text2);
        tail.push(...text2.split("\n").filter(Boolean));
        tail.splice(0, Math.max(0, tail.length - 10));
      };
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      child.on("error", reject);
      child.on("close", resolve15);
    });
    if (code !== 0) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `benchmark command exited ${String(code)}: ${command}
${tail.join("\n")}`
      );
    }
    const results = await readResultsFolder(out);
    if (results.length === 0) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `benchmark command wrote no results; it must write bench-result JSON files into $MODEL_PUBLISH_BENCH_OUT`
      );
    }
    return results;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

// src/bench/run-bench.ts
async function runBenchmark(options2) {
  let model = options2.target;
  let id;
  let settings;
  if (!options2.target.endsWith(".onnx")) {
    settings = await manifestSettings(options2.target);
    model = settings.onnx;
    id = settings.id;
  }
  const bench = settings?.bench ?? {};
  const measurement = await measureOnnx(model, {
    provider: options2.provider ?? bench.provider ?? "auto",
    iterations: options2.iterations ?? bench.iterations ?? DEFAULT_SAMPLES,
    warmup: options2.warmup ?? bench.warmup ?? 5,
    batchSizes: options2.batchSizes ?? bench.batchSizes ?? [1],
    ...bench.sequenceLength ? { sequenceLength: bench.sequenceLength, tokens: settings?.type === "text-generation" } : {},
    ...options2.onProgress ? { onProgress: options2.onProgress } : {}
  });
  const results = [...measurement.results];
  if (bench.command && settings) {
    results.push(...await runCustomBenchmark(bench.command, settings.dir, options2.onOutput));
  }
  const [first, ...rest] = results;
  if (!first) throw new ModelPublishError("USAGE", "bench: nothing was measured");
  const gpu = measurement.provider === "cpu" ? void 0 : await probeNvidiaGpu();
  const ort = await onnxRuntime();
  return {
    file: {
      ...id ? { model: id } : {},
      ...options2.commit ? { commit: options2.commit } : {},
      fingerprint: fingerprintOf({
        runtime: `onnxruntime ${ort.env.versions.node ?? ort.env.versions.common}`,
        provider: measurement.provider,
        ...gpu ? { gpu } : {}
      }),
      results: [first, ...rest]
    },
    providerNote: measurement.providerNote,
    ...bench.threshold !== void 0 ? { threshold: bench.threshold } : {},
    ...bench.metrics ? { metrics: bench.metrics } : {}
  };
}
async function manifestSettings(path) {
  const result = await validateManifestFile(path);
  if (!result.valid) {
    throw new ModelPublishError("MANIFEST_INVALID", result.issues.map(formatIssue).join("\n"));
  }
  const { manifest } = result;
  if (!manifest.sources.onnx) {
    throw new ModelPublishError(
      "USAGE",
      `${path}: the manifest has no sources.onnx to benchmark; give an .onnx file instead`
    );
  }
  const dir = dirname(resolve(path));
  return {
    id: manifest.id,
    type: manifest.type,
    dir,
    onnx: resolve(dir, manifest.sources.onnx),
    bench: manifest.bench ?? {}
  };
}

// src/card/hub-vocabulary.ts
import { ALL_MODEL_LIBRARY_KEYS, PIPELINE_TYPES } from "@huggingface/tasks";

// src/card/license-ids.ts
var HUB_LICENSE_IDS = `
  apache-2.0 mit openrail bigscience-openrail-m creativeml-openrail-m bigscience-bloom-rail-1.0
  bigcode-openrail-m afl-3.0 artistic-2.0 bsl-1.0 bsd bsd-2-clause bsd-3-clause
  bsd-3-clause-clear c-uda cc cc0-1.0 cc-by-2.0 cc-by-2.5 cc-by-3.0 cc-by-4.0 cc-by-sa-3.0
  cc-by-sa-4.0 cc-by-nc-2.0 cc-by-nc-3.0 cc-by-nc-4.0 cc-by-nd-4.0 cc-by-nc-nd-3.0
  cc-by-nc-nd-4.0 cc-by-nc-sa-2.0 cc-by-nc-sa-3.0 cc-by-nc-sa-4.0 cdla-sharing-1.0
  cdla-permissive-1.0 cdla-permissive-2.0 wtfpl ecl-2.0 epl-1.0 epl-2.0 etalab-2.0 eupl-1.1
  eupl-1.2 agpl-3.0 gfdl gpl gpl-2.0 gpl-3.0 lgpl lgpl-2.1 lgpl-3.0 isc h-research
  intel-research lppl-1.3c ms-pl apple-ascl apple-amlr mpl-2.0 odc-by odbl openrail++ osl-3.0
  postgresql ofl-1.1 ncsa unlicense zlib pddl lgpl-lr deepfloyd-if-license
  fair-noncommercial-research-license llama2 llama3 llama3.1 llama3.2 llama3.3 llama4 gemma
  unknown other
`.trim().split(/\s+/);
var SPDX_LICENSE_IDS = `
  0BSD 3D-Slicer-1.0 AAL ADSL AFL-1.1 AFL-1.2 AFL-2.0 AFL-2.1 AFL-3.0 AGPL-1.0 AGPL-1.0-only
  AGPL-1.0-or-later AGPL-3.0 AGPL-3.0-only AGPL-3.0-or-later ALGLIB-Documentation AMD-newlib
  AMDPLPA AML AML-glslang AMPAS ANTLR-PD ANTLR-PD-fallback APAFML APL-1.0 APSL-1.0 APSL-1.1
  APSL-1.2 APSL-2.0 ASWF-Digital-Assets-1.0 ASWF-Digital-Assets-1.1 Abstyles AdaCore-doc
  Adobe-2006 Adobe-Display-PostScript Adobe-Glyph Adobe-Utopia Advanced-Cryptics-Dictionary
  Afmparse Aladdin Apache-1.0 Apache-1.1 Apache-2.0 App-s2p Arphic-1999 Artistic-1.0
  Artistic-1.0-Perl Artistic-1.0-cl8 Artistic-2.0 Artistic-dist Aspell-RU BOLA-1.1 BSD-1-Clause
  BSD-2-Clause BSD-2-Clause-Darwin BSD-2-Clause-FreeBSD BSD-2-Clause-NetBSD BSD-2-Clause-Patent
  BSD-2-Clause-Views BSD-2-Clause-first-lines BSD-2-Clause-pkgconf-disclaimer BSD-3-Clause
  BSD-3-Clause-Attribution BSD-3-Clause-Clear BSD-3-Clause-HP BSD-3-Clause-LBNL
  BSD-3-Clause-Modification BSD-3-Clause-No-Military-License BSD-3-Clause-No-Nuclear-License
  BSD-3-Clause-No-Nuclear-License-2014 BSD-3-Clause-No-Nuclear-Warranty BSD-3-Clause-Open-MPI
  BSD-3-Clause-Sun BSD-3-Clause-Tso BSD-3-Clause-acpica BSD-3-Clause-flex BSD-4-Clause
  BSD-4-Clause-Shortened BSD-4-Clause-UC BSD-4.3RENO BSD-4.3TAHOE
  BSD-Advertising-Acknowledgement BSD-Attribution-HPND-disclaimer BSD-Inferno-Nettverk
  BSD-Mark-Modifications BSD-Protection BSD-Source-Code BSD-Source-beginning-file BSD-Systemics
  BSD-Systemics-W3Works BSL-1.0 BUSL-1.1 Baekmuk Bahyph Barr Beerware BitTorrent-1.0
  BitTorrent-1.1 Bitstream-Charter Bitstream-Vera BlueOak-1.0.0 Boehm-GC Boehm-GC-without-fee
  Borceux Brian-Gladman-2-Clause Brian-Gladman-3-Clause Buddy C-UDA-1.0 CAL-1.0
  CAL-1.0-Combined-Work-Exception CAPEC-tou CATOSL-1.1 CC-BY-1.0 CC-BY-2.0 CC-BY-2.5
  CC-BY-2.5-AU CC-BY-3.0 CC-BY-3.0-AT CC-BY-3.0-AU CC-BY-3.0-DE CC-BY-3.0-IGO CC-BY-3.0-NL
  CC-BY-3.0-US CC-BY-4.0 CC-BY-NC-1.0 CC-BY-NC-2.0 CC-BY-NC-2.5 CC-BY-NC-3.0 CC-BY-NC-3.0-DE
  CC-BY-NC-4.0 CC-BY-NC-ND-1.0 CC-BY-NC-ND-2.0 CC-BY-NC-ND-2.5 CC-BY-NC-ND-3.0
  CC-BY-NC-ND-3.0-DE CC-BY-NC-ND-3.0-IGO CC-BY-NC-ND-4.0 CC-BY-NC-SA-1.0 CC-BY-NC-SA-2.0
  CC-BY-NC-SA-2.0-DE CC-BY-NC-SA-2.0-FR CC-BY-NC-SA-2.0-UK CC-BY-NC-SA-2.5 CC-BY-NC-SA-3.0
  CC-BY-NC-SA-3.0-DE CC-BY-NC-SA-3.0-IGO CC-BY-NC-SA-4.0 CC-BY-ND-1.0 CC-BY-ND-2.0 CC-BY-ND-2.5
  CC-BY-ND-3.0 CC-BY-ND-3.0-DE CC-BY-ND-4.0 CC-BY-SA-1.0 CC-BY-SA-2.0 CC-BY-SA-2.0-UK
  CC-BY-SA-2.1-JP CC-BY-SA-2.5 CC-BY-SA-3.0 CC-BY-SA-3.0-AT CC-BY-SA-3.0-DE CC-BY-SA-3.0-IGO
  CC-BY-SA-4.0 CC-PDDC CC-PDM-1.0 CC-SA-1.0 CC0-1.0 CDDL-1.0 CDDL-1.1 CDL-1.0
  CDLA-Permissive-1.0 CDLA-Permissive-2.0 CDLA-Sharing-1.0 CECILL-1.0 CECILL-1.1 CECILL-2.0
  CECILL-2.1 CECILL-B CECILL-C CERN-OHL-1.1 CERN-OHL-1.2 CERN-OHL-P-2.0 CERN-OHL-S-2.0
  CERN-OHL-W-2.0 CFITSIO CMU-Mach CMU-Mach-nodoc CNRI-Jython CNRI-Python
  CNRI-Python-GPL-Compatible COIL-1.0 CPAL-1.0 CPL-1.0 CPOL-1.02 CUA-OPL-1.0 Caldera
  Caldera-no-preamble Catharon ClArtistic Clips Community-Spec-1.0 Condor-1.1
  Cornell-Lossless-JPEG Cronyx Crossword CryptoSwift CrystalStacker Cube D-FSL-1.0 DEC-3-Clause
  DL-DE-BY-2.0 DL-DE-ZERO-2.0 DOC DRL-1.0 DRL-1.1 DSDP DocBook-DTD DocBook-Schema
  DocBook-Stylesheet DocBook-XML Dotseqn ECL-1.0 ECL-2.0 EFL-1.0 EFL-2.0 EPICS EPL-1.0 EPL-2.0
  ESA-PL-permissive-2.4 ESA-PL-strong-copyleft-2.4 ESA-PL-weak-copyleft-2.4 EUDatagrid EUPL-1.0
  EUPL-1.1 EUPL-1.2 Elastic-2.0 Entessa ErlPL-1.1 Eurosym FBM FDK-AAC FSFAP
  FSFAP-no-warranty-disclaimer FSFUL FSFULLR FSFULLRSD FSFULLRWD FSL-1.1-ALv2 FSL-1.1-MIT FTL
  Fair Ferguson-Twofish Frameworx-1.0 FreeBSD-DOC FreeImage Furuseth GCR-docs GD GFDL-1.1
  GFDL-1.1-invariants-only GFDL-1.1-invariants-or-later GFDL-1.1-no-invariants-only
  GFDL-1.1-no-invariants-or-later GFDL-1.1-only GFDL-1.1-or-later GFDL-1.2
  GFDL-1.2-invariants-only GFDL-1.2-invariants-or-later GFDL-1.2-no-invariants-only
  GFDL-1.2-no-invariants-or-later GFDL-1.2-only GFDL-1.2-or-later GFDL-1.3
  GFDL-1.3-invariants-only GFDL-1.3-invariants-or-later GFDL-1.3-no-invariants-only
  GFDL-1.3-no-invariants-or-later GFDL-1.3-only GFDL-1.3-or-later GL2PS GLWTPL GPL-1.0
  GPL-1.0-only GPL-1.0-or-later GPL-2.0 GPL-2.0-only GPL-2.0-or-later GPL-2.0-with-GCC-exception
  GPL-2.0-with-autoconf-exception GPL-2.0-with-bison-exception GPL-2.0-with-classpath-exception
  GPL-2.0-with-font-exception GPL-3.0 GPL-3.0-only GPL-3.0-or-later GPL-3.0-with-GCC-exception
  GPL-3.0-with-autoconf-exception Game-Programming-Gems Giftware Glide Glulxe Graphics-Gems
  Gutmann HDF5 HIDAPI HP-1986 HP-1989 HPND HPND-DEC HPND-Fenneberg-Livingston HPND-INRIA-IMAG
  HPND-Intel HPND-Kevlin-Henney HPND-MIT-disclaimer HPND-Markus-Kuhn HPND-Netrek HPND-Pbmplus
  HPND-SMC HPND-UC HPND-UC-export-US HPND-doc HPND-doc-sell HPND-export-US
  HPND-export-US-acknowledgement HPND-export-US-modify HPND-export2-US
  HPND-merchantability-variant HPND-sell-MIT-disclaimer-xserver HPND-sell-regexpr
  HPND-sell-variant HPND-sell-variant-MIT-disclaimer HPND-sell-variant-MIT-disclaimer-rev
  HPND-sell-variant-critical-systems HTMLTIDY HaskellReport Hippocratic-2.1 IBM-pibs ICU
  IEC-Code-Components-EULA IJG IJG-short IPA IPL-1.0 ISC ISC-Veillard ISO-permission ImageMagick
  Imlib2 Info-ZIP Inner-Net-2.0 InnoSetup Intel Intel-ACPI Interbase-1.0 JPL-image JPNIC JSON
  Jam JasPer-2.0 Kastrup Kazlib Knuth-CTAN LAL-1.2 LAL-1.3 LGPL-2.0 LGPL-2.0-only
  LGPL-2.0-or-later LGPL-2.1 LGPL-2.1-only LGPL-2.1-or-later LGPL-3.0 LGPL-3.0-only
  LGPL-3.0-or-later LGPLLR LOOP LPD-document LPL-1.0 LPL-1.02 LPPL-1.0 LPPL-1.1 LPPL-1.2
  LPPL-1.3a LPPL-1.3c LZMA-SDK-9.11-to-9.20 LZMA-SDK-9.22 Latex2e Latex2e-translated-notice
  Leptonica LiLiQ-P-1.1 LiLiQ-R-1.1 LiLiQ-Rplus-1.1 Libpng Linux-OpenIB Linux-man-pages-1-para
  Linux-man-pages-copyleft Linux-man-pages-copyleft-2-para Linux-man-pages-copyleft-var
  Lucida-Bitmap-Fonts MIPS MIT MIT-0 MIT-CMU MIT-Click MIT-Festival MIT-Khronos-old
  MIT-Modern-Variant MIT-STK MIT-Wu MIT-advertising MIT-enna MIT-feh MIT-open-group
  MIT-testregex MITNFA MMIXware MMPL-1.0.1 MPEG-SSG MPL-1.0 MPL-1.1 MPL-2.0
  MPL-2.0-no-copyleft-exception MS-LPL MS-PL MS-RL MTLL Mackerras-3-Clause
  Mackerras-3-Clause-acknowledgment MakeIndex Martin-Birgmeier McPhee-slideshow Minpack MirOS
  Motosoto MulanPSL-1.0 MulanPSL-2.0 Multics Mup NAIST-2003 NASA-1.3 NBPL-1.0 NCBI-PD
  NCGL-UK-2.0 NCL NCSA NGPL NICTA-1.0 NIST-PD NIST-PD-TNT NIST-PD-fallback NIST-Software
  NLOD-1.0 NLOD-2.0 NLPL NOSL NPL-1.0 NPL-1.1 NPOSL-3.0 NRL NTIA-PD NTP NTP-0 Naumen Net-SNMP
  NetCDF Newsletr Nokia Noweb Nunit O-UDA-1.0 OAR OCCT-PL OCLC-2.0 ODC-By-1.0 ODbL-1.0 OFFIS
  OFL-1.0 OFL-1.0-RFN OFL-1.0-no-RFN OFL-1.1 OFL-1.1-RFN OFL-1.1-no-RFN OGC-1.0 OGDL-Taiwan-1.0
  OGL-Canada-2.0 OGL-UK-1.0 OGL-UK-2.0 OGL-UK-3.0 OGTSL OLDAP-1.1 OLDAP-1.2 OLDAP-1.3 OLDAP-1.4
  OLDAP-2.0 OLDAP-2.0.1 OLDAP-2.1 OLDAP-2.2 OLDAP-2.2.1 OLDAP-2.2.2 OLDAP-2.3 OLDAP-2.4
  OLDAP-2.5 OLDAP-2.6 OLDAP-2.7 OLDAP-2.8 OLFL-1.3 OML OPL-1.0 OPL-UK-3.0 OPUBL-1.0 OSC-1.0
  OSET-PL-2.1 OSL-1.0 OSL-1.1 OSL-2.0 OSL-2.1 OSL-3.0 OSSP OpenMDW-1.0 OpenPBS-2.3 OpenSSL
  OpenSSL-standalone OpenVision PADL PDDL-1.0 PHP-3.0 PHP-3.01 PPL PSF-2.0
  ParaType-Free-Font-1.3 Parity-6.0.0 Parity-7.0.0 Pixar Plexus PolyForm-Noncommercial-1.0.0
  PolyForm-Small-Business-1.0.0 PostgreSQL Python-2.0 Python-2.0.1 QPL-1.0 QPL-1.0-INRIA-2004
  Qhull RHeCos-1.1 RPL-1.1 RPL-1.5 RPSL-1.0 RSA-MD RSCPL Rdisc Ruby Ruby-pty SAX-PD SAX-PD-2.0
  SCEA SGI-B-1.0 SGI-B-1.1 SGI-B-2.0 SGI-OpenGL SGMLUG-PM SGP4 SHL-0.5 SHL-0.51 SISSL SISSL-1.2
  SL SMAIL-GPL SMLNJ SMPPL SNIA SOFA SPL-1.0 SSH-OpenSSH SSH-short SSLeay-standalone SSPL-1.0
  SUL-1.0 SWL Saxpath SchemeReport Sendmail Sendmail-8.23 Sendmail-Open-Source-1.1 SimPL-2.0
  Sleepycat Soundex Spencer-86 Spencer-94 Spencer-99 StandardML-NJ SugarCRM-1.1.3 Sun-PPP
  Sun-PPP-2000 SunPro Symlinks TAPR-OHL-1.0 TCL TCP-wrappers TGPPL-1.0 TMate TORQUE-1.1 TOSL
  TPDL TPL-1.0 TTWL TTYP0 TU-Berlin-1.0 TU-Berlin-2.0 TekHVC TermReadKey ThirdEye TrustedQSL
  UCAR UCL-1.0 UMich-Merit UPL-1.0 URT-RLE Ubuntu-font-1.0 UnRAR Unicode-3.0 Unicode-DFS-2015
  Unicode-DFS-2016 Unicode-TOU UnixCrypt Unlicense Unlicense-libtelnet Unlicense-libwhirlpool
  VOSTROM VSL-1.0 Vim Vixie-Cron W3C W3C-19980720 W3C-20150513 WTFNMFPL WTFPL Watcom-1.0
  Widget-Workshop WordNet Wsuipa X11 X11-distribute-modifications-variant X11-no-permit-persons
  X11-swapped XFree86-1.1 XSkat Xdebug-1.03 Xerox Xfig Xnet YPL-1.0 YPL-1.1 ZPL-1.1 ZPL-2.0
  ZPL-2.1 Zed Zeeff Zend-2.0 Zimbra-1.3 Zimbra-1.4 Zlib any-OSI any-OSI-perl-modules
  bcrypt-Solar-Designer blessing bzip2-1.0.5 bzip2-1.0.6 check-cvs checkmk copyleft-next-0.3.0
  copyleft-next-0.3.1 curl cve-tou diffmark dtoa dvipdfm eCos-2.0 eGenix etalab-2.0 fwlw
  gSOAP-1.3b generic-xts gnuplot gtkbook hdparm hyphen-bulgarian iMatix jove libpng-1.6.35
  libpng-2.0 libselinux-1.0 libtiff libutil-David-Nugent lsof magaz mailprio man2html metamail
  mpi-permissive mpich2 mplus ngrep pkgconf pnmstitch psfrag psutils python-ldap radvd snprintf
  softSurfer ssh-keyscan swrule threeparttable ulem w3m wwl wxWindows xinetd
  xkeyboard-config-Zinoviev xlock xpp xzoom zlib-acknowledgement
`.trim().split(/\s+/);

// src/card/hub-vocabulary.ts
var PIPELINE_TAGS = [...PIPELINE_TYPES];
var FRAMEWORK_LIBRARIES = ["gguf", "jax", "onnx", "pytorch", "safetensors", "tensorflow"];
var LIBRARY_NAMES = [
  .../* @__PURE__ */ new Set([...ALL_MODEL_LIBRARY_KEYS, ...FRAMEWORK_LIBRARIES])
].sort();
var PIPELINE_ALIASES = {
  "image-generation": "text-to-image",
  embedding: "feature-extraction",
  embeddings: "feature-extraction",
  "sentence-embedding": "sentence-similarity",
  "causal-lm": "text-generation",
  text2text: "text2text-generation",
  chat: "text-generation",
  "speech-recognition": "automatic-speech-recognition",
  asr: "automatic-speech-recognition",
  tts: "text-to-speech"
};
var HUB_LICENSES = new Set(HUB_LICENSE_IDS);
var spdxByLowerCase = new Map(SPDX_LICENSE_IDS.map((id) => [id.toLowerCase(), id]));
function spdxLicense(id) {
  return spdxByLowerCase.get(id.toLowerCase());
}
function spdxLicenseUrl(spdxId) {
  return `https://spdx.org/licenses/${spdxId}.html`;
}

// src/card/validate-model-index.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var SPEC = "see the model-index example in https://hf.co/docs/hub/model-cards";
function requireString(object, key, at, issues, optional = false) {
  const value = object[key];
  if (value === void 0 && optional) return void 0;
  if (typeof value === "string" && value !== "") return value;
  issues.push({
    field: `${at}.${key}`,
    message: value === void 0 ? "is missing" : "is not a non-empty string",
    fix: `give ${key} as text; ${SPEC}`
  });
  return void 0;
}
function checkMetric(metric, at, issues) {
  if (!isRecord(metric)) {
    issues.push({
      field: at,
      message: "is not a mapping",
      fix: `write { type, value, name }; ${SPEC}`
    });
    return;
  }
  requireString(metric, "type", at, issues);
  requireString(metric, "name", at, issues, true);
  const value = metric.value;
  if (!(typeof value === "string" || typeof value === "number" && Number.isFinite(value))) {
    issues.push({
      field: `${at}.value`,
      message: value === void 0 ? "is missing" : "is not a number or text",
      fix: "give the metric's value, e.g. 0.873"
    });
  }
  if (metric.verified !== void 0 && typeof metric.verified !== "boolean") {
    issues.push({
      field: `${at}.verified`,
      message: "is not true or false",
      fix: "write true or false"
    });
  }
}
function checkResult(result, at, issues) {
  if (!isRecord(result)) {
    issues.push({
      field: at,
      message: "is not a mapping",
      fix: `write { task, dataset, metrics }; ${SPEC}`
    });
    return;
  }
  const task = result.task;
  if (!isRecord(task)) {
    issues.push({
      field: `${at}.task`,
      message: "is missing or not a mapping",
      fix: "write task: { type: text-generation }"
    });
  } else {
    const type = requireString(task, "type", `${at}.task`, issues);
    if (type !== void 0 && !PIPELINE_TAGS.includes(type)) {
      const guess = closest(type, PIPELINE_TAGS);
      issues.push({
        field: `${at}.task.type`,
        message: `"${type}" is not a Hub task (@huggingface/tasks)`,
        fix: guess === void 0 ? "use a pipeline tag such as text-generation" : `did you mean "${guess}"?`
      });
    }
    requireString(task, "name", `${at}.task`, issues, true);
  }
  const dataset = result.dataset;
  if (!isRecord(dataset)) {
    issues.push({
      field: `${at}.dataset`,
      message: "is missing or not a mapping",
      fix: "write dataset: { type: <hub dataset id>, name: <display name> }"
    });
  } else {
    requireString(dataset, "type", `${at}.dataset`, issues);
    requireString(dataset, "name", `${at}.dataset`, issues);
    for (const key of ["config", "split", "revision"]) {
      requireString(dataset, key, `${at}.dataset`, issues, true);
    }
  }
  const metrics = result.metrics;
  if (!Array.isArray(metrics) || metrics.length === 0) {
    issues.push({
      field: `${at}.metrics`,
      message: "is missing or empty",
      fix: "list at least one { type, value }"
    });
  } else {
    metrics.forEach((metric, index) => {
      checkMetric(metric, `${at}.metrics[${index}]`, issues);
    });
  }
  if (result.source !== void 0) {
    if (!isRecord(result.source)) {
      issues.push({
        field: `${at}.source`,
        message: "is not a mapping",
        fix: "write source: { name, url }"
      });
    } else {
      requireString(result.source, "url", `${at}.source`, issues);
    }
  }
}
function checkModelIndex(modelIndex2, issues) {
  if (modelIndex2 === void 0) return;
  if (!Array.isArray(modelIndex2) || modelIndex2.length === 0) {
    issues.push({
      field: "model-index",
      message: "is not a non-empty list",
      fix: `write model-index: [{ name, results: [...] }]; ${SPEC}`
    });
    return;
  }
  modelIndex2.forEach((entry, i) => {
    const at = `model-index[${i}]`;
    if (!isRecord(entry)) {
      issues.push({ field: at, message: "is not a mapping", fix: "write { name, results }" });
      return;
    }
    requireString(entry, "name", at, issues);
    const results = entry.results;
    if (!Array.isArray(results) || results.length === 0) {
      issues.push({
        field: `${at}.results`,
        message: "is missing or empty",
        fix: `list the results; ${SPEC}`
      });
      return;
    }
    results.forEach((result, j) => {
      checkResult(result, `${at}.results[${j}]`, issues);
    });
  });
}

// src/card/validate-front-matter.ts
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function didYouMean(guess, otherwise) {
  return guess === void 0 ? otherwise : `did you mean "${guess}"?`;
}
var LICENSE_NAME = /^[a-z0-9][a-z0-9.+-]*$/;
function slug(text2) {
  return text2.toLowerCase().replace(/[^a-z0-9.+]+/g, "-").replace(/^-+|-+$/g, "");
}
function checkLicense(fm, issues) {
  const license2 = fm.license;
  if (license2 === void 0) {
    issues.push({
      field: "license",
      message: "is missing",
      fix: "set the manifest's `license` to a Hub license id such as apache-2.0 or mit"
    });
  } else if (typeof license2 !== "string") {
    issues.push({ field: "license", message: "is not a string", fix: "give one license id" });
  } else if (!HUB_LICENSES.has(license2)) {
    const spdx = spdxLicense(license2);
    const lower = license2.toLowerCase();
    let fix;
    if (HUB_LICENSES.has(lower)) fix = `the Hub spells it in lower case: "${lower}"`;
    else if (spdx !== void 0) {
      fix = `the Hub does not list SPDX's ${spdx}: write license: other, license_name: ${spdx.toLowerCase()}, license_link: ${spdxLicenseUrl(spdx)}`;
    } else {
      fix = didYouMean(
        closest(license2, HUB_LICENSE_IDS),
        "use a Hub license id (https://hf.co/docs/hub/repositories-licenses) or an SPDX id, or `other` with a license name and link"
      );
    }
    issues.push({
      field: "license",
      message: `"${license2}" is not a license id the Hub accepts`,
      fix
    });
  }
  const custom = license2 === "other";
  for (const field2 of ["license_name", "license_link"]) {
    const value = fm[field2];
    if (!custom) {
      if (value !== void 0) {
        issues.push({
          field: field2,
          message: "is set, but license is not `other`",
          fix: `remove ${field2}, or set license: other`
        });
      }
    } else if (typeof value !== "string" || value.trim() === "") {
      issues.push({
        field: field2,
        message: "is required with license: other",
        fix: field2 === "license_name" ? "name the license in the manifest's `licenseName`, e.g. my-license-1.0" : "give the manifest's `licenseLink`: a URL, or LICENSE.md for a file in the repository"
      });
    } else if (field2 === "license_name" && !LICENSE_NAME.test(value)) {
      issues.push({
        field: field2,
        message: `"${value}" is not a license id (lower case, digits, '.', '-')`,
        fix: `write it as "${slug(value)}"`
      });
    }
  }
}
function checkVocabulary(fm, field2, issues) {
  const value = fm[field2];
  if (value === void 0) return;
  const known = field2 === "pipeline_tag" ? PIPELINE_TAGS : LIBRARY_NAMES;
  const what = field2 === "pipeline_tag" ? "a Hub pipeline tag" : "a library the Hub knows";
  if (typeof value !== "string") {
    issues.push({ field: field2, message: "is not a string", fix: `give ${what}` });
    return;
  }
  if (known.includes(value)) return;
  const alias = field2 === "pipeline_tag" ? PIPELINE_ALIASES[value.toLowerCase()] : void 0;
  issues.push({
    field: field2,
    message: `"${value}" is not ${what} (@huggingface/tasks)`,
    fix: didYouMean(
      alias ?? closest(value, known),
      `pick one of @huggingface/tasks' ${field2 === "pipeline_tag" ? "PIPELINE_TYPES" : "model libraries"}, e.g. ${known.slice(0, 3).join(", ")}`
    )
  });
}
function checkStrings(fm, field2, issues, pattern) {
  const value = fm[field2];
  if (value === void 0) return;
  const single = field2 === "language" || field2 === "base_model";
  const list3 = typeof value === "string" && single ? [value] : value;
  if (!Array.isArray(list3) || !list3.every((item) => typeof item === "string" && item !== "")) {
    issues.push({
      field: field2,
      message: single ? "is not a string or a list of strings" : "is not a list of strings",
      fix: `write it as a YAML list: ${field2}: [a, b]`
    });
    return;
  }
  if (!pattern) return;
  list3.forEach((item, index) => {
    if (pattern.test.test(item)) return;
    issues.push({
      field: Array.isArray(value) ? `${field2}[${index}]` : field2,
      message: `"${item}" is not ${pattern.what}`,
      fix: field2 === "language" ? "use ISO 639-1 or 639-3 codes such as en or fra" : "give the Hub model id as owner/name"
    });
  });
}
function checkRelation(fm, issues) {
  const relation = fm.base_model_relation;
  if (relation === void 0) return;
  const allowed = ["adapter", "merge", "quantized", "finetune"];
  if (typeof relation !== "string" || !allowed.includes(relation)) {
    issues.push({
      field: "base_model_relation",
      message: `${JSON.stringify(relation)} is not one of ${allowed.join(", ")}`,
      fix: didYouMean(
        typeof relation === "string" ? closest(relation, allowed) : void 0,
        `use one of ${allowed.join(", ")}`
      )
    });
  }
  if (fm.base_model === void 0) {
    issues.push({
      field: "base_model_relation",
      message: "is set without base_model",
      fix: "add base_model: owner/name of the model this one derives from"
    });
  }
}
function validateFrontMatter(frontMatter) {
  if (!isRecord2(frontMatter)) {
    return [
      {
        field: "(front matter)",
        message: "is not a YAML mapping",
        fix: "start the card with ---, key: value lines, and ---"
      }
    ];
  }
  const issues = [];
  checkLicense(frontMatter, issues);
  checkVocabulary(frontMatter, "pipeline_tag", issues);
  checkVocabulary(frontMatter, "library_name", issues);
  for (const field2 of ["tags", "datasets", "metrics"]) checkStrings(frontMatter, field2, issues);
  checkStrings(frontMatter, "language", issues, {
    test: /^(?:[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*|multilingual|code)$/,
    what: "a language code"
  });
  checkStrings(frontMatter, "base_model", issues, {
    test: /^[A-Za-z0-9][\w.-]*(?:\/[\w.-]+)?$/,
    what: "a Hub model id"
  });
  checkRelation(frontMatter, issues);
  checkModelIndex(frontMatter["model-index"], issues);
  return issues;
}

// src/card/render-card.ts
import { Template } from "@huggingface/jinja";

// src/card/card-issue.ts
function formatCardIssue(issue) {
  const from = issue.pointer === void 0 ? "" : ` (manifest ${issue.pointer})`;
  return `front matter ${issue.field}${from}: ${issue.message}
    fix: ${issue.fix}`;
}
var CardInvalidError = class extends ModelPublishError {
  issues;
  constructor(where, issues) {
    super(
      "CARD_INVALID",
      `${where}: the model card's front matter has ${issues.length} problem${issues.length === 1 ? "" : "s"}:
${issues.map((issue) => `  ${formatCardIssue(issue)}`).join("\n")}`
    );
    this.name = "CardInvalidError";
    this.issues = issues;
  }
};

// src/card/format.ts
function formatBytes(bytes) {
  const units = ["B", "kB", "MB", "GB", "TB", "PB"];
  let value = bytes;
  let unit = 0;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1e3;
    unit++;
  }
  if (unit === 0) return `${bytes} B`;
  const digits = value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2;
  return `${value.toFixed(digits)} ${units[unit] ?? ""}`;
}
function groupDigits(n) {
  const [whole = "", fraction] = String(n).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === void 0 ? grouped : `${grouped}.${fraction}`;
}
function formatCount(n) {
  const scales = [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "K"]
  ];
  for (const [scale, suffix] of scales) {
    if (n >= scale) {
      const short = Number((n / scale).toPrecision(3));
      return `${String(short)}${suffix} (${groupDigits(n)})`;
    }
  }
  return groupDigits(n);
}
function cell(text2) {
  return text2.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function formatFigure(value) {
  if (Number.isInteger(value)) return groupDigits(value);
  return String(Number(value.toPrecision(6)));
}

// src/card/front-matter.ts
import { parse, stringify } from "yaml";
var QUANTIZED = /^(int[48]|q\d|onnx-int[48])/;
function hasQuantizedVariants(manifest, artifacts) {
  if (artifacts && artifacts.length > 0) {
    return artifacts.some((a) => a.role === "variant" && QUANTIZED.test(a.variant ?? ""));
  }
  return (manifest.variants ?? []).some((variant) => QUANTIZED.test(variant.scheme));
}
var DEFAULT_PIPELINE = {
  "text-generation": "text-generation",
  embedding: "feature-extraction",
  "image-classification": "image-classification"
};
function license(manifest, fm) {
  const id = manifest.license;
  const set = (key, value, pointer) => {
    fm.data[key] = value;
    fm.pointers[key] = pointer;
  };
  const spdx = spdxLicense(id);
  if (HUB_LICENSES.has(id) || HUB_LICENSES.has(id.toLowerCase())) {
    set("license", HUB_LICENSES.has(id) ? id : id.toLowerCase(), "/license");
  } else if (spdx !== void 0) {
    set("license", "other", "/license");
    set(
      "license_name",
      manifest.licenseName ?? spdx.toLowerCase(),
      manifest.licenseName ? "/licenseName" : "/license"
    );
    set(
      "license_link",
      manifest.licenseLink ?? spdxLicenseUrl(spdx),
      manifest.licenseLink ? "/licenseLink" : "/license"
    );
    return;
  } else {
    set("license", id, "/license");
  }
  if (manifest.licenseName !== void 0) set("license_name", manifest.licenseName, "/licenseName");
  if (manifest.licenseLink !== void 0) set("license_link", manifest.licenseLink, "/licenseLink");
}
function modelIndex(name, evaluations) {
  return [
    {
      name,
      results: evaluations.map((e) => ({
        task: { type: e.task.type, ...e.task.name ? { name: e.task.name } : {} },
        dataset: { ...e.dataset },
        metrics: e.metrics.map((m) => ({ ...m })),
        ...e.source ? { source: { ...e.source } } : {}
      }))
    }
  ];
}
function frontMatterOf(manifest, artifacts, evaluations) {
  const fm = { data: {}, pointers: {} };
  const card = manifest.card ?? {};
  license(manifest, fm);
  const copy = (key, value = card[key]) => {
    if (value === void 0) return;
    fm.data[key] = value;
    fm.pointers[key] = `/card/${key}`;
  };
  copy("library_name");
  const pipeline2 = card.pipeline_tag ?? DEFAULT_PIPELINE[manifest.type];
  if (pipeline2 !== void 0) {
    fm.data.pipeline_tag = pipeline2;
    fm.pointers.pipeline_tag = card.pipeline_tag === void 0 ? "/type" : "/card/pipeline_tag";
  }
  copy("base_model");
  const relation = card.base_model_relation ?? (card.base_model !== void 0 && hasQuantizedVariants(manifest, artifacts) ? "quantized" : void 0);
  if (relation !== void 0) {
    fm.data.base_model_relation = relation;
    fm.pointers.base_model_relation = card.base_model_relation ? "/card/base_model_relation" : "/variants";
  }
  copy("language");
  copy("tags");
  copy("datasets");
  copy("metrics");
  if (evaluations && evaluations.length > 0) {
    fm.data["model-index"] = modelIndex(manifest.id, evaluations);
  }
  return fm;
}
function frontMatterYaml(data) {
  return stringify(data, { lineWidth: 0, minContentWidth: 0 }).trimEnd();
}
function splitFrontMatter(markdown) {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown);
  if (!match) return void 0;
  return { yaml: match[1] ?? "", body: markdown.slice(match[0].length) };
}
function parseFrontMatter(yaml) {
  return parse(yaml, { uniqueKeys: true });
}

// src/card/hardware.ts
var MODEL_FORMATS = /* @__PURE__ */ new Set(["safetensors", "gguf", "onnx", "onnx-data"]);
var FORMAT_LABEL = {
  safetensors: "safetensors",
  gguf: "GGUF",
  onnx: "ONNX",
  "onnx-data": "ONNX"
};
var RUNTIME_OVERHEAD = 0.1;
function kvCacheBytes(architecture) {
  const { layers, hiddenSize, attentionHeads, contextLength } = architecture ?? {};
  if (!layers || !hiddenSize || !attentionHeads || !contextLength) return void 0;
  const kvHeads = architecture?.kvHeads ?? attentionHeads;
  return 2 * layers * kvHeads * (hiddenSize / attentionHeads) * contextLength * 2;
}
function groupOf(artifact) {
  const format = FORMAT_LABEL[artifact.format] ?? artifact.format;
  if (artifact.role === "variant" && artifact.variant) {
    return { key: `v:${artifact.variant}`, variant: artifact.variant, format };
  }
  return { key: `w:${format}`, variant: "original", format };
}
function hardwareRows(artifacts, kvCache = 0) {
  const groups = /* @__PURE__ */ new Map();
  for (const artifact of artifacts) {
    if (!MODEL_FORMATS.has(artifact.format)) continue;
    if (artifact.role !== "weights" && artifact.role !== "variant") continue;
    const { key, variant, format } = groupOf(artifact);
    const row2 = groups.get(key) ?? {
      variant,
      format,
      files: [],
      size: 0,
      memory: 0,
      original: !key.startsWith("v:")
    };
    row2.files.push(artifact.path);
    row2.size += artifact.size;
    groups.set(key, row2);
  }
  return [...groups.values()].map(({ original, ...row2 }) => ({
    ...row2,
    files: [...row2.files].sort(),
    memory: Math.round(row2.size * (1 + RUNTIME_OVERHEAD) + kvCache),
    original
  })).sort(
    (a, b) => Number(b.original) - Number(a.original) || b.size - a.size || (a.variant + a.format < b.variant + b.format ? -1 : 1)
  ).map(({ original: _original, ...row2 }) => row2);
}
function hardwareNote(kvCache) {
  const base = `weights + ${String(RUNTIME_OVERHEAD * 100)}% for the runtime`;
  return kvCache > 0 ? `Estimated memory = ${base} + an fp16 KV cache for the full context (${formatBytes(kvCache)}).` : `Estimated memory = ${base}.`;
}

// src/card/tables.ts
var ARCHITECTURE_LABELS = [
  ["type", "Type"],
  ["name", "Class"],
  ["parameters", "Parameters"],
  ["layers", "Layers"],
  ["hiddenSize", "Hidden size"],
  ["intermediateSize", "Intermediate size"],
  ["attentionHeads", "Attention heads"],
  ["kvHeads", "KV heads"],
  ["vocabSize", "Vocabulary"],
  ["contextLength", "Context length"],
  ["patchSize", "Patch size"],
  ["imageSize", "Image size"]
];
function architectureRows(architecture) {
  if (!architecture) return [];
  const rows = [];
  for (const [key, label2] of ARCHITECTURE_LABELS) {
    const value = architecture[key];
    if (value === void 0) continue;
    const text2 = typeof value === "string" ? value : key === "parameters" ? formatCount(value) : groupDigits(value);
    rows.push({ label: label2, value: cell(text2) });
  }
  return rows;
}
function requirementRows(requirements) {
  if (!requirements) return [];
  const rows = [];
  if (requirements.minMemory !== void 0) {
    rows.push({ label: "Minimum memory", value: formatBytes(requirements.minMemory) });
  }
  if (requirements.gpu !== void 0) rows.push({ label: "GPU", value: cell(requirements.gpu) });
  if (requirements.simdRequired !== void 0) {
    rows.push({ label: "SIMD", value: requirements.simdRequired ? "required" : "not required" });
  }
  if (requirements.webgpuOptional !== void 0) {
    rows.push({ label: "WebGPU", value: requirements.webgpuOptional ? "optional" : "not used" });
  }
  if (requirements.browserSupport?.length) {
    rows.push({ label: "Browsers", value: cell(requirements.browserSupport.join(", ")) });
  }
  return rows;
}
var METRIC_LABELS = {
  compressionRatio: "compression",
  compressionRatioVsF32: "vs FP32",
  minCosine: "min cosine",
  maxAbsError: "max abs error",
  meanAbsError: "mean abs error",
  rmse: "RMSE",
  maxMeanAbsError: "worst tensor mean abs error",
  maxRmse: "worst tensor RMSE",
  tensors: "tensors"
};
var METRIC_ORDER = Object.keys(METRIC_LABELS);
function metricRank(name) {
  const rank = METRIC_ORDER.indexOf(name);
  return rank < 0 ? METRIC_ORDER.length : rank;
}
function metricValue(name, value) {
  if (value === void 0) return "—";
  return name.startsWith("compressionRatio") ? `${formatFigure(value)}×` : formatFigure(value);
}
function qualityTable(artifacts) {
  const byVariant = /* @__PURE__ */ new Map();
  for (const artifact of artifacts) {
    if (artifact.role !== "variant" || !artifact.variant || !artifact.metrics) continue;
    byVariant.set(artifact.variant, { ...byVariant.get(artifact.variant), ...artifact.metrics });
  }
  const names = [...new Set([...byVariant.values()].flatMap((m) => Object.keys(m)))].sort(
    (a, b) => metricRank(a) - metricRank(b) || (a < b ? -1 : a > b ? 1 : 0)
  );
  const rows = [...byVariant.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([variant, metrics]) => ({
    variant,
    values: names.map((name) => metricValue(name, metrics[name]))
  }));
  return { columns: names.map((name) => METRIC_LABELS[name] ?? name), rows };
}
function benchmarkRows(benchmarks) {
  const rows = [];
  const walk = (value, path) => {
    if (typeof value === "number") {
      rows.push({ label: cell(path.join(" / ")), value: formatFigure(value) });
    } else if (typeof value === "object" && value !== null) {
      for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key]);
    }
  };
  walk(benchmarks ?? {}, []);
  return rows;
}
function figureText(value) {
  if (typeof value === "number") return formatFigure(value);
  return typeof value === "string" ? value : "";
}
function evaluationRows(evaluations) {
  return (evaluations ?? []).flatMap(
    (e) => e.metrics.map((m) => ({
      task: cell(e.task.name ?? e.task.type),
      dataset: cell(e.dataset.split ? `${e.dataset.name} (${e.dataset.split})` : e.dataset.name),
      metric: cell(m.name ?? m.type),
      // Checked against the Hub's rules after rendering; a missing value must not stop the check.
      value: cell(figureText(m.value))
    }))
  );
}
function markdownTable(headers, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

// src/card/usage-snippets.ts
var AUTO_CLASS = {
  "text-generation": "AutoModelForCausalLM",
  "image-classification": "AutoModelForImageClassification",
  "text-classification": "AutoModelForSequenceClassification",
  "fill-mask": "AutoModelForMaskedLM"
};
function transformers(repo, pipeline2, tokenizer) {
  const auto = AUTO_CLASS[pipeline2 ?? ""] ?? "AutoModel";
  const lines = [
    `from transformers import ${auto}${tokenizer ? ", AutoTokenizer" : ""}`,
    "",
    `model = ${auto}.from_pretrained("${repo}")`
  ];
  if (tokenizer && pipeline2 === "text-generation") {
    lines.push(
      `tokenizer = AutoTokenizer.from_pretrained("${repo}")`,
      'inputs = tokenizer("Once upon a time", return_tensors="pt")',
      "print(tokenizer.decode(model.generate(**inputs, max_new_tokens=32)[0]))"
    );
  } else {
    lines.push("print(model.config)");
  }
  return lines.join("\n");
}
function python(repo, path, imports, code) {
  const fetch2 = repo === void 0 ? `path = "${path}"` : `path = hf_hub_download("${repo}", "${path}")`;
  const all2 = repo === void 0 ? imports : ["from huggingface_hub import hf_hub_download", ...imports];
  return [...all2, "", fetch2, ...code].join("\n");
}
function usageExamples(manifest, files, pipeline2) {
  const repo = manifest.destinations?.huggingface?.repo;
  const examples = [];
  if (files.safetensors !== void 0) {
    if (manifest.card?.library_name === "transformers" && repo !== void 0) {
      examples.push({
        title: "Python (Transformers)",
        language: "python",
        code: transformers(repo, pipeline2, files.tokenizer)
      });
    }
    const weights = files.safetensors.endsWith(".index.json") ? void 0 : files.safetensors;
    if (weights !== void 0) {
      examples.push({
        title: "Python (safetensors)",
        language: "python",
        code: python(
          repo,
          weights,
          ["from safetensors.torch import load_file"],
          [
            "state_dict = load_file(path)",
            "print({name: tuple(t.shape) for name, t in state_dict.items()})"
          ]
        )
      });
    }
  }
  const gguf2 = files.gguf[0];
  if (gguf2 !== void 0) {
    const quant = gguf2.quant.toUpperCase();
    examples.push({
      title: "llama.cpp",
      language: "sh",
      code: [
        `llama-cli -m ${gguf2.path} -p "Once upon a time" -n 64`,
        ...repo === void 0 ? [] : [
          "# or straight from the Hub",
          `llama-cli -hf ${repo}:${quant} -p "Once upon a time" -n 64`
        ]
      ].join("\n")
    });
    examples.push({
      title: "Python (llama-cpp-python)",
      language: "python",
      code: [
        "from llama_cpp import Llama",
        "",
        repo === void 0 ? `llm = Llama(model_path="${gguf2.path}")` : `llm = Llama.from_pretrained(repo_id="${repo}", filename="${gguf2.path}")`,
        'print(llm("Once upon a time", max_tokens=64)["choices"][0]["text"])'
      ].join("\n")
    });
  }
  if (files.onnx !== void 0) {
    examples.push({
      title: "Python (onnxruntime)",
      language: "python",
      code: python(
        repo,
        files.onnx,
        ["import onnxruntime as ort"],
        [
          'session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])',
          "print([(i.name, i.shape, i.type) for i in session.get_inputs()])"
        ]
      )
    });
    examples.push({
      title: "JavaScript (onnxruntime-node)",
      language: "js",
      code: [
        'import * as ort from "onnxruntime-node";',
        ...repo === void 0 ? [`const path = "${files.onnx}";`] : [
          'import { downloadFileToCacheDir } from "@huggingface/hub";',
          "",
          `const path = await downloadFileToCacheDir({ repo: "${repo}", path: "${files.onnx}" });`
        ],
        "const session = await ort.InferenceSession.create(path);",
        "console.log(session.inputNames, session.outputNames);"
      ].join("\n")
    });
  }
  return examples;
}
function fetchAndVerify(manifest, version, publicKey) {
  const repo = manifest.destinations?.huggingface?.repo;
  const gcs = manifest.destinations?.gcs;
  const lines = [];
  if (repo !== void 0) {
    lines.push(`huggingface-cli download ${repo} --local-dir ${manifest.id}`);
  } else if (gcs !== void 0) {
    const prefix = gcs.prefix ? `${gcs.prefix}/` : "";
    lines.push(
      `mkdir -p ${manifest.id}`,
      `gcloud storage cp --recursive "gs://${gcs.bucket}/${prefix}${manifest.id}/v${version}/*" ${manifest.id}/`
    );
  }
  lines.push(`model-publish verify ${manifest.id} --public-key ${publicKey}`);
  return lines.join("\n");
}

// src/card/card-context.ts
var GGUF_SCHEMES = /* @__PURE__ */ new Set(["q8_0", "q4_0", "q4_k", "q4_k_m", "q6_k"]);
function usageFiles(manifest, artifacts) {
  if (artifacts.length > 0) {
    const weights = artifacts.filter((a) => a.role === "weights");
    const index = weights.find((a) => a.format === "safetensors-index");
    return {
      safetensors: (index ?? weights.find((a) => a.format === "safetensors"))?.path,
      gguf: artifacts.filter((a) => a.format === "gguf").map((a) => ({ path: a.path, quant: a.variant ?? "gguf" })),
      onnx: (weights.find((a) => a.format === "onnx") ?? artifacts.find((a) => a.format === "onnx"))?.path,
      tokenizer: artifacts.some((a) => a.role === "tokenizer")
    };
  }
  const { sources } = manifest;
  const size2 = manifest.size ?? "";
  return {
    safetensors: sources.checkpoint !== void 0 || sources.safetensors !== void 0 ? `${manifest.id}.safetensors` : void 0,
    gguf: (manifest.variants ?? []).filter((v) => GGUF_SCHEMES.has(v.scheme)).map((v) => ({ path: `${manifest.id}-${size2}-${v.scheme}.gguf`, quant: v.scheme })),
    onnx: sources.onnx !== void 0 || sources.export !== void 0 ? "onnx/model.onnx" : void 0,
    tokenizer: (sources.tokenizer ?? []).length > 0
  };
}
function list(value) {
  return value === void 0 ? [] : Array.isArray(value) ? value : [value];
}
function detailRows(manifest, version, license2) {
  const rows = [
    { label: "Model id", value: `\`${manifest.id}\`` },
    { label: "Version", value: cell(version) },
    { label: "Type", value: cell(manifest.type) }
  ];
  if (manifest.family) rows.push({ label: "Family", value: cell(manifest.family) });
  if (manifest.size) rows.push({ label: "Size", value: cell(manifest.size) });
  rows.push({ label: "License", value: cell(license2) });
  const base = list(manifest.card?.base_model);
  if (base.length > 0) rows.push({ label: "Base model", value: cell(base.join(", ")) });
  if (manifest.card?.authors?.length) {
    rows.push({ label: "Authors", value: cell(manifest.card.authors.join(", ")) });
  }
  if (manifest.homepage) rows.push({ label: "Homepage", value: cell(manifest.homepage) });
  return rows;
}
function licenseText(fm) {
  const data = fm.data;
  const id = typeof data.license === "string" ? data.license : "";
  if (id !== "other") return id;
  const name = typeof data.license_name === "string" ? data.license_name : "a custom license";
  return typeof data.license_link === "string" ? `${name} (${data.license_link})` : name;
}
function cardContext(input, fm) {
  const { manifest } = input;
  const version = input.version ?? manifest.version;
  const artifacts = [...input.artifacts ?? []].sort((a, b) => compareUtf8(a.path, b.path));
  const kvCache = manifest.type === "text-generation" ? kvCacheBytes(manifest.architecture) ?? 0 : 0;
  const hardware = hardwareRows(artifacts, kvCache).map((row2) => ({
    ...row2,
    files: row2.files.map((f) => `\`${f}\``).join(", "),
    size: formatBytes(row2.size),
    memory: formatBytes(row2.memory)
  }));
  const files = artifacts.filter((a) => a.role !== "card").map((a) => ({
    path: a.path,
    format: a.format,
    role: a.role,
    variant: a.variant ?? "",
    size: formatBytes(a.size),
    bytes: a.size,
    sha256: a.sha256 ?? ""
  }));
  const pipeline2 = typeof fm.data.pipeline_tag === "string" ? fm.data.pipeline_tag : void 0;
  const usage3 = usageExamples(manifest, usageFiles(manifest, artifacts), pipeline2);
  const publicKey = manifest.signing?.publicKey;
  const architecture = architectureRows(manifest.architecture);
  const benchmarks = benchmarkRows(input.benchmarks);
  const evaluations = evaluationRows(input.evaluations);
  const license2 = licenseText(fm);
  const description = manifest.description?.trim() ?? "";
  const firstUsage = usage3[0];
  return {
    // Hugging Face modelcard_template.md variables.
    card_data: frontMatterYaml(fm.data),
    model_id: manifest.name,
    model_summary: description.split(/\n\s*\n/)[0] ?? "",
    model_description: description,
    developers: (manifest.card?.authors ?? []).join(", "),
    model_card_authors: (manifest.card?.authors ?? []).join(", "),
    model_type: [manifest.family, manifest.architecture?.type].filter(Boolean).join(" / "),
    language: list(manifest.card?.language).join(", "),
    license: license2,
    finetuned_from: list(manifest.card?.base_model).join(", "),
    base_model: list(manifest.card?.base_model).join(", "),
    repo: manifest.homepage ?? "",
    hardware: manifest.requirements?.gpu ?? "",
    model_specs: architecture.length ? markdownTable(
      ["Property", "Value"],
      architecture.map((r) => [r.label, r.value])
    ) : "",
    results: evaluations.length ? markdownTable(
      ["Task", "Dataset", "Metric", "Value"],
      evaluations.map((r) => [r.task, r.dataset, r.metric, r.value])
    ) : benchmarks.length ? markdownTable(
      ["Benchmark", "Value"],
      benchmarks.map((r) => [r.label, r.value])
    ) : "",
    citation_bibtex: manifest.citation ? `\`\`\`bibtex
${manifest.citation.trim()}
\`\`\`` : "",
    get_started_code: firstUsage ? `\`\`\`${firstUsage.language}
${firstUsage.code}
\`\`\`` : "",
    // The default template's variables.
    id: manifest.id,
    name: manifest.name,
    version,
    type: manifest.type,
    description,
    capabilities: manifest.capabilities ?? [],
    homepage: manifest.homepage ?? "",
    citation: manifest.citation?.trim() ?? "",
    license_id: typeof fm.data.license === "string" ? fm.data.license : "",
    license_link: typeof fm.data.license_link === "string" ? fm.data.license_link : "",
    hub_repo: manifest.destinations?.huggingface?.repo ?? "",
    details: detailRows(manifest, version, license2),
    architecture,
    requirements: requirementRows(manifest.requirements),
    hardware_rows: hardware,
    hardware_note: hardwareNote(kvCache),
    files,
    quality: qualityTable(artifacts),
    usage: usage3,
    benchmarks,
    evaluations,
    key_id: manifest.signing?.keyId ?? "",
    public_key: publicKey ?? "",
    fetch_and_verify: fetchAndVerify(manifest, version, publicKey ?? "<publisher's public key>"),
    format_bytes: (bytes) => typeof bytes === "number" ? formatBytes(bytes) : ""
  };
}

// src/card/render-card.ts
function sameValue(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
function locate(issues, rendered, generated) {
  return issues.map((issue) => {
    const key = /^[^.[]+/.exec(issue.field)?.[0] ?? issue.field;
    const pointer = generated.pointers[key];
    return pointer !== void 0 && sameValue(rendered[key], generated.data[key]) ? { ...issue, pointer } : issue;
  });
}
function render(template, context) {
  if (/\bstrftime_now\b/.test(template.text)) {
    throw new ModelPublishError(
      "CARD_INVALID",
      `${template.path}: the template calls strftime_now, which reads the clock; cards are rendered reproducibly, so use {{ version }} or a date written in the manifest`
    );
  }
  let compiled3;
  try {
    compiled3 = new Template(template.text);
  } catch (error) {
    throw new ModelPublishError(
      "CARD_INVALID",
      `${template.path}: the template does not parse: ${error instanceof Error ? error.message : String(error)}`
    );
  }
  try {
    return compiled3.render(context);
  } catch (error) {
    throw new ModelPublishError(
      "CARD_INVALID",
      `${template.path}: rendering failed: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}
function renderCard(input) {
  const generated = frontMatterOf(input.manifest, input.artifacts, input.evaluations);
  const markdown = `${render(input.template, cardContext(input, generated)).trimEnd()}
`;
  const split3 = splitFrontMatter(markdown);
  if (!split3) {
    throw new CardInvalidError(input.template.path, [
      {
        field: "(front matter)",
        message: "the card has none",
        fix: "start the template with ---, {{ card_data }} and --- lines"
      }
    ]);
  }
  let frontMatter;
  try {
    frontMatter = parseFrontMatter(split3.yaml);
  } catch (error) {
    throw new CardInvalidError(input.template.path, [
      {
        field: "(front matter)",
        message: `is not valid YAML: ${error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error)}`,
        fix: "check the template's front matter lines"
      }
    ]);
  }
  const issues = validateFrontMatter(frontMatter);
  const data = frontMatter ?? {};
  if (issues.length > 0) {
    throw new CardInvalidError(input.template.path, locate(issues, data, generated));
  }
  return { markdown, frontMatter: data };
}

// src/card/card-template.ts
import { access, readFile as readFile3 } from "node:fs/promises";
import { dirname as dirname2, join as join4, resolve as resolve2 } from "node:path";
import { fileURLToPath } from "node:url";
var DEFAULT_TEMPLATE = join4("templates", "model-card.md.jinja");
async function defaultTemplatePath() {
  let dir = dirname2(fileURLToPath(import.meta.url));
  for (let level = 0; level < 5; level++) {
    const candidate = join4(dir, DEFAULT_TEMPLATE);
    try {
      await access(candidate);
      return candidate;
    } catch {
      dir = dirname2(dir);
    }
  }
  throw new ModelPublishError(
    "INPUT_UNSUPPORTED",
    `the default model card template (${DEFAULT_TEMPLATE}) is not installed beside model-publish; reinstall it, or set card.template in the manifest`
  );
}
async function loadCardTemplate(manifest, manifestDir) {
  const custom = manifest.card?.template;
  const path = custom === void 0 ? await defaultTemplatePath() : resolve2(manifestDir, custom);
  try {
    return { text: await readFile3(path, "utf8"), path: custom ?? path };
  } catch (error) {
    const code = error.code;
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `card.template ${custom ?? path}: ${code === "ENOENT" ? "no such file" : `cannot read it (${code ?? "error"})`}; the path is relative to the manifest's folder`
    );
  }
}

// src/formats/random-access-file.ts
import { open } from "node:fs/promises";
import { basename } from "node:path";

// src/formats/format-error.ts
function malformed(where, detail) {
  return new ModelPublishError("INPUT_MALFORMED", `${where}: ${detail}`);
}
function unsupported(where, detail) {
  return new ModelPublishError("INPUT_UNSUPPORTED", `${where}: ${detail}`);
}

// src/formats/random-access-file.ts
var RandomAccessFile = class _RandomAccessFile {
  constructor(path, name, size2, handle) {
    this.path = path;
    this.name = name;
    this.size = size2;
    this.handle = handle;
  }
  path;
  name;
  size;
  handle;
  /** Opens `path` for reading; `name` (default: the base name) is what messages call it. */
  static async open(path, name = basename(path)) {
    const handle = await open(path, "r");
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw malformed(name, "is not a regular file");
      return new _RandomAccessFile(path, name, stats.size, handle);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  /** Reads exactly `length` bytes at `offset` into a new buffer. */
  async read(offset, length, what = "data") {
    const buffer = Buffer.allocUnsafe(length);
    await this.readInto(buffer, 0, length, offset, what);
    return buffer;
  }
  /** Fills `buffer[at, at+length)` from `offset`; throws if the file ends first. */
  async readInto(buffer, at, length, offset, what = "data") {
    if (offset < 0 || length < 0 || offset + length > this.size) {
      throw malformed(
        this.name,
        `${what} at bytes ${offset}..${offset + length} runs past the end of the file (${this.size} bytes); the file is truncated or its offsets are wrong`
      );
    }
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(buffer, at + done, length - done, offset + done);
      if (bytesRead === 0) {
        throw malformed(this.name, `file ended at byte ${offset + done} while reading ${what}`);
      }
      done += bytesRead;
    }
  }
  async close() {
    await this.handle.close();
  }
};

// src/formats/checked-int.ts
function checkedMul(a, b) {
  if (a === 0 || b === 0) return 0;
  const product = a * b;
  return Number.isSafeInteger(product) && product / b === a ? product : void 0;
}
function checkedAdd(a, b) {
  const sum = a + b;
  return Number.isSafeInteger(sum) ? sum : void 0;
}
function checkedProduct(values) {
  let product = 1;
  for (const value of values) {
    const next = checkedMul(product, value);
    if (next === void 0) return void 0;
    product = next;
  }
  return product;
}
function isCount(value) {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

// src/formats/dtype.ts
var SAFETENSORS_DTYPES = [
  "BOOL",
  "F4",
  "F6_E2M3",
  "F6_E3M2",
  "U8",
  "I8",
  "F8_E5M2",
  "F8_E4M3",
  "F8_E8M0",
  "F8_E4M3FNUZ",
  "F8_E5M2FNUZ",
  "I16",
  "U16",
  "F16",
  "BF16",
  "I32",
  "U32",
  "F32",
  "C64",
  "F64",
  "I64",
  "U64"
];
var BITS = {
  BOOL: 8,
  F4: 4,
  F6_E2M3: 6,
  F6_E3M2: 6,
  U8: 8,
  I8: 8,
  F8_E5M2: 8,
  F8_E4M3: 8,
  F8_E8M0: 8,
  F8_E4M3FNUZ: 8,
  F8_E5M2FNUZ: 8,
  I16: 16,
  U16: 16,
  F16: 16,
  BF16: 16,
  I32: 32,
  U32: 32,
  F32: 32,
  C64: 64,
  F64: 64,
  I64: 64,
  U64: 64
};
var RANK = new Map(SAFETENSORS_DTYPES.map((dtype, index) => [dtype, index]));
function isDtype(value) {
  return typeof value === "string" && RANK.has(value);
}
function dtypeBits(dtype) {
  return BITS[dtype];
}
function dtypeRank(dtype) {
  return RANK.get(dtype) ?? 0;
}
function dtypeBytes(dtype) {
  const bits = BITS[dtype];
  return bits % 8 === 0 ? bits / 8 : void 0;
}
function byteSwapUnit(dtype) {
  if (dtype === "C64") return 4;
  return Math.max(1, dtypeBytes(dtype) ?? 1);
}

// src/formats/strict-json.ts
var JsonNumber = class {
  constructor(text2) {
    this.text = text2;
  }
  text;
  get value() {
    return Number(this.text);
  }
  /** True for a literal made of digits only: what a Rust `usize` field accepts. */
  get isUnsignedInteger() {
    return /^(0|[1-9][0-9]*)$/.test(this.text);
  }
};
var JsonSyntaxError = class extends Error {
  constructor(message, index) {
    super(message);
    this.index = index;
    this.name = "JsonSyntaxError";
  }
  index;
};
var MAX_DEPTH = 128;
var WHITESPACE = /* @__PURE__ */ new Set([" ", "	", "\n", "\r"]);
var ESCAPES = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	"
};
function parseStrictJson(text2) {
  let i = 0;
  const fail2 = (message, at = i) => {
    throw new JsonSyntaxError(message, at);
  };
  const skipWhitespace = () => {
    while (i < text2.length && WHITESPACE.has(text2.charAt(i))) i++;
  };
  const parseString = () => {
    const start = i;
    i++;
    let out = "";
    for (; ; ) {
      if (i >= text2.length) return fail2("unterminated string", start);
      const c = text2.charCodeAt(i);
      if (c === 34) {
        i++;
        return out;
      }
      if (c < 32) return fail2("control character in string");
      if (c !== 92) {
        let end = i + 1;
        while (end < text2.length) {
          const d = text2.charCodeAt(end);
          if (d === 34 || d === 92 || d < 32) break;
          end++;
        }
        out += text2.slice(i, end);
        i = end;
        continue;
      }
      const e = text2.charAt(i + 1);
      if (e === "u") {
        const hex2 = text2.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex2)) return fail2("bad \\u escape");
        out += String.fromCharCode(parseInt(hex2, 16));
        i += 6;
      } else {
        const mapped = ESCAPES[e];
        if (mapped === void 0) return fail2(`bad escape \\${e}`);
        out += mapped;
        i += 2;
      }
    }
  };
  const parseNumber = () => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text2.slice(i, i + 512));
    if (!match) return fail2("bad number");
    i += match[0].length;
    return new JsonNumber(match[0]);
  };
  const parseValue = (depth) => {
    if (depth > MAX_DEPTH) return fail2(`nesting deeper than ${MAX_DEPTH} levels`);
    skipWhitespace();
    const c = text2.charAt(i);
    if (c === "{") return parseObject(depth);
    if (c === "[") return parseArray(depth);
    if (c === '"') return parseString();
    if (c === "-" || c >= "0" && c <= "9") return parseNumber();
    for (const [word, value2] of [
      ["true", true],
      ["false", false],
      ["null", null]
    ]) {
      if (text2.startsWith(word, i)) {
        i += word.length;
        return value2;
      }
    }
    return fail2(
      i >= text2.length ? "unexpected end of JSON" : `unexpected character ${JSON.stringify(c)}`
    );
  };
  const parseArray = (depth) => {
    i++;
    const items = [];
    skipWhitespace();
    if (text2.charAt(i) === "]") {
      i++;
      return items;
    }
    for (; ; ) {
      items.push(parseValue(depth + 1));
      skipWhitespace();
      const c = text2.charAt(i++);
      if (c === "]") return items;
      if (c !== ",") return fail2("expected , or ] in array", i - 1);
    }
  };
  const parseObject = (depth) => {
    i++;
    const object = /* @__PURE__ */ new Map();
    skipWhitespace();
    if (text2.charAt(i) === "}") {
      i++;
      return object;
    }
    for (; ; ) {
      skipWhitespace();
      if (text2.charAt(i) !== '"') return fail2("expected a string key");
      const keyAt = i;
      const key = parseString();
      if (object.has(key)) return fail2(`duplicate key ${JSON.stringify(key)}`, keyAt);
      skipWhitespace();
      if (text2.charAt(i++) !== ":") return fail2("expected : after key", i - 1);
      object.set(key, parseValue(depth + 1));
      skipWhitespace();
      const c = text2.charAt(i++);
      if (c === "}") return object;
      if (c !== ",") return fail2("expected , or } in object", i - 1);
    }
  };
  const value = parseValue(0);
  skipWhitespace();
  if (i < text2.length) fail2("trailing characters after the JSON value");
  return value;
}

// src/formats/safetensors-header.ts
var MAX_HEADER_SIZE = 1e8;
function readHeaderLength(first, fileSize, name) {
  if (fileSize < 8 || first.length < 8) {
    throw malformed(
      name,
      `file is ${fileSize} bytes, too small for a safetensors header (HeaderTooSmall)`
    );
  }
  const n = Buffer.from(first.buffer, first.byteOffset, 8).readBigUInt64LE(0);
  if (n > BigInt(MAX_HEADER_SIZE)) {
    throw malformed(
      name,
      `header length ${n} at byte 0 is over the ${MAX_HEADER_SIZE}-byte limit (HeaderTooLarge)`
    );
  }
  const length = Number(n);
  if (8 + length > fileSize) {
    throw malformed(
      name,
      `header length ${length} at byte 0 runs past the end of the ${fileSize}-byte file (InvalidHeaderLength)`
    );
  }
  return length;
}
function parseSafetensorsHeader(headerBytes, fileSize, name) {
  let text2;
  try {
    text2 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(headerBytes);
  } catch {
    throw malformed(name, "header (bytes 8..) is not valid UTF-8 (InvalidHeader)");
  }
  let json;
  try {
    json = parseStrictJson(text2);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const at = 8 + Buffer.byteLength(text2.slice(0, error.index));
    throw malformed(
      name,
      `header JSON: ${error.message} at byte ${at} (InvalidHeaderDeserialization)`
    );
  }
  if (!(json instanceof Map)) {
    throw malformed(name, "header is not a JSON object (InvalidHeaderDeserialization)");
  }
  let metadata;
  const tensors = [];
  for (const [key, value] of json) {
    if (key === "__metadata__") metadata = parseMetadata(value, name);
    else tensors.push(parseTensorInfo(key, value, name));
  }
  tensors.sort((a, b) => a.begin - b.begin || a.end - b.end || (a.name < b.name ? -1 : 1));
  let end = 0;
  for (const info of tensors) {
    if (info.begin !== end || info.end < info.begin) {
      throw malformed(
        name,
        `tensor ${JSON.stringify(info.name)} has data_offsets [${info.begin}, ${info.end}], expected to start at ${end}: offsets must tile the buffer with no gap or overlap (InvalidOffset)`
      );
    }
    end = info.end;
    const elements = checkedProduct(info.shape);
    const bits = elements === void 0 ? void 0 : checkedMul(elements, dtypeBits(info.dtype));
    if (bits === void 0) {
      throw malformed(
        name,
        `tensor ${JSON.stringify(info.name)} shape [${info.shape.join(", ")}] overflows (ValidationOverflow)`
      );
    }
    if (bits % 8 !== 0) {
      throw malformed(
        name,
        `tensor ${JSON.stringify(info.name)} (${info.dtype} [${info.shape.join(", ")}]) is not a whole number of bytes (MisalignedSlice)`
      );
    }
    if (info.end - info.begin !== bits / 8) {
      throw malformed(
        name,
        `tensor ${JSON.stringify(info.name)} (${info.dtype} [${info.shape.join(", ")}]) needs ${bits / 8} bytes but data_offsets [${info.begin}, ${info.end}] give ${info.end - info.begin} (TensorInvalidInfo)`
      );
    }
  }
  const dataStart = 8 + headerBytes.length;
  if (dataStart + end !== fileSize) {
    throw malformed(
      name,
      `tensors end at byte ${dataStart + end} but the file has ${fileSize} bytes; the file is ${dataStart + end > fileSize ? "truncated" : "followed by extra bytes"} (MetadataIncompleteBuffer)`
    );
  }
  return { headerLength: headerBytes.length, dataStart, metadata, tensors };
}
function parseMetadata(value, name) {
  if (value === null) return void 0;
  if (!(value instanceof Map)) {
    throw malformed(
      name,
      "__metadata__ is not an object of strings (InvalidHeaderDeserialization)"
    );
  }
  const entries2 = [];
  for (const [key, entry] of value) {
    if (typeof entry !== "string") {
      throw malformed(
        name,
        `__metadata__.${key} is not a string; safetensors metadata values must be strings (InvalidHeaderDeserialization)`
      );
    }
    entries2.push([key, entry]);
  }
  return Object.fromEntries(entries2);
}
function field(info, key, tensor2, name) {
  const value = info.get(key);
  if (value === void 0) {
    throw malformed(
      name,
      `tensor ${JSON.stringify(tensor2)} has no "${key}" (InvalidHeaderDeserialization)`
    );
  }
  return value;
}
function unsignedList(value, what, name) {
  if (!Array.isArray(value) || !value.every((v) => v instanceof JsonNumber && v.isUnsignedInteger)) {
    throw malformed(
      name,
      `${what} is not a list of non-negative integers (InvalidHeaderDeserialization)`
    );
  }
  return value.map((v) => v.value);
}
function parseTensorInfo(tensor2, value, name) {
  if (!(value instanceof Map)) {
    throw malformed(
      name,
      `entry ${JSON.stringify(tensor2)} is not a tensor description (InvalidHeaderDeserialization)`
    );
  }
  const dtype = field(value, "dtype", tensor2, name);
  if (!isDtype(dtype)) {
    throw malformed(
      name,
      `tensor ${JSON.stringify(tensor2)} has unknown dtype ${JSON.stringify(dtype)} (InvalidHeaderDeserialization)`
    );
  }
  const shape = unsignedList(
    field(value, "shape", tensor2, name),
    `shape of ${JSON.stringify(tensor2)}`,
    name
  );
  if (!shape.every(Number.isSafeInteger)) {
    throw malformed(name, `tensor ${JSON.stringify(tensor2)} shape overflows (ValidationOverflow)`);
  }
  const offsets = unsignedList(
    field(value, "data_offsets", tensor2, name),
    `data_offsets of ${JSON.stringify(tensor2)}`,
    name
  );
  const [begin, end] = offsets;
  if (offsets.length !== 2 || begin === void 0 || end === void 0) {
    throw malformed(
      name,
      `data_offsets of ${JSON.stringify(tensor2)} must be [begin, end] (InvalidHeaderDeserialization)`
    );
  }
  if (!Number.isSafeInteger(begin) || !Number.isSafeInteger(end)) {
    throw malformed(
      name,
      `tensor ${JSON.stringify(tensor2)} data_offsets are beyond any file (InvalidOffset)`
    );
  }
  return { name: tensor2, dtype, shape, begin, end };
}

// src/formats/safetensors-file.ts
var SafetensorsFile = class _SafetensorsFile {
  constructor(file, header2) {
    this.file = file;
    this.header = header2;
    this.byName = new Map(header2.tensors.map((t) => [t.name, t]));
  }
  file;
  header;
  byName;
  /** Opens and validates `path`; throws INPUT_MALFORMED naming the rule that failed. */
  static async open(path, name) {
    const file = await RandomAccessFile.open(path, name);
    try {
      const first = await file.read(0, Math.min(8, file.size), "header length");
      const length = readHeaderLength(first, file.size, file.name);
      const header2 = parseSafetensorsHeader(
        await file.read(8, length, "header"),
        file.size,
        file.name
      );
      return new _SafetensorsFile(file, header2);
    } catch (error) {
      await file.close();
      throw error;
    }
  }
  get tensors() {
    return this.header.tensors;
  }
  get metadata() {
    return this.header.metadata;
  }
  tensor(name) {
    return this.byName.get(name);
  }
  /** Absolute file offset and length of a tensor's bytes. */
  byteRange(info) {
    return { offset: this.header.dataStart + info.begin, length: info.end - info.begin };
  }
  /** Reads one tensor's bytes whole; meant for small tensors (tests, scalars). */
  async readTensor(name) {
    const info = this.byName.get(name);
    if (!info) throw new Error(`${this.file.name} has no tensor ${JSON.stringify(name)}`);
    const { offset, length } = this.byteRange(info);
    return this.file.read(offset, length, `tensor ${JSON.stringify(name)}`);
  }
  async close() {
    await this.file.close();
  }
};

// src/convert/convert-checkpoint.ts
import { writeFile } from "node:fs/promises";
import { basename as basename5, dirname as dirname4, relative, resolve as resolve3, sep } from "node:path";

// src/formats/safetensors-writer.ts
import { open as open2 } from "node:fs/promises";
import { basename as basename2 } from "node:path";
async function writeSafetensors(path, layout, bytes, options2 = {}) {
  const name = options2.name ?? basename2(path);
  const handle = await open2(path, options2.readBack ? "w+" : "w");
  let check;
  let position = 0;
  let pending = Promise.resolve();
  const writeAndCheck = async (chunk, at, what) => {
    await writeFully(handle, chunk, at);
    if (!options2.readBack) return;
    if (!check || check.length < chunk.length) check = Buffer.allocUnsafeSlow(chunk.length);
    const back = check.subarray(0, chunk.length);
    for (let done = 0; done < chunk.length; ) {
      const { bytesRead } = await handle.read(back, done, chunk.length - done, at + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    if (!back.equals(chunk)) {
      throw new ModelPublishError(
        "OUTPUT_MISMATCH",
        `${name}: check by reload failed: ${what} reads back different from what was written at bytes ${at}..${at + chunk.length}`
      );
    }
  };
  const write2 = async (chunk, what) => {
    await pending;
    const at = position;
    position += chunk.length;
    pending = writeAndCheck(chunk, at, what);
  };
  try {
    await write2(layout.header, "the header");
    const dataStart = layout.header.length;
    for (const entry of layout.tensors) {
      if (position !== dataStart + entry.begin) {
        throw new Error(
          `writer out of step before ${entry.name}: at ${position}, expected ${dataStart + entry.begin}`
        );
      }
      for await (const chunk of bytes(entry)) {
        if (chunk.length === 0) continue;
        await write2(chunk, `tensor ${JSON.stringify(entry.name)}`);
        options2.onBytes?.(chunk.length);
      }
      if (position !== dataStart + entry.end) {
        throw new Error(
          `tensor ${entry.name} produced ${position - dataStart - entry.begin} bytes, expected ${entry.end - entry.begin}`
        );
      }
    }
    await pending;
  } finally {
    await pending.catch(() => void 0);
    await handle.close();
  }
}
async function writeFully(handle, chunk, at) {
  let done = 0;
  while (done < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, done, chunk.length - done, at + done);
    done += bytesWritten;
  }
}

// src/formats/pickle-values.ts
var PyFloat = class {
  constructor(value) {
    this.value = value;
  }
  value;
};
var PyTuple = class {
  constructor(items) {
    this.items = items;
  }
  items;
};
var PyList = class {
  items = [];
};
var PySet = class {
  items = [];
};
var PyBytes = class {
  constructor(bytes) {
    this.bytes = bytes;
  }
  bytes;
};
var PyGlobal = class {
  constructor(module, name) {
    this.module = module;
    this.name = name;
  }
  module;
  name;
  get qualifiedName() {
    return `${this.module}.${this.name}`;
  }
};
var PyDevice = class {
  constructor(text2) {
    this.text = text2;
  }
  text;
};
var PyDict = class {
  map = /* @__PURE__ */ new Map();
  set(key, value) {
    const id = dictKeyId(key);
    if (id === void 0) return false;
    const existing = this.map.get(id);
    if (existing) existing[1] = value;
    else this.map.set(id, [key, value]);
    return true;
  }
  get(key) {
    return this.map.get(dictKeyId(key) ?? "")?.[1];
  }
  get size() {
    return this.map.size;
  }
  entries() {
    return this.map.values();
  }
};
function dictKeyId(key, depth = 0) {
  if (key === null) return "n";
  if (typeof key === "string") return `s${key}`;
  if (typeof key === "boolean") return `i${key ? 1 : 0}`;
  if (typeof key === "bigint") return `i${key}`;
  if (typeof key === "number") return `i${key}`;
  if (key instanceof PyFloat)
    return Number.isInteger(key.value) ? `i${key.value}` : `f${key.value}`;
  if (key instanceof PyTuple) {
    if (depth > 32) return void 0;
    const parts2 = key.items.map((item) => dictKeyId(item, depth + 1));
    return parts2.every((p) => p !== void 0) ? `t${JSON.stringify(parts2)}` : void 0;
  }
  if (key instanceof PyBytes) return `b${Buffer.from(key.bytes).toString("hex")}`;
  if (key instanceof PyGlobal) return `g${key.qualifiedName}`;
  return void 0;
}
var TorchStorage = class {
  constructor(key, dtype, byteOffset, byteLength, location) {
    this.key = key;
    this.dtype = dtype;
    this.byteOffset = byteOffset;
    this.byteLength = byteLength;
    this.location = location;
  }
  key;
  dtype;
  byteOffset;
  byteLength;
  location;
};
var TorchTensor = class {
  constructor(storage, dtype, offset, shape, stride) {
    this.storage = storage;
    this.dtype = dtype;
    this.offset = offset;
    this.shape = shape;
    this.stride = stride;
  }
  storage;
  dtype;
  offset;
  shape;
  stride;
};
function show2(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "bigint") return value.toString();
  if (value instanceof PyFloat) return String(value.value);
  return describe(value);
}
function describe(value) {
  if (value === null) return "None";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return "int";
  if (value instanceof PyFloat) return "float";
  if (typeof value === "bigint") return "int";
  if (typeof value === "string") return "str";
  if (value instanceof PyBytes) return "bytes";
  if (value instanceof PyTuple) return "tuple";
  if (value instanceof PyList) return "list";
  if (value instanceof PyDict) return "dict";
  if (value instanceof PySet) return "set";
  if (value instanceof PyGlobal) return value.qualifiedName;
  if (value instanceof PyDevice) return "torch.device";
  if (value instanceof TorchStorage) return "storage";
  return "tensor";
}

// src/formats/tensor-view.ts
var MAX_DIMS = 64;
function makeTensorView(storage, dtype, offset, shape, stride) {
  const elementSize = dtypeBytes(dtype);
  if (elementSize === void 0) return `dtype ${dtype} cannot be read from a torch storage`;
  if (!isCount(offset)) return `storage offset ${String(offset)} is not a non-negative integer`;
  if (shape.length > MAX_DIMS) return `${shape.length} dimensions is over the ${MAX_DIMS} limit`;
  if (shape.length !== stride.length) {
    return `shape has ${shape.length} dimensions but stride has ${stride.length}`;
  }
  const dims = [];
  const steps = [];
  for (let i = 0; i < shape.length; i++) {
    const size2 = shape[i];
    const step = stride[i];
    if (!isCount(size2))
      return `shape [${shape.map(String).join(", ")}] has an invalid size at dimension ${i}`;
    if (!isCount(step))
      return `stride [${stride.map(String).join(", ")}] has an invalid step at dimension ${i}`;
    dims.push(size2);
    steps.push(step);
  }
  if (storage.byteLength % elementSize !== 0) {
    return `its ${storage.byteLength}-byte storage is not a whole number of ${dtype} elements`;
  }
  const available = storage.byteLength / elementSize;
  const numel = checkedProduct(dims);
  if (numel === void 0 || checkedMul(numel, elementSize) === void 0) {
    return `shape [${dims.join(", ")}] overflows`;
  }
  if (numel > 0) {
    let last = offset;
    for (let i = 0; i < dims.length && last !== void 0; i++) {
      const reach = checkedMul((dims[i] ?? 1) - 1, steps[i] ?? 0);
      last = reach === void 0 ? void 0 : checkedAdd(last, reach);
    }
    if (last === void 0 || last >= available) {
      return `view (offset ${offset}, shape [${dims.join(", ")}], stride [${steps.join(", ")}]) reaches past its storage of ${available} ${dtype} elements`;
    }
  }
  return new TorchTensor(storage, dtype, offset, dims, steps);
}
function tensorNumel(tensor2) {
  return checkedProduct(tensor2.shape) ?? 0;
}
function tensorBytes(tensor2) {
  return tensorNumel(tensor2) * (dtypeBytes(tensor2.dtype) ?? 1);
}
function isContiguous(tensor2) {
  let expected = 1;
  for (let i = tensor2.shape.length - 1; i >= 0; i--) {
    const size2 = tensor2.shape[i] ?? 1;
    if (size2 === 0) return true;
    if (size2 !== 1 && tensor2.stride[i] !== expected) return false;
    expected *= size2;
  }
  return true;
}
function viewIdentity(tensor2, source) {
  const s = tensor2.storage;
  return JSON.stringify([
    source,
    s.key,
    s.byteOffset,
    tensor2.dtype,
    tensor2.offset,
    tensor2.shape,
    tensor2.stride
  ]);
}

// src/formats/tensor-bytes.ts
var CHUNK_BYTES = 1024 * 1024;
var GATHER_SPAN = 64 * 1024 * 1024;
var WINDOW_CHUNK_ELEMENTS = 1 << 20;
var ChunkPool = class {
  constructor(size2 = CHUNK_BYTES, count2 = 2) {
    this.size = size2;
    this.count = count2;
  }
  size;
  count;
  buffers = [];
  turn = 0;
  next() {
    const index = this.turn++ % this.count;
    let buffer = this.buffers[index];
    if (!buffer) {
      buffer = Buffer.allocUnsafeSlow(this.size);
      this.buffers[index] = buffer;
    }
    return buffer;
  }
};
function swap(buffer, unit) {
  if (unit === 2) buffer.swap16();
  else if (unit === 4) buffer.swap32();
  else if (unit === 8) buffer.swap64();
}
function copyElements(src, dst, from, count2, size2, base) {
  if (size2 === 1) {
    for (let i = 0; i < count2; i++) dst[i] = src[(from[i] ?? 0) - base] ?? 0;
  } else if (size2 === 2 || size2 === 4 || size2 === 8) {
    const words = size2 === 2 ? 1 : size2 / 4;
    const s = size2 === 2 ? new Uint16Array(src.buffer, src.byteOffset, src.byteLength >> 1) : new Uint32Array(src.buffer, src.byteOffset, src.byteLength >> 2);
    const d = size2 === 2 ? new Uint16Array(dst.buffer, dst.byteOffset, dst.byteLength >> 1) : new Uint32Array(dst.buffer, dst.byteOffset, dst.byteLength >> 2);
    for (let i = 0; i < count2; i++) {
      const at = ((from[i] ?? 0) - base) * words;
      for (let w = 0; w < words; w++) d[i * words + w] = s[at + w] ?? 0;
    }
  } else {
    for (let i = 0; i < count2; i++) {
      const at = ((from[i] ?? 0) - base) * size2;
      dst.set(src.subarray(at, at + size2), i * size2);
    }
  }
}
var StridedCursor = class {
  constructor(tensor2) {
    this.tensor = tensor2;
    this.index = tensor2.shape.map(() => 0);
    this.position = tensor2.offset;
  }
  tensor;
  index;
  position;
  /** Fills `out` with the next `count` storage indices. */
  take(out, count2) {
    const { shape, stride } = this.tensor;
    const last = shape.length - 1;
    for (let i = 0; i < count2; i++) {
      out[i] = this.position;
      let d = last;
      while (d >= 0) {
        const next = (this.index[d] ?? 0) + 1;
        if (next < (shape[d] ?? 1)) {
          this.index[d] = next;
          this.position += stride[d] ?? 0;
          break;
        }
        this.index[d] = 0;
        this.position -= ((shape[d] ?? 1) - 1) * (stride[d] ?? 0);
        d--;
      }
    }
  }
};
async function* tensorChunks(file, region, tensor2, bigEndian, pool, gatherSpan = GATHER_SPAN) {
  const size2 = dtypeBytes(tensor2.dtype) ?? 1;
  const unit = bigEndian ? byteSwapUnit(tensor2.dtype) : 1;
  const numel = tensorNumel(tensor2);
  const total = numel * size2;
  if (total === 0) return;
  const what = `storage ${tensor2.storage.key}`;
  if (isContiguous(tensor2)) {
    const start = region.offset + tensor2.offset * size2;
    for (let done = 0; done < total; ) {
      const buffer = pool.next();
      const n = Math.min(pool.size - pool.size % size2, total - done);
      const chunk = buffer.subarray(0, n);
      await file.readInto(chunk, 0, n, start + done, what);
      swap(chunk, unit);
      yield chunk;
      done += n;
    }
    return;
  }
  let last = tensor2.offset;
  tensor2.shape.forEach((dim, i) => last += (dim - 1) * (tensor2.stride[i] ?? 0));
  const span = (last - tensor2.offset + 1) * size2;
  const cursor = new StridedCursor(tensor2);
  const perChunk = Math.max(1, Math.min(Math.floor(pool.size / size2), WINDOW_CHUNK_ELEMENTS));
  const indices = new Float64Array(perChunk);
  const whole = span <= gatherSpan ? Buffer.allocUnsafeSlow(span) : void 0;
  if (whole) await file.readInto(whole, 0, span, region.offset + tensor2.offset * size2, what);
  const windowElements = Math.max(1, Math.floor(gatherSpan / size2));
  const window = whole ? void 0 : Buffer.allocUnsafeSlow(windowElements * size2);
  for (let done = 0; done < numel; ) {
    const count2 = Math.min(perChunk, numel - done);
    cursor.take(indices, count2);
    const chunk = pool.next().subarray(0, count2 * size2);
    if (whole) {
      copyElements(whole, chunk, indices, count2, size2, tensor2.offset);
    } else if (window) {
      let low = Infinity;
      let high = -Infinity;
      for (let i = 0; i < count2; i++) {
        const v = indices[i] ?? 0;
        if (v < low) low = v;
        if (v > high) high = v;
      }
      const picked = new Float64Array(count2);
      for (let from = low; from <= high; from += windowElements) {
        const n = Math.min(windowElements, region.length / size2 - from);
        await file.readInto(window, 0, n * size2, region.offset + from * size2, what);
        let m = 0;
        const at = [];
        for (let i = 0; i < count2; i++) {
          const v = indices[i] ?? 0;
          if (v >= from && v < from + n) {
            picked[m++] = v;
            at.push(i);
          }
        }
        const gathered = Buffer.allocUnsafeSlow(m * size2);
        copyElements(window, gathered, picked, m, size2, from);
        at.forEach((i, k) => gathered.copy(chunk, i * size2, k * size2, (k + 1) * size2));
      }
    }
    swap(chunk, unit);
    yield chunk;
    done += count2;
  }
}

// src/convert/load-sources.ts
import { stat as stat3 } from "node:fs/promises";
import { basename as basename4, join as join6 } from "node:path";

// src/formats/torch-dtypes.ts
var TORCH_DTYPES = /* @__PURE__ */ new Map([
  ["float64", "F64"],
  ["double", "F64"],
  ["float32", "F32"],
  ["float", "F32"],
  ["float16", "F16"],
  ["half", "F16"],
  ["bfloat16", "BF16"],
  ["int64", "I64"],
  ["long", "I64"],
  ["int32", "I32"],
  ["int", "I32"],
  ["int16", "I16"],
  ["short", "I16"],
  ["int8", "I8"],
  ["uint8", "U8"],
  ["uint16", "U16"],
  ["uint32", "U32"],
  ["uint64", "U64"],
  ["bool", "BOOL"],
  ["complex64", "C64"],
  ["cfloat", "C64"],
  ["float8_e5m2", "F8_E5M2"],
  ["float8_e4m3fn", "F8_E4M3"],
  ["float8_e8m0fnu", "F8_E8M0"],
  ["float8_e4m3fnuz", "F8_E4M3FNUZ"],
  ["float8_e5m2fnuz", "F8_E5M2FNUZ"]
]);
var TORCH_DTYPES_WITHOUT_SAFETENSORS = /* @__PURE__ */ new Set([
  "complex128",
  "cdouble",
  "complex32",
  "chalf",
  "qint8",
  "qint32",
  "quint8",
  "quint4x2",
  "quint2x4",
  "bits8",
  "bits16",
  "bits1x8",
  "bits2x4",
  "bits4x2",
  "float4_e2m1fn_x2"
]);
var TORCH_STORAGE_TYPES = /* @__PURE__ */ new Map([
  ["DoubleStorage", "F64"],
  ["FloatStorage", "F32"],
  ["HalfStorage", "F16"],
  ["BFloat16Storage", "BF16"],
  ["LongStorage", "I64"],
  ["IntStorage", "I32"],
  ["ShortStorage", "I16"],
  ["CharStorage", "I8"],
  ["ByteStorage", "U8"],
  ["BoolStorage", "BOOL"],
  ["ComplexFloatStorage", "C64"],
  ["UntypedStorage", "U8"]
]);
var TORCH_STORAGE_TYPES_WITHOUT_SAFETENSORS = /* @__PURE__ */ new Set([
  "ComplexDoubleStorage",
  "QInt8Storage",
  "QInt32Storage",
  "QUInt8Storage",
  "QUInt4x2Storage",
  "QUInt2x4Storage"
]);

// src/formats/torch-globals.ts
var FIXED = /* @__PURE__ */ new Map([
  ["collections.OrderedDict", "ordered-dict"],
  ["collections.Counter", "ordered-dict"],
  ["torch._utils._rebuild_tensor", "rebuild-tensor"],
  ["torch._utils._rebuild_tensor_v2", "rebuild-tensor-v2"],
  ["torch._utils._rebuild_tensor_v3", "rebuild-tensor-v3"],
  ["torch._utils._rebuild_parameter", "rebuild-parameter"],
  ["torch._utils._rebuild_parameter_with_state", "rebuild-parameter-with-state"],
  ["torch._tensor._rebuild_from_type_v2", "rebuild-from-type-v2"],
  ["torch.Tensor", "tensor-class"],
  ["torch._tensor.Tensor", "tensor-class"],
  ["torch.nn.parameter.Parameter", "tensor-class"],
  ["torch.Size", "size"],
  ["torch.device", "device"],
  ["_codecs.encode", "codecs-encode"],
  ["builtins.set", "set"],
  ["builtins.bytearray", "bytearray"]
]);
var ALLOWED_ELSEWHERE = /* @__PURE__ */ new Set([
  "torch._utils._rebuild_qtensor",
  "torch._utils._rebuild_sparse_tensor",
  "torch._utils._rebuild_meta_tensor_no_storage",
  "torch._utils._rebuild_nested_tensor",
  "torch._utils._rebuild_wrapper_subclass",
  "torch._utils._rebuild_device_tensor_from_numpy",
  "torch._utils._rebuild_device_tensor_from_cpu_tensor",
  "torch.serialization._get_layout",
  "torch.per_tensor_affine",
  "torch.per_tensor_symmetric",
  "torch.per_channel_affine",
  "torch.per_channel_symmetric",
  "torch.per_channel_affine_float_qparams",
  "builtins.complex"
]);
var RENAMED_MODULES = /* @__PURE__ */ new Map([
  ["__builtin__", "builtins"],
  ["copy_reg", "copyreg"]
]);
var STORAGE_MODULES = /* @__PURE__ */ new Set(["torch", "torch.cuda", "torch.storage"]);
function classifyGlobal(rawModule, name, where, at) {
  const module = RENAMED_MODULES.get(rawModule) ?? rawModule;
  const qualified = `${module}.${name}`;
  const kind = FIXED.get(qualified);
  if (kind !== void 0) return kind;
  if (STORAGE_MODULES.has(module) && TORCH_STORAGE_TYPES.has(name)) return "storage-type";
  if (module === "torch" && TORCH_DTYPES.has(name)) return "dtype";
  const place = `(at byte ${at})`;
  if (STORAGE_MODULES.has(module) && TORCH_STORAGE_TYPES_WITHOUT_SAFETENSORS.has(name) || module === "torch" && TORCH_DTYPES_WITHOUT_SAFETENSORS.has(name) || ALLOWED_ELSEWHERE.has(qualified)) {
    throw unsupported(
      where,
      `${qualified} ${place} describes a tensor kind safetensors cannot hold (quantized, sparse, nested, meta, complex128 or bit-packed); convert those tensors to a plain dtype before saving`
    );
  }
  if (module === "__main__" || module.startsWith("torch.nn.")) {
    throw unsupported(
      where,
      `${qualified} ${place} is a model class: this file pickles a whole model object (torch.save(model)). Load it where its code lives and save model.state_dict() instead; model-publish never runs a checkpoint's code`
    );
  }
  if (module.startsWith("numpy")) {
    throw malformed(
      where,
      `refused global ${qualified} ${place}: numpy objects are not plain data a weights-only load accepts; store Python numbers or tensors in the checkpoint instead`
    );
  }
  throw malformed(
    where,
    `refused global ${qualified} ${place}: a checkpoint may only name tensors, storages, dtypes and plain containers. This file asks to import ${qualified}, which would run code under a plain torch.load — do not load it`
  );
}

// src/formats/torch-pickle-hooks.ts
var AllowedGlobal = class extends PyGlobal {
  constructor(module, name, kind) {
    super(module, name);
    this.kind = kind;
  }
  kind;
};
function storageDtype(value) {
  return value instanceof AllowedGlobal && value.kind === "storage-type" ? TORCH_STORAGE_TYPES.get(value.name) : void 0;
}
var REBUILDERS = /* @__PURE__ */ new Set([
  "rebuild-tensor",
  "rebuild-tensor-v2",
  "rebuild-tensor-v3",
  "rebuild-parameter",
  "rebuild-parameter-with-state"
]);
function torchPickleHooks(where, persistentLoad, maxTensorBytes) {
  const fail2 = (at, detail) => {
    throw malformed(where, `${detail} (at byte ${at})`);
  };
  const tensor2 = (args, dtypeArg, at) => {
    const [storage, offset, size2, stride] = args;
    if (!(storage instanceof TorchStorage)) {
      return fail2(at, `a tensor must be rebuilt from a storage, got ${describe(storage ?? null)}`);
    }
    let dtype = storage.dtype;
    if (dtypeArg !== void 0) {
      const named = dtypeArg instanceof AllowedGlobal && dtypeArg.kind === "dtype" ? TORCH_DTYPES.get(dtypeArg.name) : void 0;
      if (named === void 0)
        return fail2(at, `_rebuild_tensor_v3 needs a dtype, got ${describe(dtypeArg)}`);
      dtype = named;
    }
    if (!(size2 instanceof PyTuple) || !(stride instanceof PyTuple)) {
      return fail2(at, "a tensor's size and stride must be tuples");
    }
    const view = makeTensorView(storage, dtype, offset, size2.items, stride.items);
    if (typeof view === "string") return fail2(at, `tensor ${view}`);
    if (tensorBytes(view) > maxTensorBytes) {
      return fail2(
        at,
        `a tensor of shape [${view.shape.join(", ")}] would need ${tensorBytes(view)} bytes, more than the ${maxTensorBytes}-byte file holds`
      );
    }
    return view;
  };
  const reduce = (callable, args, at) => {
    if (!(callable instanceof AllowedGlobal)) {
      return fail2(
        at,
        `REDUCE on a ${describe(callable)}: only allowed constructors may be applied`
      );
    }
    const a = args.items;
    switch (callable.kind) {
      case "ordered-dict": {
        const dict = new PyDict();
        const source = a[0];
        if (a.length > 1) return fail2(at, `${callable.qualifiedName} takes at most one argument`);
        if (source instanceof PyDict) for (const [k, v] of source.entries()) dict.set(k, v);
        else if (source instanceof PyList || source instanceof PyTuple) {
          for (const pair of source.items) {
            if (!(pair instanceof PyTuple) || pair.items.length !== 2)
              return fail2(at, "dict items must be pairs");
            if (!dict.set(pair.items[0] ?? null, pair.items[1] ?? null))
              return fail2(at, "unhashable dict key");
          }
        } else if (source !== void 0 && source !== null)
          return fail2(at, `cannot build a dict from a ${describe(source)}`);
        return dict;
      }
      case "rebuild-tensor":
      case "rebuild-tensor-v2":
        return tensor2(a, void 0, at);
      case "rebuild-tensor-v3":
        return tensor2(a, a[6] ?? null, at);
      case "rebuild-parameter":
      case "rebuild-parameter-with-state": {
        const data = a[0];
        return data instanceof TorchTensor ? data : fail2(at, `a Parameter must wrap a tensor, got ${describe(data ?? null)}`);
      }
      case "rebuild-from-type-v2": {
        const [func, type, inner] = a;
        if (!(func instanceof AllowedGlobal) || !REBUILDERS.has(func.kind)) {
          return fail2(
            at,
            `_rebuild_from_type_v2 must name a tensor rebuild function, got ${describe(func ?? null)}`
          );
        }
        if (!(type instanceof AllowedGlobal) || type.kind !== "tensor-class") {
          throw unsupported(
            where,
            `tensor subclass ${describe(type ?? null)} (at byte ${at}) is not supported; save plain tensors`
          );
        }
        if (!(inner instanceof PyTuple))
          return fail2(at, "_rebuild_from_type_v2 arguments must be a tuple");
        return reduce(func, inner, at);
      }
      case "size": {
        const dims = a[0];
        if (!(dims instanceof PyTuple) && !(dims instanceof PyList))
          return fail2(at, "torch.Size needs a tuple");
        return new PyTuple([...dims.items]);
      }
      case "device":
        return new PyDevice(
          a.map((part) => typeof part === "string" ? part : show2(part)).join(":")
        );
      case "codecs-encode": {
        const [text2, encoding] = a;
        if (typeof text2 !== "string" || encoding !== "latin1" && encoding !== "latin-1") {
          return fail2(at, "_codecs.encode is only allowed as (str, 'latin1') for bytes");
        }
        const bytes = Buffer.from(text2, "latin1");
        if (bytes.toString("latin1") !== text2)
          return fail2(at, "_codecs.encode text is not latin-1");
        return new PyBytes(bytes);
      }
      case "set": {
        const set = new PySet();
        const items = a[0];
        if (items instanceof PyList || items instanceof PyTuple) set.items.push(...items.items);
        else if (items !== void 0)
          return fail2(at, `cannot build a set from a ${describe(items)}`);
        return set;
      }
      case "bytearray": {
        const source = a[0];
        if (source instanceof PyBytes) return source;
        return source === void 0 ? new PyBytes(new Uint8Array(0)) : fail2(at, "bytearray needs bytes");
      }
      case "tensor-class":
      case "storage-type":
      case "dtype":
        return fail2(at, `${callable.qualifiedName} cannot be called in a checkpoint`);
    }
  };
  return {
    global(module, name, at) {
      return new AllowedGlobal(module, name, classifyGlobal(module, name, where, at));
    },
    reduce,
    newObject(cls, args, at) {
      if (cls instanceof AllowedGlobal && cls.kind === "ordered-dict" && args.items.length === 0) {
        return new PyDict();
      }
      if (cls instanceof AllowedGlobal && cls.kind === "tensor-class" && args.items[0] instanceof TorchTensor) {
        return args.items[0];
      }
      return fail2(at, `NEWOBJ of ${describe(cls)} is not allowed`);
    },
    build(target, state, at) {
      if (target instanceof PyDict && (state === null || state instanceof PyDict)) return target;
      if (target instanceof TorchTensor && (state === null || state instanceof PyDict))
        return target;
      if (target instanceof TorchTensor && state instanceof PyTuple) {
        throw unsupported(
          where,
          `BUILD with tensor state (at byte ${at}) would re-point a tensor at other memory; this old tensor format is not supported`
        );
      }
      return fail2(
        at,
        `BUILD on a ${describe(target)} with a ${describe(state)} state is not allowed`
      );
    },
    persistentLoad
  };
}
function parseStoragePid(pid, arity, fail2) {
  if (!(pid instanceof PyTuple) || pid.items.length !== arity) {
    return fail2(
      `a persistent id must be a ${arity}-tuple ('storage', type, key, location, numel…), got ${describe(pid)}`
    );
  }
  const [kind, type, key, location, numel, ...rest] = pid.items;
  if (kind !== "storage")
    return fail2(`persistent id of kind ${JSON.stringify(kind)} is not a storage`);
  const dtype = storageDtype(type ?? null);
  if (dtype === void 0)
    return fail2(`persistent id names ${describe(type ?? null)}, not a storage class`);
  if (typeof key !== "string" || !/^[A-Za-z0-9_]{1,64}$/.test(key)) {
    return fail2(
      `storage key ${JSON.stringify(key)} is not a plain name (letters, digits, _); refusing a key that could point elsewhere`
    );
  }
  if (typeof location !== "string") return fail2("storage location must be a string");
  if (!isCount(numel))
    return fail2(`storage size ${show2(numel ?? null)} is not a non-negative integer`);
  return { dtype, key, location, numel, rest };
}

// src/formats/pickle-cursor.ts
var TruncatedPickleError = class extends ModelPublishError {
  constructor(where, at) {
    super(
      "INPUT_MALFORMED",
      `${where}: the pickle ends at byte ${at} before its STOP opcode (truncated file)`
    );
  }
};
var MAX_LONG_BYTES = 1024;
var MAX_LINE = 512;
var utf8 = new TextDecoder("utf-8", { fatal: true });
var PickleCursor = class {
  constructor(bytes, start, where) {
    this.bytes = bytes;
    this.where = where;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = start;
    this.at = start;
  }
  bytes;
  where;
  view;
  /** Offset of the next byte to read. */
  pos;
  /** Offset of the opcode being interpreted, for messages. */
  at;
  fail(detail) {
    throw malformed(this.where, `${detail} (at byte ${this.at})`);
  }
  /** Advances past `n` bytes and returns where they start. */
  take(n) {
    if (n < 0 || this.pos + n > this.bytes.length) {
      throw new TruncatedPickleError(this.where, this.bytes.length);
    }
    const p = this.pos;
    this.pos += n;
    return p;
  }
  u8() {
    return this.bytes[this.take(1)] ?? 0;
  }
  u16() {
    return this.view.getUint16(this.take(2), true);
  }
  i32() {
    return this.view.getInt32(this.take(4), true);
  }
  u32() {
    return this.view.getUint32(this.take(4), true);
  }
  /** An 8-byte length; one past the end of the data reads as truncation. */
  u64() {
    const value = this.view.getBigUint64(this.take(8), true);
    return value > BigInt(this.bytes.length) ? this.bytes.length + 1 : Number(value);
  }
  f64be() {
    return this.view.getFloat64(this.take(8), false);
  }
  slice(n) {
    const p = this.take(n);
    return this.bytes.slice(p, p + n);
  }
  /** A newline-terminated name, as GLOBAL and INST carry them. */
  line() {
    const end = this.bytes.indexOf(10, this.pos);
    if (end < 0 || end - this.pos > MAX_LINE) {
      if (end < 0 && this.bytes.length - this.pos <= MAX_LINE) {
        throw new TruncatedPickleError(this.where, this.bytes.length);
      }
      return this.fail(`a GLOBAL name line is missing or longer than ${MAX_LINE} bytes`);
    }
    const text2 = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.pos, end - this.pos);
    this.pos = end + 1;
    return text2.toString("utf8");
  }
  text(n) {
    const p = this.take(n);
    try {
      return utf8.decode(this.bytes.subarray(p, p + n));
    } catch {
      return this.fail("a string is not valid UTF-8");
    }
  }
  /** A little-endian two's-complement integer of `n` bytes (LONG1/LONG4); a number when safe. */
  long(n) {
    if (n < 0 || n > MAX_LONG_BYTES) {
      this.fail(`an integer of ${n} bytes is over the ${MAX_LONG_BYTES}-byte limit`);
    }
    const p = this.take(n);
    let value = 0n;
    for (let i = n - 1; i >= 0; i--) value = value << 8n | BigInt(this.bytes[p + i] ?? 0);
    if (n > 0 && ((this.bytes[p + n - 1] ?? 0) & 128) !== 0) value -= 1n << BigInt(8 * n);
    const safe = value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER);
    return safe ? Number(value) : value;
  }
};

// src/formats/pickle-opcodes.ts
var OP = {
  MARK: 40,
  STOP: 46,
  POP: 48,
  POP_MARK: 49,
  DUP: 50,
  FLOAT: 70,
  INT: 73,
  BININT: 74,
  BININT1: 75,
  LONG: 76,
  BININT2: 77,
  NONE: 78,
  PERSID: 80,
  BINPERSID: 81,
  REDUCE: 82,
  STRING: 83,
  BINSTRING: 84,
  SHORT_BINSTRING: 85,
  UNICODE: 86,
  BINUNICODE: 88,
  APPEND: 97,
  BUILD: 98,
  GLOBAL: 99,
  DICT: 100,
  EMPTY_DICT: 125,
  APPENDS: 101,
  GET: 103,
  BINGET: 104,
  INST: 105,
  LONG_BINGET: 106,
  LIST: 108,
  EMPTY_LIST: 93,
  OBJ: 111,
  PUT: 112,
  BINPUT: 113,
  LONG_BINPUT: 114,
  SETITEM: 115,
  TUPLE: 116,
  EMPTY_TUPLE: 41,
  SETITEMS: 117,
  BINFLOAT: 71,
  PROTO: 128,
  NEWOBJ: 129,
  EXT1: 130,
  EXT2: 131,
  EXT4: 132,
  TUPLE1: 133,
  TUPLE2: 134,
  TUPLE3: 135,
  NEWTRUE: 136,
  NEWFALSE: 137,
  LONG1: 138,
  LONG4: 139,
  BINBYTES: 66,
  SHORT_BINBYTES: 67,
  SHORT_BINUNICODE: 140,
  BINUNICODE8: 141,
  BINBYTES8: 142,
  EMPTY_SET: 143,
  ADDITEMS: 144,
  FROZENSET: 145,
  NEWOBJ_EX: 146,
  STACK_GLOBAL: 147,
  MEMOIZE: 148,
  FRAME: 149,
  BYTEARRAY8: 150,
  NEXT_BUFFER: 151,
  READONLY_BUFFER: 152
};
var NAMES = new Map(Object.entries(OP).map(([name, code]) => [code, name]));
function opName(code) {
  const hex2 = `0x${code.toString(16).padStart(2, "0")}`;
  const name = NAMES.get(code);
  return name === void 0 ? `unknown opcode ${hex2}` : `${name} (${hex2})`;
}

// src/formats/pickle-graph.ts
var MAX_PICKLE_DEPTH = 1e3;
function children(value) {
  if (value instanceof PyTuple || value instanceof PyList || value instanceof PySet) {
    return [...value.items];
  }
  if (value instanceof PyDict) {
    const out = [];
    for (const [key, item] of value.entries()) out.push(key, item);
    return out;
  }
  return [];
}
function checkPickleGraph(root2, where) {
  const depth = /* @__PURE__ */ new Map();
  const onPath = /* @__PURE__ */ new Set();
  const work = [];
  const enter = (value) => {
    if (value === null || typeof value !== "object") return 0;
    const known = depth.get(value);
    if (known !== void 0) return known;
    if (onPath.has(value))
      throw malformed(where, "the pickle builds a container that contains itself");
    const kids = children(value);
    if (kids.length === 0) {
      depth.set(value, 0);
      return 0;
    }
    if (work.length >= MAX_PICKLE_DEPTH) {
      throw malformed(where, `containers nest deeper than ${MAX_PICKLE_DEPTH} levels`);
    }
    onPath.add(value);
    work.push({ node: value, kids, next: 0, deepest: 0 });
    return void 0;
  };
  enter(root2);
  while (work.length > 0) {
    const frame = work[work.length - 1];
    if (!frame) break;
    if (frame.next < frame.kids.length) {
      const kid = frame.kids[frame.next++] ?? null;
      const known = enter(kid);
      if (known !== void 0) frame.deepest = Math.max(frame.deepest, known + 1);
      continue;
    }
    work.pop();
    onPath.delete(frame.node);
    depth.set(frame.node, frame.deepest);
    const parent = work[work.length - 1];
    if (parent) parent.deepest = Math.max(parent.deepest, frame.deepest + 1);
  }
}

// src/formats/unpickler.ts
var MAX_MARKS = 1e3;
var MAX_STACK = 1e6;
var MAX_VALUES = 8e6;
var MARK = /* @__PURE__ */ Symbol("mark");
function unpickle(bytes, start, hooks2, where) {
  const cur = new PickleCursor(bytes, start, where);
  const fail2 = (detail) => cur.fail(detail);
  const stack = [];
  const marks = [];
  const memo = /* @__PURE__ */ new Map();
  let built = 0;
  const push = (value) => {
    if (stack.length >= MAX_STACK) fail2(`the pickle stack grows past ${MAX_STACK} items`);
    if (++built > MAX_VALUES) fail2(`the pickle builds more than ${MAX_VALUES} values`);
    stack.push(value);
  };
  const pop = () => {
    const value = stack.pop();
    if (value === void 0 || value === MARK)
      return fail2("the stack is empty where a value was expected");
    return value;
  };
  const top = () => {
    const value = stack[stack.length - 1];
    if (value === void 0 || value === MARK)
      return fail2("the stack is empty where a value was expected");
    return value;
  };
  const popMark = () => {
    const mark = marks.pop();
    if (mark === void 0) return fail2("no MARK to close");
    const items = stack.splice(mark + 1);
    stack.length = mark;
    if (items.some((item) => item === MARK)) fail2("mark stack out of step");
    return items;
  };
  const memoGet = (index) => {
    const value = memo.get(index);
    if (value === void 0) fail2(`memo entry ${index} is read before it is written`);
    else push(value);
  };
  const appendTo = (target, items) => {
    if (target instanceof PyList) target.items.push(...items);
    else if (target instanceof PySet) target.items.push(...items);
    else fail2(`cannot append to a ${describe(target)}`);
  };
  const setItems = (target, items) => {
    if (!(target instanceof PyDict)) return fail2(`SETITEM on a ${describe(target)}, not a dict`);
    if (items.length % 2 !== 0) fail2("SETITEMS has an odd number of items");
    for (let i = 0; i < items.length; i += 2) {
      const key = items[i] ?? null;
      if (!target.set(key, items[i + 1] ?? null)) fail2(`a ${describe(key)} cannot be a dict key`);
    }
  };
  const tupleOf = (value, what) => value instanceof PyTuple ? value : fail2(`${what} arguments must be a tuple, got ${describe(value)}`);
  for (; ; ) {
    cur.at = cur.pos;
    const at = cur.at;
    const code = cur.u8();
    switch (code) {
      case OP.PROTO: {
        const version = cur.u8();
        if (version > 5) fail2(`pickle protocol ${version} is not one Python has`);
        break;
      }
      case OP.FRAME:
        cur.take(8);
        break;
      case OP.STOP: {
        const value = pop();
        if (stack.length > 0 || marks.length > 0) fail2("STOP with values left on the stack");
        checkPickleGraph(value, `${where}: the object completed by STOP at byte ${at}`);
        return { value, end: cur.pos };
      }
      case OP.MARK:
        if (marks.length >= MAX_MARKS)
          fail2(`more than ${MAX_MARKS} nested MARKs (nesting too deep)`);
        marks.push(stack.length);
        stack.push(MARK);
        break;
      case OP.NONE:
        push(null);
        break;
      case OP.NEWTRUE:
        push(true);
        break;
      case OP.NEWFALSE:
        push(false);
        break;
      case OP.BININT:
        push(cur.i32());
        break;
      case OP.BININT1:
        push(cur.u8());
        break;
      case OP.BININT2:
        push(cur.u16());
        break;
      case OP.LONG1:
        push(cur.long(cur.u8()));
        break;
      case OP.LONG4:
        push(cur.long(cur.i32()));
        break;
      case OP.BINFLOAT:
        push(new PyFloat(cur.f64be()));
        break;
      case OP.SHORT_BINUNICODE:
        push(cur.text(cur.u8()));
        break;
      case OP.BINUNICODE:
        push(cur.text(cur.u32()));
        break;
      case OP.BINUNICODE8:
        push(cur.text(cur.u64()));
        break;
      case OP.SHORT_BINSTRING:
        push(cur.text(cur.u8()));
        break;
      case OP.SHORT_BINBYTES:
        push(new PyBytes(cur.slice(cur.u8())));
        break;
      case OP.BINBYTES:
        push(new PyBytes(cur.slice(cur.u32())));
        break;
      case OP.BINBYTES8:
        push(new PyBytes(cur.slice(cur.u64())));
        break;
      case OP.EMPTY_TUPLE:
        push(new PyTuple([]));
        break;
      case OP.TUPLE1:
      case OP.TUPLE2:
      case OP.TUPLE3: {
        const n = code - OP.TUPLE1 + 1;
        const items = [];
        for (let i = 0; i < n; i++) items.unshift(pop());
        push(new PyTuple(items));
        break;
      }
      case OP.TUPLE:
        push(new PyTuple(popMark()));
        break;
      case OP.EMPTY_LIST:
        push(new PyList());
        break;
      case OP.EMPTY_DICT:
        push(new PyDict());
        break;
      case OP.EMPTY_SET:
        push(new PySet());
        break;
      case OP.APPEND: {
        const item = pop();
        appendTo(top(), [item]);
        break;
      }
      case OP.APPENDS:
      case OP.ADDITEMS: {
        const items = popMark();
        appendTo(top(), items);
        break;
      }
      case OP.SETITEM: {
        const value = pop();
        const key = pop();
        setItems(top(), [key, value]);
        break;
      }
      case OP.SETITEMS: {
        const items = popMark();
        setItems(top(), items);
        break;
      }
      case OP.BINPUT:
        memo.set(cur.u8(), top());
        break;
      case OP.LONG_BINPUT:
        memo.set(cur.u32(), top());
        break;
      case OP.MEMOIZE:
        memo.set(memo.size, top());
        break;
      case OP.BINGET:
        memoGet(cur.u8());
        break;
      case OP.LONG_BINGET:
        memoGet(cur.u32());
        break;
      case OP.GLOBAL: {
        const module = cur.line();
        const name = cur.line();
        push(hooks2.global(module, name, at));
        break;
      }
      case OP.STACK_GLOBAL: {
        const name = pop();
        const module = pop();
        if (typeof module !== "string" || typeof name !== "string") {
          return fail2(
            `STACK_GLOBAL needs a module and a name as strings, got ${describe(module)} and ${describe(name)}`
          );
        }
        push(hooks2.global(module, name, at));
        break;
      }
      case OP.REDUCE: {
        const args = pop();
        const callable = pop();
        push(hooks2.reduce(callable, tupleOf(args, "REDUCE"), at));
        break;
      }
      case OP.NEWOBJ: {
        const args = pop();
        const cls = pop();
        push(hooks2.newObject(cls, tupleOf(args, "NEWOBJ"), at));
        break;
      }
      case OP.BUILD: {
        const state = pop();
        const target = pop();
        push(hooks2.build(target, state, at));
        break;
      }
      case OP.BINPERSID:
        push(hooks2.persistentLoad(pop(), at));
        break;
      case OP.INST: {
        const module = cur.line();
        const name = cur.line();
        return fail2(
          `INST ${module}.${name} would call ${module}.${name}; INST is never allowed in a checkpoint`
        );
      }
      default:
        return fail2(`${opName(code)} is not allowed in a checkpoint pickle`);
    }
  }
}

// src/formats/torch-legacy.ts
var LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
var LEGACY_PROTOCOL = 1001;
var FIRST_WINDOW = 1 << 20;
var MAX_WINDOW = 256 * 1024 * 1024;
function parseHead(head, file) {
  const name = file.name;
  const roots = /* @__PURE__ */ new Map();
  const noStorage = (_pid, at) => {
    throw malformed(name, `a persistent id outside the main pickle (at byte ${at})`);
  };
  const plain = torchPickleHooks(name, noStorage, file.size);
  const magic = unpickle(head, 0, plain, name);
  if (magic.value !== LEGACY_MAGIC) {
    throw malformed(
      name,
      `starts with a pickle of ${describe(magic.value)}, not torch's magic number; not a torch checkpoint`
    );
  }
  const protocol = unpickle(head, magic.end, plain, name);
  if (protocol.value !== LEGACY_PROTOCOL) {
    throw unsupported(
      name,
      `legacy protocol version ${show2(protocol.value)} at byte ${magic.end} is not ${LEGACY_PROTOCOL}`
    );
  }
  const sysInfo = unpickle(head, protocol.end, plain, name);
  const littleEndian = sysInfo.value instanceof PyDict ? sysInfo.value.get("little_endian") : void 0;
  if (typeof littleEndian !== "boolean") {
    throw malformed(name, `system info at byte ${protocol.end} has no little_endian flag`);
  }
  const persistentLoad = (pid, at) => {
    const fail2 = (detail) => {
      throw malformed(name, `${detail} (at byte ${at})`);
    };
    const { dtype, key, location, numel, rest } = parseStoragePid(pid, 6, fail2);
    const size2 = dtypeBytes(dtype) ?? 1;
    const known = roots.get(key);
    if (known && (known.dtype !== dtype || known.numel !== numel)) {
      fail2(
        `storage ${key} is named again as ${numel} ${dtype} elements, first as ${known.numel} ${known.dtype}`
      );
    }
    roots.set(key, { dtype, numel });
    const view = rest[0] ?? null;
    if (view === null) return new TorchStorage(key, dtype, 0, numel * size2, location);
    if (!(view instanceof PyTuple) || view.items.length !== 3)
      return fail2("storage view metadata must be (key, offset, size)");
    const [, offset, length] = view.items;
    if (!isCount(offset) || !isCount(length) || offset + length > numel) {
      return fail2(
        `storage view (${show2(offset ?? null)}, ${show2(length ?? null)}) does not fit its ${numel}-element storage ${key}`
      );
    }
    return new TorchStorage(key, dtype, offset * size2, length * size2, location);
  };
  const main = unpickle(head, sysInfo.end, torchPickleHooks(name, persistentLoad, file.size), name);
  const keyList = unpickle(head, main.end, plain, name);
  if (!(keyList.value instanceof PyList) || !keyList.value.items.every((k) => typeof k === "string")) {
    throw malformed(name, `the storage key list at byte ${main.end} is not a list of strings`);
  }
  const keys = keyList.value.items;
  const listed = new Set(keys);
  if (listed.size !== keys.length)
    throw malformed(name, `the storage key list at byte ${main.end} repeats a key`);
  for (const key of roots.keys()) {
    if (!listed.has(key))
      throw malformed(name, `storage ${key} is used but not in the key list at byte ${main.end}`);
  }
  for (const key of keys) {
    if (!roots.has(key))
      throw malformed(
        name,
        `the key list at byte ${main.end} names storage ${key}, which no tensor uses`
      );
  }
  return { root: main.value, bigEndian: !littleEndian, roots, keys, end: keyList.end };
}
async function readTorchLegacy(file) {
  const name = file.name;
  let window = Math.min(file.size, FIRST_WINDOW);
  let parsed;
  while (!parsed) {
    const head = await file.read(0, window, "legacy pickles");
    try {
      parsed = parseHead(head, file);
    } catch (error) {
      if (!(error instanceof TruncatedPickleError) || window >= file.size) throw error;
      if (window >= MAX_WINDOW)
        throw unsupported(name, `the pickles at the head of the file exceed ${MAX_WINDOW} bytes`);
      window = Math.min(file.size, window * 4, MAX_WINDOW);
    }
  }
  const offsets = /* @__PURE__ */ new Map();
  let position = parsed.end;
  for (const key of parsed.keys) {
    const root2 = parsed.roots.get(key);
    if (!root2) continue;
    const count2 = await file.read(position, 8, `element count of storage ${key}`);
    let numel = count2.readBigUInt64LE(0);
    if (numel !== BigInt(root2.numel) && parsed.bigEndian) numel = count2.readBigUInt64BE(0);
    if (numel !== BigInt(root2.numel)) {
      throw malformed(
        name,
        `storage ${key} at byte ${position} holds ${numel} elements, the pickle says ${root2.numel}`
      );
    }
    const bytes = root2.numel * (dtypeBytes(root2.dtype) ?? 1);
    offsets.set(key, position + 8);
    position += 8 + bytes;
    if (position > file.size) {
      throw malformed(
        name,
        `storage ${key} (${bytes} bytes from byte ${position - bytes}) runs past the end of the file (${file.size} bytes): truncated`
      );
    }
  }
  if (position !== file.size) {
    throw malformed(
      name,
      `${file.size - position} unexplained bytes follow the last storage at byte ${position}`
    );
  }
  return {
    file,
    format: "legacy",
    layout: `torch legacy (protocol ${LEGACY_PROTOCOL}${parsed.bigEndian ? ", big-endian" : ""})`,
    root: parsed.root,
    bigEndian: parsed.bigEndian,
    region(storage) {
      return {
        offset: (offsets.get(storage.key) ?? 0) + storage.byteOffset,
        length: storage.byteLength
      };
    }
  };
}

// src/formats/zip-archive.ts
var EOCD = 101010256;
var ZIP64_LOCATOR = 117853008;
var ZIP64_EOCD = 101075792;
var CENTRAL = 33639248;
var LOCAL = 67324752;
var MAX_ENTRIES = 1e6;
var MAX_CENTRAL_DIRECTORY = 256 * 1024 * 1024;
var U16_MAX = 65535;
var U32_MAX = 4294967295;
function u64(buffer, at, what, name) {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw malformed(name, `${what} ${value} is beyond any file`);
  return Number(value);
}
var ZipArchive = class _ZipArchive {
  constructor(file, entries2, byName2) {
    this.file = file;
    this.entries = entries2;
    this.byName = byName2;
  }
  file;
  entries;
  byName;
  get(name) {
    return this.byName.get(name);
  }
  /** Refuses an archive with any compressed entry: torch writes every record stored. */
  requireStored() {
    for (const entry of this.entries) {
      if (entry.method !== 0) {
        throw unsupported(
          this.file.name,
          `zip entry ${entry.name} (central header at byte ${entry.centralOffset}) is compressed (method ${entry.method}); torch checkpoints store entries uncompressed — re-save the file with torch.save`
        );
      }
    }
  }
  /** Reads a whole stored entry; refuses one larger than `maxBytes`. */
  async read(entry, maxBytes) {
    this.requireStored();
    if (entry.size > maxBytes) {
      throw unsupported(
        this.file.name,
        `zip entry ${entry.name} is ${entry.size} bytes, over the ${maxBytes}-byte limit for it`
      );
    }
    return this.file.read(entry.dataOffset, entry.size, `zip entry ${entry.name}`);
  }
  static async open(file) {
    const name = file.name;
    if (file.size < 22)
      throw malformed(name, `${file.size} bytes is too small for a zip archive (truncated?)`);
    const tailLength = Math.min(file.size, 22 + U16_MAX);
    const tailStart = file.size - tailLength;
    const tail = await file.read(tailStart, tailLength, "end of central directory");
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      throw malformed(
        name,
        "no end-of-central-directory record at the end of the file: the zip is truncated or not a zip"
      );
    }
    const eocdOffset = tailStart + eocd;
    let count2 = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    let disks = tail.readUInt16LE(eocd + 4) | tail.readUInt16LE(eocd + 6);
    let cdLimit = eocdOffset;
    if (eocdOffset >= 20 && (await file.read(eocdOffset - 20, 4)).readUInt32LE(0) === ZIP64_LOCATOR) {
      const locator = await file.read(eocdOffset - 20, 20, "zip64 locator");
      const at = u64(locator, 8, "zip64 end-of-central-directory offset", name);
      if (at + 56 > eocdOffset - 20)
        throw malformed(
          name,
          `zip64 end-of-central-directory offset ${at} at byte ${eocdOffset - 12} is out of place`
        );
      const record4 = await file.read(at, 56, "zip64 end of central directory");
      if (record4.readUInt32LE(0) !== ZIP64_EOCD)
        throw malformed(name, `no zip64 end-of-central-directory record at byte ${at}`);
      disks |= record4.readUInt32LE(16) | record4.readUInt32LE(20) | locator.readUInt32LE(4);
      count2 = u64(record4, 32, "entry count", name);
      cdSize = u64(record4, 40, "central directory size", name);
      cdOffset = u64(record4, 48, "central directory offset", name);
      cdLimit = at;
    } else if (count2 === U16_MAX || cdSize === U32_MAX || cdOffset === U32_MAX) {
      throw malformed(
        name,
        `end of central directory at byte ${eocdOffset} needs a zip64 record that is missing`
      );
    }
    if (disks !== 0) throw unsupported(name, "multi-disk (split) zip archives are not supported");
    if (count2 > MAX_ENTRIES || cdSize > MAX_CENTRAL_DIRECTORY) {
      throw unsupported(
        name,
        `central directory of ${count2} entries / ${cdSize} bytes is over the limits (${MAX_ENTRIES} / ${MAX_CENTRAL_DIRECTORY})`
      );
    }
    if (cdOffset + cdSize > cdLimit || count2 * 46 > cdSize) {
      throw malformed(
        name,
        `central directory (${count2} entries, bytes ${cdOffset}..${cdOffset + cdSize}) does not fit before its end record at byte ${cdLimit}`
      );
    }
    const cd = await file.read(cdOffset, cdSize, "central directory");
    const entries2 = [];
    const byName2 = /* @__PURE__ */ new Map();
    let p = 0;
    for (let index = 0; index < count2; index++) {
      const at = cdOffset + p;
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) {
        throw malformed(
          name,
          `central directory entry ${index} at byte ${at} is not a central file header`
        );
      }
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      let compressed = cd.readUInt32LE(p + 20);
      let size2 = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let localOffset = cd.readUInt32LE(p + 42);
      const end = p + 46 + nameLength + extraLength + commentLength;
      if (end > cd.length)
        throw malformed(
          name,
          `central directory entry ${index} at byte ${at} runs past the directory`
        );
      const rawName = cd.subarray(p + 46, p + 46 + nameLength);
      let entryName;
      try {
        entryName = new TextDecoder("utf-8", { fatal: true }).decode(rawName);
      } catch {
        throw malformed(name, `zip entry name at byte ${at + 46} is not valid UTF-8`);
      }
      const extra = cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
      for (let e = 0; e + 4 <= extra.length; ) {
        const id = extra.readUInt16LE(e);
        const length = extra.readUInt16LE(e + 2);
        if (id === 1) {
          let f = e + 4;
          const next = (what) => {
            if (f + 8 > e + 4 + length || f + 8 > extra.length)
              throw malformed(name, `zip64 field ${what} of ${entryName} is missing`);
            const value = u64(extra, f, `zip64 ${what} of ${entryName}`, name);
            f += 8;
            return value;
          };
          if (size2 === U32_MAX) size2 = next("size");
          if (compressed === U32_MAX) compressed = next("compressed size");
          if (localOffset === U32_MAX) localOffset = next("offset");
        }
        e += 4 + length;
      }
      if ((flags & 65) !== 0) throw unsupported(name, `zip entry ${entryName} is encrypted`);
      if (method === 0 && compressed !== size2) {
        throw malformed(
          name,
          `zip entry ${entryName} (central header at byte ${at}) is stored but its sizes disagree (${compressed} vs ${size2})`
        );
      }
      if (byName2.has(entryName))
        throw malformed(
          name,
          `zip entry ${entryName} appears twice in the central directory (byte ${at})`
        );
      const entry = {
        name: entryName,
        localOffset,
        dataOffset: 0,
        size: size2,
        method,
        storedSize: compressed,
        centralOffset: at
      };
      entries2.push(entry);
      byName2.set(entryName, entry);
      p = end;
    }
    const archive = new _ZipArchive(file, entries2, byName2);
    await archive.checkLocalHeaders(cdOffset);
    return archive;
  }
  async checkLocalHeaders(cdOffset) {
    const name = this.file.name;
    for (const entry of this.entries) {
      if (entry.localOffset + 30 > cdOffset) {
        throw malformed(
          name,
          `zip entry ${entry.name} claims a local header at byte ${entry.localOffset}, past the start of the central directory (${cdOffset})`
        );
      }
      const local = await this.file.read(entry.localOffset, 30, `local header of ${entry.name}`);
      if (local.readUInt32LE(0) !== LOCAL) {
        throw malformed(
          name,
          `no local file header for ${entry.name} at byte ${entry.localOffset}`
        );
      }
      if (local.readUInt16LE(8) !== entry.method) {
        throw malformed(
          name,
          `local header of ${entry.name} at byte ${entry.localOffset} gives another compression method than the central directory`
        );
      }
      const nameLength = local.readUInt16LE(26);
      const extraLength = local.readUInt16LE(28);
      const localName = await this.file.read(
        entry.localOffset + 30,
        nameLength,
        `local name of ${entry.name}`
      );
      if (!localName.equals(Buffer.from(entry.name, "utf8"))) {
        throw malformed(
          name,
          `local header at byte ${entry.localOffset} names ${JSON.stringify(localName.toString("latin1"))}, the central directory says ${entry.name}`
        );
      }
      entry.dataOffset = entry.localOffset + 30 + nameLength + extraLength;
      if (entry.dataOffset + entry.storedSize > cdOffset) {
        throw malformed(
          name,
          `zip entry ${entry.name} (${entry.storedSize} bytes from byte ${entry.dataOffset}) runs into the central directory at byte ${cdOffset}: its size is wrong`
        );
      }
    }
    const sorted2 = [...this.entries].sort((a, b) => a.localOffset - b.localOffset);
    for (let i = 1; i < sorted2.length; i++) {
      const before = sorted2[i - 1];
      const entry = sorted2[i];
      if (before && entry && before.dataOffset + before.storedSize > entry.localOffset) {
        throw malformed(
          name,
          `zip entries ${before.name} (bytes ${before.localOffset}..${before.dataOffset + before.storedSize}) and ${entry.name} (from byte ${entry.localOffset}) overlap`
        );
      }
    }
  }
};

// src/formats/torch-zip.ts
var MAX_PICKLE_BYTES = 256 * 1024 * 1024;
async function readTorchZip(file) {
  const name = file.name;
  const zip = await ZipArchive.open(file);
  const first = zip.entries[0];
  if (!first) throw malformed(name, "the zip archive is empty");
  const slash = first.name.indexOf("/");
  if (slash <= 0)
    throw malformed(
      name,
      `zip entry ${first.name} is not inside an archive folder; not a torch.save file`
    );
  const prefix = first.name.slice(0, slash + 1);
  for (const entry of zip.entries) {
    if (!entry.name.startsWith(prefix)) {
      throw malformed(
        name,
        `zip entry ${entry.name} is outside the archive folder ${prefix}; torch.save writes every entry under one folder`
      );
    }
  }
  if (zip.get(`${prefix}constants.pkl`)) {
    throw unsupported(
      name,
      "is a TorchScript archive (torch.jit.save); save the model's state_dict() with torch.save and convert that"
    );
  }
  zip.requireStored();
  const pickleEntry = zip.get(`${prefix}data.pkl`);
  if (!pickleEntry)
    throw malformed(name, `no ${prefix}data.pkl in the zip; not a torch.save checkpoint`);
  let bigEndian = false;
  const byteorder = zip.get(`${prefix}byteorder`);
  if (byteorder) {
    const text2 = (await zip.read(byteorder, 16)).toString("latin1");
    if (text2 !== "little" && text2 !== "big") {
      throw malformed(
        name,
        `${byteorder.name} says ${JSON.stringify(text2)}, expected "little" or "big"`
      );
    }
    bigEndian = text2 === "big";
  }
  const newLayout = byteorder !== void 0 || zip.entries.some(
    (e) => e.name.startsWith(`${prefix}.data/`) || e.name === `${prefix}.format_version`
  );
  const where = `${name}: ${pickleEntry.name}`;
  const storages = /* @__PURE__ */ new Map();
  const persistentLoad = (pid, at) => {
    const fail2 = (detail) => {
      throw malformed(where, `${detail} (at byte ${at})`);
    };
    const { dtype, key, location, numel } = parseStoragePid(pid, 5, fail2);
    const bytes = numel * (dtypeBytes(dtype) ?? 1);
    const known = storages.get(key);
    if (known) {
      if (known.dtype !== dtype || known.byteLength !== bytes) {
        fail2(
          `storage ${key} is named again as ${numel} ${dtype} elements, first as ${known.byteLength} bytes of ${known.dtype}`
        );
      }
      return known;
    }
    const record4 = zip.get(`${prefix}data/${key}`);
    if (!record4) return fail2(`storage ${key} has no record ${prefix}data/${key} in the zip`);
    if (!Number.isSafeInteger(bytes) || record4.size !== bytes) {
      return fail2(
        `storage ${key} is said to hold ${numel} ${dtype} elements (${bytes} bytes) but its record ${record4.name} has ${record4.size} bytes`
      );
    }
    const storage = new TorchStorage(key, dtype, 0, bytes, location);
    storages.set(key, storage);
    return storage;
  };
  const pickle = await zip.read(pickleEntry, MAX_PICKLE_BYTES);
  const { value, end } = unpickle(
    pickle,
    0,
    torchPickleHooks(where, persistentLoad, file.size),
    where
  );
  if (end !== pickle.length) {
    throw malformed(
      where,
      `${pickle.length - end} bytes follow the pickle's STOP opcode at byte ${end - 1}`
    );
  }
  return {
    file,
    format: "zip",
    layout: `torch zip (${newLayout ? "2.x" : "1.x"} layout${bigEndian ? ", big-endian" : ""})`,
    root: value,
    bigEndian,
    region(storage) {
      const record4 = zip.get(`${prefix}data/${storage.key}`);
      return { offset: (record4?.dataOffset ?? 0) + storage.byteOffset, length: storage.byteLength };
    }
  };
}

// src/formats/open-torch-checkpoint.ts
var PICKLE_STARTS = /* @__PURE__ */ new Set([128, 40, 99, 105, 93, 125, 41]);
function hex(bytes) {
  return [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join(" ");
}
async function openTorchCheckpoint(path, name) {
  const file = await RandomAccessFile.open(path, name);
  try {
    if (file.size === 0) throw malformed(file.name, "is empty");
    const head = await file.read(0, Math.min(file.size, 512), "file head");
    if (head[0] === 80 && head[1] === 75) return await readTorchZip(file);
    if (head.subarray(0, 8).toString("latin1") === "PYTORCH1") {
      throw unsupported(
        file.name,
        "uses the PYTORCH1 preview format, which torch itself no longer reads"
      );
    }
    if (head.length >= 262 && head.subarray(257, 262).toString("latin1") === "ustar") {
      throw unsupported(
        file.name,
        "is a pre-0.4 tar checkpoint; load it with an old torch and re-save it with torch.save"
      );
    }
    if (head.length >= 9 && head[8] === 123 && head.readUInt32LE(4) === 0) {
      throw unsupported(
        file.name,
        "is already safetensors; use it as is (sources.safetensors in the manifest)"
      );
    }
    const first = head[0] ?? 0;
    if (PICKLE_STARTS.has(first)) return await readTorchLegacy(file);
    throw malformed(
      file.name,
      `is not a PyTorch checkpoint (it starts with bytes ${hex(head)}; a checkpoint starts with a zip header or a pickle)`
    );
  } catch (error) {
    await file.close();
    throw error;
  }
}

// src/convert/shard-index.ts
import { readFile as readFile4, stat as stat2 } from "node:fs/promises";
import { basename as basename3, dirname as dirname3, join as join5 } from "node:path";
var TORCH_INDEX_NAME = "pytorch_model.bin.index.json";
var SAFETENSORS_INDEX_NAME = "model.safetensors.index.json";
var MAX_INDEX_BYTES = 64 * 1024 * 1024;
async function readShardIndex(path) {
  const name = basename3(path);
  const info = await stat2(path);
  if (info.size > MAX_INDEX_BYTES) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `${name} is ${info.size} bytes, over the ${MAX_INDEX_BYTES}-byte limit for an index`
    );
  }
  let json;
  try {
    json = parseStrictJson(await readFile4(path, "utf8"));
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      throw malformed(name, `${error.message} at character ${error.index}`);
    throw error;
  }
  const weightMap = json instanceof Map ? json.get("weight_map") : void 0;
  if (!(weightMap instanceof Map) || weightMap.size === 0) {
    throw malformed(name, 'has no "weight_map" object naming the shard of each tensor');
  }
  const shards = [];
  const map = /* @__PURE__ */ new Map();
  for (const [tensor2, file] of weightMap) {
    if (typeof file !== "string" || !/^[^/\\]+$/.test(file) || file === "." || file === "..") {
      throw malformed(
        name,
        `weight_map.${tensor2} is ${JSON.stringify(file)}, not a file name beside the index`
      );
    }
    const shard = join5(dirname3(path), file);
    if (!shards.includes(shard)) shards.push(shard);
    map.set(tensor2, shard);
  }
  return { shards, weightMap: map };
}

// src/convert/training-values.ts
var MAX_STRING = 1e3;
function pythonFloatRepr(x) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa = "0", exp = "0"] = x.toExponential().split("e");
  const exponent = Number(exp);
  const sign = mantissa.startsWith("-") ? "-" : "";
  const digits = mantissa.replace("-", "").replace(".", "");
  if (exponent < -4 || exponent >= 16) {
    const body = digits.length > 1 ? `${digits.slice(0, 1)}.${digits.slice(1)}` : digits;
    const e = Math.abs(exponent).toString().padStart(2, "0");
    return `${sign}${body}e${exponent < 0 ? "-" : "+"}${e}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = digits.slice(exponent + 1) || "0";
  return `${sign}${whole}.${fraction}`;
}
function float(value) {
  return {
    value: Number.isFinite(value) ? value : pythonFloatRepr(value),
    text: pythonFloatRepr(value)
  };
}
function int(value) {
  const exact = typeof value === "number" || Number.isSafeInteger(Number(value));
  return { value: exact ? Number(value) : value.toString(), text: value.toString() };
}
function trainingEntry(value) {
  if (typeof value === "boolean") return { value, text: value ? "True" : "False" };
  if (typeof value === "number" || typeof value === "bigint") return int(value);
  if (value instanceof PyFloat) return float(value.value);
  if (typeof value === "string" && value.length <= MAX_STRING) return { value, text: value };
  return void 0;
}
function halfToNumber(bits) {
  const sign = bits & 32768 ? -1 : 1;
  const exponent = bits >> 10 & 31;
  const fraction = bits & 1023;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
function scalarTensorEntry(dtype, bytes) {
  if (bytes.length !== dtypeBytes(dtype)) return void 0;
  switch (dtype) {
    case "F64":
      return float(bytes.readDoubleLE(0));
    case "F32":
      return float(bytes.readFloatLE(0));
    case "F16":
      return float(halfToNumber(bytes.readUInt16LE(0)));
    case "BF16": {
      const widened = Buffer.alloc(4);
      widened.writeUInt16LE(bytes.readUInt16LE(0), 2);
      return float(widened.readFloatLE(0));
    }
    case "I64":
      return int(bytes.readBigInt64LE(0));
    case "I32":
      return int(bytes.readInt32LE(0));
    case "I16":
      return int(bytes.readInt16LE(0));
    case "I8":
      return int(bytes.readInt8(0));
    case "U8":
      return int(bytes.readUInt8(0));
    case "BOOL":
      return { value: bytes.readUInt8(0) !== 0, text: bytes.readUInt8(0) !== 0 ? "True" : "False" };
    case "C64":
    case "F4":
    case "F6_E2M3":
    case "F6_E3M2":
    case "F8_E4M3":
    case "F8_E4M3FNUZ":
    case "F8_E5M2":
    case "F8_E5M2FNUZ":
    case "F8_E8M0":
    case "U16":
    case "U32":
    case "U64":
      return void 0;
  }
}

// src/convert/weights-selection.ts
var TOP_LEVEL = ".";
function tensorEntries(dict, where) {
  const out = [];
  for (const [key, value] of dict.entries()) {
    if (!(value instanceof TorchTensor)) continue;
    if (typeof key !== "string") {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${where}: a tensor is stored under a ${describe(key)} key; tensor names must be strings`
      );
    }
    out.push([key, value]);
  }
  return out;
}
function isWeightsDict(value) {
  if (!(value instanceof PyDict) || value.size === 0) return false;
  for (const [, item] of value.entries()) if (!(item instanceof TorchTensor)) return false;
  return true;
}
function lookup(root2, key) {
  const direct = root2.get(key);
  if (direct !== void 0) return direct;
  let node2 = root2;
  for (const part of key.split(/[./]/)) {
    node2 = node2 instanceof PyDict ? node2.get(part) : void 0;
  }
  return node2;
}
function selectWeights(root2, weightsKey, where) {
  if (!(root2 instanceof PyDict)) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `${where}: the checkpoint holds a ${describe(root2)}, not a dict of tensors; save model.state_dict() (or a dict holding it)`
    );
  }
  const entries2 = [...root2.entries()].filter(
    (e) => typeof e[0] === "string"
  );
  const rootTensors = tensorEntries(root2, where);
  const candidates2 = entries2.filter(([, value]) => isWeightsDict(value)).map(([key2]) => key2);
  if (rootTensors.some(([, t]) => t.shape.length > 0)) candidates2.unshift(TOP_LEVEL);
  const listing = entries2.map(([key2, value]) => `${key2} (${describe(value)})`).join(", ");
  let key;
  if (weightsKey === void 0) {
    if (candidates2.length === 0) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${where}: no tensors found at the top level or in a nested dict; the checkpoint holds: ${listing || "nothing"}`
      );
    }
    if (candidates2.length > 1) {
      throw new ModelPublishError(
        "INPUT_UNSUPPORTED",
        `${where}: the checkpoint holds several dicts of weights (${candidates2.map((c) => c === TOP_LEVEL ? "the top level" : c).join(", ")}); choose one with --weights-key or sources.weightsKey in the manifest`
      );
    }
    key = candidates2[0] === TOP_LEVEL ? void 0 : candidates2[0];
  } else if (weightsKey !== TOP_LEVEL && weightsKey !== "") {
    key = weightsKey;
  }
  if (key === void 0) {
    if (rootTensors.length === 0) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${where}: no tensors at the top level; the checkpoint holds: ${listing || "nothing"}`
      );
    }
    return {
      key: void 0,
      tensors: rootTensors,
      others: entries2.filter(([, value]) => !(value instanceof TorchTensor)),
      skipped: []
    };
  }
  const chosen = lookup(root2, key);
  const tensors = chosen instanceof PyDict ? tensorEntries(chosen, `${where} [${key}]`) : [];
  if (!(chosen instanceof PyDict) || tensors.length === 0) {
    const found = chosen === void 0 ? "there is no such key" : `it holds a ${describe(chosen)} with no tensors`;
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `${where}: weights key ${JSON.stringify(key)}: ${found}; candidates: ${candidates2.join(", ") || "none"} (the checkpoint holds: ${listing})`
    );
  }
  const skipped2 = [];
  for (const [name, value] of chosen.entries())
    if (!(value instanceof TorchTensor)) skipped2.push(typeof name === "string" ? name : show2(name));
  return { key, tensors, others: entries2.filter(([name]) => name !== key), skipped: skipped2 };
}

// src/convert/load-sources.ts
function reason(error) {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : void 0;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
async function scalarOf(checkpoint, tensor2) {
  const size2 = dtypeBytes(tensor2.dtype);
  if (size2 === void 0 || tensorNumel(tensor2) !== 1) return void 0;
  const region = checkpoint.region(tensor2.storage);
  const bytes = await checkpoint.file.read(
    region.offset + tensor2.offset * size2,
    size2,
    `scalar storage ${tensor2.storage.key}`
  );
  const unit = byteSwapUnit(tensor2.dtype);
  if (checkpoint.bigEndian && unit > 1) bytes.reverse();
  return scalarTensorEntry(tensor2.dtype, bytes);
}
async function loadSources(input, weightsKey, opened, onOpen) {
  let path = input;
  const info = await stat3(path).catch((error) => {
    throw new ModelPublishError("USAGE", `cannot read the checkpoint ${input}: ${reason(error)}`);
  });
  if (info.isDirectory()) path = join6(path, TORCH_INDEX_NAME);
  const index = path.endsWith(".json") ? await readShardIndex(path).catch((error) => {
    throw error instanceof ModelPublishError ? error : new ModelPublishError("USAGE", `cannot read ${path}: ${reason(error)}`);
  }) : void 0;
  const files = index ? index.shards : [path];
  const tensors = [];
  const training = /* @__PURE__ */ new Map();
  const skipped2 = [];
  const names = /* @__PURE__ */ new Set();
  let chosenKey;
  for (const file of files) {
    onOpen?.(file);
    const checkpoint = await openTorchCheckpoint(file).catch((error) => {
      if (error instanceof ModelPublishError) throw error;
      const named = index ? `${basename4(path)} names ${basename4(file)}, which` : `the checkpoint ${file}`;
      throw new ModelPublishError(
        index ? "INPUT_MALFORMED" : "USAGE",
        `${named} cannot be read: ${reason(error)}`
      );
    });
    opened.push(checkpoint);
    const name = checkpoint.file.name;
    const selection = selectWeights(checkpoint.root, weightsKey, name);
    chosenKey ??= selection.key;
    skipped2.push(...selection.skipped);
    for (const [tensorName, tensor2] of selection.tensors) {
      if (names.has(tensorName))
        throw malformed(name, `tensor ${JSON.stringify(tensorName)} is also in another shard`);
      if (index && index.weightMap.get(tensorName) !== file) {
        throw malformed(
          name,
          `holds tensor ${JSON.stringify(tensorName)}, which ${basename4(path)} ${index.weightMap.has(tensorName) ? "places in another shard" : "does not list"}`
        );
      }
      names.add(tensorName);
      tensors.push({ name: tensorName, tensor: tensor2, checkpoint });
    }
    for (const [key, value] of selection.others) {
      const entry = value instanceof TorchTensor ? await scalarOf(checkpoint, value) : trainingEntry(value);
      if (entry && !training.has(key)) training.set(key, entry);
    }
  }
  if (index) {
    for (const [tensorName, shard] of index.weightMap) {
      if (!names.has(tensorName))
        throw malformed(
          basename4(path),
          `lists tensor ${JSON.stringify(tensorName)} in ${basename4(shard)}, which does not hold it`
        );
    }
  }
  return { tensors, training, weightsKey: chosenKey, skipped: skipped2, index };
}

// src/formats/safetensors-layout.ts
function tensorByteLength(entry) {
  const elements = checkedProduct(entry.shape);
  const bits = elements === void 0 ? void 0 : checkedMul(elements, dtypeBits(entry.dtype));
  if (bits === void 0 || bits % 8 !== 0) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `tensor ${JSON.stringify(entry.name)} (${entry.dtype} [${entry.shape.join(", ")}]) is not a whole number of bytes or overflows`
    );
  }
  return bits / 8;
}
function compareUtf82(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function layoutSafetensors(entries2, metadata) {
  const seen = /* @__PURE__ */ new Set();
  for (const entry of entries2) {
    if (entry.name === "__metadata__") {
      throw new ModelPublishError(
        "INPUT_UNSUPPORTED",
        'a tensor cannot be named "__metadata__" in safetensors'
      );
    }
    if (seen.has(entry.name)) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `tensor name ${JSON.stringify(entry.name)} appears twice`
      );
    }
    seen.add(entry.name);
  }
  const sorted2 = [...entries2].sort(
    (a, b) => dtypeRank(b.dtype) - dtypeRank(a.dtype) || compareUtf82(a.name, b.name)
  );
  let offset = 0;
  const tensors = sorted2.map((entry) => {
    const begin = offset;
    offset += tensorByteLength(entry);
    return { ...entry, shape: [...entry.shape], begin, end: offset };
  });
  const parts2 = [];
  if (metadata !== void 0) {
    const keys = Object.keys(metadata).sort(compareUtf82);
    const body = keys.map((key) => `${JSON.stringify(key)}:${JSON.stringify(metadata[key])}`);
    parts2.push(`"__metadata__":{${body.join(",")}}`);
  }
  for (const t of tensors) {
    parts2.push(
      `${JSON.stringify(t.name)}:{"dtype":"${t.dtype}","shape":[${t.shape.join(",")}],"data_offsets":[${t.begin},${t.end}]}`
    );
  }
  const json = Buffer.from(`{${parts2.join(",")}}`, "utf8");
  const padded = json.length + (8 - json.length % 8) % 8;
  if (padded > MAX_HEADER_SIZE) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `the safetensors header would be ${padded} bytes, over the ${MAX_HEADER_SIZE}-byte limit readers enforce (HeaderTooLarge); write fewer tensors or less metadata per file`
    );
  }
  const header2 = Buffer.alloc(8 + padded, 32);
  header2.writeBigUInt64LE(BigInt(padded), 0);
  json.copy(header2, 8);
  return { header: header2, tensors, size: header2.length + offset };
}

// src/convert/output-plan.ts
function byName(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function dedupeTies(tensors) {
  const groups = /* @__PURE__ */ new Map();
  for (const source of tensors) {
    const id = viewIdentity(source.tensor, source.checkpoint.file.path);
    const group = groups.get(id);
    if (group) group.push(source);
    else groups.set(id, [source]);
  }
  const keep = /* @__PURE__ */ new Set();
  const duplicates = {};
  for (const group of groups.values()) {
    const [kept, ...rest] = [...group].sort((a, b) => byName(a.name, b.name));
    if (!kept) continue;
    keep.add(kept);
    for (const dup of rest) duplicates[dup.name] = kept.name;
  }
  return { unique: tensors.filter((t) => keep.has(t)), duplicates };
}
function planOutput(tensors, duplicates, baseMetadata, options2) {
  const groups = [];
  let current = [];
  let size2 = 0;
  for (const source of tensors) {
    const bytes = tensorBytes(source.tensor);
    if (options2.shardSize !== void 0 && current.length > 0 && size2 + bytes > options2.shardSize) {
      groups.push(current);
      current = [];
      size2 = 0;
    }
    current.push(source);
    size2 += bytes;
  }
  groups.push(current);
  const count2 = groups.length;
  const pad = (n) => String(n).padStart(5, "0");
  return groups.map((group, index) => {
    const names = new Set(group.map((s) => s.name));
    const metadata = { ...baseMetadata };
    for (const [dup, kept] of Object.entries(duplicates)) if (names.has(kept)) metadata[dup] = kept;
    metadata.format = "pt";
    const layout = layoutSafetensors(
      group.map((s) => ({ name: s.name, dtype: s.tensor.dtype, shape: s.tensor.shape })),
      metadata
    );
    return {
      name: count2 === 1 ? options2.singleName : `model-${pad(index + 1)}-of-${pad(count2)}.safetensors`,
      layout,
      metadata,
      sources: new Map(group.map((s) => [s.name, s]))
    };
  });
}

// src/convert/pending-output.ts
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm as rm2 } from "node:fs/promises";
import { join as join7 } from "node:path";
var PendingOutput = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  files = [];
  created;
  tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  /** Creates the output folder if needed (remembering it, to remove it on failure). */
  async prepare() {
    this.created = await mkdir(this.dir, { recursive: true });
  }
  /** A temporary path for the file that will become `dir/name`. */
  temp(name) {
    const entry = {
      temp: join7(this.dir, `.${name}.${this.tag}.partial`),
      final: join7(this.dir, name)
    };
    this.files.push(entry);
    return entry.temp;
  }
  /**
   * Renames every file into place, in the order they were registered (an index last). Should a
   * rename fail, the files already renamed are removed too: a partial set is not left behind.
   */
  async commit() {
    const done = [];
    try {
      for (const file of this.files) {
        await rename(file.temp, file.final);
        done.push(file.final);
      }
    } catch (error) {
      await Promise.all(done.map((final) => rm2(final, { force: true })));
      throw error;
    }
    this.files.length = 0;
    this.created = void 0;
    return done;
  }
  async discard() {
    await Promise.all(this.files.map((f) => rm2(f.temp, { force: true })));
    this.files.length = 0;
    if (this.created !== void 0) await rm2(this.created, { recursive: true, force: true });
    this.created = void 0;
  }
};

// src/convert/shard-size.ts
var UNITS = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30
};
var DEFAULT_SHARD_SIZE = "5GB";
function parseShardSize(size2, what = "shard size") {
  if (typeof size2 === "number") {
    if (Number.isSafeInteger(size2) && size2 > 0) return size2;
    throw new ModelPublishError("USAGE", `${what} must be a positive number of bytes, got ${size2}`);
  }
  const match = /^([0-9]+(?:\.[0-9]+)?)(B|KB|MB|GB|KiB|MiB|GiB)$/.exec(size2.trim());
  const unit = match?.[2];
  const bytes = match && unit ? Math.floor(Number(match[1]) * (UNITS[unit] ?? 0)) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new ModelPublishError(
      "USAGE",
      `${what} ${JSON.stringify(size2)} is not a size like 5GB, 500MB or 2GiB`
    );
  }
  return bytes;
}

// src/convert/tensor-source.ts
function sourceChunks(source, pool) {
  const { checkpoint, tensor: tensor2 } = source;
  return tensorChunks(
    checkpoint.file,
    checkpoint.region(tensor2.storage),
    tensor2,
    checkpoint.bigEndian,
    pool
  );
}

// src/convert/verify-output.ts
function mismatch(name, detail) {
  return new ModelPublishError("OUTPUT_MISMATCH", `${name}: check by reload failed: ${detail}`);
}
function sameRecord(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
async function verifyWrittenFile(path, planned, pool, onBytes) {
  let file;
  try {
    file = await SafetensorsFile.open(path, planned.name);
  } catch (error) {
    throw mismatch(planned.name, error instanceof Error ? error.message : String(error));
  }
  const reread = pool ? new ChunkPool(pool.size, 1) : void 0;
  try {
    if (!sameRecord(file.metadata ?? {}, planned.metadata)) {
      throw mismatch(planned.name, "__metadata__ differs from what was written");
    }
    if (file.tensors.length !== planned.layout.tensors.length) {
      throw mismatch(
        planned.name,
        `${file.tensors.length} tensors read back, ${planned.layout.tensors.length} written`
      );
    }
    for (const expected of planned.layout.tensors) {
      const info = file.tensor(expected.name);
      const source = planned.sources.get(expected.name);
      if (!info || !source || info.dtype !== expected.dtype || info.begin !== expected.begin || info.end !== expected.end || info.shape.join(",") !== expected.shape.join(",")) {
        throw mismatch(
          planned.name,
          `tensor ${JSON.stringify(expected.name)} reads back with a different dtype, shape or place`
        );
      }
      if (pool && reread)
        await compareBytes(file, info, source, [pool, reread], planned.name, onBytes);
    }
  } finally {
    await file.close();
  }
}
async function compareBytes(file, info, source, [pool, reread], name, onBytes) {
  const { offset, length } = file.byteRange(info);
  const chunks = sourceChunks(source, pool);
  let done = 0;
  let next = chunks.next();
  for (; ; ) {
    const result = await next;
    if (result.done) break;
    const chunk = result.value;
    next = chunks.next();
    const written = reread.next().subarray(0, chunk.length);
    await file.file.readInto(written, 0, chunk.length, offset + done, `tensor ${info.name}`);
    if (!written.equals(chunk)) {
      await next.catch(() => void 0);
      throw mismatch(
        name,
        `tensor ${JSON.stringify(info.name)} differs from the checkpoint within bytes ${done}..${done + chunk.length}`
      );
    }
    done += chunk.length;
    onBytes?.(chunk.length);
  }
  if (done !== length) {
    throw mismatch(
      name,
      `tensor ${JSON.stringify(info.name)} has ${length} bytes, the checkpoint gives ${done}`
    );
  }
}

// src/convert/convert-checkpoint.ts
async function convertCheckpoint(options2) {
  const input = resolve3(options2.input);
  const output = resolve3(options2.output);
  const fileMode = output.endsWith(".safetensors");
  const outDir = fileMode ? dirname4(output) : output;
  const shardSize = fileMode ? void 0 : parseShardSize(options2.shardSize ?? DEFAULT_SHARD_SIZE);
  const progress = options2.onProgress;
  const opened = [];
  const pending = new PendingOutput(outDir);
  try {
    const loaded2 = await loadSources(
      input,
      options2.weightsKey,
      opened,
      (file) => progress?.({ phase: "open", file })
    );
    const { unique, duplicates } = dedupeTies(loaded2.tensors);
    const training = Object.fromEntries([...loaded2.training].map(([k, e]) => [k, e.value]));
    const baseMetadata = Object.fromEntries([...loaded2.training].map(([k, e]) => [k, e.text]));
    const files = planOutput(unique, duplicates, baseMetadata, {
      singleName: fileMode ? basename5(output) : options2.singleName ?? "model.safetensors",
      shardSize
    });
    const inputs = new Set(opened.map((c) => resolve3(c.file.path)));
    for (const name of [...files.map((f) => f.name), SAFETENSORS_INDEX_NAME]) {
      if (inputs.has(resolve3(outDir, name))) {
        throw new ModelPublishError(
          "USAGE",
          `the output ${resolve3(outDir, name)} would overwrite the checkpoint itself; choose another output`
        );
      }
    }
    const total = files.reduce((sum, f) => sum + f.layout.size - f.layout.header.length, 0);
    await pending.prepare();
    const pool = new ChunkPool(options2.chunkBytes ?? CHUNK_BYTES);
    const temps = files.map((f) => pending.temp(f.name));
    let done = 0;
    for (const [i, file] of files.entries()) {
      await writeSafetensors(
        temps[i] ?? "",
        file.layout,
        (entry) => {
          const source = file.sources.get(entry.name);
          if (!source) throw new Error(`no source for ${entry.name}`);
          return sourceChunks(source, pool);
        },
        {
          name: file.name,
          readBack: true,
          onBytes: (n) => progress?.({
            phase: "write",
            file: file.name,
            bytesDone: done += n,
            bytesTotal: total
          })
        }
      );
    }
    done = 0;
    const full = options2.check === "full";
    for (const [i, file] of files.entries()) {
      await verifyWrittenFile(
        temps[i] ?? "",
        file,
        full ? pool : void 0,
        (n) => progress?.({ phase: "verify", file: file.name, bytesDone: done += n, bytesTotal: total })
      );
      if (!full) {
        done += file.layout.size - file.layout.header.length;
        progress?.({ phase: "verify", file: file.name, bytesDone: done, bytesTotal: total });
      }
    }
    const indexText = files.length > 1 ? shardIndexText(files, total) : void 0;
    if (indexText !== void 0) await writeFile(pending.temp(SAFETENSORS_INDEX_NAME), indexText);
    const finals = await pending.commit();
    progress?.({ phase: "done", files: finals });
    const root2 = resolve3(options2.releaseRoot ?? outDir);
    const artifacts = finals.map((file, i) => {
      const planned = files[i];
      return {
        path: relative(root2, file).split(sep).join("/"),
        file,
        size: planned ? planned.layout.size : Buffer.byteLength(indexText ?? ""),
        format: planned ? "safetensors" : "safetensors-index",
        role: "weights"
      };
    });
    return {
      artifacts,
      tensors: unique.length,
      bytes: total,
      duplicates,
      training,
      metadata: { ...baseMetadata, format: "pt" },
      weightsKey: loaded2.weightsKey,
      skipped: loaded2.skipped,
      sources: opened.map((c) => ({ file: c.file.path, layout: c.layout }))
    };
  } catch (error) {
    await pending.discard();
    throw error;
  } finally {
    await Promise.all(opened.map((c) => c.file.close()));
  }
}
function shardIndexText(files, total) {
  const pairs = files.flatMap((f) => [...f.sources.keys()].map((name) => [name, f.name]));
  pairs.sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const body = pairs.map(([name, file]) => `    ${JSON.stringify(name)}: ${JSON.stringify(file)}`);
  const text2 = `{
  "metadata": {
    "total_size": ${total}
  },
  "weight_map": {
${body.join(",\n")}
  }
}`.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
  return `${text2}
`;
}

// src/formats/onnx-model.ts
import { stat as stat5 } from "node:fs/promises";
import { basename as basename6, dirname as dirname5, resolve as resolve5 } from "node:path";

// src/formats/onnx-external-data.ts
import { open as open3, realpath, stat as stat4 } from "node:fs/promises";
import { isAbsolute, relative as relative2, resolve as resolve4, sep as sep2 } from "node:path";
var CHUNK = 8 * 1024 * 1024;
function count(value, key, where) {
  if (!/^[0-9]{1,16}$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw malformed(where, `external_data ${key} ${JSON.stringify(value)} is not a byte count`);
  }
  return Number(value);
}
function externalRef(tensor2, dir, where) {
  let location;
  let offset = 0;
  let length;
  for (const entry of tensor2.externalData ?? []) {
    const value = entry.value ?? "";
    if (entry.key === "location") location = value;
    else if (entry.key === "offset") offset = count(value, "offset", where);
    else if (entry.key === "length") length = count(value, "length", where);
  }
  if (!location) throw malformed(where, "external data without a location entry");
  const parts2 = location.split(/[\\/]/);
  if (location.includes("\0") || isAbsolute(location) || /^[A-Za-z]:/.test(location) || location.startsWith("\\") || parts2.includes("..")) {
    throw malformed(
      where,
      `external data location ${JSON.stringify(location)} is outside the model's folder; locations must be relative paths below it`
    );
  }
  const file = resolve4(dir, ...parts2.filter((p) => p !== "" && p !== "."));
  return { location, file, offset, ...length === void 0 ? {} : { length } };
}
function inside(folder, path) {
  const rel = relative2(folder, path);
  return rel !== "" && !rel.startsWith(`..${sep2}`) && rel !== ".." && !isAbsolute(rel);
}
async function checkExternal(ref, dir, bytes, where) {
  let real;
  try {
    real = await realpath(ref.file);
  } catch {
    throw malformed(
      where,
      `external data file ${JSON.stringify(ref.location)} is missing (looked for ${ref.file}); copy it next to the model`
    );
  }
  if (!inside(await realpath(dir), real)) {
    throw malformed(
      where,
      `external data file ${JSON.stringify(ref.location)} links outside the model's folder`
    );
  }
  const info = await stat4(real);
  if (!info.isFile()) throw malformed(where, `external data ${ref.location} is not a regular file`);
  const length = ref.length ?? info.size - ref.offset;
  if (length !== bytes) {
    throw malformed(
      where,
      `external data length ${length} does not match the ${bytes} bytes its shape and type need`
    );
  }
  if (ref.offset + length > info.size) {
    throw malformed(
      where,
      `external data at bytes ${ref.offset}..${ref.offset + length} of ${ref.location} runs past its end (${info.size} bytes); the file is truncated`
    );
  }
  return length;
}
async function withFile(ref, use) {
  const handle = await open3(ref.file, "r");
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}
async function readFully(handle, into, position, source, where) {
  for (let done = 0; done < into.length; ) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) {
      throw malformed(where, `${source.file} ended at byte ${position + done} (truncated)`);
    }
    done += bytesRead;
  }
}
async function copyFileRange(source, length, out, at, where) {
  const chunk = Buffer.allocUnsafe(Math.min(CHUNK, length));
  await withFile(source, async (handle) => {
    for (let done = 0; done < length; ) {
      const part = chunk.subarray(0, Math.min(chunk.length, length - done));
      await readFully(handle, part, source.offset + done, source, where);
      for (let written = 0; written < part.length; ) {
        const { bytesWritten } = await out.write(
          part,
          written,
          part.length - written,
          at + done + written
        );
        written += bytesWritten;
      }
      done += part.length;
    }
  });
}

// src/formats/onnx-int64.ts
var TWO_32 = 4294967296;
function int64ToNumber(value, where) {
  if (value === void 0) return 0;
  const n = typeof value === "number" ? value : (value.unsigned ? value.high >>> 0 : value.high) * TWO_32 + (value.low >>> 0);
  if (!Number.isSafeInteger(n)) throw malformed(where, `integer ${n} is out of range`);
  return n;
}
function int64ToBigInt(value) {
  if (value === void 0) return 0n;
  if (typeof value === "number") return BigInt(value);
  const high = BigInt(value.unsigned ? value.high >>> 0 : value.high);
  return (high << 32n) + BigInt(value.low >>> 0);
}

// src/formats/onnx-lazy-data.ts
var registry = /* @__PURE__ */ new WeakMap();
function setLazyRawData(tensor2, ref) {
  registry.set(tensor2, ref);
}
function lazyRawData(tensor2) {
  return registry.get(tensor2);
}

// src/formats/onnx-schema.ts
import protobuf from "protobufjs/light.js";
var SCALARS = /* @__PURE__ */ new Set(["int32", "int64", "uint64", "float", "double"]);
var one = (id, type) => ({ id, type });
var list2 = (id, type) => ({
  id,
  type,
  rule: "repeated",
  ...SCALARS.has(type) ? { options: { packed: false } } : {}
});
var packed = (id, type) => ({
  id,
  type,
  rule: "repeated",
  options: { packed: true }
});
var entries = (id) => list2(id, "StringStringEntryProto");
var descriptor = {
  nested: {
    onnx: {
      nested: {
        StringStringEntryProto: { fields: { key: one(1, "string"), value: one(2, "string") } },
        OperatorSetIdProto: { fields: { domain: one(1, "string"), version: one(2, "int64") } },
        AttributeProto: {
          fields: {
            name: one(1, "string"),
            refAttrName: one(21, "string"),
            docString: one(13, "string"),
            type: one(20, "int32"),
            f: one(2, "float"),
            i: one(3, "int64"),
            s: one(4, "bytes"),
            t: one(5, "TensorProto"),
            g: one(6, "GraphProto"),
            sparseTensor: one(22, "SparseTensorProto"),
            tp: one(14, "TypeProto"),
            floats: list2(7, "float"),
            ints: list2(8, "int64"),
            strings: list2(9, "bytes"),
            tensors: list2(10, "TensorProto"),
            graphs: list2(11, "GraphProto"),
            sparseTensors: list2(23, "SparseTensorProto"),
            typeProtos: list2(15, "TypeProto")
          }
        },
        ValueInfoProto: {
          fields: {
            name: one(1, "string"),
            type: one(2, "TypeProto"),
            docString: one(3, "string"),
            metadataProps: entries(4)
          }
        },
        NodeProto: {
          fields: {
            input: list2(1, "string"),
            output: list2(2, "string"),
            name: one(3, "string"),
            opType: one(4, "string"),
            domain: one(7, "string"),
            overload: one(8, "string"),
            attribute: list2(5, "AttributeProto"),
            docString: one(6, "string"),
            metadataProps: entries(9),
            deviceConfigurations: list2(10, "NodeDeviceConfigurationProto")
          }
        },
        IntIntListEntryProto: { fields: { key: one(1, "int64"), value: list2(2, "int64") } },
        NodeDeviceConfigurationProto: {
          fields: {
            configurationId: one(1, "string"),
            shardingSpec: list2(2, "ShardingSpecProto"),
            pipelineStage: one(3, "int32")
          }
        },
        ShardingSpecProto: {
          fields: {
            tensorName: one(1, "string"),
            device: list2(2, "int64"),
            indexToDeviceGroupMap: list2(3, "IntIntListEntryProto"),
            shardedDim: list2(4, "ShardedDimProto")
          }
        },
        ShardedDimProto: {
          fields: { axis: one(1, "int64"), simpleSharding: list2(2, "SimpleShardedDimProto") }
        },
        SimpleShardedDimProto: {
          oneofs: { dim: { oneof: ["dimValue", "dimParam"] } },
          fields: {
            dimValue: one(1, "int64"),
            dimParam: one(2, "string"),
            numShards: one(3, "int64")
          }
        },
        TrainingInfoProto: {
          fields: {
            initialization: one(1, "GraphProto"),
            algorithm: one(2, "GraphProto"),
            initializationBinding: entries(3),
            updateBinding: entries(4)
          }
        },
        ModelProto: {
          fields: {
            irVersion: one(1, "int64"),
            opsetImport: list2(8, "OperatorSetIdProto"),
            producerName: one(2, "string"),
            producerVersion: one(3, "string"),
            domain: one(4, "string"),
            modelVersion: one(5, "int64"),
            docString: one(6, "string"),
            graph: one(7, "GraphProto"),
            metadataProps: entries(14),
            trainingInfo: list2(20, "TrainingInfoProto"),
            functions: list2(25, "FunctionProto"),
            configuration: list2(26, "DeviceConfigurationProto")
          }
        },
        DeviceConfigurationProto: {
          fields: {
            name: one(1, "string"),
            numDevices: one(2, "int32"),
            device: list2(3, "string")
          }
        },
        TensorAnnotation: {
          fields: { tensorName: one(1, "string"), quantParameterTensorNames: entries(2) }
        },
        GraphProto: {
          fields: {
            node: list2(1, "NodeProto"),
            name: one(2, "string"),
            initializer: list2(5, "TensorProto"),
            sparseInitializer: list2(15, "SparseTensorProto"),
            docString: one(10, "string"),
            input: list2(11, "ValueInfoProto"),
            output: list2(12, "ValueInfoProto"),
            valueInfo: list2(13, "ValueInfoProto"),
            quantizationAnnotation: list2(14, "TensorAnnotation"),
            metadataProps: entries(16)
          }
        },
        TensorProto: {
          nested: { Segment: { fields: { begin: one(1, "int64"), end: one(2, "int64") } } },
          fields: {
            dims: list2(1, "int64"),
            dataType: one(2, "int32"),
            segment: one(3, "Segment"),
            floatData: packed(4, "float"),
            int32Data: packed(5, "int32"),
            stringData: list2(6, "bytes"),
            int64Data: packed(7, "int64"),
            name: one(8, "string"),
            docString: one(12, "string"),
            rawData: one(9, "bytes"),
            externalData: entries(13),
            dataLocation: one(14, "int32"),
            doubleData: packed(10, "double"),
            uint64Data: packed(11, "uint64"),
            metadataProps: entries(16)
          }
        },
        SparseTensorProto: {
          fields: {
            values: one(1, "TensorProto"),
            indices: one(2, "TensorProto"),
            dims: list2(3, "int64")
          }
        },
        TensorShapeProto: {
          nested: {
            Dimension: {
              oneofs: { value: { oneof: ["dimValue", "dimParam"] } },
              fields: {
                dimValue: one(1, "int64"),
                dimParam: one(2, "string"),
                denotation: one(3, "string")
              }
            }
          },
          fields: { dim: list2(1, "Dimension") }
        },
        TypeProto: {
          nested: {
            Tensor: { fields: { elemType: one(1, "int32"), shape: one(2, "TensorShapeProto") } },
            Sequence: { fields: { elemType: one(1, "TypeProto") } },
            Map: { fields: { keyType: one(1, "int32"), valueType: one(2, "TypeProto") } },
            Optional: { fields: { elemType: one(1, "TypeProto") } },
            SparseTensor: {
              fields: { elemType: one(1, "int32"), shape: one(2, "TensorShapeProto") }
            },
            Opaque: { fields: { domain: one(1, "string"), name: one(2, "string") } }
          },
          oneofs: {
            value: {
              oneof: [
                "tensorType",
                "sequenceType",
                "mapType",
                "optionalType",
                "sparseTensorType",
                "opaqueType"
              ]
            }
          },
          fields: {
            tensorType: one(1, "Tensor"),
            sequenceType: one(4, "Sequence"),
            mapType: one(5, "Map"),
            optionalType: one(9, "Optional"),
            sparseTensorType: one(8, "SparseTensor"),
            opaqueType: one(7, "Opaque"),
            denotation: one(6, "string")
          }
        },
        FunctionProto: {
          fields: {
            name: one(1, "string"),
            input: list2(4, "string"),
            output: list2(5, "string"),
            attribute: list2(6, "string"),
            attributeProto: list2(11, "AttributeProto"),
            node: list2(7, "NodeProto"),
            docString: one(8, "string"),
            opsetImport: list2(9, "OperatorSetIdProto"),
            domain: one(10, "string"),
            overload: one(13, "string"),
            valueInfo: list2(12, "ValueInfoProto"),
            metadataProps: entries(14)
          }
        }
      }
    }
  }
};
var messages = descriptor.nested.onnx.nested;
for (const [name, message] of Object.entries(messages)) {
  messages[name] = { ...message, edition: "proto2" };
}
var root = protobuf.Root.fromJSON(descriptor);
var modelProtoType = root.lookupType("onnx.ModelProto");
function decodeModelProto(bytes) {
  const reader = protobuf.Reader.create(bytes);
  reader.discardUnknown = false;
  return modelProtoType.decode(reader);
}
var graphProtoType = root.lookupType("onnx.GraphProto");
var tensorProtoType = root.lookupType("onnx.TensorProto");
function fieldNumbers(type) {
  return new Map(type.fieldsArray.map((f) => [f.name, f.id]));
}

// src/formats/onnx-skeleton.ts
var WINDOW = 1 << 20;
var Cursor = class {
  constructor(file) {
    this.file = file;
  }
  file;
  window = Buffer.alloc(0);
  start = 0;
  async bytes(at, length, what) {
    if (at < this.start || at + length > this.start + this.window.length) {
      const size2 = Math.min(Math.max(length, WINDOW), this.file.size - at);
      this.window = await this.file.read(at, size2, what);
      this.start = at;
    }
    return this.window.subarray(at - this.start, at - this.start + length);
  }
  /** A varint at `at`: its value and byte count. */
  async varint(at, end, what) {
    const bytes = await this.bytes(at, Math.min(10, end - at), what);
    let value = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] ?? 0;
      value += (b & 127) * 2 ** (7 * i);
      if ((b & 128) === 0) {
        if (!Number.isSafeInteger(value)) break;
        return { value, size: i + 1 };
      }
    }
    throw malformed(this.file.name, `${what} at byte ${at} is not a valid varint`);
  }
};
function varint(value) {
  const out = [];
  let v = value;
  while (v >= 128) {
    out.push(v % 128 | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Buffer.from(out);
}
async function* fields(cursor, start, end, what) {
  for (let at = start; at < end; ) {
    const tag = await cursor.varint(at, end, `${what} field tag`);
    const id = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    let body = at + tag.size;
    let next;
    if (wire === 0) next = body + (await cursor.varint(body, end, `${what} varint`)).size;
    else if (wire === 1) next = body + 8;
    else if (wire === 5) next = body + 4;
    else if (wire === 2) {
      const length = await cursor.varint(body, end, `${what} field length`);
      body += length.size;
      next = body + length.value;
    } else {
      throw malformed(
        what,
        `wire type ${wire} at byte ${at}: this is not an ONNX protobuf (truncated, corrupted or another kind of file)`
      );
    }
    if (id === 0 || next > end) {
      throw malformed(
        what,
        `field ${id} at byte ${at} runs to byte ${next}, past its message's end at ${end}; the file is truncated or corrupt`
      );
    }
    const field2 = { id, wire, start: at, end: next, body };
    yield field2;
    at = next;
  }
}
var lengthDelimited = (id, parts2) => {
  const length = parts2.reduce((n, p) => n + p.length, 0);
  return [varint(id * 8 + 2), varint(length), ...parts2];
};
async function readSkeleton(file, threshold) {
  const cursor = new Cursor(file);
  const skipped2 = [];
  const name = file.name;
  let initializer = 0;
  const copy = async (f) => cursor.bytes(f.start, f.end - f.start, "field");
  const tensor2 = async (f) => {
    const parts3 = [];
    let raw;
    for await (const g of fields(cursor, f.body, f.end, `${name}: initializer #${initializer}`)) {
      if (g.id === 9 && g.wire === 2 && g.end - g.body >= threshold) {
        raw = { offset: g.body, length: g.end - g.body };
        parts3.push(Buffer.from([74, 0]));
      } else {
        parts3.push(Buffer.from(await copy(g)));
      }
    }
    if (raw) skipped2.push({ initializer, ...raw });
    initializer++;
    return lengthDelimited(5, parts3);
  };
  const graph = async (f) => {
    const parts3 = [];
    for await (const g of fields(cursor, f.body, f.end, `${name}: graph`)) {
      if (g.id === 5 && g.wire === 2) parts3.push(...await tensor2(g));
      else parts3.push(Buffer.from(await copy(g)));
    }
    return lengthDelimited(7, parts3);
  };
  const parts2 = [];
  let graphs = 0;
  for await (const f of fields(cursor, 0, file.size, name)) {
    if (f.id === 7 && f.wire === 2) {
      if (graphs++ > 0) throw unsupported(name, "two graph fields in one model");
      parts2.push(...await graph(f));
    } else {
      parts2.push(Buffer.from(await copy(f)));
    }
  }
  return { skeleton: Buffer.concat(parts2), skipped: skipped2 };
}

// src/formats/onnx-dtype.ts
var TABLE = [
  { code: 1, name: "FLOAT", bits: 32, ort: "float32" },
  { code: 2, name: "UINT8", bits: 8, ort: "uint8" },
  { code: 3, name: "INT8", bits: 8, ort: "int8" },
  { code: 4, name: "UINT16", bits: 16, ort: "uint16" },
  { code: 5, name: "INT16", bits: 16, ort: "int16" },
  { code: 6, name: "INT32", bits: 32, ort: "int32" },
  { code: 7, name: "INT64", bits: 64, ort: "int64" },
  { code: 8, name: "STRING", bits: 0, ort: "string" },
  { code: 9, name: "BOOL", bits: 8, ort: "bool" },
  { code: 10, name: "FLOAT16", bits: 16, ort: "float16" },
  { code: 11, name: "DOUBLE", bits: 64, ort: "float64" },
  { code: 12, name: "UINT32", bits: 32, ort: "uint32" },
  { code: 13, name: "UINT64", bits: 64, ort: "uint64" },
  { code: 14, name: "COMPLEX64", bits: 64 },
  { code: 15, name: "COMPLEX128", bits: 128 },
  { code: 16, name: "BFLOAT16", bits: 16 },
  { code: 17, name: "FLOAT8E4M3FN", bits: 8 },
  { code: 18, name: "FLOAT8E4M3FNUZ", bits: 8 },
  { code: 19, name: "FLOAT8E5M2", bits: 8 },
  { code: 20, name: "FLOAT8E5M2FNUZ", bits: 8 },
  { code: 21, name: "UINT4", bits: 4, ort: "uint4" },
  { code: 22, name: "INT4", bits: 4, ort: "int4" },
  { code: 23, name: "FLOAT4E2M1", bits: 4 },
  { code: 24, name: "FLOAT8E8M0", bits: 8 }
];
var BY_CODE = new Map(TABLE.map((d) => [d.code, d]));
var DataType = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11
};
function onnxDtype(code) {
  return code === void 0 ? void 0 : BY_CODE.get(code);
}
function rawByteLength(dtype, count2) {
  return dtype.bits === 4 ? Math.ceil(count2 / 2) : count2 * dtype.bits / 8;
}

// src/formats/onnx-deferred-data.ts
var registry2 = /* @__PURE__ */ new WeakMap();
function deferredTensor(name, dataType, dims, data) {
  const tensor2 = { name, dataType, dims };
  registry2.set(tensor2, data);
  return tensor2;
}
function deferredRawData(tensor2) {
  return registry2.get(tensor2);
}
async function produceChecked(data, sink, what) {
  let total = 0;
  await data.produce((bytes, offset) => {
    if (offset < 0 || offset + bytes.length > data.length) {
      const range = `${offset}..${offset + bytes.length}`;
      return Promise.reject(
        new ModelPublishError(
          "OUTPUT_MISMATCH",
          `${what}: bytes ${range} are past its ${data.length}`
        )
      );
    }
    total += bytes.length;
    return sink(bytes, offset);
  });
  if (total !== data.length) {
    throw new ModelPublishError(
      "OUTPUT_MISMATCH",
      `${what}: ${total} bytes were produced for its ${data.length}`
    );
  }
}
async function deferredBytes(data, what) {
  const out = Buffer.alloc(data.length);
  await produceChecked(
    data,
    (bytes, offset) => {
      out.set(bytes, offset);
      return Promise.resolve();
    },
    what
  );
  return out;
}

// src/formats/onnx-proto-types.ts
var AttributeType = {
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
  TENSORS: 9,
  GRAPHS: 10,
  SPARSE_TENSOR: 11,
  SPARSE_TENSORS: 12
};
var EXTERNAL_LOCATION = 1;

// src/formats/onnx-tensor-data.ts
function isExternal(tensor2) {
  return tensor2.dataLocation === EXTERNAL_LOCATION;
}
function tensorDims(tensor2, where) {
  return (tensor2.dims ?? []).map((d) => {
    const n = int64ToNumber(d, `${where} dims`);
    if (n < 0) throw malformed(where, `negative dimension ${n}`);
    return n;
  });
}
function tensorDtype(tensor2, where) {
  const dtype = onnxDtype(tensor2.dataType);
  if (!dtype) throw unsupported(where, `tensor data type ${tensor2.dataType ?? 0} is unknown`);
  return dtype;
}
function tensorSize(tensor2, where) {
  const count2 = checkedProduct(tensorDims(tensor2, where));
  if (count2 === void 0) throw malformed(where, "element count overflows");
  const dtype = tensorDtype(tensor2, where);
  if (dtype.bits === 0) throw unsupported(where, "string tensors have no fixed byte size");
  return { count: count2, bytes: rawByteLength(dtype, count2) };
}
function fromTypedFields(tensor2, dtype, count2, where) {
  const bytes = new Uint8Array(rawByteLength(dtype, count2));
  const view = new DataView(bytes.buffer);
  const need = (list3, field2) => {
    if ((list3?.length ?? 0) !== count2) {
      throw malformed(
        where,
        `${field2} holds ${list3?.length ?? 0} values, its shape needs ${count2}`
      );
    }
  };
  switch (dtype.code) {
    case DataType.FLOAT: {
      need(tensor2.floatData, "float_data");
      tensor2.floatData?.forEach((v, i) => {
        view.setFloat32(i * 4, v, true);
      });
      return bytes;
    }
    case DataType.DOUBLE: {
      need(tensor2.doubleData, "double_data");
      tensor2.doubleData?.forEach((v, i) => {
        view.setFloat64(i * 8, v, true);
      });
      return bytes;
    }
    case DataType.INT64: {
      need(tensor2.int64Data, "int64_data");
      tensor2.int64Data?.forEach((v, i) => {
        view.setBigInt64(i * 8, int64ToBigInt(v), true);
      });
      return bytes;
    }
    case 12:
    case 13: {
      need(tensor2.uint64Data, "uint64_data");
      tensor2.uint64Data?.forEach((v, i) => {
        if (dtype.bits === 32) view.setUint32(i * 4, Number(int64ToBigInt(v)), true);
        else view.setBigUint64(i * 8, BigInt.asUintN(64, int64ToBigInt(v)), true);
      });
      return bytes;
    }
    default:
      break;
  }
  if (dtype.bits === 8 || dtype.bits === 16 || dtype.code === DataType.INT32) {
    need(tensor2.int32Data, "int32_data");
    const data = tensor2.int32Data ?? [];
    data.forEach((v, i) => {
      if (dtype.bits === 8) view.setUint8(i, v & 255);
      else if (dtype.bits === 16) view.setUint16(i * 2, v & 65535, true);
      else view.setInt32(i * 4, v, true);
    });
    return bytes;
  }
  throw unsupported(where, `${dtype.name} values outside raw_data are not supported`);
}
async function tensorOnDisk(tensor2, dir, bytes, where) {
  if (isExternal(tensor2)) {
    const ref = externalRef(tensor2, dir, where);
    await checkExternal(ref, dir, bytes, where);
    return { file: ref.file, offset: ref.offset };
  }
  const lazy = lazyRawData(tensor2);
  if (!lazy) return void 0;
  if (lazy.length !== bytes) {
    throw malformed(where, `raw_data holds ${lazy.length} bytes, its shape and type need ${bytes}`);
  }
  return { file: lazy.file, offset: lazy.offset };
}
async function readInto(file, offset, into, where) {
  const handle = await RandomAccessFile.open(file, where);
  try {
    await handle.readInto(into, 0, into.length, offset, "tensor data");
  } finally {
    await handle.close();
  }
}
async function tensorBytes2(tensor2, dir, where) {
  const { count: count2, bytes } = tensorSize(tensor2, where);
  const disk = await tensorOnDisk(tensor2, dir, bytes, where);
  if (disk) {
    if (bytes > 2147483647) {
      throw unsupported(where, `tensor of ${bytes} bytes is too large to load at once`);
    }
    const out = Buffer.allocUnsafe(bytes);
    await readInto(disk.file, disk.offset, out, where);
    return out;
  }
  const deferred = deferredRawData(tensor2);
  if (deferred) {
    if (deferred.length !== bytes) {
      throw malformed(where, `deferred raw_data holds ${deferred.length} bytes, needs ${bytes}`);
    }
    return deferredBytes(deferred, where);
  }
  if (tensor2.rawData && Object.hasOwn(tensor2, "rawData")) {
    if (tensor2.rawData.length !== bytes) {
      throw malformed(
        where,
        `raw_data holds ${tensor2.rawData.length} bytes, its shape and type need ${bytes}`
      );
    }
    return tensor2.rawData;
  }
  return fromTypedFields(tensor2, tensorDtype(tensor2, where), count2, where);
}
var FloatScratch = class {
  buffer = new Float32Array(0);
  /** A Float32Array of `count` values, valid until the next call. */
  take(count2) {
    if (this.buffer.length < count2)
      this.buffer = new Float32Array(new SharedArrayBuffer(count2 * 4));
    return this.buffer.subarray(0, count2);
  }
};
async function tensorFloat32(tensor2, dir, where, scratch) {
  if (tensor2.dataType !== DataType.FLOAT) {
    throw unsupported(where, `expected a FLOAT tensor, found ${tensorDtype(tensor2, where).name}`);
  }
  const { count: count2, bytes } = tensorSize(tensor2, where);
  const out = scratch ? scratch.take(count2) : new Float32Array(count2);
  const target = new Uint8Array(out.buffer, out.byteOffset, bytes);
  const disk = await tensorOnDisk(tensor2, dir, bytes, where);
  if (disk) await readInto(disk.file, disk.offset, target, where);
  else target.set(await tensorBytes2(tensor2, dir, where));
  return out;
}

// src/formats/onnx-walk.ts
function copyMessage(message) {
  const copy = Object.create(
    Object.getPrototypeOf(message),
    Object.getOwnPropertyDescriptors(message)
  );
  return copy;
}
function mapList(items, map) {
  if (!items) return items;
  let out;
  items.forEach((item, index) => {
    const next = map(item, index);
    if (next !== item) {
      out ??= items.slice();
      out[index] = next;
    }
  });
  return out ?? items;
}
function update(message, changes) {
  const keys = Object.keys(changes);
  if (keys.every((key) => changes[key] === message[key])) return message;
  return Object.assign(copyMessage(message), changes);
}
function label(name, index) {
  return name ? JSON.stringify(name) : `#${index}`;
}
function mapSparse(sparse, where, fn) {
  return update(sparse, {
    values: sparse.values && fn(sparse.values, `${where} values`),
    indices: sparse.indices && fn(sparse.indices, `${where} indices`)
  });
}
function mapAttribute(attribute2, where, fn) {
  const at = `${where} attribute ${label(attribute2.name, 0)}`;
  return update(attribute2, {
    t: attribute2.t && fn(attribute2.t, at),
    tensors: mapList(attribute2.tensors, (t, i) => fn(t, `${at}[${i}]`)),
    sparseTensor: attribute2.sparseTensor && mapSparse(attribute2.sparseTensor, at, fn),
    sparseTensors: mapList(attribute2.sparseTensors, (s, i) => mapSparse(s, `${at}[${i}]`, fn)),
    g: attribute2.g && mapGraph(attribute2.g, at, fn),
    graphs: mapList(attribute2.graphs, (g, i) => mapGraph(g, `${at}[${i}]`, fn))
  });
}
function mapNodes(nodes, where, fn) {
  return mapList(nodes, (node2, i) => {
    const at = `${where} node ${label(node2.name, i)}`;
    return update(node2, { attribute: mapList(node2.attribute, (a) => mapAttribute(a, at, fn)) });
  });
}
function mapGraph(graph, where, fn) {
  const at = `${where ? `${where} ` : ""}graph ${label(graph.name, 0)}`;
  return update(graph, {
    initializer: mapList(
      graph.initializer,
      (t, i) => fn(t, `${at} initializer ${label(t.name, i)}`)
    ),
    sparseInitializer: mapList(
      graph.sparseInitializer,
      (s, i) => mapSparse(s, `${at} sparse initializer #${i}`, fn)
    ),
    node: mapNodes(graph.node, at, fn)
  });
}
function mapTensors(model, fn) {
  return update(model, {
    graph: model.graph && mapGraph(model.graph, "", fn),
    trainingInfo: mapList(
      model.trainingInfo,
      (info, i) => update(info, {
        initialization: info.initialization && mapGraph(info.initialization, `training info #${i}`, fn),
        algorithm: info.algorithm && mapGraph(info.algorithm, `training info #${i}`, fn)
      })
    ),
    functions: mapList(
      model.functions,
      (f, i) => update(f, { node: mapNodes(f.node, `function ${label(f.name, i)}`, fn) })
    )
  });
}
function forEachTensor(model, visit) {
  mapTensors(model, (tensor2, where) => {
    visit(tensor2, where);
    return tensor2;
  });
}

// src/formats/onnx-model.ts
var PROTOBUF_LIMIT = 2 ** 31 - 1;
function decodeOnnx(bytes, name) {
  let decoded;
  try {
    decoded = decodeModelProto(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw malformed(
      name,
      `is not a readable ONNX protobuf (${detail}); the file is truncated, corrupted or not an ONNX model`
    );
  }
  const proto = decoded;
  if (!Object.hasOwn(proto, "irVersion") || !proto.graph) {
    throw malformed(
      name,
      "decodes as protobuf but has no ir_version or graph: it is not an ONNX model"
    );
  }
  int64ToNumber(proto.irVersion, `${name} ir_version`);
  return proto;
}
var LAZY_RAW_DATA_BYTES = 1 << 20;
async function readOnnx(path, options2 = {}) {
  const name = basename6(path);
  const info = await stat5(path).catch(() => {
    throw malformed(name, `cannot be read (no such file: ${path})`);
  });
  if (!info.isFile()) throw malformed(name, "is not a regular file");
  if (info.size > PROTOBUF_LIMIT) {
    throw unsupported(
      name,
      `${info.size} bytes is over the 2 GiB protobuf limit; an ONNX model this large keeps its tensors in external data files`
    );
  }
  const file = await RandomAccessFile.open(path, name);
  let read;
  try {
    read = await readSkeleton(file, options2.lazyBytes ?? LAZY_RAW_DATA_BYTES);
  } finally {
    await file.close();
  }
  const proto = decodeOnnx(read.skeleton, name);
  const initializers = proto.graph?.initializer ?? [];
  for (const { initializer, offset, length } of read.skipped) {
    const tensor2 = initializers[initializer];
    if (tensor2) setLazyRawData(tensor2, { file: resolve5(path), offset, length });
  }
  const dir = dirname5(resolve5(path));
  const external = [];
  forEachTensor(proto, (tensor2, where) => {
    const at = `${name}: ${where}`;
    tensorDims(tensor2, at);
    if (isExternal(tensor2)) external.push({ tensor: tensor2, at });
  });
  for (const { tensor: tensor2, at } of external) {
    await checkExternal(externalRef(tensor2, dir, at), dir, tensorSize(tensor2, at).bytes, at);
  }
  return { proto, path, dir };
}
function onnxModelFiles(model) {
  const files = /* @__PURE__ */ new Set();
  forEachTensor(model.proto, (tensor2, where) => {
    if (isExternal(tensor2)) files.add(externalRef(tensor2, model.dir, where).file);
  });
  return [model.path, ...files];
}

// src/convert/onnx-export.ts
import { spawn as spawn3 } from "node:child_process";
import { stat as stat6 } from "node:fs/promises";
import { basename as basename9, resolve as resolve6 } from "node:path";

// src/formats/onnx-npz.ts
import { basename as basename7 } from "node:path";
import { inflateRawSync } from "node:zlib";
var DESCR = {
  "<f4": { type: "float32", make: (b) => new Float32Array(b) },
  "<f8": { type: "float64", make: (b) => new Float64Array(b) },
  "<f2": { type: "float16", make: (b) => new Uint16Array(b) },
  "|b1": { type: "bool", make: (b) => new Uint8Array(b) },
  "|u1": { type: "uint8", make: (b) => new Uint8Array(b) },
  "|i1": { type: "int8", make: (b) => new Int8Array(b) },
  "<i2": { type: "int16", make: (b) => new Int16Array(b) },
  "<u2": { type: "uint16", make: (b) => new Uint16Array(b) },
  "<i4": { type: "int32", make: (b) => new Int32Array(b) },
  "<u4": { type: "uint32", make: (b) => new Uint32Array(b) },
  "<i8": { type: "int64", make: (b) => new BigInt64Array(b) },
  "<u8": { type: "uint64", make: (b) => new BigUint64Array(b) }
};
var MAX_HEADER = 65536;
function parseNpy(bytes, where) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 10 || buffer.toString("latin1", 0, 6) !== "NUMPY") {
    throw malformed(where, "is not a .npy array (no \\x93NUMPY magic at byte 0)");
  }
  const major = buffer[6] ?? 0;
  const long = major >= 2;
  const headerLength = long ? buffer.readUInt32LE(8) : buffer.readUInt16LE(8);
  const start = long ? 12 : 10;
  if (headerLength > MAX_HEADER || start + headerLength > buffer.length) {
    throw malformed(where, `.npy header length ${headerLength} at byte 8 runs past the file`);
  }
  const header2 = buffer.toString(major >= 3 ? "utf8" : "latin1", start, start + headerLength);
  const descr = /'descr':\s*'([^']*)'/.exec(header2)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header2)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header2)?.[1];
  if (descr === void 0 || fortran === void 0 || shapeText === void 0) {
    throw malformed(
      where,
      `.npy header ${JSON.stringify(header2.trim())} lacks descr, fortran_order or shape`
    );
  }
  const kind = DESCR[descr.replace(/^=/, "<")];
  if (!kind)
    throw unsupported(
      where,
      `.npy dtype ${descr} is not supported (little-endian numbers and bool only)`
    );
  if (fortran === "True")
    throw unsupported(
      where,
      "Fortran-ordered .npy arrays are not supported; save with np.ascontiguousarray"
    );
  const dims = shapeText.split(",").map((s) => s.trim()).filter((s) => s !== "").map((s) => {
    if (!/^[0-9]{1,15}$/.test(s))
      throw malformed(where, `.npy shape entry ${JSON.stringify(s)} is not a size`);
    return Number(s);
  });
  const count2 = checkedProduct(dims);
  const itemSize = Number(/\d+$/.exec(descr)?.[0] ?? "1");
  const dataStart = start + headerLength;
  if (count2 === void 0 || dataStart + count2 * itemSize !== buffer.length) {
    throw malformed(
      where,
      `.npy data is ${buffer.length - dataStart} bytes, its shape [${dims.join(", ")}] of ${descr} needs ${count2 === void 0 ? "too many" : count2 * itemSize}`
    );
  }
  const copy = new ArrayBuffer(count2 * itemSize);
  new Uint8Array(copy).set(buffer.subarray(dataStart));
  return { type: kind.type, dims, data: kind.make(copy) };
}
async function readNpz(path, maxBytes = 2 ** 30) {
  const name = basename7(path);
  const file = await RandomAccessFile.open(path, name);
  try {
    const zip = await ZipArchive.open(file);
    const out = /* @__PURE__ */ new Map();
    for (const entry of zip.entries) {
      const where = `${name}: ${entry.name}`;
      if (!entry.name.endsWith(".npy")) continue;
      if (entry.size > maxBytes)
        throw unsupported(where, `array of ${entry.size} bytes is over the ${maxBytes}-byte limit`);
      const stored = await file.read(entry.dataOffset, entry.storedSize, entry.name);
      let bytes;
      if (entry.method === 0) bytes = stored;
      else if (entry.method === 8) {
        try {
          bytes = inflateRawSync(stored, { maxOutputLength: Math.max(entry.size, 1) });
        } catch {
          throw malformed(where, "deflated data does not inflate (corrupt archive)");
        }
        if (bytes.length !== entry.size)
          throw malformed(
            where,
            `inflates to ${bytes.length} bytes, the directory says ${entry.size}`
          );
      } else throw unsupported(where, `zip compression method ${entry.method} is not supported`);
      out.set(entry.name.slice(0, -4), parseNpy(bytes, where));
    }
    return out;
  } finally {
    await file.close();
  }
}

// src/evaluate/onnx-budget.ts
var DEFAULT_ONNX_BUDGETS = {
  "onnx-int8": { minCosine: 0.999 },
  "onnx-int4": { minCosine: 0.99 },
  "onnx-fp16": { minCosine: 0.9999 }
};
function onnxBudget(scheme, budget) {
  return { ...DEFAULT_ONNX_BUDGETS[scheme] ?? {}, ...budget ?? {} };
}
function figure2(n) {
  return Number.isFinite(n) ? n.toPrecision(6) : String(n);
}
function budgetViolations(outputs, budget) {
  const out = [];
  for (const m of outputs) {
    const check = (what, value, bound, lower) => {
      const limit = budget[bound];
      if (limit === void 0) return;
      if (lower ? value >= limit : value <= limit) return;
      out.push(`output ${m.output} ${what} ${figure2(value)} (budget ${bound} ${figure2(limit)})`);
    };
    check("cosine", m.cosine, "minCosine", true);
    check("max abs diff", m.maxAbsDiff, "maxAbsError", false);
    check("mean abs diff", m.meanAbsDiff, "maxMeanAbsError", false);
    check("rmse", m.rmse, "maxRmse", false);
  }
  return out;
}
function checkOnnxBudget(label2, violations, fix) {
  if (violations.length === 0) return;
  throw new ModelPublishError(
    "BUDGET_EXCEEDED",
    `${label2} failed its error budget: ${violations.join("; ")}. ${fix}`
  );
}

// src/evaluate/onnx-session.ts
import { basename as basename8 } from "node:path";

// src/formats/onnx-half.ts
var f32 = new Float32Array(1);
var u32 = new Uint32Array(f32.buffer);
var MAX_HALF = 31743;
function toHalfBits(value) {
  f32[0] = value;
  const bits = u32[0] ?? 0;
  const sign = bits >>> 16 & 32768;
  const exponent = bits >>> 23 & 255;
  let mantissa = bits & 8388607;
  if (exponent === 255) return sign | (mantissa !== 0 ? 32256 : 31744);
  const e = exponent - 127 + 15;
  if (e >= 31) return sign | MAX_HALF;
  if (e <= 0) {
    if (e < -10) return sign;
    mantissa |= 8388608;
    const shift = 14 - e;
    let h2 = mantissa >>> shift;
    const rest2 = mantissa & (1 << shift) - 1;
    const half = 1 << shift - 1;
    if (rest2 > half || rest2 === half && (h2 & 1) !== 0) h2++;
    return sign | h2;
  }
  let h = e << 10 | mantissa >>> 13;
  const rest = mantissa & 8191;
  if (rest > 4096 || rest === 4096 && (h & 1) !== 0) h++;
  return sign | (h >= 31744 ? MAX_HALF : h);
}
function fromHalfBits(h) {
  const sign = h & 32768 ? -1 : 1;
  const e = h >>> 10 & 31;
  const m = h & 1023;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m !== 0 ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}
function float32ToHalf(values) {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toHalfBits(values[i] ?? 0);
  return out;
}

// src/evaluate/onnx-session.ts
var FLOATS = /* @__PURE__ */ new Set(["float32", "float16", "float64"]);
function asNumbers(t) {
  const out = new Float64Array(t.data.length);
  const half = t.type === "float16" && t.data instanceof Uint16Array;
  for (let i = 0; i < t.data.length; i++) {
    const v = t.data[i] ?? 0;
    out[i] = half ? fromHalfBits(Number(v)) : Number(v);
  }
  return out;
}
function coerce(t, type, where) {
  if (t.type === type) return t;
  const values = asNumbers(t);
  const make = (data) => ({ type, dims: t.dims, data });
  if (FLOATS.has(t.type) && FLOATS.has(type)) {
    if (type === "float32") return make(Float32Array.from(values));
    if (type === "float64") return make(values);
    return make(Uint16Array.from(values, (v) => toHalfBits(v)));
  }
  const ints = {
    int64: (v) => BigInt64Array.from(v, (x) => BigInt(x)),
    int32: (v) => Int32Array.from(v),
    uint8: (v) => Uint8Array.from(v),
    int8: (v) => Int8Array.from(v),
    bool: (v) => Uint8Array.from(v, (x) => x ? 1 : 0)
  };
  const convert = ints[type];
  if (convert && !FLOATS.has(t.type)) return make(convert(values));
  throw new ModelPublishError(
    "INPUT_UNSUPPORTED",
    `${where}: a ${t.type} tensor cannot be fed to an input of type ${type}`
  );
}
function toFloat64(t) {
  return asNumbers(t);
}
function hostData(data, where) {
  if (data instanceof Float32Array || data instanceof Float64Array || data instanceof Int8Array || data instanceof Uint8Array || data instanceof Int16Array || data instanceof Uint16Array || data instanceof Int32Array || data instanceof Uint32Array || data instanceof BigInt64Array || data instanceof BigUint64Array) {
    return data;
  }
  if (ArrayBuffer.isView(data) && "length" in data) {
    return Float32Array.from(data);
  }
  throw new ModelPublishError("INPUT_UNSUPPORTED", `${where}: output is not a numeric tensor`);
}
async function openSession(path) {
  const ort = await onnxRuntime();
  let session;
  try {
    session = await ort.InferenceSession.create(path, { logSeverityLevel: 3 });
  } catch (error) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${basename8(path)}: onnxruntime cannot load the model: ${error instanceof Error ? error.message : String(error)}`
    );
  }
  const inputs = session.inputMetadata.map((m) => ({
    name: m.name,
    type: m.isTensor ? m.type : "non-tensor",
    shape: m.isTensor ? [...m.shape] : []
  }));
  return {
    inputs,
    outputNames: session.outputNames,
    async run(feeds) {
      const ortFeeds = {};
      for (const input of inputs) {
        const given = feeds[input.name];
        if (!given) {
          throw new ModelPublishError(
            "USAGE",
            `${basename8(path)}: no value for input ${input.name}`
          );
        }
        const t = coerce(given, input.type, `${basename8(path)} input ${input.name}`);
        ortFeeds[input.name] = new ort.Tensor(t.type, t.data, t.dims);
      }
      let results;
      try {
        results = await session.run(ortFeeds);
      } catch (error) {
        throw new ModelPublishError(
          "INPUT_MALFORMED",
          `${basename8(path)}: onnxruntime failed to run the model: ${error instanceof Error ? error.message : String(error)}`
        );
      }
      const out = {};
      for (const name of session.outputNames) {
        const t = results[name];
        if (!t) continue;
        out[name] = { type: t.type, dims: [...t.dims], data: hostData(t.data, `output ${name}`) };
      }
      return out;
    },
    release: () => session.release()
  };
}

// src/evaluate/onnx-output-metrics.ts
function compareOutputs(expected, actual, label2) {
  return Object.entries(expected).map(([output, ref]) => {
    const got = actual[output];
    if (!got) {
      throw new ModelPublishError("OUTPUT_MISMATCH", `${label2}: has no output ${output}`);
    }
    if (got.dims.join(",") !== ref.dims.join(",")) {
      throw new ModelPublishError(
        "OUTPUT_MISMATCH",
        `${label2}: output ${output} has shape [${got.dims.join(", ")}], the reference [${ref.dims.join(", ")}]`
      );
    }
    const a = toFloat64(ref);
    const b = toFloat64(got);
    let max = 0;
    let abs = 0;
    let sq = 0;
    let dot = 0;
    let aa = 0;
    let bb = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i] ?? 0;
      const y = b[i] ?? 0;
      const d = Math.abs(x - y);
      if (!(d <= max)) max = d;
      abs += d;
      sq += d * d;
      dot += x * y;
      aa += x * x;
      bb += y * y;
    }
    const n = a.length;
    const norms = Math.sqrt(aa) * Math.sqrt(bb);
    const cosine = norms > 0 ? Math.min(1, dot / norms) : aa === 0 && bb === 0 ? 1 : Number.isNaN(norms) ? NaN : 0;
    return {
      output,
      elements: n,
      maxAbsDiff: max,
      meanAbsDiff: n > 0 ? abs / n : 0,
      rmse: n > 0 ? Math.sqrt(sq / n) : 0,
      cosine
    };
  });
}

// src/convert/onnx-export.ts
var DEFAULT_EXPORT_BUDGET = { minCosine: 0.99999, maxAbsError: 1e-3 };
var TAIL_LINES = 20;
function runCommand(command, options2) {
  return new Promise((done, fail2) => {
    const child = spawn3(command, {
      shell: true,
      cwd: options2.manifestDir,
      env: { ...process.env, ...options2.env },
      stdio: ["ignore", "pipe", "pipe"]
    });
    const tail = [];
    const keep = (text2) => {
      tail.push(...text2.split(/\r?\n/).filter((l) => l.trim() !== ""));
      tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
    };
    for (const stream of ["stdout", "stderr"]) {
      child[stream].setEncoding("utf8");
      child[stream].on("data", (text2) => {
        keep(text2);
        options2.onOutput?.(text2, stream);
      });
    }
    child.on("error", fail2);
    child.on("close", (code, signal) => {
      done({ code, signal, tail });
    });
  });
}
function matchOutputs(reference, outputNames, file) {
  const positional = [...reference.keys()].every((k) => /^arr_\d+$/.test(k));
  const out = {};
  for (const [key, value] of reference) {
    const name = positional ? outputNames[Number(key.slice(4))] : key;
    if (name === void 0 || !outputNames.includes(name)) {
      throw new ModelPublishError(
        "OUTPUT_MISMATCH",
        `${file}: reference output ${key} is not an output of the exported model (its outputs: ${outputNames.join(", ")})`
      );
    }
    out[name] = value;
  }
  return out;
}
async function runOnnxExport(options2) {
  const { hook, manifestDir } = options2;
  const result = await runCommand(hook.command, options2);
  if (result.code !== 0) {
    const how = result.signal ? `was killed by ${result.signal}` : `exited with code ${result.code ?? "?"}`;
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `sources.export: the export command ${JSON.stringify(hook.command)} ${how}. Last lines:
${result.tail.join("\n")}`
    );
  }
  const output = resolve6(manifestDir, hook.output);
  const written = await stat6(output).catch(() => void 0);
  if (!written?.isFile()) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `sources.export: the export command succeeded but wrote no file at ${hook.output} (sources.export.output); check the path the script writes to`
    );
  }
  await readOnnx(output);
  const session = await openSession(output);
  try {
    if (!hook.referenceInputs || !hook.referenceOutputs) return { output };
    const inputsFile = resolve6(manifestDir, hook.referenceInputs);
    const outputsFile = resolve6(manifestDir, hook.referenceOutputs);
    const inputs = Object.fromEntries(await readNpz(inputsFile));
    const expected = matchOutputs(
      await readNpz(outputsFile),
      session.outputNames,
      basename9(outputsFile)
    );
    const actual = await session.run(inputs);
    const parity = compareOutputs(expected, actual, basename9(output));
    checkOnnxBudget(
      `exported model ${hook.output}`,
      budgetViolations(parity, options2.budget ?? DEFAULT_EXPORT_BUDGET),
      "The ONNX graph computes something else than the framework did: check the export (opset, dynamic axes, ops exported differently) before publishing it."
    );
    return { output, parity };
  } finally {
    await session.release();
  }
}

// src/evaluate/onnx-parity.ts
import { stat as stat7 } from "node:fs/promises";
import { basename as basename10 } from "node:path";

// src/evaluate/onnx-sample-inputs.ts
var DEFAULT_SEED = 20240607;
var DEFAULT_DIM = 2;
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function sampleInputs(inputs, options2 = {}) {
  const random = generator(options2.seed ?? DEFAULT_SEED);
  const normal = () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const [low, high] = options2.integerRange ?? [0, 2];
  const integer = () => low + Math.floor(random() * (high - low));
  const out = {};
  for (const input of inputs) {
    const dims = input.shape.map(
      (d) => typeof d === "number" && d >= 0 ? d : options2.dims?.[String(d)] ?? options2.defaultDim ?? DEFAULT_DIM
    );
    const count2 = dims.reduce((a, b) => a * b, 1);
    const fill = (array, value) => {
      for (let i = 0; i < count2; i++) array[i] = value();
      return array;
    };
    let data;
    switch (input.type) {
      case "float32":
        data = fill(new Float32Array(count2), normal);
        break;
      case "float64":
        data = fill(new Float64Array(count2), normal);
        break;
      case "float16":
        data = fill(new Uint16Array(count2), () => toHalfBits(normal()));
        break;
      case "int64":
        data = fill(new BigInt64Array(count2), () => BigInt(integer()));
        break;
      case "int32":
        data = fill(new Int32Array(count2), integer);
        break;
      case "int8":
        data = fill(new Int8Array(count2), integer);
        break;
      case "uint8":
        data = fill(new Uint8Array(count2), integer);
        break;
      case "bool":
        data = fill(new Uint8Array(count2), () => random() < 0.5 ? 0 : 1);
        break;
      default:
        throw new ModelPublishError(
          "INPUT_UNSUPPORTED",
          `input ${input.name} is of type ${input.type}, for which no sample values can be made up; give sample inputs in a .npz file`
        );
    }
    out[input.name] = { type: input.type, dims, data };
  }
  return out;
}

// src/evaluate/onnx-parity.ts
async function modelBytes(path) {
  const model = await readOnnx(path);
  let total = 0;
  for (const file of onnxModelFiles(model)) total += (await stat7(file)).size;
  return total;
}
async function loadInputs(options2) {
  if (options2.inputs === void 0) return void 0;
  if (typeof options2.inputs !== "string") return { ...options2.inputs };
  return Object.fromEntries(await readNpz(options2.inputs));
}
async function measureOnnxParity(reference, variants, options2 = {}) {
  const referenceBytes = await modelBytes(reference);
  const session = await openSession(reference);
  let expected;
  let inputs;
  try {
    inputs = await loadInputs(options2) ?? sampleInputs(session.inputs, options2);
    expected = await session.run(inputs);
  } finally {
    await session.release();
  }
  const reports = [];
  for (const variant of variants) {
    const bytes = await modelBytes(variant.path);
    const run3 = await openSession(variant.path);
    let actual;
    try {
      actual = await run3.run(inputs);
    } finally {
      await run3.release();
    }
    const outputs = compareOutputs(expected, actual, basename10(variant.path));
    const budget = onnxBudget(variant.scheme, variant.budget);
    const report = {
      path: variant.path,
      scheme: variant.scheme,
      bytes,
      referenceBytes,
      compression: bytes > 0 ? referenceBytes / bytes : 0,
      outputs,
      budget,
      violations: budgetViolations(outputs, budget)
    };
    options2.onReport?.(report);
    reports.push(report);
  }
  return reports;
}
async function onnxParity(reference, variants, options2 = {}) {
  const reports = await measureOnnxParity(reference, variants, options2);
  const failed = reports.filter((r) => r.violations.length > 0);
  checkOnnxBudget(
    failed.map((r) => `variant ${basename10(r.path)} (${r.scheme})`).join(", "),
    failed.flatMap((r) => r.violations.map((v) => `${basename10(r.path)}: ${v}`)),
    "Use a scheme with more bits, exclude the sensitive nodes (variants[].exclude), or relax variants[].budget if this loss is acceptable."
  );
  return reports;
}

// src/formats/onnx-writer.ts
import { open as open4, rename as rename2, rm as rm3 } from "node:fs/promises";
import { basename as basename11, dirname as dirname6, join as join8, resolve as resolve7 } from "node:path";

// src/formats/onnx-chunks.ts
function split2(message, type, id) {
  const numbers = fieldNumbers(type);
  const before = copyMessage(message);
  const after = copyMessage(message);
  for (const key of Object.getOwnPropertyNames(message)) {
    const n = numbers.get(key);
    if (n === void 0 || n >= id) Reflect.deleteProperty(before, key);
    if (n === void 0 ? key !== "$unknowns" : n <= id) Reflect.deleteProperty(after, key);
  }
  return [before, after];
}
function varint2(value) {
  const out = [];
  let v = value;
  while (v >= 128) {
    out.push(v % 128 | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Uint8Array.from(out);
}
var size = (chunks) => chunks.reduce((n, c) => n + (c instanceof Uint8Array ? c.length : c.length), 0);
function delimited(id, chunks) {
  return [varint2(id * 8 + 2), varint2(size(chunks)), ...chunks];
}
function tensorChunks2(tensor2, payload) {
  if (payload === void 0) return delimited(5, [tensorProtoType.encode(tensor2).finish()]);
  const [before, after] = split2(tensor2, tensorProtoType, 9);
  return delimited(5, [
    tensorProtoType.encode(before).finish(),
    Uint8Array.of(9 * 8 + 2),
    varint2(payload),
    { payload: tensor2, length: payload },
    tensorProtoType.encode(after).finish()
  ]);
}
function graphChunks(graph, payload) {
  const [before, after] = split2(graph, graphProtoType, 5);
  return delimited(7, [
    graphProtoType.encode(before).finish(),
    ...(graph.initializer ?? []).flatMap((t) => tensorChunks2(t, payload(t))),
    graphProtoType.encode(after).finish()
  ]);
}
function onnxChunks(model, payload) {
  if (!model.graph) return [modelProtoType.encode(model).finish()];
  const [before, after] = split2(model, modelProtoType, 7);
  return [
    modelProtoType.encode(before).finish(),
    ...graphChunks(model.graph, payload),
    modelProtoType.encode(after).finish()
  ];
}

// src/formats/onnx-writer.ts
var ALIGN = 4096;
var STREAMED_PAYLOAD = 64 * 1024;
var GRAPH_MARGIN = 64 * 1024 * 1024;
async function writeAll(handle, bytes, at) {
  for (let done = 0; done < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, at + done);
    done += bytesWritten;
  }
}
function withoutData(tensor2) {
  const copy = copyMessage(tensor2);
  for (const key of [
    "rawData",
    "floatData",
    "int32Data",
    "int64Data",
    "doubleData",
    "uint64Data",
    "externalData",
    "dataLocation"
  ]) {
    Reflect.deleteProperty(copy, key);
  }
  return copy;
}
function tensorPlan(model) {
  const tensors = [];
  let external = false;
  let total = 0;
  forEachTensor(model.proto, (tensor2, where) => {
    if (tensorDtype(tensor2, where).bits === 0) return;
    const { bytes } = tensorSize(tensor2, where);
    if (isExternal(tensor2)) external = true;
    total += bytes;
    tensors.push({ tensor: tensor2, where, bytes });
  });
  return { tensors, external, total };
}
async function writeOnnx(model, path, options2 = {}) {
  const plan = tensorPlan(model);
  const mode = options2.externalData ?? "auto";
  const externalize = mode === "always" || mode === "auto" && (plan.external || plan.total > PROTOBUF_LIMIT - GRAPH_MARGIN);
  const threshold = options2.externalThreshold ?? 1024;
  const dataName = options2.externalDataFile ?? `${basename11(path)}.data`;
  const dataPath = join8(dirname6(resolve7(path)), dataName);
  const partial = { model: `${path}.partial`, data: `${dataPath}.partial` };
  const replaced = /* @__PURE__ */ new Map();
  const streamed = /* @__PURE__ */ new Map();
  const topLevel = new Set(model.proto.graph?.initializer ?? []);
  let dataBytes = 0;
  let data;
  let wroteData = false;
  try {
    for (const { tensor: tensor2, where, bytes } of plan.tensors) {
      const disk = await tensorOnDisk(tensor2, model.dir, bytes, where);
      const deferred = deferredRawData(tensor2);
      if (deferred && deferred.length !== bytes) {
        throw new ModelPublishError(
          "OUTPUT_MISMATCH",
          `${where}: ${deferred.length} bytes of data for a shape that needs ${bytes}`
        );
      }
      if (!externalize || bytes < threshold) {
        if (disk || deferred) {
          const inline = withoutData(tensor2);
          if (!topLevel.has(tensor2)) inline.rawData = await tensorBytes2(tensor2, model.dir, where);
          else if (disk) streamed.set(inline, { ...disk, length: bytes });
          else if (deferred) streamed.set(inline, { deferred, length: bytes });
          replaced.set(tensor2, inline);
        }
        continue;
      }
      data ??= await open4(partial.data, "w");
      wroteData = true;
      const offset = Math.ceil(dataBytes / ALIGN) * ALIGN;
      if (disk) {
        await copyFileRange(disk, bytes, data, offset, where);
      } else if (deferred) {
        const out = data;
        await produceChecked(deferred, (b, at) => writeAll(out, b, offset + at), where);
      } else {
        await writeAll(data, await tensorBytes2(tensor2, model.dir, where), offset);
      }
      dataBytes = offset + bytes;
      const moved = withoutData(tensor2);
      moved.dataLocation = EXTERNAL_LOCATION;
      moved.externalData = [
        { key: "location", value: dataName },
        { key: "offset", value: String(offset) },
        { key: "length", value: String(bytes) }
      ];
      replaced.set(tensor2, moved);
    }
    const proto = mapTensors(model.proto, (tensor2) => replaced.get(tensor2) ?? tensor2);
    const chunks = onnxChunks(proto, (tensor2) => {
      const source = streamed.get(tensor2);
      if (source) return source.length;
      const raw = Object.hasOwn(tensor2, "rawData") ? tensor2.rawData : void 0;
      return raw && raw.length >= STREAMED_PAYLOAD ? raw.length : void 0;
    });
    const modelBytes2 = chunks.reduce((n, c) => n + c.length, 0);
    if (modelBytes2 > PROTOBUF_LIMIT) {
      throw new ModelPublishError(
        "OUTPUT_MISMATCH",
        `${basename11(path)}: the model is ${modelBytes2} bytes, over the 2 GiB protobuf limit; write it with externalData "always"`
      );
    }
    const handle = await open4(partial.model, "w");
    try {
      let at = 0;
      for (const chunk of chunks) {
        if (chunk instanceof Uint8Array) {
          await writeAll(handle, chunk, at);
        } else {
          const source = streamed.get(chunk.payload);
          const start = at;
          if (source && "deferred" in source) {
            const where = `${basename11(path)}: tensor ${chunk.payload.name ?? ""}`;
            await produceChecked(source.deferred, (b, o) => writeAll(handle, b, start + o), where);
          } else if (source) {
            await copyFileRange(source, chunk.length, handle, at, path);
          } else {
            await writeAll(handle, chunk.payload.rawData ?? new Uint8Array(), at);
          }
        }
        at += chunk.length;
      }
    } finally {
      await handle.close();
    }
    if (data) {
      await data.close();
      data = void 0;
      await rename2(partial.data, dataPath);
    }
    await rename2(partial.model, path);
    const files = wroteData ? [path, dataPath] : [path];
    return { files, bytes: modelBytes2 + dataBytes };
  } catch (error) {
    await data?.close();
    await rm3(partial.data, { force: true });
    await rm3(partial.model, { force: true });
    throw error;
  }
}

// src/quantize/onnx-quantize.ts
import { stat as stat8 } from "node:fs/promises";

// src/quantize/onnx-graph.ts
function collectSubgraphUses(graph, uses, names) {
  for (const node2 of graph.node ?? []) {
    if (node2.name) names.add(node2.name);
    for (const output of node2.output ?? []) names.add(output);
    for (const attribute2 of node2.attribute ?? []) {
      for (const sub of [attribute2.g, ...attribute2.graphs ?? []]) {
        if (!sub) continue;
        for (const inner of sub.node ?? []) {
          for (const input of inner.input ?? []) uses.set(input, (uses.get(input) ?? 0) + 1);
        }
        collectSubgraphUses(sub, uses, names);
      }
    }
  }
}
function attribute(node2, name) {
  return node2.attribute?.find((a) => a.name === name);
}
function intAttribute(node2, name, fallback2) {
  const a = attribute(node2, name);
  return a ? int64ToNumber(a.i, `node ${node2.name ?? ""} attribute ${name}`) : fallback2;
}
function floatAttribute(node2, name, fallback2) {
  return attribute(node2, name)?.f ?? fallback2;
}
var intAttr = (name, i) => ({
  name,
  type: AttributeType.INT,
  i
});
var OnnxGraphEditor = class {
  constructor(proto) {
    this.proto = proto;
    if (!proto.graph) throw new ModelPublishError("INPUT_MALFORMED", "the model has no graph");
    this.graph = proto.graph;
    this.inputs = new Set((this.graph.input ?? []).map((v) => v.name ?? ""));
    for (const tensor2 of this.graph.initializer ?? []) {
      this.initializers.set(tensor2.name ?? "", tensor2);
      this.names.add(tensor2.name ?? "");
    }
    for (const value of [...this.graph.input ?? [], ...this.graph.output ?? []]) {
      this.names.add(value.name ?? "");
    }
    collectSubgraphUses(this.graph, this.subgraphUses, this.names);
  }
  proto;
  graph;
  initializers = /* @__PURE__ */ new Map();
  /** Graph inputs: an initializer listed here can be overridden at run time, so is no constant. */
  inputs;
  names = /* @__PURE__ */ new Set();
  subgraphUses = /* @__PURE__ */ new Map();
  /** The version of `domain`'s opset the model imports (0 when it does not). */
  opset(domain) {
    const entry = this.proto.opsetImport?.find(
      (o) => (o.domain ?? "") === domain || domain === "" && o.domain === "ai.onnx"
    );
    return entry ? int64ToNumber(entry.version, "opset_import version") : 0;
  }
  /** Imports `domain` at `version` unless the model already imports it. */
  requireOpset(domain, version) {
    if (this.opset(domain) > 0) return;
    this.proto.opsetImport = [...this.proto.opsetImport ?? [], { domain, version }];
  }
  /** A constant initializer (not overridable as a graph input) by name. */
  constant(name) {
    if (name === void 0 || this.inputs.has(name)) return void 0;
    return this.initializers.get(name);
  }
  /** `base` or `base_1`, `base_2`… whichever is not yet used as a value or node name. */
  unique(base) {
    let name = base;
    for (let i = 1; this.names.has(name); i++) name = `${base}_${i}`;
    this.names.add(name);
    return name;
  }
  addInitializer(tensor2) {
    const name = tensor2.name ?? "";
    this.initializers.set(name, tensor2);
    this.names.add(name);
    this.graph.initializer = [...this.graph.initializer ?? [], tensor2];
  }
  /**
   * Removes initializers no node, subgraph or graph output uses any more (the float weights a
   * pass replaced), so the variant does not carry both copies.
   */
  dropUnusedInitializers() {
    const used = new Set(this.subgraphUses.keys());
    for (const node2 of this.graph.node ?? []) for (const input of node2.input ?? []) used.add(input);
    for (const output of this.graph.output ?? []) used.add(output.name ?? "");
    this.graph.initializer = (this.graph.initializer ?? []).filter((t) => {
      const keep = used.has(t.name ?? "") || this.inputs.has(t.name ?? "");
      if (!keep) this.initializers.delete(t.name ?? "");
      return keep;
    });
  }
};
function node(opType, name, input, output, attributes = [], domain) {
  return {
    input,
    output,
    name,
    opType,
    ...domain ? { domain } : {},
    ...attributes.length > 0 ? { attribute: attributes } : {}
  };
}
function tensor(name, dataType, dims, data) {
  return {
    name,
    dataType,
    dims,
    rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  };
}

// src/quantize/onnx-elem-types.ts
var INT64_OUT = /* @__PURE__ */ new Set(["Shape", "Size", "ArgMax", "ArgMin", "NonZero", "NonMaxSuppression"]);
var BOOL_OUT = /* @__PURE__ */ new Set([
  "Equal",
  "Less",
  "LessOrEqual",
  "Greater",
  "GreaterOrEqual",
  "Not",
  "And",
  "Or",
  "Xor",
  "IsNaN",
  "IsInf"
]);
var INDEX_OUTPUTS = { TopK: [1], MaxPool: [1], Unique: [1, 2, 3] };
function dtypeAttribute(node2, name) {
  const a = attribute(node2, name);
  return a ? int64ToNumber(a.i, `node ${node2.name ?? ""} attribute ${name}`) : void 0;
}
function constantType(node2) {
  for (const a of node2.attribute ?? []) {
    if (a.name === "value") return a.t?.dataType;
    if (a.name === "value_float" || a.name === "value_floats") return DataType.FLOAT;
    if (a.name === "value_int" || a.name === "value_ints") return DataType.INT64;
    if (a.name === "value_string" || a.name === "value_strings") return DataType.STRING;
    if (a.type === AttributeType.SPARSE_TENSOR) return a.sparseTensor?.values?.dataType;
  }
  return void 0;
}
function outputTypes(node2, input) {
  const op = node2.opType ?? "";
  const count2 = node2.output?.length ?? 0;
  const all2 = (t) => Array.from({ length: count2 }, () => t);
  if (INT64_OUT.has(op)) return all2(DataType.INT64);
  if (BOOL_OUT.has(op)) return all2(DataType.BOOL);
  switch (op) {
    case "Cast":
      return all2(dtypeAttribute(node2, "to"));
    case "CastLike":
      return all2(input(1));
    case "Constant":
      return all2(constantType(node2));
    case "ConstantOfShape":
      return all2(attribute(node2, "value")?.t?.dataType ?? DataType.FLOAT);
    case "EyeLike":
    case "RandomNormalLike":
    case "RandomUniformLike":
    case "Bernoulli":
      return all2(dtypeAttribute(node2, "dtype") ?? input(0));
    case "RandomNormal":
    case "RandomUniform":
      return all2(dtypeAttribute(node2, "dtype") ?? DataType.FLOAT);
    case "Multinomial":
      return all2(dtypeAttribute(node2, "dtype") ?? DataType.INT32);
    case "Where":
      return all2(input(1));
    case "OneHot":
      return all2(input(2));
    case "DequantizeLinear":
      return all2(input(1));
    case "QuantizeLinear":
      return all2(dtypeAttribute(node2, "output_dtype") ?? input(2) ?? DataType.UINT8);
    case "DynamicQuantizeLinear":
      return [DataType.UINT8, DataType.FLOAT, DataType.UINT8];
    case "MatMulInteger":
    case "ConvInteger":
      return all2(DataType.INT32);
    case "QLinearMatMul":
    case "QLinearConv":
      return all2(input(7));
    case "LayerNormalization": {
      const stash = dtypeAttribute(node2, "stash_type") ?? DataType.FLOAT;
      return Array.from({ length: count2 }, (_, i) => i === 0 ? input(0) : stash);
    }
    default: {
      const indices = INDEX_OUTPUTS[op] ?? [];
      return Array.from(
        { length: count2 },
        (_, i) => indices.includes(i) ? DataType.INT64 : input(0)
      );
    }
  }
}
function inferElemTypes(graph) {
  const types = /* @__PURE__ */ new Map();
  for (const v of [...graph.input ?? [], ...graph.output ?? [], ...graph.valueInfo ?? []]) {
    const t = v.type?.tensorType?.elemType;
    if (v.name && t) types.set(v.name, t);
  }
  for (const t of graph.initializer ?? []) if (t.name && t.dataType) types.set(t.name, t.dataType);
  for (const node2 of graph.node ?? []) {
    const inferred = outputTypes(node2, (i) => types.get(node2.input?.[i] ?? ""));
    (node2.output ?? []).forEach((name, i) => {
      const t = inferred[i];
      if (name && t !== void 0 && !types.has(name)) types.set(name, t);
    });
  }
  return types;
}

// src/quantize/onnx-fp16-policy.ts
var FP32_OPS = {
  Range: "its type constraint has no float16, and bounds rounded to FP16 change the element count",
  CumSum: "running sums grow past FP16's 11-bit precision and range",
  TopK: "values that round to the same FP16 number reorder, so the returned indices change",
  NonMaxSuppression: "its boxes and scores are float32-only in the schema",
  RoiAlign: "sampling coordinates need more than 11 bits to land on the right pixels",
  RandomNormal: "sampling ops take their output type from a dtype attribute",
  RandomUniform: "sampling ops take their output type from a dtype attribute",
  RandomNormalLike: "sampling ops take their output type from a dtype attribute",
  RandomUniformLike: "sampling ops take their output type from a dtype attribute",
  Multinomial: "sampling ops take their output type from a dtype attribute",
  Bernoulli: "sampling ops take their output type from a dtype attribute",
  DynamicQuantizeLinear: "its input is float32-only in the schema",
  QuantizeLinear: "quantization scales are float32-only before opset 19; the arithmetic stays exact",
  DequantizeLinear: "quantization scales are float32-only before opset 19; the arithmetic stays exact"
};
var FP32_INPUTS = {
  Resize: [2],
  Upsample: [1]
};
var FP32_OUTPUTS = {
  LayerNormalization: [1, 2]
};

// src/quantize/onnx-select.ts
var DEFAULT_MIN_ELEMENTS = 1024;
function isDefaultDomain(node2) {
  return !node2.domain || node2.domain === "ai.onnx";
}
function inspect(editor, node2, index, exclude, minElements) {
  if (exclude.has(node2.name ?? "")) return "excluded";
  const weightName = node2.input?.[1] ?? "";
  const weight = editor.constant(weightName);
  if (!weight) return "weight is not a constant initializer";
  if (weight.dataType !== DataType.FLOAT) return "weight is not FLOAT";
  const dims = tensorDims(weight, `initializer ${weightName}`);
  const [rows = 0, cols = 0] = dims;
  if (dims.length !== 2) return `weight has ${dims.length} dimensions, not 2`;
  if (rows * cols < minElements) return `weight has ${rows * cols} elements (< ${minElements})`;
  const gemm = node2.opType === "Gemm";
  if (gemm && intAttribute(node2, "transA", 0) !== 0) return "Gemm with transA=1";
  const transposed = gemm && intAttribute(node2, "transB", 0) !== 0;
  const bias = gemm ? node2.input?.[2] : void 0;
  return {
    node: node2,
    index,
    weight,
    weightName,
    k: transposed ? cols : rows,
    n: transposed ? rows : cols,
    transposed,
    alpha: gemm ? floatAttribute(node2, "alpha", 1) : 1,
    beta: gemm ? floatAttribute(node2, "beta", 1) : 1,
    ...bias ? { bias } : {}
  };
}
function requireNodeNames(nodes, names) {
  const unknown = [...names].filter((name) => !nodes.some((n) => n.name === name));
  if (unknown.length === 0) return;
  const example = nodes.find((n) => n.opType === "MatMul" || n.opType === "Gemm")?.name;
  throw new ModelPublishError(
    "USAGE",
    `exclude names node${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => JSON.stringify(n)).join(", ")} that the model does not have; use node names as the model spells them${example ? ` (e.g. ${JSON.stringify(example)})` : ""}`
  );
}
function selectMatMuls(editor, options2) {
  const minElements = options2.minElements ?? DEFAULT_MIN_ELEMENTS;
  const exclude = new Set(options2.exclude ?? []);
  const nodes = editor.graph.node ?? [];
  requireNodeNames(nodes, exclude);
  const sites = [];
  const skipped2 = [];
  nodes.forEach((node2, index) => {
    if (!isDefaultDomain(node2) || node2.opType !== "MatMul" && node2.opType !== "Gemm") return;
    const site = inspect(editor, node2, index, exclude, minElements);
    if (typeof site === "string") skipped2.push({ node: node2.name ?? `#${index}`, reason: site });
    else sites.push(site);
  });
  return { sites, skipped: skipped2 };
}
function uniqueWeights(sites) {
  return [...new Set(sites.map((s) => s.weight))];
}

// src/quantize/onnx-fp16.ts
var { FLOAT, FLOAT16 } = DataType;
async function toHalfTensor(t, dir, scratch) {
  const values = await tensorFloat32(t, dir, `initializer ${t.name ?? ""}`, scratch);
  return tensor(
    t.name ?? "",
    FLOAT16,
    (t.dims ?? []).map((d) => int64ToNumber(d, "dims")),
    float32ToHalf(values)
  );
}
async function halfAttributes(n, dir) {
  const out = [];
  for (const a of n.attribute ?? []) {
    if (n.opType === "Cast" && a.name === "to" && int64ToNumber(a.i, "to") === FLOAT) {
      out.push(intAttr("to", FLOAT16));
    } else if (n.opType === "EyeLike" && a.name === "dtype" && int64ToNumber(a.i, "dtype") === FLOAT) {
      out.push(intAttr("dtype", FLOAT16));
    } else if (a.name === "value" && a.t?.dataType === FLOAT) {
      out.push({ name: "value", type: AttributeType.TENSOR, t: await toHalfTensor(a.t, dir) });
    } else if (n.opType === "Constant" && (a.name === "value_float" || a.name === "value_floats")) {
      const values = a.name === "value_float" ? [a.f ?? 0] : a.floats ?? [];
      const dims = a.name === "value_float" ? [] : [values.length];
      const t = tensor("", FLOAT16, dims, float32ToHalf(Float32Array.from(values)));
      out.push({ name: "value", type: AttributeType.TENSOR, t });
    } else {
      out.push(a);
    }
  }
  n.attribute = out;
}
async function convertToFloat16(editor, dir, options2) {
  const graph = editor.graph;
  const nodes = graph.node ?? [];
  const exclude = new Set(options2.exclude ?? []);
  requireNodeNames(nodes, exclude);
  const flow = nodes.find((n) => n.attribute?.some((a) => a.g ?? a.graphs?.length));
  if (flow) {
    throw unsupported(
      "onnx-fp16",
      `node ${flow.name ?? ""} (${flow.opType ?? ""}) has subgraphs; FP16 conversion of models with control flow is not supported`
    );
  }
  const keepIo = options2.keepIoTypes ?? true;
  const keepOps = new Set(options2.keepOps ?? []);
  const types = inferElemTypes(graph);
  const isFloat = (v) => !!v && types.get(v) === FLOAT;
  const reason2 = (n) => exclude.has(n.name ?? "") ? "excluded" : FP32_OPS[n.opType ?? ""] ?? (keepOps.has(n.opType ?? "") ? "in keepOps" : void 0) ?? (isDefaultDomain(n) ? void 0 : `domain ${n.domain ?? ""} op: type constraints unknown`);
  const fp32Slot = (n, i) => reason2(n) !== void 0 || (FP32_INPUTS[n.opType ?? ""]?.includes(i) ?? false);
  const uses = /* @__PURE__ */ new Map();
  for (const n of nodes) {
    (n.input ?? []).forEach((v, i) => uses.set(v, [...uses.get(v) ?? [], { n, i }]));
  }
  const outputs = new Set((graph.output ?? []).map((o) => o.name ?? ""));
  const inputs = new Set((graph.input ?? []).map((o) => o.name ?? ""));
  const onlyFp32Uses = (v) => !outputs.has(v) && (uses.get(v) ?? []).every(({ n, i }) => fp32Slot(n, i));
  const fp32 = /* @__PURE__ */ new Set();
  const alias = /* @__PURE__ */ new Map();
  const toFp32 = /* @__PURE__ */ new Map();
  const out = [];
  const cast = (from, to, type) => node("Cast", editor.unique(`${to}_cast`), [from], [to], [intAttr("to", type)]);
  const scratch = new FloatScratch();
  const initializers = [];
  for (const t of graph.initializer ?? []) {
    const name = t.name ?? "";
    if (t.dataType !== FLOAT || inputs.has(name) && keepIo || onlyFp32Uses(name)) {
      if (t.dataType === FLOAT) fp32.add(name);
      initializers.push(t);
    } else {
      initializers.push(await toHalfTensor(t, dir, scratch));
    }
  }
  graph.initializer = initializers;
  for (const v of graph.input ?? []) {
    const name = v.name ?? "";
    if (!isFloat(name) || !v.type?.tensorType) continue;
    if (keepIo) {
      fp32.add(name);
      const half = editor.unique(`${name}_fp16`);
      out.push(cast(name, half, FLOAT16));
      alias.set(name, half);
    } else {
      v.type.tensorType.elemType = FLOAT16;
    }
  }
  const converted = [];
  const kept = [];
  for (const n of nodes) {
    const why = reason2(n) ?? (n.opType === "Constant" && onlyFp32Uses(n.output?.[0] ?? "") ? "feeds FP32 ops only" : void 0);
    n.input = (n.input ?? []).map((v, i) => {
      if (!isFloat(v)) return v;
      if (!fp32Slot(n, i)) return alias.get(v) ?? v;
      if (fp32.has(v)) return v;
      let full = toFp32.get(v);
      if (!full) {
        full = editor.unique(`${v}_fp32`);
        out.push(cast(alias.get(v) ?? v, full, FLOAT));
        toFp32.set(v, full);
      }
      return full;
    });
    const after = [];
    n.output = (n.output ?? []).map((o, i) => {
      const fixed = why !== void 0 || (FP32_OUTPUTS[n.opType ?? ""]?.includes(i) ?? false);
      if (!isFloat(o) || !fixed) return o;
      if (onlyFp32Uses(o)) {
        fp32.add(o);
        return o;
      }
      const full = editor.unique(`${o}_fp32`);
      toFp32.set(o, full);
      after.push(cast(full, o, FLOAT16));
      return full;
    });
    if (why === void 0) {
      await halfAttributes(n, dir);
      if ([...n.input ?? [], ...n.output ?? []].some((v) => isFloat(v))) {
        converted.push(n.name ?? "");
      }
    } else if (n.opType !== "Constant" || why !== "feeds FP32 ops only") {
      kept.push({ node: n.name ?? "", reason: why });
    }
    out.push(n, ...after);
  }
  for (const v of graph.output ?? []) {
    const name = v.name ?? "";
    if (!isFloat(name) || fp32.has(name) || !v.type?.tensorType) continue;
    if (!keepIo) {
      v.type.tensorType.elemType = FLOAT16;
      continue;
    }
    const half = editor.unique(`${name}_fp16`);
    const rename8 = (x) => x === name ? half : x;
    for (const n of out) {
      n.input = (n.input ?? []).map(rename8);
      n.output = (n.output ?? []).map(rename8);
    }
    out.push(cast(half, name, FLOAT));
  }
  for (const v of graph.valueInfo ?? []) {
    const t = v.type?.tensorType;
    if (t?.elemType === FLOAT && !fp32.has(v.name ?? "")) t.elemType = FLOAT16;
  }
  graph.node = out;
  editor.dropUnusedInitializers();
  return { converted, kept };
}

// src/quantize/onnx-rewrite.ts
var NodeRewrite = class {
  constructor(editor) {
    this.editor = editor;
  }
  editor;
  before = /* @__PURE__ */ new Map();
  instead = /* @__PURE__ */ new Map();
  insertBefore(target, nodes) {
    this.before.set(target, [...this.before.get(target) ?? [], ...nodes]);
  }
  replace(target, nodes) {
    this.instead.set(target, nodes);
  }
  /**
   * Output name for the quantized product of `site`, and the nodes that add Gemm's bias
   * (`beta·C`) to it to give the node's original output.
   */
  biasTail(site) {
    const y = site.node.output?.[0] ?? "";
    if (!site.bias) return { product: y, tail: [] };
    const e = this.editor;
    const base = site.node.name || y;
    const product = e.unique(`${y}_matmul`);
    const tail = [];
    let bias = site.bias;
    if (site.beta !== 1) {
      const beta = e.unique(`${base}_beta`);
      e.addInitializer(tensor(beta, DataType.FLOAT, [], new Float32Array([site.beta])));
      const scaled2 = e.unique(`${bias}_scaled`);
      tail.push(node("Mul", e.unique(`${base}_beta_mul`), [bias, beta], [scaled2]));
      bias = scaled2;
    }
    tail.push(node("Add", e.unique(`${base}_bias_add`), [product, bias], [y]));
    return { product, tail };
  }
  /** Writes the new node list into the graph and drops the float weights no longer used. */
  apply() {
    const out = [];
    for (const n of this.editor.graph.node ?? []) {
      out.push(...this.before.get(n) ?? [], ...this.instead.get(n) ?? [n]);
    }
    this.editor.graph.node = out;
    this.editor.dropUnusedInitializers();
  }
};

// src/quantize/onnx-kernels.ts
function int8Channels(w, rows, cols, axis, qmax, transpose, q, scales, from, to) {
  const ROUND = 6755399441055744;
  const MIN_NORMAL = 11754943508222875e-54;
  if (axis === 0) {
    for (let r = from; r < to; r++) {
      const base = r * cols;
      let m = 0;
      for (let c = 0; c < cols; c++) {
        const v = Math.abs(w[base + c] ?? 0);
        if (v > m) m = v;
      }
      let scale = Math.fround(m / qmax);
      if (scale < MIN_NORMAL) scale = 1;
      scales[r] = scale;
      for (let c = 0; c < cols; c++) {
        const i = Math.fround((w[base + c] ?? 0) / scale) + ROUND - ROUND;
        q[transpose ? c * rows + r : base + c] = i > 127 ? 127 : i < -128 ? -128 : i;
      }
    }
    return;
  }
  const width = to - from;
  const divisors = new Float64Array(width);
  for (let r = 0; r < rows; r++) {
    const base = r * cols + from;
    for (let c = 0; c < width; c++) {
      const v = Math.abs(w[base + c] ?? 0);
      if (v > (divisors[c] ?? 0)) divisors[c] = v;
    }
  }
  for (let c = 0; c < width; c++) {
    let scale = Math.fround((divisors[c] ?? 0) / qmax);
    if (scale < MIN_NORMAL) scale = 1;
    scales[from + c] = scale;
    divisors[c] = scale;
  }
  for (let r = 0; r < rows; r++) {
    const base = r * cols + from;
    for (let c = 0; c < width; c++) {
      const i = Math.fround((w[base + c] ?? 0) / (divisors[c] ?? 1)) + ROUND - ROUND;
      q[transpose ? (from + c) * rows + r : base + c] = i > 127 ? 127 : i < -128 ? -128 : i;
    }
  }
}
function int4Nibble(v, recip, zp) {
  const q = Math.floor(Math.fround(Math.fround(v * recip) + zp) + 0.5);
  return q < 0 ? 0 : q > 15 ? 15 : q;
}
function int4Column(src, at, k, blockSize, symmetric, b, scales, zeroPoints, n) {
  const kBlocks = Math.ceil(k / blockSize);
  const half = blockSize >> 1;
  const zpStride = Math.ceil(kBlocks / 2);
  for (let block = 0; block < kBlocks; block++) {
    const start = at + block * blockSize;
    const len = Math.min(blockSize, k - block * blockSize);
    let min = 0;
    let max = 0;
    for (let i = start, end = start + len; i < end; i++) {
      const v = src[i] ?? 0;
      if (v < min) min = v;
      else if (v > max) max = v;
    }
    let scale;
    let zp;
    if (symmetric) {
      scale = Math.fround((Math.abs(max) > Math.abs(min) ? max : min) / -8);
      zp = 8;
    } else {
      scale = Math.fround(Math.fround(max - min) / 15);
      const zpf = scale !== 0 ? Math.fround(0 - Math.fround(min / scale)) : 0;
      zp = zpf > 15 ? 15 : Math.floor(zpf + 0.5);
    }
    const recip = scale !== 0 ? Math.fround(1 / scale) : 0;
    scales[n * kBlocks + block] = scale;
    if (zeroPoints) {
      const z = n * zpStride + (block >> 1);
      zeroPoints[z] = (zeroPoints[z] ?? 0) | zp << (block & 1) * 4;
    }
    const base = (n * kBlocks + block) * half;
    if (len === blockSize) {
      for (let j = 0; j < half; j++) {
        const lo = int4Nibble(src[start + 2 * j] ?? 0, recip, zp);
        b[base + j] = lo | int4Nibble(src[start + 2 * j + 1] ?? 0, recip, zp) << 4;
      }
    } else {
      for (let j = 0; j < half; j++) {
        const i = 2 * j;
        const v0 = i < len ? src[start + i] ?? 0 : 0;
        const v1 = i + 1 < len ? src[start + i + 1] ?? 0 : 0;
        b[base + j] = int4Nibble(v0, recip, zp) | int4Nibble(v1, recip, zp) << 4;
      }
    }
  }
}
function int4Columns(w, k, n, transposed, blockSize, symmetric, b, scales, zeroPoints, from, to) {
  if (transposed) {
    for (let col = from; col < to; col++) {
      int4Column(w, col * k, k, blockSize, symmetric, b, scales, zeroPoints, col);
    }
    return;
  }
  const strip = Math.max(1, Math.min(to - from, Math.floor(1048576 / Math.max(k, 1))));
  const scratch = new Float32Array(strip * k);
  for (let first = from; first < to; first += strip) {
    const width = Math.min(strip, to - first);
    for (let row2 = 0; row2 < k; row2++) {
      const base = row2 * n + first;
      for (let c = 0; c < width; c++) scratch[c * k + row2] = w[base + c] ?? 0;
    }
    for (let c = 0; c < width; c++) {
      int4Column(scratch, c * k, k, blockSize, symmetric, b, scales, zeroPoints, first + c);
    }
  }
}
var ONNX_KERNELS = { int8Channels, int4Columns };
function onnxKernelSource() {
  const functions = [int4Nibble, int4Column, int8Channels, int4Columns];
  const parts2 = functions.map((fn) => {
    const text2 = fn.toString();
    if (!text2.startsWith(`function ${fn.name}(`)) {
      throw new Error(`kernel ${fn.name} is not a plain function declaration`);
    }
    return text2;
  });
  return `"use strict";
const { parentPort } = require("node:worker_threads");
${parts2.join("\n")}
const kernels = { int8Channels: ${int8Channels.name}, int4Columns: ${int4Columns.name} };
parentPort.on("message", (job) => {
  try {
    kernels[job.kernel](...job.args);
    parentPort.postMessage({ id: job.id, ok: true });
  } catch (error) {
    parentPort.postMessage({ id: job.id, ok: false, error: String((error && error.stack) || error) });
  }
});
`;
}

// src/quantize/onnx-pool.ts
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
var PARALLEL_ELEMENTS = 1 << 20;
var sharedArrays = {
  float32: (length) => new Float32Array(new SharedArrayBuffer(length * 4)),
  int8: (length) => new Int8Array(new SharedArrayBuffer(length)),
  uint8: (length) => new Uint8Array(new SharedArrayBuffer(length))
};
var isShared = (arg) => !ArrayBuffer.isView(arg) || arg.buffer instanceof SharedArrayBuffer;
var OnnxPool = class {
  /** `threads` in all, this one included (default: the machine's parallelism, at most 8). */
  constructor(threads = Math.min(availableParallelism(), 8)) {
    this.threads = threads;
  }
  threads;
  workers;
  waiting = /* @__PURE__ */ new Map();
  nextId = 0;
  start() {
    if (this.workers) return this.workers;
    this.workers = [];
    if (this.threads <= 1) return this.workers;
    let source;
    try {
      source = onnxKernelSource();
    } catch {
      return this.workers;
    }
    for (let i = 1; i < this.threads; i++) {
      try {
        const worker = new Worker(source, { eval: true });
        worker.unref();
        worker.on("message", (reply) => {
          const waiting = this.waiting.get(reply.id);
          this.waiting.delete(reply.id);
          if (reply.ok) waiting?.resolve();
          else waiting?.reject(new Error(reply.error ?? "kernel failed"));
        });
        this.workers.push(worker);
      } catch {
        break;
      }
    }
    return this.workers;
  }
  /**
   * Runs `kernel(...args, from, to)` over [0, total) split into one range per thread, the last
   * on this thread. `elements` is the job's size, to decide whether splitting pays.
   */
  async run(kernel, args, total, elements) {
    const fn = ONNX_KERNELS[kernel];
    const workers = elements >= PARALLEL_ELEMENTS && args.every(isShared) ? this.start() : [];
    const parts2 = Math.min(workers.length + 1, total);
    if (parts2 <= 1) {
      fn(...args, 0, total);
      return;
    }
    const bounds = Array.from({ length: parts2 + 1 }, (_, i) => Math.round(total * i / parts2));
    const pending = workers.slice(0, parts2 - 1).map(
      (worker, i) => new Promise((resolve15, reject) => {
        const id = this.nextId++;
        this.waiting.set(id, { resolve: resolve15, reject });
        worker.ref();
        worker.postMessage({ id, kernel, args: [...args, bounds[i], bounds[i + 1]] });
      })
    );
    fn(...args, bounds[parts2 - 1], bounds[parts2]);
    try {
      await Promise.all(pending);
    } finally {
      for (const worker of workers) worker.unref();
    }
  }
  async close() {
    const workers = this.workers ?? [];
    this.workers = void 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
};

// src/quantize/onnx-int4-math.ts
async function quantizeInt4Blockwise(w, k, n, options2) {
  const { transposed, blockSize, symmetric } = options2;
  const kBlocks = Math.ceil(k / blockSize);
  const b = sharedArrays.uint8(n * kBlocks * (blockSize / 2));
  const scales = sharedArrays.float32(n * kBlocks);
  const zeroPoints = symmetric ? null : sharedArrays.uint8(n * Math.ceil(kBlocks / 2));
  const args = [w, k, n, transposed, blockSize, symmetric, b, scales, zeroPoints];
  if (options2.pool) await options2.pool.run("int4Columns", args, n, k * n);
  else int4Columns(w, k, n, transposed, blockSize, symmetric, b, scales, zeroPoints, 0, n);
  return { b, scales, kBlocks, ...zeroPoints ? { zeroPoints } : {} };
}

// src/quantize/onnx-int8-math.ts
async function quantizeInt8PerChannel(w, rows, cols, axis, options2 = {}) {
  const channels = axis === 0 ? rows : cols;
  const q = sharedArrays.int8(rows * cols);
  const scales = sharedArrays.float32(channels);
  const args = [w, rows, cols, axis, options2.qmax ?? 127, options2.transpose ?? false, q, scales];
  if (options2.pool) await options2.pool.run("int8Channels", args, channels, rows * cols);
  else
    int8Channels(
      w,
      rows,
      cols,
      axis,
      options2.qmax ?? 127,
      options2.transpose ?? false,
      q,
      scales,
      0,
      channels
    );
  return { q, scales };
}

// src/quantize/onnx-prefetch.ts
var FloatPrefetcher = class {
  constructor(dir, order) {
    this.dir = dir;
    this.order = order;
  }
  dir;
  order;
  scratch = [new FloatScratch(), new FloatScratch()];
  inflight;
  /** The last weight handed out, by index in `order`. */
  handed = -1;
  start(index) {
    const tensor2 = this.order[index];
    if (!tensor2) return Promise.reject(new Error(`no weight #${index}`));
    const where = `initializer ${tensor2.name ?? `#${index}`}`;
    return tensorFloat32(tensor2, this.dir, where, this.scratch[index % 2]);
  }
  /**
   * The float values of `tensor`. Asked in `order`, each comes from the read started when the
   * previous one was handed out; a weight asked out of order is read on its own into a fresh
   * array.
   */
  async floats(tensor2) {
    const index = this.order.indexOf(tensor2, this.handed + 1);
    if (index < 0) {
      return tensorFloat32(tensor2, this.dir, `initializer ${tensor2.name ?? ""}`);
    }
    const values = this.inflight?.index === index ? this.inflight.values : this.start(index);
    this.inflight = void 0;
    this.handed = index;
    if (index + 1 < this.order.length) {
      const next = this.start(index + 1);
      next.catch(() => void 0);
      this.inflight = { index: index + 1, values: next };
    }
    return values;
  }
};

// src/quantize/onnx-wasm.generated.ts
var ONNX_WASM_BASE64 = "AGFzbQEAAAABSwdgCX9/f31/f39/fwBgBH9/f38AYAR/f31/AGAGf39/f39/AGAJf39/f39/f39/AGAKf39/f39/f39/fwBgC39/f39/f39/f39/AAMJCAABAgMEBQUGBAUBcAEBAQUDAQAQBg8CfwFBgIgEC38AQYCIBAsHZAgGbWVtb3J5AgAJaW50OF9yb3dzAAALYWJzbWF4X2NvbHMAAQtpbnQ4X3NjYWxlcwACCWludDhfY29scwADCWludDRfcm93cwAECWludDRfY29scwAHC19faGVhcF9iYXNlAwEK1a8BCPFeCBJ/A3sBfwF7An8IfQl/B3sjgICAgABBgAFrIQkCQAJAIAZFDQBBACEKAkAgAUEESA0AIAVBAXQhCyAFQQR0IQwgByAEaiENIAJBBHQhDiACQQNxIQ8gByAFIARqaiEQIAAgAkEMbGohESAAIAJBA3RqIRIgACACQQJ0IhNqIRQgCUEHciEVIAJBEEghFkEAIRcgACEYQQQhBgNAIAYhCiAXIARqIhlBAnQhGgJAAkAgFkUNAP0MAAAAAAAAAAAAAAAAAAAAACIbIRwgGyEdQQAhHiAbIR8MAQtBACEgIBghBv0MAAAAAAAAAAAAAAAAAAAAACIfIR0gHyEcIB8hGwNAIB8gBv0AAAD94AH96wEhHyAdIAZBMGr9AAAA/eAB/esBIR0gHCAGQSBq/QAAAP3gAf3rASEcIBsgBkEQav0AAAD94AH96wEhGyAgQSBqISEgBkHAAGohBiAgQRBqIh4hICAhIAJMDQALCyAIIBpqIRogHyAb/esBIBwgHf3rAf3rASIb/R8DIiIgG/0fAiIjIBv9HwEiJCAb/R8AIiVDAAAAACAlQwAAAABeGyIlICQgJV4bIiQgIyAkXhsiIyAiICNeGyEiAkAgHiACTg0AIB5Bf3MgAmohIQJAIA9FDQAgGCAeQQJ0aiEGIA8hIANAIAYqAgCLIiMgIiAjICJeGyEiIAZBBGohBiAeQQFqIR4gIEF/aiIgDQALCyAhQQNJDQAgAiAeayEgIBggHkECdGohBgNAIAZBDGoqAgCLIiMgBkEIaioCAIsiJCAGQQRqKgIAiyIlIAYqAgCLIiYgIiAmICJeGyIiICUgIl4bIiIgJCAiXhsiIiAjICJeGyEiIAZBEGohBiAgQXxqIiANAAsLIBpDAACAPyAiIAOVIiIgIkMAAIAAXRsiJzgCAAJAAkAgFkUNAEEAIR79DAAAAAAAAAAAAAAAAAAAAAAiGyEcIBshHSAbIR8MAQtBACEgIBQhBv0MAAAAAAAAAAAAAAAAAAAAACIfIR0gHyEcIB8hGwNAIB8gBv0AAAD94AH96wEhHyAdIAZBMGr9AAAA/eAB/esBIR0gHCAGQSBq/QAAAP3gAf3rASEcIBsgBkEQav0AAAD94AH96wEhGyAgQSBqISEgBkHAAGohBiAgQRBqIh4hICAhIAJMDQALCyAfIBv96wEgHCAd/esB/esBIhv9HwMiIiAb/R8CIiMgG/0fASIkIBv9HwAiJUMAAAAAICVDAAAAAF4bIiUgJCAlXhsiJCAjICReGyIjICIgI14bISICQCAeIAJODQAgHkF/cyACaiEhAkAgD0UNACAUIB5BAnRqIQYgDyEgA0AgBioCAIsiIyAiICMgIl4bISIgBkEEaiEGIB5BAWohHiAgQX9qIiANAAsLICFBA0kNACACIB5rISAgFCAeQQJ0aiEGA0AgBkEMaioCAIsiIyAGQQhqKgIAiyIkIAZBBGoqAgCLIiUgBioCAIsiJiAiICYgIl4bIiIgJSAiXhsiIiAkICJeGyIiICMgIl4bISIgBkEQaiEGICBBfGoiIA0ACwsgGkMAAIA/ICIgA5UiIiAiQwAAgABdGyIoOAIEAkACQCAWRQ0AQQAhHv0MAAAAAAAAAAAAAAAAAAAAACIbIRwgGyEdIBshHwwBC0EAISAgEiEG/QwAAAAAAAAAAAAAAAAAAAAAIh8hHSAfIRwgHyEbA0AgHyAG/QAAAP3gAf3rASEfIB0gBkEwav0AAAD94AH96wEhHSAcIAZBIGr9AAAA/eAB/esBIRwgGyAGQRBq/QAAAP3gAf3rASEbICBBIGohISAGQcAAaiEGICBBEGoiHiEgICEgAkwNAAsLIB8gG/3rASAcIB396wH96wEiG/0fAyIiIBv9HwIiIyAb/R8BIiQgG/0fACIlQwAAAAAgJUMAAAAAXhsiJSAkICVeGyIkICMgJF4bIiMgIiAjXhshIgJAIB4gAk4NACAeQX9zIAJqISECQCAPRQ0AIBIgHkECdGohBiAPISADQCAGKgIAiyIjICIgIyAiXhshIiAGQQRqIQYgHkEBaiEeICBBf2oiIA0ACwsgIUEDSQ0AIAIgHmshICASIB5BAnRqIQYDQCAGQQxqKgIAiyIjIAZBCGoqAgCLIiQgBkEEaioCAIsiJSAGKgIAiyImICIgJiAiXhsiIiAlICJeGyIiICQgIl4bIiIgIyAiXhshIiAGQRBqIQYgIEF8aiIgDQALCyAaQwAAgD8gIiADlSIiICJDAACAAF0bIik4AggCQAJAIBZFDQBBACEe/QwAAAAAAAAAAAAAAAAAAAAAIhshHCAbIR0gGyEfDAELQQAhICARIQb9DAAAAAAAAAAAAAAAAAAAAAAiHyEdIB8hHCAfIRsDQCAfIAb9AAAA/eAB/esBIR8gHSAGQTBq/QAAAP3gAf3rASEdIBwgBkEgav0AAAD94AH96wEhHCAbIAZBEGr9AAAA/eAB/esBIRsgIEEgaiEhIAZBwABqIQYgIEEQaiIeISAgISACTA0ACwsgHyAb/esBIBwgHf3rAf3rASIb/R8DIiIgG/0fAiIjIBv9HwEiJCAb/R8AIiVDAAAAACAlQwAAAABeGyIlICQgJV4bIiQgIyAkXhsiIyAiICNeGyEiAkAgHiACTg0AIB5Bf3MgAmohIQJAIA9FDQAgESAeQQJ0aiEGIA8hIANAIAYqAgCLIiMgIiAjICJeGyEiIAZBBGohBiAeQQFqIR4gIEF/aiIgDQALCyAhQQNJDQAgAiAeayEgIBEgHkECdGohBgNAIAZBDGoqAgCLIiMgBkEIaioCAIsiJCAGQQRqKgIAiyIlIAYqAgCLIiYgIiAmICJeGyIiICUgIl4bIiIgJCAiXhsiIiAjICJeGyEiIAZBEGohBiAgQXxqIiANAAsLIBpDAACAPyAiIAOVIiIgIkMAAIAAXRsiIjgCDAJAIAJBAUgNACAAIBcgAmxBAnRqIiogE2oiKyATaiIsIBNqIS0gByAZaiEaICn9EyAb/Q0AAQIDAAECAwABAgMAAQIDIRsgKP0TIBv9DQABAgMAAQIDAAECAwABAgMhHyAn/RMgG/0NAAECAwABAgMAAQIDAAECAyEcICL9EyEdQQAhLiAXIS8gAiEwQQAhHgNAIAIgHmsiIEEQICBBEEgiMRshMiAqIB5BAnQiIWohBgJAICBBD0oiGQ0AAkACQAJAAkAgIEEASg0AIAlBADYCQCAJQQA2AkQgCUEANgJIIAlBADYCTCAJQQA2AlAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAgA4AkACQCAyQQFHDQAgCUEANgJEIAlBADYCSCAJQQA2AkwgCUEANgJQIAlBADYCVCAJQQA2AlggCUEANgJcIAlBADYCYCAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIEOAJEAkAgMkECSw0AIAlBADYCSCAJQQA2AkwgCUEANgJQIAlBADYCVCAJQQA2AlggCUEANgJcIAlBADYCYCAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIIOAJIAkAgMkEDRw0AIAlBADYCTCAJQQA2AlAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAgw4AkwCQCAyQQRLDQAgCUEANgJQIAlBADYCVCAJQQA2AlggCUEANgJcIAlBADYCYCAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIQOAJQAkAgMkEFRw0AIAlBADYCVCAJQQA2AlggCUEANgJcIAlBADYCYCAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIUOAJUAkAgMkEGSw0AIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAhg4AlgCQCAyQQdHDQAgCUEANgJcIAlBADYCYCAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIcOAJcAkAgMkEISw0AIAlBADYCYCAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIgOAJgAkAgMkEJRw0AIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAiQ4AmQCQCAyQQpLDQAgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIoOAJoAkAgMkELRw0AIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIsOAJsAkAgMkEMSw0AIAlBADYCcAwBCyAJIAYqAjA4AnAgMkENRw0BCyAJQQA2AnRDAAAAACEiDAELIAkgBioCNDgCdEMAAAAAISIgMkEPSQ0AIAYqAjghIgsgCUEANgJ8IAkgIjgCeCAJQcAAaiEGCyAG/QAAMCAc/ecB/Wr9+AEhMyAG/QAAICAc/ecB/Wr9+AEhNCAG/QAAECAc/ecB/Wr9+AEhNSAG/QAAACAc/ecB/Wr9+AEhNiArICFqIQYCQCAZDQACQAJAAkACQCAgQQBKDQAgCUEANgJAIAlBADYCRCAJQQA2AkggCUEANgJMIAlBADYCUCAJQQA2AlQgCUEANgJYIAlBADYCXCAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCADgCQAJAIDJBAUcNACAJQQA2AkQgCUEANgJIIAlBADYCTCAJQQA2AlAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAgQ4AkQCQCAyQQJLDQAgCUEANgJIIAlBADYCTCAJQQA2AlAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAgg4AkgCQCAyQQNHDQAgCUEANgJMIAlBADYCUCAJQQA2AlQgCUEANgJYIAlBADYCXCAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCDDgCTAJAIDJBBEsNACAJQQA2AlAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAhA4AlACQCAyQQVHDQAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAhQ4AlQCQCAyQQZLDQAgCUEANgJYIAlBADYCXCAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCGDgCWAJAIDJBB0cNACAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAhw4AlwCQCAyQQhLDQAgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAiA4AmACQCAyQQlHDQAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCJDgCZAJAIDJBCksNACAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAig4AmgCQCAyQQtHDQAgCUEANgJsIAlBADYCcAwBCyAJIAYqAiw4AmwCQCAyQQxLDQAgCUEANgJwDAELIAkgBioCMDgCcCAyQQ1HDQELIAlBADYCdEMAAAAAISIMAQsgCSAGKgI0OAJ0QwAAAAAhIiAyQQ9JDQAgBioCOCEiCyAJQQA2AnwgCSAiOAJ4IAlBwABqIQYLIDQgM/2FASEzIDYgNf2FASE0IAb9AAAgIB/95wH9av34ASAG/QAAMCAf/ecB/Wr9+AH9hQEhNiAG/QAAACAf/ecB/Wr9+AEgBv0AABAgH/3nAf1q/fgB/YUBITcgLCAhaiEGAkAgGQ0AAkACQAJAAkAgIEEASg0AIAlBADYCQCAJQQA2AkQgCUEANgJIIAlBADYCTCAJQQA2AlAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAgA4AkACQCAyQQFHDQAgCUEANgJEIAlBADYCSCAJQQA2AkwgCUEANgJQIAlBADYCVCAJQQA2AlggCUEANgJcIAlBADYCYCAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIEOAJEAkAgMkECSw0AIAlBADYCSCAJQQA2AkwgCUEANgJQIAlBADYCVCAJQQA2AlggCUEANgJcIAlBADYCYCAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIIOAJIAkAgMkEDRw0AIAlBADYCTCAJQQA2AlAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAgw4AkwCQCAyQQRLDQAgCUEANgJQIAlBADYCVCAJQQA2AlggCUEANgJcIAlBADYCYCAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIQOAJQAkAgMkEFRw0AIAlBADYCVCAJQQA2AlggCUEANgJcIAlBADYCYCAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIUOAJUAkAgMkEGSw0AIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAhg4AlgCQCAyQQdHDQAgCUEANgJcIAlBADYCYCAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIcOAJcAkAgMkEISw0AIAlBADYCYCAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIgOAJgAkAgMkEJRw0AIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAiQ4AmQCQCAyQQpLDQAgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIoOAJoAkAgMkELRw0AIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIsOAJsAkAgMkEMSw0AIAlBADYCcAwBCyAJIAYqAjA4AnAgMkENRw0BCyAJQQA2AnRDAAAAACEiDAELIAkgBioCNDgCdEMAAAAAISIgMkEPSQ0AIAYqAjghIgsgCUEANgJ8IAkgIjgCeCAJQcAAaiEGCyA0IDP9ZSE1IDcgNv1lITYgBv0AAAAgG/3nAf1q/fgBIAb9AAAQIBv95wH9av34Af2FASAG/QAAICAb/ecB/Wr9+AEgBv0AADAgG/3nAf1q/fgB/YUB/WUhNyAtICFqIQYCQCAZDQACQAJAAkACQCAgQQBKDQAgCUEANgJAIAlBADYCRCAJQQA2AkggCUEANgJMIAlBADYCUCAJQQA2AlQgCUEANgJYIAlBADYCXCAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCADgCQAJAIDJBAUcNACAJQQA2AkQgCUEANgJIIAlBADYCTCAJQQA2AlAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAgQ4AkQCQCAyQQJLDQAgCUEANgJIIAlBADYCTCAJQQA2AlAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAgg4AkgCQCAyQQNHDQAgCUEANgJMIAlBADYCUCAJQQA2AlQgCUEANgJYIAlBADYCXCAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCDDgCTAJAIDJBBEsNACAJQQA2AlAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAhA4AlACQCAyQQVHDQAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAhQ4AlQCQCAyQQZLDQAgCUEANgJYIAlBADYCXCAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCGDgCWAJAIDJBB0cNACAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAhw4AlwCQCAyQQhLDQAgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAiA4AmACQCAyQQlHDQAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCJDgCZAJAIDJBCksNACAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAig4AmgCQCAyQQtHDQAgCUEANgJsIAlBADYCcAwBCyAJIAYqAiw4AmwCQCAyQQxLDQAgCUEANgJwDAELIAkgBioCMDgCcCAyQQ1HDQELIAlBADYCdEMAAAAAISIMAQsgCSAGKgI0OAJ0QwAAAAAhIiAyQQ9JDQAgBioCOCEiCyAJQQA2AnwgCSAiOAJ4IAlBwABqIQYLIDUgNv0NCBgJGQoaCxsMHA0dDh4PHyI0IDcgBv0AAAAgHf3nAf1q/fgBIAb9AAAQIB395wH9av34Af2FASAG/QAAICAd/ecB/Wr9+AEgBv0AADAgHf3nAf1q/fgB/YUB/WUiOP0NCBgJGQoaCxsMHA0dDh4PHyI5/Q0ICRgZCgsaGwwNHB0ODx4fITMgNCA5/Q0AARARAgMSEwQFFBUGBxYXITQgNSA2/Q0AEAERAhIDEwQUBRUGFgcXIjYgNyA4/Q0AEAERAhIDEwQUBRUGFgcXIjf9DQgJGBkKCxobDA0cHQ4PHh8hNSA2IDf9DQABEBECAxITBAUUFQYHFhchNgJAAkAgMQ0AIBogHiAFbGogNv1aAAAAIBogHkEBciAFbGogNv1aAAABIBogHkECciAFbGogNv1aAAACIBogHkEDciAFbGogNv1aAAADIBogHkEEciAFbGogNf1aAAAAIBogHkEFciAFbGogNf1aAAABIBogHkEGciAFbGogNf1aAAACIBogHkEHciAFbGogNf1aAAADIBogHkEIciAFbGogNP1aAAAAIBogHkEJciAFbGogNP1aAAABIBogHkEKciAFbGogNP1aAAACIBogHkELciAFbGogNP1aAAADIBogHkEMciAFbGogM/1aAAAAIBogHkENciAFbGogM/1aAAABIBogHkEOciAFbGogM/1aAAACIBogHkEPciAFbGogM/1aAAADDAELIAkgM/0LBDAgCSA0/QsEICAJIDX9CwQQIAkgNv0LBAAgIEEBSA0AIAIgLkEEdGsiBkEQIAZBEEgbIgZBASAGQQFKG0EBcSEyQQAhIAJAIAZBAkgNAEEAIDBBECAwQRBIGyIGQQEgBkEBShtBHnFrIRlBACEhIBUhBiAvISADQCANICBqIAZBeWooAgA2AAAgECAgaiAGQX1qKAIANgAAIAZBCGohBiAgIAtqISAgGSAhQX5qIiFHDQALQQAgIWshIAsgMkUNACAaICAgHmogBWxqIAkgIEECdGooAgA2AAALIC8gDGohLyAwQXBqITAgLkEBaiEuIB5BEGoiHiACSA0ACwsgF0EEaiEXIBEgDmohESASIA5qIRIgFCAOaiEUIBggDmohGCAKQQRqIgYgAUwNAAsLIAogAU4NASAHIAogBGoiBiAFQRFsamohDiAFQQF0IS4gBUEFdCEvIAVBBHQhKyACQQJ0IQ8gAkEDcSERIAcgBmohDCAHIAogBWogBGpqIRYgACAKIAJsQQJ0aiEXIAJBEEghFQNAIAogBGoiLUECdCEaAkACQCAVRQ0A/QwAAAAAAAAAAAAAAAAAAAAAIhshHCAbIR1BACEeIBshHwwBC0EAISAgFyEG/QwAAAAAAAAAAAAAAAAAAAAAIh8hHSAfIRwgHyEbA0AgHyAG/QAAAP3gAf3rASEfIB0gBkEwav0AAAD94AH96wEhHSAcIAZBIGr9AAAA/eAB/esBIRwgGyAGQRBq/QAAAP3gAf3rASEbICBBIGohISAGQcAAaiEGICBBEGoiHiEgICEgAkwNAAsLIAggGmohISAfIBv96wEgHCAd/esB/esBIhv9HwMiIiAb/R8CIiMgG/0fASIkIBv9HwAiJUMAAAAAICVDAAAAAF4bIiUgJCAlXhsiJCAjICReGyIjICIgI14bISICQCAeIAJODQAgHkF/cyACaiEaAkAgEUUNACAXIB5BAnRqIQYgESEgA0AgBioCAIsiIyAiICMgIl4bISIgBkEEaiEGIB5BAWohHiAgQX9qIiANAAsLIBpBA0kNACACIB5rISAgFyAeQQJ0aiEGA0AgBkEMaioCAIsiIyAGQQhqKgIAiyIkIAZBBGoqAgCLIiUgBioCAIsiJiAiICYgIl4bIiIgJSAiXhsiIiAkICJeGyIiICMgIl4bISIgBkEQaiEGICBBfGoiIA0ACwsgIUMAAIA/ICIgA5UiIiAiQwAAgABdGyIiOAIAAkAgAkEBSA0AIAAgCiACbEECdGohLCAi/RMhG0EAITFBASEqIBYhCyAOIQ0gAiEwQQAhGQNAICwgGUECdGohBgJAIAIgGWsiIEEPSg0AAkACQAJAAkAgIEEASg0AIAlBADYCQCAJQQA2AkQgCUEANgJIIAlBADYCTCAJQQA2AlAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAgA4AkACQCAgQRAgIEEQSBsiHkEBRw0AIAlBADYCRCAJQQA2AkggCUEANgJMIAlBADYCUCAJQQA2AlQgCUEANgJYIAlBADYCXCAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCBDgCRAJAIB5BAksNACAJQQA2AkggCUEANgJMIAlBADYCUCAJQQA2AlQgCUEANgJYIAlBADYCXCAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCCDgCSAJAIB5BA0cNACAJQQA2AkwgCUEANgJQIAlBADYCVCAJQQA2AlggCUEANgJcIAlBADYCYCAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIMOAJMAkAgHkEESw0AIAlBADYCUCAJQQA2AlQgCUEANgJYIAlBADYCXCAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCEDgCUAJAIB5BBUcNACAJQQA2AlQgCUEANgJYIAlBADYCXCAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCFDgCVAJAIB5BBksNACAJQQA2AlggCUEANgJcIAlBADYCYCAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIYOAJYAkAgHkEHRw0AIAlBADYCXCAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCHDgCXAJAIB5BCEsNACAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCIDgCYAJAIB5BCUcNACAJQQA2AmQgCUEANgJoIAlBADYCbCAJQQA2AnAMAQsgCSAGKgIkOAJkAkAgHkEKSw0AIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCKDgCaAJAIB5BC0cNACAJQQA2AmwgCUEANgJwDAELIAkgBioCLDgCbAJAIB5BDEsNACAJQQA2AnAMAQsgCSAGKgIwOAJwIB5BDUcNAQsgCUEANgJ0QwAAAAAhIgwBCyAJIAYqAjQ4AnRDAAAAACEiIB5BD0kNACAGKgI4ISILIAlBADYCfCAJICI4AnggCUHAAGohBgsgCSAG/QAAACAb/ecB/Wr9+AEgBv0AABAgG/3nAf1q/fgB/YUBIAb9AAAgIBv95wH9av34ASAG/QAAMCAb/ecB/Wr9+AH9hQH9ZSIf/QsEAAJAICBBAUgNACAHIBkgBWwgLWpqIB/9WAAAACAwQRAgMEEQSBsiBkECSA0AIAZBASAGQQFKGyEhQQEhHgJAIAIgMUEEdGsiBkEQIAZBEEgbIgZBASAGQQFKG0F/aiIQQRBJDQAgBUEBRw0AICFBb2oiBkEEdkEBaiIeQQFxITJBACEgAkAgBkEQSQ0AIB5B/v///wFxIR5BACEGQQAhIANAIAsgBmogCSAgaiIaQQFq/QAAAP0LAAAgDSAGaiAaQRFq/QAAAP0LAAAgBiAvaiEGICBBIGohICAeQX5qIh4NAAsLIBBBcHEhBgJAIDJFDQAgByAgQQFyIiAgGWogBWwgLWpqIAkgIGr9AAAA/QsAAAsgECAGRg0BIAZBAXIhHgsgHkEBaiEGAkAgIUEBcQ0AIAcgHiAZaiAFbCAtamogCSAeai0AADoAACAGIR4LICEgBkYNACAFIB4gKmpsIRAgBSAeIBlqbCEyIAkhICAMIQYDQCAGIDJqICAgHmoiGi0AADoAACAGIBBqIBpBAWotAAA6AAAgIEECaiEgIAYgLmohBiAeICFBfmoiIUcNAAsLICpBEGohKiALICtqIQsgDSAraiENIDFBAWohMSAwQXBqITAgGUEQaiIZIAJIDQALCyAMQQFqIQwgFkEBaiEWIA5BAWohDiAXIA9qIRcgCkEBaiIKIAFHDQAMAgsLIAFBAUgNACACQQJ0ITAgAkEDcSEvIAcgBCACbGohBSACQRBIIRAgACEaQQAhGQNAIBkgBGoiDUECdCELAkACQCAQRQ0A/QwAAAAAAAAAAAAAAAAAAAAAIhshHCAbIR1BACEeIBshHwwBC0EAISAgGiEG/QwAAAAAAAAAAAAAAAAAAAAAIh8hHSAfIRwgHyEbA0AgHyAG/QAAAP3gAf3rASEfIB0gBkEwav0AAAD94AH96wEhHSAcIAZBIGr9AAAA/eAB/esBIRwgGyAGQRBq/QAAAP3gAf3rASEbICBBIGohISAGQcAAaiEGICBBEGoiHiEgICEgAkwNAAsLIAggC2ohISAfIBv96wEgHCAd/esB/esBIhv9HwMiIiAb/R8CIiMgG/0fASIkIBv9HwAiJUMAAAAAICVDAAAAAF4bIiUgJCAlXhsiJCAjICReGyIjICIgI14bISICQCAeIAJODQAgHkF/cyACaiELAkAgL0UNACAaIB5BAnRqIQYgLyEgA0AgBioCAIsiIyAiICMgIl4bISIgBkEEaiEGIB5BAWohHiAgQX9qIiANAAsLIAtBA0kNACACIB5rISAgGiAeQQJ0aiEGA0AgBkEMaioCAIsiIyAGQQhqKgIAiyIkIAZBBGoqAgCLIiUgBioCAIsiJiAiICYgIl4bIiIgJSAiXhsiIiAkICJeGyIiICMgIl4bISIgBkEQaiEGICBBfGoiIA0ACwsgIUMAAIA/ICIgA5UiIiAiQwAAgABdGyIiOAIAICL9EyEbQQAhIQJAIBANAEEAISAgGiEGA0AgBSAgaiAG/QAAACAb/ecB/Wr9+AEgBkEQav0AAAAgG/3nAf1q/fgB/YUBIAZBIGr9AAAAIBv95wH9av34ASAGQTBq/QAAACAb/ecB/Wr9+AH9hQH9Zf0LAAAgBkHAAGohBiAgQSBqIR4gIEEQaiIhISAgHiACTA0ACwsCQCAhIAJODQAgACAZIAJsQQJ0aiAhQQJ0aiEGAkAgAiAhayIgQQ9KDQACQAJAAkACQCAgQQBKDQAgCUEANgJAIAlBADYCRCAJQQA2AkggCUEANgJMIAlBADYCUCAJQQA2AlQgCUEANgJYIAlBADYCXCAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCADgCQAJAICBBAUcNACAJQQA2AkQgCUEANgJIIAlBADYCTCAJQQA2AlAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAgQ4AkQCQCAgQQJLDQAgCUEANgJIIAlBADYCTCAJQQA2AlAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAgg4AkgCQCAgQQNHDQAgCUEANgJMIAlBADYCUCAJQQA2AlQgCUEANgJYIAlBADYCXCAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCDDgCTAJAICBBBEsNACAJQQA2AlAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAhA4AlACQCAgQQVHDQAgCUEANgJUIAlBADYCWCAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAhQ4AlQCQCAgQQZLDQAgCUEANgJYIAlBADYCXCAJQQA2AmAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCGDgCWAJAICBBB0cNACAJQQA2AlwgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAhw4AlwCQCAgQQhLDQAgCUEANgJgIAlBADYCZCAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAiA4AmACQCAgQQlHDQAgCUEANgJkIAlBADYCaCAJQQA2AmwgCUEANgJwDAELIAkgBioCJDgCZAJAICBBCksNACAJQQA2AmggCUEANgJsIAlBADYCcAwBCyAJIAYqAig4AmgCQCAgQQtHDQAgCUEANgJsIAlBADYCcAwBCyAJIAYqAiw4AmwCQCAgQQxLDQAgCUEANgJwDAELIAkgBioCMDgCcCAgQQ1HDQELIAlBADYCdEMAAAAAISIMAQsgCSAGKgI0OAJ0QwAAAAAhIiAgQQ9JDQAgBioCOCEiCyAJQQA2AnwgCSAiOAJ4IAlBwABqIQYLIAkgBv0AAAAgG/3nAf1q/fgBIAb9AAAQIBv95wH9av34Af2FASAG/QAAICAb/ecB/Wr9+AEgBv0AADAgG/3nAf1q/fgB/YUB/WUiG/0LBAAgIEEBSA0AIAcgDSACbGogIWoiMiAb/VgAAAAgIEEBRg0AQQEhIAJAICFBf3MgAmoiMUEQSQ0AIDFBcHEiKkFwaiIgQQR2QQFqIh5BA3EhC0EAIQYCQCAgQTBJDQAgBSAhaiEuIB5B/P///wFxIQ1BACEGA0AgLiAGaiIgQQFqIAkgBmoiHkEBav0AAAD9CwAAICBBEWogHkERav0AAAD9CwAAICBBIWogHkEhav0AAAD9CwAAICBBMWogHkExav0AAAD9CwAAIAZBwABqIQYgDUF8aiINDQALCwJAIAtFDQADQCAyIAZBAXIiIGogCSAgav0AAAD9CwAAIAZBEGohBiALQX9qIgsNAAsLIDEgKkYNASAqQQFyISALICAgIWohBiAJICBqISADQCAFIAZqICAtAAA6AAAgIEEBaiEgIAIgBkEBaiIGRw0ACwsgBSACaiEFIBogMGohGiAZQQFqIhkgAUcNAAsLC+sHAwp/AX0IfwJAIAFBAUgNAAJAIAJBfHEiBCACTg0AQQAhBQJAIARBAEoNACACQQJ0IQYgBEEBciEHIAJBAXEhCCADIARBAnQiCWohCiAEQX9zQQAgAmtGIQsgACEMA0AgBCENAkAgCEUNACAHIQ0gACAFIAJsQQJ0aiAJaioCAIsiDiAKKgIAXkUNACAKIA44AgAgByENCwJAIAsNACACIA1rIQ8gDCANQQJ0Ig1qIRAgAyANaiENA0ACQCAQKgIAiyIOIA0qAgBeRQ0AIA0gDjgCAAsCQCAQQQRqKgIAiyIOIA1BBGoiESoCAF5FDQAgESAOOAIACyAQQQhqIRAgDUEIaiENIA9BfmoiDw0ACwsgDCAGaiEMIAVBAWoiBSABRw0ADAMLCyACQQJ0IQtBACEGIARBAXIhEiACQQFxIQcgAyAEQQJ0IhNqIRQgBEF/aiINQQJ2QQFqIhBB/v///wdxIRUgEEEBcSEKIA1BA0YhCSAEQX9zQQAgAmtGIRYgACEMA0AgBiACbEECdCEIQQAhDwJAIAkNAEEAIQ8gFSERIAwhECADIQ0DQCANIA39AAAAIBD9AAAA/eAB/esB/QsAACANQRBqIgUgBf0AAAAgEEEQav0AAAD94AH96wH9CwAAIBBBIGohECANQSBqIQ0gD0EIaiEPIBFBfmoiEQ0ACwsgACAIaiENAkAgCkUNACADIA9BAnQiEGoiDyAP/QAAACANIBBq/QAAAP3gAf3rAf0LAAALIAQhEAJAIAdFDQAgEiEQIA0gE2oqAgCLIg4gFCoCAF5FDQAgFCAOOAIAIBIhEAsCQCAWDQAgEEECdCENIAIgEGshDwNAAkAgDCANaiIRKgIAiyIOIAMgDWoiECoCAF5FDQAgECAOOAIACwJAIBFBBGoqAgCLIg4gEEEEaiIQKgIAXkUNACAQIA44AgALIA1BCGohDSAPQX5qIg8NAAsLIAwgC2ohDCAGQQFqIgYgAUcNAAwCCwsgBEEBSA0AIAJBAnQhCCAEQX9qIg1BAnZBAWoiEEH+////B3EhByAQQQFxIQRBACEMIA1BA0YhCyAAIQYDQEEAIQ8CQCALDQBBACEPIAchESAGIRAgAyENA0AgDSAN/QAAACAQ/QAAAP3gAf3rAf0LAAAgDUEQaiIFIAX9AAAAIBBBEGr9AAAA/eAB/esB/QsAACAQQSBqIRAgDUEgaiENIA9BCGohDyARQX5qIhENAAsLAkAgBEUNACADIA9BAnQiDWoiECAQ/QAAACAAIAwgAmxBAnRqIA1q/QAAAP3gAf3rAf0LAAALIAYgCGohBiAMQQFqIgwgAUcNAAsLC6EEBQR/AXsCfwN7AX0CQCABQQFIDQBBACEEAkAgAUEESQ0AAkAgACABQQJ0IgVqIANNDQAgAyAFaiAASw0BCyABQXxxIgRBfGoiBUECdkEBaiIGQQFxIQcgAv0TIQgCQAJAIAUNAEEAIQkMAQsgBkH+////B3EhCkEAIQkgAyEFIAAhBgNAIAX9DAAAgD8AAIA/AACAPwAAgD8iCyAG/QACACAI/ecBIgwgDP0MAACAAAAAgAAAAIAAAACAACIN/UP9Uv0LAgAgBUEQaiALIAZBEGr9AAIAIAj95wEiDCAMIA39Q/1S/QsCACAFQSBqIQUgBkEgaiEGIAlBCGohCSAKQX5qIgoNAAsLAkAgB0UNACADIAlBAnQiBWr9DAAAgD8AAIA/AACAPwAAgD8gACAFav0AAgAgCP3nASIIIAj9DAAAgAAAAIAAAACAAAAAgAD9Q/1S/QsCAAsgBCABRg0BCyAEQX9zIQUCQCABQQFxRQ0AIAMgBEECdCIGakMAAIA/IAAgBmoqAgAgApUiDiAOQwAAgABdGzgCACAEQQFyIQQLIAVBACABa0YNACABIARrIQkgACAEQQJ0IgZqIQUgAyAGaiEGA0AgBkMAAIA/IAUqAgAgApUiDiAOQwAAgABdGzgCACAGQQRqQwAAgD8gBUEEaioCACAClSIOIA5DAACAAF0bOAIAIAVBCGohBSAGQQhqIQYgCUF+aiIJDQALCwuzFBMDfwF7A38BewR/AXsEfwF9AXsDfwF9AX8BfQF/AXscfwd9AnsCfyOAgICAAEEQayEGIAJBcHEhBwJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkAgAkEPcSIIDQD9DAAAgD8AAAAAAAAAAAAAAAAhCQwBC0EBIQogBCAHQQJ0Igtq/QkCACEJIAhBAUcNAQsgCUMAAIA//SABIQlBACEKDAELIAkgBCALQQRyaioCAP0gASEJIAhBAksNAQsgCUMAAIA//SACIQlBACEMDAELIAkgBCAHQQJ0IgtBCHJqKgIA/SACIQlBASEKIAhBA0cNAUEBIQwLIAlDAACAP/0gAyENQQAhDv0MAACAPwAAAAAAAAAAAAAAACEJQQAhDwwBCyAJIAQgC0EMcmoqAgD9IAMhDQJAIAhBBU8NAEEAIQ9BASEO/QwAAIA/AAAAAAAAAAAAAAAAIQlBASEKQQEhDAwBCyAEIAdBAnQiC0EQcmr9CQIAIQlBASEOIAhBBUcNAUEBIQpBASEMQQEhDwsgCUMAAIA//SABIQlBACEQDAELIAkgBCALQRRyaioCAP0gASEJQQEhDyAIQQZLDQFBASEMQQEhCkEBIQ5BASEQCyAJQwAAgD/9IAIhCUEAIREMAQsgCSAEIAdBAnQiC0EYcmoqAgD9IAIhCUEBIRAgCEEHRw0BQQEhDkEBIQpBASEMQQEhD0EBIRELIAlDAACAP/0gAyESQQAhE/0MAACAPwAAAAAAAAAAAAAAACEJQQAhFAwBCyAJIAQgC0EccmoqAgD9IAMhEgJAIAhBCU8NAEEAIRRBASET/QwAAIA/AAAAAAAAAAAAAAAAIQlBASEQQQEhDkEBIQpBASEMQQEhD0EBIREMAQsgBCAHQQJ0IgtBIHJq/QkCACEJQQEhEyAIQQlHDQFBASEQQQEhDkEBIQpBASEMQQEhD0EBIRFBASEUCyAJQwAAgD/9IAEhCUEAIRUMAQsgCSAEIAtBJHJqKgIA/SABIQlBASEUIAhBCksNAUEBIRFBASEPQQEhDEEBIQpBASEOQQEhEEEBIRNBASEVCyAJQwAAgD/9IAIhCUEAIRYMAQsgCSAEIAdBAnQiC0EocmoqAgD9IAIhCUEBIRUgCEELRw0BQQEhE0EBIRBBASEOQQEhCkEBIQxBASEPQQEhEUEBIRRBASEWC0MAAIA/IRcgCUMAAIA//SADIRhBACEZQQAhGkEAIRtDAACAPyEcQQAhHUMAAIA/IR4MAQsgCSAEIAtBLHJqKgIA/SADIRhBASEWQwAAgD8hHkEAIRkCQCAIQQ1PDQBDAACAPyEXQQAhGkEBIRRBASERQQEhD0EBIQxBASEKQQEhDkEBIRBBASETQQEhFUEBIRtDAACAPyEcQQAhHQwBCyAEIAdBAnQiC0EwcmoqAgAhHEEBIRoCQCAIQQ1HDQBDAACAPyEXQQEhFkEBIRRBASERQQEhD0EBIQxBASEKQQEhDkEBIRBBASETQQEhFUEBIRtBACEdDAELIAQgC0E0cmoqAgAhF0EBIRoCQCAIQQ9HDQAgBCAHQQJ0QThyaioCACEeQQEhGUEBIRoLQQEhFkEBIRRBASERQQEhD0EBIQxBASEKQQEhDkEBIRBBASETQQEhFUEBIRtBASEdC0EAIR8CQCABQQBMDQD9DAAAAAAAAAAAAAAAAAAAgD8gHP0gACAX/SABIB79IAIhICACQQJ0ISEgBSADIAJsIgtqISIgCEF/aiIjQXBxIiRBAXIhJSAFIAsgB2pqIiZBwQBqIScgCEFvakEEdkEBaiILQfz///8BcSEoIAtBA3EhKSAGQcEAaiEqIAdBAXJBAnQhKyAHQQJyQQJ0ISwgB0EDckECdCEtIAdBBHJBAnQhLiAHQQVyQQJ0IS8gB0EGckECdCEwIAdBB3JBAnQhMSAHQQhyQQJ0ITIgB0EJckECdCEzIAdBCnJBAnQhNCAHQQtyQQJ0ITUgB0EMckECdCE2IAdBDXJBAnQhNyAHQQ5yQQJ0ITggACE5A0ACQCAHQQFIDQBBACELQQAhOgNAICIgOmogOSALaiI7/QAAACAEIAtqIjz9AAAA/ecB/Wr9+AEgO0EQav0AAAAgPEEQav0AAAD95wH9av34Af2FASA7QSBq/QAAACA8QSBq/QAAAP3nAf1q/fgBIDtBMGr9AAAAIDxBMGr9AAAA/ecB/Wr9+AH9hQH9Zf0LAAAgC0HAAGohCyA6QRBqIjogB0gNAAsLAkAgCEUNACAAIB8gAmxBAnRqIQtDAAAAACEeQwAAAAAhHAJAIApFDQAgCyAraioCACEcCwJAIAxFDQAgCyAsaioCACEeC0MAAAAAIRdDAAAAACE9AkAgDkUNACALIC1qKgIAIT0LAkAgD0UNACALIC5qKgIAIRcLQwAAAAAhPkMAAAAAIT8CQCAQRQ0AIAsgL2oqAgAhPwsCQCARRQ0AIAsgMGoqAgAhPgtDAAAAACFAQwAAAAAhQQJAIBNFDQAgCyAxaioCACFBCwJAIBRFDQAgCyAyaioCACFACyAHQQJ0ITtDAAAAACFCQwAAAAAhQwJAIBVFDQAgCyAzaioCACFDCyALIDtqITsCQCAWRQ0AIAsgNGoqAgAhQgsgO/0JAgAhCSAX/RMhRCBA/RMhRUMAAAAAIRdDAAAAACFAAkAgG0UNACALIDVqKgIAIUALIB8gA2ohOyAJIBz9IAEhCSBEID/9IAEhRCBFIEP9IAEhRQJAIBpFDQAgCyA2aioCACEXCyA7IAJsITsgCSAe/SACIQkgRCA+/SACIUQgRSBC/SACIUVDAAAAACEeQwAAAAAhHAJAIB1FDQAgCyA3aioCACEcCyAFIDtqITsgCSA9/SADIQkgRCBB/SADIUQgRSBA/SADIUUCQCAZRQ0AIAsgOGoqAgAhHgsgOyAHaiAJIA395wH9av34ASBEIBL95wH9av34Af2FASBFIBj95wH9av34Af0MAAAAAAAAAAAAAAAAAAAAACAX/SAAIBz9IAEgHv0gAiAg/ecB/Wr9+AH9hQH9ZSIJ/VgAAAAgBiAJ/QsEACAIQQFGDQBBASELAkAgI0EQSQ0AQQAhCyAqITogJyFGICghRwNAICYgC2oiO0EBaiAGIAtqIjxBAWr9AAAA/QsAACA7QRFqIDxBEWr9AAAA/QsAACA7QSFqIDxBIWr9AAAA/QsAACA7QTFqIDxBMWr9AAAA/QsAACA6IjtBwABqITogRiI8QcAAaiFGIAtBwABqIQsgR0F8aiJHDQALAkAgKUUNACApIQsDQCA8IDv9AAAA/QsAACA7QRBqITsgPEEQaiE8IAtBf2oiCw0ACwsgJSELICMgJEYNAQsDQCAmIAtqIAYgC2otAAA6AAAgCCALQQFqIgtHDQALCyAnIAJqIScgJiACaiEmICIgAmohIiA5ICFqITkgH0EBaiIfIAFHDQALCwtWAQJ/IAIgA2pBf2ogA20hCQJAIAFBAUgNACACQQJ0IQoDQCAAIAIgAyAEIAlBACAFIAYgByAIEIWAgIAAIAAgCmohACAFQQFqIQUgAUF/aiIBDQALCwvDAwIIfwJ9I4CAgIAAQYAIayIKJICAgIAAQQAhCwJAIAEgAm0iDEEESA0AIAJBBHQhDUEAIQ4gACEPA0AgD0EEIAIgAyAEIAUgDmogBiAHIAggCRCGgICAACAPIA1qIQ8gDkEIaiEQIA5BBGoiCyEOIBAgDEwNAAsLAkAgDCALTA0AIAAgCyACbEECdGogDCALayACIAMgBCALIAVqIAYgByAIIAkQhoCAgAALAkAgASAMIAJsIg5rIhBBAUgNAAJAIAJBAUgNACAAIA5BAnRqIREgAkEBcSEAQQAhDgJAIAJBAUYNACACQX5xIQFBACELIAohDiARIQ8DQEMAAAAAIRJDAAAAACETAkAgCyINIBBODQAgDyoCACETCyAOIBM4AgACQCANQQFqIgsgEE4NACAPQQRqKgIAIRILIA5BBGogEjgCACAOQQhqIQ4gD0EIaiEPIAtBAWoiCyABRw0ACyANQQJqIQ4LIABFDQBDAAAAACESAkAgDiAQTg0AIBEgDkECdGoqAgAhEgsgCiAOQQJ0aiASOAIACyAKQQEgAiADIAQgDCAFaiAGIAcgCCAJEIaAgIAACyAKQYAIaiSAgICAAAvPFAYBfwF7CH8EewF/AnsjgICAgABBwAFrIgokgICAgAAgCv0MAAAAAAAAAAAAAAAAAAAAACIL/QsEsAEgCiAL/QsEoAEgCiAL/QsEkAEgCiAL/QsEgAEgCiAL/QsEcCAKIAv9CwRgIAogC/0LBFAgCiAL/QsEQAJAIAFBAUgNAAJAIAJBAUgNACACQQJ0IQwgAkF/aiINQQN2QQFqIg5B/v///wNxIQ8gDkEBcSEQQQAhESANQQhJIRIgACETA0ACQAJAIBJFDQD9DAAAAAAAAAAAAAAAAAAAAAAiFCEVIBQhFiAUIRdBACEODAELQQAhDiAPIRggEyEN/QwAAAAAAAAAAAAAAAAAAAAAIhQhFSAUIRYgFCEXA0AgFiAN/QAAACIZ/esBIA1BIGr9AAAAIhr96wEhFiAUIBn96gEgGv3qASEUIBcgDUEQav0AAAAiGf3rASANQTBq/QAAACIa/esBIRcgFSAZ/eoBIBr96gEhFSANQcAAaiENIA5BEGohDiAYQX5qIhgNAAsLAkAgEEUNACAXIAAgESACbEECdGogDkECdGoiDf0AABAiGf3rASEXIBUgGf3qASEVIBYgDf0AAAAiGf3rASEWIBQgGf3qASEUCyAKQcAAaiARQQR0Ig1qIBYgF/3rAf0LBAAgCkGAAWogDWogFCAV/eoB/QsEACATIAxqIRMgEUEBaiIRIAFHDQAMAgsLIAFBA3EhEf0MAAAAAAAAAAAAAAAAAAAAACIVIBX96wEhFCAVIBX96gEhFUEAIRMCQCABQX9qQQNJDQAgAUF8cSEMQQAhDUEAIRMDQCAKQcAAaiANaiIOIBT9CwQAIApBgAFqIA1qIhggFf0LBAAgGEEQaiAV/QsEACAOQRBqIBT9CwQAIBhBIGogFf0LBAAgDkEgaiAU/QsEACAYQTBqIBX9CwQAIA5BMGogFP0LBAAgDUHAAGohDSAMIBNBBGoiE0cNAAsLIBFFDQAgCkGAAWogE0EEdCIOaiENIApBwABqIA5qIQ4DQCAOIBT9CwQAIA0gFf0LBAAgDUEQaiENIA5BEGohDiARQX9qIhENAAsLIAr9AARAIhQgCv0ABFAiFf0NAAECAwQFBgcQERITFBUWFyAUIBX9DQgJCgsMDQ4PGBkaGxwdHh/96wEiFCAK/QAEYCIVIAr9AARwIhb9DQABAgMEBQYHEBESExQVFhcgFSAW/Q0ICQoLDA0ODxgZGhscHR4f/esBIhX9DQABAgMICQoLEBESExgZGhsgFCAV/Q0EBQYHDA0ODxQVFhccHR4f/esBIRQgCv0ABIABIhUgCv0ABJABIhb9DQABAgMEBQYHEBESExQVFhcgFSAW/Q0ICQoLDA0ODxgZGhscHR4f/eoBIhUgCv0ABKABIhYgCv0ABLABIhf9DQABAgMEBQYHEBESExQVFhcgFiAX/Q0ICQoLDA0ODxgZGhscHR4f/eoBIhb9DQABAgMICQoLEBESExgZGhsgFSAW/Q0EBQYHDA0ODxQVFhccHR4f/eoBIRUCQAJAIANFDQAgFCAVIBT94AEgFf3gAf1E/VL9DAAAAL4AAAC+AAAAvgAAAL795gEhFP0MAAAAQQAAAEEAAABBAAAAQSEVDAEL/QwAAHBBAABwQQAAcEEAAHBB/QwAAAAAAAAAAAAAAAAAAAAAIhYgFSAUIBX95QH9DAAAcEEAAHBBAABwQQAAcEEiF/3nASIU/ecB/eUBIBYgFCAW/UL9UiIV/WgiGf0MAACAPwAAgD8AAIA/AACAPyAWIBUgGf3lAf0MAAAAPwAAAD8AAAA/AAAAP/1G/VL95AEgFSAX/UT9UiEVCyAKIBT9CwQwIAr9DAAAgD8AAIA/AACAPwAAgD8gFP3nASALIBT9DAAAAAAAAAAAAAAAAAAAAAD9Qv1S/QsEICAKIBX9CwQQIAogFf34Af0LBAACQCABQQFIDQAgBiAEbCEQIARBAWpBAXUgBmwhDwJAIAJBAUgNACACQQJ0IRIgAEHwAGohEyAHIAJBAXUiACAFIBBqbGohDEEAIREDQCAIIBEgBWoiDiAQakECdGogCkEwaiARQQJ0Ig1qKgIAOAIAAkAgAw0AIAkgDkEBdSAPamoiGCAYLQAAIAogDWooAgAgDkECdEEEcXRyOgAACyAKQRBqIA1q/QkCACEUIApBIGogDWr9CQIAIRVBACEYIBMhDSAMIQ4DQCAOIBQgFSANQZB/av0AAAD95gH95AEiFv1oIhf9+AEgFiAX/eUB/QwAAAA/AAAAPwAAAD8AAAA/Ihb9Rv2xASAUIBUgDUGgf2r9AAAA/eYB/eQBIhf9aCIZ/fgBIBcgGf3lASAW/Ub9sQH9hQEgFCAVIA1BsH9q/QAAAP3mAf3kASIX/WgiGf34ASAXIBn95QEgFv1G/bEBIBQgFSANQUBq/QAAAP3mAf3kASIX/WgiGf34ASAXIBn95QEgFv1G/bEB/YUB/Wb9DA8PDw8PDw8PDw8PDw8PDw8iF/13IhkgGUEE/Y0B/VAgFCAVIA1BUGr9AAAA/eYB/eQBIhn9aCIa/fgBIBkgGv3lASAW/Ub9sQEgFCAVIA1BYGr9AAAA/eYB/eQBIhn9aCIa/fgBIBkgGv3lASAW/Ub9sQH9hQEgFCAVIA1BcGr9AAAA/eYB/eQBIhn9aCIa/fgBIBkgGv3lASAW/Ub9sQEgFCAVIA39AAAA/eYB/eQBIhn9aCIa/fgBIBkgGv3lASAW/Ub9sQH9hQH9ZiAX/XciFiAWQQT9jQH9UP0NAAIEBggKDA4QEhQWGBocHv0LAAAgDUGAAWohDSAOQRBqIQ4gGEEgaiIYIAJIDQALIBMgEmohEyAMIABqIQwgEUEBaiIRIAFHDQAMAgsLAkAgAw0AIAVBAnQhDSAIIBBBAnRqIREgCiEOIApBMGohGANAIBEgDWogGCoCADgCACAJIAVBAXUgD2pqIgIgAi0AACAOKAIAIA1BBHF0cjoAACANQQRqIQ0gBUEBaiEFIBhBBGohGCAOQQRqIQ4gAUF/aiIBDQAMAgsLQQAhEwJAIAFBBEkNACABQXxxIhNBfGoiDUECdkEBaiIOQQNxIRhBACECAkAgDUEMSQ0AIA5B/P///wdxIREgCCAFIBBqQQJ0aiENQQAhAiAKQTBqIQ4DQCANIA79AAQA/QsCACANQRBqIA5BEGr9AAQA/QsCACANQSBqIA5BIGr9AAQA/QsCACANQTBqIA5BMGr9AAQA/QsCACANQcAAaiENIA5BwABqIQ4gAkEQaiECIBFBfGoiEQ0ACwsCQCAYRQ0AIAggAiAFaiAQakECdGohDSAKQTBqIAJBAnRqIQ4DQCANIA79AAQA/QsCACANQRBqIQ0gDkEQaiEOIBhBf2oiGA0ACwsgEyABRg0BCyABIBNrIRggCCATIAVqIBBqQQJ0aiENIApBMGogE0ECdGohDgNAIA0gDioCADgCACANQQRqIQ0gDkEEaiEOIBhBf2oiGA0ACwsgCkHAAWokgICAgAALrRcEHX8GewN/An0jgICAgABBgAhrIgskgICAgAAgAyAFbSEMIAQgBWpBf2ogBW0hDUEAIQ4CQCACQQRIDQAgCiABQQxsIg9qIhAgASAFbSIRIAVsIgNBAnQiBGohEiAKIAFBA3QiE2oiFCAEaiEVIAogAUECdCIWaiIXIARqIRggBUEEdCEZIAJBAnQhGiACQQxsIRsgAkEDdCEcIAJBBHQhHSAFQX5xIR4gBUEBcSEfIAVBf2ohICARIAxqISEgASADayEiIAogBGohI0EAISQgACElQQQhBANAIAQhDkEAISYCQCABQQRIDQBBACEnIAohBCAlIQMDQCAEIAP9AAAAIiggAyAaav0AAAAiKf0NAAECAxAREhMEBQYHFBUWFyIqIAMgHGr9AAAAIisgAyAbav0AAAAiLP0NAAECAxAREhMEBQYHFBUWFyIt/Q0AAQIDBAUGBxAREhMUFRYX/QsAACAEIBZqICogLf0NCAkKCwwNDg8YGRobHB0eH/0LAAAgBCATaiAoICn9DQgJCgsYGRobDA0ODxwdHh8iKCArICz9DQgJCgsYGRobDA0ODxwdHh8iKf0NAAECAwQFBgcQERITFBUWF/0LAAAgBCAPaiAoICn9DQgJCgsMDQ4PGBkaGxwdHh/9CwAAIARBEGohBCADIB1qIQMgJ0EIaiEuICdBBGoiJiEnIC4gAUwNAAsLAkAgJiABTg0AIAEgJmshLiAKICZBAnRqIQMgCiABICZqQQJ0aiEnIAAgJCACICZsakECdGohBANAIAMgBCoCADgCACAnIARBBGoqAgA4AgAgAyATaiAEQQhqKgIAOAIAIAMgD2ogBEEMaioCADgCACAEIBpqIQQgJ0EEaiEnIANBBGohAyAuQX9qIi4NAAsLQQAhLgJAIBFBBEgiLw0AQQAhBCAKIQMDQCADQQQgBSAGIA0gDCAEaiAkIAcgCCAJEIaAgIAAIAMgGWohAyAEQQhqIScgBEEEaiIuIQQgJyARTA0ACwsCQCARIC5MDQAgCiAuIAVsQQJ0aiARIC5rIAUgBiANIC4gDGogJCAHIAggCRCGgICAAAsCQCAiQQFIIjANAAJAIAVBAUgNAAJAAkAgIA0AQQAhBAwBC0EAIScgCyEEICMhAwNAQwAAAAAhMUMAAAAAITICQCAnIi4gIk4NACADKgIAITILIAQgMjgCAAJAIC5BAWoiJyAiTg0AIANBBGoqAgAhMQsgBEEEaiAxOAIAIARBCGohBCADQQhqIQMgJ0EBaiInIB5HDQALIC5BAmohBAsgH0UNAEMAAAAAITECQCAEICJODQAgIyAEQQJ0aioCACExCyALIARBAnRqIDE4AgALIAtBASAFIAYgDSAhICQgByAIIAkQhoCAgAALICRBAXIhJkEAIS4CQCAvDQBBACEEIBchAwNAIANBBCAFIAYgDSAMIARqICYgByAIIAkQhoCAgAAgAyAZaiEDIARBCGohJyAEQQRqIi4hBCAnIBFMDQALCwJAIBEgLkwNACAXIC4gBWxBAnRqIBEgLmsgBSAGIA0gLiAMaiAmIAcgCCAJEIaAgIAACwJAIDANAAJAIAVBAUgNAAJAAkAgIA0AQQAhBAwBC0EAIScgCyEEIBghAwNAQwAAAAAhMUMAAAAAITICQCAnIi4gIk4NACADKgIAITILIAQgMjgCAAJAIC5BAWoiJyAiTg0AIANBBGoqAgAhMQsgBEEEaiAxOAIAIARBCGohBCADQQhqIQMgJ0EBaiInIB5HDQALIC5BAmohBAsgH0UNAEMAAAAAITECQCAEICJODQAgGCAEQQJ0aioCACExCyALIARBAnRqIDE4AgALIAtBASAFIAYgDSAhICYgByAIIAkQhoCAgAALICRBAnIhJkEAIS4CQCAvDQBBACEEIBQhAwNAIANBBCAFIAYgDSAMIARqICYgByAIIAkQhoCAgAAgAyAZaiEDIARBCGohJyAEQQRqIi4hBCAnIBFMDQALCwJAIBEgLkwNACAUIC4gBWxBAnRqIBEgLmsgBSAGIA0gLiAMaiAmIAcgCCAJEIaAgIAACwJAIDANAAJAIAVBAUgNAAJAAkAgIA0AQQAhBAwBC0EAIScgCyEEIBUhAwNAQwAAAAAhMUMAAAAAITICQCAnIi4gIk4NACADKgIAITILIAQgMjgCAAJAIC5BAWoiJyAiTg0AIANBBGoqAgAhMQsgBEEEaiAxOAIAIARBCGohBCADQQhqIQMgJ0EBaiInIB5HDQALIC5BAmohBAsgH0UNAEMAAAAAITECQCAEICJODQAgFSAEQQJ0aioCACExCyALIARBAnRqIDE4AgALIAtBASAFIAYgDSAhICYgByAIIAkQhoCAgAALICRBA3IhJkEAIS4CQCAvDQBBACEEIBAhAwNAIANBBCAFIAYgDSAMIARqICYgByAIIAkQhoCAgAAgAyAZaiEDIARBCGohJyAEQQRqIi4hBCAnIBFMDQALCwJAIBEgLkwNACAQIC4gBWxBAnRqIBEgLmsgBSAGIA0gLiAMaiAmIAcgCCAJEIaAgIAACwJAIDANAAJAIAVBAUgNAAJAAkAgIA0AQQAhBAwBC0EAIScgCyEEIBIhAwNAQwAAAAAhMUMAAAAAITICQCAnIi4gIk4NACADKgIAITILIAQgMjgCAAJAIC5BAWoiJyAiTg0AIANBBGoqAgAhMQsgBEEEaiAxOAIAIARBCGohBCADQQhqIQMgJ0EBaiInIB5HDQALIC5BAmohBAsgH0UNAEMAAAAAITECQCAEICJODQAgEiAEQQJ0aioCACExCyALIARBAnRqIDE4AgALIAtBASAFIAYgDSAhICYgByAIIAkQhoCAgAALICRBBGohJCAlQRBqISUgDkEEaiIEIAJMDQALCwJAIA4gAk4NAEEAISYCQCABQQBKDQADQCAKIAEgBSAGIA0gDCAOIAcgCCAJEIWAgIAAIAIgDkEBaiIORw0ADAILCyABQQNLIAJBAUZxIR0gCkEMaiElIAJBAnQhJyACQTBsIRogAkEEdCEZIApBIGohECACQQZ0IR4gAkEFdCEkIAFBA3EhHCABQXxxITAgDiABaiEvIAAgDkECdCIWaiEbIAogAUECdGohHyABQXxqIiBBAnZBAWoiBEH8////B3EhFCAEQQNxISEDQEEAIRECQAJAIB1FDQACQCAAIC8gJmpBAnRqIApNDQAgACAOQQJ0aiAfSQ0BC0EAIRECQCAgQQxJDQBBACERIBQhIiAQIQQgGyEDA0AgBEFgaiAD/QACAP0LAgAgBEFwaiADIBlq/QACAP0LAgAgBCADICRq/QACAP0LAgAgBEEQaiADIBpq/QACAP0LAgAgBEHAAGohBCADIB5qIQMgEUEQaiERICJBfGoiIg0ACwsCQCAhRQ0AIAogEUECdGohBCAAIA4gAiARbGpBAnRqIQMgISERA0AgBCAD/QACAP0LAgAgAyAZaiEDIARBEGohBCARQX9qIhENAAsLIDAhESAwIAFGDQELIBFBf3MgAWohLgJAIBxFDQAgCiARQQJ0aiEEIAAgDiACIBFsakECdGohAyAcISIDQCAEIAMqAgA4AgAgAyAnaiEDIARBBGohBCARQQFqIREgIkF/aiIiDQALCyAuQQNJDQAgASARayEiICUgEUECdGohBCAAIAIgEWxBAnRqIS4gACACIBFBAWpsQQJ0aiEPIAAgAiARQQJqbEECdGohEyAAIAIgEUEDamxBAnRqIREgFiEDA0AgBEF0aiAuIANqKgIAOAIAIARBeGogDyADaioCADgCACAEQXxqIBMgA2oqAgA4AgAgBCARIANqKgIAOAIAIAMgGWohAyAEQRBqIQQgIkF8aiIiDQALCyAKIAEgBSAGIA0gDCAOIAcgCCAJEIWAgIAAIBZBBGohFiAbQQRqIRsgJkEBaiEmIA5BAWoiDiACRw0ACwsgC0GACGokgICAgAAL";

// src/quantize/onnx-wasm.ts
var KERNEL_NAMES = [
  "int8_rows",
  "absmax_cols",
  "int8_scales",
  "int8_cols",
  "int4_rows",
  "int4_cols"
];
var PAGE = 65536;
var WASM_MEMORY_LIMIT = 2 ** 31 - PAGE;
var compiled2;
function compile() {
  if (compiled2 !== void 0) return compiled2;
  compiled2 = null;
  const api = globalThis.WebAssembly;
  if (!api) return null;
  try {
    compiled2 = { api, module: new api.Module(Buffer.from(ONNX_WASM_BASE64, "base64")) };
  } catch {
  }
  return compiled2;
}
var OnnxWasm = class _OnnxWasm {
  constructor(memory, base, kernels) {
    this.memory = memory;
    this.base = base;
    this.kernels = kernels;
  }
  memory;
  base;
  kernels;
  /**
   * A new instance, or null where WebAssembly or its SIMD instructions are missing (`--jitless`,
   * an old engine): the passes then run the portable kernels, which give the same bytes.
   */
  static create() {
    const wasm = compile();
    if (!wasm) return null;
    const { exports } = new wasm.api.Instance(wasm.module, {});
    const { memory, __heap_base: heap } = exports;
    if (!(memory instanceof wasm.api.Memory) || !(heap instanceof wasm.api.Global)) return null;
    const kernels = {};
    for (const name of KERNEL_NAMES) {
      const fn = exports[name];
      if (typeof fn !== "function") return null;
      kernels[name] = fn;
    }
    return new _OnnxWasm(memory, Number(heap.value) + 15 & ~15, kernels);
  }
  /** Makes [0, end) addressable; false when that is over `WASM_MEMORY_LIMIT`. */
  reserve(end) {
    if (end > WASM_MEMORY_LIMIT) return false;
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / PAGE));
    return true;
  }
  /** The module's memory as bytes (a new view: growing the memory detaches older ones). */
  bytes() {
    return new Uint8Array(this.memory.buffer);
  }
  /** INT8, one scale per row (see wasm/onnx-int8.c `int8_rows`). */
  int8Rows(src, rows, cols, qmax, r0, total, transpose, q, scales) {
    this.kernels.int8_rows(src, rows, cols, qmax, r0, total, transpose ? 1 : 0, q, scales);
  }
  /** Running per-column absolute maximum (see `absmax_cols`). */
  absmaxCols(src, rows, cols, acc) {
    this.kernels.absmax_cols(src, rows, cols, acc);
  }
  /** Per-column INT8 scales from the absolute maxima (see `int8_scales`). */
  int8Scales(acc, n, qmax, scales) {
    this.kernels.int8_scales(acc, n, qmax, scales);
  }
  /** INT8, one scale per column (see `int8_cols`). */
  int8Cols(src, rows, cols, r0, scales, q) {
    this.kernels.int8_cols(src, rows, cols, r0, scales, q);
  }
  /** MatMulNBits from rows of W stored [N, K] (see `int4_rows`). */
  int4Rows(src, rows, k, block, symmetric, n0, b, scales, zps) {
    this.kernels.int4_rows(src, rows, k, block, symmetric ? 1 : 0, n0, b, scales, zps);
  }
  /** MatMulNBits from rows of W stored [K, N] (see `int4_cols`). */
  int4Cols(src, rows, n, k0, k, block, symmetric, b, scales, zps, tmp) {
    this.kernels.int4_cols(src, rows, n, k0, k, block, symmetric ? 1 : 0, b, scales, zps, tmp);
  }
};

// src/quantize/onnx-row-source.ts
async function openRows(tensor2, dir, where, rows, rowBytes) {
  const { bytes } = tensorSize(tensor2, where);
  if (bytes !== rows * rowBytes) {
    throw malformed(where, `holds ${bytes} bytes, not ${rows} rows of ${rowBytes}`);
  }
  const disk = await tensorOnDisk(tensor2, dir, bytes, where);
  if (disk) {
    const file = await RandomAccessFile.open(disk.file, where);
    return {
      rows,
      rowBytes,
      read: (row2, count2, into) => file.readInto(into, 0, count2 * rowBytes, disk.offset + row2 * rowBytes, "tensor data"),
      close: () => file.close()
    };
  }
  const data = await tensorBytes2(tensor2, dir, where);
  return {
    rows,
    rowBytes,
    read: (row2, count2, into) => {
      into.set(data.subarray(row2 * rowBytes, (row2 + count2) * rowBytes));
      return Promise.resolve();
    },
    close: () => Promise.resolve()
  };
}
async function forEachRowChunk(source, chunkRows, buffer, use) {
  const start = (row2, slot) => {
    const count2 = Math.min(chunkRows, source.rows - row2);
    return source.read(row2, count2, buffer(slot, count2 * source.rowBytes));
  };
  let pending = source.rows > 0 ? start(0, 0) : Promise.resolve();
  try {
    for (let row2 = 0, slot = 0; row2 < source.rows; row2 += chunkRows, slot ^= 1) {
      await pending;
      const next = row2 + chunkRows;
      if (next < source.rows) {
        pending = start(next, slot ^ 1);
        pending.catch(() => void 0);
      }
      await use(slot, row2, Math.min(chunkRows, source.rows - row2));
    }
  } finally {
    await pending.catch(() => void 0);
  }
}

// src/quantize/onnx-wasm-weights.ts
var CHUNK_BYTES2 = 1 << 20;
var WRITES_IN_FLIGHT = 2;
var Layout = class {
  constructor(wasm) {
    this.wasm = wasm;
    this.end = wasm.base;
  }
  wasm;
  end;
  take(bytes) {
    const at = this.end;
    this.end = at + Math.ceil(bytes / 16) * 16;
    return at;
  }
  /** Makes every region addressable; false when they do not fit. */
  commit() {
    return this.wasm.reserve(this.end);
  }
};
var OutputWrites = class {
  constructor(wasm, sink) {
    this.wasm = wasm;
    this.sink = sink;
  }
  wasm;
  sink;
  inflight = [];
  /** Writes `length` bytes of the module's memory at `at` to `offset` of the output. */
  async push(at, length, offset) {
    const write2 = this.sink(this.wasm.bytes().subarray(at, at + length), offset);
    write2.catch(() => void 0);
    this.inflight.push(write2);
    if (this.inflight.length > WRITES_IN_FLIGHT) await this.inflight.shift();
  }
  async drain() {
    const all2 = this.inflight.splice(0);
    const settled = await Promise.allSettled(all2);
    for (const s of settled) if (s.status === "rejected") throw s.reason;
  }
};
async function streamRows(wasm, input, shape, slots, use) {
  const { rows, rowBytes, chunkRows } = shape;
  const source = await openRows(input.tensor, input.dir, input.where, rows, rowBytes);
  const at = (slot) => slot === 0 ? slots[0] : slots[1];
  try {
    await forEachRowChunk(
      source,
      chunkRows,
      (slot, bytes) => wasm.bytes().subarray(at(slot), at(slot) + bytes),
      (slot, row2, count2) => use(at(slot), row2, count2)
    );
  } finally {
    await source.close();
  }
}
async function withWrites(wasm, sink, work) {
  const writes = new OutputWrites(wasm, sink);
  try {
    await work(writes);
  } finally {
    await writes.drain();
  }
}
async function int8WeightsWasm(wasm, input, shape, options2, sink) {
  const { rows, cols, axis } = shape;
  const { qmax, transpose } = options2;
  if (axis === 1 && transpose) return void 0;
  const rowBytes = cols * 4;
  const chunkRows = Math.max(1, Math.min(rows, Math.floor(CHUNK_BYTES2 / Math.max(rowBytes, 1))));
  const layout = new Layout(wasm);
  const slots = [layout.take(chunkRows * rowBytes), layout.take(chunkRows * rowBytes)];
  const q = layout.take(rows * cols);
  const channels = axis === 0 ? rows : cols;
  const scales = layout.take(channels * 4);
  const acc = axis === 1 ? layout.take(cols * 4) : 0;
  if (!layout.commit()) return void 0;
  const stream = { rows, rowBytes, chunkRows };
  await withWrites(wasm, sink, async (writes) => {
    if (axis === 0) {
      await streamRows(wasm, input, stream, slots, async (at, row2, count2) => {
        wasm.int8Rows(at, count2, cols, qmax, row2, rows, transpose, q, scales);
        if (!transpose) await writes.push(q + row2 * cols, count2 * cols, row2 * cols);
      });
      if (transpose) await writes.push(q, rows * cols, 0);
      return;
    }
    wasm.bytes().fill(0, acc, acc + cols * 4);
    await streamRows(wasm, input, stream, slots, (at, _row, count2) => {
      wasm.absmaxCols(at, count2, cols, acc);
    });
    wasm.int8Scales(acc, cols, qmax, scales);
    await streamRows(wasm, input, stream, slots, async (at, row2, count2) => {
      wasm.int8Cols(at, count2, cols, row2, scales, q);
      await writes.push(q + row2 * cols, count2 * cols, row2 * cols);
    });
  });
  return new Float32Array(wasm.bytes().buffer, scales, channels).slice();
}
async function int4WeightsWasm(wasm, input, shape, options2, sink) {
  const { k, n, transposed } = shape;
  const { blockSize, symmetric } = options2;
  if (blockSize % 32 !== 0 || blockSize > 256) return void 0;
  const kBlocks = Math.ceil(k / blockSize);
  const rowOut = kBlocks * (blockSize / 2);
  const [rows, cols] = transposed ? [n, k] : [k, n];
  const rowBytes = cols * 4;
  const fit = Math.max(1, Math.floor(CHUNK_BYTES2 / Math.max(rowBytes, 1)));
  const chunkRows = transposed ? Math.min(rows, fit) : blockSize * Math.max(1, Math.floor(fit / blockSize));
  const layout = new Layout(wasm);
  const slots = [layout.take(chunkRows * rowBytes), layout.take(chunkRows * rowBytes)];
  const zpBytes = symmetric ? 0 : n * Math.ceil(kBlocks / 2);
  const b = layout.take(n * rowOut);
  const scales = layout.take(n * kBlocks * 4);
  const zps = layout.take(zpBytes);
  const tmp = transposed ? 0 : layout.take(4 * chunkRows * 4);
  if (!layout.commit()) return void 0;
  wasm.bytes().fill(0, zps, zps + zpBytes);
  await withWrites(wasm, sink, async (writes) => {
    await streamRows(wasm, input, { rows, rowBytes, chunkRows }, slots, async (at, row2, count2) => {
      if (!transposed) {
        wasm.int4Cols(at, count2, n, row2, k, blockSize, symmetric, b, scales, zps, tmp);
        return;
      }
      wasm.int4Rows(at, count2, k, blockSize, symmetric, row2, b, scales, zps);
      await writes.push(b + row2 * rowOut, count2 * rowOut, row2 * rowOut);
    });
    if (!transposed) await writes.push(b, n * rowOut, 0);
  });
  const memory = wasm.bytes().buffer;
  return {
    scales: new Float32Array(memory, scales, n * kBlocks).slice(),
    ...symmetric ? {} : { zeroPoints: new Uint8Array(memory, zps, zpBytes).slice() }
  };
}

// src/quantize/onnx-weight-quantizer.ts
var bytesOf = (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
function scaled(scales, factor) {
  if (factor !== 1) scales.forEach((s, i) => scales[i] = Math.fround(s * factor));
  return scales;
}
var QuantizeJob = class {
  constructor(run3, onDone) {
    this.run = run3;
    this.onDone = onDone;
  }
  run;
  onDone;
  side;
  queue = Promise.resolve();
  finished = false;
  serial(work) {
    const next = this.queue.then(work);
    this.queue = next.catch(() => void 0);
    return next;
  }
  async execute(sink) {
    this.side = await this.run(sink);
    if (!this.finished) {
      this.finished = true;
      this.onDone?.();
    }
    return this.side;
  }
  values(length) {
    return {
      length,
      produce: async (sink) => {
        await this.serial(() => this.execute(sink));
      }
    };
  }
  output(length, pick) {
    return {
      length,
      produce: (sink) => this.serial(async () => {
        const side = this.side ?? await this.execute(() => Promise.resolve());
        await sink(pick(side), 0);
      })
    };
  }
};
var WeightQuantizer = class {
  constructor(dir, order, options2 = {}) {
    this.dir = dir;
    this.options = options2;
    this.wasm = options2.wasm === false ? null : OnnxWasm.create();
    this.reader = new FloatPrefetcher(dir, this.wasm ? [] : order);
  }
  dir;
  options;
  wasm;
  reader;
  input(tensor2) {
    const where = `initializer ${tensor2.name ?? ""}`;
    if (tensor2.dataType !== DataType.FLOAT) {
      throw unsupported(where, `expected a FLOAT tensor, found ${tensorDtype(tensor2, where).name}`);
    }
    return { tensor: tensor2, dir: this.dir, where };
  }
  pool() {
    return this.options.pool ? { pool: this.options.pool } : {};
  }
  /**
   * INT8 per channel of FLOAT `tensor` [rows, cols] (see `quantizeInt8PerChannel`), its scales
   * multiplied by `scaleFactor` (default 1). `onDone` is called once it has first run.
   */
  int8(tensor2, shape, options2, onDone) {
    const input = this.input(tensor2);
    const { rows, cols, axis } = shape;
    const channels = axis === 0 ? rows : cols;
    const factor = options2.scaleFactor ?? 1;
    const job = new QuantizeJob(async (sink) => {
      const done = this.wasm && await int8WeightsWasm(this.wasm, input, shape, options2, sink);
      if (done) return { scales: scaled(done, factor) };
      const values = await this.reader.floats(tensor2);
      const { q, scales } = await quantizeInt8PerChannel(values, rows, cols, axis, {
        ...options2,
        ...this.pool()
      });
      await sink(bytesOf(q), 0);
      return { scales: scaled(scales, factor) };
    }, onDone);
    return {
      values: job.values(rows * cols),
      scales: job.output(channels * 4, (side) => bytesOf(side.scales))
    };
  }
  /**
   * MatMulNBits weights of FLOAT `tensor` [K, N], or [N, K] when `transposed` (see
   * `quantizeInt4Blockwise`), scales multiplied by `scaleFactor` (default 1). `onDone` is
   * called once it has first run.
   */
  int4(tensor2, shape, options2, onDone) {
    const input = this.input(tensor2);
    const { k, n, transposed } = shape;
    const { blockSize, symmetric } = options2;
    const factor = options2.scaleFactor ?? 1;
    const kBlocks = Math.ceil(k / blockSize);
    const job = new QuantizeJob(async (sink) => {
      const done = this.wasm && await int4WeightsWasm(this.wasm, input, shape, options2, sink);
      if (done) return { ...done, scales: scaled(done.scales, factor) };
      const values = await this.reader.floats(tensor2);
      const q = await quantizeInt4Blockwise(values, k, n, {
        transposed,
        blockSize,
        symmetric,
        ...this.pool()
      });
      await sink(q.b, 0);
      return {
        scales: scaled(q.scales, factor),
        ...q.zeroPoints ? { zeroPoints: q.zeroPoints } : {}
      };
    }, onDone);
    const zpBytes = n * Math.ceil(kBlocks / 2);
    return {
      values: job.values(n * kBlocks * (blockSize / 2)),
      scales: job.output(n * kBlocks * 4, (side) => bytesOf(side.scales)),
      ...symmetric ? {} : {
        zeroPoints: job.output(zpBytes, (side) => side.zeroPoints ?? new Uint8Array(zpBytes))
      },
      kBlocks
    };
  }
};

// src/quantize/onnx-int4.ts
function int4MatMulNBits(editor, dir, sites, options2) {
  const blockSize = options2.blockSize ?? 32;
  const symmetric = options2.symmetric ?? false;
  editor.requireOpset("com.microsoft", 1);
  const rewrite = new NodeRewrite(editor);
  const quantizer = new WeightQuantizer(dir, uniqueWeights(sites), options2);
  const packed2 = /* @__PURE__ */ new Map();
  for (const site of sites) {
    const w = site.weightName;
    const key = `${w}\0${site.alpha}`;
    let weight = packed2.get(key);
    if (!weight) {
      const q = quantizer.int4(
        site.weight,
        { k: site.k, n: site.n, transposed: site.transposed },
        { blockSize, symmetric, scaleFactor: site.alpha },
        () => options2.onWeight?.(w)
      );
      weight = { b: editor.unique(`${w}_Q4`), scales: editor.unique(`${w}_scales`) };
      const dims = [site.n, q.kBlocks, blockSize / 2];
      editor.addInitializer(deferredTensor(weight.b, DataType.UINT8, dims, q.values));
      const scaleDims = [site.n * q.kBlocks];
      editor.addInitializer(deferredTensor(weight.scales, DataType.FLOAT, scaleDims, q.scales));
      if (q.zeroPoints) {
        weight.zeroPoints = editor.unique(`${w}_zero_points`);
        const zpDims = [q.zeroPoints.length];
        editor.addInitializer(
          deferredTensor(weight.zeroPoints, DataType.UINT8, zpDims, q.zeroPoints)
        );
      }
      packed2.set(key, weight);
    }
    const y = site.node.output?.[0] ?? "";
    const { product, tail } = rewrite.biasTail(site);
    const attributes = [
      intAttr("K", site.k),
      intAttr("N", site.n),
      intAttr("bits", 4),
      intAttr("block_size", blockSize)
    ];
    if (options2.accuracyLevel) attributes.push(intAttr("accuracy_level", options2.accuracyLevel));
    const inputs = [site.node.input?.[0] ?? "", weight.b, weight.scales];
    if (weight.zeroPoints) inputs.push(weight.zeroPoints);
    rewrite.replace(site.node, [
      node(
        "MatMulNBits",
        editor.unique(`${site.node.name || y}_Q4`),
        inputs,
        [product],
        attributes,
        "com.microsoft"
      ),
      ...tail
    ]);
  }
  rewrite.apply();
}

// src/quantize/onnx-int8-dynamic.ts
function int8Dynamic(editor, dir, sites, options2) {
  const opset = editor.opset("");
  if (opset < 11) {
    throw unsupported(
      "onnx-int8",
      `dynamic INT8 needs opset 11 or later (DynamicQuantizeLinear); the model imports opset ${opset}: re-export it with opset_version >= 11`
    );
  }
  const rewrite = new NodeRewrite(editor);
  const quantizer = new WeightQuantizer(dir, uniqueWeights(sites), options2);
  const weights = /* @__PURE__ */ new Map();
  const activations = /* @__PURE__ */ new Map();
  for (const site of sites) {
    const w = site.weightName;
    const key = `${w}\0${site.alpha}`;
    let weight = weights.get(key);
    if (!weight) {
      const [rows, cols] = site.transposed ? [site.n, site.k] : [site.k, site.n];
      const axis = site.transposed ? 0 : 1;
      const qmax = options2.reduceRange ? 64 : 127;
      const { values, scales: scales2 } = quantizer.int8(
        site.weight,
        { rows, cols, axis },
        { qmax, transpose: site.transposed, scaleFactor: site.alpha },
        () => options2.onWeight?.(w)
      );
      weight = {
        q: editor.unique(`${w}_quantized`),
        scale: editor.unique(`${w}_scale`),
        zp: editor.unique(`${w}_zero_point`)
      };
      editor.addInitializer(deferredTensor(weight.q, DataType.INT8, [site.k, site.n], values));
      editor.addInitializer(deferredTensor(weight.scale, DataType.FLOAT, [site.n], scales2));
      editor.addInitializer(tensor(weight.zp, DataType.INT8, [site.n], new Int8Array(site.n)));
      weights.set(key, weight);
    }
    const x = site.node.input?.[0] ?? "";
    let act = activations.get(x);
    if (!act) {
      act = {
        q: editor.unique(`${x}_quantized`),
        scale: editor.unique(`${x}_scale`),
        zp: editor.unique(`${x}_zero_point`)
      };
      const quantize = node(
        "DynamicQuantizeLinear",
        editor.unique(`${x}_QuantizeLinear`),
        [x],
        [act.q, act.scale, act.zp]
      );
      rewrite.insertBefore(site.node, [quantize]);
      activations.set(x, act);
    }
    const y = site.node.output?.[0] ?? "";
    const base = site.node.name || y;
    const { product, tail } = rewrite.biasTail(site);
    const integer = editor.unique(`${y}_output_quantized`);
    const cast = editor.unique(`${y}_output_quantized_cast_output`);
    const scales = editor.unique(`${base}_quant_scales_mul:0`);
    const nodes = [
      node(
        "MatMulInteger",
        editor.unique(`${base}_quant`),
        [act.q, weight.q, act.zp, weight.zp],
        [integer]
      ),
      node(
        "Cast",
        editor.unique(`${base}_quant_cast`),
        [integer],
        [cast],
        [{ name: "to", type: AttributeType.INT, i: DataType.FLOAT }]
      ),
      node("Mul", editor.unique(`${base}_quant_scales_mul`), [act.scale, weight.scale], [scales]),
      node("Mul", editor.unique(`${base}_quant_output_scale_mul`), [cast, scales], [product]),
      ...tail
    ];
    rewrite.replace(site.node, nodes);
  }
  rewrite.apply();
}

// src/quantize/onnx-int8-weight-only.ts
function int8WeightOnly(editor, dir, sites, options2) {
  const opset = editor.opset("");
  if (opset < 13) {
    throw unsupported(
      "onnx-int8",
      `weight-only INT8 needs opset 13 or later for per-channel DequantizeLinear; the model imports opset ${opset}: re-export it with opset_version >= 13, or use form "dynamic"`
    );
  }
  const rewrite = new NodeRewrite(editor);
  const quantizer = new WeightQuantizer(dir, uniqueWeights(sites), options2);
  const done = /* @__PURE__ */ new Map();
  for (const site of sites) {
    let dequantized = done.get(site.weightName);
    if (dequantized === void 0) {
      const w = site.weightName;
      const [rows, cols] = site.transposed ? [site.n, site.k] : [site.k, site.n];
      const axis = site.transposed ? 0 : 1;
      const channels = axis === 0 ? rows : cols;
      const { values, scales } = quantizer.int8(
        site.weight,
        { rows, cols, axis },
        { qmax: options2.reduceRange ? 64 : 127, transpose: false },
        () => options2.onWeight?.(w)
      );
      const names = {
        q: editor.unique(`${w}_quantized`),
        scale: editor.unique(`${w}_scale`),
        zp: editor.unique(`${w}_zero_point`)
      };
      editor.addInitializer(deferredTensor(names.q, DataType.INT8, [rows, cols], values));
      editor.addInitializer(deferredTensor(names.scale, DataType.FLOAT, [channels], scales));
      editor.addInitializer(tensor(names.zp, DataType.INT8, [channels], new Int8Array(channels)));
      dequantized = editor.unique(`${w}_dequantized`);
      rewrite.insertBefore(site.node, [
        node(
          "DequantizeLinear",
          editor.unique(`${w}_DequantizeLinear`),
          [names.q, names.scale, names.zp],
          [dequantized],
          [intAttr("axis", axis)]
        )
      ]);
      done.set(w, dequantized);
    }
    const inputs = [...site.node.input ?? []];
    inputs[1] = dequantized;
    site.node.input = inputs;
  }
  rewrite.apply();
}

// src/quantize/onnx-quantize.ts
var ONNX_SCHEMES = ["onnx-int8", "onnx-int4", "onnx-fp16"];
function isOnnxScheme(value) {
  return ONNX_SCHEMES.includes(value);
}
async function filesSize(paths) {
  let total = 0;
  for (const path of paths) total += (await stat8(path)).size;
  return total;
}
async function quantizeOnnx(input, output, scheme, options2 = {}) {
  const form = options2.form ?? "weight-only";
  if (form !== "weight-only" && form !== "dynamic") {
    throw new ModelPublishError(
      "USAGE",
      `unknown onnx-int8 form ${JSON.stringify(form)}; use "weight-only" or "dynamic"`
    );
  }
  if (!ONNX_SCHEMES.includes(scheme)) {
    throw new ModelPublishError(
      "USAGE",
      `unknown ONNX scheme ${JSON.stringify(scheme)}; use one of ${ONNX_SCHEMES.join(", ")}`
    );
  }
  const model = await readOnnx(input, options2);
  const inputBytes = await filesSize(onnxModelFiles(model));
  const editor = new OnnxGraphEditor(model.proto);
  if (scheme === "onnx-fp16") {
    const { converted, kept } = await convertToFloat16(editor, model.dir, options2);
    options2.onProgress?.({ scheme, weight: "", done: 1, total: 1 });
    const written2 = await writeOnnx(model, output, options2);
    const { files, bytes } = written2;
    return { scheme, files, bytes, inputBytes, quantized: converted, skipped: kept };
  }
  const { sites, skipped: skipped2 } = selectMatMuls(editor, options2);
  const quantized = sites.map((s) => s.node.name ?? s.node.output?.[0] ?? "");
  const total = new Set(sites.map((s) => s.weightName)).size;
  let done = 0;
  const onWeight = (weight) => {
    options2.onProgress?.({ scheme, weight, done: ++done, total });
  };
  const pool = new OnnxPool(options2.threads);
  let written;
  try {
    const pass = { ...options2, onWeight, pool };
    if (scheme === "onnx-int4") int4MatMulNBits(editor, model.dir, sites, pass);
    else if (form === "dynamic") int8Dynamic(editor, model.dir, sites, pass);
    else int8WeightOnly(editor, model.dir, sites, pass);
    written = await writeOnnx(model, output, options2);
  } finally {
    await pool.close();
  }
  return { scheme, files: written.files, bytes: written.bytes, inputBytes, quantized, skipped: skipped2 };
}

// src/evaluate/budget.ts
var CHECKS = [
  { metric: "minCosine", value: (t) => t.cosine, lower: true },
  { metric: "maxAbsError", value: (t) => t.maxAbsError, lower: false },
  { metric: "maxMeanAbsError", value: (t) => t.meanAbsError, lower: false },
  { metric: "maxRmse", value: (t) => t.rmse, lower: false }
];
function budgetViolations2(tensors, budget) {
  const out = [];
  for (const check of CHECKS) {
    const limit = budget[check.metric];
    if (limit === void 0) continue;
    for (const t of tensors) {
      const value = check.value(t);
      const inside2 = check.lower ? value >= limit : value <= limit;
      if (inside2) continue;
      const gap = check.lower ? limit - value : value - limit;
      const excess = Number.isNaN(gap) ? Infinity : gap / Math.max(Math.abs(limit), 1e-12);
      out.push({ tensor: t.name, metric: check.metric, value, limit, excess });
    }
  }
  return out.sort((a, b) => b.excess - a.excess);
}
function figure3(n) {
  return Number.isFinite(n) ? n.toPrecision(6) : String(n);
}
function checkBudget(variant, tensors, budget) {
  const violations = budgetViolations2(tensors, budget);
  if (violations.length === 0) return;
  const worst = violations.slice(0, 5).map(
    (v) => `${v.tensor} ${v.metric === "minCosine" ? "cosine" : v.metric.replace(/^max/, "").replace(/^./, (c) => c.toLowerCase())} ${figure3(v.value)} (budget ${v.metric} ${figure3(v.limit)})`
  );
  const tensorsOut = new Set(violations.map((v) => v.tensor)).size;
  throw new ModelPublishError(
    "BUDGET_EXCEEDED",
    `variant ${variant} is outside its error budget: ${tensorsOut} tensor${tensorsOut === 1 ? "" : "s"} out of bounds; worst: ${worst.join("; ")}. Use a scheme with more bits, or relax the budget in the manifest's variants[].budget if this loss is acceptable.`
  );
}

// src/quantize/quantize-model.ts
import { readFile as readFile6, rename as rename3, rm as rm4, stat as stat10 } from "node:fs/promises";
import { basename as basename13, join as join10 } from "node:path";

// src/formats/gguf-types.ts
var GGUF_MAGIC = 1179993927;
var GGUF_VERSION = 3;
var GGUF_DEFAULT_ALIGNMENT = 32;
var GGML_MAX_NAME_BYTES = 63;
var GGML_MAX_DIMS = 4;
var GGUF_VALUE_TYPES = [
  "uint8",
  "int8",
  "uint16",
  "int16",
  "uint32",
  "int32",
  "float32",
  "bool",
  "string",
  "array",
  "uint64",
  "int64",
  "float64"
];
var TABLE2 = [
  ["F32", 0, 1, 4],
  ["F16", 1, 1, 2],
  ["Q4_0", 2, 32, 18],
  ["Q4_1", 3, 32, 20],
  ["Q5_0", 6, 32, 22],
  ["Q5_1", 7, 32, 24],
  ["Q8_0", 8, 32, 34],
  ["Q8_1", 9, 32, 36],
  ["Q2_K", 10, 256, 84],
  ["Q3_K", 11, 256, 110],
  ["Q4_K", 12, 256, 144],
  ["Q5_K", 13, 256, 176],
  ["Q6_K", 14, 256, 210],
  ["Q8_K", 15, 256, 292],
  ["IQ2_XXS", 16, 256, 66],
  ["IQ2_XS", 17, 256, 74],
  ["IQ3_XXS", 18, 256, 98],
  ["IQ1_S", 19, 256, 50],
  ["IQ4_NL", 20, 32, 18],
  ["IQ3_S", 21, 256, 110],
  ["IQ2_S", 22, 256, 82],
  ["IQ4_XS", 23, 256, 136],
  ["I8", 24, 1, 1],
  ["I16", 25, 1, 2],
  ["I32", 26, 1, 4],
  ["I64", 27, 1, 8],
  ["F64", 28, 1, 8],
  ["IQ1_M", 29, 256, 56],
  ["BF16", 30, 1, 2],
  ["TQ1_0", 34, 256, 54],
  ["TQ2_0", 35, 256, 66]
];
var GGML_TYPES = TABLE2.map(([name, id, blockSize, typeSize]) => ({
  name,
  id,
  blockSize,
  typeSize
}));
var BY_ID = new Map(GGML_TYPES.map((t) => [t.id, t]));
var BY_NAME = new Map(GGML_TYPES.map((t) => [t.name, t]));
function ggmlTypeById(id) {
  return BY_ID.get(id);
}
function ggmlType(name) {
  const info = BY_NAME.get(name);
  if (info === void 0) throw new Error(`unknown ggml type ${name}`);
  return info;
}
function ggmlNbytes(type, ne) {
  const [first = 1, ...rest] = ne;
  if (first % type.blockSize !== 0) return void 0;
  const rows = checkedProduct(rest);
  const rowBytes = checkedMul(first / type.blockSize, type.typeSize);
  return rows === void 0 || rowBytes === void 0 ? void 0 : checkedMul(rows, rowBytes);
}
function alignUp(x, alignment) {
  return x + (alignment - x % alignment) % alignment;
}
var LLAMA_FTYPE = {
  ALL_F32: 0,
  MOSTLY_F16: 1,
  MOSTLY_Q4_0: 2,
  MOSTLY_Q8_0: 7,
  MOSTLY_Q5_0: 8,
  MOSTLY_Q4_K_S: 14,
  MOSTLY_Q4_K_M: 15,
  MOSTLY_Q6_K: 18,
  MOSTLY_BF16: 32
};
var GGML_QUANTIZATION_VERSION = 2;

// src/quantize/ggml-type-rules.ts
var RULES = {
  f16: { type: "F16", fileType: LLAMA_FTYPE.MOSTLY_F16, mix: false },
  bf16: { type: "BF16", fileType: LLAMA_FTYPE.MOSTLY_BF16, mix: false },
  q8_0: { type: "Q8_0", fileType: LLAMA_FTYPE.MOSTLY_Q8_0, mix: true },
  q4_0: { type: "Q4_0", fileType: LLAMA_FTYPE.MOSTLY_Q4_0, mix: true },
  q4_k: { type: "Q4_K", fileType: LLAMA_FTYPE.MOSTLY_Q4_K_S, mix: false },
  q4_k_m: { type: "Q4_K", fileType: LLAMA_FTYPE.MOSTLY_Q4_K_M, mix: true },
  q6_k: { type: "Q6_K", fileType: LLAMA_FTYPE.MOSTLY_Q6_K, mix: true }
};
function isGgufScheme(value) {
  return Object.hasOwn(RULES, value);
}
function fileTypeOf(scheme) {
  return RULES[scheme].fileType;
}
function isQuantizable(name, ne) {
  return name.endsWith("weight") && ne.length >= 2 && !name.includes("_norm.weight") && !name.includes("ffn_gate_inp.weight") && !name.includes("ssm_conv1d.weight") && !name.includes("time_mix_") && !name.includes("attn_rel_b.weight") && name !== "position_embd.weight" && name !== "token_types.weight";
}
function useMoreBits(layer, layers) {
  const eighth = Math.trunc(layers / 8);
  return layer < eighth || layer >= Math.trunc(7 * layers / 8) || (layer - eighth) % 3 === 2;
}
function fallback(name, type, rowLength) {
  if (rowLength % ggmlType(type).blockSize === 0) return type;
  const next = type === "Q4_K" ? "Q5_0" : type === "Q6_K" ? "Q8_0" : void 0;
  if (next === void 0) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `tensor ${name}: rows of ${rowLength} values are not a multiple of the ${type} block size ${ggmlType(type).blockSize}`
    );
  }
  return rowLength % ggmlType(next).blockSize === 0 ? next : "F16";
}
function chooseTensorTypes(tensors, scheme, layers) {
  const rule = RULES[scheme];
  const hasOutput = tensors.some((t) => t.name === "output.weight");
  const attnV = tensors.filter((t) => t.name.includes("attn_v.weight")).length;
  let iAttnV = 0;
  let iFfnDown = 0;
  return tensors.map(({ name, ne }) => {
    if (!isQuantizable(name, ne)) return "F32";
    if (!rule.mix) return rule.type === "Q4_K" ? fallback(name, "Q4_K", ne[0] ?? 1) : rule.type;
    let type = rule.type;
    const rowLength = ne[0] ?? 1;
    if (name === "output.weight" || !hasOutput && name === "token_embd.weight") {
      if (rowLength % ggmlType(type).blockSize !== 0) type = "Q8_0";
      else if (type !== "Q8_0") type = "Q6_K";
    } else if (name.includes("attn_v.weight")) {
      if (scheme === "q4_k_m" && useMoreBits(iAttnV, attnV)) type = "Q6_K";
      if (scheme === "q4_k_m" && type === "Q4_K" && layers === 80) {
        throw new ModelPublishError(
          "INPUT_UNSUPPORTED",
          "Q4_K_M of an 80-layer (70B-class) model gives attn_v Q5_K, which is not implemented yet; use q4_k or q6_k"
        );
      }
      iAttnV++;
    } else if (name.includes("ffn_down")) {
      if (scheme === "q4_k_m" && useMoreBits(iFfnDown, layers)) type = "Q6_K";
      iFfnDown++;
    }
    return fallback(name, type, rowLength);
  });
}

// src/quantize/kernel-pool.ts
import { availableParallelism as availableParallelism2 } from "node:os";
import { Worker as Worker2 } from "node:worker_threads";

// src/quantize/kernels/half.ts
function fp32ToFp16Bits(value, f322, u322) {
  f322[0] = value;
  return fp32BitsToFp16Bits(u322[0] ?? 0);
}
function fp32BitsToFp16Bits(x) {
  const sign = x >>> 16 & 32768;
  const exp = x >>> 23 & 255;
  const mant = x & 8388607;
  if (exp === 255) {
    if (mant === 0) return sign | 31744;
    const nan = 31744 | mant >>> 13;
    return sign | (nan === 31744 ? 31745 : nan);
  }
  if (exp > 112) {
    if (exp > 142) return sign | 31744;
    let h2 = exp - 112 << 10 | mant >>> 13;
    const rest2 = mant & 8191;
    if (rest2 > 4096 || rest2 === 4096 && (h2 & 1) === 1) h2++;
    return sign | h2;
  }
  const shift = 126 - exp;
  if (shift > 24) return sign;
  const m = mant | 8388608;
  let h = m >>> shift;
  const rest = m & (1 << shift) - 1;
  const half = 1 << shift - 1;
  if (rest > half || rest === half && (h & 1) === 1) h++;
  return sign | h;
}
function fp16BitsToFp32(h) {
  const exp = h >>> 10 & 31;
  const mant = h & 1023;
  const sign = (h & 32768) !== 0 ? -1 : 1;
  if (exp === 0) return sign * mant * 5960464477539063e-23;
  if (exp === 31) return mant === 0 ? sign * Infinity : NaN;
  return sign * (1024 + mant) * Math.pow(2, exp - 25);
}
function fp16BitsToFp32Bits(h) {
  const sign = (h & 32768) << 16;
  const exp = h >>> 10 & 31;
  let mant = h & 1023;
  if (exp === 31) return (sign | 2139095040 | mant << 13) >>> 0;
  if (exp !== 0) return (sign | exp + 112 << 23 | mant << 13) >>> 0;
  if (mant === 0) return sign >>> 0;
  let e = 113;
  while ((mant & 1024) === 0) {
    mant <<= 1;
    e--;
  }
  return (sign | e << 23 | (mant & 1023) << 13) >>> 0;
}
function fp32BitsToBf16Bits(bits) {
  if ((bits & 2147483647) >>> 0 > 2139095040) return (bits >>> 16 | 64) & 65535;
  return Math.floor((bits + 32767 + (bits >>> 16 & 1)) / 65536) & 65535;
}

// src/quantize/kernels/floats.ts
function encodeF16(src, srcOffset, count2, dst, dstOffset) {
  const bits = new Uint32Array(src.buffer, src.byteOffset, src.length);
  for (let i = 0; i < count2; i++) {
    const h = fp32BitsToFp16Bits(bits[srcOffset + i]);
    dst[dstOffset + 2 * i] = h & 255;
    dst[dstOffset + 2 * i + 1] = h >>> 8;
  }
}
function encodeBf16(src, srcOffset, count2, dst, dstOffset) {
  const bits = new Uint32Array(src.buffer, src.byteOffset, src.length);
  for (let i = 0; i < count2; i++) {
    const h = fp32BitsToBf16Bits(bits[srcOffset + i]);
    dst[dstOffset + 2 * i] = h & 255;
    dst[dstOffset + 2 * i + 1] = h >>> 8;
  }
}
function encodeF32(src, srcOffset, count2, dst, dstOffset) {
  const bits = new Uint32Array(src.buffer, src.byteOffset, src.length);
  for (let i = 0; i < count2; i++) {
    const v = bits[srcOffset + i];
    const o = dstOffset + 4 * i;
    dst[o] = v & 255;
    dst[o + 1] = v >>> 8 & 255;
    dst[o + 2] = v >>> 16 & 255;
    dst[o + 3] = v >>> 24;
  }
}
function decodeF16(src, srcOffset, count2, dst, dstOffset) {
  const bits = new Uint32Array(dst.buffer, dst.byteOffset, dst.length);
  for (let i = 0; i < count2; i++) {
    const o = srcOffset + 2 * i;
    bits[dstOffset + i] = fp16BitsToFp32Bits(src[o] | src[o + 1] << 8);
  }
}
function decodeBf16(src, srcOffset, count2, dst, dstOffset) {
  const bits = new Uint32Array(dst.buffer, dst.byteOffset, dst.length);
  for (let i = 0; i < count2; i++) {
    const o = srcOffset + 2 * i;
    bits[dstOffset + i] = (src[o] | src[o + 1] << 8) << 16 >>> 0;
  }
}
function decodeF32(src, srcOffset, count2, dst, dstOffset) {
  const bits = new Uint32Array(dst.buffer, dst.byteOffset, dst.length);
  for (let i = 0; i < count2; i++) {
    const o = srcOffset + 4 * i;
    bits[dstOffset + i] = (src[o] | src[o + 1] << 8 | src[o + 2] << 16 | src[o + 3] << 24) >>> 0;
  }
}
function firstNonFinite(src, offset, count2) {
  for (let i = 0; i < count2; i++) {
    const v = src[offset + i];
    if (!(v - v === 0)) return offset + i;
  }
  return -1;
}

// src/quantize/kernels/error-sums.ts
function errorSums(ref, refOffset, test, testOffset, count2) {
  let sq = 0;
  let abs = 0;
  let max = 0;
  let dot = 0;
  let refSq = 0;
  let testSq = 0;
  for (let i = 0; i < count2; i++) {
    const a = ref[refOffset + i];
    const b = test[testOffset + i];
    if (a === b || a !== a && b !== b) {
      if (a - a === 0) {
        dot += a * b;
        refSq += a * a;
        testSq += b * b;
      }
      continue;
    }
    const e = Math.abs(a - b);
    const err = e === e ? e : Infinity;
    sq += err * err;
    abs += err;
    if (err > max) max = err;
    if (a - a === 0 && b - b === 0) {
      dot += a * b;
      refSq += a * a;
      testSq += b * b;
    }
  }
  return [sq, abs, max, dot, refSq, testSq];
}

// src/quantize/kernels/nearest-int.ts
function nearestInt(value) {
  const r = Math.fround(value + 12582912) - 12582912;
  if (r >= -4194304 && r < 4194304) return r;
  return nearestIntOutOfRange(value);
}
function nearestIntOutOfRange(value) {
  const f322 = new Float32Array(1);
  const u322 = new Uint32Array(f322.buffer);
  f322[0] = value + 12582912;
  return ((u322[0] ?? 0) & 8388607) - 4194304;
}

// src/quantize/kernels/int4-groups.ts
function quantizeInt4Groups(src, srcOffset, rows, cols, groupSize, packed2, packedOffset, scales, scaleOffset) {
  const rowBytes = cols + 1 >>> 1;
  const groups = Math.ceil(cols / groupSize);
  for (let r = 0; r < rows; r++) {
    const x = srcOffset + r * cols;
    const o = packedOffset + r * rowBytes;
    packed2.fill(0, o, o + rowBytes);
    for (let g = 0; g < groups; g++) {
      const start = g * groupSize;
      const end = Math.min(cols, start + groupSize);
      let amax = 0;
      let max = 0;
      for (let c = start; c < end; c++) {
        const v = src[x + c];
        const a = Math.abs(v);
        if (a > amax) {
          amax = a;
          max = v;
        }
      }
      const scale = Math.fround(max / -8);
      scales[scaleOffset + r * groups + g] = scale;
      for (let c = start; c < end; c++) {
        let l = scale === 0 ? 0 : nearestInt(Math.fround(src[x + c] / scale));
        l = (l < -8 ? -8 : l > 7 ? 7 : l) + 8;
        const at = o + (c >>> 1);
        packed2[at] = packed2[at] | ((c & 1) === 0 ? l : l << 4);
      }
    }
  }
}
function dequantizeInt4Groups(packed2, packedOffset, rows, cols, groupSize, scales, scaleOffset, dst, dstOffset) {
  const rowBytes = cols + 1 >>> 1;
  const groups = Math.ceil(cols / groupSize);
  for (let r = 0; r < rows; r++) {
    const o = packedOffset + r * rowBytes;
    const y = dstOffset + r * cols;
    for (let c = 0; c < cols; c++) {
      const byte = packed2[o + (c >>> 1)];
      const nibble = (c & 1) === 0 ? byte & 15 : byte >>> 4;
      const scale = scales[scaleOffset + r * groups + Math.floor(c / groupSize)];
      dst[y + c] = (nibble - 8) * scale;
    }
  }
}

// src/quantize/kernels/int8-rows.ts
function quantizeInt8Rows(src, srcOffset, rows, cols, q, qOffset, scales, scaleOffset) {
  for (let r = 0; r < rows; r++) {
    const x = srcOffset + r * cols;
    const o = qOffset + r * cols;
    let amax = 0;
    for (let c = 0; c < cols; c++) {
      const a = Math.abs(src[x + c]);
      if (a > amax) amax = a;
    }
    const scale = Math.fround(amax / 127);
    scales[scaleOffset + r] = scale;
    if (scale === 0) {
      q.fill(0, o, o + cols);
      continue;
    }
    for (let c = 0; c < cols; c++) {
      const l = nearestInt(Math.fround(src[x + c] / scale));
      q[o + c] = l < -127 ? -127 : l > 127 ? 127 : l;
    }
  }
}
function dequantizeInt8Rows(q, qOffset, rows, cols, scales, scaleOffset, dst, dstOffset) {
  for (let r = 0; r < rows; r++) {
    const scale = scales[scaleOffset + r];
    const o = qOffset + r * cols;
    const y = dstOffset + r * cols;
    for (let c = 0; c < cols; c++) dst[y + c] = (q[o + c] << 24 >> 24) * scale;
  }
}

// src/quantize/kernels/make-qkx2-quants.ts
function makeQkx2Quants(x, xo, w, L, lo, laux, xm, out) {
  let min = x[xo];
  let max = min;
  let sumW = w[0];
  let sumX = Math.fround(sumW * min);
  for (let i = 1; i < 32; i++) {
    const xi = x[xo + i];
    if (xi < min) min = xi;
    if (xi > max) max = xi;
    const wi = w[i];
    sumW = Math.fround(sumW + wi);
    sumX = Math.fround(sumX + Math.fround(wi * xi));
  }
  if (min > 0) min = 0;
  if (max === min) {
    L.fill(0, lo, lo + 32);
    out[0] = 0;
    out[1] = -min;
    return;
  }
  let iscale = Math.fround(15 / Math.fround(max - min));
  let scale = Math.fround(1 / iscale);
  let bestError = 0;
  for (let i = 0; i < 32; i++) {
    const xi = x[xo + i];
    const d = Math.fround(xi - min);
    xm[i] = d;
    let l = nearestInt(Math.fround(iscale * d));
    l = l < 0 ? 0 : l > 15 ? 15 : l;
    L[lo + i] = l;
    const diff = Math.fround(Math.fround(Math.fround(scale * l) + min) - xi);
    bestError = Math.fround(bestError + Math.fround(w[i] * Math.fround(diff * diff)));
  }
  const rdelta = Math.fround(0.1);
  let repeatable = false;
  for (let is = 0; is <= 20; is++) {
    const range = Math.fround(max - min);
    iscale = Math.fround(Math.fround(Math.fround(-1 + Math.fround(rdelta * is)) + 15) / range);
    let same = repeatable;
    for (let i = 0; i < 32; i++) {
      let l = nearestInt(Math.fround(iscale * xm[i]));
      l = l < 0 ? 0 : l > 15 ? 15 : l;
      if (l !== laux[i]) same = false;
      laux[i] = l;
    }
    if (same) continue;
    repeatable = true;
    let sumL = 0;
    let sumL2 = 0;
    let sumXL = 0;
    for (let i = 0; i < 32; i++) {
      const l = laux[i];
      const wl = Math.fround(w[i] * l);
      sumL = Math.fround(sumL + wl);
      sumL2 = Math.fround(sumL2 + Math.fround(wl * l));
      sumXL = Math.fround(sumXL + Math.fround(wl * x[xo + i]));
    }
    const D = Math.fround(Math.fround(sumW * sumL2) - Math.fround(sumL * sumL));
    if (!(D > 0)) continue;
    let thisScale = Math.fround(
      Math.fround(Math.fround(sumW * sumXL) - Math.fround(sumX * sumL)) / D
    );
    let thisMin = Math.fround(
      Math.fround(Math.fround(sumL2 * sumX) - Math.fround(sumL * sumXL)) / D
    );
    if (thisMin > 0) {
      thisMin = 0;
      thisScale = Math.fround(sumXL / sumL2);
    }
    let mad = 0;
    for (let i = 0; i < 32; i++) {
      const diff = Math.fround(
        Math.fround(Math.fround(thisScale * laux[i]) + thisMin) - x[xo + i]
      );
      mad = Math.fround(mad + Math.fround(w[i] * Math.fround(diff * diff)));
      if (mad >= bestError) break;
    }
    if (mad < bestError) {
      for (let i = 0; i < 32; i++) {
        L[lo + i] = laux[i];
        xm[i] = Math.fround(x[xo + i] - thisMin);
      }
      bestError = mad;
      scale = thisScale;
      min = thisMin;
      repeatable = false;
    }
  }
  out[0] = scale;
  out[1] = -min;
}

// src/quantize/kernels/make-qx-quants.ts
function makeQxQuants(x, xo, L, lo, w, wx, laux) {
  let max = 0;
  let amax = 0;
  for (let i = 0; i < 16; i++) {
    const v = x[xo + i];
    const a = Math.abs(v);
    if (a > amax) {
      amax = a;
      max = v;
    }
  }
  if (amax < 10000000036274937e-31) {
    L.fill(0, lo, lo + 16);
    return 0;
  }
  let iscale = Math.fround(-32 / max);
  let sumlx = 0;
  let suml2 = 0;
  for (let i = 0; i < 16; i++) {
    const v = x[xo + i];
    const wi = Math.fround(v * v);
    w[i] = wi;
    wx[i] = Math.fround(wi * v);
    let l = nearestInt(Math.fround(iscale * v));
    l = l < -32 ? -32 : l > 31 ? 31 : l;
    L[lo + i] = l + 32;
    laux[i] = l + 32;
    sumlx = Math.fround(sumlx + Math.fround(wx[i] * l));
    suml2 = Math.fround(suml2 + Math.fround(Math.fround(wi * l) * l));
  }
  let scale = suml2 !== 0 ? Math.fround(sumlx / suml2) : 0;
  let best = Math.fround(scale * sumlx);
  const tenth = Math.fround(0.1);
  for (let is = -9; is <= 9; is++) {
    if (is === 0) continue;
    iscale = Math.fround(-Math.fround(32 + Math.fround(tenth * is)) / max);
    let same = true;
    for (let i = 0; i < 16; i++) {
      let l = nearestInt(Math.fround(iscale * x[xo + i]));
      l = l < -32 ? -32 : l > 31 ? 31 : l;
      if (l + 32 !== laux[i]) same = false;
      laux[i] = l + 32;
    }
    if (same) continue;
    sumlx = 0;
    suml2 = 0;
    for (let i = 0; i < 16; i++) {
      const l = laux[i] - 32;
      sumlx = Math.fround(sumlx + Math.fround(wx[i] * l));
      suml2 = Math.fround(suml2 + Math.fround(Math.fround(w[i] * l) * l));
    }
    if (suml2 > 0 && Math.fround(sumlx * sumlx) > Math.fround(best * suml2)) {
      for (let i = 0; i < 16; i++) L[lo + i] = laux[i];
      scale = Math.fround(sumlx / suml2);
      best = Math.fround(scale * sumlx);
    }
  }
  return scale;
}

// src/quantize/kernels/q4-0.ts
function quantizeQ4_0(src, srcOffset, blocks, dst, dstOffset) {
  const f322 = new Float32Array(1);
  const u322 = new Uint32Array(f322.buffer);
  for (let b = 0; b < blocks; b++) {
    const x = srcOffset + b * 32;
    const out = dstOffset + b * 18;
    let amax = 0;
    let max = 0;
    for (let j = 0; j < 32; j++) {
      const v = src[x + j];
      const a = Math.abs(v);
      if (amax < a) {
        amax = a;
        max = v;
      }
    }
    const d = Math.fround(max / -8);
    const id = d !== 0 ? Math.fround(1 / d) : 0;
    const h = fp32ToFp16Bits(d, f322, u322);
    dst[out] = h & 255;
    dst[out + 1] = h >>> 8;
    for (let j = 0; j < 16; j++) {
      const x0 = Math.fround(Math.fround(src[x + j] * id) + 8.5) | 0;
      const x1 = Math.fround(Math.fround(src[x + 16 + j] * id) + 8.5) | 0;
      dst[out + 2 + j] = (x0 < 15 ? x0 : 15) | (x1 < 15 ? x1 : 15) << 4;
    }
  }
}
function dequantizeQ4_0(src, srcOffset, blocks, dst, dstOffset) {
  for (let b = 0; b < blocks; b++) {
    const at = srcOffset + b * 18;
    const d = fp16BitsToFp32(src[at] | src[at + 1] << 8);
    const y = dstOffset + b * 32;
    for (let j = 0; j < 16; j++) {
      const q = src[at + 2 + j];
      dst[y + j] = ((q & 15) - 8) * d;
      dst[y + 16 + j] = ((q >>> 4) - 8) * d;
    }
  }
}

// src/quantize/kernels/q4-k.ts
function quantizeQ4_K(src, srcOffset, blocks, dst, dstOffset) {
  const f322 = new Float32Array(1);
  const u322 = new Uint32Array(f322.buffer);
  const weights = new Float32Array(32);
  const L = new Uint8Array(256);
  const laux = new Uint8Array(32);
  const xm = new Float32Array(32);
  const result = new Float32Array(2);
  const scales = new Float32Array(8);
  const mins = new Float32Array(8);
  const ls = new Uint8Array(8);
  const lm = new Uint8Array(8);
  for (let b = 0; b < blocks; b++) {
    const x = srcOffset + b * 256;
    const out = dstOffset + b * 144;
    let maxScale = 0;
    let maxMin = 0;
    for (let j = 0; j < 8; j++) {
      const xj = x + 32 * j;
      let sumX2 = 0;
      for (let l = 0; l < 32; l++) {
        const v = src[xj + l];
        sumX2 = Math.fround(sumX2 + Math.fround(v * v));
      }
      const avX = Math.fround(Math.sqrt(Math.fround(sumX2 / 32)));
      for (let l = 0; l < 32; l++) weights[l] = avX + Math.abs(src[xj + l]);
      makeQkx2Quants(src, xj, weights, L, 32 * j, laux, xm, result);
      const scale = result[0];
      const min = result[1];
      scales[j] = scale;
      mins[j] = min;
      if (scale > maxScale) maxScale = scale;
      if (min > maxMin) maxMin = min;
    }
    const invScale = maxScale > 0 ? Math.fround(63 / maxScale) : 0;
    const invMin = maxMin > 0 ? Math.fround(63 / maxMin) : 0;
    for (let j = 0; j < 8; j++) {
      const s = nearestInt(Math.fround(invScale * scales[j])) & 255;
      const m = nearestInt(Math.fround(invMin * mins[j])) & 255;
      ls[j] = s < 63 ? s : 63;
      lm[j] = m < 63 ? m : 63;
    }
    for (let j = 0; j < 4; j++) {
      dst[out + 4 + j] = ls[j] | ls[j + 4] >>> 4 << 6;
      dst[out + 8 + j] = lm[j] | lm[j + 4] >>> 4 << 6;
      dst[out + 12 + j] = ls[j + 4] & 15 | (lm[j + 4] & 15) << 4;
    }
    const dBits = fp32ToFp16Bits(Math.fround(maxScale / 63), f322, u322);
    const dminBits = fp32ToFp16Bits(Math.fround(maxMin / 63), f322, u322);
    dst[out] = dBits & 255;
    dst[out + 1] = dBits >>> 8;
    dst[out + 2] = dminBits & 255;
    dst[out + 3] = dminBits >>> 8;
    const d = fp16BitsToFp32(dBits);
    const dmin = fp16BitsToFp32(dminBits);
    for (let j = 0; j < 8; j++) {
      const dj = Math.fround(d * ls[j]);
      if (dj === 0) continue;
      const dm = Math.fround(dmin * lm[j]);
      const xj = x + 32 * j;
      for (let ii = 0; ii < 32; ii++) {
        const l = nearestInt(Math.fround(Math.fround(src[xj + ii] + dm) / dj));
        L[32 * j + ii] = l < 0 ? 0 : l > 15 ? 15 : l;
      }
    }
    for (let c = 0; c < 4; c++) {
      for (let l = 0; l < 32; l++) {
        dst[out + 16 + 32 * c + l] = L[64 * c + l] | L[64 * c + 32 + l] << 4;
      }
    }
  }
}
function dequantizeQ4_K(src, srcOffset, blocks, dst, dstOffset) {
  for (let b = 0; b < blocks; b++) {
    const at = srcOffset + b * 144;
    const d = fp16BitsToFp32(src[at] | src[at + 1] << 8);
    const dmin = fp16BitsToFp32(src[at + 2] | src[at + 3] << 8);
    const y = dstOffset + b * 256;
    for (let j = 0; j < 8; j++) {
      let sc;
      let m;
      if (j < 4) {
        sc = src[at + 4 + j] & 63;
        m = src[at + 8 + j] & 63;
      } else {
        sc = src[at + 8 + j] & 15 | src[at + j] >>> 6 << 4;
        m = src[at + 8 + j] >>> 4 | src[at + 4 + j] >>> 6 << 4;
      }
      const d1 = Math.fround(d * sc);
      const m1 = Math.fround(dmin * m);
      const q = at + 16 + 32 * (j >>> 1);
      const shift = (j & 1) * 4;
      for (let l = 0; l < 32; l++) {
        dst[y + 32 * j + l] = Math.fround(d1 * (src[q + l] >>> shift & 15)) - m1;
      }
    }
  }
}

// src/quantize/kernels/q5-0.ts
function quantizeQ5_0(src, srcOffset, blocks, dst, dstOffset) {
  const f322 = new Float32Array(1);
  const u322 = new Uint32Array(f322.buffer);
  for (let b = 0; b < blocks; b++) {
    const x = srcOffset + b * 32;
    const out = dstOffset + b * 22;
    let amax = 0;
    let max = 0;
    for (let j = 0; j < 32; j++) {
      const v = src[x + j];
      const a = Math.abs(v);
      if (amax < a) {
        amax = a;
        max = v;
      }
    }
    const d = Math.fround(max / -16);
    const id = d !== 0 ? Math.fround(1 / d) : 0;
    const h = fp32ToFp16Bits(d, f322, u322);
    dst[out] = h & 255;
    dst[out + 1] = h >>> 8;
    let qh = 0;
    for (let j = 0; j < 16; j++) {
      let x0 = Math.fround(Math.fround(src[x + j] * id) + 16.5) | 0;
      let x1 = Math.fround(Math.fround(src[x + 16 + j] * id) + 16.5) | 0;
      if (x0 > 31) x0 = 31;
      if (x1 > 31) x1 = 31;
      dst[out + 6 + j] = x0 & 15 | (x1 & 15) << 4;
      qh |= (x0 & 16) >>> 4 << j;
      qh |= (x1 & 16) >>> 4 << j + 16;
    }
    dst[out + 2] = qh & 255;
    dst[out + 3] = qh >>> 8 & 255;
    dst[out + 4] = qh >>> 16 & 255;
    dst[out + 5] = qh >>> 24 & 255;
  }
}
function dequantizeQ5_0(src, srcOffset, blocks, dst, dstOffset) {
  for (let b = 0; b < blocks; b++) {
    const at = srcOffset + b * 22;
    const d = fp16BitsToFp32(src[at] | src[at + 1] << 8);
    const qh = (src[at + 2] | src[at + 3] << 8 | src[at + 4] << 16 | src[at + 5] << 24) >>> 0;
    const y = dstOffset + b * 32;
    for (let j = 0; j < 16; j++) {
      const q = src[at + 6 + j];
      const h0 = (qh >>> j & 1) << 4;
      const h1 = (qh >>> j + 16 & 1) << 4;
      dst[y + j] = ((q & 15) + h0 - 16) * d;
      dst[y + 16 + j] = ((q >>> 4) + h1 - 16) * d;
    }
  }
}

// src/quantize/kernels/q6-k.ts
function quantizeQ6_K(src, srcOffset, blocks, dst, dstOffset) {
  const f322 = new Float32Array(1);
  const u322 = new Uint32Array(f322.buffer);
  const L = new Uint8Array(256);
  const w = new Float32Array(16);
  const wx = new Float32Array(16);
  const laux = new Uint8Array(16);
  const scales = new Float32Array(16);
  const stored = new Int8Array(16);
  for (let b = 0; b < blocks; b++) {
    const x = srcOffset + b * 256;
    const out = dstOffset + b * 210;
    let maxScale = 0;
    let maxAbsScale = 0;
    for (let ib = 0; ib < 16; ib++) {
      const scale = makeQxQuants(src, x + 16 * ib, L, 16 * ib, w, wx, laux);
      scales[ib] = scale;
      const a = Math.abs(scale);
      if (a > maxAbsScale) {
        maxAbsScale = a;
        maxScale = scale;
      }
    }
    if (maxAbsScale < 10000000036274937e-31) {
      dst.fill(0, out, out + 210);
      continue;
    }
    const iscale = Math.fround(-128 / maxScale);
    const dBits = fp32ToFp16Bits(Math.fround(1 / iscale), f322, u322);
    for (let ib = 0; ib < 16; ib++) {
      const s = nearestInt(Math.fround(iscale * scales[ib]));
      stored[ib] = s < 127 ? s : 127;
      dst[out + 192 + ib] = stored[ib] & 255;
    }
    dst[out + 208] = dBits & 255;
    dst[out + 209] = dBits >>> 8;
    const d = fp16BitsToFp32(dBits);
    for (let j = 0; j < 16; j++) {
      const dj = Math.fround(d * stored[j]);
      if (dj === 0) continue;
      const xj = x + 16 * j;
      for (let ii = 0; ii < 16; ii++) {
        const l = nearestInt(Math.fround(src[xj + ii] / dj));
        L[16 * j + ii] = (l < -32 ? -32 : l > 31 ? 31 : l) + 32;
      }
    }
    for (let half = 0; half < 2; half++) {
      const ql = out + 64 * half;
      const qh = out + 128 + 32 * half;
      const j = 128 * half;
      for (let l = 0; l < 32; l++) {
        const q1 = L[j + l];
        const q2 = L[j + l + 32];
        const q3 = L[j + l + 64];
        const q4 = L[j + l + 96];
        dst[ql + l] = q1 & 15 | (q3 & 15) << 4;
        dst[ql + l + 32] = q2 & 15 | (q4 & 15) << 4;
        dst[qh + l] = q1 >>> 4 | q2 >>> 4 << 2 | q3 >>> 4 << 4 | q4 >>> 4 << 6;
      }
    }
  }
}
function dequantizeQ6_K(src, srcOffset, blocks, dst, dstOffset) {
  for (let b = 0; b < blocks; b++) {
    const at = srcOffset + b * 210;
    const d = fp16BitsToFp32(src[at + 208] | src[at + 209] << 8);
    for (let half = 0; half < 2; half++) {
      const ql = at + 64 * half;
      const qh = at + 128 + 32 * half;
      const sc = at + 192 + 8 * half;
      const y = dstOffset + b * 256 + 128 * half;
      for (let l = 0; l < 32; l++) {
        const is = l >>> 4;
        const h = src[qh + l];
        const q1 = (src[ql + l] & 15 | (h & 3) << 4) - 32;
        const q2 = (src[ql + l + 32] & 15 | (h >>> 2 & 3) << 4) - 32;
        const q3 = (src[ql + l] >>> 4 | (h >>> 4 & 3) << 4) - 32;
        const q4 = (src[ql + l + 32] >>> 4 | (h >>> 6 & 3) << 4) - 32;
        dst[y + l] = Math.fround(d * (src[sc + is] << 24 >> 24)) * q1;
        dst[y + l + 32] = Math.fround(d * (src[sc + is + 2] << 24 >> 24)) * q2;
        dst[y + l + 64] = Math.fround(d * (src[sc + is + 4] << 24 >> 24)) * q3;
        dst[y + l + 96] = Math.fround(d * (src[sc + is + 6] << 24 >> 24)) * q4;
      }
    }
  }
}

// src/quantize/kernels/q8-0.ts
function quantizeQ8_0(src, srcOffset, blocks, dst, dstOffset) {
  const f322 = new Float32Array(1);
  const u322 = new Uint32Array(f322.buffer);
  for (let b = 0; b < blocks; b++) {
    const x = srcOffset + b * 32;
    const out = dstOffset + b * 34;
    let amax = 0;
    for (let j = 0; j < 32; j++) {
      const a = Math.abs(src[x + j]);
      if (a > amax) amax = a;
    }
    const d = Math.fround(amax / 127);
    const id = d !== 0 ? Math.fround(1 / d) : 0;
    const h = fp32ToFp16Bits(d, f322, u322);
    dst[out] = h & 255;
    dst[out + 1] = h >>> 8;
    if (id === Infinity) {
      dst.fill(0, out + 2, out + 34);
      continue;
    }
    for (let j = 0; j < 32; j++) {
      const v = Math.fround(src[x + j] * id);
      dst[out + 2 + j] = v + (v < 0 ? -0.5 : 0.5) | 0;
    }
  }
}
function dequantizeQ8_0(src, srcOffset, blocks, dst, dstOffset) {
  for (let b = 0; b < blocks; b++) {
    const at = srcOffset + b * 34;
    const d = fp16BitsToFp32(src[at] | src[at + 1] << 8);
    const y = dstOffset + b * 32;
    for (let j = 0; j < 32; j++) dst[y + j] = (src[at + 2 + j] << 24 >> 24) * d;
  }
}

// src/quantize/kernels/kquants-wasm.generated.ts
function kquantsWasmBase64() {
  return "AGFzbQEAAAABBwFgA39/fwADAwIAAAQFAXABAQEFAwEAEAYPAn8BQYCIBAt/AEGAiAQLBzgEBm1lbW9yeQIADXF1YW50aXplX3E0X0sAAA1xdWFudGl6ZV9xNl9LAAELX19oZWFwX2Jhc2UDAQrBMAK1HQwEfwJ9A38BfQJ/AX0Bfwh9An8DfQJ/AX0jgICAgABB8ANrIgMkgICAgAACQCACQQFIDQBBACEEA0AgA0HwAWohBSAAIQZDAAAAACEHQwAAAAAhCEEAIQkDQCAJQQV0IQogACAJQQd0aiELQwAAAAAhDEEAIQ0DQCAGIA1qIg5BDGoqAgAiDyAPlCAOQQhqKgIAIg8gD5QgDkEEaioCACIPIA+UIA4qAgAiDyAPlCAMkpKSkiEMIA1BEGoiDUGAAUcNAAsgDEMAAAA9lJEhDEEAIQ4DQCADQdAAaiAOaiINIAwgBiAOaiIQKgIAi5I4AgAgDUEEaiAMIBBBBGoqAgCLkjgCACANQQhqIAwgEEEIaioCAIuSOAIAIA1BDGogDCAQQQxqKgIAi5I4AgAgDkEQaiIOQYABRw0ACyALKgIAIhEgAyoCUCISlCETIANB8AFqIApqIQpBACEOIBEhDyARIRQgEiEVAkADQCAGIA5qIg1BBGoqAgAiDCAUIAwgFF4bIRYgDCAPIAwgD10bIQ8gA0HQAGogDmoiEEEEaioCACIUIAyUIBOSIRcgFSAUkiEYIA5B+ABGDQEgDUEIaioCACIMIBYgDCAWXhshFCAMIA8gDCAPXRshDyAQQQhqKgIAIhUgDJQgF5IhEyAOQQhqIQ4gGCAVkiEVDAALCyADQTBqIAlBAnQiGWohGgJAAkAgFiAPQwAAAACWIhRcDQAgCkIANwMYIApCADcDECAKQgA3AwggCkIANwMAQwAAAAAhGwwBC0MAAIA/QwAAcEEgFiAUk5UiD5UhG0MAAAAAIRxBBCEOIAUhDQJAA0AgDSAPIBEgFJOUQwAAQEuSvEH///8DcSIQQY+AgAIgEEGPgIACSRsiEEGAgIACIBBBgICAAksbQYCAgH5qIhA6AAAgEiAbIBCylCAUkiARkyIMIAyUlCAckiEcIA5BgAFGDQEgDUEBaiENIAYgDmoqAgAhESADQdAAaiAOaioCACESIA5BBGohDgwACwsgF4whHUEAIR5BACEfA0AgHrJDzczMPZRDAACAv5JDAABwQZIgFiAUk5UhDCADQdABaiEOQQAhDSAfIRADQCAOLQAAIQogDiAMIAYgDWoqAgAgFJOUQwAAQEuSvEH///8DcSILQY+AgAIgC0GPgIACSRsiC0GAgIACIAtBgICAAksbQYCAgH5qIgs6AAAgEEEAIAsgCkYbIRAgDkEBaiEOIA1BBGoiDUGAAUcNAAsCQCAQDQBDAAAAACERIANB0AFqIQ5BACENQwAAAAAhFUMAAAAAIRMDQCADQdAAaiANaiIQQQRqKgIAIA5BAWotAACzIhKUIgwgBiANaiIKQQRqKgIAlCAQKgIAIA4tAACzIiCUIg8gCioCAJQgEZKSIREgEyAPkiAMkiETIAwgEpQgDyAglCAVkpIhFSAOQQJqIQ4gDUEIaiINQYABRw0AC0EBIR8gGCAVlCATIBOUkyIPQwAAAABeRQ0AQwAAAAAhDCARIBWVIBggEZQgEyAdlJIgD5UgFSAXlCARIBOMlJIgD5UiD0MAAAAAXhshEyAPQwAAAACWIRVBACEOQQAhDQJAA0AgA0HQAGogDmoqAgAgEyADQdABaiANai0AALOUIBWSIAYgDmoqAgCTIg8gD5SUIAySIgwgHGANASAOQQRqIQ4gDUEfSSEQIA1BAWohDSAQDQALCyAMIBxdRQ0AQQAhH0EAIQ4DQCAFIA5qIANB0AFqIA5qKAIANgIAIA5BBGoiDkEgRw0ACyATIRsgDCEcIBUhFAsgHkEBaiIeQRVHDQALCyAaIBSMIgw4AgAgA0EQaiAZaiAbOAIAIBsgByAbIAdeGyEHIAwgCCAIIAxdGyEIIAVBIGohBSAGQYABaiEGIAlBAWoiCUEIRw0ACyADQwAAfEIgCJVDAAAAACAIQwAAAABeGyIMIAMqAjCUQwAAQEuSvEH/AXEiDkE/IA5BP0kbOgAAIANDAAB8QiAHlUMAAAAAIAdDAAAAAF4bIg8gAyoCFJRDAABAS5K8Qf8BcSIOQT8gDkE/SRs6AAkgAyAMIAMqAjSUQwAAQEuSvEH/AXEiDkE/IA5BP0kbOgABIAMgDyADKgIYlEMAAEBLkrxB/wFxIg5BPyAOQT9JGzoACiADIAwgAyoCOJRDAABAS5K8Qf8BcSIOQT8gDkE/SRs6AAIgAyAPIAMqAhyUQwAAQEuSvEH/AXEiDkE/IA5BP0kbOgALIAMgDCADKgI8lEMAAEBLkrxB/wFxIg5BPyAOQT9JGzoAAyADKgIQIRQgAyoCQCETIAMgDyADKgIglEMAAEBLkrxB/wFxIg5BPyAOQT9JGyIOOgAMIAMgDCATlEMAAEBLkrxB/wFxIg1BPyANQT9JGyINOgAEIAEgDUEEdCAOQQ9xcjoADCABIA5BAnRBwAFxIA8gFJRDAABAS5K8Qf8BcSIOQT8gDkE/SRsiBXI6AAQgASANQQJ0QcABcSADLQAAcjoACCADIA8gAyoCJJRDAABAS5K8Qf8BcSIOQT8gDkE/SRsiDjoADSADIAwgAyoCRJRDAABAS5K8Qf8BcSINQT8gDUE/SRsiDToABSADIAwgAyoCTJRDAABAS5K8Qf8BcSIQQT8gEEE/SRsiEDoAByADIA8gAyoCLJRDAABAS5K8Qf8BcSIKQT8gCkE/SRsiCjoADyADIAwgAyoCSJRDAABAS5K8Qf8BcSILQT8gC0E/SRsiCzoABiADIA8gAyoCKJRDAABAS5K8Qf8BcSIGQT8gBkE/SRsiBjoADiABIA1BBHQgDkEPcXI6AA0gASALQQR0IAZBD3FyOgAOIAEgEEEEdCAKQQ9xcjoADyABIA5BAnRBwAFxIAMtAAlyOgAFIAEgDUECdEHAAXEgAy0AAXI6AAkgASAGQQJ0QcABcSADLQAKcjoABiABIAtBAnRBwAFxIAMtAAJyOgAKIAEgCkECdEHAAXEgAy0AC3I6AAcgASAQQQJ0QcABcSADLQADcjoACyAHQwAAfEKVvCINQf///wNxIQogDUEQdkGAgAJxIQ4CQAJAIA1BF3ZB/wFxIhBB/wFHDQACQCAKDQAgDkGA+AFyIQ4MAgtBgfgBIApBDXZBgPgBciINIA1BgPgBRhsgDnIhDgwBCwJAIBBB8QBJDQACQCAQQY8BSQ0AIA5BgPgBciEODAILIBBBCnQgCkENdnIgDUH/P3FBgCBLIA1B//8AcUGA4ABGcmpBgIB5aiAOciEODAELIBBB5gBJDQAgCkGAgIAEciIKQf4AIBBrIgt2IQ0CQAJAIApBfyALdEF/c3EiCkEBQf0AIBBrdCIQSw0AIAogEEcNASANQQFxRQ0BCyANQQFqIQ0LIA0gDnIhDgsgCEMAAHxClbwiEEH///8DcSELIBBBEHZBgIACcSENAkACQCAQQRd2Qf8BcSIKQf8BRw0AAkAgCw0AIA1BgPgBciENDAILQYH4ASALQQ12QYD4AXIiECAQQYD4AUYbIA1yIQ0MAQsCQCAKQfEASQ0AAkAgCkGPAUkNACANQYD4AXIhDQwCCyAKQQp0IAtBDXZyIBBB/z9xQYAgSyAQQf//AHFBgOAARnJqQYCAeWogDXIhDQwBCyAKQeYASQ0AIAtBgICABHIiC0H+ACAKayIGdiEQAkACQCALQX8gBnRBf3NxIgtBAUH9ACAKa3QiCksNACALIApHDQEgEEEBcUUNAQsgEEEBaiEQCyAQIA1yIQ0LIAEgDToAAiABIA46AAAgASANQQh2OgADIAEgDkEIdjoAASAOQf8HcSELIA5BEHRBgICAgHhxIRACQAJAIA5BCnZBH3EiCkUNAAJAIApBH0cNACAOQQ10QYDA/wNxIBByQYCAgPwHciEQDAILIApBF3RBgICAwANqIBByIAtBDXRyIRAMAQsgC0UNAEGAgICYBCALZyIKQRd0ayAQciAOIApBamp0QQ50QYCA/wNxciEQCyANQf8HcSELIA1BEHRBgICAgHhxIQ4CQAJAIA1BCnZBH3EiCkUNAAJAIApBH0cNACANQQ10QYDA/wNxIA5yQYCAgPwHciEODAILIApBF3RBgICAwANqIA5yIAtBDXRyIQ4MAQsgC0UNAEGAgICYBCALZyIKQRd0ayAOciANIApBamp0QQ50QYCA/wNxciEOCyAQviEUIA6+IRNBACELIANB8AFqIQogACEGIAUhDgNAAkAgFCAOQf8BcbOUIgxDAAAAAFsNACATIAMgC2otAACzlCEPQQAhDiAGIQ0DQCAKIA5qIA8gDSoCAJIgDJVDAABAS5K8Qf///wNxIhBBj4CAAiAQQY+AgAJJGyIQQYCAgAIgEEGAgIACSxs6AAAgDUEEaiENIA5BAWoiDkEgRw0ACwsCQAJAIAtBAWoiC0EIRw0AQQAhDgNAIAEgDmoiEEEQaiADQfABaiAOaiINQSBqLQAAQQR0IA0tAAByOgAAIBBBEWogDUEhai0AAEEEdCANQQFqLQAAcjoAACAOQQJqIg5BIEcNAAtBACEOA0AgASAOaiIQQTBqIANB8AFqIA5qIg1B4ABqLQAAQQR0IA1BwABqLQAAcjoAACAQQTFqIA1B4QBqLQAAQQR0IA1BwQBqLQAAcjoAACAOQQJqIg5BIEcNAAtBACEOA0AgASAOaiIQQdAAaiADQfABaiAOaiINQaABai0AAEEEdCANQYABai0AAHI6AAAgEEHRAGogDUGhAWotAABBBHQgDUGBAWotAAByOgAAIA5BAmoiDkEgRw0AC0EAIQ4DQCABIA5qIhBB8ABqIANB8AFqIA5qIg1B4AFqLQAAQQR0IA1BwAFqLQAAcjoAACAQQfEAaiANQeEBai0AAEEEdCANQcEBai0AAHI6AAAgDkECaiIOQSBHDQALIAFBkAFqIQEgAEGACGohACAEQQFqIgQgAkYNAQwDCyAGQYABaiEGIApBIGohCiADQQhqIAtqLQAAIQ4MAQsLCyADIAU6AAgLIANB8ANqJICAgIAAC4cTBQZ/An0DfyB9D38jgICAgABB4AJrIgMkgICAgAACQCACQQFIDQAgAEEEaiEEQQAhBQNAIANB4ABqIQYgACEHIAQhCEMAAAAAIQlDAAAAACEKQQAhCwNAIANB4ABqIAtBBHRqIQwCQAJAIAAgC0EGdGoiDSoCPCIOiyIPIA0qAjgiEIsiESANKgI0IhKLIhMgDSoCMCIUiyIVIA0qAiwiFosiFyANKgIoIhiLIhkgDSoCJCIaiyIbIA0qAiAiHIsiHSANKgIcIh6LIh8gDSoCGCIgiyIhIA0qAhQiIosiIyANKgIQIiSLIiUgDSoCDCImiyInIA0qAggiKIsiKSANKgIEIiqLIisgDSoCACIsi0MAAAAAICxDAAAAAF4gLEMAAAAAXXIiDRsiLSArIC1eIi4bIisgKSArXiIvGyIpICcgKV4iMBsiJyAlICdeIjEbIiUgIyAlXiIyGyIjICEgI14iMxsiISAfICFeIjQbIh8gHSAfXiI1GyIdIBsgHV4iNhsiGyAZIBteIjcbIhkgFyAZXiI4GyIXIBUgF14iORsiFSATIBVeIjobIhMgESATXiI7GyIRIA8gEV4iPBtDfR2QJl1FDQAgDEIANwMIIAxCADcDAEMAAAAAIR8MAQtDAAAAQiAOIBAgEiAUIBYgGCAaIBwgHiAgICIgJCAmICggKiAsQwAAAAAgDRsgLhsgLxsgMBsgMRsgMhsgMxsgNBsgNRsgNhsgNxsgOBsgORsgOhsgOxsgPBsiHZUhF0MAAAAAIRFBACENIAghLkMAAAAAIRMCQANAIANB0ABqIA1qQwAAQEsgFyAslJO8Qf///wNxIi9Bn4CAAiAvQZ+AgAJJGyIvQeD//wEgL0Hg//8BSxsiL0GggIB+aiIwOgAAIAYgDWogMDoAACAsICyUIhUgL0GAgIB+arIiD5QgD5QgEZIhESAsIBWUIA+UIBOSIRMgDUEPRg0BIA1BAWohDSAuKgIAISwgLkEEaiEuDAALCyATIBMgEZVDAAAAACARQwAAAABcGyIflCEhQXchMwNAAkAgM0UNACAzskPNzMw9lEMAAABCkowgHZUhLEEBIS9BACENIAchLgNAIANB0ABqIA1qIjAtAAAhMSAwICwgLioCAJRDAABAS5K8Qf///wNxIjJBn4CAAiAyQZ+AgAJJGyIyQeD//wEgMkHg//8BSxtBoICAfmoiMjoAACAvQQAgMiAxRhshLyAuQQRqIS4gDUEBaiINQRBHDQALIC8NAEMAAAAAIRUgA0HQAGohDUEAIS5DAAAAACEXA0AgCCAuaioCACIsICyUIhkgDUEBai0AAEFgarIiD5QgD5QgByAuaioCACIRIBGUIhsgDS0AAEFgarIiE5QgE5QgFZKSIRUgLCAZlCAPlCARIBuUIBOUIBeSkiEXIA1BAmohDSAuQQhqIi5BwABHDQALIBVDAAAAAF5FDQAgFyAXlCAhIBWUXkUNACAMIAMtAFA6AAAgDCADKABRNgABIAwgAykAVTcABSAMIAMvAF07AA0gDCADLQBfOgAPIBcgFyAVlSIflCEhCyAzQQFqIjNBCkcNAAsLIANBEGogC0ECdGogHzgCACAfIAkgH4siLCAKXiINGyEJICwgCiANGyEKIAdBwABqIQcgBkEQaiEGIAhBwABqIQggC0EBaiILQRBHDQALAkACQCAKQ30dkCZdRQ0AQQAhDQNAIAEgDWoiLkEANgAAIC5BBmpBADoAACAuQQRqQQA7AAAgDUEHaiINQdIBRw0ADAILC0MAAIA/QwAAAMMgCZUiLJW8Ig1B////A3EhLyANQRB2QYCAAnEhMgJAAkAgDUEXdkH/AXEiLkH/AUcNAAJAIC8NACAyQYD4AXIhMgwCC0GB+AEgL0ENdkGA+AFyIg0gDUGA+AFGGyAyciEyDAELAkAgLkHxAEkNAAJAIC5BjwFJDQAgMkGA+AFyITIMAgsgLkEKdCAvQQ12ciANQf8/cUGAIEsgDUH//wBxQYDgAEZyakGAgHlqIDJyITIMAQsgLkHmAEkNACAvQYCAgARyIi9B/gAgLmsiMHYhDQJAAkAgL0F/IDB0QX9zcSIvQQFB/QAgLmt0Ii5LDQAgLyAuRw0BIA1BAXFFDQELIA1BAWohDQsgDSAyciEyC0EAIQ0gA0EQaiEuA0AgAyANaiIvICwgLioCAJRDAABAS5K8Qf///wNxIjBB/4CAAiAwQf+AgAJJGyIwOgAAIAEgDWoiMUHAAWogMDoAACAvQQFqICwgLkEEaioCAJRDAABAS5K8Qf///wNxIi9B/4CAAiAvQf+AgAJJGyIvOgAAIDFBwQFqIC86AAAgLkEIaiEuIA1BAmoiDUEQRw0ACyABIDI7ANABIDJB/wdxIS8gMkEQdEGAgICAeHEhDQJAAkAgMkEKdkEfcSIuRQ0AAkAgLkEfRw0AIDJBDXRBgMD/A3EgDXJBgICA/AdyIQ0MAgsgLkEXdEGAgIDAA2ogDXIgL0ENdHIhDQwBCyAvRQ0AQYCAgJgEIC9nIi5BF3RrIA1yIDIgLkFqanRBDnRBgID/A3FyIQ0LIA2+IQ9BACExIANB4ABqITAgACEyA0ACQCAPIAMgMWosAACylCIsQwAAAABbDQBBACENIDIhLgNAIDAgDWogLioCACAslUMAAEBLkrxB////A3EiL0GfgIACIC9Bn4CAAkkbIi9B4P//ASAvQeD//wFLG0EgajoAACAuQQRqIS4gDUEBaiINQRBHDQALCyAyQcAAaiEyIDBBEGohMCAxQQFqIjFBEEcNAAtBACENA0AgASANaiIvQSBqIANB4ABqIA1qIi5B4ABqLQAAIjBBBHQgLkEgai0AACIxQQ9xcjoAACAvIC5BwABqLQAAIjJBBHQgLi0AACIuQQ9xcjoAACAvQYABaiAxQQJ2QTxxIC5BBHZyIDJB8AFxciAwQQJ0QcABcXI6AAAgDUEBaiINQSBHDQALQQAhDQNAIAEgDWoiL0HgAGogA0HgAGogDWoiLkHgAWotAAAiMEEEdCAuQaABai0AACIxQQ9xcjoAACAvQcAAaiAuQcABai0AACIyQQR0IC5BgAFqLQAAIi5BD3FyOgAAIC9BoAFqIDFBAnZBPHEgLkEEdnIgMkHwAXFyIDBBAnRBwAFxcjoAACANQQFqIg1BIEcNAAsLIARBgAhqIQQgAUHSAWohASAAQYAIaiEAIAVBAWoiBSACRw0ACwsgA0HgAmokgICAgAAL";
}

// src/quantize/kernels/kquants-wasm.ts
function runKQuantsWasm(kind, src, srcOffset, blocks, dst, dstOffset) {
  const holder = globalThis;
  let k = holder.modelPublishKQuants;
  const api = holder.WebAssembly;
  if (k === void 0) {
    k = null;
    try {
      if (api === void 0) throw new Error("no WebAssembly");
      const text2 = atob(kquantsWasmBase64());
      const bytes = new Uint8Array(text2.length);
      for (let i = 0; i < text2.length; i++) bytes[i] = text2.charCodeAt(i);
      const exports = new api.Instance(new api.Module(bytes), {}).exports;
      const memory = exports.memory;
      const heap = exports.__heap_base;
      const q4 = exports.quantize_q4_K;
      const q6 = exports.quantize_q6_K;
      if (memory instanceof api.Memory && heap instanceof api.Global && typeof q4 === "function" && typeof q6 === "function") {
        k = { memory, heap: Number(heap.value), q4, q6 };
      }
    } catch {
      k = null;
    }
    holder.modelPublishKQuants = k;
  }
  if (k === null) {
    if (kind === 0) quantizeQ4_K(src, srcOffset, blocks, dst, dstOffset);
    else quantizeQ6_K(src, srcOffset, blocks, dst, dstOffset);
    return;
  }
  const typeSize = kind === 0 ? 144 : 210;
  const xAt = k.heap + 15 & ~15;
  const yAt = xAt + blocks * 1024;
  const need = yAt + blocks * typeSize;
  const have = k.memory.buffer.byteLength;
  if (need > have) k.memory.grow(Math.ceil((need - have) / 65536));
  new Float32Array(k.memory.buffer, xAt, blocks * 256).set(
    src.subarray(srcOffset, srcOffset + blocks * 256)
  );
  if (kind === 0) k.q4(xAt, yAt, blocks);
  else k.q6(xAt, yAt, blocks);
  dst.set(new Uint8Array(k.memory.buffer, yAt, blocks * typeSize), dstOffset);
}
function quantizeQ4_KWasm(src, srcOffset, blocks, dst, dstOffset) {
  runKQuantsWasm(0, src, srcOffset, blocks, dst, dstOffset);
}
function quantizeQ6_KWasm(src, srcOffset, blocks, dst, dstOffset) {
  runKQuantsWasm(1, src, srcOffset, blocks, dst, dstOffset);
}

// src/quantize/kernel-registry.ts
var KERNELS = {
  quantizeQ8_0,
  dequantizeQ8_0,
  quantizeQ4_0,
  dequantizeQ4_0,
  quantizeQ5_0,
  dequantizeQ5_0,
  quantizeQ4_K,
  dequantizeQ4_K,
  quantizeQ6_K,
  dequantizeQ6_K,
  quantizeQ4_KWasm,
  quantizeQ6_KWasm,
  encodeF16,
  encodeBf16,
  encodeF32,
  decodeF16,
  decodeBf16,
  decodeF32,
  firstNonFinite,
  quantizeInt8Rows,
  dequantizeInt8Rows,
  quantizeInt4Groups,
  dequantizeInt4Groups,
  errorSums
};
var HELPERS = [
  fp32ToFp16Bits,
  fp32BitsToFp16Bits,
  fp16BitsToFp32,
  fp16BitsToFp32Bits,
  fp32BitsToBf16Bits,
  nearestInt,
  nearestIntOutOfRange,
  makeQkx2Quants,
  makeQxQuants,
  kquantsWasmBase64,
  runKQuantsWasm
];
function kernelWorkerSource() {
  const functions = [...HELPERS, ...Object.values(KERNELS)];
  const parts2 = functions.map((fn) => {
    const text2 = fn.toString();
    if (!text2.startsWith(`function ${fn.name}(`)) {
      throw new Error(`kernel ${fn.name} is not a plain function declaration`);
    }
    return text2;
  });
  const table = Object.entries(KERNELS).map(([key, fn]) => `${JSON.stringify(key)}: ${fn.name}`).join(",\n  ");
  return `"use strict";
const { parentPort } = require("node:worker_threads");
${parts2.join("\n")}
const kernels = {
  ${table}
};
parentPort.on("message", (job) => {
  try {
    const result = kernels[job.kernel](...job.args);
    parentPort.postMessage({ id: job.id, ok: true, result });
  } catch (error) {
    parentPort.postMessage({ id: job.id, ok: false, error: String((error && error.stack) || error) });
  }
});
`;
}

// src/quantize/kernel-pool.ts
function isReply(value) {
  return typeof value === "object" && value !== null && "id" in value && "ok" in value;
}
function sharable(args) {
  return args.every((arg) => !ArrayBuffer.isView(arg) || arg.buffer instanceof SharedArrayBuffer);
}
function runInline(kernel, args) {
  const fn = KERNELS[kernel];
  return fn(...args);
}
var KernelPool = class _KernelPool {
  slots = [];
  queue = [];
  nextId = 0;
  constructor(threads) {
    if (threads <= 0) return;
    let source;
    try {
      source = kernelWorkerSource();
    } catch {
      return;
    }
    for (let i = 0; i < threads; i++) {
      let worker;
      try {
        worker = new Worker2(source, { eval: true });
      } catch {
        break;
      }
      const slot = { worker, job: void 0 };
      worker.on("message", (message) => {
        this.settle(slot, message);
      });
      worker.on("error", () => {
        this.drop(slot);
      });
      worker.on("exit", () => {
        this.drop(slot);
      });
      this.slots.push(slot);
    }
  }
  /**
   * A pool of `threads` workers (default: one per available core). `threads: 0` runs every job on
   * the calling thread.
   */
  static create(threads = availableParallelism2()) {
    return new _KernelPool(threads);
  }
  /** Workers alive; 0 means jobs run on the main thread. */
  get workers() {
    return this.slots.length;
  }
  /** Runs one kernel call; typed-array arguments must be views of SharedArrayBuffers to use a worker. */
  run(kernel, ...args) {
    if (this.slots.length === 0 || !sharable(args)) {
      try {
        return Promise.resolve(runInline(kernel, args));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return new Promise((resolve15, reject) => {
      this.queue.push({
        id: this.nextId++,
        kernel,
        args,
        resolve: resolve15,
        reject
      });
      this.pump();
    });
  }
  /** Stops the workers; jobs still queued finish on the main thread. */
  async close() {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    this.pump();
  }
  pump() {
    if (this.slots.length === 0) {
      for (const job of this.queue.splice(0)) this.inline(job);
      return;
    }
    for (const slot of this.slots) {
      if (slot.job !== void 0) continue;
      const job = this.queue.shift();
      if (job === void 0) return;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, kernel: job.kernel, args: job.args });
    }
  }
  settle(slot, message) {
    const job = slot.job;
    if (!isReply(message) || job?.id !== message.id) return;
    slot.job = void 0;
    if (message.ok) job.resolve(message.result);
    else {
      this.inline(job);
    }
    this.pump();
  }
  drop(slot) {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const job = slot.job;
    slot.job = void 0;
    void slot.worker.terminate();
    if (job !== void 0) this.inline(job);
    this.pump();
  }
  inline(job) {
    try {
      job.resolve(runInline(job.kernel, job.args));
    } catch (error) {
      job.reject(error);
    }
  }
};

// src/quantize/low-bit-layout.ts
function isLowBitScheme(value) {
  return value === "f16" || value === "bf16" || value === "int8" || value === "int4";
}
function layoutDescription(scheme, groupSize) {
  switch (scheme) {
    case "f16":
    case "bf16":
      return `every floating-point tensor converted to ${scheme.toUpperCase()} with round-to-nearest-even; NaN and infinities kept; other tensors unchanged`;
    case "int8":
      return "symmetric INT8 per output channel: each floating-point weight W (a '...weight' tensor of 2 or more dimensions, rows = dimension 0) is stored as W (I8, same shape) and W_scale (F32, [rows]); W[r, ...] = W_i8[r, ...] * W_scale[r]; W_scale[r] = max|W[r, ...]| / 127 and W_i8 = clamp(round_half_even(W / W_scale[r]), -127, 127); other tensors unchanged";
    case "int4":
      return `symmetric INT4 in groups of ${groupSize} along each row: each floating-point weight W (a '...weight' tensor of 2 or more dimensions, rows = dimension 0, cols = the rest flattened) is stored as W_packed (U8, [rows, ceil(cols/2)]: element 2k in the low nibble of byte k, 2k+1 in the high nibble), W_scale (F32, [rows, ceil(cols/${groupSize})]) and W_shape (I64, the original shape); W[r, c] = (nibble - 8) * W_scale[r, floor(c/${groupSize})]; W_scale = m / -8 with m the group's value of largest magnitude, nibble = clamp(round_half_even(W / W_scale), -8, 7) + 8; other tensors unchanged`;
  }
}
function lowBitLayout(scheme, groupSize) {
  return {
    format: "pt",
    quantization: scheme,
    ...scheme === "int4" ? { "quantization.group_size": String(groupSize) } : {},
    "quantization.layout": layoutDescription(scheme, groupSize)
  };
}

// src/quantize/model-config.ts
var ARCHITECTURES = /* @__PURE__ */ new Map([
  ["LlamaForCausalLM", "llama"],
  ["Qwen2ForCausalLM", "qwen2"]
]);
var MODEL_TYPES = /* @__PURE__ */ new Map([
  ["llama", "llama"],
  ["qwen2", "qwen2"]
]);
function isRecord3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function readModelConfig(json, where) {
  if (!isRecord3(json)) {
    throw new ModelPublishError("INPUT_MALFORMED", `${where}: config.json is not a JSON object`);
  }
  const declared = Array.isArray(json.architectures) ? json.architectures : [];
  const first = declared[0];
  const modelType = typeof json.model_type === "string" ? json.model_type : void 0;
  const name = typeof first === "string" ? first : modelType ?? "(none declared)";
  const architecture = typeof first === "string" ? ARCHITECTURES.get(first) : modelType === void 0 ? void 0 : MODEL_TYPES.get(modelType);
  if (architecture === void 0) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `${where}: architecture ${name} is not supported for GGUF yet (supported: ${[...ARCHITECTURES.keys()].join(", ")})`
    );
  }
  const int2 = (field2, fallback2) => {
    const value = json[field2] ?? fallback2;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${where}: "${field2}" must be a positive integer, got ${JSON.stringify(value ?? null)}`
      );
    }
    return value;
  };
  const num = (field2, fallback2) => {
    const value = json[field2] ?? fallback2;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${where}: "${field2}" must be a positive number, got ${JSON.stringify(value)}`
      );
    }
    return value;
  };
  const hiddenSize = int2("hidden_size");
  const heads = int2("num_attention_heads");
  const kvHeads = int2("num_key_value_heads", heads);
  const headDimExplicit = json.head_dim !== void 0 && json.head_dim !== null;
  const headDim = headDimExplicit ? int2("head_dim") : hiddenSize / heads;
  if (!Number.isInteger(headDim)) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${where}: hidden_size ${hiddenSize} is not a multiple of num_attention_heads ${heads}`
    );
  }
  if (heads % kvHeads !== 0) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${where}: num_attention_heads ${heads} is not a multiple of num_key_value_heads ${kvHeads}`
    );
  }
  return {
    architecture,
    source: name,
    hiddenSize,
    layers: int2("num_hidden_layers"),
    heads,
    kvHeads,
    intermediateSize: int2("intermediate_size"),
    contextLength: int2("max_position_embeddings"),
    ropeTheta: num("rope_theta", 1e4),
    rmsNormEps: num("rms_norm_eps", 1e-6),
    vocabSize: int2("vocab_size"),
    headDim,
    headDimExplicit,
    tieWordEmbeddings: json.tie_word_embeddings === true,
    ropeScaling: readRopeScaling(json.rope_scaling, where)
  };
}
function readRopeScaling(value, where) {
  if (value === void 0 || value === null) return void 0;
  if (!isRecord3(value)) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${where}: "rope_scaling" must be an object or null`
    );
  }
  const kind = value.rope_type ?? value.type;
  const factor = value.factor;
  if (typeof factor !== "number" || !(factor > 0)) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${where}: "rope_scaling.factor" must be a positive number`
    );
  }
  if (kind === "linear") return { type: "linear", factor };
  if (kind === "yarn") {
    const original = value.original_max_position_embeddings;
    if (typeof original !== "number" || !Number.isSafeInteger(original) || original <= 0) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${where}: yarn "rope_scaling.original_max_position_embeddings" must be a positive integer`
      );
    }
    return { type: "yarn", factor, originalContextLength: original };
  }
  throw new ModelPublishError(
    "INPUT_UNSUPPORTED",
    `${where}: rope_scaling type ${JSON.stringify(kind)} is not supported for GGUF yet (supported: linear, yarn)`
  );
}

// src/formats/gguf-value.ts
var gguf = {
  u8: (value) => ({ type: "uint8", value }),
  i8: (value) => ({ type: "int8", value }),
  u16: (value) => ({ type: "uint16", value }),
  i16: (value) => ({ type: "int16", value }),
  u32: (value) => ({ type: "uint32", value }),
  i32: (value) => ({ type: "int32", value }),
  f32: (value) => ({ type: "float32", value }),
  f64: (value) => ({ type: "float64", value }),
  u64: (value) => ({ type: "uint64", value }),
  i64: (value) => ({ type: "int64", value }),
  bool: (value) => ({ type: "bool", value }),
  str: (value) => ({ type: "string", value }),
  strings: (items) => ({ type: "array", itemType: "string", items }),
  numbers: (itemType, items) => ({
    type: "array",
    itemType,
    items
  })
};
var INT_RANGES = {
  uint8: [0, 255],
  int8: [-128, 127],
  uint16: [0, 65535],
  int16: [-32768, 32767],
  uint32: [0, 4294967295],
  int32: [-2147483648, 2147483647]
};
function numberProblem(type, value) {
  const range = INT_RANGES[type];
  if (range === void 0) return void 0;
  if (!Number.isInteger(value) || value < range[0] || value > range[1]) {
    return `${String(value)} is not a ${type}`;
  }
  return void 0;
}
function bigintProblem(type, value) {
  const ok = type === "uint64" ? value >= 0n && value < 1n << 64n : value >= -(1n << 63n) && value < 1n << 63n;
  return ok ? void 0 : `${value} is not a ${type}`;
}

// src/formats/gguf-encode.ts
var ByteWriter = class {
  buffer = Buffer.alloc(4096);
  length = 0;
  room(n) {
    if (this.length + n <= this.buffer.length) return;
    const next = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + n));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }
  u8(v) {
    this.room(1);
    this.buffer.writeUInt8(v, this.length);
    this.length += 1;
  }
  i8(v) {
    this.room(1);
    this.buffer.writeInt8(v, this.length);
    this.length += 1;
  }
  u16(v) {
    this.room(2);
    this.buffer.writeUInt16LE(v, this.length);
    this.length += 2;
  }
  i16(v) {
    this.room(2);
    this.buffer.writeInt16LE(v, this.length);
    this.length += 2;
  }
  u32(v) {
    this.room(4);
    this.buffer.writeUInt32LE(v, this.length);
    this.length += 4;
  }
  i32(v) {
    this.room(4);
    this.buffer.writeInt32LE(v, this.length);
    this.length += 4;
  }
  f32(v) {
    this.room(4);
    this.buffer.writeFloatLE(v, this.length);
    this.length += 4;
  }
  f64(v) {
    this.room(8);
    this.buffer.writeDoubleLE(v, this.length);
    this.length += 8;
  }
  u64(v) {
    this.room(8);
    this.buffer.writeBigUInt64LE(v, this.length);
    this.length += 8;
  }
  i64(v) {
    this.room(8);
    this.buffer.writeBigInt64LE(v, this.length);
    this.length += 8;
  }
  string(s) {
    const bytes = Buffer.from(s, "utf8");
    this.u64(BigInt(bytes.length));
    this.room(bytes.length);
    bytes.copy(this.buffer, this.length);
    this.length += bytes.length;
  }
  zeros(n) {
    this.room(n);
    this.buffer.fill(0, this.length, this.length + n);
    this.length += n;
  }
  bytes() {
    return this.buffer.subarray(0, this.length);
  }
};
var JS_TYPE = {
  uint64: "bigint",
  int64: "bigint",
  bool: "boolean",
  string: "string",
  uint8: "number",
  int8: "number",
  uint16: "number",
  int16: "number",
  uint32: "number",
  int32: "number",
  float32: "number",
  float64: "number"
};
function typeCode(type) {
  return GGUF_VALUE_TYPES.indexOf(type);
}
function bad(key, detail) {
  return new ModelPublishError(
    "INPUT_UNSUPPORTED",
    `GGUF metadata ${JSON.stringify(key)}: ${detail}`
  );
}
var NUMBER_WRITERS = {
  uint8: (w, v) => {
    w.u8(v);
  },
  int8: (w, v) => {
    w.i8(v);
  },
  uint16: (w, v) => {
    w.u16(v);
  },
  int16: (w, v) => {
    w.i16(v);
  },
  uint32: (w, v) => {
    w.u32(v);
  },
  int32: (w, v) => {
    w.i32(v);
  },
  float32: (w, v) => {
    w.f32(v);
  },
  float64: (w, v) => {
    w.f64(v);
  }
};
function writeValue(w, key, value) {
  if (value.type === "array") {
    w.u32(typeCode(value.itemType));
    w.u64(BigInt(value.items.length));
    const jsType = JS_TYPE[value.itemType];
    for (const item of value.items) {
      if (typeof item !== jsType)
        throw bad(key, `array of ${value.itemType} holds a ${typeof item}`);
      writeValue(w, key, { type: value.itemType, value: item });
    }
  } else if (value.type === "string") {
    w.string(value.value);
  } else if (value.type === "bool") {
    w.u8(value.value ? 1 : 0);
  } else if (value.type === "uint64" || value.type === "int64") {
    const problem3 = bigintProblem(value.type, value.value);
    if (problem3 !== void 0) throw bad(key, problem3);
    if (value.type === "uint64") w.u64(value.value);
    else w.i64(value.value);
  } else {
    const { type, value: v } = value;
    if (typeof v !== "number") throw bad(key, `${type} value is a ${typeof v}`);
    const problem3 = numberProblem(type, v);
    if (problem3 !== void 0) throw bad(key, problem3);
    NUMBER_WRITERS[type](w, v);
  }
}
function encodeGgufHeader(metadata, tensors, alignment) {
  const w = new ByteWriter();
  w.u32(GGUF_MAGIC);
  w.u32(GGUF_VERSION);
  w.u64(BigInt(tensors.length));
  w.u64(BigInt(metadata.size));
  for (const [key, value] of metadata) {
    w.string(key);
    w.u32(typeCode(value.type));
    writeValue(w, key, value);
  }
  for (const t of tensors) {
    w.string(t.name);
    w.u32(t.ne.length);
    for (const n of t.ne) w.u64(BigInt(n));
    w.u32(t.typeId);
    w.u64(BigInt(t.offset));
  }
  w.zeros((alignment - w.length % alignment) % alignment);
  return w.bytes();
}

// src/formats/gguf-layout.ts
function unsupported2(detail) {
  return new ModelPublishError("INPUT_UNSUPPORTED", `cannot write GGUF: ${detail}`);
}
function ggmlDims(shape) {
  const ne = [...shape].reverse();
  while (ne.length > 1 && ne[ne.length - 1] === 1) ne.pop();
  return ne.length === 0 ? [1] : ne;
}
function alignmentOf(metadata) {
  const value = metadata.get("general.alignment");
  if (value === void 0) return GGUF_DEFAULT_ALIGNMENT;
  if (value.type !== "uint32") {
    throw unsupported2(`general.alignment must be a uint32 (ggml aborts on a ${value.type})`);
  }
  const a = value.value;
  if (a <= 0 || (a & a - 1) !== 0) {
    throw unsupported2(`general.alignment ${a} is not a power of two`);
  }
  return a;
}
function layoutGguf(metadata, specs) {
  const alignment = alignmentOf(metadata);
  const seen = /* @__PURE__ */ new Set();
  let offset = 0;
  const tensors = specs.map((spec) => {
    if (seen.has(spec.name))
      throw unsupported2(`tensor name ${JSON.stringify(spec.name)} appears twice`);
    seen.add(spec.name);
    const nameBytes = Buffer.byteLength(spec.name, "utf8");
    if (nameBytes === 0 || nameBytes > GGML_MAX_NAME_BYTES) {
      throw unsupported2(
        `tensor name ${JSON.stringify(spec.name)} is ${nameBytes} bytes; ggml allows 1 to ${GGML_MAX_NAME_BYTES}`
      );
    }
    const ne = ggmlDims(spec.shape);
    if (ne.length > GGML_MAX_DIMS) {
      throw unsupported2(
        `tensor ${spec.name} has ${ne.length} dimensions; ggml allows ${GGML_MAX_DIMS}`
      );
    }
    if (ne.some((n) => !Number.isSafeInteger(n) || n < 0)) {
      throw unsupported2(`tensor ${spec.name} has an invalid shape [${spec.shape.join(", ")}]`);
    }
    const type = ggmlType(spec.type);
    const nbytes = ggmlNbytes(type, ne);
    if (nbytes === void 0) {
      throw unsupported2(
        `tensor ${spec.name}: a row of ${ne[0] ?? 1} values is not a multiple of the ${spec.type} block size ${type.blockSize}`
      );
    }
    const placed = { ...spec, shape: [...spec.shape], ne, offset, nbytes };
    offset = alignUp(offset + nbytes, alignment);
    return placed;
  });
  const header2 = encodeGgufHeader(
    metadata,
    tensors.map((t) => ({ name: t.name, ne: t.ne, typeId: ggmlType(t.type).id, offset: t.offset })),
    alignment
  );
  return { header: header2, tensors, alignment, size: header2.length + offset };
}

// src/formats/gguf-writer.ts
import { open as open5 } from "node:fs/promises";
async function writeGguf(path, layout, bytes, onBytes) {
  const handle = await open5(path, "w");
  let position = 0;
  const write2 = async (chunk) => {
    await writeFully2(handle, chunk, position);
    position += chunk.length;
    onBytes?.(chunk.length);
  };
  try {
    await write2(layout.header);
    const dataStart = layout.header.length;
    for (const [index, tensor2] of layout.tensors.entries()) {
      const begin = dataStart + tensor2.offset;
      if (position !== begin) {
        throw new Error(
          `GGUF writer out of step before ${tensor2.name}: at ${position}, expected ${begin}`
        );
      }
      for await (const chunk of bytes(tensor2, index)) {
        if (chunk.length > 0) await write2(chunk);
      }
      if (position !== begin + tensor2.nbytes) {
        throw new Error(
          `tensor ${tensor2.name} produced ${position - begin} bytes, expected ${tensor2.nbytes}`
        );
      }
      const padded = dataStart + alignUp(tensor2.offset + tensor2.nbytes, layout.alignment);
      if (padded > position) await write2(new Uint8Array(padded - position));
    }
    if (position !== layout.size) {
      throw new Error(`GGUF writer ended at ${position}, expected ${layout.size}`);
    }
  } finally {
    await handle.close();
  }
}
async function writeFully2(handle, chunk, at) {
  let done = 0;
  while (done < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, done, chunk.length - done, at + done);
    done += bytesWritten;
  }
}

// src/quantize/ggml-codec.ts
var KERNELS_OF = {
  F32: { encode: "encodeF32", decode: "decodeF32", blocked: false },
  F16: { encode: "encodeF16", decode: "decodeF16", blocked: false },
  BF16: { encode: "encodeBf16", decode: "decodeBf16", blocked: false },
  Q8_0: { encode: "quantizeQ8_0", decode: "dequantizeQ8_0", blocked: true },
  Q4_0: { encode: "quantizeQ4_0", decode: "dequantizeQ4_0", blocked: true },
  Q5_0: { encode: "quantizeQ5_0", decode: "dequantizeQ5_0", blocked: true },
  Q4_K: { encode: "quantizeQ4_KWasm", decode: "dequantizeQ4_K", blocked: true },
  Q6_K: { encode: "quantizeQ6_KWasm", decode: "dequantizeQ6_K", blocked: true }
};
var SCALE_FIELDS = {
  Q8_0: [0],
  Q4_0: [0],
  Q5_0: [0],
  Q4_K: [0, 2],
  Q6_K: [208]
};
var JOB_VALUES = 1 << 18;
function kernelsOf(type) {
  const kernels = KERNELS_OF[type];
  if (kernels === void 0) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `ggml type ${type} cannot be encoded or decoded yet`
    );
  }
  return kernels;
}
async function inJobs(blocks, perBlock, run3) {
  const per = Math.max(1, Math.floor(JOB_VALUES / perBlock));
  const jobs = [];
  for (let start = 0; start < blocks; start += per)
    jobs.push(run3(start, Math.min(per, blocks - start)));
  await Promise.all(jobs);
}
async function encodeGgml(pool, type, values, name) {
  const info = ggmlType(type);
  const kernels = kernelsOf(type);
  if (type === "F32") return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const blocks = values.length / info.blockSize;
  const out = new Uint8Array(new SharedArrayBuffer(blocks * info.typeSize));
  if (kernels.blocked) {
    let bad2 = -1;
    await inJobs(values.length, 1, async (start, count2) => {
      const at = await pool.run("firstNonFinite", values, start, count2);
      if (at >= 0 && (bad2 < 0 || at < bad2)) bad2 = at;
    });
    if (bad2 >= 0) {
      throw new ModelPublishError(
        "INPUT_UNSUPPORTED",
        `tensor ${name} holds ${String(values[bad2])} at element ${bad2}; ${type} cannot encode non-finite values (fix the checkpoint, or publish f16/bf16)`
      );
    }
  }
  await inJobs(
    blocks,
    info.blockSize,
    (start, count2) => pool.run(
      kernels.encode,
      values,
      start * info.blockSize,
      count2,
      out,
      start * info.typeSize
    )
  );
  checkScales(type, out, name);
  return out;
}
function checkScales(type, bytes, name) {
  const fields2 = SCALE_FIELDS[type];
  if (fields2 === void 0) return;
  const { typeSize, blockSize } = ggmlType(type);
  for (let at = 0; at < bytes.length; at += typeSize) {
    for (const field2 of fields2) {
      const h = (bytes[at + field2] ?? 0) | (bytes[at + field2 + 1] ?? 0) << 8;
      if ((h & 31744) === 31744) {
        throw new ModelPublishError(
          "INPUT_UNSUPPORTED",
          `tensor ${name}: the ${type} scale of the block at element ${at / typeSize * blockSize} is ${String(fp16BitsToFp32(h))} (values too large for an fp16 scale); publish f16/bf16 or q8_0 for this model`
        );
      }
    }
  }
}
async function decodeGgml(pool, type, bytes, count2) {
  const info = ggmlType(type);
  const kernels = kernelsOf(type);
  const out = new Float32Array(new SharedArrayBuffer(count2 * 4));
  const blocks = count2 / info.blockSize;
  await inJobs(
    blocks,
    info.blockSize,
    (start, n) => pool.run(
      kernels.decode,
      bytes,
      start * info.typeSize,
      n,
      out,
      start * info.blockSize
    )
  );
  return out;
}

// src/quantize/llama-tensor-names.ts
var GLOBAL = /* @__PURE__ */ new Map([
  ["model.embed_tokens.weight", "token_embd.weight"],
  ["model.norm.weight", "output_norm.weight"],
  ["lm_head.weight", "output.weight"]
]);
var LAYER = /* @__PURE__ */ new Map([
  ["input_layernorm.weight", "attn_norm.weight"],
  ["self_attn.q_proj.weight", "attn_q.weight"],
  ["self_attn.q_proj.bias", "attn_q.bias"],
  ["self_attn.k_proj.weight", "attn_k.weight"],
  ["self_attn.k_proj.bias", "attn_k.bias"],
  ["self_attn.v_proj.weight", "attn_v.weight"],
  ["self_attn.v_proj.bias", "attn_v.bias"],
  ["self_attn.o_proj.weight", "attn_output.weight"],
  ["self_attn.o_proj.bias", "attn_output.bias"],
  ["post_attention_layernorm.weight", "ffn_norm.weight"],
  ["mlp.gate_proj.weight", "ffn_gate.weight"],
  ["mlp.up_proj.weight", "ffn_up.weight"],
  ["mlp.down_proj.weight", "ffn_down.weight"]
]);
var LAYER_NAME = /^model\.layers\.(0|[1-9]\d{0,5})\.(.+)$/;
function ggufTensorName(hfName, config) {
  if (hfName.endsWith(".rotary_emb.inv_freq")) return void 0;
  if (hfName === "lm_head.weight" && config.tieWordEmbeddings) return void 0;
  const global = GLOBAL.get(hfName);
  if (global !== void 0) return global;
  const match = LAYER_NAME.exec(hfName);
  const mapped = match ? LAYER.get(match[2] ?? "") : void 0;
  if (match === null || mapped === void 0) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `tensor ${JSON.stringify(hfName)} has no GGUF name for architecture ${config.architecture}`
    );
  }
  const layer = Number(match[1]);
  if (layer >= config.layers) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `tensor ${JSON.stringify(hfName)} is in layer ${layer}, but config.json has num_hidden_layers ${config.layers}`
    );
  }
  return `blk.${layer}.${mapped}`;
}
function layerOf(ggufName) {
  const match = /^blk\.(\d+)\./.exec(ggufName);
  return match ? Number(match[1]) : -1;
}
function compareGgufNames(a, b) {
  const la = layerOf(a);
  const lb = layerOf(b);
  if (la !== lb) return la - lb;
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/quantize/source-model.ts
import { readFile as readFile5, stat as stat9 } from "node:fs/promises";
import { basename as basename12, dirname as dirname7, join as join9 } from "node:path";
function isRecord4(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
async function shardNames(indexPath) {
  const name = basename12(indexPath);
  let json;
  try {
    json = JSON.parse(await readFile5(indexPath, "utf8"));
  } catch (error) {
    throw malformed(
      name,
      `is not valid JSON (${error instanceof Error ? error.message : String(error)})`
    );
  }
  const map = isRecord4(json) ? json.weight_map : void 0;
  if (!isRecord4(map)) throw malformed(name, `has no "weight_map" object`);
  const shards = /* @__PURE__ */ new Set();
  for (const [tensor2, file] of Object.entries(map)) {
    if (typeof file !== "string" || file === "" || /[/\\]/.test(file) || file === "..") {
      throw malformed(
        name,
        `weight_map[${JSON.stringify(tensor2)}] is not a file name beside the index`
      );
    }
    shards.add(file);
  }
  return [...shards].sort();
}
async function resolveInput(path) {
  const info = await stat9(path).catch(() => void 0);
  if (info === void 0) {
    throw new ModelPublishError("INPUT_MALFORMED", `${path}: no such file or folder`);
  }
  if (info.isDirectory()) {
    for (const candidate of ["model.safetensors.index.json", "model.safetensors"]) {
      const full = join9(path, candidate);
      if (await stat9(full).catch(() => void 0)) return resolveInput(full);
    }
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `${path}: no model.safetensors or model.safetensors.index.json in this folder; run \`model-publish convert\` first`
    );
  }
  const folder = dirname7(path);
  if (path.endsWith(".json")) {
    const shards = (await shardNames(path)).map((file) => join9(folder, file));
    return { index: path, shards, folder };
  }
  if (!path.endsWith(".safetensors")) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `${path}: quantize reads safetensors (a .safetensors file, its index or their folder); convert other formats first`
    );
  }
  return { shards: [path], folder };
}
async function openSourceModel(path) {
  const { index, shards, folder } = await resolveInput(path);
  const files = [];
  const close = async () => {
    await Promise.all(files.map((f) => f.close()));
  };
  try {
    const tensors = [];
    const seen = /* @__PURE__ */ new Set();
    for (const shard of shards) {
      const file = await SafetensorsFile.open(shard);
      files.push(file);
      for (const info of file.tensors) {
        if (seen.has(info.name))
          throw malformed(basename12(shard), `tensor ${info.name} is in two shards`);
        seen.add(info.name);
        const { length } = file.byteRange(info);
        tensors.push({
          name: info.name,
          dtype: info.dtype,
          shape: [...info.shape],
          numel: checkedProduct(info.shape) ?? 0,
          byteLength: length,
          file,
          info
        });
      }
    }
    return {
      tensors,
      files: [...index === void 0 ? [] : [index], ...shards],
      tensorBytes: tensors.reduce((sum, t) => sum + t.byteLength, 0),
      folder,
      close
    };
  } catch (error) {
    await close();
    throw error;
  }
}
async function readSourceBytes(tensor2) {
  const out = new Uint8Array(new SharedArrayBuffer(tensor2.byteLength));
  const { offset, length } = tensor2.file.byteRange(tensor2.info);
  await tensor2.file.file.readInto(out, 0, length, offset, `tensor ${tensor2.name}`);
  return out;
}
var FLOAT_DTYPES = /* @__PURE__ */ new Set(["F32", "F16", "BF16", "F64"]);
function isFloatTensor(tensor2) {
  return FLOAT_DTYPES.has(tensor2.dtype);
}
async function readSourceF32(tensor2, pool) {
  const bytes = await readSourceBytes(tensor2);
  const n = tensor2.numel;
  if (tensor2.dtype === "F32") return new Float32Array(bytes.buffer, 0, n);
  if (tensor2.dtype === "F16" || tensor2.dtype === "BF16") {
    const out = new Float32Array(new SharedArrayBuffer(n * 4));
    const kernel = tensor2.dtype === "F16" ? "decodeF16" : "decodeBf16";
    const per = 1 << 20;
    const jobs = [];
    for (let start = 0; start < n; start += per) {
      jobs.push(pool.run(kernel, bytes, start * 2, Math.min(per, n - start), out, start));
    }
    await Promise.all(jobs);
    return out;
  }
  if (tensor2.dtype === "F64") {
    const out = new Float32Array(new SharedArrayBuffer(n * 4));
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < n; i++) out[i] = view.getFloat64(i * 8, true);
    return out;
  }
  throw new ModelPublishError(
    "INPUT_UNSUPPORTED",
    `tensor ${tensor2.name} is ${tensor2.dtype}; only floating-point tensors can be quantized`
  );
}

// src/quantize/gguf-plan.ts
function permuteHeadsOf(name, config) {
  if (config.architecture !== "llama") return void 0;
  if (/^blk\.\d+\.attn_q\.(weight|bias)$/.test(name)) return config.heads;
  if (/^blk\.\d+\.attn_k\.(weight|bias)$/.test(name)) return config.kvHeads;
  return void 0;
}
function planGguf(tensors, config, scheme) {
  const mapped = [];
  for (const source of tensors) {
    const name = ggufTensorName(source.name, config);
    if (name === void 0) continue;
    if (!isFloatTensor(source)) {
      throw new ModelPublishError(
        "INPUT_UNSUPPORTED",
        `tensor ${source.name} is ${source.dtype}; GGUF variants are made from floating-point weights`
      );
    }
    mapped.push({ name, source });
  }
  mapped.sort((a, b) => compareGgufNames(a.name, b.name));
  const types = chooseTensorTypes(
    mapped.map((m) => ({ name: m.name, ne: ggmlDims(m.source.shape) })),
    scheme,
    config.layers
  );
  return mapped.map(({ name, source }, i) => ({
    name,
    source,
    shape: [...source.shape],
    type: types[i] ?? "F32",
    permuteHeads: permuteHeadsOf(name, config)
  }));
}

// src/quantize/llama-metadata.ts
function llamaMetadata(config, options2) {
  const a = config.architecture;
  const m = /* @__PURE__ */ new Map([
    ["general.architecture", gguf.str(a)],
    ["general.type", gguf.str("model")],
    ["general.name", gguf.str(options2.name)],
    [`${a}.block_count`, gguf.u32(config.layers)],
    [`${a}.context_length`, gguf.u32(config.contextLength)],
    [`${a}.embedding_length`, gguf.u32(config.hiddenSize)],
    [`${a}.feed_forward_length`, gguf.u32(config.intermediateSize)],
    [`${a}.attention.head_count`, gguf.u32(config.heads)],
    [`${a}.attention.head_count_kv`, gguf.u32(config.kvHeads)],
    [`${a}.rope.freq_base`, gguf.f32(config.ropeTheta)],
    [`${a}.attention.layer_norm_rms_epsilon`, gguf.f32(config.rmsNormEps)]
  ]);
  if (config.headDimExplicit) {
    m.set(`${a}.attention.key_length`, gguf.u32(config.headDim));
    m.set(`${a}.attention.value_length`, gguf.u32(config.headDim));
  }
  m.set("general.file_type", gguf.u32(options2.fileType));
  m.set(`${a}.vocab_size`, gguf.u32(config.vocabSize));
  m.set(`${a}.rope.dimension_count`, gguf.u32(config.headDim));
  const scaling = config.ropeScaling;
  if (scaling !== void 0) {
    m.set(`${a}.rope.scaling.type`, gguf.str(scaling.type));
    m.set(`${a}.rope.scaling.factor`, gguf.f32(scaling.factor));
    if (scaling.type === "yarn") {
      m.set(`${a}.rope.scaling.original_context_length`, gguf.u32(scaling.originalContextLength));
    }
  }
  m.set("general.quantization_version", gguf.u32(GGML_QUANTIZATION_VERSION));
  m.set("general.alignment", gguf.u32(GGUF_DEFAULT_ALIGNMENT));
  for (const [key, value] of options2.extra ?? []) {
    if (!m.has(key)) m.set(key, value);
  }
  return m;
}

// src/quantize/qk-permute.ts
function permuteQK(data, rows, cols, heads) {
  const perHead = rows / heads;
  if (!Number.isInteger(perHead) || perHead % 2 !== 0) {
    throw new Error(`cannot permute ${rows} rows into ${heads} heads of rotary pairs`);
  }
  const half = perHead / 2;
  const out = new Float32Array(new SharedArrayBuffer(data.byteLength));
  for (let h = 0; h < heads; h++) {
    for (let s = 0; s < 2; s++) {
      for (let j = 0; j < half; j++) {
        const from = (h * perHead + s * half + j) * cols;
        const to = (h * perHead + 2 * j + s) * cols;
        out.set(data.subarray(from, from + cols), to);
      }
    }
  }
  return out;
}

// src/quantize/quantize-gguf.ts
async function planValues(entry, pool) {
  const values = await readSourceF32(entry.source, pool);
  if (entry.permuteHeads === void 0) return values;
  const rows = entry.shape[0] ?? 1;
  return permuteQK(values, rows, values.length / rows, entry.permuteHeads);
}
async function quantizeGguf(options2) {
  const { source, config, scheme, pool, onProgress } = options2;
  const plan = planGguf(source.tensors, config, scheme);
  const metadata = llamaMetadata(config, {
    name: options2.name,
    fileType: fileTypeOf(scheme),
    ...options2.extraMetadata ? { extra: options2.extraMetadata } : {}
  });
  const layout = layoutGguf(
    metadata,
    plan.map((p) => ({ name: p.name, type: p.type, shape: p.shape }))
  );
  const written = [];
  await writeGguf(options2.output, layout, async function* (tensor2, index) {
    const entry = plan[index];
    if (entry === void 0) return;
    const values = await planValues(entry, pool);
    const bytes = await encodeGgml(
      pool,
      tensor2.type,
      values,
      `${entry.source.name} (${tensor2.name})`
    );
    written.push(variantTensor(entry, tensor2.type, bytes.length));
    onProgress?.({ tensor: tensor2.name, type: tensor2.type, index, count: plan.length });
    yield bytes;
  });
  return written;
}
function variantTensor(entry, type, bytes) {
  return {
    name: entry.name,
    source: entry.source.name,
    type,
    shape: entry.shape,
    bytes
  };
}

// src/quantize/quantize-safetensors.ts
function isLowBitCandidate(tensor2) {
  return isFloatTensor(tensor2) && tensor2.shape.length >= 2 && tensor2.name.endsWith("weight") && tensor2.numel > 0;
}
function partsOf(tensor2, scheme, group) {
  const { name, shape } = tensor2;
  if (scheme === "f16" || scheme === "bf16") {
    const dtype = scheme === "f16" ? "F16" : "BF16";
    if (!isFloatTensor(tensor2) || tensor2.dtype === dtype)
      return [
        [
          { name, dtype: tensor2.dtype, shape },
          { kind: "copy", source: tensor2 }
        ]
      ];
    return [
      [
        { name, dtype, shape },
        { kind: "float", source: tensor2, dtype }
      ]
    ];
  }
  if (!isLowBitCandidate(tensor2))
    return [
      [
        { name, dtype: tensor2.dtype, shape },
        { kind: "copy", source: tensor2 }
      ]
    ];
  const rows = shape[0] ?? 1;
  const cols = tensor2.numel / rows;
  if (scheme === "int8") {
    return [
      [
        { name, dtype: "I8", shape },
        { kind: "int8", scales: false, source: tensor2, rows, cols }
      ],
      [
        { name: `${name}_scale`, dtype: "F32", shape: [rows] },
        { kind: "int8", scales: true, source: tensor2, rows, cols }
      ]
    ];
  }
  const groups = Math.ceil(cols / group);
  return [
    [
      { name: `${name}_packed`, dtype: "U8", shape: [rows, Math.ceil(cols / 2)] },
      { kind: "int4", scales: false, source: tensor2, rows, cols, group }
    ],
    [
      { name: `${name}_scale`, dtype: "F32", shape: [rows, groups] },
      { kind: "int4", scales: true, source: tensor2, rows, cols, group }
    ],
    [
      { name: `${name}_shape`, dtype: "I64", shape: [shape.length] },
      { kind: "shape", source: tensor2 }
    ]
  ];
}
async function quantizeSafetensors(options2) {
  const { source, scheme, pool, onProgress } = options2;
  const group = options2.groupSize ?? 128;
  const parts2 = /* @__PURE__ */ new Map();
  const entries2 = [];
  for (const tensor2 of source.tensors) {
    for (const [entry, part] of partsOf(tensor2, scheme, group)) {
      entries2.push(entry);
      parts2.set(entry.name, part);
    }
  }
  const layout = layoutSafetensors(entries2, lowBitLayout(scheme, group));
  const written = [];
  let index = 0;
  await writeSafetensors(options2.output, layout, async function* (entry) {
    const part = parts2.get(entry.name);
    if (part === void 0) return;
    const bytes = await encodePart(part, pool);
    written.push({
      name: entry.name,
      source: part.source.name,
      type: entry.dtype,
      shape: [...entry.shape],
      bytes: bytes.length
    });
    onProgress?.({
      tensor: entry.name,
      type: entry.dtype,
      index: index++,
      count: layout.tensors.length
    });
    yield bytes;
  });
  return written;
}
async function encodePart(part, pool) {
  if (part.kind === "copy") return readSourceBytes(part.source);
  if (part.kind === "shape") {
    const out = new BigInt64Array(part.source.shape.map((n) => BigInt(n)));
    return new Uint8Array(out.buffer);
  }
  const values = await readSourceF32(part.source, pool);
  if (part.kind === "float") {
    const out = new Uint8Array(new SharedArrayBuffer(values.length * 2));
    const per = 1 << 20;
    const jobs = [];
    for (let start = 0; start < values.length; start += per) {
      const count2 = Math.min(per, values.length - start);
      jobs.push(
        pool.run(
          part.dtype === "F16" ? "encodeF16" : "encodeBf16",
          values,
          start,
          count2,
          out,
          start * 2
        )
      );
    }
    await Promise.all(jobs);
    return out;
  }
  const { rows, cols } = part;
  const rowsPerJob = Math.max(1, Math.floor((1 << 18) / cols));
  if (part.kind === "int8") {
    const q = new Uint8Array(new SharedArrayBuffer(rows * cols));
    const scales2 = new Float32Array(new SharedArrayBuffer(rows * 4));
    await inRowJobs(
      rows,
      rowsPerJob,
      (r, n) => pool.run("quantizeInt8Rows", values, r * cols, n, cols, q, r * cols, scales2, r)
    );
    return part.scales ? new Uint8Array(scales2.buffer) : q;
  }
  const rowBytes = Math.ceil(cols / 2);
  const groups = Math.ceil(cols / part.group);
  const packed2 = new Uint8Array(new SharedArrayBuffer(rows * rowBytes));
  const scales = new Float32Array(new SharedArrayBuffer(rows * groups * 4));
  await inRowJobs(
    rows,
    rowsPerJob,
    (r, n) => pool.run(
      "quantizeInt4Groups",
      values,
      r * cols,
      n,
      cols,
      part.group,
      packed2,
      r * rowBytes,
      scales,
      r * groups
    )
  );
  return part.scales ? new Uint8Array(scales.buffer) : packed2;
}
async function inRowJobs(rows, per, run3) {
  const jobs = [];
  for (let r = 0; r < rows; r += per) jobs.push(run3(r, Math.min(per, rows - r)));
  await Promise.all(jobs);
}

// src/quantize/quantize-model.ts
function variantFormat(scheme, output, format) {
  if (scheme === "int8" || scheme === "int4") {
    if (format === "gguf") {
      throw new ModelPublishError(
        "USAGE",
        `${scheme} is a safetensors scheme; GGUF has q8_0/q4_0/q4_k/q4_k_m/q6_k`
      );
    }
    return "safetensors";
  }
  if (scheme === "f16" || scheme === "bf16")
    return format ?? (output.endsWith(".gguf") ? "gguf" : "safetensors");
  if (format === "safetensors") {
    throw new ModelPublishError(
      "USAGE",
      `${scheme} is a GGUF scheme; safetensors variants are f16/bf16/int8/int4`
    );
  }
  return "gguf";
}
async function loadModelConfig(path) {
  let text2;
  try {
    text2 = await readFile6(path, "utf8");
  } catch {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${path}: cannot read config.json; GGUF needs the model's architecture (put config.json beside the weights or pass --config)`
    );
  }
  let json;
  try {
    json = JSON.parse(text2);
  } catch (error) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`
    );
  }
  return readModelConfig(json, path);
}
async function sizeOf(files) {
  let total = 0;
  for (const file of files) total += (await stat10(file)).size;
  return total;
}
async function quantizeModel(options2) {
  const { scheme, output } = options2;
  const format = variantFormat(scheme, output, options2.format);
  const source = await openSourceModel(options2.input);
  const pool = KernelPool.create(options2.threads);
  const partial = `${output}.partial`;
  try {
    const tensors = await write(source, pool, format, partial, options2);
    await rename3(partial, output);
    return {
      scheme,
      format,
      file: output,
      size: (await stat10(output)).size,
      sourceFiles: source.files,
      sourceSize: await sizeOf(source.files),
      tensors
    };
  } catch (error) {
    await rm4(partial, { force: true });
    throw error;
  } finally {
    await pool.close();
    await source.close();
  }
}
async function write(source, pool, format, file, options2) {
  const { scheme } = options2;
  const onProgress = options2.onProgress;
  if (format === "safetensors") {
    if (!isLowBitScheme(scheme)) throw new Error(`unreachable: ${scheme} as safetensors`);
    return quantizeSafetensors({
      source,
      scheme,
      output: file,
      pool,
      ...options2.groupSize === void 0 ? {} : { groupSize: options2.groupSize },
      ...onProgress ? { onProgress } : {}
    });
  }
  if (!isGgufScheme(scheme)) throw new Error(`unreachable: ${scheme} as GGUF`);
  const config = await loadModelConfig(options2.config ?? join10(source.folder, "config.json"));
  return quantizeGguf({
    source,
    config,
    scheme,
    output: file,
    name: options2.name ?? basename13(options2.output).replace(/\.gguf$/, ""),
    pool,
    ...options2.extraMetadata ? { extraMetadata: options2.extraMetadata } : {},
    ...onProgress ? { onProgress } : {}
  });
}

// src/formats/gguf-cursor.ts
var NeedMoreBytes = class extends Error {
  constructor(upTo) {
    super(`need the first ${upTo} bytes`);
    this.upTo = upTo;
  }
  upTo;
};
var utf82 = new TextDecoder("utf-8", { fatal: true });
var GgufCursor = class {
  constructor(buf, fileSize, name) {
    this.buf = buf;
    this.fileSize = fileSize;
    this.name = name;
  }
  buf;
  fileSize;
  name;
  pos = 0;
  /** INPUT_MALFORMED naming `offset`. */
  fail(offset, detail) {
    return malformed(this.name, `${detail} at byte ${offset}`);
  }
  need(n, what) {
    if (this.pos + n > this.fileSize) {
      throw malformed(
        this.name,
        `${what} at byte ${this.pos} runs past the end of the ${this.fileSize}-byte file; the file is truncated`
      );
    }
    if (this.pos + n > this.buf.length) throw new NeedMoreBytes(this.pos + n);
  }
  get remaining() {
    return this.fileSize - this.pos;
  }
  u8(what) {
    this.need(1, what);
    return this.buf.readUInt8(this.pos++);
  }
  i8(what) {
    this.need(1, what);
    return this.buf.readInt8(this.pos++);
  }
  u16(what) {
    this.need(2, what);
    const v = this.buf.readUInt16LE(this.pos);
    this.pos += 2;
    return v;
  }
  i16(what) {
    this.need(2, what);
    const v = this.buf.readInt16LE(this.pos);
    this.pos += 2;
    return v;
  }
  u32(what) {
    this.need(4, what);
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  i32(what) {
    this.need(4, what);
    const v = this.buf.readInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  f32(what) {
    this.need(4, what);
    const v = this.buf.readFloatLE(this.pos);
    this.pos += 4;
    return v;
  }
  f64(what) {
    this.need(8, what);
    const v = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return v;
  }
  u64(what) {
    this.need(8, what);
    const v = this.buf.readBigUInt64LE(this.pos);
    this.pos += 8;
    return v;
  }
  i64(what) {
    this.need(8, what);
    const v = this.buf.readBigInt64LE(this.pos);
    this.pos += 8;
    return v;
  }
  /** A u64 that ggml reads as int64 and that must also be a safe integer here. */
  count(what, max) {
    const at = this.pos;
    const v = this.i64(what);
    if (v < 0n) throw this.fail(at, `${what} ${v} is negative`);
    if (v > BigInt(max)) {
      throw this.fail(at, `${what} ${v} is more than the rest of the file could hold (${max})`);
    }
    return Number(v);
  }
  /** `gguf_string`: u64 length, then that many bytes of UTF-8. */
  string(what) {
    const at = this.pos;
    const length = this.count(`${what} length`, this.remaining - 8);
    this.need(length, what);
    const bytes = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    try {
      return utf82.decode(bytes);
    } catch {
      throw this.fail(at, `${what} is not valid UTF-8`);
    }
  }
};

// src/formats/gguf-parse.ts
var ITEM_SIZE = {
  uint8: 1,
  int8: 1,
  bool: 1,
  uint16: 2,
  int16: 2,
  uint32: 4,
  int32: 4,
  float32: 4,
  uint64: 8,
  int64: 8,
  float64: 8,
  string: 8
};
function readType(c, what) {
  const at = c.pos;
  const code = c.u32(what);
  const type = GGUF_VALUE_TYPES[code];
  if (type === void 0) throw c.fail(at, `${what} ${code} is not a GGUF value type`);
  return type;
}
function readScalar(c, type, what) {
  switch (type) {
    case "uint8":
      return c.u8(what);
    case "int8":
      return c.i8(what);
    case "uint16":
      return c.u16(what);
    case "int16":
      return c.i16(what);
    case "uint32":
      return c.u32(what);
    case "int32":
      return c.i32(what);
    case "float32":
      return c.f32(what);
    case "float64":
      return c.f64(what);
    case "uint64":
      return c.u64(what);
    case "int64":
      return c.i64(what);
    case "bool":
      return c.u8(what) !== 0;
    case "string":
      return c.string(what);
  }
}
function readValue(c, key) {
  const what = `value of ${JSON.stringify(key)}`;
  const type = readType(c, `type of ${JSON.stringify(key)}`);
  if (type !== "array") return { type, value: readScalar(c, type, what) };
  const at = c.pos;
  const itemType = readType(c, `element type of ${JSON.stringify(key)}`);
  if (itemType === "array") {
    throw c.fail(at, `${JSON.stringify(key)} is an array of arrays, which ggml refuses`);
  }
  const size2 = ITEM_SIZE[itemType] ?? 1;
  const count2 = c.count(`length of ${JSON.stringify(key)}`, Math.floor((c.remaining - 8) / size2));
  const items = new Array(count2);
  for (let i = 0; i < count2; i++) items[i] = readScalar(c, itemType, `${what}[${i}]`);
  return { type: "array", itemType, items };
}
function readTensorInfo(c) {
  const at = c.pos;
  const name = c.string("tensor name");
  const bytes = Buffer.byteLength(name, "utf8");
  if (bytes > GGML_MAX_NAME_BYTES) {
    throw c.fail(
      at,
      `tensor name ${JSON.stringify(name)} is ${bytes} bytes, over ggml's ${GGML_MAX_NAME_BYTES}`
    );
  }
  const dimsAt = c.pos;
  const nDims = c.u32(`dimension count of ${name}`);
  if (nDims > GGML_MAX_DIMS) {
    throw c.fail(dimsAt, `tensor ${name} has ${nDims} dimensions, over ggml's ${GGML_MAX_DIMS}`);
  }
  const ne = [];
  for (let j = 0; j < nDims; j++)
    ne.push(c.count(`dimension ${j} of ${name}`, Number.MAX_SAFE_INTEGER));
  if (checkedProduct(ne) === void 0)
    throw c.fail(dimsAt, `tensor ${name} has too many elements`);
  const typeAt = c.pos;
  const typeId = c.u32(`type of ${name}`);
  const type = ggmlTypeById(typeId);
  if (type === void 0) throw c.fail(typeAt, `tensor ${name} has unknown ggml type ${typeId}`);
  const offsetAt = c.pos;
  const offset = c.count(`offset of ${name}`, Number.MAX_SAFE_INTEGER);
  return { name, ne, shape: [...ne].reverse(), type, offset, offsetAt };
}
function parseGgufHeader(buf, fileSize, name) {
  const c = new GgufCursor(buf, fileSize, name);
  const magic = c.u32("magic");
  if (magic !== GGUF_MAGIC)
    throw c.fail(0, `magic is ${buf.subarray(0, 4).toString("hex")}, not "GGUF"`);
  const version = c.u32("version");
  if (version === 50331648 || version === 33554432) {
    throw unsupported(name, "is a big-endian GGUF file, which ggml cannot read either");
  }
  if (version < 2 || version > 3) {
    throw unsupported(
      name,
      `GGUF version ${version} at byte 4 is not supported (ggml reads 2 and 3)`
    );
  }
  const tensorCount = c.count("tensor count", Math.floor(c.remaining / 24));
  const kvCount = c.count("metadata count", Math.floor((c.remaining - 8) / 13));
  const metadata = /* @__PURE__ */ new Map();
  let alignAt = 0;
  for (let i = 0; i < kvCount; i++) {
    const at = c.pos;
    const key = c.string(`key ${i}`);
    if (metadata.has(key)) throw c.fail(at, `duplicate metadata key ${JSON.stringify(key)}`);
    if (key === "general.alignment") alignAt = at;
    metadata.set(key, readValue(c, key));
  }
  let alignment = GGUF_DEFAULT_ALIGNMENT;
  const align = metadata.get("general.alignment");
  if (align !== void 0) {
    if (align.type !== "uint32") {
      throw c.fail(alignAt, `general.alignment is a ${align.type}; ggml requires a uint32`);
    }
    if (align.value === 0 || (align.value & align.value - 1) !== 0) {
      throw c.fail(alignAt, `general.alignment ${align.value} is not a power of two`);
    }
    alignment = align.value;
  }
  const infos = [];
  const names = /* @__PURE__ */ new Set();
  for (let i = 0; i < tensorCount; i++) {
    const at = c.pos;
    const info = readTensorInfo(c);
    if (names.has(info.name))
      throw c.fail(at, `duplicate tensor name ${JSON.stringify(info.name)}`);
    names.add(info.name);
    infos.push(info);
  }
  const dataStart = alignUp(c.pos, alignment);
  let expected = 0;
  const tensors = infos.map(({ offsetAt, ...info }) => {
    const nbytes = ggmlNbytes(info.type, info.ne);
    if (nbytes === void 0) {
      throw c.fail(
        offsetAt,
        `tensor ${info.name}: ${info.type.name} rows of ${info.ne[0] ?? 1} values are not a multiple of its block size ${info.type.blockSize}`
      );
    }
    if (info.offset !== expected) {
      throw c.fail(
        offsetAt,
        `tensor ${info.name} has offset ${info.offset}, expected ${expected} (offsets must be contiguous and aligned to ${alignment})`
      );
    }
    const end = dataStart + info.offset + nbytes;
    if (end > fileSize) {
      throw c.fail(
        dataStart + info.offset,
        `tensor ${info.name} (${nbytes} bytes) runs past the end of the ${fileSize}-byte file; the file is truncated`
      );
    }
    expected = alignUp(info.offset + nbytes, alignment);
    return { ...info, nbytes };
  });
  return { version, metadata, tensors, alignment, dataStart };
}

// src/formats/gguf-file.ts
var MAX_GGUF_HEADER_BYTES = 512 * 1024 * 1024;
var FIRST_READ = 1024 * 1024;
var GgufFile = class _GgufFile {
  constructor(file, header2) {
    this.file = file;
    this.header = header2;
    this.byName = new Map(header2.tensors.map((t) => [t.name, t]));
  }
  file;
  header;
  byName;
  /** Opens and checks `path`; throws INPUT_MALFORMED naming the byte offset of the first fault. */
  static async open(path, name) {
    const file = await RandomAccessFile.open(path, name);
    try {
      let length = Math.min(file.size, FIRST_READ);
      for (; ; ) {
        const buf = await file.read(0, length, "GGUF header");
        try {
          return new _GgufFile(file, parseGgufHeader(buf, file.size, file.name));
        } catch (error) {
          if (!(error instanceof NeedMoreBytes)) throw error;
          if (error.upTo > MAX_GGUF_HEADER_BYTES) {
            throw malformed(
              file.name,
              `GGUF header runs past ${MAX_GGUF_HEADER_BYTES} bytes (at byte ${error.upTo}); refusing to read it`
            );
          }
          length = Math.min(file.size, Math.max(error.upTo, length * 2));
        }
      }
    } catch (error) {
      await file.close();
      throw error;
    }
  }
  get metadata() {
    return this.header.metadata;
  }
  get tensors() {
    return this.header.tensors;
  }
  tensor(name) {
    return this.byName.get(name);
  }
  /** Absolute file offset of a tensor's bytes. */
  fileOffset(info) {
    return this.header.dataStart + info.offset;
  }
  /** Reads a tensor's bytes into `into` (a new buffer by default). */
  async readTensor(info, into) {
    const target = into ?? new Uint8Array(info.nbytes);
    await this.file.readInto(target, 0, info.nbytes, this.fileOffset(info), `tensor ${info.name}`);
    return target;
  }
  async close() {
    await this.file.close();
  }
};

// src/evaluate/evaluate-variant.ts
import { stat as stat11 } from "node:fs/promises";
import { join as join11 } from "node:path";

// src/evaluate/tensor-metrics.ts
var JOB = 1 << 20;
async function compareValues(pool, ref, test, labels) {
  if (ref.length !== test.length) {
    throw new Error(`${labels.name}: ${test.length} values against ${ref.length}`);
  }
  const jobs = [];
  for (let start = 0; start < ref.length; start += JOB) {
    jobs.push(pool.run("errorSums", ref, start, test, start, Math.min(JOB, ref.length - start)));
  }
  let sq = 0;
  let abs = 0;
  let max = 0;
  let dot = 0;
  let refSq = 0;
  let testSq = 0;
  for (const part of await Promise.all(jobs)) {
    const [s = 0, a = 0, m = 0, d = 0, r = 0, t = 0] = part;
    sq += s;
    abs += a;
    max = Math.max(max, m);
    dot += d;
    refSq += r;
    testSq += t;
  }
  const n = ref.length;
  const norms = Math.sqrt(refSq) * Math.sqrt(testSq);
  const cosine = sq === 0 ? 1 : norms > 0 ? Math.min(1, Math.max(-1, dot / norms)) : refSq === testSq ? 1 : 0;
  return {
    ...labels,
    elements: n,
    maxAbsError: max,
    meanAbsError: n > 0 ? abs / n : 0,
    rmse: n > 0 ? Math.sqrt(sq / n) : 0,
    cosine,
    sumSquaredError: sq,
    sumAbsError: abs
  };
}
function exactMetrics(labels, elements) {
  return {
    ...labels,
    elements,
    maxAbsError: 0,
    meanAbsError: 0,
    rmse: 0,
    cosine: 1,
    sumSquaredError: 0,
    sumAbsError: 0
  };
}

// src/evaluate/evaluate-gguf.ts
function mismatch2(file, detail) {
  return new ModelPublishError("OUTPUT_MISMATCH", `${file}: ${detail}`);
}
async function evaluateGguf(source, path, config, pool) {
  const file = await GgufFile.open(path);
  try {
    const arch2 = file.metadata.get("general.architecture");
    if (arch2?.type !== "string" || arch2.value !== config.architecture) {
      throw mismatch2(
        file.file.name,
        `general.architecture is ${arch2?.type === "string" ? arch2.value : "missing"}, but config.json describes ${config.architecture}`
      );
    }
    const expected = /* @__PURE__ */ new Map();
    for (const tensor2 of source.tensors) {
      const name = ggufTensorName(tensor2.name, config);
      if (name === void 0) continue;
      expected.set(name, {
        name,
        source: tensor2,
        shape: [...tensor2.shape],
        type: "F32",
        permuteHeads: permuteHeadsOf(name, config)
      });
    }
    const results = [];
    for (const info of file.tensors) {
      const entry = expected.get(info.name);
      if (entry === void 0)
        throw mismatch2(file.file.name, `tensor ${info.name} has no source tensor`);
      expected.delete(info.name);
      const ne = ggmlDims(entry.shape);
      if (ne.join(",") !== info.ne.join(",")) {
        throw mismatch2(
          file.file.name,
          `tensor ${info.name} has ne [${info.ne.join(", ")}], but ${entry.source.name} gives [${ne.join(", ")}]`
        );
      }
      const bytes = new Uint8Array(new SharedArrayBuffer(info.nbytes));
      await file.readTensor(info, bytes);
      const type = info.type.name;
      const test = await decodeGgml(pool, type, bytes, entry.source.numel);
      const ref = await planValues(entry, pool);
      results.push(
        await compareValues(pool, ref, test, { name: info.name, source: entry.source.name, type })
      );
    }
    const missing = [...expected.keys()];
    if (missing.length > 0) {
      throw mismatch2(
        file.file.name,
        `tensors missing from the variant: ${missing.slice(0, 5).join(", ")}`
      );
    }
    return results;
  } finally {
    await file.close();
  }
}

// src/evaluate/evaluate-safetensors.ts
function mismatch3(file, detail) {
  return new ModelPublishError("OUTPUT_MISMATCH", `${file}: ${detail}`);
}
async function readShared(file, info) {
  const { offset, length } = file.byteRange(info);
  const out = new Uint8Array(new SharedArrayBuffer(length));
  await file.file.readInto(out, 0, length, offset, `tensor ${info.name}`);
  return out;
}
function schemeOf(file) {
  const scheme = file.metadata?.quantization ?? "";
  if (!isLowBitScheme(scheme)) {
    throw mismatch3(
      file.file.name,
      `__metadata__ has no low-bit "quantization" (f16, bf16, int8, int4)`
    );
  }
  const group = Number(file.metadata?.["quantization.group_size"] ?? "128");
  if (!Number.isSafeInteger(group) || group <= 0) {
    throw mismatch3(
      file.file.name,
      `__metadata__ "quantization.group_size" is not a positive integer`
    );
  }
  return { scheme, group };
}
async function evaluateSafetensors(source, path, pool) {
  const file = await SafetensorsFile.open(path);
  try {
    const { scheme, group } = schemeOf(file);
    const results = [];
    for (const tensor2 of source.tensors) {
      results.push(await evaluateOne(file, tensor2, scheme, group, pool));
    }
    return results;
  } finally {
    await file.close();
  }
}
async function evaluateOne(file, tensor2, scheme, group, pool) {
  const name = file.file.name;
  const packed2 = file.tensor(`${tensor2.name}_packed`);
  const scale = file.tensor(`${tensor2.name}_scale`);
  const plain = file.tensor(tensor2.name);
  const rows = tensor2.shape[0] ?? 1;
  const cols = rows > 0 ? tensor2.numel / rows : 0;
  const labels = { source: tensor2.name };
  if (scheme === "int4" && packed2 !== void 0 && scale !== void 0) {
    const q = await readShared(file, packed2);
    const scales = new Float32Array((await readShared(file, scale)).buffer);
    const test2 = new Float32Array(new SharedArrayBuffer(tensor2.numel * 4));
    await pool.run("dequantizeInt4Groups", q, 0, rows, cols, group, scales, 0, test2, 0);
    const ref2 = await readSourceF32(tensor2, pool);
    return compareValues(pool, ref2, test2, { ...labels, name: packed2.name, type: "INT4" });
  }
  if (plain === void 0) throw mismatch3(name, `tensor ${tensor2.name} is missing`);
  if (plain.shape.join(",") !== tensor2.shape.join(",")) {
    throw mismatch3(
      name,
      `tensor ${tensor2.name} has shape [${plain.shape.join(", ")}], the source [${tensor2.shape.join(", ")}]`
    );
  }
  if (scheme === "int8" && plain.dtype === "I8" && scale !== void 0 && isFloatTensor(tensor2)) {
    const q = await readShared(file, plain);
    const scales = new Float32Array((await readShared(file, scale)).buffer);
    const test2 = new Float32Array(new SharedArrayBuffer(tensor2.numel * 4));
    await pool.run("dequantizeInt8Rows", q, 0, rows, cols, scales, 0, test2, 0);
    const ref2 = await readSourceF32(tensor2, pool);
    return compareValues(pool, ref2, test2, { ...labels, name: plain.name, type: "INT8" });
  }
  const bytes = await readShared(file, plain);
  if (plain.dtype === tensor2.dtype) {
    if (!Buffer.from(bytes).equals(await readSourceBytes(tensor2))) {
      throw mismatch3(
        name,
        `tensor ${tensor2.name} should be copied unchanged but differs from the source`
      );
    }
    return exactMetrics({ ...labels, name: plain.name, type: plain.dtype }, tensor2.numel);
  }
  if (plain.dtype !== "F16" && plain.dtype !== "BF16" || !isFloatTensor(tensor2)) {
    throw mismatch3(
      name,
      `tensor ${tensor2.name} is ${plain.dtype}, which ${scheme} does not produce from ${tensor2.dtype}`
    );
  }
  const test = new Float32Array(new SharedArrayBuffer(tensor2.numel * 4));
  await pool.run(
    plain.dtype === "F16" ? "decodeF16" : "decodeBf16",
    bytes,
    0,
    tensor2.numel,
    test,
    0
  );
  const ref = await readSourceF32(tensor2, pool);
  return compareValues(pool, ref, test, { ...labels, name: plain.name, type: plain.dtype });
}

// src/evaluate/evaluate-variant.ts
function summarize(tensors) {
  let elements = 0;
  let sq = 0;
  let abs = 0;
  const summary = {
    tensors: tensors.length,
    elements: 0,
    minCosine: 1,
    minCosineTensor: "",
    maxAbsError: 0,
    maxMeanAbsError: 0,
    maxRmse: 0,
    meanAbsError: 0,
    rmse: 0
  };
  for (const t of tensors) {
    elements += t.elements;
    sq += t.sumSquaredError;
    abs += t.sumAbsError;
    if (!(t.cosine >= summary.minCosine)) {
      summary.minCosine = t.cosine;
      summary.minCosineTensor = t.name;
    }
    if (!(t.maxAbsError <= summary.maxAbsError)) summary.maxAbsError = t.maxAbsError;
    if (!(t.meanAbsError <= summary.maxMeanAbsError)) summary.maxMeanAbsError = t.meanAbsError;
    if (!(t.rmse <= summary.maxRmse)) summary.maxRmse = t.rmse;
  }
  summary.elements = elements;
  summary.meanAbsError = elements > 0 ? abs / elements : 0;
  summary.rmse = elements > 0 ? Math.sqrt(sq / elements) : 0;
  return summary;
}
async function evaluateVariant(options2) {
  const source = await openSourceModel(options2.source);
  const pool = KernelPool.create(options2.threads);
  try {
    const format = options2.variant.endsWith(".gguf") ? "gguf" : "safetensors";
    const tensors = format === "gguf" ? await evaluateGguf(
      source,
      options2.variant,
      await loadModelConfig(options2.config ?? join11(source.folder, "config.json")),
      pool
    ) : await evaluateSafetensors(source, options2.variant, pool);
    const size2 = (await stat11(options2.variant)).size;
    let sourceSize = 0;
    for (const file of source.files) sourceSize += (await stat11(file)).size;
    const summary = summarize(tensors);
    return {
      format,
      file: options2.variant,
      size: size2,
      sourceSize,
      compressionRatio: size2 > 0 ? sourceSize / size2 : 0,
      compressionRatioVsF32: size2 > 0 ? summary.elements * 4 / size2 : 0,
      tensors,
      summary
    };
  } finally {
    await pool.close();
    await source.close();
  }
}

// src/quantize/variant.ts
var QUANT_SCHEMES = [
  "f16",
  "bf16",
  "int8",
  "int4",
  "q8_0",
  "q4_0",
  "q4_k",
  "q4_k_m",
  "q6_k"
];
function isQuantScheme(value) {
  return QUANT_SCHEMES.includes(value);
}
var NAME_PART = /^[a-z0-9][a-z0-9._-]*$/;
function variantFileName(id, size2, scheme, ext) {
  for (const [what, value] of [
    ["id", id],
    ["size", size2]
  ]) {
    if (!NAME_PART.test(value)) {
      throw new ModelPublishError(
        "USAGE",
        `${what} ${JSON.stringify(value)} must be lower-case letters, digits, '.', '_' or '-' (e.g. ruvltra, 0.5b)`
      );
    }
  }
  const stem = id.endsWith(`-${size2}`) ? id : `${id}-${size2}`;
  return `${stem}-${scheme}.${ext}`;
}

// src/release/build-variants.ts
import { existsSync } from "node:fs";
import { join as join12 } from "node:path";

// src/evaluate/variant-report.ts
function variantReport(scheme, path, evaluation) {
  const s = evaluation.summary;
  const metrics = {
    compressionRatio: evaluation.compressionRatio,
    compressionRatioVsF32: evaluation.compressionRatioVsF32,
    minCosine: s.minCosine,
    maxAbsError: s.maxAbsError,
    maxMeanAbsError: s.maxMeanAbsError,
    maxRmse: s.maxRmse,
    meanAbsError: s.meanAbsError,
    rmse: s.rmse,
    tensors: s.tensors
  };
  return {
    optimization: {
      scheme,
      files: [path],
      size: evaluation.size,
      compressionRatio: evaluation.compressionRatio,
      metrics
    },
    metrics
  };
}

// src/release/build-variants.ts
var DEFAULT_BUDGETS = {
  f16: { minCosine: 0.9999 },
  bf16: { minCosine: 0.9999 },
  int8: { minCosine: 0.999 },
  q8_0: { minCosine: 0.999 },
  q6_k: { minCosine: 0.999 },
  int4: { minCosine: 0.99 },
  q4_0: { minCosine: 0.99 },
  q4_k: { minCosine: 0.99 },
  q4_k_m: { minCosine: 0.99 }
};
function fileNameOf(manifest, scheme, ext) {
  return manifest.size ? variantFileName(manifest.id, manifest.size, scheme, ext) : `${manifest.id}-${scheme}.${ext}`;
}
async function buildTensorVariants(manifest, root2, weights, onProgress) {
  const variants = (manifest.variants ?? []).filter(
    (v) => isQuantScheme(v.scheme)
  );
  if (variants.length === 0) return { artifacts: [], optimization: [] };
  const index = weights.find((a) => a.format === "safetensors-index");
  const single = weights.find((a) => a.format === "safetensors");
  const source = index?.file ?? single?.file;
  if (source === void 0) return { artifacts: [], optimization: [] };
  const config = existsSync(join12(root2, "config.json")) ? join12(root2, "config.json") : void 0;
  const artifacts = [];
  const optimization = [];
  for (const variant of variants) {
    const format = variantFormat(variant.scheme, "", variant.format);
    const path = fileNameOf(manifest, variant.scheme, format === "gguf" ? "gguf" : "safetensors");
    const output = join12(root2, path);
    await quantizeModel({
      input: source,
      scheme: variant.scheme,
      output,
      format,
      name: manifest.name,
      ...config ? { config } : {},
      ...variant.groupSize ? { groupSize: variant.groupSize } : {},
      onProgress: (p) => {
        onProgress({ scheme: variant.scheme, done: p.index + 1, total: p.count });
      }
    });
    const evaluation = await evaluateVariant({
      source,
      variant: output,
      ...config ? { config } : {}
    });
    checkBudget(
      `${variant.scheme} (${path})`,
      evaluation.tensors,
      variant.budget ?? DEFAULT_BUDGETS[variant.scheme]
    );
    const report = variantReport(variant.scheme, path, evaluation);
    optimization.push(report.optimization);
    artifacts.push({
      path,
      file: output,
      size: evaluation.size,
      format,
      role: "variant",
      variant: variant.scheme,
      metrics: report.metrics
    });
  }
  return { artifacts, optimization };
}

// src/sign/hash-files.ts
import { createHash as createHash3 } from "node:crypto";
import { lstat, open as open6 } from "node:fs/promises";
import { availableParallelism as availableParallelism3 } from "node:os";
import { join as join13 } from "node:path";
import { Worker as Worker3 } from "node:worker_threads";
var CHUNK2 = 4 << 20;
var PROGRESS_EVERY = 64 << 20;
var workerSource = `
const { parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { openSync, readSync, closeSync } = require("node:fs");
const buffer = Buffer.allocUnsafe(${CHUNK2});
parentPort.on("message", ({ id, file }) => {
  let fd;
  try {
    fd = openSync(file, "r");
    const hash = createHash("sha256");
    let size = 0;
    let reported = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      size += n;
      if (size - reported >= ${PROGRESS_EVERY}) {
        parentPort.postMessage({ id, progress: size - reported });
        reported = size;
      }
    }
    parentPort.postMessage({ id, sha256: hash.digest("hex"), size, progress: size - reported });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.code ? error.code : error) });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
});
`;
function isReply2(value) {
  if (typeof value !== "object" || value === null) return false;
  const reply = value;
  return typeof reply.id === "number" && (typeof reply.error === "string" || typeof reply.progress === "number" || typeof reply.sha256 === "string" && typeof reply.size === "number");
}
function unreadable(path, reason2) {
  return new ModelPublishError(
    "INPUT_MALFORMED",
    `${path}: cannot read it (${reason2}); a release holds plain readable files`
  );
}
async function sha256File(file, onBytes, sizeHint = CHUNK2) {
  const handle = await open6(file, "r");
  try {
    const hash = createHash3("sha256");
    const buffer = Buffer.allocUnsafe(Math.max(4096, Math.min(CHUNK2, sizeHint + 1)));
    let size2 = 0;
    for (; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size2 += bytesRead;
      onBytes?.(bytesRead);
    }
    return { sha256: hash.digest("hex"), size: size2 };
  } finally {
    await handle.close();
  }
}
function defaultConcurrency() {
  return Math.max(1, Math.min(8, availableParallelism3()));
}
async function hashInThread(root2, paths, sizes, concurrency, progress) {
  const results = new Array(paths.length);
  let next = 0;
  const lane = async () => {
    while (next < paths.length) {
      const index = next++;
      const path = paths[index] ?? "";
      try {
        const digest = await sha256File(
          join13(root2, path),
          (bytes) => {
            progress(path, bytes);
          },
          sizes[index]
        );
        results[index] = { path, ...digest };
      } catch (error) {
        if (error instanceof ModelPublishError) throw error;
        throw unreadable(path, error.code ?? String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, lane));
  return results.map((digest) => {
    if (!digest) throw new Error("a file was not hashed");
    return digest;
  });
}
function hashInWorkers(root2, paths, sizes, concurrency, progress) {
  const results = new Array(paths.length);
  const queue = paths.map((_, index) => index).sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b);
  const workers = Array.from(
    { length: Math.min(concurrency, paths.length) },
    () => new Worker3(workerSource, { eval: true })
  );
  let next = 0;
  let done = 0;
  return new Promise((resolve15, reject) => {
    let failed = false;
    const finish = (error) => {
      if (failed) return;
      if (error) failed = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve15(results.map((digest) => digest ?? { path: "", sha256: "", size: 0 }));
    };
    const feed = (worker) => {
      const id = queue[next++];
      if (id === void 0) return;
      worker.postMessage({ id, file: join13(root2, paths[id] ?? "") });
    };
    for (const worker of workers) {
      worker.on("error", (error) => {
        finish(error instanceof Error ? error : new Error(String(error)));
      });
      worker.on("message", (message) => {
        if (!isReply2(message)) {
          finish(new Error("hash worker sent an unexpected message"));
          return;
        }
        const path = paths[message.id] ?? "";
        if (message.error !== void 0) {
          finish(unreadable(path, message.error));
          return;
        }
        if (message.progress > 0) progress(path, message.progress);
        if (message.sha256 === void 0) return;
        results[message.id] = { path, sha256: message.sha256, size: message.size };
        done++;
        if (done === paths.length) finish();
        else feed(worker);
      });
      feed(worker);
    }
  });
}
async function hashFiles(root2, paths, options2 = {}) {
  const concurrency = Math.max(1, Math.floor(options2.concurrency ?? defaultConcurrency()));
  let bytesTotal = 0;
  const sizes = [];
  for (const path of paths) {
    let stats;
    try {
      stats = await lstat(join13(root2, path));
    } catch (error) {
      throw unreadable(path, error.code ?? String(error));
    }
    if (!stats.isFile()) throw unreadable(path, "not a regular file");
    bytesTotal += stats.size;
    sizes.push(stats.size);
  }
  let bytesDone = 0;
  const progress = (path, bytes) => {
    bytesDone += bytes;
    options2.onProgress?.({ path, bytesDone, bytesTotal });
  };
  const threshold = options2.inThreadBelow ?? 16 << 20;
  return paths.length > 1 && concurrency > 1 && bytesTotal >= threshold ? hashInWorkers(root2, paths, sizes, concurrency, progress) : hashInThread(root2, paths, sizes, concurrency, progress);
}

// src/sign/timestamp.ts
import { execFile as execFile2 } from "node:child_process";
import { promisify as promisify2 } from "node:util";
var run2 = promisify2(execFile2);
function formatTimestamp(epochSeconds) {
  return new Date(epochSeconds * 1e3).toISOString().replace(/\.\d{3}Z$/, "Z");
}
function isUtcTimestamp(text2) {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(text2) && !Number.isNaN(Date.parse(text2));
}
async function releaseTimestamp(source = {}) {
  const epoch = (source.env ?? process.env).SOURCE_DATE_EPOCH;
  if (epoch !== void 0 && epoch !== "") {
    if (!/^\d{1,12}$/.test(epoch.trim())) {
      throw new ModelPublishError(
        "USAGE",
        `SOURCE_DATE_EPOCH is not a whole number of seconds since 1970; set it like SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)`
      );
    }
    return formatTimestamp(Number(epoch.trim()));
  }
  if (source.tag !== void 0) {
    if (source.tag.startsWith("-")) {
      throw new ModelPublishError("USAGE", `tag "${source.tag}" is not a tag name`);
    }
    let stdout;
    try {
      ({ stdout } = await run2("git", ["log", "-1", "--format=%ct", source.tag, "--"], {
        cwd: source.cwd
      }));
    } catch (error) {
      const stderr = error.stderr;
      const why = typeof stderr === "string" && stderr.trim() ? stderr.trim().split("\n")[0] : "";
      throw new ModelPublishError(
        "USAGE",
        `tag ${source.tag}: git cannot give its commit time${why ? ` (${why})` : ""}; run in the repository, fetch tags, or set SOURCE_DATE_EPOCH`
      );
    }
    const seconds2 = stdout.trim();
    if (/^\d+$/.test(seconds2)) return formatTimestamp(Number(seconds2));
    throw new ModelPublishError("USAGE", `tag ${source.tag}: git gave no commit time`);
  }
  throw new ModelPublishError(
    "USAGE",
    "no release timestamp: set SOURCE_DATE_EPOCH (e.g. $(git log -1 --format=%ct)) or sign from a release tag"
  );
}

// src/manifest/version.ts
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-((0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(\+([0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*))?$/;
var UNTAGGED_VERSION = "0.0.0-untagged";
function resolveVersion(declared, tag) {
  const fromTag = tag?.replace(/^v/, "");
  if (tag !== void 0 && fromTag !== void 0 && !SEMVER.test(fromTag)) {
    return {
      ok: false,
      message: `tag "${tag}" is not a version`,
      fix: "push a tag like v1.2.3 to release"
    };
  }
  if (declared === "from-tag") return { ok: true, version: fromTag ?? UNTAGGED_VERSION };
  if (tag !== void 0 && fromTag !== declared) {
    return {
      ok: false,
      message: `tag "${tag}" says ${fromTag ?? ""} but the manifest says version ${declared}`,
      fix: "make them agree, or write `version: from-tag`"
    };
  }
  return { ok: true, version: declared };
}

// src/pipeline/mode.ts
var MODES = ["release", "check", "dry-run"];
function deriveMode(context, requested = "auto") {
  const tag = context.ref?.startsWith("refs/tags/") ? context.ref.slice("refs/tags/".length) : void 0;
  const withTag = tag === void 0 ? {} : { tag };
  if (requested !== "auto")
    return { mode: requested, reason: `mode set to ${requested}`, ...withTag };
  const event = context.eventName ?? "";
  if (tag !== void 0 && event === "push") {
    return { mode: "release", reason: `tag ${tag} was pushed`, tag };
  }
  if (event === "pull_request" || event === "pull_request_target" || event === "merge_group") {
    return { mode: "check", reason: `${event} event` };
  }
  return {
    mode: "dry-run",
    reason: event ? `${event} event is neither a tag push nor a pull request` : "not running for a GitHub event",
    ...withTag
  };
}

// src/pipeline/stages.ts
var all = ["release", "check", "dry-run"];
var STAGES = [
  {
    name: "validate",
    summary: "check the manifest against schemas/ and its source files",
    home: "src/manifest",
    available: true,
    modes: all
  },
  {
    name: "convert",
    summary: "PyTorch checkpoint → safetensors, no pickle code run",
    home: "src/convert",
    available: true,
    modes: all,
    notNeeded: (m) => m.sources.checkpoint ? void 0 : "no checkpoint to convert"
  },
  {
    name: "quantize",
    summary: "build the variants (GGUF, low-bit safetensors, ONNX)",
    home: "src/quantize",
    available: true,
    modes: all,
    notNeeded: (m) => (m.variants ?? []).length > 0 ? void 0 : "no variants"
  },
  {
    name: "evaluate",
    summary: "check every variant against its error budget",
    home: "src/evaluate",
    available: true,
    modes: all,
    notNeeded: (m) => (m.variants ?? []).length > 0 ? void 0 : "no variants"
  },
  {
    name: "card",
    summary: "render the model card (README.md)",
    home: "src/card",
    available: true,
    modes: all
  },
  {
    name: "sign",
    summary: "digests, Merkle root, Ed25519-signed manifest",
    home: "src/sign",
    available: true,
    modes: ["release"]
  },
  {
    name: "publish",
    summary: "upload to every destination, signed manifest last",
    home: "src/publish",
    available: true,
    modes: ["release"],
    notNeeded: (m) => m.destinations ? void 0 : "no destinations"
  },
  {
    name: "verify",
    summary: "read every published file back and check it against the signed manifest",
    home: "src/publish",
    available: true,
    modes: ["release"],
    notNeeded: (m) => m.destinations ? void 0 : "no destinations"
  },
  {
    name: "bench",
    summary: "benchmark and compare with the base branch's results",
    home: "src/bench",
    available: true,
    modes: ["check"],
    notNeeded: (m) => m.bench ? void 0 : "no bench settings"
  }
];

// src/pipeline/plan.ts
function planStages(manifest, mode) {
  return STAGES.filter((stage) => stage.modes.includes(mode)).map((stage) => {
    const base = { name: stage.name, summary: stage.summary };
    const notNeeded = stage.notNeeded?.(manifest);
    if (notNeeded) return { ...base, status: "skip", note: notNeeded };
    if (!stage.available)
      return { ...base, status: "planned", note: `${stage.home} is not in this version yet` };
    return { ...base, status: "run" };
  });
}

// src/pipeline/run.ts
import { dirname as dirname8 } from "node:path";

// src/manifest/source-files.ts
import { stat as stat12 } from "node:fs/promises";
import { isAbsolute as isAbsolute2, join as join14 } from "node:path";
function declaredFiles(manifest) {
  const { sources, card } = manifest;
  const files = [];
  for (const key of ["checkpoint", "safetensors", "onnx", "config"]) {
    const path = sources[key];
    if (path) files.push([`/sources/${key}`, path]);
  }
  (sources.tokenizer ?? []).forEach(
    (path, index) => files.push([`/sources/tokenizer/${index}`, path])
  );
  if (card?.template) files.push(["/card/template", card.template]);
  return files;
}
async function checkSourceFiles(manifest, parsed, baseDir) {
  const checks = declaredFiles(manifest).map(
    async ([pointer, path]) => {
      const full = isAbsolute2(path) ? path : join14(baseDir, path);
      const found = await stat12(full).then(
        (s) => s.isFile(),
        () => false
      );
      if (found) return void 0;
      const position = parsed.locate(pointer);
      return {
        kind: "rule",
        file: parsed.file,
        line: position.line,
        column: position.column,
        pointer,
        message: `file not found: ${path} (looked for ${full})`,
        fix: "correct the path; relative paths start from the manifest's folder"
      };
    }
  );
  return (await Promise.all(checks)).filter((issue) => issue !== void 0);
}

// src/pipeline/events.ts
async function drainEvents(iterator, onEvent = () => void 0) {
  for (; ; ) {
    const step = await iterator.next();
    if (step.done) return step.value;
    onEvent(step.value);
  }
}

// src/pipeline/run.ts
async function* runPipelineIter(options2) {
  const decision = deriveMode(options2.context ?? {}, options2.mode ?? "auto");
  yield { type: "mode", decision };
  yield { type: "stage-start", stage: "validate" };
  const started = Date.now();
  const outcome = await validateManifest(options2, decision);
  for (const issue of outcome.issues) yield { type: "issue", issue };
  yield {
    type: "stage-end",
    stage: "validate",
    ok: outcome.issues.length === 0,
    durationMs: Date.now() - started
  };
  if (!outcome.manifest || outcome.issues.length > 0) {
    return { decision, valid: false, issues: outcome.issues, plan: [] };
  }
  const plan = planStages(outcome.manifest, decision.mode);
  yield { type: "plan", stages: plan };
  return {
    decision,
    valid: true,
    issues: [],
    manifest: outcome.manifest,
    version: outcome.version,
    plan
  };
}
async function runPipeline(options2, onEvent = () => void 0) {
  return drainEvents(runPipelineIter(options2), onEvent);
}
async function validateManifest(options2, decision) {
  const result = await validateManifestFile(options2.manifestPath);
  if (!result.valid) return { issues: result.issues };
  const { manifest, parsed } = result;
  const issues = options2.checkFiles === false ? [] : await checkSourceFiles(manifest, parsed, options2.baseDir ?? dirname8(options2.manifestPath));
  const resolved = resolveVersion(manifest.version, decision.tag);
  if (resolved.ok && !(decision.mode === "release" && resolved.version === UNTAGGED_VERSION)) {
    return { issues, manifest, version: resolved.version };
  }
  const problem3 = resolved.ok ? {
    message: "a release needs a version, and the manifest says from-tag but no tag was pushed",
    fix: "push a tag like v1.2.3, or write the version in the manifest"
  } : resolved;
  const position = parsed.locate("/version");
  issues.push({
    kind: "rule",
    file: parsed.file,
    line: position.line,
    column: position.column,
    pointer: "/version",
    message: problem3.message,
    fix: problem3.fix
  });
  return { issues, manifest };
}

// src/pipeline/build.ts
import { writeFile as writeFile2 } from "node:fs/promises";
import { dirname as dirname11, join as join19, resolve as resolve11 } from "node:path";

// src/release/build-onnx-variants.ts
import { basename as basename14, join as join15, resolve as resolve8 } from "node:path";
function isOnnxVariant(variant) {
  return isOnnxScheme(variant.scheme);
}
function metricsOf(report) {
  const outputs = report.outputs;
  return {
    compressionRatio: report.compression,
    minCosine: Math.min(...outputs.map((o) => o.cosine)),
    maxAbsError: Math.max(...outputs.map((o) => o.maxAbsDiff)),
    meanAbsError: Math.max(...outputs.map((o) => o.meanAbsDiff)),
    rmse: Math.max(...outputs.map((o) => o.rmse))
  };
}
async function buildOnnxVariants(manifest, manifestDir, root2, reference, onProgress) {
  const variants = (manifest.variants ?? []).filter(isOnnxVariant);
  if (variants.length === 0 || !reference) return { artifacts: [], optimization: [] };
  const artifacts = [];
  const optimization = [];
  for (const variant of variants) {
    onProgress(variant.scheme);
    const path = `onnx/model_${variant.scheme.slice("onnx-".length)}.onnx`;
    const output = join15(root2, path);
    const written = await quantizeOnnx(reference.file, output, variant.scheme, {
      ...variant.form ? { form: variant.form } : {},
      ...variant.blockSize ? { blockSize: variant.blockSize } : {},
      ...variant.symmetric !== void 0 ? { symmetric: variant.symmetric } : {},
      ...variant.exclude ? { exclude: variant.exclude } : {}
    });
    const [report] = await onnxParity(
      reference.file,
      [
        {
          path: output,
          scheme: variant.scheme,
          ...variant.budget ? { budget: variant.budget } : {}
        }
      ],
      manifest.sources.sampleInputs ? { inputs: resolve8(manifestDir, manifest.sources.sampleInputs) } : {}
    );
    if (!report) continue;
    const metrics = metricsOf(report);
    optimization.push({
      scheme: variant.scheme,
      files: [path],
      size: report.bytes,
      compressionRatio: report.compression,
      metrics
    });
    artifacts.push({
      path,
      file: output,
      size: report.bytes,
      format: "onnx",
      role: "variant",
      variant: variant.scheme,
      metrics
    });
    for (const file of written.files.slice(1)) {
      artifacts.push({
        path: `onnx/${basename14(file)}`,
        file,
        size: 0,
        format: "onnx-data",
        role: "variant",
        variant: variant.scheme
      });
    }
  }
  return { artifacts, optimization };
}

// src/release/copy-sources.ts
import { copyFile, mkdir as mkdir2, stat as stat13 } from "node:fs/promises";
import { basename as basename15, dirname as dirname9, join as join16, resolve as resolve9 } from "node:path";
function formatOf(name) {
  if (name.endsWith(".json")) return "json";
  if (name.endsWith(".onnx")) return "onnx";
  if (name.endsWith(".safetensors")) return "safetensors";
  if (name.endsWith(".md")) return "markdown";
  return "other";
}
function plannedCopies(manifest) {
  const { sources } = manifest;
  const copies = [];
  if (sources.safetensors) {
    copies.push({
      from: sources.safetensors,
      to: `${manifest.id}.safetensors`,
      role: "weights",
      format: "safetensors",
      field: "sources.safetensors"
    });
  }
  if (sources.onnx) {
    copies.push({
      from: sources.onnx,
      to: "onnx/model.onnx",
      role: "weights",
      format: "onnx",
      field: "sources.onnx"
    });
  }
  if (sources.config) {
    copies.push({
      from: sources.config,
      to: "config.json",
      role: "config",
      format: "json",
      field: "sources.config"
    });
  }
  (sources.tokenizer ?? []).forEach((path, index) => {
    const name = basename15(path);
    copies.push({
      from: path,
      to: name,
      role: "tokenizer",
      format: formatOf(name),
      field: `sources.tokenizer[${index}]`
    });
  });
  return copies;
}
async function copySources(manifest, manifestDir, releaseDir) {
  const copies = plannedCopies(manifest);
  const taken2 = /* @__PURE__ */ new Map();
  for (const copy of copies) {
    const other = taken2.get(copy.to);
    if (other) {
      throw new ModelPublishError(
        "MANIFEST_INVALID",
        `${copy.field} and ${other} would both be ${copy.to} in the release; rename one of the files`
      );
    }
    taken2.set(copy.to, copy.field);
  }
  const artifacts = [];
  for (const copy of copies) {
    artifacts.push(
      await copyIntoRelease(
        resolve9(manifestDir, copy.from),
        releaseDir,
        copy.to,
        copy.role,
        copy.format
      )
    );
  }
  return artifacts;
}
async function copyIntoRelease(from, releaseDir, path, role, format) {
  const file = join16(releaseDir, path);
  await mkdir2(dirname9(file), { recursive: true });
  await copyFile(from, file);
  const { size: size2 } = await stat13(file);
  return { path, file, size: size2, role, format };
}

// src/release/release-manifest.ts
function distributionOf(authored, version) {
  const { gcs, huggingface } = authored.destinations ?? {};
  const locations = [];
  if (gcs) {
    const prefix = gcs.prefix ? `${gcs.prefix}/` : "";
    const base = gcs.publicBaseUrl ?? `https://storage.googleapis.com/${gcs.bucket}`;
    locations.push({
      type: "gcs",
      baseUrl: `${base.replace(/\/$/, "")}/${prefix}${authored.id}/v${version}/`
    });
  }
  if (huggingface) {
    locations.push({ type: "huggingface", repo: huggingface.repo, revision: `v${version}` });
  }
  if (locations.length === 0) return void 0;
  const [primary, ...mirrors] = locations;
  return { primary, ...mirrors.length > 0 ? { mirrors } : {} };
}
function releaseManifestOf(input) {
  const { authored, version } = input;
  const files = [...input.artifacts].sort((a, b) => compareUtf8(a.path, b.path));
  const artifacts = {};
  for (const file of files) {
    artifacts[file.path] = {
      filename: file.path,
      size: file.size,
      sha256: file.sha256,
      format: file.format,
      ...file.variant ? { variant: file.variant } : {}
    };
  }
  const distribution = distributionOf(authored, version);
  const manifest = {
    id: authored.id,
    name: authored.name,
    version,
    type: authored.type,
    ...authored.family ? { family: authored.family } : {},
    ...authored.description ? { description: authored.description.trim() } : {},
    ...authored.architecture ? { architecture: { ...authored.architecture } } : {},
    ...input.variants && input.variants.length > 0 ? { optimization: { variants: input.variants } } : {},
    artifacts,
    merkleRoot: merkleRoot(files),
    timestamp: input.timestamp,
    ...distribution ? { distribution } : {},
    ...authored.requirements ? { requirements: authored.requirements } : {},
    ...authored.adapters ? { adapters: authored.adapters } : {},
    ...input.training && Object.keys(input.training).length > 0 ? { training: input.training } : {},
    license: authored.license,
    ...authored.homepage ? { homepage: authored.homepage } : {},
    publishedAt: input.timestamp,
    ...authored.signing ? { publishedBy: authored.signing.keyId } : {}
  };
  return manifest;
}

// src/release/staging-folder.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { mkdir as mkdir3, readdir as readdir2, rename as rename4, rm as rm5, rmdir } from "node:fs/promises";
import { basename as basename16, dirname as dirname10, join as join17, resolve as resolve10 } from "node:path";
var StagingFolder = class _StagingFolder {
  target;
  path;
  constructor(target) {
    this.target = target;
    this.path = join17(
      dirname10(target),
      `.${basename16(target)}.partial-${randomBytes2(4).toString("hex")}`
    );
  }
  /** Refuses a destination that already holds files: a built release is never overwritten. */
  static async create(target) {
    const full = resolve10(target);
    const existing = await readdir2(full).catch((error) => {
      const code = error.code;
      if (code === "ENOENT") return [];
      if (code === "ENOTDIR") {
        throw new ModelPublishError(
          "USAGE",
          `${target} is a file; -o names the release folder to create`
        );
      }
      throw error;
    });
    if (existing.length > 0) {
      throw new ModelPublishError(
        "USAGE",
        `${target} already holds files; remove it or choose another -o (a release folder is never overwritten)`
      );
    }
    const staging = new _StagingFolder(full);
    await mkdir3(staging.path, { recursive: true });
    return staging;
  }
  /** Moves the finished folder to its destination (an empty folder there is replaced, nothing else). */
  async commit() {
    await rmdir(this.target).catch((error) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rename4(this.path, this.target);
  }
  async discard() {
    await rm5(this.path, { recursive: true, force: true });
  }
};

// src/sign/release-files.ts
import { readdir as readdir3 } from "node:fs/promises";
import { join as join18 } from "node:path";
var MANIFEST_FILE = "manifest.json";
var SIGNATURE_FILE = "manifest.sig.json";
async function listReleaseFiles(dir) {
  const files = [];
  const problems = [];
  const walk = async (relative3) => {
    const entries2 = await readdir3(join18(dir, relative3), { withFileTypes: true });
    for (const entry of entries2) {
      const path = relative3 === "" ? entry.name : `${relative3}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        if (relative3 !== "" || entry.name !== MANIFEST_FILE && entry.name !== SIGNATURE_FILE) {
          files.push(path);
        }
      } else {
        problems.push({
          path,
          reason: entry.isSymbolicLink() ? "is a symbolic link" : "is not a regular file"
        });
      }
    }
  };
  await walk("");
  files.sort(compareUtf8);
  problems.sort((a, b) => compareUtf8(a.path, b.path));
  return { files, problems };
}
function isSafeReleasePath(path) {
  if (path === "" || path.startsWith("/") || /[\\\0]/.test(path)) return false;
  return path.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

// src/pipeline/build.ts
var UNDATED = "1970-01-01T00:00:00Z";
async function* timed(stage, work) {
  yield { type: "stage-start", stage };
  const started = Date.now();
  const queue = [];
  const state = { settled: false };
  void work((event) => {
    queue.push(event);
    state.wake?.();
  }).then(
    (value) => state.outcome = { ok: true, value },
    (error) => state.outcome = { ok: false, error }
  ).finally(() => {
    state.settled = true;
    state.wake?.();
  });
  while (!state.settled || queue.length > 0) {
    const next = queue.shift();
    if (next) yield next;
    else await new Promise((resolve15) => state.wake = resolve15);
  }
  const outcome = state.outcome;
  yield { type: "stage-end", stage, ok: outcome?.ok === true, durationMs: Date.now() - started };
  if (!outcome?.ok) throw outcome?.error;
  return outcome.value;
}
async function hashed(root2, artifacts) {
  const digests = await hashFiles(
    root2,
    artifacts.map((a) => a.path)
  );
  const byPath = new Map(digests.map((d) => [d.path, d]));
  return artifacts.map((a) => ({
    ...a,
    sha256: byPath.get(a.path)?.sha256 ?? "",
    size: byPath.get(a.path)?.size ?? a.size
  }));
}
async function convertStage(manifest, manifestDir, root2, emit) {
  const artifacts = await copySources(manifest, manifestDir, root2);
  if (manifest.sources.export && !manifest.sources.onnx) {
    const exported = await runOnnxExport({
      hook: manifest.sources.export,
      manifestDir,
      onOutput: (text2) => {
        emit({ type: "log", level: "info", message: text2.trimEnd() });
      }
    });
    artifacts.push(
      await copyIntoRelease(exported.output, root2, "onnx/model.onnx", "weights", "onnx")
    );
  }
  if (!manifest.sources.checkpoint) return { artifacts, training: {} };
  const result = await convertCheckpoint({
    input: resolve11(manifestDir, manifest.sources.checkpoint),
    output: root2,
    singleName: `${manifest.id}.safetensors`,
    releaseRoot: root2,
    ...manifest.sources.weightsKey ? { weightsKey: manifest.sources.weightsKey } : {},
    ...manifest.convert?.shardSize ? { shardSize: manifest.convert.shardSize } : {},
    onProgress: (p) => {
      if (p.phase === "write" || p.phase === "verify") {
        emit({
          type: "progress",
          stage: "convert",
          detail: `${p.phase} ${p.file}`,
          done: p.bytesDone,
          total: p.bytesTotal
        });
      }
    }
  });
  return { artifacts: [...result.artifacts, ...artifacts], training: result.training };
}
async function* buildReleaseIter(options2) {
  const validated = yield* runPipelineIter(options2);
  if (!validated.valid || !validated.manifest || validated.version === void 0) {
    return { valid: false, issues: validated.issues, validated };
  }
  const manifest = validated.manifest;
  const version = validated.version;
  const manifestDir = options2.baseDir ?? dirname11(resolve11(options2.manifestPath));
  const env = options2.env ?? process.env;
  const revision = validated.decision.tag ?? options2.commit;
  const undated = !env.SOURCE_DATE_EPOCH && revision === void 0;
  if (undated && validated.decision.mode !== "release") {
    yield {
      type: "log",
      level: "info",
      message: `no SOURCE_DATE_EPOCH or commit: this ${validated.decision.mode} build is dated ${UNDATED}`
    };
  }
  const timestamp = undated && validated.decision.mode !== "release" ? UNDATED : await releaseTimestamp({ env, ...revision ? { tag: revision } : {}, cwd: manifestDir });
  const staging = await StagingFolder.create(options2.outDir);
  try {
    const root2 = staging.path;
    const converted = yield* timed(
      "convert",
      (emit) => convertStage(manifest, manifestDir, root2, emit)
    );
    const variants = yield* timed("quantize", async (emit) => {
      const tensors = await buildTensorVariants(manifest, root2, converted.artifacts, (p) => {
        emit({
          type: "progress",
          stage: "quantize",
          detail: `${p.scheme} tensors`,
          done: p.done,
          total: p.total
        });
      });
      const reference = converted.artifacts.find((a) => a.path === "onnx/model.onnx");
      const onnx = await buildOnnxVariants(manifest, manifestDir, root2, reference, (scheme) => {
        emit({ type: "log", level: "info", message: `${scheme}: quantizing and checking parity` });
      });
      return {
        artifacts: [...tensors.artifacts, ...onnx.artifacts],
        optimization: [...tensors.optimization, ...onnx.optimization]
      };
    });
    const files = yield* timed("card", async () => {
      const weights = await hashed(root2, [...converted.artifacts, ...variants.artifacts]);
      const template = await loadCardTemplate(manifest, manifestDir);
      const card = renderCard({ manifest, version, artifacts: weights, template });
      await writeFile2(join19(root2, "README.md"), card.markdown);
      const [readme] = await hashed(root2, [
        {
          path: "README.md",
          file: join19(root2, "README.md"),
          size: 0,
          role: "card",
          format: "markdown"
        }
      ]);
      return readme ? [...weights, readme] : weights;
    });
    const release = releaseManifestOf({
      authored: manifest,
      version,
      artifacts: files,
      timestamp,
      training: converted.training,
      variants: variants.optimization
    });
    const validate = validators().release;
    if (!validate(release)) {
      throw new ModelPublishError(
        "OUTPUT_MISMATCH",
        `${MANIFEST_FILE} would not match its schema: ${schemaErrorText(validate)}`
      );
    }
    await writeFile2(join19(root2, MANIFEST_FILE), `${JSON.stringify(release, null, 2)}
`);
    await staging.commit();
    const dir = staging.target;
    return {
      valid: true,
      validated,
      dir,
      version,
      manifest: release,
      artifacts: files.map((f) => ({ ...f, file: join19(dir, f.path) }))
    };
  } catch (error) {
    await staging.discard();
    throw error;
  }
}
async function buildRelease(options2, onEvent = () => void 0) {
  return drainEvents(buildReleaseIter(options2), onEvent);
}

// src/sign/keys.ts
import { createHash as createHash4, createPrivateKey, createPublicKey, randomBytes as randomBytes3 } from "node:crypto";
import * as ed from "@noble/ed25519";

// src/sign/base64.ts
function decodeBase64Strict(text2) {
  if (text2.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text2)) return void 0;
  const bytes = Buffer.from(text2, "base64");
  return bytes.toString("base64") === text2 ? bytes : void 0;
}
function encodeBase64(bytes) {
  return Buffer.from(bytes).toString("base64");
}

// src/sign/keys.ts
var PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
var SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
function pem(label2, der) {
  const body = Buffer.from(der).toString("base64").replace(/.{1,64}/g, "$&\n");
  return `-----BEGIN ${label2}-----
${body}-----END ${label2}-----
`;
}
function invalid(origin, what) {
  return new ModelPublishError("KEY_INVALID", `${origin}: ${what}`);
}
var SigningKey = class _SigningKey {
  #seed;
  /** Raw 32-byte public key. */
  publicKey;
  constructor(seed, publicKey) {
    this.#seed = seed;
    this.publicKey = publicKey;
  }
  /** The key of a raw 32-byte seed (RFC 8032 private key). */
  static async fromSeed(seed) {
    if (seed.length !== 32) throw new RangeError("an Ed25519 seed is 32 bytes");
    const copy = Uint8Array.from(seed);
    return new _SigningKey(copy, await ed.getPublicKeyAsync(copy));
  }
  /** A new random key. */
  static generate() {
    return _SigningKey.fromSeed(randomBytes3(32));
  }
  /** Base64 of the raw public key, as manifest.sig.json carries it. */
  get publicKeyBase64() {
    return encodeBase64(this.publicKey);
  }
  /** Ed25519 signature (RFC 8032, deterministic) of a message. */
  sign(message) {
    return ed.signAsync(message, this.#seed);
  }
  /** PKCS#8 PEM (`BEGIN PRIVATE KEY`, or encrypted with AES-256-CBC when given a passphrase). */
  toPkcs8Pem(passphrase) {
    const der = Buffer.concat([PKCS8_PREFIX, this.#seed]);
    if (passphrase === void 0) return pem("PRIVATE KEY", der);
    const key = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
    return key.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase }).toString();
  }
  toJSON() {
    return { publicKey: this.publicKeyBase64 };
  }
};
function publicKeyPem(publicKey) {
  return pem("PUBLIC KEY", Buffer.concat([SPKI_PREFIX, publicKey]));
}
function keyFingerprint(publicKey) {
  return createHash4("sha256").update(publicKey).digest("hex").slice(0, 16);
}
function unescapePem(text2) {
  return text2.includes("-----BEGIN") && !text2.includes("\n") ? text2.replaceAll("\\n", "\n") : text2;
}
function jwkBytes(value) {
  return typeof value === "string" ? Buffer.from(value, "base64url") : void 0;
}
function pemPrivateSeed(text2, origin, passphrase) {
  if (text2.includes("PUBLIC KEY-----")) {
    throw invalid(origin, "holds a public key; signing needs the private key");
  }
  const encrypted = /ENCRYPTED/.test(text2);
  if (encrypted && !passphrase) {
    throw invalid(origin, "is encrypted; give its passphrase (--passphrase env:NAME)");
  }
  let key;
  try {
    key = createPrivateKey({ key: text2, format: "pem", ...passphrase ? { passphrase } : {} });
  } catch {
    throw invalid(
      origin,
      passphrase ? "cannot be read: a wrong passphrase, or not a PEM private key" : "is not a PEM private key that OpenSSL can read"
    );
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw invalid(
      origin,
      `is an ${key.asymmetricKeyType ?? "unknown"} key; releases are signed with Ed25519 — make a key with \`model-publish keygen -o release.key\``
    );
  }
  const seed = jwkBytes(key.export({ format: "jwk" }).d);
  if (seed?.length !== 32) throw invalid(origin, "is not a complete Ed25519 private key");
  return seed;
}
async function parsePrivateKey(text2, origin, passphrase) {
  const trimmed = unescapePem(text2.trim());
  if (trimmed.startsWith("-----BEGIN")) {
    return SigningKey.fromSeed(pemPrivateSeed(trimmed, origin, passphrase));
  }
  const bytes = decodeBase64Strict(trimmed.replace(/\s+/g, ""));
  if (!bytes) {
    throw invalid(origin, "is neither a PEM private key nor base64 of a 32-byte Ed25519 seed");
  }
  if (bytes.length === 32) return SigningKey.fromSeed(bytes);
  if (bytes.length === 64) {
    const key = await SigningKey.fromSeed(bytes.subarray(0, 32));
    if (!Buffer.from(key.publicKey).equals(bytes.subarray(32))) {
      throw invalid(origin, "holds 64 bytes whose second half is not the first half's public key");
    }
    return key;
  }
  throw invalid(
    origin,
    `decodes to ${bytes.length} bytes; an Ed25519 private key is a 32-byte seed (or PKCS#8 PEM)`
  );
}
function parsePublicKey(text2, origin) {
  const trimmed = unescapePem(text2.trim());
  if (trimmed.startsWith("-----BEGIN")) {
    if (!trimmed.includes("PUBLIC KEY-----")) {
      throw invalid(origin, "is not a public key; give the public key, never the private one");
    }
    let key;
    try {
      key = createPublicKey({ key: trimmed, format: "pem" });
    } catch {
      throw invalid(origin, "is not a PEM public key that OpenSSL can read");
    }
    if (key.asymmetricKeyType !== "ed25519") {
      throw invalid(origin, `is an ${key.asymmetricKeyType ?? "unknown"} key, not Ed25519`);
    }
    const raw = jwkBytes(key.export({ format: "jwk" }).x);
    if (raw?.length !== 32) throw invalid(origin, "is not a complete Ed25519 public key");
    return Uint8Array.from(raw);
  }
  const bytes = decodeBase64Strict(trimmed);
  if (bytes?.length !== 32) {
    throw invalid(origin, "is not base64 of a 32-byte Ed25519 public key (44 characters)");
  }
  return Uint8Array.from(bytes);
}

// src/sign/key-source.ts
import { readFile as readFile7 } from "node:fs/promises";
import { resolve as resolve12 } from "node:path";
async function readKeyText(source, context) {
  if (source.startsWith("env:")) {
    const name = source.slice(4);
    const text2 = (context.env ?? process.env)[name];
    if (!name || text2 === void 0 || text2.trim() === "") {
      throw new ModelPublishError(
        "KEY_INVALID",
        `${source}: the environment variable ${name || "(no name)"} is not set; export the key in it (a repository secret in CI)`
      );
    }
    return { text: text2, origin: source };
  }
  const path = resolve12(context.cwd ?? process.cwd(), source.replace(/^file:/, ""));
  try {
    return { text: await readFile7(path, "utf8"), origin: source };
  } catch (error) {
    const code = error.code;
    throw new ModelPublishError(
      "KEY_INVALID",
      `${source}: ${code === "ENOENT" ? "no such key file" : `cannot read the key file (${code ?? "error"})`}; pass a key file, \`file:PATH\` or \`env:NAME\``
    );
  }
}
async function loadPrivateKey(source, context = {}, passphrase) {
  const { text: text2, origin } = await readKeyText(source, context);
  return parsePrivateKey(text2, origin, passphrase);
}
async function loadPublicKey(source, context = {}) {
  if (/^[A-Za-z0-9+/]{43}=$/.test(source.trim())) return parsePublicKey(source, "public key");
  const { text: text2, origin } = await readKeyText(source, context);
  return parsePublicKey(text2, origin);
}
function readPassphrase(source, env) {
  const name = source.startsWith("env:") ? source.slice(4) : "";
  const value = name ? env[name] : void 0;
  if (!name || value === void 0 || value === "") {
    throw new ModelPublishError(
      "USAGE",
      `passphrase: give it as env:NAME with the passphrase in that environment variable${name ? ` (${name} is not set)` : ""}`
    );
  }
  return value;
}
async function loadKeyring(source, context = {}) {
  const { text: text2, origin } = await readKeyText(source, context);
  let data;
  try {
    data = JSON.parse(text2);
  } catch {
    throw new ModelPublishError(
      "KEY_INVALID",
      `${origin}: a keyring is JSON, like {"key-id": "<base64 public key>"}`
    );
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new ModelPublishError(
      "KEY_INVALID",
      `${origin}: a keyring is a JSON object of key id → base64 public key`
    );
  }
  const keyring = {};
  for (const [keyId, value] of Object.entries(data)) {
    if (typeof value !== "string") {
      throw new ModelPublishError(
        "KEY_INVALID",
        `${origin}: key "${keyId}" is not a base64 string`
      );
    }
    keyring[keyId] = parsePublicKey(value, `${origin} key "${keyId}"`);
  }
  return keyring;
}

// src/formats/unixfs-dag.ts
import * as dagPB from "@ipld/dag-pb";
import { UnixFS } from "ipfs-unixfs";
import { importer } from "ipfs-unixfs-importer";
import { fixedSize } from "ipfs-unixfs-importer/chunker";
import { balanced } from "ipfs-unixfs-importer/layout";
import { CID } from "multiformats/cid";
import { sha256 as sha2562 } from "multiformats/hashes/sha2";
var UNIXFS_SETTINGS = {
  cidVersion: 1,
  rawLeaves: true,
  chunkSize: 262144,
  maxChildrenPerNode: 174,
  layout: "balanced",
  wrapDirectory: true
};
var DAG_PB = 112;
function options(wrapWithDirectory) {
  return {
    cidVersion: UNIXFS_SETTINGS.cidVersion,
    rawLeaves: UNIXFS_SETTINGS.rawLeaves,
    reduceSingleLeafToSelf: true,
    chunker: fixedSize({ chunkSize: UNIXFS_SETTINGS.chunkSize }),
    layout: balanced({ maxChildrenPerNode: UNIXFS_SETTINGS.maxChildrenPerNode }),
    shardSplitThresholdBytes: 262144,
    shardSplitStrategy: "links-bytes",
    wrapWithDirectory,
    // One file and one block at a time: blocks reach the sink in the same order on every run.
    fileImportConcurrency: 1,
    blockWriteConcurrency: 1
  };
}
async function* candidates(sources) {
  for (const source of sources) {
    await Promise.resolve();
    yield { path: source.path, content: source.content() };
  }
}
function sinkStore(sink, nodes) {
  return {
    put: async (cid, bytes) => {
      if (cid.code === DAG_PB) nodes.set(cid.toString(), bytes);
      await sink({ cid, bytes });
      return cid;
    }
  };
}
async function importDirectory(sources, sink) {
  const nodes = /* @__PURE__ */ new Map();
  let root2;
  for await (const entry of importer(candidates(sources), sinkStore(sink, nodes), options(true))) {
    if (entry.path === "") root2 = { cid: entry.cid, size: entry.size };
  }
  const block = root2 === void 0 ? void 0 : nodes.get(root2.cid.toString());
  if (root2 === void 0 || block === void 0) {
    throw unsupported("the IPFS directory", "the UnixFS import produced no directory");
  }
  return { root: root2.cid, block, size: Number(root2.size) };
}
async function importFile(source, sink) {
  const nodes = /* @__PURE__ */ new Map();
  let last;
  for await (const entry of importer(
    candidates([source]),
    sinkStore(sink, nodes),
    options(false)
  )) {
    last = { cid: entry.cid, size: entry.size };
  }
  if (last === void 0)
    throw unsupported("the IPFS directory", `the UnixFS import of ${source.path} gave nothing`);
  return { cid: last.cid, size: Number(last.size) };
}
async function withEntries(dir, entries2) {
  const node2 = dagPB.decode(dir.block);
  const data = node2.Data === void 0 ? void 0 : UnixFS.unmarshal(node2.Data);
  if (data?.type !== "directory") {
    throw unsupported(
      "the IPFS directory",
      `the release directory is a ${data?.type ?? "non-UnixFS"} node; a flat directory was expected (too many files for one directory?)`
    );
  }
  const names = new Set(node2.Links.map((link3) => link3.Name));
  const links = [...node2.Links];
  for (const entry of entries2) {
    if (names.has(entry.name))
      throw unsupported("the IPFS directory", `the directory already has ${entry.name}`);
    links.push({ Name: entry.name, Hash: entry.cid, Tsize: entry.size });
  }
  const block = dagPB.encode(dagPB.prepare({ Data: node2.Data, Links: links }));
  const root2 = CID.createV1(DAG_PB, await sha2562.digest(block));
  const size2 = block.length + links.reduce((sum, link3) => sum + (link3.Tsize ?? 0), 0);
  return { root: root2, block, size: size2 };
}

// src/publish/publish-config.ts
import { resolve as resolve13 } from "node:path";

// src/publish/destination.ts
var NOT_CONSULTED = "remote state not checked (a plan without credentials)";

// src/publish/gcs-upload.ts
import { createReadStream as createReadStream3 } from "node:fs";

// src/publish/gcs-session.ts
import { createReadStream as createReadStream2 } from "node:fs";
import { Readable } from "node:stream";

// src/publish/send-stream.ts
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { pipeline } from "node:stream/promises";
function headersOf(message) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== void 0) headers.set(name, value);
  }
  return headers;
}
async function sendStream(url, method, headers, body, length, signal) {
  const target = new URL(url);
  const request = (target.protocol === "https:" ? httpsRequest : httpRequest)(target, {
    method,
    headers: { ...headers, "Content-Length": String(length) },
    ...signal === void 0 ? {} : { signal }
  });
  const answered = new Promise((resolve15, reject) => {
    request.once("response", resolve15);
    request.once("error", reject);
  });
  const sent = body === void 0 ? (request.end(), Promise.resolve()) : pipeline(body, request);
  const response = await Promise.race([answered, sent.then(() => answered)]);
  sent.catch(() => void 0);
  const chunks = [];
  for await (const chunk of response) chunks.push(chunk);
  return {
    status: response.statusCode ?? 0,
    headers: headersOf(response),
    body: Buffer.concat(chunks)
  };
}

// src/publish/object-hashes.ts
import { createHash as createHash5 } from "node:crypto";
import { createReadStream } from "node:fs";
import { Transform } from "node:stream";

// src/formats/crc32c.ts
import { endianness } from "node:os";
var POLY = 2197175160;
var TABLES = (() => {
  const table = new Uint32Array(8 * 256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? c >>> 1 ^ POLY : c >>> 1;
    table[i] = c >>> 0;
  }
  for (let i = 0; i < 256; i++) {
    for (let t = 1; t < 8; t++) {
      const previous = table[(t - 1) * 256 + i] ?? 0;
      table[t * 256 + i] = previous >>> 8 ^ (table[previous & 255] ?? 0);
    }
  }
  return table;
})();
var LITTLE_ENDIAN = endianness() === "LE";
function bytewise(crc, bytes, from, to) {
  let c = crc;
  for (let i = from; i < to; i++)
    c = TABLES[(c ^ bytes[i]) & 255] ^ c >>> 8;
  return c;
}
function eight(c, lo, hi) {
  const t = TABLES;
  const a = (lo ^ c) >>> 0;
  return t[1792 + (a & 255)] ^ t[1536 + (a >>> 8 & 255)] ^ t[1280 + (a >>> 16 & 255)] ^ t[1024 + (a >>> 24)] ^ t[768 + (hi & 255)] ^ t[512 + (hi >>> 8 & 255)] ^ t[256 + (hi >>> 16 & 255)] ^ t[hi >>> 24];
}
var Crc32c = class {
  #state = 4294967295;
  update(bytes) {
    const n = bytes.length;
    const head = Math.min(n, 4 - (bytes.byteOffset & 3) & 3);
    let c = bytewise(this.#state, bytes, 0, head);
    const pairs = n - head >>> 3;
    if (LITTLE_ENDIAN) {
      const words = new Uint32Array(bytes.buffer, bytes.byteOffset + head, pairs * 2);
      for (let w = 0; w < words.length; w += 2)
        c = eight(c, words[w], words[w + 1]);
    } else {
      const view = new DataView(bytes.buffer, bytes.byteOffset + head, pairs * 8);
      for (let i = 0; i < pairs * 8; i += 8)
        c = eight(c, view.getUint32(i, true), view.getUint32(i + 4, true));
    }
    this.#state = bytewise(c, bytes, head + pairs * 8, n) >>> 0;
    return this;
  }
  /** The checksum as an unsigned 32-bit integer. */
  value() {
    return ~this.#state >>> 0;
  }
  /** Big-endian base64, the form of GCS's `crc32c` field and `x-goog-hash` header. */
  base64() {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(this.value());
    return out.toString("base64");
  }
};

// src/publish/object-hashes.ts
var MD5_LIMIT = 8 << 20;
var RunningHashes = class {
  #md5;
  #crc = new Crc32c();
  bytes = 0;
  constructor(md5) {
    this.#md5 = md5 ? createHash5("md5") : void 0;
  }
  update(chunk) {
    this.#md5?.update(chunk);
    this.#crc.update(chunk);
    this.bytes += chunk.length;
  }
  /** The hashes of everything so far. */
  hashes() {
    const md5 = this.#md5?.copy().digest("base64");
    return { crc32c: this.#crc.base64(), ...md5 === void 0 ? {} : { md5 } };
  }
};
function hashingStream(running, start) {
  let position = start;
  return new Transform({
    transform(chunk, _encoding, callback) {
      const end = position + chunk.length;
      if (position <= running.bytes && running.bytes < end) {
        running.update(chunk.subarray(running.bytes - position));
      }
      position = end;
      callback(null, chunk);
    }
  });
}
async function objectHashes(file) {
  const running = new RunningHashes(file.size <= MD5_LIMIT);
  if ("bytes" in file.source) running.update(file.source.bytes);
  else
    for await (const chunk of createReadStream(file.source.file)) running.update(chunk);
  return running.hashes();
}

// src/publish/gcs-session.ts
var SessionError = class extends Error {
  status;
  response;
  constructor(status, headers, message) {
    super(message);
    this.status = status;
    this.response = { status, headers };
  }
};
function received(headers) {
  const match = /bytes=0-(\d+)/.exec(headers.get("range") ?? "");
  return match === null ? 0 : Number(match[1]) + 1;
}
function chunkBody(file, start, end) {
  const { source } = file;
  if ("bytes" in source) return Readable.from([Buffer.from(source.bytes.subarray(start, end + 1))]);
  return createReadStream2(source.file, { start, end });
}
var ResumableSession = class {
  uri;
  file;
  chunkSize;
  onBytes;
  running;
  /** Where the upload stands, when known without asking (a new session is at 0). */
  offset = 0;
  constructor(uri, file, chunkSize, onBytes) {
    this.uri = uri;
    this.file = file;
    this.chunkSize = chunkSize;
    this.onBytes = onBytes;
    this.running = new RunningHashes(file.size <= MD5_LIMIT);
  }
  async put(range, body, length, signal) {
    const answer = await sendStream(
      this.uri,
      "PUT",
      { "Content-Range": range },
      body,
      length,
      signal
    );
    if (answer.status === 308) return { done: false, offset: received(answer.headers) };
    const text2 = answer.body.toString("utf8");
    if (answer.status === 200 || answer.status === 201) {
      return { done: true, resource: JSON.parse(text2) };
    }
    throw new SessionError(
      answer.status,
      answer.headers,
      `HTTP ${answer.status}: ${text2.slice(0, 300)}`
    );
  }
  /** Sends what the server lacks; returns the object resource once the upload is complete. */
  async resume(signal) {
    const size2 = this.file.size;
    const known = this.offset;
    this.offset = void 0;
    let answer = known === void 0 ? await this.put(`bytes */${size2}`, void 0, 0, signal) : { done: false, offset: known };
    while (!answer.done) {
      const offset = answer.offset;
      const end = Math.min(offset + this.chunkSize, size2) - 1;
      const body = chunkBody(this.file, offset, end).pipe(hashingStream(this.running, offset));
      answer = await this.put(`bytes ${offset}-${end}/${size2}`, body, end - offset + 1, signal);
      this.onBytes(answer.done ? size2 : answer.offset);
    }
    return answer.resource;
  }
  /** The file's hashes, when all of it went through this session. */
  hashes() {
    return this.running.bytes === this.file.size ? this.running.hashes() : void 0;
  }
};

// src/publish/rate-limit.ts
function header(source, name) {
  if (typeof source.get === "function") {
    return source.get(name) ?? void 0;
  }
  const record4 = source;
  const key = Object.keys(record4).find((k) => k.toLowerCase() === name);
  const value = key === void 0 ? void 0 : record4[key];
  if (Array.isArray(value)) return value.map(String).join(", ");
  return typeof value === "string" || typeof value === "number" ? String(value) : void 0;
}
function seconds(text2) {
  if (text2 === void 0 || !/^\s*\d+(\.\d+)?\s*$/.test(text2)) return void 0;
  return Number(text2) * 1e3;
}
function retryAfter(text2, now) {
  const delta = seconds(text2);
  if (delta !== void 0 || text2 === void 0) return delta;
  const date = Date.parse(text2);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
function rateLimit(text2) {
  if (text2 === void 0) return void 0;
  let longest;
  for (const match of text2.matchAll(/(?:^|[;,\s])(?:t|reset)=(\d+(?:\.\d+)?)/g)) {
    const ms = Number(match[1]) * 1e3;
    longest = longest === void 0 ? ms : Math.max(longest, ms);
  }
  return longest;
}
function resetHeader(text2, now) {
  const value = seconds(text2);
  if (value === void 0) return void 0;
  return value > 1e12 ? Math.max(0, value - now) : value;
}
function serverDelayMs(headers, now = Date.now()) {
  return retryAfter(header(headers, "retry-after"), now) ?? rateLimit(header(headers, "ratelimit")) ?? resetHeader(header(headers, "ratelimit-reset"), now) ?? resetHeader(header(headers, "x-ratelimit-reset"), now);
}

// src/publish/remote-error.ts
var TRANSIENT_STATUSES = /* @__PURE__ */ new Set([408, 425, 429, 500, 502, 503, 504]);
var NETWORK_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ERR_STREAM_PREMATURE_CLOSE"
]);
var NETWORK_MESSAGES = /socket hang up|premature close|fetch failed|terminated|other side closed|network|ECONNRESET|EPIPE|aborted/i;
function record2(value) {
  return typeof value === "object" && value !== null ? value : void 0;
}
function statusOf(error) {
  const e = record2(error);
  if (e === void 0) return void 0;
  for (const key of ["statusCode", "status"]) {
    const value = e[key];
    if (typeof value === "number" && value >= 100 && value < 600) return value;
  }
  if (typeof e.code === "number" && e.code >= 100 && e.code < 600) return e.code;
  const response = record2(e.response);
  if (typeof response?.status === "number") return response.status;
  return void 0;
}
function headersOf2(error) {
  const response = record2(record2(error)?.response);
  const headers = response?.headers;
  return typeof headers === "object" && headers !== null ? headers : void 0;
}
function isNetworkError(error) {
  for (let e = record2(error), depth = 0; e !== void 0 && depth < 5; depth++) {
    if (typeof e.code === "string" && NETWORK_CODES.has(e.code)) return true;
    if (typeof e.errno === "string" && NETWORK_CODES.has(e.errno)) return true;
    if (e.name === "AbortError" || e.name === "TimeoutError") return false;
    if (typeof e.message === "string" && NETWORK_MESSAGES.test(e.message)) return true;
    e = record2(e.cause);
  }
  return false;
}
function transientVerdict(error) {
  const status = statusOf(error);
  if (status !== void 0) {
    if (!TRANSIENT_STATUSES.has(status)) return { retry: false };
    const headers = headersOf2(error);
    const afterMs = headers === void 0 ? void 0 : serverDelayMs(headers);
    return { retry: true, reason: `HTTP ${status}`, ...afterMs === void 0 ? {} : { afterMs } };
  }
  if (isNetworkError(error)) return { retry: true, reason: "connection lost" };
  return { retry: false };
}
function errorText(error) {
  const text2 = error instanceof Error ? error.message : String(error);
  return text2.replace(/\s+/g, " ").trim().slice(0, 500);
}
function remoteFailed(target, what, error, fix = "check the service status and the token's permissions, then run publish again: it resumes where it stopped") {
  if (error instanceof ModelPublishError) return error;
  const status = statusOf(error);
  return new ModelPublishError(
    "REMOTE_FAILED",
    `${target}: ${what} failed${status === void 0 ? "" : ` (HTTP ${status})`}: ${errorText(error)}; ${fix}`,
    { cause: error }
  );
}

// src/publish/retry.ts
import { setTimeout as delay } from "node:timers/promises";
async function sleep(ms, signal) {
  await delay(ms, void 0, signal ? { signal } : {});
}
function retryPolicy(overrides = {}) {
  return {
    maxAttempts: 6,
    baseDelayMs: 500,
    maxDelayMs: 3e4,
    maxServerDelayMs: 12e4,
    random: Math.random,
    sleep,
    ...overrides
  };
}
function retryDelay(policy, attempt, afterMs) {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = backoff / 2 + policy.random() * backoff / 2;
  if (afterMs === void 0) return Math.round(jittered);
  return Math.round(afterMs + policy.random() * Math.min(policy.baseDelayMs, 1e3));
}
async function withRetry(what, operation, classify, policy, hooks2 = {}) {
  for (let attempt = 1; ; attempt++) {
    hooks2.signal?.throwIfAborted();
    try {
      return await operation(attempt);
    } catch (error) {
      if (hooks2.signal?.aborted === true) throw error;
      const verdict = classify(error);
      if (!verdict.retry || attempt >= policy.maxAttempts) throw error;
      if (verdict.afterMs !== void 0 && verdict.afterMs > policy.maxServerDelayMs) throw error;
      const ms = retryDelay(policy, attempt, verdict.afterMs);
      hooks2.onRetry?.({ what, attempt, delayMs: ms, reason: verdict.reason });
      await policy.sleep(ms, hooks2.signal);
    }
  }
}

// src/publish/timeout.ts
async function withTimeout(what, ms, work) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      reject(Object.assign(new Error(`${what} timed out after ${ms} ms`), { code: "ETIMEDOUT" }));
    }, ms);
  });
  work.catch(() => void 0);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// src/publish/gcs-upload.ts
function text(value) {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : void 0;
}
function remoteObject(metadata) {
  const custom = metadata.metadata;
  const checksum = typeof custom === "object" && custom !== null ? text(custom["model-checksum"]) : void 0;
  return {
    size: Number(text(metadata.size) ?? -1),
    md5: text(metadata.md5Hash),
    crc32c: text(metadata.crc32c),
    checksum,
    generation: text(metadata.generation) ?? ""
  };
}
async function statObject(file, timeoutMs) {
  try {
    const [metadata] = await withTimeout(`reading ${file.name}`, timeoutMs, file.getMetadata());
    return remoteObject(metadata);
  } catch (error) {
    if (statusOf(error) === 404) return void 0;
    throw error;
  }
}
function objectDiffers(remote, file, hashes) {
  if (remote.size !== file.size) return `${remote.size} bytes there, ${file.size} here`;
  if (remote.checksum !== void 0 && remote.checksum !== `sha256:${file.sha256}`) {
    return `${remote.checksum} there, sha256:${file.sha256} here`;
  }
  if (hashes?.md5 !== void 0 && remote.md5 !== void 0 && remote.md5 !== hashes.md5) {
    return `MD5 ${remote.md5} there, ${hashes.md5} here`;
  }
  if (hashes !== void 0 && remote.crc32c !== void 0 && remote.crc32c !== hashes.crc32c) {
    return `CRC32C ${remote.crc32c} there, ${hashes.crc32c} here`;
  }
  return void 0;
}
function conflict(name, why) {
  return new ModelPublishError(
    "VERIFY_FAILED",
    `gs://${name} already exists with other bytes (${why}); a published version is never overwritten: publish the new bytes as a new version`
  );
}
function sourceStream(file) {
  const { source } = file;
  return "file" in source ? createReadStream3(source.file) : (async function* () {
    await Promise.resolve();
    yield Buffer.from(source.bytes);
  })();
}
async function uploadObject(gcsFile, file, metadata, settings, context, onBytes) {
  const where = `${gcsFile.bucket.name}/${gcsFile.name}`;
  let session;
  let hashes;
  const resumable = file.size > settings.resumableAbove;
  const attempt = async (n) => {
    if (n > 1) {
      const existing = await statObject(gcsFile, settings.timeoutMs);
      if (existing !== void 0) {
        hashes ??= await objectHashes(file);
        const why2 = objectDiffers(existing, file, hashes);
        if (why2 !== void 0) throw conflict(where, why2);
        return hashes;
      }
    }
    const preconditionOpts = { ifGenerationMatch: 0 };
    if (!resumable) {
      const bytes = "bytes" in file.source ? Buffer.from(file.source.bytes) : await readAll(file);
      hashes ??= await objectHashes(file);
      await withTimeout(
        `uploading ${file.path}`,
        settings.timeoutMs,
        gcsFile.save(bytes, {
          resumable: false,
          gzip: false,
          validation: false,
          preconditionOpts,
          metadata: {
            ...metadata,
            crc32c: hashes.crc32c,
            ...hashes.md5 === void 0 ? {} : { md5Hash: hashes.md5 }
          }
        })
      );
      onBytes(file.size);
      return hashes;
    }
    if (session === void 0) {
      const [uri] = await withTimeout(
        `opening an upload of ${file.path}`,
        settings.timeoutMs,
        gcsFile.createResumableUpload({ preconditionOpts, metadata })
      );
      session = new ResumableSession(uri, file, settings.chunkSize, onBytes);
    }
    await session.resume(context.signal);
    hashes = session.hashes() ?? await objectHashes(file);
    return hashes;
  };
  const result = await withRetry(
    `uploading ${file.path}`,
    attempt,
    (error) => {
      if (statusOf(error) === 412) return { retry: true, reason: "the object exists" };
      if ((statusOf(error) === 404 || statusOf(error) === 410) && session !== void 0) {
        session = void 0;
        return { retry: true, reason: "the upload session is gone" };
      }
      return transientVerdict(error);
    },
    context.retry,
    {
      ...context.signal ? { signal: context.signal } : {},
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "gcs", ...notice });
      }
    }
  ).catch((error) => {
    throw remoteFailed(`gs://${where}`, "upload", error);
  });
  const stored = await withRetry(
    `checking ${file.path}`,
    () => statObject(gcsFile, settings.timeoutMs),
    transientVerdict,
    context.retry,
    context.signal ? { signal: context.signal } : {}
  ).catch((error) => {
    throw remoteFailed(`gs://${where}`, "reading the uploaded object's metadata", error);
  });
  const why = stored === void 0 ? "it is not there after the upload" : objectDiffers(stored, file, result);
  if (why !== void 0) {
    throw new ModelPublishError(
      "VERIFY_FAILED",
      `gs://${where}: the uploaded object does not match the file (${why}); publish again`
    );
  }
  return result;
}
async function readAll(file) {
  const chunks = [];
  for await (const chunk of sourceStream(file)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// src/publish/gcs-compare.ts
async function folderDifferences(remote, files, hashesOf) {
  const problems = [];
  for (const file of files) {
    const existing = remote.get(file.path);
    if (existing === void 0) continue;
    const why = objectDiffers(
      existing,
      file,
      existing.checksum === void 0 ? await hashesOf(file) : void 0
    );
    if (why !== void 0) problems.push(`${file.path} (${why})`);
  }
  const paths = new Set(files.map((f) => f.path));
  for (const path of remote.keys())
    if (!paths.has(path)) problems.push(`${path} (not a file of this release)`);
  return problems;
}

// src/publish/gcs-layout.ts
function join20(...parts2) {
  return parts2.filter((p) => p !== "").join("/");
}
function versionFolder(location, id, version) {
  return join20(location.prefix, id, `v${version}`);
}
function objectName(location, id, version, path) {
  return join20(versionFolder(location, id, version), path);
}
function latestName(location, id) {
  return join20(location.prefix, id, "latest.json");
}
function indexName(location) {
  return join20(location.prefix, "index.json");
}
function publicUrl(location, name) {
  const base = (location.publicBaseUrl ?? `https://storage.googleapis.com/${location.bucket}`).replace(/\/$/, "");
  return `${base}/${name.split("/").map(encodeURIComponent).join("/")}`;
}
var IMMUTABLE = "public, max-age=31536000, immutable";
var SHORT_LIVED = "public, max-age=60, must-revalidate";
var TYPES = {
  json: "application/json",
  md: "text/markdown; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  safetensors: "application/octet-stream",
  gguf: "application/octet-stream",
  onnx: "application/octet-stream",
  bin: "application/octet-stream",
  model: "application/octet-stream"
};
function contentType(path) {
  const ext = path.includes(".") ? (path.split(".").at(-1) ?? "").toLowerCase() : "";
  return TYPES[ext] ?? "application/octet-stream";
}

// src/publish/version-order.ts
function parts(version) {
  const [main = "", ...rest] = version.split("+")[0]?.split("-") ?? [""];
  const pre = rest.length === 0 ? [] : rest.join("-").split(".");
  return { core: main.split(".").map((n) => Number(n)), pre };
}
function compareIdentifier(a, b) {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b);
  if (numeric.test(a)) return -1;
  if (numeric.test(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareVersions(a, b) {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.core[i] ?? 0) - (y.core[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === void 0) return -1;
    if (q === void 0) return 1;
    const d = compareIdentifier(p, q);
    if (d !== 0) return d;
  }
  return 0;
}

// src/publish/gcs-registry.ts
function isRecord5(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isSummary(value) {
  return isRecord5(value) && typeof value.id === "string" && typeof value.version === "string";
}
function summaryOf(release, location) {
  const { manifest } = release;
  const quantization = manifest.optimization?.quantization;
  return {
    id: release.id,
    name: manifest.name,
    type: manifest.type,
    ...quantization === void 0 ? {} : { quantization },
    size: Object.values(release.signed.artifacts).reduce((sum, a) => sum + a.size, 0),
    version: release.version,
    ...manifest.publishedAt === void 0 ? {} : { publishedAt: manifest.publishedAt },
    manifest: publicUrl(
      location,
      objectName(location, release.id, release.version, "manifest.json")
    )
  };
}
function withSummary(current, summary) {
  const entries2 = Array.isArray(current) ? current.filter(isSummary) : [];
  const existing = entries2.find((e) => e.id === summary.id && e.version === summary.version);
  if (existing !== void 0 && JSON.stringify(existing) === JSON.stringify(summary))
    return void 0;
  const next = entries2.filter((e) => !(e.id === summary.id && e.version === summary.version));
  next.push(summary);
  return next.sort(
    (a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : compareVersions(b.version, a.version)
  );
}
function withLatest(current, latest) {
  if (isRecord5(current) && typeof current.version === "string") {
    const order = compareVersions(current.version, latest.version);
    if (order > 0) return void 0;
    if (order === 0 && JSON.stringify(current) === JSON.stringify(latest)) return void 0;
  }
  return latest;
}
function latestOf(release, location) {
  const folder = versionFolder(location, release.id, release.version);
  return {
    id: release.id,
    version: release.version,
    manifest: publicUrl(location, `${folder}/manifest.json`),
    baseUrl: `${publicUrl(location, folder)}/`,
    ...release.manifest.publishedAt === void 0 ? {} : { publishedAt: release.manifest.publishedAt }
  };
}
var ChangedMeanwhile = class extends Error {
};
function registryVerdict(error) {
  if (error instanceof ChangedMeanwhile) return { retry: true, reason: "changed while read" };
  if (statusOf(error) === 412) return { retry: true, reason: "written by someone else meanwhile" };
  return transientVerdict(error);
}
async function readJsonObject(bucket, name, timeoutMs) {
  let generation;
  try {
    const [metadata] = await withTimeout(
      `reading ${name}`,
      timeoutMs,
      bucket.file(name).getMetadata()
    );
    generation = String(metadata.generation ?? "0");
  } catch (error) {
    if (statusOf(error) === 404) return { generation: "0", value: void 0 };
    throw error;
  }
  const [bytes] = await withTimeout(
    `reading ${name}`,
    timeoutMs,
    bucket.file(name, { generation: Number(generation) }).download()
  ).catch((error) => {
    if (statusOf(error) === 404) throw new ChangedMeanwhile(`${name} changed while it was read`);
    throw error;
  });
  try {
    return { generation, value: JSON.parse(bytes.toString("utf8")) };
  } catch {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `gs://${bucket.name}/${name} is not valid JSON; fix or delete it, then publish again`
    );
  }
}
async function updateJsonObject(bucket, name, update2, context, timeoutMs) {
  return withRetry(
    `updating ${name}`,
    async () => {
      const { generation, value } = await readJsonObject(bucket, name, timeoutMs);
      const next = update2(value);
      if (next === void 0) return false;
      await withTimeout(
        `writing ${name}`,
        timeoutMs,
        bucket.file(name).save(`${JSON.stringify(next, null, 2)}
`, {
          resumable: false,
          gzip: false,
          validation: false,
          preconditionOpts: { ifGenerationMatch: Number(generation) },
          metadata: { contentType: "application/json", cacheControl: SHORT_LIVED }
        })
      );
      return true;
    },
    registryVerdict,
    { ...context.retry, maxAttempts: Math.max(context.retry.maxAttempts, 10) },
    {
      ...context.signal ? { signal: context.signal } : {},
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "gcs", ...notice });
      }
    }
  ).catch((error) => {
    throw remoteFailed(`gs://${bucket.name}/${name}`, "updating", error);
  });
}
async function updateRegistry(bucket, location, release, context, timeoutMs) {
  const latest = await updateJsonObject(
    bucket,
    latestName(location, release.id),
    (current) => withLatest(current, latestOf(release, location)),
    context,
    timeoutMs
  );
  const index = await updateJsonObject(
    bucket,
    indexName(location),
    (current) => withSummary(current, summaryOf(release, location)),
    context,
    timeoutMs
  );
  return latest || index;
}
async function registryHas(bucket, location, release, timeoutMs) {
  const latest = await readJsonObject(bucket, latestName(location, release.id), timeoutMs);
  const index = await readJsonObject(bucket, indexName(location), timeoutMs);
  return withLatest(latest.value, latestOf(release, location)) === void 0 && withSummary(index.value, summaryOf(release, location)) === void 0;
}

// src/publish/gcs-read-back.ts
async function compareObjects(release, remote, hashesOf, nameOf) {
  const problems = [];
  let checked = 0;
  for (const file of release.files) {
    const object = remote.get(file.path);
    const name = nameOf(file.path);
    if (object === void 0) {
      const signature = file.kind === "signature";
      problems.push({
        path: file.path,
        message: `${name} is missing${signature ? ": without the signed manifest the release is incomplete there" : ""}`,
        ...signature ? { incomplete: true } : {}
      });
      continue;
    }
    checked += 1;
    if (object.md5 === void 0 && object.crc32c === void 0) {
      problems.push({
        path: file.path,
        message: `${name}: the server reports neither MD5 nor CRC32C`
      });
    }
    const why = objectDiffers(object, file, await hashesOf(file));
    if (why !== void 0) problems.push({ path: file.path, message: `${name}: ${why}` });
  }
  return { problems, checked };
}

// src/publish/pool.ts
async function runPool(items, limit, work) {
  let next = 0;
  let failure;
  const lane = async () => {
    while (failure === void 0 && next < items.length) {
      const index = next++;
      try {
        await work(items[index], index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failure !== void 0) throw failure.error;
}
var Limiter = class {
  active = 0;
  waiting = [];
  limit;
  constructor(limit) {
    this.limit = Math.max(1, limit);
  }
  /** Runs `work` once a place is free. */
  async run(work) {
    if (this.active >= this.limit) {
      await new Promise((resolve15) => this.waiting.push(resolve15));
    }
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
};

// src/publish/gcs.ts
var GcsDestination = class {
  name = "gcs";
  options;
  bucketHandle;
  hashes = /* @__PURE__ */ new Map();
  registryCurrent = false;
  constructor(options2) {
    this.options = options2;
  }
  /** The bucket, the client library loaded on first use. */
  bucket() {
    const options2 = this.options;
    this.bucketHandle ??= import("@google-cloud/storage").then(
      ({ Storage }) => new Storage({
        ...options2.apiEndpoint === void 0 ? {} : { apiEndpoint: options2.apiEndpoint },
        ...options2.projectId === void 0 ? {} : { projectId: options2.projectId },
        // Retries are ours: jittered, Retry-After-aware, and only where a repeat is safe.
        retryOptions: { autoRetry: false, maxRetries: 0 }
      }).bucket(options2.bucket)
    );
    return this.bucketHandle;
  }
  get timeoutMs() {
    return this.options.timeoutMs ?? 6e4;
  }
  folder(release) {
    return versionFolder(this.options, release.id, release.version);
  }
  gsUrl(name) {
    return `gs://${this.options.bucket}/${name}`;
  }
  retry(what, context, work) {
    return withRetry(what, work, registryVerdict, context.retry, {
      ...context.signal ? { signal: context.signal } : {},
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "gcs", ...notice });
      }
    }).catch((error) => {
      throw remoteFailed(this.gsUrl(this.options.prefix), what, error);
    });
  }
  /** Every object under the version folder, by release path. */
  async listed(release, context) {
    const folder = `${this.folder(release)}/`;
    const bucket = await this.bucket();
    const [files] = await this.retry(
      "listing the version folder",
      context,
      () => withTimeout(
        "listing the version folder",
        this.timeoutMs,
        bucket.getFiles({ prefix: folder, autoPaginate: true })
      )
    );
    return new Map(
      files.map((f) => [
        f.name.slice(folder.length),
        remoteObject(f.metadata)
      ])
    );
  }
  async localHashes(file) {
    let hashes = this.hashes.get(file.path);
    if (hashes === void 0) {
      hashes = await objectHashes(file);
      this.hashes.set(file.path, hashes);
    }
    return hashes;
  }
  plannedFile(release, file, action) {
    const name = objectName(this.options, release.id, release.version, file.path);
    return { path: file.path, size: file.size, url: this.gsUrl(name), action };
  }
  registryStep(release) {
    return `update ${this.gsUrl(latestName(this.options, release.id))} and ${this.gsUrl(indexName(this.options))}`;
  }
  localPlan(release) {
    return {
      destination: "gcs",
      target: `${this.gsUrl(this.folder(release))}/`,
      files: release.files.map((file) => this.plannedFile(release, file, "upload")),
      published: false,
      steps: [NOT_CONSULTED, this.registryStep(release)]
    };
  }
  async plan(release, context) {
    const remote = await this.listed(release, context);
    const problems = await folderDifferences(
      remote,
      release.files,
      (file) => this.localHashes(file)
    );
    const files = release.files.map(
      (file) => this.plannedFile(release, file, remote.has(file.path) ? "skip" : "upload")
    );
    if (problems.length > 0) {
      throw new ModelPublishError(
        "VERIFY_FAILED",
        `${this.gsUrl(this.folder(release))}/ already holds other bytes for v${release.version}: ${problems.slice(0, 5).join("; ")}; a published version is never overwritten (and nothing was written): publish the new bytes as a new version${remote.has("manifest.sig.json") ? "" : ", or delete that unfinished folder if you know no one else is publishing it"}`
      );
    }
    const bucket = await this.bucket();
    this.registryCurrent = await this.retry(
      "reading index.json and latest.json",
      context,
      () => registryHas(bucket, this.options, release, this.timeoutMs)
    );
    const steps = this.registryCurrent ? [] : [this.registryStep(release)];
    return {
      destination: "gcs",
      target: `${this.gsUrl(this.folder(release))}/`,
      files,
      published: files.every((f) => f.action === "skip") && this.registryCurrent,
      steps
    };
  }
  metadata(release, file) {
    return {
      contentType: contentType(file.path),
      cacheControl: IMMUTABLE,
      metadata: { "model-version": release.version, "model-checksum": `sha256:${file.sha256}` }
    };
  }
  async upload(release, plan, context) {
    const pending = new Set(plan.files.filter((f) => f.action === "upload").map((f) => f.path));
    const uploaded = [];
    let bytes = 0;
    const settings = {
      resumableAbove: this.options.resumableAbove ?? 8 << 20,
      chunkSize: this.options.chunkSize ?? 256 << 20,
      timeoutMs: this.timeoutMs
    };
    const put = async (file) => {
      if (!pending.has(file.path)) {
        context.emit({
          type: "file",
          destination: "gcs",
          path: file.path,
          action: "skipped",
          bytes: file.size
        });
        return;
      }
      const name = objectName(this.options, release.id, release.version, file.path);
      const hashes = await uploadObject(
        (await this.bucket()).file(name),
        file,
        this.metadata(release, file),
        settings,
        context,
        (done) => {
          context.emit({
            type: "progress",
            destination: "gcs",
            path: file.path,
            done,
            total: file.size
          });
        }
      );
      this.hashes.set(file.path, hashes);
      uploaded.push(file.path);
      bytes += file.size;
      context.emit({
        type: "file",
        destination: "gcs",
        path: file.path,
        action: "uploaded",
        bytes: file.size
      });
    };
    await runPool(
      release.files.filter((f) => f.kind === "artifact"),
      this.options.parallelism ?? 4,
      put
    );
    for (const file of release.files.filter((f) => f.kind === "manifest")) await put(file);
    for (const file of release.files.filter((f) => f.kind === "signature")) await put(file);
    if (!this.registryCurrent) {
      await updateRegistry(await this.bucket(), this.options, release, context, this.timeoutMs);
    }
    const folder = this.folder(release);
    return {
      destination: "gcs",
      target: plan.target,
      url: `${publicUrl(this.options, folder)}/`,
      uploaded,
      skipped: release.files.map((f) => f.path).filter((p) => !uploaded.includes(p)),
      bytesUploaded: bytes,
      details: {
        bucket: this.options.bucket,
        folder,
        latest: latestName(this.options, release.id),
        index: indexName(this.options)
      }
    };
  }
  async verify(release, context) {
    const remote = await this.listed(release, context);
    const { problems, checked } = await compareObjects(
      release,
      remote,
      (file) => this.localHashes(file),
      (path) => this.gsUrl(objectName(this.options, release.id, release.version, path))
    );
    const bucket = await this.bucket();
    const index = await this.retry(
      "reading index.json",
      context,
      () => readJsonObject(bucket, indexName(this.options), this.timeoutMs)
    );
    if (withSummary(index.value, summaryOf(release, this.options)) !== void 0) {
      problems.push({
        message: `${this.gsUrl(indexName(this.options))} does not list ${release.id} v${release.version}`
      });
    }
    return {
      destination: "gcs",
      target: `${this.gsUrl(this.folder(release))}/`,
      ok: problems.length === 0,
      incomplete: problems.some((p) => p.incomplete === true),
      checked,
      problems
    };
  }
};

// src/publish/hub-files.ts
import { createHash as createHash6 } from "node:crypto";
import { createReadStream as createReadStream5 } from "node:fs";

// src/publish/file-blob.ts
import { createReadStream as createReadStream4 } from "node:fs";
import { open as open7 } from "node:fs/promises";
import { Readable as Readable2 } from "node:stream";
var CHUNK3 = 1 << 20;
var FileSlice = class _FileSlice extends Blob {
  path;
  start;
  end;
  /** An own property: it shadows Blob's getter, which knows nothing of the file. */
  size;
  constructor(path, start, end) {
    super([]);
    this.path = path;
    this.start = start;
    this.end = end;
    this.size = end - start;
  }
  slice(start = 0, end = this.size) {
    const from = Math.min(this.end, this.start + Math.max(0, start));
    return new _FileSlice(
      this.path,
      from,
      Math.max(from, Math.min(this.end, this.start + Math.max(0, end)))
    );
  }
  /** The bytes as a Node stream. */
  nodeStream() {
    if (this.size === 0) return Readable2.from([]);
    return createReadStream4(this.path, { start: this.start, end: this.end - 1 });
  }
  /** A web stream that reads 1 MiB per pull (bridging a Node stream costs a third of the speed). */
  stream() {
    const { path, end } = this;
    let position = this.start;
    let handle;
    return new ReadableStream({
      async pull(controller) {
        handle ??= await open7(path, "r");
        const size2 = Math.min(CHUNK3, end - position);
        const chunk = Buffer.allocUnsafe(Math.max(0, size2));
        const { bytesRead } = size2 > 0 ? await handle.read(chunk, 0, size2, position) : { bytesRead: 0 };
        if (bytesRead === 0) {
          await handle.close();
          controller.close();
          return;
        }
        position += bytesRead;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, bytesRead));
      },
      async cancel() {
        await handle?.close();
      }
    });
  }
  async arrayBuffer() {
    const handle = await open7(this.path, "r");
    try {
      const buffer = new ArrayBuffer(this.size);
      let done = 0;
      while (done < this.size) {
        const { bytesRead } = await handle.read(
          new Uint8Array(buffer, done),
          0,
          this.size - done,
          this.start + done
        );
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buffer;
    } finally {
      await handle.close();
    }
  }
  async text() {
    return Buffer.from(await this.arrayBuffer()).toString("utf8");
  }
};

// src/publish/hub-files.ts
async function gitBlobOid(file) {
  const hash = createHash6("sha1").update(`blob ${file.size}\0`);
  if ("bytes" in file.source) return hash.update(file.source.bytes).digest("hex");
  for await (const chunk of createReadStream5(file.source.file)) hash.update(chunk);
  return hash.digest("hex");
}
async function entryMatches(file, entry, blobOids) {
  if (entry === void 0) return false;
  if (entry.lfs !== void 0) return entry.lfs.oid === file.sha256 && entry.lfs.size === file.size;
  if (entry.size !== file.size) return false;
  let oid = blobOids.get(file.path);
  if (oid === void 0) {
    oid = await gitBlobOid(file);
    blobOids.set(file.path, oid);
  }
  return entry.oid === oid;
}
function fileBlob(file) {
  if ("bytes" in file.source) return new Blob([file.source.bytes]);
  return new FileSlice(file.source.file, 0, file.size);
}
function entryText(entry) {
  if (entry === void 0) return "missing";
  return entry.lfs === void 0 ? `git blob ${entry.oid}, ${entry.size} bytes` : `sha256 ${entry.lfs.oid}, ${entry.lfs.size} bytes`;
}

// src/publish/hub-compare.ts
var HubComparer = class {
  label;
  blobOids = /* @__PURE__ */ new Map();
  constructor(label2) {
    this.label = label2;
  }
  /** Whether the revision's entry is exactly this file. */
  matches(file, entry) {
    return entryMatches(file, entry, this.blobOids);
  }
  /** The files the tree does not hold as they are here, each with what is there instead. */
  async differences(files, tree) {
    const differ = [];
    for (const file of files) {
      if (!await this.matches(file, tree.get(file.path))) {
        differ.push(
          `${file.path} (${entryText(tree.get(file.path))} there; sha256 ${file.sha256}, ${file.size} bytes here)`
        );
      }
    }
    return differ;
  }
  /** The files a tree lacks or holds otherwise. */
  async pending(files, tree) {
    const missing = [];
    for (const file of files)
      if (!await this.matches(file, tree.get(file.path))) missing.push(file);
    return missing;
  }
  /** The refusal of a release whose version is published with other bytes. */
  refused(release, where, differ) {
    return new ModelPublishError(
      "VERIFY_FAILED",
      `${this.label}: v${release.version} is already published ${where} with different bytes: ${differ.slice(0, 5).join("; ")}; a published version is never overwritten: publish the new bytes as a new version`
    );
  }
  /** The branch head holds a signed manifest of this version that is not ours: refused. */
  async checkHeadManifest(remote, release, lane, tree) {
    const ours = lane.files.find((f) => f.path === SIGNATURE_FILE);
    const entry = tree.get(SIGNATURE_FILE);
    if (ours === void 0 || entry === void 0 || await this.matches(ours, entry)) return;
    const bytes = await remote.download(lane.branch, SIGNATURE_FILE);
    let theirs = {};
    try {
      const parsed = JSON.parse(Buffer.from(bytes ?? new Uint8Array()).toString("utf8"));
      theirs = parsed.manifest ?? {};
    } catch {
      return;
    }
    if (theirs.id === release.id && theirs.version === release.version) {
      throw this.refused(release, `on branch ${lane.branch} (its signed manifest is committed)`, [
        `${SIGNATURE_FILE} (another signature of the same version)`
      ]);
    }
  }
};

// src/publish/hub-commits.ts
function hooks(context) {
  return {
    ...context.signal ? { signal: context.signal } : {},
    onRetry: (notice) => {
      context.emit({ type: "retry", destination: "hf", ...notice });
    }
  };
}
function commitVerdict(error) {
  if (statusOf(error) === 412) return { retry: true, reason: "the branch moved" };
  return transientVerdict(error);
}
async function branchHead(remote, label2, branch) {
  const ref = (await remote.refs()).branches.find((b) => b.name === branch);
  if (ref === void 0) {
    throw new ModelPublishError(
      "REMOTE_FAILED",
      `${label2}: branch ${branch} disappeared while publishing`
    );
  }
  return ref.targetCommit;
}
async function commitGroup(remote, comparer, release, lane, group, part, context) {
  await withRetry(
    `commit to ${lane.branch}`,
    async () => {
      const parent = await branchHead(remote, comparer.label, lane.branch);
      const missing = await comparer.pending(group, await remote.tree(parent));
      if (missing.length === 0) return;
      const operations = missing.map((file) => ({
        operation: "addOrUpdate",
        path: file.path,
        content: fileBlob(file)
      }));
      const sizes = new Map(missing.map((f) => [f.path, f.size]));
      await remote.commit(
        {
          branch: lane.branch,
          parentCommit: parent,
          title: `Release v${release.version}${part}`,
          description: `${release.id} v${release.version}, Merkle root ${release.signed.merkleRoot}; published by model-publish`,
          operations,
          ...context.signal ? { signal: context.signal } : {}
        },
        (path, fraction) => {
          const total = sizes.get(path) ?? 0;
          context.emit({
            type: "progress",
            destination: "hf",
            path,
            done: Math.round(total * fraction),
            total
          });
        }
      );
    },
    commitVerdict,
    context.retry,
    hooks(context)
  ).catch((error) => {
    throw remoteFailed(comparer.label, `committing to ${lane.branch}`, error);
  });
}
async function tagLane(remote, comparer, release, lane, context) {
  await withRetry(
    `tag ${lane.tag}`,
    async () => {
      const commit = await branchHead(remote, comparer.label, lane.branch);
      const existing = (await remote.refs()).tags.find((t) => t.name === lane.tag);
      if (existing === void 0) {
        await remote.createTag(lane.tag, commit, `${release.id} v${release.version}`);
        return;
      }
      const differ = await comparer.differences(lane.files, await remote.tree(lane.tag));
      if (differ.length > 0) throw comparer.refused(release, `as tag ${lane.tag}`, differ);
    },
    (error) => statusOf(error) === 409 ? { retry: true, reason: "the tag appeared meanwhile" } : transientVerdict(error),
    context.retry,
    hooks(context)
  ).catch((error) => {
    throw remoteFailed(comparer.label, `tagging ${lane.tag}`, error);
  });
}
async function ensureRepo(remote, isPrivate, label2, context) {
  await withRetry(
    "creating the repository",
    async () => {
      if (await remote.exists()) return;
      await remote.createRepo(isPrivate).catch(async (error) => {
        if (statusOf(error) !== 409 || !await remote.exists()) throw error;
      });
    },
    transientVerdict,
    context.retry,
    hooks(context)
  ).catch((error) => {
    throw remoteFailed(label2, "creating the repository", error);
  });
}
async function ensureBranch(remote, branch, from, label2, context) {
  await withRetry(
    `creating branch ${branch}`,
    async () => {
      if ((await remote.refs()).branches.some((b) => b.name === branch)) return;
      await remote.createBranch(branch, from).catch((error) => {
        if (statusOf(error) !== 409) throw error;
      });
    },
    transientVerdict,
    context.retry,
    hooks(context)
  ).catch((error) => {
    throw remoteFailed(label2, `creating branch ${branch}`, error);
  });
}

// src/publish/hub-lanes.ts
function tagPart(branch) {
  return branch.replace(/[^A-Za-z0-9._-]+/g, "-");
}
function hubLanes(release, branch, variantBranches) {
  const laneOf = (file) => {
    if (file.kind !== "artifact" || file.variant === void 0) return branch;
    return Object.hasOwn(variantBranches, file.variant) ? variantBranches[file.variant] ?? branch : branch;
  };
  const manifests = release.files.filter((f) => f.kind !== "artifact");
  const branches = [branch, ...new Set(release.files.map(laneOf).filter((b) => b !== branch))];
  return branches.map((name) => ({
    branch: name,
    tag: name === branch ? `v${release.version}` : `v${release.version}-${tagPart(name)}`,
    files: [
      ...release.files.filter((f) => f.kind === "artifact" && laneOf(f) === name),
      ...manifests
    ]
  }));
}
function commitGroups(pending, perCommit) {
  const artifacts = pending.filter((f) => f.kind === "artifact");
  const manifests = pending.filter((f) => f.kind !== "artifact");
  const groups = [];
  for (let i = 0; i < artifacts.length; i += perCommit)
    groups.push(artifacts.slice(i, i + perCommit));
  const last = groups.at(-1);
  if (last !== void 0 && last.length + manifests.length <= perCommit) last.push(...manifests);
  else if (manifests.length > 0) groups.push([...manifests]);
  return groups;
}

// src/publish/hub-read-back.ts
async function readBackHub(remote, comparer, release, lanes, context) {
  const label2 = comparer.label;
  const problems = [];
  let checked = 0;
  const retry = (what, work) => withRetry(
    what,
    work,
    transientVerdict,
    context.retry,
    context.signal ? { signal: context.signal } : {}
  );
  const refs2 = await retry("listing refs", () => remote.refs()).catch((error) => {
    if (statusOf(error) === 404 || statusOf(error) === 401) return { branches: [], tags: [] };
    throw remoteFailed(label2, "listing refs", error);
  });
  for (const lane of lanes) {
    if (!refs2.tags.some((t) => t.name === lane.tag)) {
      problems.push({
        message: `${label2} has no tag ${lane.tag}: the release is not published there (incomplete)`,
        incomplete: true
      });
      continue;
    }
    const tree = await retry(`listing ${lane.tag}`, () => remote.tree(lane.tag)).catch(
      (error) => {
        throw remoteFailed(label2, `listing ${lane.tag}`, error);
      }
    );
    for (const file of lane.files) {
      const entry = tree.get(file.path);
      checked += 1;
      if (entry === void 0) {
        const signature = file.kind === "signature";
        problems.push({
          path: file.path,
          message: `${label2}@${lane.tag}: ${file.path} is missing${signature ? ": the release is incomplete there" : ""}`,
          ...signature ? { incomplete: true } : {}
        });
      } else if (!await comparer.matches(file, entry)) {
        problems.push({
          path: file.path,
          message: `${label2}@${lane.tag}: ${file.path} has ${entryText(entry)}, the release sha256 ${file.sha256}, ${file.size} bytes`
        });
      }
    }
  }
  return {
    destination: "hf",
    target: `${label2}@v${release.version}`,
    ok: problems.length === 0,
    incomplete: problems.some((p) => p.incomplete === true),
    checked,
    problems
  };
}

// src/publish/hub-remote.ts
import {
  commitIter,
  createBranch,
  createRepo,
  listFiles,
  repoExists
} from "@huggingface/hub";

// src/publish/retrying-fetch.ts
async function sendFile(url, init, body) {
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  const answer = await sendStream(
    url.href,
    (init.method ?? "PUT").toUpperCase(),
    headers,
    body.nodeStream(),
    body.size,
    init.signal ?? void 0
  );
  const empty2 = answer.status === 204 || answer.status === 304;
  return new Response(empty2 ? null : answer.body, {
    status: answer.status,
    headers: answer.headers
  });
}
function replayable(body) {
  if (body === void 0 || body === null) return true;
  if (typeof body === "string" || body instanceof Blob || body instanceof ArrayBuffer) return true;
  if (ArrayBuffer.isView(body) || body instanceof URLSearchParams) return true;
  return typeof FormData !== "undefined" && body instanceof FormData;
}
function requestUrl(input) {
  if (input instanceof URL) return input;
  return new URL(typeof input === "string" ? input : input.url);
}
function retryingFetch(options2) {
  const plain = options2.fetch ?? fetch;
  const uploads = new Limiter(options2.maxUploads ?? 4);
  const base = (input, init = {}) => {
    const body = init.body;
    if (body instanceof FileSlice && !(input instanceof Request)) {
      return uploads.run(() => sendFile(requestUrl(input), init, body));
    }
    return plain(input, init);
  };
  const wrapped = async (input, init) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const url = requestUrl(input);
    const signal = init?.signal ?? options2.signal;
    const sendInit = { ...init, ...signal ? { signal } : {} };
    if (!options2.retrySafe(method, url) || !replayable(init?.body) || input instanceof Request) {
      return base(input, sendInit);
    }
    const what = `${method} ${url.pathname}`;
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      let response;
      try {
        response = await base(input, sendInit);
      } catch (error) {
        if (signal?.aborted === true || !isNetworkError(error)) throw error;
        if (attempt >= options2.policy.maxAttempts) throw error;
        const ms2 = retryDelay(options2.policy, attempt);
        options2.onRetry?.({ what, attempt, delayMs: ms2, reason: "connection lost" });
        await options2.policy.sleep(ms2, signal ?? void 0);
        continue;
      }
      if (!TRANSIENT_STATUSES.has(response.status) || attempt >= options2.policy.maxAttempts) {
        return response;
      }
      const afterMs = serverDelayMs(response.headers);
      if (afterMs !== void 0 && afterMs > options2.policy.maxServerDelayMs) return response;
      await response.body?.cancel().catch(() => void 0);
      const ms = retryDelay(options2.policy, attempt, afterMs);
      options2.onRetry?.({ what, attempt, delayMs: ms, reason: `HTTP ${response.status}` });
      await options2.policy.sleep(ms, signal ?? void 0);
    }
  };
  return wrapped;
}

// src/publish/hub-remote.ts
function retrySafe(method, url) {
  if (method === "GET" || method === "HEAD" || method === "PUT") return true;
  if (method !== "POST") return false;
  const path = url.pathname;
  return /\/preupload\//.test(path) || /\/paths-info\//.test(path) || /\.git\/info\/lfs\/objects\/(batch|verify)$/.test(path) || // Completing a multipart upload twice at worst fails; the commit step then finds the object.
  /^\/lfs-multipart\//.test(path) || /\/complete$/.test(path);
}
function asRecord(value) {
  return typeof value === "object" && value !== null ? value : {};
}
function refs(value) {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const ref = asRecord(item);
    return typeof ref.name === "string" && typeof ref.targetCommit === "string" ? [{ name: ref.name, targetCommit: ref.targetCommit }] : [];
  });
}
var HubStatusError = class extends Error {
  statusCode;
  constructor(statusCode, message) {
    super(message);
    this.statusCode = statusCode;
  }
};
var HubRemote = class {
  connection;
  fetch;
  constructor(connection, context) {
    this.connection = connection;
    this.fetch = retryingFetch({
      policy: context.retry,
      retrySafe,
      ...context.signal ? { signal: context.signal } : {},
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "hf", ...notice });
      }
    });
  }
  get credentials() {
    const { repo, hubUrl, token } = this.connection;
    return {
      repo,
      hubUrl,
      fetch: this.fetch,
      ...token === void 0 ? {} : { accessToken: token }
    };
  }
  headers(json = false) {
    return {
      ...this.connection.token === void 0 ? {} : { Authorization: `Bearer ${this.connection.token}` },
      ...json ? { "Content-Type": "application/json" } : {}
    };
  }
  apiUrl(path) {
    return `${this.connection.hubUrl}/api/models/${this.connection.repo}${path}`;
  }
  async failed(response, what) {
    const text2 = await response.text().catch(() => "");
    let detail = text2.slice(0, 300);
    try {
      const error = asRecord(JSON.parse(text2)).error;
      if (typeof error === "string") detail = error;
    } catch {
    }
    return new HubStatusError(response.status, `${what}: HTTP ${response.status} ${detail}`.trim());
  }
  exists() {
    return repoExists(this.credentials);
  }
  /** Branches and tags. */
  async refs() {
    const response = await this.fetch(this.apiUrl("/refs"), { headers: this.headers() });
    if (!response.ok) throw await this.failed(response, "listing refs");
    const body = asRecord(await response.json());
    return { branches: refs(body.branches), tags: refs(body.tags) };
  }
  /** Every file of a revision (the library does not encode the revision, so it is done here). */
  async tree(revision) {
    const files = /* @__PURE__ */ new Map();
    for await (const entry of listFiles({
      ...this.credentials,
      revision: encodeURIComponent(revision),
      recursive: true
    })) {
      if (entry.type !== "file") continue;
      files.set(entry.path, {
        oid: entry.oid ?? "",
        size: entry.size,
        ...entry.lfs ? { lfs: { oid: entry.lfs.oid, size: entry.lfs.size } } : {}
      });
    }
    return files;
  }
  /**
   * A file of a revision as a streamed response (`resolve`, which redirects LFS files to their
   * storage), from byte `offset` on with a Range request. 404 comes back as is; another failure
   * is thrown with its status.
   */
  async open(revision, path, offset = 0, signal) {
    const url = `${this.connection.hubUrl}/${this.connection.repo}/resolve/${encodeURIComponent(revision)}/${path.split("/").map(encodeURIComponent).join("/")}`;
    const response = await this.fetch(url, {
      headers: { ...this.headers(), ...offset > 0 ? { Range: `bytes=${offset}-` } : {} },
      ...signal ? { signal } : {}
    });
    if (response.status !== 404 && !response.ok)
      throw await this.failed(response, `downloading ${path}`);
    return response;
  }
  /** A small file of a revision, or undefined when it is not there. */
  async download(revision, path) {
    const response = await this.open(revision, path);
    if (response.status === 404) {
      await response.body?.cancel();
      return void 0;
    }
    return new Uint8Array(await response.arrayBuffer());
  }
  async createRepo(isPrivate) {
    const { accessToken, ...rest } = this.credentials;
    await createRepo({
      ...rest,
      accessToken: accessToken ?? "",
      visibility: isPrivate ? "private" : "public"
    });
  }
  async createBranch(branch, from) {
    const { accessToken, ...rest } = this.credentials;
    await createBranch({ ...rest, accessToken: accessToken ?? "", branch, revision: from });
  }
  /** Tags a commit (`POST /api/models/{repo}/tag/{rev}`; the library has no helper). */
  async createTag(tag, commit, message) {
    const response = await this.fetch(this.apiUrl(`/tag/${encodeURIComponent(commit)}`), {
      method: "POST",
      headers: this.headers(true),
      body: JSON.stringify({ tag, message })
    });
    if (!response.ok) throw await this.failed(response, `tagging ${commit} as ${tag}`);
    await response.body?.cancel();
  }
  /** One commit with the `parentCommit` guard, reporting upload progress per file. */
  async commit(params, onProgress) {
    const iterator = commitIter({
      ...this.credentials,
      branch: params.branch,
      parentCommit: params.parentCommit,
      title: params.title,
      description: params.description,
      operations: params.operations,
      useXet: false,
      ...params.signal ? { abortSignal: params.signal } : {}
    });
    for (; ; ) {
      const step = await iterator.next();
      if (step.done === true) return step.value;
      const event = step.value;
      if (event.event === "fileProgress" && event.state === "uploading") {
        onProgress(event.path, event.progress);
      }
    }
  }
};

// src/publish/huggingface.ts
var HuggingFaceDestination = class {
  name = "hf";
  options;
  comparer;
  lanes = [];
  constructor(options2) {
    this.options = options2;
    this.comparer = new HubComparer(`hf:${options2.repo}`);
  }
  get branch() {
    return this.options.branch ?? "main";
  }
  get label() {
    return this.comparer.label;
  }
  remote(context) {
    const { repo, hubUrl, token } = this.options;
    return new HubRemote({ repo, hubUrl, ...token === void 0 ? {} : { token } }, context);
  }
  lanesOf(release) {
    return hubLanes(release, this.branch, this.options.variantBranches ?? {});
  }
  groups(pending) {
    return commitGroups(pending, this.options.filesPerCommit ?? 200);
  }
  localPlan(release) {
    const lanes = this.lanesOf(release);
    return {
      destination: "hf",
      target: `${this.label}@${this.branch}`,
      files: lanes.flatMap((lane) => this.plannedFiles(lane, lane.files)),
      published: false,
      steps: [NOT_CONSULTED, ...lanes.map((lane) => `tag ${lane.tag}`)]
    };
  }
  plannedFiles(lane, pending) {
    return lane.files.map((file) => ({
      path: lane.branch === this.branch ? file.path : `${file.path} (branch ${lane.branch})`,
      size: file.size,
      url: `${this.options.hubUrl}/${this.options.repo}/blob/${encodeURIComponent(lane.tag)}/${file.path}`,
      action: pending.includes(file) ? "upload" : "skip"
    }));
  }
  async plan(release, context) {
    const remote = this.remote(context);
    const read = (what, work) => work().catch((error) => {
      throw remoteFailed(this.label, what, error);
    });
    const steps = [];
    this.lanes = [];
    const exists = await read("looking up the repository", () => remote.exists());
    if (!exists) {
      steps.push(
        `create the ${this.options.private === true ? "private" : "public"} repository ${this.options.repo}`
      );
    }
    const refs2 = exists ? await read("listing refs", () => remote.refs()) : { branches: [], tags: [] };
    for (const lane of this.lanesOf(release)) {
      if (refs2.tags.some((t) => t.name === lane.tag)) {
        const differ = await this.comparer.differences(
          lane.files,
          await read(`listing ${lane.tag}`, () => remote.tree(lane.tag))
        );
        if (differ.length > 0) throw this.comparer.refused(release, `as tag ${lane.tag}`, differ);
        this.lanes.push({ lane, published: true, pending: [] });
        continue;
      }
      const branchExists = refs2.branches.some((b) => b.name === lane.branch);
      const tree = branchExists ? await read(`listing ${lane.branch}`, () => remote.tree(lane.branch)) : /* @__PURE__ */ new Map();
      await this.comparer.checkHeadManifest(remote, release, lane, tree);
      const pending = await this.comparer.pending(lane.files, tree);
      if (!branchExists && lane.branch !== "main") steps.push(`create branch ${lane.branch}`);
      const commits = this.groups(pending).length;
      if (commits > 0) steps.push(`${commits} commit${commits === 1 ? "" : "s"} on ${lane.branch}`);
      steps.push(`tag ${lane.tag}`);
      this.lanes.push({ lane, published: false, pending });
    }
    const files = this.lanes.flatMap(({ lane, pending }) => this.plannedFiles(lane, pending));
    return {
      destination: "hf",
      target: `${this.label}@${this.branch}`,
      files,
      published: this.lanes.every((l) => l.published),
      steps
    };
  }
  async upload(release, plan, context) {
    if (this.options.token === void 0) {
      throw new ModelPublishError(
        "USAGE",
        `${this.label}: no token; set HF_TOKEN (or HUGGING_FACE_HUB_TOKEN, HUGGINGFACE_API_KEY) to a write token`
      );
    }
    const remote = this.remote(context);
    const uploaded = /* @__PURE__ */ new Set();
    let bytes = 0;
    const report = (file, action) => {
      context.emit({ type: "file", destination: "hf", path: file.path, action, bytes: file.size });
    };
    await ensureRepo(remote, this.options.private === true, this.label, context);
    for (const { lane, published, pending } of this.lanes) {
      if (published) continue;
      if (lane.branch !== "main") {
        const from = lane.branch === this.branch ? "main" : this.branch;
        await ensureBranch(remote, lane.branch, from, this.label, context);
      }
      const groups = this.groups(pending);
      for (const [index, group] of groups.entries()) {
        const part = groups.length > 1 ? ` (part ${index + 1} of ${groups.length})` : "";
        await commitGroup(remote, this.comparer, release, lane, group, part, context);
        for (const file of group) {
          uploaded.add(file.path);
          bytes += file.size;
          report(file, "uploaded");
        }
      }
      for (const file of lane.files.filter((f) => !pending.includes(f))) report(file, "skipped");
      await tagLane(remote, this.comparer, release, lane, context);
    }
    const commit = await remote.refs().then(
      (refs2) => refs2.tags.find((t) => t.name === `v${release.version}`)?.targetCommit ?? "",
      () => ""
    );
    return {
      destination: "hf",
      target: plan.target,
      url: `${this.options.hubUrl}/${this.options.repo}/tree/v${release.version}`,
      uploaded: [...uploaded],
      skipped: release.files.map((f) => f.path).filter((p) => !uploaded.has(p)),
      bytesUploaded: bytes,
      details: {
        repo: this.options.repo,
        tags: this.lanes.map((l) => l.lane.tag).join(", "),
        commit
      }
    };
  }
  verify(release, context) {
    return readBackHub(
      this.remote(context),
      this.comparer,
      release,
      this.lanesOf(release),
      context
    );
  }
};

// src/formats/car.ts
import { CarBlockIterator, CarWriter } from "@ipld/car";
import * as dagPB2 from "@ipld/dag-pb";
import { sha256 as sha2563 } from "multiformats/hashes/sha2";
var DAG_PB2 = 112;
var SHA2_256 = 18;
async function* writeCar(roots, produce) {
  const { writer, out } = CarWriter.create([...roots]);
  const seen = /* @__PURE__ */ new Set();
  const state = { stopped: false };
  const producing = (async () => {
    try {
      await produce(async (block) => {
        if (state.stopped) throw new Error("the CAR stream was abandoned");
        const key = block.cid.toString();
        if (seen.has(key)) return;
        seen.add(key);
        await writer.put(block);
      });
    } catch (error) {
      state.failure = { error };
    } finally {
      await writer.close();
    }
  })();
  const iterator = out[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (; ; ) {
      const step = await iterator.next();
      if (step.done === true) break;
      yield step.value;
    }
    finished = true;
  } finally {
    if (!finished) {
      state.stopped = true;
      void (async () => {
        while (!(await iterator.next()).done) {
        }
      })();
    }
  }
  await producing;
  if (state.failure !== void 0) throw state.failure.error;
}
async function blockMatches(cid, bytes) {
  if (cid.multihash.code !== SHA2_256) return false;
  const digest = await sha2563.digest(bytes);
  return Buffer.from(digest.digest).equals(Buffer.from(cid.multihash.digest));
}
function blockLinks(cid, bytes) {
  if (cid.code !== DAG_PB2) return [];
  return dagPB2.decode(bytes).Links.map((link3) => link3.Hash);
}
async function checkCar(stream, root2, onBlock) {
  const reader = await CarBlockIterator.fromIterable(stream);
  const present = /* @__PURE__ */ new Set();
  const corrupt = [];
  const links = /* @__PURE__ */ new Map();
  let blocks = 0;
  let bytes = 0;
  for await (const block of reader) {
    blocks += 1;
    bytes += block.bytes.length;
    const key = block.cid.toString();
    if (!await blockMatches(block.cid, block.bytes)) {
      corrupt.push(key);
      continue;
    }
    present.add(key);
    links.set(key, blockLinks(block.cid, block.bytes));
    onBlock?.(block);
  }
  const missing = [];
  const stack = [root2];
  const visited = /* @__PURE__ */ new Set();
  while (stack.length > 0) {
    const cid = stack.pop();
    if (cid === void 0) break;
    const key = cid.toString();
    if (visited.has(key)) continue;
    visited.add(key);
    if (!present.has(key)) {
      missing.push(key);
      continue;
    }
    stack.push(...links.get(key) ?? []);
  }
  return {
    roots: await reader.getRoots(),
    blocks,
    bytes,
    corrupt,
    missing,
    hasRoot: present.has(root2.toString())
  };
}

// src/publish/ipfs-gateway.ts
var GatewayStatusError = class extends Error {
  status;
  response;
  constructor(status, headers, message) {
    super(message);
    this.status = status;
    this.response = { status, headers };
  }
};
async function readBackFromGateway(gateway, dag, context) {
  const base = gateway.replace(/\/$/, "");
  const label2 = `gateway ${base}`;
  const get = async (path, accept) => {
    const response = await fetch(`${base}${path}`, {
      headers: { Accept: accept },
      ...context.signal ? { signal: context.signal } : {}
    });
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      throw new GatewayStatusError(
        response.status,
        response.headers,
        `${path}: HTTP ${response.status}`
      );
    }
    return response;
  };
  const retry = (what, work) => withRetry(what, work, transientVerdict, context.retry, {
    ...context.signal ? { signal: context.signal } : {},
    onRetry: (notice) => {
      context.emit({ type: "retry", destination: "ipfs", ...notice });
    }
  });
  const root2 = dag.root.root.toString();
  const problems = [];
  let check;
  try {
    check = await retry("fetching the release CAR", async () => {
      const response = await get(
        `/ipfs/${root2}?format=car&dag-scope=all`,
        "application/vnd.ipld.car"
      );
      if (response.body === null) throw new Error("no body");
      return checkCar(response.body, dag.root.root);
    });
  } catch (error) {
    if (error instanceof GatewayStatusError && error.status === 404) {
      return [
        {
          message: `${label2} does not have the release root ${root2} (with the signed manifest): the release is incomplete there`,
          incomplete: true
        }
      ];
    }
    throw remoteFailed(label2, "fetching the release CAR", error);
  }
  for (const cid of check.corrupt)
    problems.push({ message: `${label2}: block ${cid} does not match its hash` });
  if (!check.hasRoot)
    problems.push({ message: `${label2}: the CAR lacks the root ${root2}`, incomplete: true });
  for (const cid of check.missing.slice(0, 10))
    problems.push({ message: `${label2}: block ${cid} of the release DAG is missing` });
  const content = dag.content.root.toString();
  try {
    const block = await retry("fetching the content directory", async () => {
      const response = await get(`/ipfs/${content}?format=raw`, "application/vnd.ipld.raw");
      return new Uint8Array(await response.arrayBuffer());
    });
    if (!Buffer.from(block).equals(Buffer.from(dag.content.block))) {
      problems.push({
        message: `${label2}: the content directory ${content} differs from the one computed here`
      });
    }
  } catch (error) {
    problems.push({
      message: `${label2}: the content directory ${content} named in manifest.json cannot be read (${error instanceof Error ? error.message : String(error)})`
    });
  }
  return problems;
}

// src/publish/release-dag.ts
import { createReadStream as createReadStream6 } from "node:fs";
function dagSource(file) {
  const { source } = file;
  return {
    path: file.path,
    content: () => "file" in source ? createReadStream6(source.file) : (async function* () {
      await Promise.resolve();
      yield source.bytes;
    })()
  };
}
async function contentDirectory(files) {
  return importDirectory(
    files.filter((f) => f.kind === "artifact").map(dagSource),
    () => Promise.resolve()
  );
}
async function releaseDag(release) {
  const content = release.ipfsContent ?? await contentDirectory(release.files);
  const manifestBlocks = [];
  const entries2 = [];
  for (const file of release.files.filter((f) => f.kind !== "artifact")) {
    const imported = await importFile(dagSource(file), (block) => {
      manifestBlocks.push(block);
      return Promise.resolve();
    });
    entries2.push({ name: file.path, cid: imported.cid, size: imported.size });
  }
  const root2 = await withEntries(content, entries2);
  return { content, root: root2, manifestBlocks };
}
async function importChecked(release, dag, sink) {
  const built = await importDirectory(
    release.files.filter((f) => f.kind === "artifact").map(dagSource),
    sink
  );
  if (built.root.toString() !== dag.content.root.toString()) {
    throw new ModelPublishError(
      "VERIFY_FAILED",
      `${release.dir}: the files changed while publishing (content CID ${built.root.toString()}, expected ${dag.content.root.toString()}); publish a release folder nobody writes to`
    );
  }
}
function contentCar(release, dag) {
  return writeCar([dag.content.root], (sink) => importChecked(release, dag, sink));
}
function releaseCar(release, dag, root2 = "release") {
  return writeCar([root2 === "release" ? dag.root.root : dag.content.root], async (sink) => {
    await importChecked(release, dag, sink);
    for (const block of dag.manifestBlocks) await sink(block);
    await sink({ cid: dag.root.root, bytes: dag.root.block });
  });
}
function rootCar(dag) {
  return writeCar([dag.root.root], async (sink) => {
    for (const block of dag.manifestBlocks) await sink(block);
    await sink({ cid: dag.root.root, bytes: dag.root.block });
  });
}

// src/publish/ipfs.ts
function plannedFiles(release, root2, action) {
  return release.files.map((file) => ({
    path: file.path,
    size: file.size,
    url: `${root2}/${file.path}`,
    action
  }));
}
var IpfsDestination = class {
  name = "ipfs";
  options;
  dag;
  states = /* @__PURE__ */ new Map();
  constructor(options2) {
    if (options2.providers.length === 0) {
      throw new ModelPublishError(
        "USAGE",
        "ipfs: no provider configured; add one under destinations.ipfs.providers"
      );
    }
    this.options = options2;
  }
  async prepare(release) {
    this.dag = await releaseDag(release);
  }
  async releaseDag(release) {
    this.dag ??= await releaseDag(release);
    return this.dag;
  }
  target(dag) {
    return `ipfs://${dag.root.root.toString()}`;
  }
  localPlan(release) {
    const dag = this.dag;
    if (!dag)
      throw new ModelPublishError("USAGE", "ipfs: prepare() computes the CIDs before a plan");
    const root2 = this.target(dag);
    return {
      destination: "ipfs",
      target: root2,
      files: plannedFiles(release, root2, "upload"),
      published: false,
      steps: [
        NOT_CONSULTED,
        ...this.options.providers.map(
          (p) => `pin ${dag.content.root.toString()} and ${dag.root.root.toString()} on ${p.label}`
        )
      ]
    };
  }
  async plan(release, context) {
    const dag = await this.releaseDag(release);
    const steps = [];
    let published = true;
    for (const provider of this.options.providers) {
      const state = await provider.state(release, dag, context);
      this.states.set(provider, state);
      if (!state.content)
        steps.push(`pin the content ${dag.content.root.toString()} on ${provider.label}`);
      if (!state.root)
        steps.push(`pin the release root ${dag.root.root.toString()} on ${provider.label}`);
      published &&= state.content && state.root;
    }
    const root2 = this.target(dag);
    return {
      destination: "ipfs",
      target: root2,
      files: plannedFiles(release, root2, published ? "skip" : "upload"),
      published,
      steps
    };
  }
  async upload(release, plan, context) {
    const dag = await this.releaseDag(release);
    for (const provider of this.options.providers) {
      const state = this.states.get(provider) ?? await provider.state(release, dag, context);
      if (state.content && state.root) continue;
      context.emit({ type: "log", level: "info", message: `ipfs: pinning on ${provider.label}` });
      await provider.push(release, dag, state, context);
      this.states.set(provider, { content: true, root: true });
    }
    const uploaded = plan.published ? [] : release.files.map((f) => f.path);
    for (const file of release.files) {
      context.emit({
        type: "file",
        destination: "ipfs",
        path: file.path,
        action: plan.published ? "skipped" : "uploaded",
        bytes: file.size
      });
    }
    return {
      destination: "ipfs",
      target: plan.target,
      url: this.target(dag),
      uploaded,
      skipped: plan.published ? release.files.map((f) => f.path) : [],
      bytesUploaded: plan.published ? 0 : release.files.reduce((sum, f) => sum + f.size, 0),
      details: {
        root: dag.root.root.toString(),
        content: dag.content.root.toString(),
        providers: this.options.providers.map((p) => p.label).join(", ")
      }
    };
  }
  async verify(release, context) {
    const dag = await this.releaseDag(release);
    const problems = [];
    for (const provider of this.options.providers) {
      problems.push(...await provider.readBack(release, dag, context));
    }
    for (const gateway of this.options.gateways) {
      problems.push(...await readBackFromGateway(gateway, dag, context));
    }
    return {
      destination: "ipfs",
      target: this.target(dag),
      ok: problems.length === 0,
      incomplete: problems.some((p) => p.incomplete === true),
      checked: release.files.length,
      problems
    };
  }
};

// src/publish/ipfs-provider.ts
function rootPinName(release) {
  return `${release.id}@${release.version}`;
}
function contentPinName(release) {
  return `${release.id}@${release.version} files`;
}

// src/publish/ipfs-kubo.ts
var KuboProvider = class {
  label;
  options;
  client;
  constructor(options2) {
    this.label = `kubo ${options2.url}`;
    this.options = options2;
  }
  /** The RPC client, loaded on first use: a release without IPFS never pays for it. */
  rpc() {
    this.client ??= import("kubo-rpc-client").then(
      ({ create }) => create({
        url: this.options.url,
        ...this.options.token === void 0 ? {} : { headers: { Authorization: `Bearer ${this.options.token}` } }
      })
    );
    return this.client;
  }
  retry(what, context, work) {
    return withRetry(what, work, transientVerdict, context.retry, {
      ...context.signal ? { signal: context.signal } : {},
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "ipfs", ...notice });
      }
    }).catch((error) => {
      throw remoteFailed(this.label, what, error);
    });
  }
  async pins(context) {
    return this.retry("listing pins", context, async () => {
      const pins = /* @__PURE__ */ new Map();
      for await (const pin of (await this.rpc()).pin.ls({
        type: "recursive",
        names: true,
        ...context.signal ? { signal: context.signal } : {}
      })) {
        pins.set(pin.cid.toV1().toString(), pin.name ?? "");
      }
      return pins;
    });
  }
  async state(release, dag, context) {
    const pins = await this.pins(context);
    const root2 = dag.root.root.toString();
    const name = rootPinName(release);
    for (const [cid, pinName] of pins) {
      if (pinName === name && cid !== root2) {
        throw new ModelPublishError(
          "VERIFY_FAILED",
          `${this.label}: ${release.id} v${release.version} is already pinned as ${cid}, not ${root2}: a published version is never replaced; publish the new bytes as a new version`
        );
      }
    }
    return { content: pins.has(dag.content.root.toString()), root: pins.has(root2) };
  }
  async importAndPin(what, car, cid, name, context) {
    const signal = context.signal ? { signal: context.signal } : {};
    await this.retry(`importing the ${what} CAR`, context, async () => {
      for await (const _result of (await this.rpc()).dag.import(car(), {
        pinRoots: false,
        ...signal
      })) {
      }
    });
    await this.retry(`pinning ${cid.toString()}`, context, async () => {
      await (await this.rpc()).pin.add(cid, { recursive: true, name, ...signal });
    });
  }
  async push(release, dag, state, context) {
    if (!state.content) {
      await this.importAndPin(
        "content",
        () => contentCar(release, dag),
        dag.content.root,
        contentPinName(release),
        context
      );
    }
    if (!state.root) {
      await this.importAndPin(
        "release root",
        () => rootCar(dag),
        dag.root.root,
        rootPinName(release),
        context
      );
    }
  }
  async readBack(release, dag, context) {
    const pins = await this.pins(context);
    const problems = [];
    if (!pins.has(dag.root.root.toString())) {
      problems.push({
        message: `${this.label} does not pin the release root ${dag.root.root.toString()} (with the signed manifest): the release is incomplete there`,
        incomplete: true
      });
      return problems;
    }
    if (!pins.has(dag.content.root.toString())) {
      problems.push({
        message: `${this.label} does not pin the content directory ${dag.content.root.toString()} named in manifest.json`
      });
    }
    const client = await this.rpc();
    const check = await this.retry(
      "exporting the release DAG",
      context,
      () => checkCar(
        client.dag.export(dag.root.root, context.signal ? { signal: context.signal } : {}),
        dag.root.root
      )
    );
    for (const cid of check.corrupt)
      problems.push({ message: `${this.label}: block ${cid} does not match its hash` });
    for (const cid of check.missing.slice(0, 10))
      problems.push({ message: `${this.label}: block ${cid} of the release DAG is missing` });
    return problems;
  }
};

// src/publish/ipfs-pinning.ts
var HttpStatusError = class extends Error {
  status;
  response;
  constructor(status, headers, message) {
    super(message);
    this.status = status;
    this.response = { status, headers };
  }
};
function asRecord2(value) {
  return typeof value === "object" && value !== null ? value : {};
}
function parseStatus(value) {
  const record4 = asRecord2(value);
  const pin = asRecord2(record4.pin);
  const status = record4.status;
  if (typeof record4.requestid !== "string" || typeof pin.cid !== "string" || status !== "queued" && status !== "pinning" && status !== "pinned" && status !== "failed") {
    return void 0;
  }
  const details = asRecord2(record4.info).status_details;
  return {
    requestid: record4.requestid,
    status,
    cid: pin.cid,
    name: typeof pin.name === "string" ? pin.name : void 0,
    details: typeof details === "string" ? details : void 0
  };
}
var ALL_STATUSES = "queued,pinning,pinned,failed";
var PinningProvider = class {
  label;
  options;
  constructor(options2) {
    this.label = `pinning service ${options2.url}`;
    this.options = options2;
  }
  async call(method, path, context, body) {
    const response = await fetch(`${this.options.url.replace(/\/$/, "")}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.options.token}`,
        ...body === void 0 ? {} : { "Content-Type": "application/json" }
      },
      ...body === void 0 ? {} : { body: JSON.stringify(body) },
      ...context.signal ? { signal: context.signal } : {}
    });
    const text2 = await response.text();
    if (!response.ok) {
      let parsed;
      try {
        parsed = JSON.parse(text2);
      } catch {
        parsed = void 0;
      }
      const reason2 = asRecord2(asRecord2(parsed).error);
      const details = typeof reason2.details === "string" ? reason2.details : text2.slice(0, 200);
      throw new HttpStatusError(response.status, response.headers, `${method} ${path}: ${details}`);
    }
    return text2 === "" ? void 0 : JSON.parse(text2);
  }
  retry(what, context, work) {
    return withRetry(what, work, transientVerdict, context.retry, {
      ...context.signal ? { signal: context.signal } : {},
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "ipfs", ...notice });
      }
    }).catch((error) => {
      throw remoteFailed(this.label, what, error);
    });
  }
  async list(query, context) {
    const answer = asRecord2(
      await this.retry(
        "listing pins",
        context,
        () => this.call("GET", `/pins?${query}&status=${ALL_STATUSES}&limit=1000`, context)
      )
    );
    const results = Array.isArray(answer.results) ? answer.results : [];
    return results.map(parseStatus).filter((s) => s !== void 0);
  }
  /** The best request for a CID: pinned first, then in progress; failed ones do not count. */
  async find(cid, context) {
    const rank = { pinned: 0, pinning: 1, queued: 2, failed: 3 };
    const found = (await this.list(`cid=${encodeURIComponent(cid)}`, context)).filter((s) => s.cid === cid && s.status !== "failed").sort((a, b) => rank[a.status] - rank[b.status]);
    return found[0];
  }
  async state(release, dag, context) {
    const root2 = dag.root.root.toString();
    const named = await this.list(`name=${encodeURIComponent(rootPinName(release))}`, context);
    const other = named.find((s) => s.cid !== root2 && s.status !== "failed");
    if (other !== void 0) {
      throw new ModelPublishError(
        "VERIFY_FAILED",
        `${this.label}: ${release.id} v${release.version} is already pinned as ${other.cid}, not ${root2}: a published version is never replaced; publish the new bytes as a new version`
      );
    }
    const content = await this.find(dag.content.root.toString(), context);
    const rootPin = await this.find(root2, context);
    return { content: content?.status === "pinned", root: rootPin?.status === "pinned" };
  }
  async request(cid, name, release, context) {
    return this.retry(`requesting a pin of ${cid}`, context, async () => {
      const existing = await this.find(cid, context);
      if (existing !== void 0) return existing;
      const created = parseStatus(
        await this.call("POST", "/pins", context, {
          cid,
          name,
          origins: this.options.origins,
          meta: { model: release.id, version: release.version }
        })
      );
      if (created === void 0)
        throw new Error("the service answered POST /pins without a pin status");
      return created;
    });
  }
  async pin(cid, name, release, context) {
    let status = await this.request(cid, name, release, context);
    const started = Date.now();
    const timeout = this.options.timeoutMs ?? 30 * 6e4;
    while (status.status !== "pinned") {
      if (status.status === "failed") {
        throw new ModelPublishError(
          "REMOTE_FAILED",
          `${this.label}: pinning ${cid} failed${status.details === void 0 ? "" : ` (${status.details})`}; the service fetches the DAG from ${this.options.origins.join(", ") || "no origins"}: make sure one of them serves it (list a Kubo provider before the pinning service, or a gateway that has it), then publish again`
        );
      }
      if (Date.now() - started > timeout) {
        throw new ModelPublishError(
          "REMOTE_FAILED",
          `${this.label}: ${cid} is still ${status.status} after ${Math.round(timeout / 1e3)} s; publish again later: the request is kept and polled, not repeated`
        );
      }
      await context.retry.sleep(this.options.pollMs ?? 1e3, context.signal);
      const id = status.requestid;
      const next = parseStatus(
        await this.retry(
          "polling a pin request",
          context,
          () => this.call("GET", `/pins/${encodeURIComponent(id)}`, context)
        )
      );
      if (next === void 0)
        throw remoteFailed(this.label, "polling a pin request", "malformed answer");
      status = next;
    }
  }
  async push(release, dag, state, context) {
    if (this.options.origins.length === 0) {
      throw new ModelPublishError(
        "USAGE",
        `${this.label}: the service needs origins to fetch the release from; list a Kubo provider before it or add gateways under destinations.ipfs.gateways`
      );
    }
    if (!state.content)
      await this.pin(dag.content.root.toString(), contentPinName(release), release, context);
    if (!state.root)
      await this.pin(dag.root.root.toString(), rootPinName(release), release, context);
  }
  async readBack(_release, dag, context) {
    const problems = [];
    const root2 = await this.find(dag.root.root.toString(), context);
    if (root2?.status !== "pinned") {
      problems.push({
        message: `${this.label} has not pinned the release root ${dag.root.root.toString()} (with the signed manifest): the release is incomplete there`,
        incomplete: true
      });
    }
    const content = await this.find(dag.content.root.toString(), context);
    if (content?.status !== "pinned") {
      problems.push({
        message: `${this.label} has not pinned the content directory ${dag.content.root.toString()} named in manifest.json`
      });
    }
    return problems;
  }
};

// src/publish/ipfs-storacha-auth.ts
import { readFile as readFile8 } from "node:fs/promises";
import { base64 } from "multiformats/bases/base64";
import { CID as CID2 } from "multiformats/cid";
import { identity } from "multiformats/hashes/identity";
var CAR_CODE = 514;
var STORACHA_SPACE_ABILITIES = [
  "space/blob/add",
  "space/index/add",
  "upload/add",
  "upload/get"
];
function sourceName(source) {
  return "env" in source ? `env:${source.env}` : `file:${source.file}`;
}
function delegationCommand(agent) {
  const cans = [...STORACHA_SPACE_ABILITIES, "filecoin/offer"].map((c) => `--can ${c}`).join(" ");
  return `storacha delegation create ${agent} ${cans} --base64`;
}
function isDidKey(text2) {
  return text2.startsWith("did:key:");
}
function covers(delegated, wanted) {
  if (delegated === "*" || delegated === wanted) return true;
  return delegated.endsWith("/*") && wanted.startsWith(delegated.slice(0, -1));
}
async function proofText(source) {
  if ("env" in source) return source.value.trim();
  let bytes;
  try {
    bytes = await readFile8(source.file);
  } catch (error) {
    throw new ModelPublishError(
      "USAGE",
      `storacha: cannot read the proof file ${source.file} (${error instanceof Error ? error.message : String(error)}); point proof at the file \`storacha delegation create -o\` wrote`
    );
  }
  const text2 = bytes.toString("utf8").trim();
  if (/^[A-Za-z0-9+/=_-]+$/.test(text2)) return text2;
  return CID2.createV1(CAR_CODE, identity.digest(bytes)).toString(base64);
}
async function storachaAuth(label2, options2, now = Date.now()) {
  const Signer = await import("@storacha/client/principal/ed25519");
  const Proof = await import("@storacha/client/proof");
  let signer;
  try {
    signer = Signer.parse(options2.key.trim());
  } catch {
    throw new ModelPublishError(
      "KEY_INVALID",
      `${label2}: ${options2.keyFrom} is not a Storacha agent key (the private key \`storacha key create\` prints, starting with "M"); create one with \`storacha key create\` and store it as a secret`
    );
  }
  const agent = signer.did();
  const proofFrom = sourceName(options2.proof);
  let proof;
  try {
    proof = await Proof.parse(await proofText(options2.proof));
  } catch (error) {
    if (error instanceof ModelPublishError) throw error;
    throw new ModelPublishError(
      "KEY_INVALID",
      `${label2}: ${proofFrom} is not a UCAN delegation; create one with \`${delegationCommand(agent)}\` and store its output there`
    );
  }
  const audience = proof.audience.did();
  if (audience !== agent) {
    throw new ModelPublishError(
      "KEY_INVALID",
      `${label2}: the proof in ${proofFrom} delegates to ${audience}, not to the key in ${options2.keyFrom} (${agent}); create one for this key with \`${delegationCommand(agent)}\``
    );
  }
  const named = [...new Set(proof.capabilities.map((c) => c.with))].filter(isDidKey);
  const space = options2.space ?? (named.length === 1 ? named[0] : void 0);
  if (space === void 0 || !isDidKey(space)) {
    throw new ModelPublishError(
      "USAGE",
      named.length === 0 ? `${label2}: the proof in ${proofFrom} names no space (did:key:…); create one from the space with \`${delegationCommand(agent)}\`` : `${label2}: the proof in ${proofFrom} names ${named.length} spaces (${named.join(", ")}); set \`space:\` to the one to upload to`
    );
  }
  if (proof.capabilities[0].with !== space) {
    throw new ModelPublishError(
      "KEY_INVALID",
      `${label2}: the proof in ${proofFrom} does not delegate on the space ${space}${named.length > 0 ? ` (it names ${named.join(", ")})` : ""}; create one in that space with \`${delegationCommand(agent)}\``
    );
  }
  for (const ability of STORACHA_SPACE_ABILITIES) {
    const granted = proof.capabilities.some((c) => c.with === space && covers(c.can, ability));
    if (!granted) {
      throw new ModelPublishError(
        "KEY_INVALID",
        `${label2}: the proof in ${proofFrom} does not delegate ${ability} on ${space} to ${agent}; create one with \`${delegationCommand(agent)}\` in that space`
      );
    }
  }
  const seconds2 = Math.floor(now / 1e3);
  if (Number.isFinite(proof.expiration) && proof.expiration <= seconds2) {
    throw new ModelPublishError(
      "KEY_INVALID",
      `${label2}: the proof in ${proofFrom} expired at ${new Date(proof.expiration * 1e3).toISOString()}; create a new one with \`${delegationCommand(agent)}\``
    );
  }
  if (proof.notBefore !== void 0 && proof.notBefore > seconds2) {
    throw new ModelPublishError(
      "KEY_INVALID",
      `${label2}: the proof in ${proofFrom} is not valid before ${new Date(proof.notBefore * 1e3).toISOString()}; wait or create one without --not-before`
    );
  }
  return { signer, proof, space };
}

// src/publish/ipfs-storacha-car.ts
function releaseCarBlob(release, dag) {
  return { stream: () => ReadableStream.from(releaseCar(release, dag, "content")) };
}

// src/publish/ipfs-storacha-errors.ts
function record3(value) {
  return typeof value === "object" && value !== null ? value : void 0;
}
function chain(error) {
  const out = [];
  for (let e = record3(error); e !== void 0 && out.length < 6; e = record3(e.cause)) out.push(e);
  return out;
}
function failureName(error) {
  for (const e of chain(error).slice(1)) {
    if (typeof e.name === "string" && e.name !== "Error") return e.name;
  }
  return void 0;
}
function failureText(error) {
  const parts2 = chain(error).map((e) => {
    const message = typeof e.message === "string" ? e.message : "";
    const name = typeof e.name === "string" && e.name !== "Error" ? e.name : "";
    return name !== "" && !message.startsWith(name) ? `${name}: ${message}` : message;
  });
  return parts2.filter((p) => p !== "").join(": ") || String(error);
}
function storachaVerdict(error) {
  for (const e of chain(error)) {
    const verdict = transientVerdict(e);
    if (verdict.retry) return verdict;
    const put = typeof e.message === "string" ? /^upload failed: (\d{3})$/.exec(e.message) : null;
    const status = Number(put?.[1]);
    if (TRANSIENT_STATUSES.has(status)) return { retry: true, reason: `HTTP ${String(status)}` };
  }
  return { retry: false };
}
function storachaFailure(where, what, error) {
  if (error instanceof ModelPublishError) return error;
  const name = failureName(error);
  const full = failureText(error).replace(/\s+/g, " ").trim();
  const text2 = full.length > 300 ? `${full.slice(0, 300)}…` : full;
  if (name === "Unauthorized") {
    return new ModelPublishError(
      "KEY_INVALID",
      `${where.label}: the service refused ${what} in space ${where.space}: the proof in ${where.proofFrom} does not authorize ${where.agent} (${text2}); create a delegation from the space with \`${where.delegation}\``
    );
  }
  if (name === "InvalidAudience") {
    return new ModelPublishError(
      "USAGE",
      `${where.label}: the service at ${where.url} is not ${where.serviceDid} (${text2}); set serviceDid to the DID of the service at that URL`
    );
  }
  const status = chain(error).map(statusOf).find((s) => s !== void 0);
  const wrapped = Object.assign(new Error(text2), { cause: error, status });
  return remoteFailed(
    `${where.label} (space ${where.space})`,
    what,
    wrapped,
    "check the service status and the space's storage plan, then run publish again: blobs already stored are not sent again"
  );
}

// src/publish/ipfs-storacha.ts
var STORACHA_URL = "https://up.storacha.network";
var STORACHA_DID = "did:web:up.storacha.network";
function serviceConf(service, target) {
  return {
    access: service.accessServiceConnection(target),
    upload: service.uploadServiceConnection(target),
    filecoin: service.filecoinServiceConnection(target),
    gateway: service.gatewayServiceConnection(target)
  };
}
var StorachaProvider = class {
  label;
  options;
  session;
  constructor(options2) {
    this.label = `storacha ${options2.url}`;
    this.options = options2;
  }
  /** The client, made on first use; the credentials are checked before it exists. */
  connect() {
    this.session ??= (async () => {
      const auth = await storachaAuth(this.label, this.options);
      const { create } = await import("@storacha/client");
      const { StoreMemory } = await import("@storacha/client/stores/memory");
      const service = await import("@storacha/client/service");
      const url = new URL(
        this.options.url.endsWith("/") ? this.options.url : `${this.options.url}/`
      );
      const serviceDid = this.options.serviceDid;
      const id = { did: () => serviceDid };
      const client = await create({
        principal: auth.signer,
        // In memory: the key is never written to a profile on disk.
        store: new StoreMemory(),
        serviceConf: serviceConf(service, { id, url }),
        receiptsEndpoint: new URL("receipt/", url)
      });
      await client.addSpace(auth.proof);
      await client.setCurrentSpace(auth.space);
      const agent = auth.signer.did();
      const proof = this.options.proof;
      return {
        client,
        auth,
        where: {
          label: this.label,
          space: auth.space,
          agent,
          serviceDid,
          url: this.options.url,
          proofFrom: "env" in proof ? `env:${proof.env}` : `file:${proof.file}`,
          delegation: delegationCommand(agent)
        }
      };
    })();
    return this.session;
  }
  /**
   * Runs one step under the retry policy. The client's own retries are off (`retries: 0`) so that
   * one policy decides; every step is safe to repeat: a blob already stored is not sent again.
   */
  async retry(what, context, work) {
    const session = await this.connect();
    return withRetry(what, () => work(session), storachaVerdict, context.retry, {
      ...context.signal ? { signal: context.signal } : {},
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "ipfs", ...notice });
      }
    }).catch((error) => {
      throw storachaFailure(session.where, what, error);
    });
  }
  request(context) {
    return { retries: 0, ...context.signal ? { signal: context.signal } : {} };
  }
  /** The upload registered under a root in the space, or undefined. */
  async upload(cid, context) {
    return this.retry(`looking up the upload ${cid.toString()}`, context, async ({ client }) => {
      try {
        return await client.capability.upload.get(cid, this.request(context));
      } catch (error) {
        if (failureName(error) === "UploadNotFound") return void 0;
        throw error;
      }
    });
  }
  // Uploads carry no names, so another DAG under this version's name cannot be noticed here;
  // the Kubo and pinning providers that do keep names refuse it.
  async state(_release, dag, context) {
    const content = await this.upload(dag.content.root, context);
    const root2 = await this.upload(dag.root.root, context);
    return { content: content !== void 0, root: root2 !== void 0 };
  }
  async push(release, dag, state, context) {
    if (state.content && state.root) return;
    const shards = await this.retry("uploading the release CAR", context, async ({ client }) => {
      const stored = [];
      const root3 = await client.uploadCAR(releaseCarBlob(release, dag), {
        ...this.request(context),
        onShardStored: (meta) => {
          stored.push(meta.cid);
          context.emit({
            type: "log",
            level: "info",
            message: `${this.label}: stored shard ${meta.cid.toString()} (${meta.size} bytes)`
          });
        }
      });
      if (root3.toString() !== dag.content.root.toString()) {
        throw new ModelPublishError(
          "VERIFY_FAILED",
          `${this.label}: the client registered ${root3.toString()}, not the content directory ${dag.content.root.toString()} computed here; the release CAR names that directory as its root, so the client changed it`
        );
      }
      return stored;
    });
    const root2 = dag.root.root;
    await this.retry(
      `registering the release root ${root2.toString()}`,
      context,
      ({ client }) => client.capability.upload.add(root2, shards, this.request(context))
    );
  }
  async readBack(_release, dag, context) {
    const { where } = await this.connect();
    const problems = [];
    const root2 = await this.upload(dag.root.root, context);
    if (root2 === void 0) {
      return [
        {
          message: `${this.label} has no upload of the release root ${dag.root.root.toString()} (with the signed manifest) in space ${where.space}: the release is incomplete there`,
          incomplete: true
        }
      ];
    }
    if (await this.upload(dag.content.root, context) === void 0) {
      problems.push({
        message: `${this.label} has no upload of the content directory ${dag.content.root.toString()} named in manifest.json (space ${where.space})`
      });
    }
    return problems;
  }
};

// src/publish/secrets.ts
var MASK = "***";
var Secrets = class {
  #values = /* @__PURE__ */ new Set();
  /** Remembers a secret; empty and very short values are ignored (they would mask ordinary words). */
  add(value) {
    if (value === void 0) return this;
    const trimmed = value.trim();
    if (trimmed.length < 6) return this;
    this.#values.add(trimmed);
    const encoded = encodeURIComponent(trimmed);
    if (encoded !== trimmed) this.#values.add(encoded);
    return this;
  }
  /** Each secret, for a front end that masks them in its own output (a runner's log). */
  forEach(mask) {
    for (const value of this.#values) mask(value);
  }
  /** Adds every value another set holds. */
  merge(other) {
    for (const value of other.#values) this.#values.add(value);
    return this;
  }
  /** The text with every known secret replaced by `***`. */
  redact(text2) {
    let out = text2;
    const values = [...this.#values].sort((a, b) => b.length - a.length);
    for (const value of values) out = out.split(value).join(MASK);
    return out;
  }
  /** An error safe to show: same code and kind, message redacted. */
  redactError(error) {
    if (error instanceof ModelPublishError) {
      return new ModelPublishError(error.code, this.redact(error.message));
    }
    const message = this.redact(error instanceof Error ? error.message : String(error));
    return new Error(message);
  }
  /** Redacts every string inside a JSON-like value (receipts, plans). */
  redactValue(value) {
    return JSON.parse(this.redact(JSON.stringify(value)));
  }
};

// src/publish/publish-config.ts
var HUB_TOKEN_VARIABLES = [
  "HF_TOKEN",
  "HUGGING_FACE_HUB_TOKEN",
  "HUGGINGFACE_API_KEY"
];
var DESTINATION_NAMES = ["hf", "gcs", "ipfs"];
function hubToken(env) {
  for (const name of HUB_TOKEN_VARIABLES) {
    const value = env[name]?.trim();
    if (value !== void 0 && value !== "") return value;
  }
  return void 0;
}
function environmentSecrets(env, manifest) {
  const secrets = new Secrets();
  for (const [name, value] of Object.entries(env)) {
    if (/(TOKEN|SECRET|PASSWORD|PASSPHRASE|API_KEY|PRIVATE_KEY|SIGNING_KEY)$/i.test(name))
      secrets.add(value);
  }
  for (const name of HUB_TOKEN_VARIABLES) secrets.add(env[name]);
  const key = manifest?.signing?.key;
  if (key?.startsWith("env:") === true) secrets.add(env[key.slice(4)]);
  for (const provider of manifest?.destinations?.ipfs?.providers ?? []) {
    if (provider.tokenEnv !== void 0) secrets.add(env[provider.tokenEnv]);
    if (provider.type === "storacha") {
      for (const source of [provider.key ?? STORACHA_KEY, provider.proof ?? STORACHA_PROOF]) {
        if (source.startsWith("env:")) secrets.add(env[source.slice(4)]);
      }
    }
  }
  return secrets;
}
function hubUrlFrom(env) {
  return (env.HF_ENDPOINT?.trim() || "https://huggingface.co").replace(/\/+$/, "");
}
function gcsEndpointFrom(env) {
  const emulator = env.STORAGE_EMULATOR_HOST?.trim();
  if (emulator === void 0 || emulator === "") return void 0;
  return (/^https?:\/\//.test(emulator) ? emulator : `http://${emulator}`).replace(
    /\/storage\/v1\/?$/,
    ""
  );
}
function gatewayMultiaddr(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return void 0;
  }
  const scheme = parsed.protocol.replace(/:$/, "");
  if (scheme !== "http" && scheme !== "https") return void 0;
  const port = parsed.port || (scheme === "https" ? "443" : "80");
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const kind = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? "ip4" : host.includes(":") ? "ip6" : "dns";
  return `/${kind}/${host}/tcp/${port}/${scheme}`;
}
function usage(message) {
  return new ModelPublishError("USAGE", message);
}
var STORACHA_KEY = "env:STORACHA_KEY";
var STORACHA_PROOF = "env:STORACHA_PROOF";
function isDid(text2) {
  return /^did:[a-z0-9]+:\S+$/.test(text2);
}
function storachaProvider(env, provider, where) {
  const keyFrom = provider.key ?? STORACHA_KEY;
  const proofFrom = provider.proof ?? STORACHA_PROOF;
  const variable = (source, what, fix) => {
    const value = env[source.slice(4)]?.trim();
    if (value === void 0 || value === "")
      throw usage(`${where}: ${source.slice(4)} (${what}) is not set; ${fix}`);
    return value;
  };
  const key = variable(
    keyFrom,
    "the Storacha agent key",
    "set it, as a secret, to the private key `storacha key create` prints, or name another variable with key: env:NAME"
  );
  const proof = proofFrom.startsWith("env:") ? {
    env: proofFrom.slice(4),
    value: variable(
      proofFrom,
      "the space's delegation to the agent",
      "set it to what `storacha delegation create <agent DID> --can space/blob/add --can space/index/add --can filecoin/offer --can upload/add --can upload/get --base64` prints, or use proof: file:PATH"
    )
  } : { file: resolve13(proofFrom.slice(5)) };
  const serviceDid = provider.serviceDid ?? STORACHA_DID;
  if (!isDid(serviceDid)) throw usage(`${where}: serviceDid ${serviceDid} is not a DID`);
  return new StorachaProvider({
    url: provider.url ?? STORACHA_URL,
    serviceDid,
    key,
    keyFrom,
    proof,
    ...provider.space === void 0 ? {} : { space: provider.space }
  });
}
function ipfsProviders(config, gateways) {
  const origins = gateways.map(gatewayMultiaddr).filter((a) => a !== void 0);
  return (config.manifest.destinations?.ipfs?.providers ?? []).map((provider, index) => {
    const where = `destinations.ipfs.providers[${index}]`;
    const token = provider.tokenEnv === void 0 ? void 0 : config.env[provider.tokenEnv]?.trim();
    if (provider.tokenEnv !== void 0 && (token === void 0 || token === "")) {
      throw usage(
        `${where}: the token variable ${provider.tokenEnv} is not set; set it (as a secret) or remove tokenEnv`
      );
    }
    switch (provider.type) {
      case "kubo":
        return new KuboProvider({
          url: provider.url ?? "http://127.0.0.1:5001",
          ...token === void 0 ? {} : { token }
        });
      case "pinning-service":
        if (provider.url === void 0)
          throw usage(`${where}: a pinning service needs its API url`);
        if (token === void 0)
          throw usage(
            `${where}: a pinning service needs tokenEnv, the variable holding its access token`
          );
        return new PinningProvider({
          url: provider.url,
          token,
          origins,
          ...config.overrides?.pinning
        });
      case "storacha":
        return storachaProvider(config.env, provider, where);
    }
  });
}
function configureDestinations(config) {
  const { manifest, env } = config;
  const configured = manifest.destinations ?? {};
  const available = {
    hf: configured.huggingface !== void 0,
    gcs: configured.gcs !== void 0,
    ipfs: configured.ipfs !== void 0
  };
  const only = config.only ?? DESTINATION_NAMES.filter((name) => available[name]);
  for (const name of only) {
    if (!available[name]) {
      const key = name === "hf" ? "huggingface" : name;
      throw usage(
        `--to ${name}: the manifest has no destinations.${key} section; add it or leave ${name} out`
      );
    }
  }
  if (only.length === 0)
    throw usage("the manifest configures no destination; add a destinations section");
  const destinations = [];
  const gateways = configured.ipfs?.gateways ?? [];
  if (only.includes("hf") && configured.huggingface !== void 0) {
    const hf = configured.huggingface;
    const token = hubToken(env);
    const variantBranches = Object.fromEntries(
      (manifest.variants ?? []).flatMap(
        (v) => v.branch === void 0 ? [] : [[v.scheme, v.branch]]
      )
    );
    destinations.push(
      new HuggingFaceDestination({
        repo: hf.repo,
        hubUrl: hubUrlFrom(env),
        ...token === void 0 ? {} : { token },
        ...hf.branch === void 0 ? {} : { branch: hf.branch },
        private: hf.private === true,
        variantBranches,
        ...config.overrides?.hf
      })
    );
  }
  if (only.includes("gcs") && configured.gcs !== void 0) {
    const gcs = configured.gcs;
    const apiEndpoint = gcsEndpointFrom(env);
    const projectId = env.GOOGLE_CLOUD_PROJECT ?? env.GCLOUD_PROJECT;
    destinations.push(
      new GcsDestination({
        bucket: gcs.bucket,
        prefix: gcs.prefix ?? "",
        ...gcs.publicBaseUrl === void 0 ? {} : { publicBaseUrl: gcs.publicBaseUrl },
        ...apiEndpoint === void 0 ? {} : { apiEndpoint },
        ...projectId === void 0 ? {} : { projectId },
        ...config.overrides?.gcs
      })
    );
  }
  if (only.includes("ipfs") && configured.ipfs !== void 0) {
    destinations.push(
      new IpfsDestination({ providers: ipfsProviders(config, gateways), gateways: [...gateways] })
    );
  }
  return {
    destinations,
    secrets: environmentSecrets(env, manifest),
    ...configured.ipfs === void 0 ? {} : { ipfs: { gateways: [...gateways] } },
    ...manifest.signing?.publicKey === void 0 ? {} : { publicKey: manifest.signing.publicKey }
  };
}

// src/sign/verify-release.ts
import { readFile as readFile10 } from "node:fs/promises";
import { join as join22 } from "node:path";
import * as ed2 from "@noble/ed25519";

// src/sign/check-manifest-json.ts
import { readFile as readFile9 } from "node:fs/promises";
import { join as join21 } from "node:path";

// src/sign/verify-problem.ts
function problem(kind, message, path) {
  return path === void 0 ? { kind, message } : { kind, path, message };
}
function shown(text2) {
  return /[\u0000-\u001f\u007f]/.test(text2) ? JSON.stringify(text2) : text2;
}

// src/sign/check-manifest-json.ts
function problem2(message, path) {
  return problem("manifest", message, path);
}
async function checkManifestJson(dir, signed) {
  let data;
  try {
    data = JSON.parse(await readFile9(join21(dir, MANIFEST_FILE), "utf8"));
  } catch (error) {
    const missing = error.code === "ENOENT";
    return [problem2(`${MANIFEST_FILE} is ${missing ? "missing" : "not valid JSON"}`)];
  }
  const validate = validators().release;
  if (!validate(data)) {
    return [problem2(`${MANIFEST_FILE} does not match its schema: ${schemaErrorText(validate)}`)];
  }
  const manifest = data;
  const problems = [];
  for (const field2 of ["id", "version", "merkleRoot", "timestamp"]) {
    if (manifest[field2] !== signed[field2]) {
      problems.push(
        problem2(
          `${MANIFEST_FILE} says ${field2} ${JSON.stringify(manifest[field2] ?? null)}, the signed manifest ${JSON.stringify(signed[field2])}`
        )
      );
    }
  }
  const described = /* @__PURE__ */ new Set();
  for (const [key, artifact] of Object.entries(manifest.artifacts)) {
    const path = artifact.filename;
    described.add(path);
    const entry = Object.hasOwn(signed.artifacts, path) ? signed.artifacts[path] : void 0;
    if (!entry) {
      problems.push(
        problem2(
          `${MANIFEST_FILE} lists ${shown(path)} (artifacts.${shown(key)}), which is not signed`,
          path
        )
      );
    } else if (entry.sha256 !== artifact.sha256 || entry.size !== artifact.size) {
      problems.push(
        problem2(
          `${MANIFEST_FILE} gives ${shown(path)} sha256 ${artifact.sha256} and ${artifact.size} bytes, the signed manifest ${entry.sha256} and ${entry.size}`,
          path
        )
      );
    }
  }
  for (const path of Object.keys(signed.artifacts)) {
    if (!described.has(path)) {
      problems.push(problem2(`${MANIFEST_FILE} does not list the signed file ${shown(path)}`, path));
    }
  }
  return problems;
}

// src/sign/verify-release.ts
async function readSignature(dir) {
  let text2;
  try {
    text2 = await readFile10(join22(dir, SIGNATURE_FILE), "utf8");
  } catch (error) {
    const missing = error.code === "ENOENT";
    return {
      problem: {
        kind: "signature-file",
        message: missing ? `${SIGNATURE_FILE} is missing: the release is not signed (or not complete)` : `${SIGNATURE_FILE} cannot be read`
      }
    };
  }
  let data;
  try {
    data = JSON.parse(text2);
  } catch {
    return { problem: { kind: "signature-file", message: `${SIGNATURE_FILE} is not valid JSON` } };
  }
  const validate = validators().signature;
  if (!isReleaseSignature(validate, data)) {
    return {
      problem: {
        kind: "signature-file",
        message: `${SIGNATURE_FILE} does not match its schema: ${schemaErrorText(validate)}`
      }
    };
  }
  return { signature: data };
}
async function checkSignature(sig, options2) {
  const problems = [];
  const embedded = decodeBase64Strict(sig.publicKey);
  let trusted = options2.publicKey;
  if (options2.keyring) {
    trusted = Object.hasOwn(options2.keyring, sig.keyId) ? options2.keyring[sig.keyId] : void 0;
    if (!trusted) {
      problems.push({
        kind: "untrusted-key",
        message: `key id ${JSON.stringify(sig.keyId)} is not in the keyring; the release was signed by a key you do not trust`
      });
    }
  }
  if (trusted && !embedded?.equals(trusted)) {
    problems.push({
      kind: "untrusted-key",
      // The trusted key is named by fingerprint: a user who passed a private seed by mistake
      // must not see it echoed into a CI log.
      message: `${SIGNATURE_FILE} carries public key ${sig.publicKey}, not the trusted key (fingerprint ${keyFingerprint(trusted)})`
    });
  }
  const signature = decodeBase64Strict(sig.signature);
  let valid = false;
  if (trusted && signature) {
    try {
      valid = await ed2.verifyAsync(signature, canonicalJsonBytes(sig.manifest), trusted, {
        zip215: false
      });
    } catch {
      valid = false;
    }
  }
  if (trusted && !valid) {
    problems.push({
      kind: "signature",
      message: signature ? "the Ed25519 signature does not verify: the signed manifest or the signature was changed, or another key signed it" : "the signature is not canonical base64"
    });
  }
  return problems;
}
function compareFile(path, actual, sig) {
  const expected = sig.manifest.artifacts[path];
  if (!expected) return [];
  if (actual.size !== expected.size) {
    return [
      {
        kind: "size",
        path,
        message: `${shown(path)} is ${actual.size} bytes, signed as ${expected.size}`
      }
    ];
  }
  if (actual.sha256 !== expected.sha256) {
    return [
      {
        kind: "digest",
        path,
        message: `${shown(path)} has sha256 ${actual.sha256}, signed as ${expected.sha256}`
      }
    ];
  }
  return [];
}
async function checkOneFile(dir, file, sig, options2) {
  const entries2 = signedEntries(sig.manifest);
  const proof = inclusionProof(entries2, file);
  if (!proof || !isSafeReleasePath(file)) {
    return {
      problems: [{ kind: "unlisted", path: file, message: `${shown(file)} is not a signed file` }],
      digests: []
    };
  }
  let digests;
  try {
    digests = await hashFiles(
      dir,
      [file],
      options2.onProgress ? { onProgress: options2.onProgress } : {}
    );
  } catch {
    return {
      problems: [
        { kind: "missing", path: file, message: `${shown(file)} is missing or unreadable` }
      ],
      digests: [],
      proof
    };
  }
  const problems = digests.flatMap((digest) => compareFile(file, digest, sig));
  if (!verifyInclusion(proof, sig.manifest.merkleRoot)) {
    problems.push({
      kind: "inclusion",
      path: file,
      message: `${shown(file)}'s inclusion proof does not lead to the signed Merkle root`
    });
  }
  return { problems, digests, proof };
}
async function checkAllFiles(dir, sig, options2) {
  const problems = [];
  const signedPaths = Object.keys(sig.manifest.artifacts);
  const { files, problems: odd } = await listReleaseFiles(dir);
  for (const { path, reason: reason2 } of odd) {
    problems.push({ kind: "not-a-file", path, message: `${shown(path)} ${reason2}` });
  }
  const present = new Set(files);
  for (const path of files) {
    if (!Object.hasOwn(sig.manifest.artifacts, path)) {
      problems.push({
        kind: "unlisted",
        path,
        message: `${shown(path)} is not covered by the signature`
      });
    }
  }
  const toHash = [];
  for (const path of signedPaths) {
    if (!isSafeReleasePath(path)) {
      problems.push({
        kind: "unsafe-path",
        path,
        message: `signed path ${JSON.stringify(path)} is not a plain relative path`
      });
    } else if (!present.has(path)) {
      problems.push({ kind: "missing", path, message: `${shown(path)} is signed but missing` });
    } else {
      toHash.push(path);
    }
  }
  const digests = await hashFiles(dir, toHash, {
    ...options2.concurrency === void 0 ? {} : { concurrency: options2.concurrency },
    ...options2.onProgress ? { onProgress: options2.onProgress } : {}
  });
  for (const digest of digests) problems.push(...compareFile(digest.path, digest, sig));
  return { problems, digests };
}
async function verifyRelease(dir, options2) {
  if (!options2.publicKey && !options2.keyring) {
    throw new ModelPublishError(
      "USAGE",
      "verify: give a trusted public key (--public-key) or a keyring (--keyring); the key inside manifest.sig.json proves nothing by itself"
    );
  }
  const read = await readSignature(dir);
  if ("problem" in read) return { ok: false, dir, files: 0, bytes: 0, problems: [read.problem] };
  const sig = read.signature;
  const problems = await checkSignature(sig, options2);
  const root2 = merkleRoot(signedEntries(sig.manifest));
  if (root2 !== sig.manifest.merkleRoot) {
    problems.push({
      kind: "merkle-root",
      message: `the signed Merkle root ${sig.manifest.merkleRoot} is not the root of the signed files (${root2})`
    });
  }
  const checked = options2.file ? await checkOneFile(dir, options2.file.replace(/^(\.\/)+/, ""), sig, options2) : await checkAllFiles(dir, sig, options2);
  problems.push(...checked.problems);
  const proof = checked.proof;
  if (!options2.file) problems.push(...await checkManifestJson(dir, sig.manifest));
  return {
    ok: problems.length === 0,
    dir,
    keyId: sig.keyId,
    merkleRoot: sig.manifest.merkleRoot,
    timestamp: sig.manifest.timestamp,
    files: checked.digests.length,
    bytes: checked.digests.reduce((sum, digest) => sum + digest.size, 0),
    problems,
    ...proof ? { proof } : {}
  };
}

// src/publish/publish-release.ts
import { readFile as readFile12 } from "node:fs/promises";
import { join as join25 } from "node:path";

// src/sign/atomic-write.ts
import { randomBytes as randomBytes4 } from "node:crypto";
import { link, open as open8, rename as rename5, unlink } from "node:fs/promises";
import { basename as basename17, dirname as dirname12, join as join23 } from "node:path";
function tempPath(path) {
  return join23(dirname12(path), `.${basename17(path)}.${randomBytes4(6).toString("hex")}.tmp`);
}
async function writeTemp(path, data, mode) {
  const handle = await open8(path, "wx", mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
async function writeFileAtomic(path, data, mode = 420) {
  const temp = tempPath(path);
  try {
    await writeTemp(temp, data, mode);
    await rename5(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => void 0);
    throw error;
  }
}
async function writeNewFileAtomic(path, data, mode = 384) {
  const temp = tempPath(path);
  try {
    await writeTemp(temp, data, mode);
    await link(temp, path);
  } finally {
    await unlink(temp).catch(() => void 0);
  }
}

// src/publish/load-release.ts
import { createHash as createHash7 } from "node:crypto";
import { readFile as readFile11 } from "node:fs/promises";
import { join as join24 } from "node:path";

// src/publish/published-manifest.ts
function publishedManifest(manifest, ipfs) {
  if (ipfs === void 0) return manifest;
  const location = {
    type: "ipfs",
    cid: ipfs.cid,
    ...ipfs.gateways.length > 0 ? { gateways: [...ipfs.gateways] } : {}
  };
  return {
    ...manifest,
    distribution: { ...manifest.distribution, fallback: location },
    ipfs: { cid: ipfs.cid, ...UNIXFS_SETTINGS }
  };
}
function manifestBytes(manifest) {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}
`);
}

// src/publish/load-release.ts
function sha2564(bytes) {
  return createHash7("sha256").update(bytes).digest("hex");
}
async function readJson(dir, name) {
  const path = join24(dir, name);
  let text2;
  try {
    text2 = await readFile11(path, "utf8");
  } catch {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${path}: missing or unreadable; publish takes a release folder made by \`model-publish build\` and \`sign\``
    );
  }
  try {
    return JSON.parse(text2);
  } catch {
    throw new ModelPublishError("INPUT_MALFORMED", `${path}: not valid JSON; build and sign again`);
  }
}
async function readSignature2(dir) {
  const data = await readJson(dir, SIGNATURE_FILE);
  const validate = validators().signature;
  if (!isReleaseSignature(validate, data)) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${join24(dir, SIGNATURE_FILE)}: ${schemaErrorText(validate)}; sign the release again`
    );
  }
  return data;
}
async function loadRelease(dir, options2 = {}) {
  const signature = await readSignature2(dir);
  const key = decodeBase64Strict(signature.publicKey);
  if (key === void 0 || key.length !== 32) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${join24(dir, SIGNATURE_FILE)}: publicKey is not a base64 Ed25519 key`
    );
  }
  if (options2.publicKey !== void 0 && options2.publicKey !== signature.publicKey) {
    throw new ModelPublishError(
      "VERIFY_FAILED",
      `${join24(dir, SIGNATURE_FILE)}: signed with public key ${signature.publicKey}, but the manifest's signing.publicKey is ${options2.publicKey}; sign with the right key`
    );
  }
  const report = await verifyRelease(dir, { publicKey: key });
  if (!report.ok) {
    const shown2 = report.problems.slice(0, 5).map((p) => p.message);
    throw new ModelPublishError(
      "VERIFY_FAILED",
      `${dir} does not match its signature, so it is not published: ${shown2.join("; ")}${report.problems.length > 5 ? `; and ${report.problems.length - 5} more` : ""}; build and sign it again`
    );
  }
  const manifest = await readJson(dir, MANIFEST_FILE);
  const variants = new Map(
    Object.values(manifest.artifacts).flatMap(
      (a) => a.variant === void 0 ? [] : [[a.filename, a.variant]]
    )
  );
  const artifacts = Object.entries(signature.manifest.artifacts).sort(([a], [b]) => compareUtf8(a, b)).map(([path, entry]) => {
    const variant = variants.get(path);
    return {
      path,
      size: entry.size,
      sha256: entry.sha256,
      kind: "artifact",
      source: { file: join24(dir, path) },
      ...variant === void 0 ? {} : { variant }
    };
  });
  const ipfsContent = options2.ipfs === void 0 ? void 0 : await contentDirectory(artifacts);
  const published = publishedManifest(
    manifest,
    ipfsContent === void 0 || options2.ipfs === void 0 ? void 0 : { cid: ipfsContent.root.toString(), gateways: options2.ipfs.gateways }
  );
  const validate = validators().release;
  if (!validate(published)) {
    throw new ModelPublishError(
      "OUTPUT_MISMATCH",
      `${MANIFEST_FILE} as published would not match its schema: ${schemaErrorText(validate)}`
    );
  }
  const publishedBytes = manifestBytes(published);
  const signatureBytes = await readFile11(join24(dir, SIGNATURE_FILE));
  const files = [
    ...artifacts,
    {
      path: MANIFEST_FILE,
      size: publishedBytes.length,
      sha256: sha2564(publishedBytes),
      kind: "manifest",
      source: { bytes: publishedBytes }
    },
    {
      path: SIGNATURE_FILE,
      size: signatureBytes.length,
      sha256: sha2564(signatureBytes),
      kind: "signature",
      source: { bytes: new Uint8Array(signatureBytes) }
    }
  ];
  return {
    dir,
    id: signature.manifest.id,
    version: signature.manifest.version,
    files,
    signed: signature.manifest,
    manifest: published,
    ...ipfsContent === void 0 ? {} : { ipfsContent }
  };
}

// src/publish/publish-release.ts
function failureOf(destination, error, secrets) {
  const safe = secrets.redactError(error);
  return {
    destination,
    code: safe instanceof ModelPublishError ? safe.code : "REMOTE_FAILED",
    message: safe.message
  };
}
async function recordManifest(release) {
  const file = release.files.find((f) => f.kind === "manifest");
  if (file === void 0 || !("bytes" in file.source)) return;
  const path = join25(release.dir, MANIFEST_FILE);
  const current = await readFile12(path).catch(() => Buffer.alloc(0));
  if (!current.equals(Buffer.from(file.source.bytes)))
    await writeFileAtomic(path, file.source.bytes);
}
async function publishRelease(options2) {
  const secrets = options2.secrets ?? new Secrets();
  const emit = (event) => {
    options2.onEvent?.(secrets.redactValue(event));
  };
  const context = {
    retry: retryPolicy(options2.retry),
    emit,
    secrets,
    ...options2.signal ? { signal: options2.signal } : {}
  };
  try {
    const release = await loadRelease(options2.dir, {
      ...options2.ipfs === void 0 ? {} : { ipfs: options2.ipfs },
      ...options2.publicKey === void 0 ? {} : { publicKey: options2.publicKey }
    });
    const failures = [];
    const plans = [];
    const planned = [];
    for (const destination of options2.destinations) {
      try {
        await destination.prepare?.(release, context);
        const plan = options2.offline === true ? destination.localPlan(release) : await destination.plan(release, context);
        plans.push(plan);
        planned.push({ destination, plan });
        emit({ type: "plan", plan });
      } catch (error) {
        if (error instanceof ModelPublishError && error.code !== "REMOTE_FAILED") throw error;
        failures.push(failureOf(destination.name, error, secrets));
      }
    }
    const result = {
      id: release.id,
      version: release.version,
      dryRun: options2.dryRun === true || options2.offline === true,
      plans: secrets.redactValue(plans),
      receipts: [],
      reports: [],
      failures,
      ok: false
    };
    if (result.dryRun) {
      result.ok = failures.length === 0;
      return result;
    }
    await recordManifest(release);
    const finished = [];
    for (const { destination, plan } of planned) {
      emit({ type: "destination-start", destination: destination.name, target: plan.target });
      try {
        result.receipts.push(secrets.redactValue(await destination.upload(release, plan, context)));
        finished.push(destination);
        emit({ type: "destination-end", destination: destination.name, ok: true });
      } catch (error) {
        if (options2.signal?.aborted === true) throw error;
        const failure = failureOf(destination.name, error, secrets);
        failures.push(failure);
        emit({
          type: "destination-end",
          destination: destination.name,
          ok: false,
          message: failure.message
        });
      }
    }
    if (options2.verify !== false) {
      for (const destination of finished) {
        try {
          const report = secrets.redactValue(await destination.verify(release, context));
          result.reports.push(report);
          emit({ type: "verified", report });
        } catch (error) {
          failures.push(failureOf(destination.name, error, secrets));
        }
      }
    }
    result.ok = failures.length === 0 && result.reports.every((r) => r.ok);
    return result;
  } catch (error) {
    throw secrets.redactError(error);
  }
}
async function verifyPublished(options2) {
  const secrets = options2.secrets ?? new Secrets();
  const context = {
    retry: retryPolicy(options2.retry),
    emit: (event) => options2.onEvent?.(secrets.redactValue(event)),
    secrets,
    ...options2.signal ? { signal: options2.signal } : {}
  };
  try {
    const release = await loadRelease(options2.dir, {
      ...options2.ipfs === void 0 ? {} : { ipfs: options2.ipfs },
      ...options2.publicKey === void 0 ? {} : { publicKey: options2.publicKey }
    });
    const reports = [];
    for (const destination of options2.destinations) {
      await destination.prepare?.(release, context);
      const report = secrets.redactValue(await destination.verify(release, context));
      reports.push(report);
      context.emit({ type: "verified", report });
    }
    return reports;
  } catch (error) {
    throw secrets.redactError(error);
  }
}

// src/pull/blob-cache.ts
import { randomBytes as randomBytes5 } from "node:crypto";
import { constants } from "node:fs";
import { copyFile as copyFile2, link as link2, mkdir as mkdir4, rename as rename6, rm as rm6, stat as stat14 } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname as dirname13, join as join26 } from "node:path";
function errno(error) {
  return error?.code;
}
function defaultCacheDir(env) {
  const xdg = env.XDG_CACHE_HOME?.trim();
  const base = xdg !== void 0 && xdg !== "" ? xdg : join26(env.HOME ?? homedir(), ".cache");
  return join26(base, "model-publish");
}
async function linkOrCopy(from, to) {
  try {
    await link2(from, to);
  } catch (error) {
    const code = errno(error);
    if (code !== "EXDEV" && code !== "EPERM" && code !== "EMLINK" && code !== "ENOTSUP") {
      throw error;
    }
    await copyFile2(from, to, constants.COPYFILE_FICLONE | constants.COPYFILE_EXCL);
  }
}
var BlobCache = class {
  dir;
  constructor(dir) {
    this.dir = dir;
  }
  /** Where the blob with this digest lives. */
  path(sha2565) {
    return join26(this.dir, "blobs", "sha256", sha2565.slice(0, 2), sha2565);
  }
  /**
   * Puts the cached bytes of `file` at `dest` (a new file) when the cache has them and they still
   * hash to the digest; false on a miss, `dest` then absent. A damaged entry is removed.
   */
  async take(file, dest) {
    const blob = this.path(file.sha256);
    const stats = await stat14(blob).catch(() => void 0);
    if (stats === void 0) return false;
    if (stats.size === file.size) {
      await linkOrCopy(blob, dest);
      const digest = await sha256File(dest, void 0, file.size).catch(() => void 0);
      if (digest?.sha256 === file.sha256 && digest.size === file.size) return true;
      await rm6(dest, { force: true });
    }
    await rm6(blob, { force: true });
    return false;
  }
  /** Keeps a file that matched its signed digest. */
  async keep(file, source) {
    const blob = this.path(file.sha256);
    await mkdir4(dirname13(blob), { recursive: true });
    const temp = `${blob}.${randomBytes5(6).toString("hex")}.tmp`;
    try {
      await linkOrCopy(source, temp);
      await rename6(temp, blob);
    } finally {
      await rm6(temp, { force: true });
    }
  }
};

// src/pull/pull-source.ts
var SourceStatusError = class extends Error {
  status;
  constructor(status, message) {
    super(message);
    this.name = "SourceStatusError";
    this.status = status;
  }
};

// src/pull/response-body.ts
async function* skipped(body, skip) {
  let left = skip;
  for await (const chunk of body) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}
async function* empty() {
}
async function responseBody(response, offset, what) {
  if (!response.ok) {
    await response.body?.cancel().catch(() => void 0);
    throw new SourceStatusError(response.status, `${what}: HTTP ${response.status}`);
  }
  const body = response.body ?? empty();
  if (offset === 0) return body;
  if (response.status === 200) return skipped(body, offset);
  const range = /^bytes (\d+)-/.exec(response.headers.get("content-range") ?? "");
  if (range?.[1] !== String(offset)) {
    await response.body?.cancel().catch(() => void 0);
    throw new Error(
      `${what}: asked for the bytes from ${offset} on, got ${response.headers.get("content-range") ?? "no Content-Range"}`
    );
  }
  return body;
}

// src/pull/gateway-source.ts
function gatewayBase(url) {
  return url.replace(/\/+$/, "").replace(/\/ipfs$/, "");
}
var GatewaySource = class _GatewaySource {
  name = "ipfs";
  gateway;
  cid;
  unlocated;
  /** Without `cid`, the source is located later from manifest.json (see {@link PullSource.locate}). */
  constructor(gateway, cid) {
    this.gateway = gatewayBase(gateway);
    this.cid = cid;
    if (cid === void 0) this.unlocated = true;
  }
  get target() {
    return `ipfs://${this.cid ?? "(CID from manifest.json)"} via ${this.gateway}`;
  }
  locate(cid) {
    return new _GatewaySource(this.gateway, cid);
  }
  async read(path, offset, signal) {
    const url = `${this.gateway}/ipfs/${this.cid ?? ""}/${path.split("/").map(encodeURIComponent).join("/")}`;
    const response = await fetch(url, {
      headers: offset > 0 ? { Range: `bytes=${offset}-` } : {},
      ...signal ? { signal } : {}
    });
    return responseBody(response, offset, `${this.target}: ${path}`);
  }
};

// src/pull/gcs-source.ts
var GOOGLE = "https://storage.googleapis.com";
var GcsSource = class {
  name = "gcs";
  options;
  token;
  constructor(options2) {
    this.options = options2;
    this.token = options2.accessToken ?? (options2.apiEndpoint === void 0 ? applicationDefault(options2.projectId) : () => Promise.resolve(void 0));
  }
  get target() {
    return `gs://${this.options.bucket}/${this.options.folder}/`;
  }
  async read(path, offset, signal) {
    const base = (this.options.apiEndpoint ?? GOOGLE).replace(/\/+$/, "");
    const object = encodeURIComponent(`${this.options.folder}/${path}`);
    const url = `${base}/download/storage/v1/b/${encodeURIComponent(this.options.bucket)}/o/${object}?alt=media`;
    const token = await this.token();
    const response = await fetch(url, {
      headers: {
        ...token === void 0 ? {} : { Authorization: `Bearer ${token}` },
        ...offset > 0 ? { Range: `bytes=${offset}-` } : {}
      },
      ...signal ? { signal } : {}
    });
    return responseBody(response, offset, `${this.target}${path}`);
  }
};
function applicationDefault(projectId) {
  let usable = true;
  const auth = import("@google-cloud/storage").then(
    ({ Storage }) => new Storage(projectId === void 0 ? {} : { projectId }).authClient
  );
  return async () => {
    if (!usable) return void 0;
    try {
      return await (await auth).getAccessToken() ?? void 0;
    } catch {
      usable = false;
      return void 0;
    }
  };
}

// src/pull/hub-source.ts
var HubSource = class {
  name = "hf";
  revision;
  remote;
  variantTags;
  constructor(connection, revision) {
    this.revision = revision;
    this.remote = new HubRemote(connection, {
      retry: retryPolicy({ maxAttempts: 1 }),
      emit: () => void 0,
      secrets: new Secrets().add(connection.token)
    });
  }
  get target() {
    return `hf:${this.remote.connection.repo}@${this.revision}`;
  }
  /** Tags of variant branches of this release, e.g. `v1.0.0-experimental-int4`. */
  tags() {
    this.variantTags ??= this.remote.refs().then(
      (refs2) => refs2.tags.map((t) => t.name).filter((name) => name.startsWith(`${this.revision}-`)),
      (error) => {
        this.variantTags = void 0;
        throw error;
      }
    );
    return this.variantTags;
  }
  async read(path, offset, signal) {
    let response = await this.remote.open(this.revision, path, offset, signal);
    if (response.status === 404 && !path.startsWith("manifest.")) {
      for (const tag of await this.tags()) {
        await response.body?.cancel();
        response = await this.remote.open(tag, path, offset, signal);
        if (response.status !== 404) break;
      }
    }
    return responseBody(response, offset, `${this.target}: ${path}`);
  }
};

// src/pull/open-sources.ts
var DEFAULT_GATEWAY = "https://ipfs.io";
function openSources(specs, options2) {
  const { env } = options2;
  return specs.flatMap((spec) => {
    switch (spec.kind) {
      case "gcs": {
        const apiEndpoint = gcsEndpointFrom(env);
        const projectId = env.GOOGLE_CLOUD_PROJECT ?? env.GCLOUD_PROJECT;
        return [
          new GcsSource({
            bucket: spec.bucket,
            folder: spec.folder,
            ...apiEndpoint === void 0 ? {} : { apiEndpoint },
            ...projectId === void 0 ? {} : { projectId }
          })
        ];
      }
      case "ipfs": {
        const given = options2.gateways ?? [];
        const gateways = given.length > 0 ? given : spec.gateways.length > 0 ? spec.gateways : [DEFAULT_GATEWAY];
        return gateways.map((gateway) => new GatewaySource(gateway, spec.cid));
      }
      case "hf": {
        const token = hubToken(env);
        return [
          new HubSource(
            { repo: spec.repo, hubUrl: hubUrlFrom(env), ...token === void 0 ? {} : { token } },
            spec.revision
          )
        ];
      }
    }
  });
}

// src/pull/pull-release.ts
import { resolve as resolve14 } from "node:path";

// src/pull/output-folder.ts
import { mkdir as mkdir5, mkdtemp as mkdtemp2, readdir as readdir4, rename as rename7, rm as rm7, stat as stat15 } from "node:fs/promises";
import { hostname } from "node:os";
import { basename as basename18, dirname as dirname14, join as join27 } from "node:path";
function errno2(error) {
  return error?.code;
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errno2(error) === "EPERM";
  }
}
function taken(out, what) {
  return new ModelPublishError(
    "USAGE",
    `${out} ${what}; pull never writes over a folder: give a new or empty one with -o`
  );
}
var OutputFolder = class {
  path;
  constructor(path) {
    this.path = path;
  }
  get stagingPrefix() {
    return `.${basename18(this.path)}.pull-`;
  }
  /** Removes staging folders of pulls whose process is gone (killed before it could clean up). */
  async sweep() {
    const entries2 = await readdir4(dirname14(this.path)).catch(() => []);
    for (const entry of entries2) {
      if (!entry.startsWith(this.stagingPrefix)) continue;
      const mine = entry.slice(this.stagingPrefix.length);
      if (!mine.startsWith(`${hostname()}-`)) continue;
      const pid = Number(/^(\d+)-/.exec(mine.slice(hostname().length + 1))?.[1]);
      if (Number.isInteger(pid) && pid > 0 && !alive(pid)) {
        await rm7(join27(dirname14(this.path), entry), { recursive: true, force: true });
      }
    }
  }
  /**
   * Refuses an existing file or non-empty folder; creates the parent folders; removes what
   * killed pulls into the same folder left behind.
   */
  async check() {
    const stats = await stat15(this.path).catch((error) => {
      if (errno2(error) === "ENOENT") return void 0;
      throw error;
    });
    if (stats !== void 0 && !stats.isDirectory()) throw taken(this.path, "is a file");
    if (stats !== void 0 && (await readdir4(this.path)).length > 0) {
      throw taken(this.path, "exists and is not empty");
    }
    await mkdir5(dirname14(this.path), { recursive: true });
    await this.sweep();
  }
  /** A fresh, empty staging folder beside the output. */
  staging() {
    return mkdtemp2(join27(dirname14(this.path), `${this.stagingPrefix}${hostname()}-${process.pid}-`));
  }
  /** Moves a complete staging folder into place; refuses if the output was filled meanwhile. */
  async commit(staging) {
    try {
      await rename7(staging, this.path);
    } catch (error) {
      const code = errno2(error);
      if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOTDIR") {
        throw taken(this.path, "was filled by something else while pulling");
      }
      throw error;
    }
  }
  /** Removes a staging folder that will not be used. */
  async discard(staging) {
    await rm7(staging, { recursive: true, force: true });
  }
};

// src/pull/pull-from-source.ts
import { mkdir as mkdir6 } from "node:fs/promises";
import { dirname as dirname15, join as join29 } from "node:path";

// src/pull/fetch-file.ts
import { createHash as createHash8 } from "node:crypto";
import { open as open9 } from "node:fs/promises";

// src/pull/source-refusal.ts
var SourceRefusal = class extends Error {
  /** The release file at fault, when one is. */
  path;
  kind;
  constructor(path, message, kind = "refused") {
    super(message);
    this.name = "SourceRefusal";
    this.path = path;
    this.kind = kind;
  }
};

// src/pull/fetch-file.ts
async function writeAll2(handle, data) {
  let written = 0;
  while (written < data.length) {
    const { bytesWritten } = await handle.write(data, written, data.length - written);
    written += bytesWritten;
  }
}
var BlockWriter = class {
  chunks = [];
  size = 0;
  handle;
  constructor(handle) {
    this.handle = handle;
  }
  async add(chunk) {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size >= BLOCK) await this.flush();
  }
  async flush() {
    if (this.size === 0) return;
    const data = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    this.size = 0;
    if (data !== void 0) await writeAll2(this.handle, data);
  }
};
var BLOCK = 4 << 20;
async function fetchFile(source, file, dest, options2) {
  const name = shown(file.path);
  const handle = await open9(dest, "wx", 420);
  try {
    const hash = createHash8("sha256");
    let done = 0;
    const classify = (error) => error instanceof SourceRefusal ? { retry: false } : transientVerdict(error);
    await withRetry(
      `downloading ${file.path}`,
      async () => {
        const writer = new BlockWriter(handle);
        try {
          for await (const chunk of await source.read(file.path, done, options2.signal)) {
            if (done + chunk.length > file.size) {
              throw new SourceRefusal(
                file.path,
                `${name} is longer than the ${file.size} bytes signed`
              );
            }
            hash.update(chunk);
            await writer.add(chunk);
            done += chunk.length;
            options2.onBytes?.(done);
          }
        } catch (error) {
          const status = statusOf(error);
          if (status === 404) throw new SourceRefusal(file.path, `${name} is missing there`);
          if (status === 416) {
            throw new SourceRefusal(
              file.path,
              `${name} is shorter than the ${file.size} bytes signed`
            );
          }
          throw error;
        } finally {
          await writer.flush();
        }
      },
      classify,
      options2.retry,
      {
        ...options2.signal ? { signal: options2.signal } : {},
        ...options2.onRetry ? { onRetry: options2.onRetry } : {}
      }
    );
    if (done !== file.size) {
      throw new SourceRefusal(file.path, `${name} is ${done} bytes there, signed as ${file.size}`);
    }
    const digest = hash.digest("hex");
    if (digest !== file.sha256) {
      throw new SourceRefusal(
        file.path,
        `${name} has sha256 ${digest} there, signed as ${file.sha256}`
      );
    }
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

// src/pull/signed-manifests.ts
import { writeFile as writeFile3 } from "node:fs/promises";
import { join as join28 } from "node:path";
var MANIFEST_LIMIT = 64 << 20;
async function readSmall(source, path, policy, hooks2) {
  const read = async () => {
    const chunks = [];
    let size2 = 0;
    try {
      for await (const chunk of await source.read(path, 0, hooks2.signal)) {
        size2 += chunk.length;
        if (size2 > MANIFEST_LIMIT) {
          throw new SourceRefusal(path, `${path} there is over ${MANIFEST_LIMIT} bytes`);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (statusOf(error) === 404) return void 0;
      throw error;
    }
    return Buffer.concat(chunks);
  };
  return withRetry(
    `downloading ${path}`,
    read,
    (error) => error instanceof SourceRefusal ? { retry: false } : transientVerdict(error),
    policy,
    hooks2
  );
}
async function fetchManifests(source, policy, hooks2 = {}) {
  const signature = await readSmall(source, SIGNATURE_FILE, policy, hooks2);
  if (signature === void 0) {
    throw new SourceRefusal(
      SIGNATURE_FILE,
      `${source.target} has no ${SIGNATURE_FILE}: the release is incomplete there (the signed manifest goes up last)`,
      "incomplete"
    );
  }
  const manifest = await readSmall(source, MANIFEST_FILE, policy, hooks2);
  if (manifest === void 0) {
    throw new SourceRefusal(
      MANIFEST_FILE,
      `${source.target} has ${SIGNATURE_FILE} but no ${MANIFEST_FILE}`
    );
  }
  return { signature, manifest, from: source };
}
function keyOptions(trust, signature) {
  if (trust.keyring !== void 0) return { keyring: trust.keyring };
  if (trust.publicKey !== void 0) return { publicKey: trust.publicKey };
  const embedded = decodeBase64Strict(signature.publicKey);
  if (trust.trustEmbeddedKey === true && embedded?.length === 32) {
    return { publicKey: Uint8Array.from(embedded) };
  }
  if (trust.trustEmbeddedKey === true) {
    throw new SourceRefusal(SIGNATURE_FILE, `${SIGNATURE_FILE}: publicKey is not an Ed25519 key`);
  }
  throw new ModelPublishError(
    "USAGE",
    "pull: no trusted key; give the publisher's public key (--public-key), or pull with the authored manifest that names it (signing.publicKey)"
  );
}
function pinEmbeddedKey(trust, signature) {
  if (trust.trustEmbeddedKey !== true || trust.publicKey !== void 0) return void 0;
  if (trust.keyring !== void 0) return void 0;
  const key = decodeBase64Strict(signature.publicKey);
  if (key === void 0) return void 0;
  trust.publicKey = Uint8Array.from(key);
  return trust.publicKey;
}
async function checkManifests(staging, fetched, trust, expected) {
  let data;
  try {
    data = JSON.parse(Buffer.from(fetched.signature).toString("utf8"));
  } catch {
    throw new SourceRefusal(SIGNATURE_FILE, `${SIGNATURE_FILE} there is not valid JSON`);
  }
  const validate = validators().signature;
  if (!isReleaseSignature(validate, data)) {
    throw new SourceRefusal(
      SIGNATURE_FILE,
      `${SIGNATURE_FILE} there does not match its schema: ${schemaErrorText(validate)}`
    );
  }
  const options2 = keyOptions(trust, data);
  await writeFile3(join28(staging, SIGNATURE_FILE), fetched.signature);
  await writeFile3(join28(staging, MANIFEST_FILE), fetched.manifest);
  const report = await verifyRelease(staging, options2);
  const problems = report.problems.filter((p) => p.kind !== "missing");
  const first = problems[0];
  if (first !== void 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : "";
    const file = first.kind === "manifest" ? MANIFEST_FILE : SIGNATURE_FILE;
    throw new SourceRefusal(file, `${first.message}${more}`);
  }
  const { id, version } = data.manifest;
  if (expected.id !== void 0 && id !== expected.id || expected.version !== void 0 && version !== expected.version) {
    throw new SourceRefusal(
      SIGNATURE_FILE,
      `it holds ${id} ${version}, not ${expected.id ?? id} ${expected.version ?? version} as asked`
    );
  }
  const manifest = JSON.parse(Buffer.from(fetched.manifest).toString("utf8"));
  return { signature: data, manifest };
}

// src/pull/pull-from-source.ts
var PROGRESS_STEP = 8 << 20;
async function locate2(source, staging, session) {
  for (const other of session.sources) {
    if (other === source || other.unlocated === true) continue;
    const fetched = await session.manifestsOf(other).catch(() => void 0);
    if (fetched === void 0) continue;
    let checked;
    try {
      checked = await checkManifests(staging, fetched, session.trust, session.expect);
    } catch (error) {
      if (error instanceof SourceRefusal) continue;
      throw error;
    }
    const cid = checked.manifest.ipfs?.cid;
    if (cid === void 0 || source.locate === void 0) {
      throw new SourceRefusal(
        void 0,
        `manifest.json from ${other.target} names no IPFS CID: the release was not published to IPFS`,
        "skipped"
      );
    }
    return { checked, reader: source.locate(cid) };
  }
  throw new SourceRefusal(
    void 0,
    "its CID is in manifest.json, and no other source serves a signed manifest that verifies; pull ipfs://<release root CID> (publish prints it) instead",
    "skipped"
  );
}
async function pullFromSource(source, staging, session, attempt) {
  const { checked, reader } = source.unlocated === true ? await locate2(source, staging, session) : {
    checked: await checkManifests(
      staging,
      await session.manifestsOf(source),
      session.trust,
      session.expect
    ),
    reader: source
  };
  attempt.target = reader.target;
  const pinned = pinEmbeddedKey(session.trust, checked.signature);
  if (pinned !== void 0) {
    session.emit({
      type: "log",
      level: "warning",
      message: `trusting the key in the signed manifest of ${reader.target} (fingerprint ${keyFingerprint(pinned)}) because no key was given: the files are what that key signed, not necessarily what the publisher signed; every other source is held to the same key`
    });
  }
  const files = Object.entries(checked.signature.manifest.artifacts).map(([path, { sha256: sha2565, size: size2 }]) => ({ path, sha256: sha2565, size: size2 })).sort((a, b) => compareUtf8(a.path, b.path));
  const stop = new AbortController();
  const signal = session.signal ? AbortSignal.any([session.signal, stop.signal]) : stop.signal;
  const { cache, emit } = session;
  const name = source.name;
  await runPool(files, session.parallel, async (file) => {
    try {
      const dest = join29(staging, file.path);
      await mkdir6(dirname15(dest), { recursive: true });
      if (cache !== void 0 && await cache.take(file, dest)) {
        attempt.cached += 1;
        emit({ type: "file", source: name, path: file.path, action: "cached", bytes: file.size });
        return;
      }
      let reported = 0;
      await fetchFile(reader, file, dest, {
        retry: session.retry,
        signal,
        onRetry: (notice) => {
          emit({ type: "retry", source: name, ...notice });
        },
        onBytes: (done) => {
          if (done - reported < PROGRESS_STEP && done < file.size) return;
          reported = done;
          emit({ type: "progress", source: name, path: file.path, done, total: file.size });
        }
      });
      attempt.downloaded += 1;
      attempt.bytesDownloaded += file.size;
      await cache?.keep(file, dest);
      emit({ type: "file", source: name, path: file.path, action: "downloaded", bytes: file.size });
    } catch (error) {
      stop.abort(error);
      throw error;
    }
  });
  return checked;
}

// src/pull/pull-release.ts
function isLocal(error) {
  if (error instanceof SourceRefusal) return false;
  if (error instanceof ModelPublishError) return error.code !== "REMOTE_FAILED";
  if (statusOf(error) !== void 0 || isNetworkError(error)) return false;
  const e = error;
  return typeof e?.syscall === "string" && typeof e.path === "string";
}
function outcomeOf(error, attempt, secrets) {
  if (error instanceof SourceRefusal) {
    attempt.outcome = error.kind;
    attempt.message = secrets.redact(error.message);
    if (error.path !== void 0) attempt.path = error.path;
    return;
  }
  const status = statusOf(error);
  const hint = status === 401 || status === 403 ? "; a private release needs credentials: HF_TOKEN for the Hub, application default credentials for GCS" : "";
  attempt.outcome = "failed";
  attempt.message = secrets.redact(
    `${status === void 0 ? "" : `HTTP ${status}: `}${errorText(error)}${hint}`
  );
}
async function pullRelease(options2) {
  const secrets = options2.secrets ?? new Secrets();
  const emit = (event) => {
    options2.onEvent?.(secrets.redactValue(event));
  };
  const output = new OutputFolder(resolve14(options2.out));
  if (options2.sources.length === 0) {
    throw new ModelPublishError("USAGE", "pull: no source to pull from");
  }
  await output.check();
  const policy = retryPolicy(options2.retry);
  const fetched = /* @__PURE__ */ new Map();
  const trust = { ...options2.trust };
  const session = {
    sources: options2.sources,
    trust,
    expect: options2.expect ?? {},
    cache: options2.cacheDir === void 0 ? void 0 : new BlobCache(options2.cacheDir),
    parallel: Math.max(1, options2.parallel ?? 4),
    retry: policy,
    signal: options2.signal,
    emit,
    manifestsOf: (source) => {
      let manifests = fetched.get(source);
      if (manifests === void 0) {
        manifests = fetchManifests(source, policy, {
          ...options2.signal ? { signal: options2.signal } : {},
          onRetry: (notice) => {
            emit({ type: "retry", source: source.name, ...notice });
          }
        });
        fetched.set(source, manifests);
      }
      return manifests;
    }
  };
  const attempts = [];
  const result = { ok: false, dir: output.path, files: 0, bytes: 0, attempts };
  for (const source of options2.sources) {
    const attempt = {
      source: source.name,
      target: source.target,
      outcome: "failed",
      downloaded: 0,
      bytesDownloaded: 0,
      cached: 0
    };
    attempts.push(attempt);
    emit({ type: "source-start", source: source.name, target: source.target });
    const staging = await output.staging();
    let committed = false;
    try {
      const { signature } = await pullFromSource(source, staging, session, attempt);
      await output.commit(staging);
      committed = true;
      attempt.outcome = "pulled";
      emit({ type: "source-end", attempt });
      const artifacts = Object.values(signature.manifest.artifacts);
      return {
        ...result,
        ok: true,
        id: signature.manifest.id,
        version: signature.manifest.version,
        keyId: signature.keyId,
        merkleRoot: signature.manifest.merkleRoot,
        timestamp: signature.manifest.timestamp,
        source: { name: source.name, target: attempt.target },
        files: artifacts.length,
        bytes: artifacts.reduce((sum, a) => sum + a.size, 0)
      };
    } catch (error) {
      if (options2.signal?.aborted === true || isLocal(error)) {
        throw error instanceof ModelPublishError || !isLocal(error) ? secrets.redactError(error) : error;
      }
      outcomeOf(error, attempt, secrets);
      emit({ type: "source-end", attempt });
    } finally {
      if (!committed) await output.discard(staging);
    }
  }
  return result;
}

// src/pull/source-spec.ts
import { CID as CID3 } from "multiformats/cid";
var DEFAULT_ORDER = ["gcs", "ipfs", "hf"];
function usage2(message) {
  return new ModelPublishError("USAGE", `pull: ${message}`);
}
function specName(spec) {
  return spec.kind;
}
function parseGs(rest, text2) {
  const [bucket = "", ...parts2] = rest.split("/");
  const folder = parts2.filter((p) => p !== "").join("/");
  if (!/^[a-z0-9][a-z0-9._-]{1,220}$/.test(bucket) || folder === "") {
    throw usage2(
      `${text2}: give the version folder, as publish prints it: gs://BUCKET/PREFIX/ID/vVERSION/`
    );
  }
  return { kind: "gcs", bucket, folder };
}
function parseIpfs(rest, text2) {
  const cid = rest.replace(/\/+$/, "");
  try {
    return { kind: "ipfs", cid: CID3.parse(cid).toString(), gateways: [] };
  } catch {
    throw usage2(
      `${text2}: "${cid}" is not a CID; give the release root publish prints: ipfs://bafy…`
    );
  }
}
function parseHf(rest, text2, version) {
  const at = rest.indexOf("@");
  const repo = (at < 0 ? rest : rest.slice(0, at)).replace(/\/+$/, "");
  const revision = at < 0 ? version === void 0 ? "" : `v${version}` : rest.slice(at + 1);
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    throw usage2(`${text2}: give the repository as hf://OWNER/NAME@vVERSION`);
  }
  if (revision === "") {
    throw usage2(`${text2}: say which release: hf://${repo}@vVERSION, or --version VERSION`);
  }
  return { kind: "hf", repo, revision };
}
function parseSourceUrl(text2, version) {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(text2.trim());
  if (match === null) return void 0;
  const scheme = (match[1] ?? "").toLowerCase();
  const rest = match[2] ?? "";
  if (scheme === "gs") return parseGs(rest, text2);
  if (scheme === "ipfs") return parseIpfs(rest, text2);
  if (scheme === "hf") return parseHf(rest, text2, version);
  throw usage2(`${text2}: pull reads gs://, ipfs:// and hf:// sources, or an authored manifest`);
}
function manifestSources(manifest, version) {
  const destinations = manifest.destinations ?? {};
  const specs = [];
  if (destinations.gcs !== void 0) {
    const location = { bucket: destinations.gcs.bucket, prefix: destinations.gcs.prefix ?? "" };
    specs.push({
      kind: "gcs",
      bucket: location.bucket,
      folder: versionFolder(location, manifest.id, version)
    });
  }
  if (destinations.ipfs !== void 0) {
    specs.push({ kind: "ipfs", gateways: [...destinations.ipfs.gateways ?? []] });
  }
  if (destinations.huggingface !== void 0) {
    specs.push({ kind: "hf", repo: destinations.huggingface.repo, revision: `v${version}` });
  }
  return orderSources(specs, DEFAULT_ORDER);
}
function parseOrder(text2) {
  const names = text2.split(",").map((n) => n.trim()).filter((n) => n !== "");
  for (const name of names) {
    if (!DEFAULT_ORDER.includes(name)) {
      throw usage2(
        `--from takes gcs, ipfs, hf (comma-separated, in the order to try), got "${name}"`
      );
    }
  }
  if (names.length === 0) throw usage2("--from names no source");
  return names;
}
function orderSources(specs, order) {
  return order.flatMap((name) => specs.filter((spec) => specName(spec) === name));
}

// src/sign/sign-release.ts
import { join as join30 } from "node:path";
function malformed2(message) {
  return new ModelPublishError("INPUT_MALFORMED", message);
}
function readReleaseManifest(dir) {
  return readCheckedJson(join30(dir, MANIFEST_FILE), validators().release, {
    unreadable: "`model-publish build` writes it before `sign`",
    invalid: "see schemas/release-manifest.schema.json"
  });
}
function updatedManifest(manifest, files, merkleRoot2, timestamp) {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const listed = /* @__PURE__ */ new Set();
  const artifacts = {};
  for (const [key, artifact] of Object.entries(manifest.artifacts)) {
    const file = byPath.get(artifact.filename);
    if (!file) {
      throw malformed2(
        `${MANIFEST_FILE}: artifacts.${key}.filename is ${artifact.filename}, which is not a file of the release folder`
      );
    }
    listed.add(file.path);
    artifacts[key] = { ...artifact, size: file.size, sha256: file.sha256 };
  }
  for (const file of files) {
    if (listed.has(file.path)) continue;
    if (file.path in artifacts) {
      throw malformed2(
        `${MANIFEST_FILE}: artifacts.${file.path} names another file than ${file.path}; key artifacts by role or by their own path`
      );
    }
    artifacts[file.path] = { filename: file.path, size: file.size, sha256: file.sha256 };
  }
  return { ...manifest, artifacts, merkleRoot: merkleRoot2, timestamp };
}
async function signRelease(dir, key, options2) {
  if (options2.keyId.trim() === "")
    throw new ModelPublishError("USAGE", "sign: the key id is empty");
  if (!isUtcTimestamp(options2.timestamp)) {
    throw new ModelPublishError(
      "USAGE",
      `sign: timestamp "${options2.timestamp}" is not RFC 3339 UTC, like 2024-05-01T12:00:00Z`
    );
  }
  const manifest = await readReleaseManifest(dir);
  const { files: paths, problems } = await listReleaseFiles(dir);
  if (problems.length > 0) {
    throw malformed2(
      `${dir}: ${problems.map((p) => `${p.path} ${p.reason}`).join("; ")}; a release holds plain files only`
    );
  }
  const files = await hashFiles(dir, paths, {
    ...options2.concurrency === void 0 ? {} : { concurrency: options2.concurrency },
    ...options2.onProgress ? { onProgress: options2.onProgress } : {}
  });
  const signed = signedManifestOf(manifest.id, manifest.version, files, options2.timestamp);
  const signature = {
    manifest: signed,
    signature: encodeBase64(await key.sign(canonicalJsonBytes(signed))),
    publicKey: key.publicKeyBase64,
    keyId: options2.keyId
  };
  const validate = validators().signature;
  if (!validate(signature)) {
    throw malformed2(`${SIGNATURE_FILE} would not match its schema: ${schemaErrorText(validate)}`);
  }
  const updated = updatedManifest(manifest, files, signed.merkleRoot, signed.timestamp);
  await writeFileAtomic(join30(dir, MANIFEST_FILE), `${JSON.stringify(updated, null, 2)}
`);
  await writeFileAtomic(join30(dir, SIGNATURE_FILE), `${JSON.stringify(signature, null, 2)}
`);
  return { dir, files, manifest: updated, signature };
}

// src/version.generated.ts
var VERSION = "0.1.0";

export {
  ExitCode,
  ModelPublishError,
  exitCodeFor,
  SeededRandom,
  median,
  DEFAULT_THRESHOLD,
  DEFAULT_SAMPLES,
  DEFAULT_ALPHA,
  compareSamples,
  evaluateGate,
  canonicalJson,
  fingerprintOf,
  describeFingerprint,
  COMMENT_MARKER,
  gateReportMarkdown,
  formatIssue,
  parseManifestText,
  authoredManifestSchema,
  releaseManifestSchema,
  signatureSchema,
  benchResultSchema,
  validators,
  validateManifestText,
  validateManifestFile,
  merkleRoot,
  inclusionProof,
  verifyInclusion,
  schemaErrorText,
  readBenchResults,
  measureOnnx,
  runBenchmark,
  formatCardIssue,
  CardInvalidError,
  validateFrontMatter,
  renderCard,
  loadCardTemplate,
  DEFAULT_SHARD_SIZE,
  parseShardSize,
  SafetensorsFile,
  convertCheckpoint,
  readOnnx,
  runOnnxExport,
  onnxParity,
  writeOnnx,
  ONNX_SCHEMES,
  isOnnxScheme,
  quantizeOnnx,
  budgetViolations2 as budgetViolations,
  checkBudget,
  variantFormat,
  quantizeModel,
  GgufFile,
  evaluateVariant,
  QUANT_SCHEMES,
  isQuantScheme,
  variantFileName,
  DEFAULT_BUDGETS,
  hashFiles,
  MANIFEST_FILE,
  SIGNATURE_FILE,
  listReleaseFiles,
  releaseTimestamp,
  drainEvents,
  UNTAGGED_VERSION,
  resolveVersion,
  MODES,
  deriveMode,
  STAGES,
  planStages,
  runPipelineIter,
  runPipeline,
  buildReleaseIter,
  buildRelease,
  writeFileAtomic,
  writeNewFileAtomic,
  SigningKey,
  publicKeyPem,
  keyFingerprint,
  parsePrivateKey,
  parsePublicKey,
  loadPrivateKey,
  loadPublicKey,
  readPassphrase,
  loadKeyring,
  statusOf,
  transientVerdict,
  errorText,
  remoteFailed,
  retryPolicy,
  withRetry,
  retryingFetch,
  UNIXFS_SETTINGS,
  releaseDag,
  releaseCar,
  DESTINATION_NAMES,
  hubToken,
  environmentSecrets,
  configureDestinations,
  verifyRelease,
  loadRelease,
  publishRelease,
  verifyPublished,
  defaultCacheDir,
  DEFAULT_GATEWAY,
  openSources,
  pullRelease,
  parseSourceUrl,
  manifestSources,
  parseOrder,
  orderSources,
  signRelease,
  VERSION
};
