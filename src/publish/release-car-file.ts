import { createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { loadRelease } from "./load-release.js";
import { releaseCar, releaseDag } from "./release-dag.js";

export interface ReleaseCarFile {
  path: string;
  /** The release root CID the CAR's header names. */
  root: string;
  size: number;
}

/**
 * Writes a signed release folder as one CAR file (`ipfs dag import` pins its root): the same
 * blocks the IPFS destination publishes, streamed from the files into a temporary file that is
 * renamed into place only when complete.
 */
export async function writeReleaseCar(
  dir: string,
  path: string,
  options: { gateways: readonly string[] },
): Promise<ReleaseCarFile> {
  const release = await loadRelease(dir, { ipfs: options });
  const dag = await releaseDag(release);
  const partial = `${path}.partial`;
  try {
    await pipeline(Readable.from(releaseCar(release, dag)), createWriteStream(partial));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { path, root: dag.root.root.toString(), size: (await stat(path)).size };
}
