import {
  CardInvalidError,
  DEFAULT_SHARD_SIZE,
  DESTINATION_NAMES,
  ExitCode,
  MANIFEST_FILE,
  MODES,
  ModelPublishError,
  ONNX_SCHEMES,
  QUANT_SCHEMES,
  SigningKey,
  VERSION,
  budgetViolations,
  buildRelease,
  checkBudget,
  configureDestinations,
  convertCheckpoint,
  defaultCacheDir,
  environmentSecrets,
  evaluateGate,
  evaluateVariant,
  exitCodeFor,
  formatCardIssue,
  formatIssue,
  gateReportMarkdown,
  hashFiles,
  isOnnxScheme,
  isQuantScheme,
  keyFingerprint,
  listReleaseFiles,
  loadCardTemplate,
  loadKeyring,
  loadPrivateKey,
  loadPublicKey,
  manifestSources,
  onnxParity,
  openSources,
  orderSources,
  parseOrder,
  parsePublicKey,
  parseShardSize,
  parseSourceUrl,
  publishRelease,
  pullRelease,
  quantizeModel,
  quantizeOnnx,
  readBenchResults,
  readPassphrase,
  releaseTimestamp,
  renderCard,
  resolveVersion,
  runBenchmark,
  runPipeline,
  signRelease,
  validateManifestFile,
  validators,
  variantFileName,
  variantFormat,
  verifyPublished,
  verifyRelease,
  writeFileAtomic,
  writeNewFileAtomic
} from "./chunks/chunk-VZPILVG2.js";

// src/cli/command.ts
import { parseArgs } from "node:util";
var commonOptions = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" }
};
function parseCommandArgs(command, argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...commonOptions, ...command.options },
      allowPositionals: true,
      allowNegative: true,
      strict: true
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split(". ")[0] ?? error.message : String(error);
    throw new ModelPublishError(
      "USAGE",
      `${command.name}: ${message}; see \`model-publish ${command.name} --help\``
    );
  }
  const help = parsed.values.help === true;
  const count2 = parsed.positionals.length;
  if (!help && (count2 < command.positionals.min || count2 > command.positionals.max)) {
    throw new ModelPublishError(
      "USAGE",
      `${command.name}: expected ${command.positionals.names}, got ${count2 === 0 ? "nothing" : parsed.positionals.join(" ")}; usage: model-publish ${command.usage}`
    );
  }
  const values = parsed.values;
  return {
    positionals: parsed.positionals,
    values,
    json: values.json === true,
    help,
    string: (name) => {
      const value = values[name];
      return typeof value === "string" ? value : void 0;
    }
  };
}
function commandHelp(command) {
  const flags = [
    ...command.flagHelp,
    "--json        one JSON document on stdout, logs on stderr",
    "-h, --help    this help"
  ];
  return `model-publish ${command.usage}

${command.summary}

Options:
${flags.map((f) => `  ${f}`).join("\n")}
`;
}

// src/cli/commands/bench.ts
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
var PROVIDERS = ["auto", "cpu", "cuda", "tensorrt"];
function count(args, name, min) {
  const text2 = args.string(name);
  if (text2 === void 0) return void 0;
  const value = Number(text2);
  if (!Number.isInteger(value) || value < min) {
    throw new ModelPublishError(
      "USAGE",
      `bench: --${name} must be a whole number ≥ ${min}, got "${text2}"`
    );
  }
  return value;
}
var benchCommand = {
  name: "bench",
  summary: "Benchmark an ONNX model in onnxruntime-node (load time, first inference, latency, throughput,\nmemory, size) and, with --baseline, compare with results measured on the base commit: a\nregression must be significant and beyond its threshold. --gate exits 1 on a regression.",
  usage: "bench <model.onnx|manifest> [--baseline results.json] [--gate] [--out results.json] [--provider P] [--iterations N] [--json]",
  flagHelp: [
    "--baseline F     results of the base commit to compare with (bench-result JSON)",
    "--gate           exit 1 when a metric regressed and was not accepted",
    "--accept M,…     accept intended regressions of these metrics (or * for all)",
    "--threshold X    smallest relative change that is a regression (default: the manifest's, else 0.05)",
    "--out F          write this run's results (bench-result JSON)",
    "--provider P     auto, cpu, cuda or tensorrt (default: the manifest's, else auto)",
    "--iterations N   timed runs per batch size (default: the manifest's, else 100)",
    "--warmup N       untimed runs first (default 5)",
    "--batch B,…      batch sizes (default: the manifest's, else 1)",
    "--commit SHA     record the commit measured"
  ],
  options: {
    baseline: { type: "string" },
    gate: { type: "boolean" },
    accept: { type: "string" },
    threshold: { type: "string" },
    out: { type: "string" },
    provider: { type: "string" },
    iterations: { type: "string" },
    warmup: { type: "string" },
    batch: { type: "string" },
    commit: { type: "string" }
  },
  positionals: { min: 1, max: 1, names: "one .onnx model or manifest" },
  async run(args, io) {
    const provider = args.string("provider");
    if (provider !== void 0 && !PROVIDERS.includes(provider)) {
      throw new ModelPublishError(
        "USAGE",
        `bench: --provider must be one of ${PROVIDERS.join(", ")}, got "${provider}"`
      );
    }
    const batch = args.string("batch");
    const batchSizes = batch?.split(",").map((b) => {
      const n = Number(b);
      if (!Number.isInteger(n) || n < 1)
        throw new ModelPublishError(
          "USAGE",
          `bench: --batch takes sizes like 1,4,16; got "${batch}"`
        );
      return n;
    });
    const iterations = count(args, "iterations", 1);
    const warmup = count(args, "warmup", 0);
    const commit = args.string("commit");
    const run2 = await runBenchmark({
      target: resolve(io.cwd, args.positionals[0] ?? ""),
      ...provider ? { provider } : {},
      ...iterations !== void 0 ? { iterations } : {},
      ...warmup !== void 0 ? { warmup } : {},
      ...batchSizes ? { batchSizes } : {},
      ...commit ? { commit } : {},
      onOutput: (text2) => {
        io.stderr(text2);
      }
    });
    io.stderr(`provider: ${run2.providerNote}
`);
    const out = args.string("out");
    if (out) await writeFile(resolve(io.cwd, out), `${JSON.stringify(run2.file, null, 2)}
`);
    const baselinePath = args.string("baseline");
    const baseline = baselinePath ? await readBenchResults(resolve(io.cwd, baselinePath)) : void 0;
    const accepted = new Map(
      (args.string("accept")?.split(",") ?? []).filter(Boolean).map((m) => [m.trim(), "--accept"])
    );
    const thresholdText = args.string("threshold");
    const threshold = thresholdText === void 0 ? run2.threshold : Number(thresholdText);
    if (threshold !== void 0 && !(threshold > 0 && threshold <= 1)) {
      throw new ModelPublishError(
        "USAGE",
        `bench: --threshold must be a fraction above 0 and at most 1 (0.05 = 5%), got "${thresholdText ?? ""}"`
      );
    }
    const gate = evaluateGate(baseline, run2.file, {
      ...threshold !== void 0 ? { threshold } : {},
      ...run2.metrics ? { metrics: run2.metrics } : {},
      accepted
    });
    if (args.json) {
      io.stdout(
        `${JSON.stringify({ verdict: gate.verdict, regressions: gate.regressions, gate, results: run2.file }, null, 2)}
`
      );
    } else {
      io.stdout(gateReportMarkdown(gate, run2.file));
    }
    return args.values.gate === true && gate.verdict === "fail" ? ExitCode.checkFailed : ExitCode.ok;
  }
};

// src/cli/commands/build.ts
import { resolve as resolve2 } from "node:path";

