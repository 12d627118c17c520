import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { formatTimestamp, isUtcTimestamp, releaseTimestamp } from "../../src/sign/timestamp.js";
import { scratch } from "../helpers/temp.js";

const exec = promisify(execFile);

describe("release timestamp", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
  });
  afterEach(() => tmp.remove());

  it("comes from SOURCE_DATE_EPOCH, in whole seconds of UTC", async () => {
    expect(await releaseTimestamp({ env: { SOURCE_DATE_EPOCH: "0" } })).toBe(
      "1970-01-01T00:00:00Z",
    );
    expect(await releaseTimestamp({ env: { SOURCE_DATE_EPOCH: "1714521600 " } })).toBe(
      "2024-05-01T00:00:00Z",
    );
    await expect(releaseTimestamp({ env: { SOURCE_DATE_EPOCH: "1.5" } })).rejects.toThrow(
      /SOURCE_DATE_EPOCH is not a whole number/,
    );
    expect(formatTimestamp(1714521601)).toBe("2024-05-01T00:00:01Z");
    expect(isUtcTimestamp("2024-05-01T00:00:01Z")).toBe(true);
    expect(isUtcTimestamp("2024-05-01T00:00:01+02:00")).toBe(false);
    expect(isUtcTimestamp("2024-13-41T00:00:01Z")).toBe(false);
  });

  it("comes from the tag's commit time when SOURCE_DATE_EPOCH is not set", async () => {
    const git = (...args: string[]) =>
      exec("git", args, {
        cwd: tmp.dir,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: "t",
          GIT_AUTHOR_EMAIL: "t@example.com",
          GIT_COMMITTER_NAME: "t",
          GIT_COMMITTER_EMAIL: "t@example.com",
          GIT_COMMITTER_DATE: "2024-05-01T12:34:56Z",
          GIT_AUTHOR_DATE: "2020-01-01T00:00:00Z",
        },
      });
    await git("init", "-q");
    await git("commit", "-q", "--allow-empty", "-m", "release");
    await git("tag", "v1.0.0");
    expect(await releaseTimestamp({ env: {}, tag: "v1.0.0", cwd: tmp.dir })).toBe(
      "2024-05-01T12:34:56Z",
    );
    expect(
      await releaseTimestamp({ env: { SOURCE_DATE_EPOCH: "0" }, tag: "v1.0.0", cwd: tmp.dir }),
    ).toBe("1970-01-01T00:00:00Z");
    await expect(releaseTimestamp({ env: {}, tag: "v9.9.9", cwd: tmp.dir })).rejects.toThrow(
      /tag v9.9.9: git cannot give its commit time \(.+\); run in the repository/,
    );
    await expect(releaseTimestamp({ env: {}, tag: "--all", cwd: tmp.dir })).rejects.toThrow(
      /not a tag name/,
    );
  });

  it("fails clearly with neither, never reading the clock", async () => {
    await expect(releaseTimestamp({ env: {} })).rejects.toThrow(
      /no release timestamp: set SOURCE_DATE_EPOCH .* or sign from a release tag/,
    );
  });
});
