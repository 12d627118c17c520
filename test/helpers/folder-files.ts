import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** Every file under a folder, by relative path, with the SHA-256 of its bytes: equal iff the folders are. */
export async function folderFiles(dir: string): Promise<Record<string, string>> {
  const files: [string, string][] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const digest = createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
    files.push([path.slice(dir.length + 1), digest]);
  }
  return Object.fromEntries(files.sort(([a], [b]) => (a < b ? -1 : 1)));
}