// src/cli/progress.ts
function progressPrinter(io, now = Date.now) {
  let lastProgress = 0;
  return (event) => {
    switch (event.type) {
      case "stage-start":
        io.stderr(`▶ ${event.stage}
`);
        break;
      case "stage-end":
        io.stderr(
          `${event.ok ? "✓" : "✗"} ${event.stage} (${(event.durationMs / 1e3).toFixed(1)} s)
`
        );
        break;
      case "progress": {
        const finished = event.done >= event.total;
        if (!finished && now() - lastProgress < 1e3) break;
        lastProgress = now();
        const percent = event.total > 0 ? Math.floor(100 * event.done / event.total) : 100;
        io.stderr(`  ${event.detail}: ${percent}%
`);
        break;
      }
      case "log":
        io.stderr(`${event.level === "warning" ? "warning: " : ""}${event.message}
`);
        break;
      case "mode":
      case "issue":
      case "plan":
        break;
    }
  };
}

// src/cli/commands/build.ts
var buildCommand = {
  name: "build",
  summary: "Build a release folder from a manifest: validate → convert → card → digests.\nThe folder must not exist yet (or be empty); `sign` completes it. Timestamps come from\nSOURCE_DATE_EPOCH or the commit of --tag, so two builds of the same inputs are byte-identical.",
  usage: "build <manifest> -o <release-dir> [--tag vX.Y.Z] [--json]",
  flagHelp: [
    "-o, --output D  the release folder to create",
    "--tag T         build as for tag T: its version (with `version: from-tag`) and commit time"
  ],
  options: { output: { type: "string", short: "o" }, tag: { type: "string" } },
  positionals: { min: 1, max: 1, names: "one manifest path" },
  async run(args, io) {
    const output = args.string("output");
    if (output === void 0) {
      throw new ModelPublishError("USAGE", "build: -o <release-dir> is required");
    }
    const tag = args.string("tag");
    const options = {
      manifestPath: resolve2(io.cwd, args.positionals[0] ?? ""),
      outDir: resolve2(io.cwd, output),
      mode: "dry-run",
      context: tag === void 0 ? {} : { ref: `refs/tags/${tag}` },
      env: io.env
    };
    const result = await buildRelease(options, progressPrinter(io));
    if (!result.valid) {
      const file = args.positionals[0] ?? "";
      const issues = result.issues.map((issue) => ({ ...issue, file }));
      if (args.json) io.stdout(`${JSON.stringify({ valid: false, issues }, null, 2)}
`);
      else for (const issue of issues) io.stdout(`${formatIssue(issue)}
`);
      return ExitCode.checkFailed;
    }
    const shown = output;
    if (args.json) {
      io.stdout(
        `${JSON.stringify(
          {
            dir: shown,
            id: result.manifest.id,
            version: result.version,
            merkleRoot: result.manifest.merkleRoot,
            timestamp: result.manifest.timestamp,
            files: result.artifacts.map(({ path, size: size3, sha256, format, role }) => ({
              path,
              size: size3,
              sha256,
              format,
              role
            }))
          },
          null,
          2
        )}
`
      );
    } else {
      io.stdout(`✓ built ${result.manifest.id} ${result.version} in ${shown}
`);
      for (const file of result.artifacts)
        io.stdout(
          `  ${file.path.padEnd(40)} ${String(file.size).padStart(12)}  ${file.sha256 ?? ""}
`
        );
      io.stdout(
        `  merkle root ${result.manifest.merkleRoot ?? ""}
next: model-publish sign ${shown} --key <file|env:VAR>
`
      );
    }
    return ExitCode.ok;
  }
};

// src/cli/commands/card.ts
import { createHash } from "node:crypto";
import { dirname, resolve as resolve3 } from "node:path";

