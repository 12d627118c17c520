import type { PublishableRelease } from "./destination.js";
import { type ReleaseDag } from "./release-dag.js";
/**
 * The release CAR as the blob-like value the Storacha client reads (a fresh stream on each call).
 * Its header names the content directory: the client registers the CAR's root as the first
 * upload, and the release root is registered after it, over the same shards, as the commit point.
 */
export declare function releaseCarBlob(release: PublishableRelease, dag: ReleaseDag): {
    stream: () => ReadableStream<Uint8Array>;
};
