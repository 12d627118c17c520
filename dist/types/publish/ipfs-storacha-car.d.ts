import type { PublishableRelease } from "./destination.js";
import { type ReleaseDag } from "./release-dag.js";
/**
 * The whole release as one CAR for Storacha: the artifacts' blocks and the content directory
 * (rebuilt from the files as it is read, so a file that changed since the CIDs were computed
 * fails the stream), then the manifests and the release root directory. The header names the
 * content directory: the client registers the CAR's root as the first upload, and the release
 * root is registered after it, over the same shards, as the commit point.
 */
export declare function releaseCar(release: PublishableRelease, dag: ReleaseDag): AsyncGenerator<Uint8Array>;
/** The CAR as the blob-like value the Storacha client reads (a fresh stream on each call). */
export declare function releaseCarBlob(release: PublishableRelease, dag: ReleaseDag): {
    stream: () => ReadableStream<Uint8Array>;
};