// src/card/release-artifacts.ts
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
var SCHEMES = [
  "onnx-int8",
  "onnx-int4",
  "onnx-fp16",
  "q4_k_m",
  "q8_0",
  "q4_0",
  "q4_k",
  "q6_k",
  "int8",
  "int4",
  "bf16",
  "f16"
];
var ONNX_SUFFIX = {
  int8: "onnx-int8",
  int4: "onnx-int4",
  fp16: "onnx-fp16"
};
var TOKENIZER = /^(tokenizer\.json|tokenizer_config\.json|tokenizer\.model|special_tokens_map\.json|added_tokens\.json|vocab\.(json|txt)|merges\.txt)$/;
function schemeOf(stem, onnx) {
  const scheme = SCHEMES.find((s) => stem.endsWith(`-${s}`) || stem.endsWith(`_${s}`));
  if (scheme !== void 0) return onnx && ONNX_SUFFIX[scheme] ? ONNX_SUFFIX[scheme] : scheme;
  if (onnx) {
    const short = Object.keys(ONNX_SUFFIX).find(
      (s) => stem.endsWith(`_${s}`) || stem.endsWith(`-${s}`)
    );
    return short === void 0 ? void 0 : ONNX_SUFFIX[short];
  }
  return void 0;
}
function classifyReleaseFile(path) {
  const name = basename(path);
  const as = (format, role, variant) => variant === void 0 ? { format, role } : { format, role, variant };
  if (path === "README.md") return as("markdown", "card");
  if (name.endsWith(".safetensors.index.json")) return as("safetensors-index", "weights");
  if (TOKENIZER.test(name)) return as("json", "tokenizer");
  if (name === "config.json" || name === "generation_config.json") return as("json", "config");
  const data = /^(.*)\.onnx(?:_data|\.data)$/.exec(name);
  if (data) {
    const scheme = schemeOf(data[1] ?? "", true);
    return as("onnx-data", scheme === void 0 ? "weights" : "variant", scheme);
  }
  const model = /^(.*)\.(safetensors|gguf|onnx)$/.exec(name);
  if (model) {
    const format = model[2];
    const stem = model[1] ?? "";
    const scheme = /-\d{5}-of-\d{5}$/.test(stem) ? void 0 : schemeOf(stem, format === "onnx");
    if (format === "gguf") return as("gguf", "variant", scheme ?? stem);
    return as(format, scheme === void 0 ? "weights" : "variant", scheme);
  }
  if (name.endsWith(".json")) return as("json", "other");
  return as("other", "other");
}
async function releaseManifest(dir) {
  try {
    const data = JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8"));
    return validators().release(data) ? data : void 0;
  } catch {
    return void 0;
  }
}
async function describeRelease(dir) {
  const { files, problems } = await listReleaseFiles(dir);
  if (problems.length > 0) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${dir}: ${problems.map((p) => `${p.path} ${p.reason}`).join("; ")}; a release holds plain files only`
    );
  }
  const digests = await hashFiles(dir, files);
  const manifest = await releaseManifest(dir);
  const metrics = /* @__PURE__ */ new Map();
  for (const variant of manifest?.optimization?.variants ?? []) {
    const figures = { ...variant.metrics };
    if (variant.compressionRatio !== void 0) figures.compressionRatio = variant.compressionRatio;
    for (const file of variant.files) metrics.set(file, figures);
  }
  const artifacts = digests.map((digest) => {
    const figures = metrics.get(digest.path);
    return {
      path: digest.path,
      file: join(dir, digest.path),
      size: digest.size,
      sha256: digest.sha256,
      ...classifyReleaseFile(digest.path),
      ...figures && Object.keys(figures).length > 0 ? { metrics: figures } : {}
    };
  });
  return manifest?.benchmarks === void 0 ? { artifacts } : { artifacts, benchmarks: manifest.benchmarks };
}

// src/cli/commands/card.ts
var cardCommand = {
  name: "card",
  summary: "Render the model card (README.md) from the manifest's template, or the default one, and check\nits front matter as the Hub would: license, pipeline_tag, library_name, model-index. With\n--release, the card describes the built files: sizes, SHA-256, hardware, variants, benchmarks.",
  usage: "card <manifest> [--release <dir>] [-o README.md] [--tag vX.Y.Z] [--json]",
  flagHelp: [
    "--release DIR    describe the files of this release folder (sizes, digests, variants)",
    "-o, --output F   write the card to F (default: print it)",
    "--tag T          the release tag, for a manifest whose version is from-tag"
  ],
  options: {
    release: { type: "string" },
    output: { type: "string", short: "o" },
    tag: { type: "string" }
  },
  positionals: { min: 1, max: 1, names: "one manifest path" },
  async run(args, io) {
    const file = args.positionals[0] ?? "";
    const manifestPath = resolve3(io.cwd, file);
    const validation = await validateManifestFile(manifestPath);
    if (!validation.valid) {
      throw new ModelPublishError(
        "MANIFEST_INVALID",
        `${file} is not a valid manifest:
${validation.issues.map((i) => formatIssue({ ...i, file })).join("\n")}`
      );
    }
    const { manifest, parsed } = validation;
    const version = resolveVersion(manifest.version, args.string("tag"));
    if (!version.ok)
      throw new ModelPublishError(
        "MANIFEST_INVALID",
        `${file}: ${version.message}; ${version.fix}`
      );
    const template = await loadCardTemplate(manifest, dirname(manifestPath));
    const releaseDir = args.string("release");
    const release = releaseDir === void 0 ? void 0 : await describeRelease(resolve3(io.cwd, releaseDir));
    let markdown;
    let frontMatter;
    try {
      ({ markdown, frontMatter } = renderCard({
        manifest,
        version: version.version,
        template,
        ...release ? { artifacts: release.artifacts } : {},
        ...release?.benchmarks ? { benchmarks: release.benchmarks } : {}
      }));
    } catch (error) {
      if (!(error instanceof CardInvalidError)) throw error;
      const issues = error.issues.map((issue) => {
        if (issue.pointer === void 0) return { ...issue, file: template.path };
        const at = parsed.locate(issue.pointer);
        return { ...issue, file, line: at.line, column: at.column };
      });
      if (args.json) {
        io.stdout(`${JSON.stringify({ file, valid: false, issues }, null, 2)}
`);
      } else {
        for (const issue of issues) {
          const where = "line" in issue ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
          io.stdout(`${where}: ${formatCardIssue(issue)}
`);
        }
        io.stdout(
          `✗ the card's front matter has ${issues.length} problem${issues.length === 1 ? "" : "s"}
`
        );
      }
      return ExitCode.checkFailed;
    }
    const output = args.string("output");
    if (output !== void 0) await writeFileAtomic(resolve3(io.cwd, output), markdown);
    if (args.json) {
      io.stdout(
        `${JSON.stringify(
          {
            file,
            valid: true,
            template: template.path,
            ...output === void 0 ? { markdown } : { output },
            bytes: Buffer.byteLength(markdown),
            sha256: createHash("sha256").update(markdown).digest("hex"),
            frontMatter
          },
          null,
          2
        )}
`
      );
    } else if (output === void 0) {
      io.stdout(markdown);
    } else {
      io.stdout(`✓ wrote ${output}: the model card of ${manifest.id} ${version.version}
`);
    }
    return ExitCode.ok;
  }
};

// src/cli/commands/convert.ts
import { resolve as resolve4 } from "node:path";
function size(bytes) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit] ?? "B"}`;
}
var QUIET_BELOW = 256 * 1024 * 1024;
function reporter(io) {
  let lastLine = "";
  return (progress) => {
    let line;
    if (progress.phase === "open") line = `reading ${progress.file}`;
    else if (progress.phase === "done") return;
    else {
      const verb = progress.phase === "write" ? "writing" : "checking";
      const tenth = Math.floor(10 * progress.bytesDone / Math.max(1, progress.bytesTotal));
      line = progress.bytesTotal < QUIET_BELOW ? `${verb} ${progress.file}` : `${verb} ${progress.file} ${tenth * 10}%`;
    }
    if (line !== lastLine) io.stderr(`${line}
`);
    lastLine = line;
  };
}
var convertCommand = {
  name: "convert",
  summary: "Convert a PyTorch checkpoint (.pt/.pth/.bin, zip or legacy, or a sharded pytorch_model.bin.index.json) to safetensors.\nNo code in the checkpoint ever runs; the output is checked by reloading it before it is put in place.",
  usage: "convert <checkpoint> -o <out> [--weights-key K] [--shard-size 5GB] [--json]",
  flagHelp: [
    "-o, --output P     a .safetensors file, or a folder (sharded when over --shard-size)",
    "--weights-key K    the nested dict holding the weights (state_dict, model, ema, …)",
    `--shard-size S     largest shard in folder output, e.g. 500MB, 2GiB (default ${DEFAULT_SHARD_SIZE})`
  ],
  options: {
    output: { type: "string", short: "o" },
    "weights-key": { type: "string" },
    "shard-size": { type: "string" }
  },
  positionals: { min: 1, max: 1, names: "one checkpoint path" },
  async run(args, io) {
    const input = args.positionals[0] ?? "";
    const output = args.values.output;
    if (typeof output !== "string" || output === "") {
      throw new ModelPublishError(
        "USAGE",
        "convert: -o <out> is required (a .safetensors file or a folder)"
      );
    }
    const shardSize = args.string("shard-size");
    if (shardSize !== void 0) parseShardSize(shardSize, "--shard-size");
    const weightsKey = args.string("weights-key");
    const result = await convertCheckpoint({
      input: resolve4(io.cwd, input),
      output: resolve4(io.cwd, output),
      weightsKey,
      shardSize,
      onProgress: reporter(io)
    });
    if (args.json) {
      io.stdout(
        `${JSON.stringify(
          {
            input,
            output,
            sources: result.sources,
            weightsKey: result.weightsKey ?? null,
            files: result.artifacts.map((a) => ({
              path: a.path,
              file: a.file,
              size: a.size,
              format: a.format
            })),
            tensors: result.tensors,
            bytes: result.bytes,
            duplicates: result.duplicates,
            training: result.training,
            skipped: result.skipped
          },
          null,
          2
        )}
`
      );
      return ExitCode.ok;
    }
    const layouts = [...new Set(result.sources.map((s) => s.layout))].join(", ");
    const from = result.weightsKey === void 0 ? "" : ` [${result.weightsKey}]`;
    io.stdout(
      `✓ ${input}${from} (${layouts}) → ${result.tensors} tensors, ${size(result.bytes)}, checked by reload
`
    );
    for (const artifact of result.artifacts)
      io.stdout(`  ${artifact.file} (${size(artifact.size)})
`);
    for (const [dup, kept] of Object.entries(result.duplicates))
      io.stdout(`  tied: ${dup} → ${kept} (written once)
`);
    const training = Object.entries(result.training);
    if (training.length > 0)
      io.stdout(`  training: ${training.map(([k, v]) => `${k}=${String(v)}`).join(", ")}
`);
    if (result.skipped.length > 0)
      io.stdout(`  left out (not tensors): ${result.skipped.join(", ")}
`);
    return ExitCode.ok;
  }
};

// src/cli/commands/keygen.ts
import { resolve as resolve5 } from "node:path";
var keygenCommand = {
  name: "keygen",
  summary: "Make a new Ed25519 signing key. The private key goes to a new file (mode 0600, PKCS#8 PEM,\nencrypted when --passphrase is given) and is never printed; the public key is printed for\nverifiers and the manifest's signing.publicKey.",
  usage: "keygen -o <private-key-file> [--passphrase env:VAR] [--json]",
  flagHelp: [
    "-o, --output F   where to write the private key; an existing file is never replaced",
    "--passphrase P   env:NAME holding a passphrase to encrypt the key file with"
  ],
  options: { output: { type: "string", short: "o" }, passphrase: { type: "string" } },
  positionals: { min: 0, max: 0, names: "no positional arguments" },
  async run(args, io) {
    const output = args.string("output");
    if (output === void 0) {
      throw new ModelPublishError("USAGE", "keygen: -o <private-key-file> is required");
    }
    const passphraseSource = args.string("passphrase");
    const passphrase = passphraseSource === void 0 ? void 0 : readPassphrase(passphraseSource, io.env);
    const key = await SigningKey.generate();
    try {
      await writeNewFileAtomic(resolve5(io.cwd, output), key.toPkcs8Pem(passphrase), 384);
    } catch (error) {
      const code = error.code;
      throw new ModelPublishError(
        code === "EEXIST" ? "USAGE" : "INPUT_MALFORMED",
        code === "EEXIST" ? `keygen: ${output} exists; keygen never replaces a key — pick another path` : `keygen: cannot write ${output} (${code ?? "error"})`
      );
    }
    const publicKey = key.publicKeyBase64;
    const fingerprint = keyFingerprint(key.publicKey);
    if (args.json) {
      io.stdout(
        `${JSON.stringify({ privateKeyFile: output, publicKey, fingerprint, encrypted: passphrase !== void 0 }, null, 2)}
`
      );
    } else {
      io.stdout(
        `✓ wrote the private key to ${output} (mode 0600${passphrase === void 0 ? "" : ", encrypted"}); keep it secret
  public key  ${publicKey}
  fingerprint ${fingerprint}
  give verifiers the public key; put it in the manifest as signing.publicKey
`
      );
    }
    return ExitCode.ok;
  }
};

