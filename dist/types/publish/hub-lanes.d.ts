import type { PublishableRelease, ReleaseFile } from "./destination.js";
/** One branch of a Hub release: its files, committed in order, and the tag on the last commit. */
export interface HubLane {
    branch: string;
    tag: string;
    files: ReleaseFile[];
}
/**
 * Splits a release by Hub branch (seed 000 §6: experimental variants on branches): the main lane
 * has every file but those of variants with their own branch, tagged `v{version}`; each variant
 * branch has its variant's files, tagged `v{version}-{branch}`. Every lane carries the two
 * manifests, so each branch states the whole release it belongs to.
 */
export declare function hubLanes(release: PublishableRelease, branch: string, variantBranches: Readonly<Record<string, string>>): HubLane[];
/**
 * The commits that carry a lane's pending files: artifacts in groups of `perCommit`, the last
 * group with the manifests (the commit point). A re-run skips what earlier commits carried.
 */
export declare function commitGroups(pending: readonly ReleaseFile[], perCommit: number): ReleaseFile[][];
