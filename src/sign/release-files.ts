import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { compareUtf8 } from "./merkle.js";

/** The release manifest, written by `build` and completed by `sign`. */
export const MANIFEST_FILE = "manifest.json";
/** The signed manifest (seed 003 App. C). */
export const SIGNATURE_FILE = "manifest.sig.json";

/** A thing in a release folder that cannot be part of a release. */
export interface ReleaseFileProblem {
  path: string;
  reason: string;
}

/**
 * Every file of a release folder that the signature covers: all regular files, recursively,
 * except manifest.json and manifest.sig.json at the top. Paths are relative with `/`, sorted by
 * UTF-8 byte order. Links and special files are reported, never followed: a release is plain files.
 */
export async function listReleaseFiles(
  dir: string,
): Promise<{ files: string[]; problems: ReleaseFileProblem[] }> {
  const files: string[] = [];
  const problems: ReleaseFileProblem[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        if (relative !== "" || (entry.name !== MANIFEST_FILE && entry.name !== SIGNATURE_FILE)) {
          files.push(path);
        }
      } else {
        problems.push({
          path,
          reason: entry.isSymbolicLink() ? "is a symbolic link" : "is not a regular file",
        });
      }
    }
  };
  await walk("");
  files.sort(compareUtf8);
  problems.sort((a, b) => compareUtf8(a.path, b.path));
  return { files, problems };
}

/**
 * Whether a path from a (possibly hostile) manifest names a file inside the release folder:
 * relative, `/`-separated, no empty, `.` or `..` segments, no backslashes or NUL.
 */
export function isSafeReleasePath(path: string): boolean {
  if (path === "" || path.startsWith("/") || /[\\\0]/.test(path)) return false;
  return path.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}