// src/cli/commands/plan.ts
import { resolve as resolve6 } from "node:path";
var marks = { run: "▶", planned: "…", skip: "–" };
var planCommand = {
  name: "plan",
  summary: "Validate a manifest and print the stages a run would take in a mode, without running them.",
  usage: "plan <manifest> [--mode release|check|dry-run] [--tag vX.Y.Z] [--json]",
  flagHelp: [
    "--mode M      release, check or dry-run (default: release)",
    "--tag T       plan as if tag T were pushed (gives the version when the manifest says from-tag)"
  ],
  options: { mode: { type: "string", default: "release" }, tag: { type: "string" } },
  positionals: { min: 1, max: 1, names: "one manifest path" },
  async run(args, io) {
    const mode = String(args.values.mode);
    if (!MODES.includes(mode)) {
      throw new ModelPublishError(
        "USAGE",
        `plan: --mode must be one of ${MODES.join(", ")}, got "${mode}"`
      );
    }
    const file = args.positionals[0] ?? "";
    const tag = args.string("tag");
    const result = await runPipeline({
      manifestPath: resolve6(io.cwd, file),
      mode,
      context: tag === void 0 ? {} : { ref: `refs/tags/${tag}` }
    });
    if (args.json) {
      io.stdout(
        `${JSON.stringify({ file, mode, valid: result.valid, version: result.version, stages: result.plan, issues: result.issues }, null, 2)}
`
      );
    } else if (!result.valid) {
      for (const issue of result.issues) io.stdout(`${formatIssue({ ...issue, file })}
`);
    } else {
      io.stdout(`${result.manifest?.id ?? ""} ${result.version ?? ""} — ${mode} plan
`);
      for (const stage of result.plan) {
        const note = stage.note ? ` (${stage.note})` : "";
        io.stdout(`  ${marks[stage.status]} ${stage.name.padEnd(9)} ${stage.summary}${note}
`);
      }
      io.stdout("  ▶ runs   … planned, not in this version yet   – not needed\n");
    }
    return result.valid ? ExitCode.ok : ExitCode.checkFailed;
  }
};

// src/cli/commands/publish.ts
import { resolve as resolve7 } from "node:path";

// src/cli/commands/publish-report.ts
function size2(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit] ?? "TiB"}`;
}
function planText(plan) {
  const state = plan.published ? "already published: nothing to do" : "";
  const lines = [`${plan.destination} ${plan.target}${state === "" ? "" : ` — ${state}`}`];
  const width = Math.max(...plan.files.map((f) => size2(f.size).length), 0);
  for (const file of plan.files) {
    lines.push(
      `  ${file.action.padEnd(6)} ${size2(file.size).padStart(width)}  ${file.path}  →  ${file.url}`
    );
  }
  for (const step of plan.steps) lines.push(`  then   ${step}`);
  return `${lines.join("\n")}
`;
}
function publishProgress(write, now = Date.now) {
  const last = /* @__PURE__ */ new Map();
  return (event) => {
    switch (event.type) {
      case "destination-start":
        write(`▶ ${event.destination} ${event.target}
`);
        break;
      case "destination-end":
        write(
          event.ok ? `✓ ${event.destination}
` : `✗ ${event.destination}: ${event.message ?? "failed"}
`
        );
        break;
      case "file":
        write(`  ${event.action} ${event.path} (${size2(event.bytes)})
`);
        break;
      case "progress": {
        const key = `${event.destination}:${event.path}`;
        const done = event.done >= event.total;
        if (!done && now() - (last.get(key) ?? 0) < 1e3) break;
        last.set(key, now());
        const percent = event.total > 0 ? Math.floor(100 * event.done / event.total) : 100;
        write(`  ${event.destination} ${event.path}: ${percent}%
`);
        break;
      }
      case "retry":
        write(
          `  ${event.destination}: ${event.what} failed (${event.reason}); retrying in ${(event.delayMs / 1e3).toFixed(1)} s
`
        );
        break;
      case "log":
        write(`${event.level === "warning" ? "warning: " : ""}${event.message}
`);
        break;
      case "verified":
        write(
          event.report.ok ? `✓ read back ${event.report.target}: ${event.report.checked} files match the signed release
` : `✗ read back ${event.report.target}: ${event.report.problems.length} problem(s)
`
        );
        break;
      case "plan":
        break;
    }
  };
}
function summaryText(result) {
  const lines = [];
  for (const receipt of result.receipts) {
    lines.push(
      `✓ ${receipt.destination}: ${receipt.uploaded.length} uploaded, ${receipt.skipped.length} already there → ${receipt.url}`
    );
  }
  for (const report2 of result.reports) {
    for (const problem of report2.problems)
      lines.push(`✗ ${report2.destination}: ${problem.message}`);
  }
  for (const failure of result.failures) lines.push(`✗ ${failure.destination}: ${failure.message}`);
  const verdict = result.ok ? `✓ ${result.id} v${result.version} published and read back` : `✗ ${result.id} v${result.version}: not every destination is done; fix what is listed and run publish again`;
  lines.push(verdict);
  return `${lines.join("\n")}
`;
}

// src/cli/commands/publish.ts
function destinationsOf(value) {
  if (value === void 0) return void 0;
  const names = value.split(",").map((n) => n.trim()).filter((n) => n !== "");
  for (const name of names) {
    if (!DESTINATION_NAMES.includes(name)) {
      throw new ModelPublishError(
        "USAGE",
        `publish: --to takes ${DESTINATION_NAMES.join(", ")} (comma-separated), got "${name}"`
      );
    }
  }
  if (names.length === 0)
    throw new ModelPublishError("USAGE", "publish: --to names no destination");
  return names;
}
function publishExitCode(result) {
  const codes = result.failures.map((f) => new ModelPublishError(f.code, f.message).exitCode);
  if (codes.includes(ExitCode.badInput)) return ExitCode.badInput;
  if (codes.includes(ExitCode.remoteFailed)) return ExitCode.remoteFailed;
  if (codes.length > 0 || result.reports.some((r) => !r.ok)) return ExitCode.checkFailed;
  return ExitCode.ok;
}
async function authored(io, file) {
  const path = resolve7(io.cwd, file);
  const result = await validateManifestFile(path);
  if (!result.valid) {
    const issues = result.issues.map((issue) => formatIssue({ ...issue, file })).join("\n");
    throw new ModelPublishError("MANIFEST_INVALID", `${file} is not a valid manifest:
