import { commandHelp, parseCommandArgs, type Command } from "../../src/cli/command.js";
import { exitCodeFor } from "../../src/errors.js";

/**
 * Runs one command object as `model-publish <name> …` would (parse, run, errors to stderr with
 * their exit code), capturing its output. The commands are registered in the CLI separately.
 */
export async function runCommand(
  command: Command,
  argv: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (text: string) => (stdout += text),
    stderr: (text: string) => (stderr += text),
    env: options.env ?? {},
    cwd: options.cwd,
  };
  let code: number;
  try {
    const args = parseCommandArgs(command, argv);
    if (args.help) {
      io.stdout(commandHelp(command));
      code = 0;
    } else {
      code = await command.run(args, io);
    }
  } catch (error) {
    io.stderr(`model-publish: ${error instanceof Error ? error.message : String(error)}\n`);
    code = exitCodeFor(error);
  }
  return { code, stdout, stderr };
}
