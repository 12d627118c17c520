import type { PublishableRelease, ReleaseFile } from "./destination.js";

/** One branch of a Hub release: its files, committed in order, and the tag on the last commit. */
export interface HubLane {
  branch: string;
  tag: string;
  files: ReleaseFile[];
}

/** A branch name as part of a tag: `experimental/int4` → `experimental-int4`. */
function tagPart(branch: string): string {
  return branch.replace(/[^A-Za-z0-9._-]+/g, "-");
}

/**
 * Splits a release by Hub branch (seed 000 §6: experimental variants on branches): the main lane
 * has every file but those of variants with their own branch, tagged `v{version}`; each variant
 * branch has its variant's files, tagged `v{version}-{branch}`. Every lane carries the two
 * manifests, so each branch states the whole release it belongs to.
 */
export function hubLanes(
  release: PublishableRelease,
  branch: string,
  variantBranches: Readonly<Record<string, string>>,
): HubLane[] {
  const laneOf = (file: ReleaseFile): string => {
    if (file.kind !== "artifact" || file.variant === undefined) return branch;
    return Object.hasOwn(variantBranches, file.variant)
      ? (variantBranches[file.variant] ?? branch)
      : branch;
  };
  const manifests = release.files.filter((f) => f.kind !== "artifact");
  const branches = [branch, ...new Set(release.files.map(laneOf).filter((b) => b !== branch))];
  return branches.map((name) => ({
    branch: name,
    tag: name === branch ? `v${release.version}` : `v${release.version}-${tagPart(name)}`,
    files: [
      ...release.files.filter((f) => f.kind === "artifact" && laneOf(f) === name),
      ...manifests,
    ],
  }));
}

/**
 * The commits that carry a lane's pending files: artifacts in groups of `perCommit`, the last
 * group with the manifests (the commit point). A re-run skips what earlier commits carried.
 */
export function commitGroups(pending: readonly ReleaseFile[], perCommit: number): ReleaseFile[][] {
  const artifacts = pending.filter((f) => f.kind === "artifact");
  const manifests = pending.filter((f) => f.kind !== "artifact");
  const groups: ReleaseFile[][] = [];
  for (let i = 0; i < artifacts.length; i += perCommit)
    groups.push(artifacts.slice(i, i + perCommit));
  const last = groups.at(-1);
  if (last !== undefined && last.length + manifests.length <= perCommit) last.push(...manifests);
  else if (manifests.length > 0) groups.push([...manifests]);
  return groups;
}
