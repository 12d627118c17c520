import { ModelPublishError } from "../errors.js";
import type { PublishableRelease, ReleaseFile } from "./destination.js";
import type { HubLane } from "./hub-lanes.js";
import type { HubEntry, HubRemote } from "./hub-remote.js";
/**
 * Compares a release with what a Hub revision holds, and words the refusal when a published
 * version holds other bytes. Git blob ids of small files are computed once and remembered.
 */
export declare class HubComparer {
    readonly label: string;
    private readonly blobOids;
    constructor(label: string);
    /** Whether the revision's entry is exactly this file. */
    matches(file: ReleaseFile, entry: HubEntry | undefined): Promise<boolean>;
    /** The files the tree does not hold as they are here, each with what is there instead. */
    differences(files: readonly ReleaseFile[], tree: Map<string, HubEntry>): Promise<string[]>;
    /** The files a tree lacks or holds otherwise. */
    pending(files: readonly ReleaseFile[], tree: Map<string, HubEntry>): Promise<ReleaseFile[]>;
    /** The refusal of a release whose version is published with other bytes. */
    refused(release: PublishableRelease, where: string, differ: string[]): ModelPublishError;
    /** The branch head holds a signed manifest of this version that is not ours: refused. */
    checkHeadManifest(remote: HubRemote, release: PublishableRelease, lane: HubLane, tree: Map<string, HubEntry>): Promise<void>;
}
