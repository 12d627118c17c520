import type { PublishContext, PublishableRelease, ReadBackReport } from "./destination.js";
import type { HubComparer } from "./hub-compare.js";
import type { HubLane } from "./hub-lanes.js";
import type { HubRemote } from "./hub-remote.js";
/**
 * Reads a Hub release back: each lane's tag must exist (else the release is incomplete there),
 * and the tree at the tag must hold every file of the lane, LFS files by the SHA-256 and size the
 * Hub checked on upload, small files by their git blob id.
 */
export declare function readBackHub(remote: HubRemote, comparer: HubComparer, release: PublishableRelease, lanes: readonly HubLane[], context: PublishContext): Promise<ReadBackReport>;
