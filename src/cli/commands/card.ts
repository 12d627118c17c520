import { createHash } from "node:crypto";
import { dirname, resolve } from "node:path";
import { CardInvalidError, formatCardIssue } from "../../card/card-issue.js";
import { loadCardTemplate } from "../../card/card-template.js";
import { describeRelease } from "../../card/release-artifacts.js";
import { renderCard } from "../../card/render-card.js";
import { ExitCode, ModelPublishError } from "../../errors.js";
import { formatIssue } from "../../manifest/issue.js";
import { validateManifestFile } from "../../manifest/validate.js";
import { resolveVersion } from "../../manifest/version.js";
import { writeFileAtomic } from "../../sign/atomic-write.js";
import type { Command } from "../command.js";

export const cardCommand: Command = {
  name: "card",
  summary:
    "Render the model card (README.md) from the manifest's template, or the default one, and check\nits front matter as the Hub would: license, pipeline_tag, library_name, model-index. With\n--release, the card describes the built files: sizes, SHA-256, hardware, variants, benchmarks.",
  usage: "card <manifest> [--release <dir>] [-o README.md] [--tag vX.Y.Z] [--json]",
  flagHelp: [
    "--release DIR    describe the files of this release folder (sizes, digests, variants)",
    "-o, --output F   write the card to F (default: print it)",
    "--tag T          the release tag, for a manifest whose version is from-tag",
  ],
  options: {
    release: { type: "string" },
    output: { type: "string", short: "o" },
    tag: { type: "string" },
  },
  positionals: { min: 1, max: 1, names: "one manifest path" },
  async run(args, io) {
    const file = args.positionals[0] ?? "";
    const manifestPath = resolve(io.cwd, file);
    const validation = await validateManifestFile(manifestPath);
    if (!validation.valid) {
      throw new ModelPublishError(
        "MANIFEST_INVALID",
        `${file} is not a valid manifest:\n${validation.issues.map((i) => formatIssue({ ...i, file })).join("\n")}`,
      );
    }
    const { manifest, parsed } = validation;
    const version = resolveVersion(manifest.version, args.string("tag"));
    if (!version.ok)
      throw new ModelPublishError(
        "MANIFEST_INVALID",
        `${file}: ${version.message}; ${version.fix}`,
      );
    const template = await loadCardTemplate(manifest, dirname(manifestPath));
    const releaseDir = args.string("release");
    const release =
      releaseDir === undefined ? undefined : await describeRelease(resolve(io.cwd, releaseDir));
    let markdown: string;
    let frontMatter: Record<string, unknown>;
    try {
      ({ markdown, frontMatter } = renderCard({
        manifest,
        version: version.version,
        template,
        ...(release ? { artifacts: release.artifacts } : {}),
        ...(release?.benchmarks ? { benchmarks: release.benchmarks } : {}),
      }));
    } catch (error) {
      if (!(error instanceof CardInvalidError)) throw error;
      const issues = error.issues.map((issue) => {
        if (issue.pointer === undefined) return { ...issue, file: template.path };
        const at = parsed.locate(issue.pointer);
        return { ...issue, file, line: at.line, column: at.column };
      });
      if (args.json) {
        io.stdout(`${JSON.stringify({ file, valid: false, issues }, null, 2)}\n`);
      } else {
        for (const issue of issues) {
          const where =
            "line" in issue ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
          io.stdout(`${where}: ${formatCardIssue(issue)}\n`);
        }
        io.stdout(
          `✗ the card's front matter has ${issues.length} problem${issues.length === 1 ? "" : "s"}\n`,
        );
      }
      return ExitCode.checkFailed;
    }
    const output = args.string("output");
    if (output !== undefined) await writeFileAtomic(resolve(io.cwd, output), markdown);
    if (args.json) {
      io.stdout(
        `${JSON.stringify(
          {
            file,
            valid: true,
            template: template.path,
            ...(output === undefined ? { markdown } : { output }),
            bytes: Buffer.byteLength(markdown),
            sha256: createHash("sha256").update(markdown).digest("hex"),
            frontMatter,
          },
          null,
          2,
        )}\n`,
      );
    } else if (output === undefined) {
      io.stdout(markdown);
    } else {
      io.stdout(`✓ wrote ${output}: the model card of ${manifest.id} ${version.version}\n`);
    }
    return ExitCode.ok;
  },
};
