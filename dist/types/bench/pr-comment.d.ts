import { type GitHubCallOptions, type GitHubClient, type PullRequestRef } from "./github-client.js";
/** GitHub refuses comment bodies longer than this (characters). */
export declare const MAX_COMMENT_CHARS = 65536;
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
/** The body with the marker first, cut at a line boundary when GitHub would refuse it. */
export declare function commentBody(body: string, marker?: string): {
    text: string;
    truncated: boolean;
};
/**
 * Keeps one comment on a pull request: the first comment that starts with `marker` is updated
 * in place, or a new one is made when there is none; an unchanged body sends nothing. The whole
 * step is retried after a transient failure, so a create that did land is found and updated
 * rather than made twice.
 */
export declare function upsertPullRequestComment(client: GitHubClient, pr: PullRequestRef, body: string, options?: PullRequestCommentOptions): Promise<CommentOutcome>;