${issues}`);
  }
  return result.manifest;
}
var publishCommand = {
  name: "publish",
  summary: "Upload a signed release folder to the destinations its manifest configures (Hugging Face Hub,\nGCS, IPFS): artifacts first, the signed manifest last, then read every file back. Re-running\nresumes; a published version is never overwritten. Tokens come from the environment (HF_TOKEN,\nthe IPFS providers' tokenEnv; GCS uses application default credentials). Exit 3 when a service\nkeeps failing, 1 when read-back finds a mismatch or the version exists with other bytes.",
  usage: "publish <release-dir> [--manifest FILE] [--to hf,gcs,ipfs] [--dry-run] [--verify-only] [--json]",
  flagHelp: [
    "--manifest F     the authored manifest with the destinations (default: model-publish.yaml)",
    "--to LIST        only these destinations: hf, gcs, ipfs, comma-separated (default: all configured)",
    "--dry-run        print the plan (each file, size, URL, upload or skip) and write nothing",
    "--verify-only    read what is published back and check it; upload nothing"
  ],
  options: {
    manifest: { type: "string" },
    to: { type: "string" },
    "dry-run": { type: "boolean" },
    "verify-only": { type: "boolean" }
  },
  positionals: { min: 1, max: 1, names: "one release folder" },
  async run(args, io) {
    const dir = resolve7(io.cwd, args.positionals[0] ?? "");
    const manifest = await authored(io, args.string("manifest") ?? "model-publish.yaml");
    const only = destinationsOf(args.string("to"));
    const config = configureDestinations({
      manifest,
      env: io.env,
      ...only === void 0 ? {} : { only }
    });
    const { secrets } = config;
    const out = (text2) => {
      io.stdout(secrets.redact(text2));
    };
    const progress = publishProgress((text2) => {
      io.stderr(secrets.redact(text2));
    });
    const common = {
      dir,
      destinations: config.destinations,
      secrets,
      onEvent: progress,
      ...config.ipfs === void 0 ? {} : { ipfs: config.ipfs },
      ...config.publicKey === void 0 ? {} : { publicKey: config.publicKey }
    };
    if (args.values["verify-only"] === true) {
      const reports = await verifyPublished(common);
      const ok = reports.every((r) => r.ok);
      if (args.json) out(`${JSON.stringify({ ok, reports }, null, 2)}
`);
      else {
        for (const report2 of reports) {
          for (const problem of report2.problems)
            out(`✗ ${report2.destination}: ${problem.message}
`);
          if (report2.ok)
            out(
              `✓ ${report2.destination} ${report2.target}: ${report2.checked} files match the signed release
`
            );
        }
      }
      return ok ? ExitCode.ok : ExitCode.checkFailed;
    }
    const dryRun = args.values["dry-run"] === true;
    const result = await publishRelease({ ...common, dryRun });
    if (args.json) {
      out(
        `${JSON.stringify({ release: { id: result.id, version: result.version }, ...result }, null, 2)}
`
      );
    } else {
      for (const plan of result.plans) out(planText(plan));
      if (dryRun) {
        for (const failure of result.failures)
          out(`✗ ${failure.destination}: ${failure.message}
`);
        out(`dry run: nothing was written
`);
      } else {
        out(summaryText(result));
      }
    }
    return publishExitCode(result);
  }
};

// src/cli/commands/pull.ts
import { resolve as resolve8 } from "node:path";

// src/pull/pull-report.ts
function attemptLine(attempt) {
  return `✗ ${attempt.source} ${attempt.target}: ${attempt.outcome}: ${attempt.message ?? ""}`;
}
function pullProgress(write, now = Date.now) {
  const last = /* @__PURE__ */ new Map();
  return (event) => {
    switch (event.type) {
      case "source-start":
        write(`▶ ${event.source} ${event.target}
`);
        break;
      case "file":
        write(`  ${event.action} ${event.path} (${event.bytes} bytes)
`);
        break;
      case "progress": {
        const finished = event.done >= event.total;
        const previous = last.get(event.path);
        if (!finished && previous !== void 0 && now() - previous < 1e3) break;
        last.set(event.path, now());
        const percent = event.total > 0 ? Math.floor(100 * event.done / event.total) : 100;
        write(`  ${event.path}: ${percent}%
`);
        break;
      }
      case "retry":
        write(
          `  ${event.source}: ${event.what} failed (${event.reason}); retrying in ${(event.delayMs / 1e3).toFixed(1)} s
`
        );
        break;
      case "log":
        write(`${event.level === "warning" ? "warning: " : ""}${event.message}
`);
        break;
      case "source-end":
        if (event.attempt.outcome !== "pulled") write(`${attemptLine(event.attempt)}
`);
        break;
    }
  };
}
function pullSummary(result) {
  const lines = result.attempts.filter((a) => a.outcome !== "pulled").map(attemptLine);
  const used = result.attempts.find((a) => a.outcome === "pulled");
  if (result.ok && used !== void 0) {
    lines.push(
      `✓ ${result.id ?? "?"} ${result.version ?? "?"} pulled into ${result.dir} from ${used.source} ${used.target}: ${result.files} files, ${result.bytes} bytes (${used.downloaded} downloaded, ${used.cached} from the cache), signed by ${result.keyId ?? "?"} at ${result.timestamp ?? "?"}`
    );
  } else {
    lines.push(`✗ no source served the signed release; nothing was written to ${result.dir}`);
  }
  return `${lines.join("\n")}
`;
}

// src/cli/commands/pull.ts
function usage(message) {
  return new ModelPublishError("USAGE", `pull: ${message}`);
}
function versionOf(text2) {
  if (text2 === void 0) return void 0;
  const resolved = resolveVersion("from-tag", `v${text2.replace(/^v/, "")}`);
  if (!resolved.ok) throw usage(`--version ${text2} is not a version like 1.2.0`);
  return resolved.version;
}
async function authored2(io, file) {
  const result = await validateManifestFile(resolve8(io.cwd, file));
  if (!result.valid) {
    const issues = result.issues.map((issue) => formatIssue({ ...issue, file })).join("\n");
    throw new ModelPublishError("MANIFEST_INVALID", `${file} is not a valid manifest:
