import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ModelPublishError } from "../errors.js";

const run = promisify(execFile);

/** RFC 3339 UTC, whole seconds: `2024-05-01T12:00:00Z`. */
export function formatTimestamp(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Whether text is an RFC 3339 date-time in UTC (`Z`), the only form a release timestamp takes. */
export function isUtcTimestamp(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(text) && !Number.isNaN(Date.parse(text))
  );
}

export interface TimestampSource {
  env?: NodeJS.ProcessEnv;
  /** A git tag whose commit time gives the timestamp when SOURCE_DATE_EPOCH is not set. */
  tag?: string;
  /** The git work tree the tag is in. */
  cwd?: string;
}

/**
 * The release timestamp, which must not depend on when the build ran (two builds of the same
 * inputs are byte-identical): `SOURCE_DATE_EPOCH` when set (reproducible-builds.org), else the
 * commit time of the release tag. Neither is a usage error: the clock is never read.
 */
export async function releaseTimestamp(source: TimestampSource = {}): Promise<string> {
  const epoch = (source.env ?? process.env).SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d{1,12}$/.test(epoch.trim())) {
      throw new ModelPublishError(
        "USAGE",
        `SOURCE_DATE_EPOCH is not a whole number of seconds since 1970; set it like SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)`,
      );
    }
    return formatTimestamp(Number(epoch.trim()));
  }
  if (source.tag !== undefined) {
    if (source.tag.startsWith("-")) {
      throw new ModelPublishError("USAGE", `tag "${source.tag}" is not a tag name`);
    }
    let stdout: string;
    try {
      ({ stdout } = await run("git", ["log", "-1", "--format=%ct", source.tag, "--"], {
        cwd: source.cwd,
      }));
    } catch (error) {
      const stderr = (error as { stderr?: unknown }).stderr;
      const why = typeof stderr === "string" && stderr.trim() ? stderr.trim().split("\n")[0] : "";
      throw new ModelPublishError(
        "USAGE",
        `tag ${source.tag}: git cannot give its commit time${why ? ` (${why})` : ""}; run in the repository, fetch tags, or set SOURCE_DATE_EPOCH`,
      );
    }
    const seconds = stdout.trim();
    if (/^\d+$/.test(seconds)) return formatTimestamp(Number(seconds));
    throw new ModelPublishError("USAGE", `tag ${source.tag}: git gave no commit time`);
  }
  throw new ModelPublishError(
    "USAGE",
    "no release timestamp: set SOURCE_DATE_EPOCH (e.g. $(git log -1 --format=%ct)) or sign from a release tag",
  );
}
