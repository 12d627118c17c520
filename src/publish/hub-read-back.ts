import type {
  PublishContext,
  PublishableRelease,
  ReadBackProblem,
  ReadBackReport,
} from "./destination.js";
import type { HubComparer } from "./hub-compare.js";
import { entryText } from "./hub-files.js";
import type { HubLane } from "./hub-lanes.js";
import type { HubRemote } from "./hub-remote.js";
import { remoteFailed, statusOf, transientVerdict } from "./remote-error.js";
import { withRetry } from "./retry.js";

/**
 * Reads a Hub release back: each lane's tag must exist (else the release is incomplete there),
 * and the tree at the tag must hold every file of the lane, LFS files by the SHA-256 and size the
 * Hub checked on upload, small files by their git blob id.
 */
export async function readBackHub(
  remote: HubRemote,
  comparer: HubComparer,
  release: PublishableRelease,
  lanes: readonly HubLane[],
  context: PublishContext,
): Promise<ReadBackReport> {
  const label = comparer.label;
  const problems: ReadBackProblem[] = [];
  let checked = 0;
  const retry = <T>(what: string, work: () => Promise<T>): Promise<T> =>
    withRetry(
      what,
      work,
      transientVerdict,
      context.retry,
      context.signal ? { signal: context.signal } : {},
    );
  const refs = await retry("listing refs", () => remote.refs()).catch((error: unknown) => {
    if (statusOf(error) === 404 || statusOf(error) === 401) return { branches: [], tags: [] };
    throw remoteFailed(label, "listing refs", error);
  });
  for (const lane of lanes) {
    if (!refs.tags.some((t) => t.name === lane.tag)) {
      problems.push({
        message: `${label} has no tag ${lane.tag}: the release is not published there (incomplete)`,
        incomplete: true,
      });
      continue;
    }
    const tree = await retry(`listing ${lane.tag}`, () => remote.tree(lane.tag)).catch(
      (error: unknown) => {
        throw remoteFailed(label, `listing ${lane.tag}`, error);
      },
    );
    for (const file of lane.files) {
      const entry = tree.get(file.path);
      checked += 1;
      if (entry === undefined) {
        const signature = file.kind === "signature";
        problems.push({
          path: file.path,
          message: `${label}@${lane.tag}: ${file.path} is missing${signature ? ": the release is incomplete there" : ""}`,
          ...(signature ? { incomplete: true } : {}),
        });
      } else if (!(await comparer.matches(file, entry))) {
        problems.push({
          path: file.path,
          message: `${label}@${lane.tag}: ${file.path} has ${entryText(entry)}, the release sha256 ${file.sha256}, ${file.size} bytes`,
        });
      }
    }
  }
  return {
    destination: "hf",
    target: `${label}@v${release.version}`,
    ok: problems.length === 0,
    incomplete: problems.some((p) => p.incomplete === true),
    checked,
    problems,
  };
}