${issues}`);
  }
  return result.manifest;
}
async function sourcesOf(args, io) {
  let version = versionOf(args.string("version"));
  const specs = [];
  let manifest;
  for (const positional of args.positionals) {
    const spec = parseSourceUrl(positional, version);
    if (spec !== void 0) {
      specs.push(spec);
      continue;
    }
    if (manifest !== void 0) throw usage("give one authored manifest at most");
    const value = await authored2(io, positional);
    manifest = { file: positional, value };
    if (version === void 0 && value.version !== "from-tag") version = value.version;
    if (version === void 0) {
      throw usage(`${positional} says version: from-tag; say which release with --version 1.2.0`);
    }
    specs.push(...manifestSources(value, version));
  }
  const from = args.string("from");
  const ordered = from === void 0 ? specs : orderSources(specs, parseOrder(from));
  if (ordered.length === 0) {
    throw usage(
      from === void 0 ? "the manifest configures no destination to pull from" : `--from ${from} leaves no source`
    );
  }
  return { specs: ordered, version, ...manifest === void 0 ? {} : { manifest } };
}
async function trustOf(args, io, request) {
  const context = { env: io.env, cwd: io.cwd };
  const keyring = args.string("keyring");
  if (keyring !== void 0) return { keyring: await loadKeyring(keyring, context) };
  const key = args.string("public-key");
  if (key !== void 0) return { publicKey: await loadPublicKey(key, context) };
  const named = request.manifest?.value.signing?.publicKey;
  if (named !== void 0 && request.manifest !== void 0) {
    return { publicKey: parsePublicKey(named, `${request.manifest.file}: signing.publicKey`) };
  }
  if (args.values["trust-embedded-key"] === true) return { trustEmbeddedKey: true };
  throw usage(
    "no trusted key: give the publisher's public key with --public-key (or the authored manifest that names it in signing.publicKey); --trust-embedded-key accepts whatever key signed the release"
  );
}
function pullExitCode(result) {
  if (result.ok) return ExitCode.ok;
  return result.attempts.every((a) => a.outcome === "failed") ? ExitCode.remoteFailed : ExitCode.checkFailed;
}
var pullCommand = {
  name: "pull",
  summary: "Fetch a published release, verify it, and only then write it to a new folder. Sources are tried\nin turn until one serves the release whole: a source without the signed manifest is incomplete,\none whose signature or any file does not match is refused (the file and why are shown), one\nthat keeps failing is passed over. The signature is checked with a key you trust before any\nfile is fetched; every file is hashed as it streams in. The output appears at once, complete,\nor not at all; an existing non-empty folder is never written to. Verified files are kept in a\ncache by SHA-256, so pulling them again downloads nothing. Endpoints and tokens come from the\nenvironment as for publish (HF_ENDPOINT, HF_TOKEN, STORAGE_EMULATOR_HOST, GCS credentials).\nExit 1 when no source serves the release, 3 when every source failed to answer.",
  usage: "pull <model-publish.yaml | gs://… | ipfs://… | hf://…>… -o <dir> [--version V] [--from LIST] [--public-key K] [--json]",
  flagHelp: [
    "SOURCES          model-publish.yaml: its GCS folder, IPFS gateways and Hub repository, tried",
    "                 gcs, then ipfs, then hf; or URLs, tried in the order given:",
    "                   gs://BUCKET/PREFIX/ID/vVERSION/   the version folder publish prints",
    "                   ipfs://ROOT-CID                   the release root publish prints",
    "                   hf://OWNER/NAME@vVERSION          a Hub revision (@ omitted: v--version)",
    "-o, --output DIR the folder to create (absent or empty)",
    "--version V      the release version (default: the manifest's; needed with from-tag)",
    "--from LIST      only these kinds, in this order: gcs,ipfs,hf",
    "--gateway URL    IPFS gateway to read through (repeatable; default: the manifest's, else https://ipfs.io)",
    "--public-key K   the publisher's Ed25519 public key: base64, a file (base64 or PEM) or env:NAME",
    "                 (default: signing.publicKey of the manifest); a release signed by any other key is refused",
    `--keyring F      a JSON file {"key-id": "<base64 public key>"}; the signature's keyId picks one`,
    "--trust-embedded-key  no key at hand: accept the key in the first signed manifest found and hold",
    "                 every other source to it (proves integrity, not who signed)",
    "--cache-dir D    the cache of verified files (default: $XDG_CACHE_HOME/model-publish or ~/.cache/model-publish)",
    "--no-cache       neither read nor fill the cache"
  ],
  options: {
    output: { type: "string", short: "o" },
    version: { type: "string" },
    from: { type: "string" },
    gateway: { type: "string", multiple: true },
    "public-key": { type: "string" },
    keyring: { type: "string" },
    "trust-embedded-key": { type: "boolean" },
    "cache-dir": { type: "string" },
    cache: { type: "boolean", default: true }
  },
  positionals: { min: 1, max: 16, names: "an authored manifest or source URLs" },
  async run(args, io) {
    const output = args.string("output");
    if (output === void 0) throw usage("-o DIR is required: the folder to create");
    const request = await sourcesOf(args, io);
    const trust = await trustOf(args, io, request);
    const secrets = environmentSecrets(io.env, request.manifest?.value);
    const gatewayValues = args.values.gateway;
    const gateways = Array.isArray(gatewayValues) ? gatewayValues.filter((g) => typeof g === "string") : [];
    const cacheDir = args.string("cache-dir");
    const result = await pullRelease({
      sources: openSources(request.specs, { env: io.env, gateways }),
      out: resolve8(io.cwd, output),
      trust,
      expect: {
        ...request.manifest === void 0 ? {} : { id: request.manifest.value.id },
        ...request.version === void 0 ? {} : { version: request.version }
      },
      ...args.values.cache === false ? {} : {
        cacheDir: cacheDir === void 0 ? defaultCacheDir(io.env) : resolve8(io.cwd, cacheDir)
      },
      secrets,
      onEvent: pullProgress((text2) => {
        io.stderr(text2);
      })
    });
    io.stdout(
      secrets.redact(args.json ? `${JSON.stringify(result, null, 2)}
` : pullSummary(result))
    );
    return pullExitCode(result);
  }
};

// src/cli/commands/quantize.ts
import { stat } from "node:fs/promises";
import { join as join2, resolve as resolve10 } from "node:path";

// src/cli/commands/quantize-onnx.ts
import { resolve as resolve9 } from "node:path";
async function quantizeOnnxCommand(args, io, scheme, budget) {
  const input = resolve9(io.cwd, args.positionals[0] ?? "");
  const outputArg = args.string("output");
  if (!outputArg?.endsWith(".onnx")) {
    throw new ModelPublishError("USAGE", `quantize: ${scheme} needs -o <variant.onnx>`);
  }
  const output = resolve9(io.cwd, outputArg);
  const form = args.string("form");
  if (form !== void 0 && form !== "weight-only" && form !== "dynamic") {
    throw new ModelPublishError("USAGE", "quantize: --form is weight-only or dynamic");
  }
  const blockSize = args.string("block-size");
  if (blockSize !== void 0 && blockSize !== "32" && blockSize !== "128") {
    throw new ModelPublishError("USAGE", "quantize: --block-size is 32 or 128");
  }
  const exclude = args.string("exclude")?.split(",").filter(Boolean);
  const written = await quantizeOnnx(input, output, scheme, {
    ...form ? { form } : {},
    ...blockSize ? { blockSize: blockSize === "32" ? 32 : 128 } : {},
    ...args.values.symmetric === true ? { symmetric: true } : {},
    ...exclude ? { exclude } : {}
  });
  const inputs = args.string("inputs");
  const reports = await onnxParity(
    input,
    [{ path: output, scheme, ...budget ? { budget } : {} }],
    inputs ? { inputs: resolve9(io.cwd, inputs) } : {}
  );
  if (args.json) {
    io.stdout(
      `${JSON.stringify({ scheme, files: written.files, quantized: written.quantized, skipped: written.skipped, parity: reports }, null, 2)}
`
    );
  } else {
    for (const report2 of reports) {
      io.stdout(
        `✓ ${outputArg} (${scheme}, ${report2.bytes} bytes, ${report2.compression.toFixed(2)}× smaller, ${written.quantized.length} nodes)
`
      );
      for (const o of report2.outputs) {
        io.stdout(
          `  ${o.output}: cosine ${o.cosine.toFixed(6)}, max abs diff ${o.maxAbsDiff.toPrecision(4)}, mean ${o.meanAbsDiff.toPrecision(4)}
`
        );
      }
    }
  }
  return ExitCode.ok;
}

