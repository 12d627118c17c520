import {
  ExitCode,
  MODES,
  ModelPublishError,
  VERSION,
  exitCodeFor,
  formatIssue,
  runPipeline
} from "./chunks/chunk-5TEVFQS7.js";

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
  const count = parsed.positionals.length;
  if (!help && (count < command.positionals.min || count > command.positionals.max)) {
    throw new ModelPublishError(
      "USAGE",
      `${command.name}: expected ${command.positionals.names}, got ${count === 0 ? "nothing" : parsed.positionals.join(" ")}; usage: model-publish ${command.usage}`
    );
  }
  return {
    positionals: parsed.positionals,
    values: parsed.values,
    json: parsed.values.json === true,
    help
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

// src/cli/commands/plan.ts
import { resolve } from "node:path";
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
    const tag = typeof args.values.tag === "string" ? args.values.tag : void 0;
    const result = await runPipeline({
      manifestPath: resolve(io.cwd, file),
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
        const dry = stage.dryRun ? " [dry run]" : "";
        io.stdout(
          `  ${marks[stage.status]} ${stage.name.padEnd(9)} ${stage.summary}${dry}${note}
`
        );
      }
      io.stdout("  ▶ runs   … planned, not in this version yet   – not needed\n");
    }
    return result.valid ? ExitCode.ok : ExitCode.checkFailed;
  }
};

// src/cli/commands/validate.ts
import { resolve as resolve2 } from "node:path";
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
      manifestPath: resolve2(io.cwd, file),
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

// src/cli/main.ts
var commands = [validateCommand, planCommand];
var comingCommands = [
  "convert",
  "quantize",
  "card",
  "build",
  "sign",
  "verify",
  "publish",
  "bench",
  "pull",
  "keygen"
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
    `Not in this version yet: ${comingCommands.join(", ")}.`,
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
      const why = comingCommands.includes(name) ? `"${name}" is not in this version of model-publish yet` : `unknown command "${name}"`;
      throw new ModelPublishError("USAGE", `${why}; run \`model-publish --help\` for the commands`);
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
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd()
};

// src/cli/index.ts
process.exitCode = await run(process.argv.slice(2), processIO);
