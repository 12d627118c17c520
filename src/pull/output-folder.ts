import { mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { ModelPublishError } from "../errors.js";

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Whether a process is running (EPERM: it is, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errno(error) === "EPERM";
  }
}

function taken(out: string, what: string): ModelPublishError {
  return new ModelPublishError(
    "USAGE",
    `${out} ${what}; pull never writes over a folder: give a new or empty one with -o`,
  );
}

/**
 * The output folder, written once and whole: each source is pulled into a hidden staging folder
 * beside it (`.{name}.pull-{host}-{pid}-XXXXXX`, on the same file system, so the final rename is
 * atomic), and only a verified release is renamed into place. An existing non-empty folder is
 * never touched. Staging folders are named by host and process, so one left by a killed pull is
 * recognised, and removed by the next pull into the same folder on the same host.
 */
export class OutputFolder {
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  private get stagingPrefix(): string {
    return `.${basename(this.path)}.pull-`;
  }

  /** Removes staging folders of pulls whose process is gone (killed before it could clean up). */
  private async sweep(): Promise<void> {
    const entries = await readdir(dirname(this.path)).catch(() => []);
    for (const entry of entries) {
      if (!entry.startsWith(this.stagingPrefix)) continue;
      const mine = entry.slice(this.stagingPrefix.length);
      if (!mine.startsWith(`${hostname()}-`)) continue;
      const pid = Number(/^(\d+)-/.exec(mine.slice(hostname().length + 1))?.[1]);
      if (Number.isInteger(pid) && pid > 0 && !alive(pid)) {
        await rm(join(dirname(this.path), entry), { recursive: true, force: true });
      }
    }
  }

  /**
   * Refuses an existing file or non-empty folder; creates the parent folders; removes what
   * killed pulls into the same folder left behind.
   */
  async check(): Promise<void> {
    const stats = await stat(this.path).catch((error: unknown) => {
      if (errno(error) === "ENOENT") return undefined;
      throw error;
    });
    if (stats !== undefined && !stats.isDirectory()) throw taken(this.path, "is a file");
    if (stats !== undefined && (await readdir(this.path)).length > 0) {
      throw taken(this.path, "exists and is not empty");
    }
    await mkdir(dirname(this.path), { recursive: true });
    await this.sweep();
  }

  /** A fresh, empty staging folder beside the output. */
  staging(): Promise<string> {
    return mkdtemp(join(dirname(this.path), `${this.stagingPrefix}${hostname()}-${process.pid}-`));
  }

  /** Moves a complete staging folder into place; refuses if the output was filled meanwhile. */
  async commit(staging: string): Promise<void> {
    try {
      await rename(staging, this.path);
    } catch (error) {
      const code = errno(error);
      if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOTDIR") {
        throw taken(this.path, "was filled by something else while pulling");
      }
      throw error;
    }
  }

  /** Removes a staging folder that will not be used. */
  async discard(staging: string): Promise<void> {
    await rm(staging, { recursive: true, force: true });
  }
}
