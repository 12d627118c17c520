import { resolve } from "node:path";
import { ExitCode, ModelPublishError } from "../../errors.js";
import { formatIssue } from "../../manifest/issue.js";
import { validateManifestFile } from "../../manifest/validate.js";
import type { DestinationName } from "../../publish/destination.js";
import { configureDestinations, DESTINATION_NAMES } from "../../publish/publish-config.js";
import {
  publishRelease,
  verifyPublished,
  type PublishResult,
} from "../../publish/publish-release.js";
import type { Command } from "../command.js";
import type { CliIO } from "../io.js";
import { planText, publishProgress, summaryText } from "./publish-report.js";

function destinationsOf(value: string | undefined): DestinationName[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n !== "");
  for (const name of names) {
    if (!DESTINATION_NAMES.includes(name as DestinationName)) {
      throw new ModelPublishError(
        "USAGE",
        `publish: --to takes ${DESTINATION_NAMES.join(", ")} (comma-separated), got "${name}"`,
      );
    }
  }
  if (names.length === 0)
    throw new ModelPublishError("USAGE", "publish: --to names no destination");
  return names as DestinationName[];
}

/** Exit code of a publish: bad input first, then a remote failure, then a failed check. */
export function publishExitCode(result: PublishResult): number {
  const codes = result.failures.map((f) => new ModelPublishError(f.code, f.message).exitCode);
  if (codes.includes(ExitCode.badInput)) return ExitCode.badInput;
  if (codes.includes(ExitCode.remoteFailed)) return ExitCode.remoteFailed;
  if (codes.length > 0 || result.reports.some((r) => !r.ok)) return ExitCode.checkFailed;
  return ExitCode.ok;
}

async function authored(io: CliIO, file: string) {
  const path = resolve(io.cwd, file);
  const result = await validateManifestFile(path);
  if (!result.valid) {
    const issues = result.issues.map((issue) => formatIssue({ ...issue, file })).join("\n");
    throw new ModelPublishError("MANIFEST_INVALID", `${file} is not a valid manifest:\n${issues}`);
  }
  return result.manifest;
}

export const publishCommand: Command = {
  name: "publish",
  summary:
    "Upload a signed release folder to the destinations its manifest configures (Hugging Face Hub,\nGCS, IPFS): artifacts first, the signed manifest last, then read every file back. Re-running\nresumes; a published version is never overwritten. Tokens come from the environment (HF_TOKEN,\nthe IPFS providers' tokenEnv; GCS uses application default credentials). Exit 3 when a service\nkeeps failing, 1 when read-back finds a mismatch or the version exists with other bytes.",
  usage:
    "publish <release-dir> [--manifest FILE] [--to hf,gcs,ipfs] [--dry-run] [--verify-only] [--json]",
  flagHelp: [
    "--manifest F     the authored manifest with the destinations (default: model-publish.yaml)",
    "--to LIST        only these destinations: hf, gcs, ipfs, comma-separated (default: all configured)",
    "--dry-run        print the plan (each file, size, URL, upload or skip) and write nothing",
    "--verify-only    read what is published back and check it; upload nothing",
  ],
  options: {
    manifest: { type: "string" },
    to: { type: "string" },
    "dry-run": { type: "boolean" },
    "verify-only": { type: "boolean" },
  },
  positionals: { min: 1, max: 1, names: "one release folder" },
  async run(args, io) {
    const dir = resolve(io.cwd, args.positionals[0] ?? "");
    const manifest = await authored(io, args.string("manifest") ?? "model-publish.yaml");
    const only = destinationsOf(args.string("to"));
    const config = configureDestinations({
      manifest,
      env: io.env,
      ...(only === undefined ? {} : { only }),
    });
    const { secrets } = config;
    const out = (text: string): void => {
      io.stdout(secrets.redact(text));
    };
    const progress = publishProgress((text) => {
      io.stderr(secrets.redact(text));
    });
    const common = {
      dir,
      destinations: config.destinations,
      secrets,
      onEvent: progress,
      ...(config.ipfs === undefined ? {} : { ipfs: config.ipfs }),
      ...(config.publicKey === undefined ? {} : { publicKey: config.publicKey }),
    };
    if (args.values["verify-only"] === true) {
      const reports = await verifyPublished(common);
      const ok = reports.every((r) => r.ok);
      if (args.json) out(`${JSON.stringify({ ok, reports }, null, 2)}\n`);
      else {
        for (const report of reports) {
          for (const problem of report.problems)
            out(`✗ ${report.destination}: ${problem.message}\n`);
          if (report.ok)
            out(
              `✓ ${report.destination} ${report.target}: ${report.checked} files match the signed release\n`,
            );
        }
      }
      return ok ? ExitCode.ok : ExitCode.checkFailed;
    }
    const dryRun = args.values["dry-run"] === true;
    const result = await publishRelease({ ...common, dryRun });
    if (args.json) {
      out(
        `${JSON.stringify({ release: { id: result.id, version: result.version }, ...result }, null, 2)}\n`,
      );
    } else {
      for (const plan of result.plans) out(planText(plan));
      if (dryRun) {
        for (const failure of result.failures)
          out(`✗ ${failure.destination}: ${failure.message}\n`);
        out(`dry run: nothing was written\n`);
      } else {
        out(summaryText(result));
      }
    }
    return publishExitCode(result);
  },
};
