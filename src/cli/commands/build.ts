import { resolve } from "node:path";
import { ExitCode, ModelPublishError } from "../../errors.js";
import { buildRelease } from "../../pipeline/build.js";
import { formatIssue } from "../../manifest/issue.js";
import type { Command } from "../command.js";
import { progressPrinter } from "../progress.js";

export const buildCommand: Command = {
  name: "build",
  summary:
    "Build a release folder from a manifest: validate → convert → card → digests.\nThe folder must not exist yet (or be empty); `sign` completes it. Timestamps come from\nSOURCE_DATE_EPOCH or the commit of --tag, so two builds of the same inputs are byte-identical.",
  usage: "build <manifest> -o <release-dir> [--tag vX.Y.Z] [--json]",
  flagHelp: [
    "-o, --output D  the release folder to create",
    "--tag T         build as for tag T: its version (with `version: from-tag`) and commit time",
  ],
  options: { output: { type: "string", short: "o" }, tag: { type: "string" } },
  positionals: { min: 1, max: 1, names: "one manifest path" },
  async run(args, io) {
    const output = args.string("output");
    if (output === undefined) {
      throw new ModelPublishError("USAGE", "build: -o <release-dir> is required");
    }
    const tag = args.string("tag");
    const options = {
      manifestPath: resolve(io.cwd, args.positionals[0] ?? ""),
      outDir: resolve(io.cwd, output),
      mode: "dry-run" as const,
      context: tag === undefined ? {} : { ref: `refs/tags/${tag}` },
      env: io.env,
    };
    const result = await buildRelease(options, progressPrinter(io));
    if (!result.valid) {
      const file = args.positionals[0] ?? "";
      const issues = result.issues.map((issue) => ({ ...issue, file }));
      if (args.json) io.stdout(`${JSON.stringify({ valid: false, issues }, null, 2)}\n`);
      else for (const issue of issues) io.stdout(`${formatIssue(issue)}\n`);
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
            files: result.artifacts.map(({ path, size, sha256, format, role }) => ({
              path,
              size,
              sha256,
              format,
              role,
            })),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      io.stdout(`✓ built ${result.manifest.id} ${result.version} in ${shown}\n`);
      for (const file of result.artifacts)
        io.stdout(
          `  ${file.path.padEnd(40)} ${String(file.size).padStart(12)}  ${file.sha256 ?? ""}\n`,
        );
      io.stdout(
        `  merkle root ${result.manifest.merkleRoot ?? ""}\nnext: model-publish sign ${shown} --key <file|env:VAR>\n`,
      );
    }
    return ExitCode.ok;
  },
};
