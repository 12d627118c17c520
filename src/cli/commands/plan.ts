import { resolve } from "node:path";
import { ExitCode, ModelPublishError } from "../../errors.js";
import { formatIssue } from "../../manifest/issue.js";
import { MODES, type Mode } from "../../pipeline/mode.js";
import type { PlannedStage } from "../../pipeline/plan.js";
import { runPipeline } from "../../pipeline/run.js";
import type { Command } from "../command.js";

const marks: Record<PlannedStage["status"], string> = { run: "▶", planned: "…", skip: "–" };

export const planCommand: Command = {
  name: "plan",
  summary:
    "Validate a manifest and print the stages a run would take in a mode, without running them.",
  usage: "plan <manifest> [--mode release|check|dry-run] [--tag vX.Y.Z] [--json]",
  flagHelp: [
    "--mode M      release, check or dry-run (default: release)",
    "--tag T       plan as if tag T were pushed (gives the version when the manifest says from-tag)",
  ],
  options: { mode: { type: "string", default: "release" }, tag: { type: "string" } },
  positionals: { min: 1, max: 1, names: "one manifest path" },
  async run(args, io) {
    const mode = String(args.values.mode);
    if (!MODES.includes(mode as Mode)) {
      throw new ModelPublishError(
        "USAGE",
        `plan: --mode must be one of ${MODES.join(", ")}, got "${mode}"`,
      );
    }
    const file = args.positionals[0] ?? "";
    const tag = args.string("tag");
    const result = await runPipeline({
      manifestPath: resolve(io.cwd, file),
      mode: mode as Mode,
      context: tag === undefined ? {} : { ref: `refs/tags/${tag}` },
    });
    if (args.json) {
      io.stdout(
        `${JSON.stringify({ file, mode, valid: result.valid, version: result.version, stages: result.plan, issues: result.issues }, null, 2)}\n`,
      );
    } else if (!result.valid) {
      for (const issue of result.issues) io.stdout(`${formatIssue({ ...issue, file })}\n`);
    } else {
      io.stdout(`${result.manifest?.id ?? ""} ${result.version ?? ""} — ${mode} plan\n`);
      for (const stage of result.plan) {
        const note = stage.note ? ` (${stage.note})` : "";
        io.stdout(`  ${marks[stage.status]} ${stage.name.padEnd(9)} ${stage.summary}${note}\n`);
      }
      io.stdout("  ▶ runs   … planned, not in this version yet   – not needed\n");
    }
    return result.valid ? ExitCode.ok : ExitCode.checkFailed;
  },
};