// src/cli/commands/quantize.ts
function text(args, name) {
  const value = args.string(name);
  return value === "" ? void 0 : value;
}
function number(args, name, check) {
  const value = text(args, name);
  if (value === void 0) return void 0;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) {
    throw new ModelPublishError(
      "USAGE",
      `quantize: --${name} ${JSON.stringify(value)} is not valid`
    );
  }
  return n;
}
function budgetFrom(args) {
  const budget = {};
  const minCosine = number(args, "min-cosine", (n) => n >= -1 && n <= 1);
  const maxAbsError = number(args, "max-abs-error", (n) => n >= 0);
  const maxMeanAbsError = number(args, "max-mean-abs-error", (n) => n >= 0);
  const maxRmse = number(args, "max-rmse", (n) => n >= 0);
  if (minCosine !== void 0) budget.minCosine = minCosine;
  if (maxAbsError !== void 0) budget.maxAbsError = maxAbsError;
  if (maxMeanAbsError !== void 0) budget.maxMeanAbsError = maxMeanAbsError;
  if (maxRmse !== void 0) budget.maxRmse = maxRmse;
  return Object.keys(budget).length > 0 ? budget : void 0;
}
async function outputPath(args, io, scheme) {
  const output = args.string("output");
  if (output === void 0) {
    throw new ModelPublishError(
      "USAGE",
      "quantize: -o <out> is required (a file, or a folder with --id and --size)"
    );
  }
  const full = resolve10(io.cwd, output);
  const isFolder = output.endsWith("/") || (await stat(full).catch(() => void 0))?.isDirectory() === true;
  if (!isFolder) return full;
  const id = args.string("id");
  const size3 = args.string("size");
  if (id === void 0 || size3 === void 0) {
    throw new ModelPublishError(
      "USAGE",
      `quantize: -o ${output} is a folder; give --id and --size to name the file ({id}-{size}-{quant}.{ext}, e.g. --id ruvltra --size 0.5b)`
    );
  }
  const ext = variantFormat(scheme, args.string("format") === "gguf" ? "x.gguf" : "x") === "gguf" ? "gguf" : "safetensors";
  return join2(full, variantFileName(id, size3, scheme, ext));
}
function mib(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
function report(evaluation, scheme, input) {
  return {
    input,
    scheme,
    format: evaluation.format,
    file: evaluation.file,
    size: evaluation.size,
    sourceSize: evaluation.sourceSize,
    compressionRatio: evaluation.compressionRatio,
    compressionRatioVsF32: evaluation.compressionRatioVsF32,
    summary: evaluation.summary,
    tensors: evaluation.tensors.map(({ sumSquaredError: _s, sumAbsError: _a, ...t }) => t)
  };
}
var quantizeCommand = {
  name: "quantize",
  summary: "Make a quantized or converted variant of a safetensors model and evaluate it against the source.\nGGUF (q8_0, q4_0, q4_k, q4_k_m, q6_k; f16/bf16 with a .gguf output) has blocks bit-identical to ggml's\nreference quantizers; safetensors variants are f16, bf16, int8 (per channel) and int4 (grouped).\nGGUF takes the architecture from config.json beside the input (or --config). Exit 1 when a --min/--max\nbound is broken.",
  usage: "quantize <in> --to <scheme> -o <out> [--config config.json] [--id ID --size 0.5b] [--json]",
  flagHelp: [
    `--to S               ${QUANT_SCHEMES.join(", ")}`,
    "-o, --output P       the variant file, or a folder (name from --id/--size)",
    "--config F           config.json for GGUF (default: beside <in>)",
    "--id ID, --size S    file name {id}-{size}-{quant}.{ext}, e.g. ruvltra-0.5b-q4_k_m.gguf",
    "--name N             general.name in GGUF (default: the file name)",
    "--format F           gguf or safetensors, for f16/bf16 into a folder",
    "--group-size G       int4 group size: 32, 64, 128 (default) or 256",
    "--threads N          worker threads (default: one per core)",
    `--to onnx-…         ${ONNX_SCHEMES.join(", ")} from an .onnx model, checked in onnxruntime`,
    "--form F             onnx-int8: weight-only (DequantizeLinear) or dynamic (MatMulInteger)",
    "--block-size B       onnx-int4 (MatMulNBits): 32 or 128; --symmetric for no zero points",
    "--exclude N,…        ONNX node names to leave in float; --inputs F a .npz of sample inputs",
    "--min-cosine X, --max-abs-error X, --max-mean-abs-error X, --max-rmse X",
    "                     error budget per tensor; exit 1 naming the worst tensors"
  ],
  options: {
    to: { type: "string" },
    output: { type: "string", short: "o" },
    config: { type: "string" },
    id: { type: "string" },
    size: { type: "string" },
    name: { type: "string" },
    format: { type: "string" },
    "group-size": { type: "string" },
    threads: { type: "string" },
    "min-cosine": { type: "string" },
    "max-abs-error": { type: "string" },
    "max-mean-abs-error": { type: "string" },
    "max-rmse": { type: "string" },
    form: { type: "string" },
    "block-size": { type: "string" },
    symmetric: { type: "boolean" },
    exclude: { type: "string" },
    inputs: { type: "string" }
  },
  positionals: { min: 1, max: 1, names: "one safetensors model (file, index or folder)" },
  async run(args, io) {
    const input = args.positionals[0] ?? "";
    const scheme = args.string("to");
    if (scheme !== void 0 && isOnnxScheme(scheme)) {
      return quantizeOnnxCommand(args, io, scheme, budgetFrom(args));
    }
    if (scheme === void 0 || !isQuantScheme(scheme)) {
      throw new ModelPublishError(
        "USAGE",
        `quantize: --to must be one of ${[...QUANT_SCHEMES, ...ONNX_SCHEMES].join(", ")}`
      );
    }
    const format = args.string("format");
    if (format !== void 0 && format !== "gguf" && format !== "safetensors") {
      throw new ModelPublishError("USAGE", "quantize: --format is gguf or safetensors");
    }
    const groupSize = number(args, "group-size", (n) => [32, 64, 128, 256].includes(n));
    const threads = number(args, "threads", (n) => Number.isInteger(n) && n >= 0 && n <= 256);
    const budget = budgetFrom(args);
    const output = await outputPath(args, io, scheme);
    const config = args.string("config");
    const name = args.string("name");
    const source = resolve10(io.cwd, input);
    let last = -1;
    await quantizeModel({
      input: source,
      scheme,
      output,
      ...format === void 0 ? {} : { format },
      ...config === void 0 ? {} : { config: resolve10(io.cwd, config) },
      ...name === void 0 ? {} : { name },
      ...groupSize === void 0 ? {} : { groupSize },
      ...threads === void 0 ? {} : { threads },
      onProgress: (p) => {
        const tenth = Math.floor(10 * (p.index + 1) / p.count);
        if (tenth !== last)
          io.stderr(
            `quantizing ${scheme}: ${p.index + 1}/${p.count} tensors (${p.tensor} ${p.type})
`
          );
        last = tenth;
      }
    });
    io.stderr(`evaluating ${output}
`);
    const evaluation = await evaluateVariant({
      source,
      variant: output,
      ...config === void 0 ? {} : { config: resolve10(io.cwd, config) },
      ...threads === void 0 ? {} : { threads }
    });
    const violations = budget ? budgetViolations(evaluation.tensors, budget) : [];
    if (args.json) {
      io.stdout(
        `${JSON.stringify({ ...report(evaluation, scheme, input), budget: budget ?? null, violations }, null, 2)}
`
      );
    } else {
      const s = evaluation.summary;
      io.stdout(
        `✓ ${input} → ${output} (${scheme}, ${mib(evaluation.size)}, ${evaluation.compressionRatio.toFixed(2)}× vs source, ${evaluation.compressionRatioVsF32.toFixed(2)}× vs FP32)
  ${s.tensors} tensors: min cosine ${s.minCosine.toFixed(6)} (${s.minCosineTensor || "-"}), max abs error ${s.maxAbsError.toPrecision(4)}, RMSE ${s.rmse.toPrecision(4)}
`
      );
    }
    if (budget !== void 0) {
      if (args.json && violations.length > 0) {
        try {
          checkBudget(scheme, evaluation.tensors, budget);
        } catch (error) {
          io.stderr(`model-publish: ${error instanceof Error ? error.message : String(error)}
`);
        }
        return ExitCode.checkFailed;
      }
      checkBudget(`${scheme} (${output})`, evaluation.tensors, budget);
    }
    return ExitCode.ok;
  }
};

// src/cli/commands/sign.ts
import { resolve as resolve11 } from "node:path";
var signCommand = {
  name: "sign",
  summary: "Hash every file of a release folder, compute its Merkle root, and sign the manifest with Ed25519.\nWrites manifest.sig.json and brings manifest.json into agreement. The timestamp comes from\nSOURCE_DATE_EPOCH or the commit time of --tag, so signing twice gives the same bytes.",
  usage: "sign <release-dir> --key <file|env:VAR> [--key-id ID] [--tag vX.Y.Z] [--json]",
  flagHelp: [
    "--key K          the Ed25519 private key: a file (PKCS#8 PEM or base64 seed) or env:NAME",
    "--key-id ID      the name verifiers' keyrings know the key by (default: its fingerprint)",
    "--tag T          take the timestamp from tag T's commit when SOURCE_DATE_EPOCH is not set",
    "--passphrase P   env:NAME holding the passphrase of an encrypted PEM key"
  ],
  options: {
    key: { type: "string" },
    "key-id": { type: "string" },
    tag: { type: "string" },
    passphrase: { type: "string" }
  },
  positionals: { min: 1, max: 1, names: "one release folder" },
  async run(args, io) {
    const keySource = args.string("key");
    if (keySource === void 0) {
      throw new ModelPublishError(
        "USAGE",
        "sign: --key is required: a key file or env:NAME (make one with `model-publish keygen -o release.key`)"
      );
    }
    const dir = resolve11(io.cwd, args.positionals[0] ?? "");
    const passphraseSource = args.string("passphrase");
    const passphrase = passphraseSource === void 0 ? void 0 : readPassphrase(passphraseSource, io.env);
    const key = await loadPrivateKey(keySource, { env: io.env, cwd: io.cwd }, passphrase);
    const tag = args.string("tag");
    const timestamp = await releaseTimestamp({
      env: io.env,
      cwd: io.cwd,
      ...tag === void 0 ? {} : { tag }
    });
    const keyId = args.string("key-id") ?? keyFingerprint(key.publicKey);
    const signed = await signRelease(dir, key, { keyId, timestamp });
    const bytes = signed.files.reduce((sum, file) => sum + file.size, 0);
    if (args.json) {
      io.stdout(
        `${JSON.stringify(
          {
            dir: args.positionals[0],
            keyId,
            publicKey: signed.signature.publicKey,
            merkleRoot: signed.signature.manifest.merkleRoot,
            timestamp,
            bytes,
            files: signed.files
          },
          null,
          2
        )}
`
      );
    } else {
      io.stdout(
        `✓ signed ${args.positionals[0] ?? ""}: ${signed.files.length} files, ${bytes} bytes
  merkle root ${signed.signature.manifest.merkleRoot}
  timestamp   ${timestamp}
  key id      ${keyId}
  public key  ${signed.signature.publicKey}
`
      );
    }
    return ExitCode.ok;
  }
};

// src/cli/commands/validate.ts
import { resolve as resolve12 } from "node:path";
var validateCommand = {
  name: "validate",
  summary: "Check an authored manifest (YAML or JSON) against the schema, the cross-field rules and its source files.\nEvery problem is reported with file, line, column, JSON pointer and a fix. Exit 1 when any is found.",
  usage: "validate <manifest> [--no-files] [--json]",
  flagHelp: ["--no-files    check the document only, not that its source files exist"],
  options: { files: { type: "boolean", default: true } },
  positionals: { min: 1, max: 1, names: "one manifest path" },
  async run(args, io) {
    const file = args.positionals[0] ?? "";
    const result = await runPipeline({
      manifestPath: resolve12(io.cwd, file),
      mode: "dry-run",
      checkFiles: args.values.files !== false
    });
    const issues = result.issues.map((issue) => ({ ...issue, file }));
    if (args.json) {
      io.stdout(
        `${JSON.stringify(
          {
            file,
            valid: result.valid,
            ...result.manifest ? { id: result.manifest.id, version: result.version } : {},
            issues
          },
          null,
          2
        )}
`
      );
    } else if (result.valid && result.manifest) {
      io.stdout(`✓ ${file} is valid: ${result.manifest.id} ${result.version ?? ""}
`);
    } else {
      for (const issue of issues) io.stdout(`${formatIssue(issue)}
`);
      io.stdout(`✗ ${file}: ${issues.length} problem${issues.length === 1 ? "" : "s"}
`);
    }
    return result.valid ? ExitCode.ok : ExitCode.checkFailed;
  }
};

// src/cli/commands/verify.ts
import { resolve as resolve13 } from "node:path";
var verifyCommand = {
  name: "verify",
  summary: "Check a release folder against its signed manifest with a key you trust: the Ed25519 signature,\nthe Merkle root, every file's size and SHA-256, no file missing or unsigned, manifest.json in\nagreement. Every problem is listed; exit 1 when there is any.",
  usage: "verify <release-dir> (--public-key <file|base64> | --keyring <file>) [--file PATH] [--json]",
  flagHelp: [
    "--public-key K   the publisher's Ed25519 public key: base64, or a file (base64 or PEM)",
    `--keyring F      a JSON file {"key-id": "<base64 public key>"}; the signature's keyId picks one`,
    "--file PATH      verify this one file alone, with its Merkle inclusion proof"
  ],
  options: {
    "public-key": { type: "string" },
    keyring: { type: "string" },
    file: { type: "string" }
  },
  positionals: { min: 1, max: 1, names: "one release folder" },
  async run(args, io) {
    const target = args.positionals[0] ?? "";
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
      throw new ModelPublishError(
        "USAGE",
        `verify: ${target} is a URL; download the release into a folder first, then verify the folder`
      );
    }
    const context = { env: io.env, cwd: io.cwd };
    const publicKeySource = args.string("public-key");
    const keyringSource = args.string("keyring");
    const file = args.string("file");
    const report2 = await verifyRelease(resolve13(io.cwd, target), {
      ...publicKeySource === void 0 ? {} : { publicKey: await loadPublicKey(publicKeySource, context) },
      ...keyringSource === void 0 ? {} : { keyring: await loadKeyring(keyringSource, context) },
      ...file === void 0 ? {} : { file }
    });
    if (args.json) {
      io.stdout(`${JSON.stringify({ ...report2, dir: target }, null, 2)}
`);
    } else {
      for (const problem of report2.problems) io.stdout(`✗ ${problem.message}
`);
      const what = file === void 0 ? `${report2.files} files, ${report2.bytes} bytes` : file;
      io.stdout(
        report2.ok ? `✓ ${target} verified: ${what}, signed by ${report2.keyId ?? "?"} at ${report2.timestamp ?? "?"}
` : `✗ ${target}: ${report2.problems.length} problem${report2.problems.length === 1 ? "" : "s"}
`
      );
    }
    return report2.ok ? ExitCode.ok : ExitCode.checkFailed;
  }
};

