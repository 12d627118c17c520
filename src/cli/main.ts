import { ExitCode, ModelPublishError, exitCodeFor } from "../errors.js";
import { commandHelp, parseCommandArgs, type Command } from "./command.js";
import { benchCommand } from "./commands/bench.js";
import { buildCommand } from "./commands/build.js";
import { cardCommand } from "./commands/card.js";
import { convertCommand } from "./commands/convert.js";
import { keygenCommand } from "./commands/keygen.js";
import { planCommand } from "./commands/plan.js";
import { publishCommand } from "./commands/publish.js";
import { pullCommand } from "./commands/pull.js";
import { quantizeCommand } from "./commands/quantize.js";
import { signCommand } from "./commands/sign.js";
import { validateCommand } from "./commands/validate.js";
import { verifyCommand } from "./commands/verify.js";
import type { CliIO } from "./io.js";
import { VERSION } from "../version.generated.js";

const commands: readonly Command[] = [
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
  pullCommand,
];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  const lines = commands.map(
    (c) => `  ${c.usage.padEnd(width)}  ${c.summary.split("\n")[0] ?? ""}`,
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
    "",
  ].join("\n");
}

/** Runs one CLI invocation and returns its exit code; never calls process.exit. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(overview());
    return name === undefined ? ExitCode.badInput : ExitCode.ok;
  }
  if (name === "--version") {
    io.stdout(`${VERSION}\n`);
    return ExitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (!command) {
      throw new ModelPublishError(
        "USAGE",
        `unknown command "${name}"; run \`model-publish --help\` for the commands`,
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
        `${JSON.stringify({ error: { code: errorCode, message, exitCode: code } }, null, 2)}\n`,
      );
    }
    io.stderr(`model-publish: ${message}\n`);
    return code;
  }
}
