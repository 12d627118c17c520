import { ModelPublishError } from "../errors.js";
import type { PublishContext, PublishableRelease, ReleaseFile } from "./destination.js";
import type { HubComparer } from "./hub-compare.js";
import { fileBlob } from "./hub-files.js";
import type { HubLane } from "./hub-lanes.js";
import type { HubRemote } from "./hub-remote.js";
import { remoteFailed, statusOf, transientVerdict } from "./remote-error.js";
import { withRetry, type RetryVerdict } from "./retry.js";

/**
 * The writing side of a Hub release: repository and branch, commits under the `parentCommit`
 * guard, and the tag. None of these requests is repeated blindly: after a failure the remote
 * state is read again, so a commit that went through despite a lost answer is not made twice.
 */

function hooks(context: PublishContext) {
  return {
    ...(context.signal ? { signal: context.signal } : {}),
    onRetry: (notice: { what: string; attempt: number; delayMs: number; reason: string }) => {
      context.emit({ type: "retry", destination: "hf", ...notice });
    },
  };
}

function commitVerdict(error: unknown): RetryVerdict {
  // 412: another commit landed since the head was read; look again and commit on top of it.
  if (statusOf(error) === 412) return { retry: true, reason: "the branch moved" };
  return transientVerdict(error);
}

/** The commit a branch points at. */
async function branchHead(remote: HubRemote, label: string, branch: string): Promise<string> {
  const ref = (await remote.refs()).branches.find((b) => b.name === branch);
  if (ref === undefined) {
    throw new ModelPublishError(
      "REMOTE_FAILED",
      `${label}: branch ${branch} disappeared while publishing`,
    );
  }
  return ref.targetCommit;
}

/** Commits one group of files on a lane's branch; only what the head still lacks goes up. */
export async function commitGroup(
  remote: HubRemote,
  comparer: HubComparer,
  release: PublishableRelease,
  lane: HubLane,
  group: readonly ReleaseFile[],
  part: string,
  context: PublishContext,
): Promise<void> {
  await withRetry(
    `commit to ${lane.branch}`,
    async () => {
      const parent = await branchHead(remote, comparer.label, lane.branch);
      const missing = await comparer.pending(group, await remote.tree(parent));
      if (missing.length === 0) return;
      const operations = missing.map((file) => ({
        operation: "addOrUpdate" as const,
        path: file.path,
        content: fileBlob(file),
      }));
      const sizes = new Map(missing.map((f) => [f.path, f.size]));
      await remote.commit(
        {
          branch: lane.branch,
          parentCommit: parent,
          title: `Release v${release.version}${part}`,
          description: `${release.id} v${release.version}, Merkle root ${release.signed.merkleRoot}; published by model-publish`,
          operations,
          ...(context.signal ? { signal: context.signal } : {}),
        },
        (path, fraction) => {
          const total = sizes.get(path) ?? 0;
          context.emit({
            type: "progress",
            destination: "hf",
            path,
            done: Math.round(total * fraction),
            total,
          });
        },
      );
    },
    commitVerdict,
    context.retry,
    hooks(context),
  ).catch((error: unknown) => {
    throw remoteFailed(comparer.label, `committing to ${lane.branch}`, error);
  });
}

/** Tags the branch head; a tag that appeared meanwhile is accepted only if it holds this release. */
export async function tagLane(
  remote: HubRemote,
  comparer: HubComparer,
  release: PublishableRelease,
  lane: HubLane,
  context: PublishContext,
): Promise<void> {
  await withRetry(
    `tag ${lane.tag}`,
    async () => {
      const commit = await branchHead(remote, comparer.label, lane.branch);
      const existing = (await remote.refs()).tags.find((t) => t.name === lane.tag);
      if (existing === undefined) {
        await remote.createTag(lane.tag, commit, `${release.id} v${release.version}`);
        return;
      }
      const differ = await comparer.differences(lane.files, await remote.tree(lane.tag));
      if (differ.length > 0) throw comparer.refused(release, `as tag ${lane.tag}`, differ);
    },
    (error) =>
      statusOf(error) === 409
        ? { retry: true, reason: "the tag appeared meanwhile" }
        : transientVerdict(error),
    context.retry,
    hooks(context),
  ).catch((error: unknown) => {
    throw remoteFailed(comparer.label, `tagging ${lane.tag}`, error);
  });
}

/** Creates the repository unless it exists (a 409 from a lost answer or a racing publisher is fine). */
export async function ensureRepo(
  remote: HubRemote,
  isPrivate: boolean,
  label: string,
  context: PublishContext,
): Promise<void> {
  await withRetry(
    "creating the repository",
    async () => {
      if (await remote.exists()) return;
      await remote.createRepo(isPrivate).catch(async (error: unknown) => {
        if (statusOf(error) !== 409 || !(await remote.exists())) throw error;
      });
    },
    transientVerdict,
    context.retry,
    hooks(context),
  ).catch((error: unknown) => {
    throw remoteFailed(label, "creating the repository", error);
  });
}

/** Creates a branch from `from` unless it exists. */
export async function ensureBranch(
  remote: HubRemote,
  branch: string,
  from: string,
  label: string,
  context: PublishContext,
): Promise<void> {
  await withRetry(
    `creating branch ${branch}`,
    async () => {
      if ((await remote.refs()).branches.some((b) => b.name === branch)) return;
      await remote.createBranch(branch, from).catch((error: unknown) => {
        if (statusOf(error) !== 409) throw error;
      });
    },
    transientVerdict,
    context.retry,
    hooks(context),
  ).catch((error: unknown) => {
    throw remoteFailed(label, `creating branch ${branch}`, error);
  });
}
