import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, link, mkdir, rename, rm, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { sha256File } from "../sign/hash-files.js";

/** A file the cache is asked for: its signed digest and size. */
export interface CachedFile {
  sha256: string;
  size: number;
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** `$XDG_CACHE_HOME/model-publish`, else `~/.cache/model-publish`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME?.trim();
  const base = xdg !== undefined && xdg !== "" ? xdg : join(env.HOME ?? homedir(), ".cache");
  return join(base, "model-publish");
}

/** Hard-links `from` to `to`, or copies it (a reflink where the file system can) across devices. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = errno(error);
    if (code !== "EXDEV" && code !== "EPERM" && code !== "EMLINK" && code !== "ENOTSUP") {
      throw error;
    }
    await copyFile(from, to, constants.COPYFILE_FICLONE | constants.COPYFILE_EXCL);
  }
}

/**
 * Verified release files by SHA-256 (`blobs/sha256/ab/abcd…`), so a second pull of the same
 * bytes, from any source and of any release, downloads nothing. Only files that matched their
 * signed digest go in; what comes out is hashed again, and an entry that no longer matches is
 * dropped. Files are hard-linked in and out where the cache and the output share a file system.
 */
export class BlobCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Where the blob with this digest lives. */
  path(sha256: string): string {
    return join(this.dir, "blobs", "sha256", sha256.slice(0, 2), sha256);
  }

  /**
   * Puts the cached bytes of `file` at `dest` (a new file) when the cache has them and they still
   * hash to the digest; false on a miss, `dest` then absent. A damaged entry is removed.
   */
  async take(file: CachedFile, dest: string): Promise<boolean> {
    const blob = this.path(file.sha256);
    const stats = await stat(blob).catch(() => undefined);
    if (stats === undefined) return false;
    if (stats.size === file.size) {
      await linkOrCopy(blob, dest);
      const digest = await sha256File(dest, undefined, file.size).catch(() => undefined);
      if (digest?.sha256 === file.sha256 && digest.size === file.size) return true;
      await rm(dest, { force: true });
    }
    await rm(blob, { force: true });
    return false;
  }

  /** Keeps a file that matched its signed digest. */
  async keep(file: CachedFile, source: string): Promise<void> {
    const blob = this.path(file.sha256);
    await mkdir(dirname(blob), { recursive: true });
    const temp = `${blob}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await linkOrCopy(source, temp);
      // Renaming over an entry another pull put there first is harmless: the bytes are the same.
      await rename(temp, blob);
    } finally {
      await rm(temp, { force: true });
    }
  }
}
