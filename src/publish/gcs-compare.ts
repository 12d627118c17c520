import type { ReleaseFile } from "./destination.js";
import type { ObjectHashes } from "./object-hashes.js";
import { objectDiffers, type RemoteObject } from "./gcs-upload.js";

/**
 * What in a version folder is not this release: an object with other bytes than the file of the
 * same path, or an object the release has no file for. Local hashes are computed only for
 * objects that carry no checksum to compare.
 */
export async function folderDifferences(
  remote: ReadonlyMap<string, RemoteObject>,
  files: readonly ReleaseFile[],
  hashesOf: (file: ReleaseFile) => Promise<ObjectHashes>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const file of files) {
    const existing = remote.get(file.path);
    if (existing === undefined) continue;
    const why = objectDiffers(
      existing,
      file,
      existing.checksum === undefined ? await hashesOf(file) : undefined,
    );
    if (why !== undefined) problems.push(`${file.path} (${why})`);
  }
  const paths = new Set(files.map((f) => f.path));
  for (const path of remote.keys())
    if (!paths.has(path)) problems.push(`${path} (not a file of this release)`);
  return problems;
}
