import { resolve } from "node:path";
import { ExitCode } from "../../errors.js";
import { formatIssue } from "../../manifest/issue.js";
import { runPipeline } from "../../pipeline/run.js";
import type { Command } from "../command.js";

export const validateCommand: Command = {
  name: "validate",
  summary:
    "Check an authored manifest (YAML or JSON) against the schema, the cross-field rules and its source files.\nEvery problem is reported with file, line, column, JSON pointer and a fix. Exit 1 when any is found.",
  usage: "validate <manifest> [--no-files] [--json]",
  flagHelp: ["--no-files    check the document only, not that its source files exist"],
  options: { files: { type: "boolean", default: true } },
  positionals: { min: 1, max: 1, names: "one manifest path" },
  async run(args, io) {
    const file = args.positionals[0] ?? "";
    const result = await runPipeline({
      manifestPath: resolve(io.cwd, file),
      mode: "dry-run",
      checkFiles: args.values.files !== false,
    });
    const issues = result.issues.map((issue) => ({ ...issue, file }));
    if (args.json) {
      io.stdout(
        `${JSON.stringify(
          {
            file,
            valid: result.valid,
            ...(result.manifest ? { id: result.manifest.id, version: result.version } : {}),
            issues,
          },
          null,
          2,
        )}\n`,
      );
    } else if (result.valid && result.manifest) {
      io.stdout(`✓ ${file} is valid: ${result.manifest.id} ${result.version ?? ""}\n`);
    } else {
      for (const issue of issues) io.stdout(`${formatIssue(issue)}\n`);
      io.stdout(`✗ ${file}: ${issues.length} problem${issues.length === 1 ? "" : "s"}\n`);
    }
    return result.valid ? ExitCode.ok : ExitCode.checkFailed;
  },
};
