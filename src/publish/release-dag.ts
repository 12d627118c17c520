import { createReadStream } from "node:fs";
import { ModelPublishError } from "../errors.js";
import { writeCar } from "../formats/car.js";
import {
  importDirectory,
  importFile,
  withEntries,
  type DagBlock,
  type DagDirectory,
  type DagSource,
} from "../formats/unixfs-dag.js";
import type { PublishableRelease, ReleaseFile } from "./destination.js";

/**
 * A release as IPFS DAGs. `content` is the directory of the signed files (its CID goes into
 * manifest.json, which cannot name a directory that holds itself); `root` is that directory plus
 * manifest.json and manifest.sig.json, the whole release folder as `ipfs add -r --cid-version=1`
 * gives it. Both are pinned; the root goes last (commit point).
 */
export interface ReleaseDag {
  content: DagDirectory;
  root: DagDirectory;
  /** The blocks of the two manifests (small: kept in memory). */
  manifestBlocks: DagBlock[];
}

/** A file's bytes as the importer reads them, from disk or memory. */
export function dagSource(file: ReleaseFile): DagSource {
  const { source } = file;
  return {
    path: file.path,
    content: () =>
      "file" in source
        ? createReadStream(source.file)
        : (async function* () {
            await Promise.resolve();
            yield source.bytes;
          })(),
  };
}

/** Computes the content directory of the signed files (hashing them; no blocks are kept). */
export async function contentDirectory(files: readonly ReleaseFile[]): Promise<DagDirectory> {
  return importDirectory(files.filter((f) => f.kind === "artifact").map(dagSource), () =>
    Promise.resolve(),
  );
}

/** The release DAG: the content directory known, the manifests imported and linked in. */
export async function releaseDag(release: PublishableRelease): Promise<ReleaseDag> {
  const content = release.ipfsContent ?? (await contentDirectory(release.files));
  const manifestBlocks: DagBlock[] = [];
  const entries = [];
  for (const file of release.files.filter((f) => f.kind !== "artifact")) {
    const imported = await importFile(dagSource(file), (block) => {
      manifestBlocks.push(block);
      return Promise.resolve();
    });
    entries.push({ name: file.path, cid: imported.cid, size: imported.size });
  }
  const root = await withEntries(content, entries);
  return { content, root, manifestBlocks };
}

/**
 * Imports the signed files again as they are read, sending each block to `sink`; a file that
 * changed since the CIDs were computed fails the stream.
 */
async function importChecked(
  release: PublishableRelease,
  dag: ReleaseDag,
  sink: (block: DagBlock) => Promise<void>,
): Promise<void> {
  const built = await importDirectory(
    release.files.filter((f) => f.kind === "artifact").map(dagSource),
    sink,
  );
  if (built.root.toString() !== dag.content.root.toString()) {
    throw new ModelPublishError(
      "VERIFY_FAILED",
      `${release.dir}: the files changed while publishing (content CID ${built.root.toString()}, expected ${dag.content.root.toString()}); publish a release folder nobody writes to`,
    );
  }
}

/** The CAR of the signed files and the content directory (roots: the content CID). */
export function contentCar(
  release: PublishableRelease,
  dag: ReleaseDag,
): AsyncGenerator<Uint8Array> {
  return writeCar([dag.content.root], (sink) => importChecked(release, dag, sink));
}

/**
 * The whole release as one CAR: the artifacts' blocks and the content directory, then the
 * manifests and the release root directory. `root` is the CID its header names: the release
 * root for a file people import, the content directory where a service registers the CAR's root
 * first and the release root after it.
 */
export function releaseCar(
  release: PublishableRelease,
  dag: ReleaseDag,
  root: "release" | "content" = "release",
): AsyncGenerator<Uint8Array> {
  return writeCar([root === "release" ? dag.root.root : dag.content.root], async (sink) => {
    await importChecked(release, dag, sink);
    for (const block of dag.manifestBlocks) await sink(block);
    await sink({ cid: dag.root.root, bytes: dag.root.block });
  });
}

/** The CAR of the two manifests and the release root directory (roots: the release CID). */
export function rootCar(dag: ReleaseDag): AsyncGenerator<Uint8Array> {
  return writeCar([dag.root.root], async (sink) => {
    for (const block of dag.manifestBlocks) await sink(block);
    await sink({ cid: dag.root.root, bytes: dag.root.block });
  });
}
