import type { PublishContext, PublishableRelease, ReleaseFile } from "./destination.js";
import type { HubComparer } from "./hub-compare.js";
import type { HubLane } from "./hub-lanes.js";
import type { HubRemote } from "./hub-remote.js";
/** Commits one group of files on a lane's branch; only what the head still lacks goes up. */
export declare function commitGroup(remote: HubRemote, comparer: HubComparer, release: PublishableRelease, lane: HubLane, group: readonly ReleaseFile[], part: string, context: PublishContext): Promise<void>;
/** Tags the branch head; a tag that appeared meanwhile is accepted only if it holds this release. */
export declare function tagLane(remote: HubRemote, comparer: HubComparer, release: PublishableRelease, lane: HubLane, context: PublishContext): Promise<void>;
/** Creates the repository unless it exists (a 409 from a lost answer or a racing publisher is fine). */
export declare function ensureRepo(remote: HubRemote, isPrivate: boolean, label: string, context: PublishContext): Promise<void>;
/** Creates a branch from `from` unless it exists. */
export declare function ensureBranch(remote: HubRemote, branch: string, from: string, label: string, context: PublishContext): Promise<void>;
