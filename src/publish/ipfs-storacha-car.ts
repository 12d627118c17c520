import { ModelPublishError } from "../errors.js";
import { writeCar } from "../formats/car.js";
import { importDirectory } from "../formats/unixfs-dag.js";
import type { PublishableRelease } from "./destination.js";
import { dagSource, type ReleaseDag } from "./release-dag.js";

/**
 * The whole release as one CAR for Storacha: the artifacts' blocks and the content directory
 * (rebuilt from the files as it is read, so a file that changed since the CIDs were computed
 * fails the stream), then the manifests and the release root directory. The header names the
 * content directory: the client registers the CAR's root as the first upload, and the release
 * root is registered after it, over the same shards, as the commit point.
 */
export function releaseCar(
  release: PublishableRelease,
  dag: ReleaseDag,
): AsyncGenerator<Uint8Array> {
  return writeCar([dag.content.root], async (sink) => {
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
    for (const block of dag.manifestBlocks) await sink(block);
    await sink({ cid: dag.root.root, bytes: dag.root.block });
  });
}

/** The CAR as the blob-like value the Storacha client reads (a fresh stream on each call). */
export function releaseCarBlob(
  release: PublishableRelease,
  dag: ReleaseDag,
): { stream: () => ReadableStream<Uint8Array> } {
  return { stream: () => ReadableStream.from(releaseCar(release, dag)) };
}
