import type { PublishableRelease, ReadBackProblem, ReleaseFile } from "./destination.js";
import { objectDiffers, type RemoteObject } from "./gcs-upload.js";
import type { ObjectHashes } from "./object-hashes.js";

/**
 * Checks the objects of a version folder against the release: each file present, with the size,
 * MD5 and CRC-32C the server computed equal to the local file's. Without manifest.sig.json the
 * release is incomplete there.
 */
export async function compareObjects(
  release: PublishableRelease,
  remote: ReadonlyMap<string, RemoteObject>,
  hashesOf: (file: ReleaseFile) => Promise<ObjectHashes>,
  nameOf: (path: string) => string,
): Promise<{ problems: ReadBackProblem[]; checked: number }> {
  const problems: ReadBackProblem[] = [];
  let checked = 0;
  for (const file of release.files) {
    const object = remote.get(file.path);
    const name = nameOf(file.path);
    if (object === undefined) {
      const signature = file.kind === "signature";
      problems.push({
        path: file.path,
        message: `${name} is missing${signature ? ": without the signed manifest the release is incomplete there" : ""}`,
        ...(signature ? { incomplete: true } : {}),
      });
      continue;
    }
    checked += 1;
    if (object.md5 === undefined && object.crc32c === undefined) {
      problems.push({
        path: file.path,
        message: `${name}: the server reports neither MD5 nor CRC32C`,
      });
    }
    const why = objectDiffers(object, file, await hashesOf(file));
    if (why !== undefined) problems.push({ path: file.path, message: `${name}: ${why}` });
  }
  return { problems, checked };
}
