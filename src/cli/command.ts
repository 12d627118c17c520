import { parseArgs, type ParseArgsConfig } from "node:util";
import { ModelPublishError } from "../errors.js";
import type { CliIO } from "./io.js";

export type OptionSpecs = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedCommandArgs {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  json: boolean;
  /** A string option's value, or undefined when it was not given. */
  string(name: string): string | undefined;
}

/** One subcommand: its help text, its flags, and what it does. */
export interface Command {
  name: string;
  summary: string;
  /** Synopsis after `model-publish`, e.g. `validate <manifest> [--no-files]`. */
  usage: string;
  /** Lines describing each flag, for `--help`. */
  flagHelp: string[];
  options: OptionSpecs;
  /** How many positionals the command takes. */
  positionals: { min: number; max: number; names: string };
  run(args: ParsedCommandArgs, io: CliIO): Promise<number>;
}

export const commonOptions: OptionSpecs = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
};

/** Parses a command's arguments; unknown flags and wrong arity are usage errors (exit 2). */
export function parseCommandArgs(
  command: Command,
  argv: string[],
): ParsedCommandArgs & { help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...commonOptions, ...command.options },
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    });
  } catch (error) {
    const message =
      error instanceof Error ? (error.message.split(". ")[0] ?? error.message) : String(error);
    throw new ModelPublishError(
      "USAGE",
      `${command.name}: ${message}; see \`model-publish ${command.name} --help\``,
    );
  }
  const help = parsed.values.help === true;
  const count = parsed.positionals.length;
  if (!help && (count < command.positionals.min || count > command.positionals.max)) {
    throw new ModelPublishError(
      "USAGE",
      `${command.name}: expected ${command.positionals.names}, got ${count === 0 ? "nothing" : parsed.positionals.join(" ")}; usage: model-publish ${command.usage}`,
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
      return typeof value === "string" ? value : undefined;
    },
  };
}

export function commandHelp(command: Command): string {
  const flags = [
    ...command.flagHelp,
    "--json        one JSON document on stdout, logs on stderr",
    "-h, --help    this help",
  ];
  return `model-publish ${command.usage}\n\n${command.summary}\n\nOptions:\n${flags.map((f) => `  ${f}`).join("\n")}\n`;
}