// src/cli/main.ts
var commands = [
  validateCommand,
  planCommand,
  convertCommand,
  quantizeCommand,
  cardCommand,
  buildCommand,
  signCommand,
  verifyCommand,
  keygenCommand,
  benchCommand,
  publishCommand,
  pullCommand
];
function overview() {
  const width = Math.max(...commands.map((c) => c.usage.length));
  const lines = commands.map(
    (c) => `  ${c.usage.padEnd(width)}  ${c.summary.split("\n")[0] ?? ""}`
  );
  return [
    "model-publish — from a training folder to a verified, signed model release",
    "",
    "Usage: model-publish <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Every command takes --json and --help. Exit codes: 0 ok, 1 a check failed, 2 bad input or usage, 3 a remote service failed.",
    ""
  ].join("\n");
}
async function run(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout(overview());
    return name === void 0 ? ExitCode.badInput : ExitCode.ok;
  }
  if (name === "--version") {
    io.stdout(`${VERSION}
`);
    return ExitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (!command) {
      throw new ModelPublishError(
        "USAGE",
        `unknown command "${name}"; run \`model-publish --help\` for the commands`
      );
    }
    const args = parseCommandArgs(command, rest);
    if (args.help) {
      io.stdout(commandHelp(command));
      return ExitCode.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = exitCodeFor(error);
    if (rest.includes("--json")) {
      const errorCode = error instanceof ModelPublishError ? error.code : "INTERNAL";
      io.stdout(
        `${JSON.stringify({ error: { code: errorCode, message, exitCode: code } }, null, 2)}
`
      );
    }
    io.stderr(`model-publish: ${message}
`);
    return code;
  }
}

// src/cli/io.ts
var processIO = {
  stdout: (text2) => process.stdout.write(text2),
  stderr: (text2) => process.stderr.write(text2),
  env: process.env,
  cwd: process.cwd()
};

// src/cli/index.ts
process.exitCode = await run(process.argv.slice(2), processIO);
