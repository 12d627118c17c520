import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, rmdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { ModelPublishError } from "../errors.js";

/**
 * A release folder built under a hidden name beside its destination and renamed into place only
 * when complete, so an interrupted build never leaves a folder that looks like a release.
 */
export class StagingFolder {
  readonly target: string;
  readonly path: string;

  private constructor(target: string) {
    this.target = target;
    this.path = join(
      dirname(target),
      `.${basename(target)}.partial-${randomBytes(4).toString("hex")}`,
    );
  }

  /** Refuses a destination that already holds files: a built release is never overwritten. */
  static async create(target: string): Promise<StagingFolder> {
    const full = resolve(target);
    const existing = await readdir(full).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return [];
      if (code === "ENOTDIR") {
        throw new ModelPublishError(
          "USAGE",
          `${target} is a file; -o names the release folder to create`,
        );
      }
      throw error;
    });
    if (existing.length > 0) {
      throw new ModelPublishError(
        "USAGE",
        `${target} already holds files; remove it or choose another -o (a release folder is never overwritten)`,
      );
    }
    const staging = new StagingFolder(full);
    await mkdir(staging.path, { recursive: true });
    return staging;
  }

  /** Moves the finished folder to its destination (an empty folder there is replaced, nothing else). */
  async commit(): Promise<void> {
    await rmdir(this.target).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    });
    await rename(this.path, this.target);
  }

  async discard(): Promise<void> {
    await rm(this.path, { recursive: true, force: true });
  }
}
