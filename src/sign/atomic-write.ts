import { randomBytes } from "node:crypto";
import { link, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
}

async function writeTemp(path: string, data: string | Uint8Array, mode: number): Promise<void> {
  const handle = await open(path, "wx", mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file so that readers see the old contents or the new, never a torn one:
 * a temporary file beside it, flushed, then renamed over it.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  mode = 0o644,
): Promise<void> {
  const temp = tempPath(path);
  try {
    await writeTemp(temp, data, mode);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes a new file atomically and refuses to replace an existing one (EEXIST):
 * the temporary file is hard-linked into place, which fails when the name is taken.
 */
export async function writeNewFileAtomic(
  path: string,
  data: string | Uint8Array,
  mode = 0o600,
): Promise<void> {
  const temp = tempPath(path);
  try {
    await writeTemp(temp, data, mode);
    await link(temp, path);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
