import { getOctokit } from "@actions/github";
import { type RetryHooks, type RetryPolicy } from "../publish/retry.js";
/** The REST client `@actions/github` builds. */
export type GitHubClient = ReturnType<typeof getOctokit>;
/** A pull request of a repository. */
export interface PullRequestRef {
    owner: string;
    repo: string;
    number: number;
}
export interface GitHubClientOptions {
    /** GITHUB_TOKEN or a token with pull-request write access. Never printed. */
    token: string;
    /** REST API root. Default: GITHUB_API_URL (GitHub Enterprise Server sets it), else api.github.com. */
    baseUrl?: string;
}
/**
 * An Octokit from `@actions/github` for `baseUrl`. GITHUB_API_URL is read here, at call time,
 * rather than when `@actions/github` was first imported.
 */
export declare function createGitHubClient(options: GitHubClientOptions): GitHubClient;
export interface GitHubCallOptions extends RetryHooks {
    retry?: Partial<RetryPolicy>;
}
/**
 * Runs a GitHub call, again after transient failures and rate limits; a final failure is a
 * REMOTE_FAILED error naming what was done, the status, GitHub's words and what to do.
 */
export declare function callGitHub<T>(what: string, operation: () => Promise<T>, options?: GitHubCallOptions): Promise<T>;
