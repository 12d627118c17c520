import {
  callGitHub,
  type GitHubCallOptions,
  type GitHubClient,
  type PullRequestRef,
} from "./github-client.js";
import { COMMENT_MARKER } from "./report-markdown.js";

/** GitHub refuses comment bodies longer than this (characters). */
export const MAX_COMMENT_CHARS = 65536;

export interface PullRequestCommentOptions extends GitHubCallOptions {
  /**
   * The hidden HTML comment that marks ours. Default `<!-- model-publish:bench -->`; give each
   * job of a matrix its own (e.g. `<!-- model-publish:bench:tiny-bert -->`) for one comment each.
   */
  marker?: string;
  /** Only a comment by this login counts as ours (e.g. `github-actions[bot]`). */
  author?: string;
}

export interface CommentOutcome {
  action: "created" | "updated" | "unchanged";
  id: number;
  url: string;
  /** Whether the body was cut to fit GitHub's limit. */
  truncated: boolean;
}

const CUT_NOTE =
  "\n\n_… cut to fit GitHub's comment limit; the job summary has the full report._\n";

/** The body with the marker first, cut at a line boundary when GitHub would refuse it. */
export function commentBody(
  body: string,
  marker = COMMENT_MARKER,
): { text: string; truncated: boolean } {
  const text = body.trimStart().startsWith(marker) ? body : `${marker}\n${body}`;
  if (text.length <= MAX_COMMENT_CHARS) return { text, truncated: false };
  const room = MAX_COMMENT_CHARS - CUT_NOTE.length;
  const cut = text.lastIndexOf("\n", room);
  return { text: `${text.slice(0, cut > marker.length ? cut : room)}${CUT_NOTE}`, truncated: true };
}

/** A comment reply cut short reads as empty data; treat it as the lost connection it was. */
function complete<T extends { id?: unknown }>(data: T | string | undefined): T & { id: number } {
  if (typeof data === "object" && typeof data.id === "number") return { ...data, id: data.id };
  throw Object.assign(new Error("GitHub's reply was cut short"), { code: "ECONNRESET" });
}

/**
 * Keeps one comment on a pull request: the first comment that starts with `marker` is updated
 * in place, or a new one is made when there is none; an unchanged body sends nothing. The whole
 * step is retried after a transient failure, so a create that did land is found and updated
 * rather than made twice.
 */
export async function upsertPullRequestComment(
  client: GitHubClient,
  pr: PullRequestRef,
  body: string,
  options: PullRequestCommentOptions = {},
): Promise<CommentOutcome> {
  const marker = options.marker ?? COMMENT_MARKER;
  const { text, truncated } = commentBody(body, marker);
  const where = `${pr.owner}/${pr.repo}#${String(pr.number)}`;
  return callGitHub(
    `updating the benchmark comment on ${where}`,
    async () => {
      const pages = client.paginate.iterator(client.rest.issues.listComments, {
        owner: pr.owner,
        repo: pr.repo,
        issue_number: pr.number,
        per_page: 100,
      });
      let existing: { id: number; body?: string | undefined; html_url: string } | undefined;
      for await (const page of pages) {
        existing = page.data.find(
          (c) =>
            (c.body ?? "").trimStart().startsWith(marker) &&
            (options.author === undefined || c.user?.login === options.author),
        );
        if (existing !== undefined) break;
      }
      if (existing?.body === text) {
        return { action: "unchanged", id: existing.id, url: existing.html_url, truncated };
      }
      if (existing !== undefined) {
        const data = complete(
          (
            await client.rest.issues.updateComment({
              owner: pr.owner,
              repo: pr.repo,
              comment_id: existing.id,
              body: text,
            })
          ).data,
        );
        return { action: "updated", id: data.id, url: data.html_url, truncated };
      }
      const data = complete(
        (
          await client.rest.issues.createComment({
            owner: pr.owner,
            repo: pr.repo,
            issue_number: pr.number,
            body: text,
          })
        ).data,
      );
      return { action: "created", id: data.id, url: data.html_url, truncated };
    },
    options,
  );
}
