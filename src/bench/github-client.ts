import { getOctokit } from "@actions/github";
import { ModelPublishError } from "../errors.js";
import { errorText, statusOf, transientVerdict } from "../publish/remote-error.js";
import {
  retryPolicy,
  withRetry,
  type RetryHooks,
  type RetryPolicy,
  type RetryVerdict,
} from "../publish/retry.js";

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
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const baseUrl = options.baseUrl ?? process.env.GITHUB_API_URL;
  return getOctokit(options.token, baseUrl ? { baseUrl } : {});
}

export interface GitHubCallOptions extends RetryHooks {
  retry?: Partial<RetryPolicy>;
}

function headerOf(error: unknown, name: string): string | undefined {
  if (typeof error !== "object" || error === null || !("response" in error)) return undefined;
  const response: unknown = error.response;
  if (typeof response !== "object" || response === null || !("headers" in response)) {
    return undefined;
  }
  const headers: unknown = response.headers;
  if (typeof headers !== "object" || headers === null) return undefined;
  const value: unknown = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

/** Transient failures, plus GitHub's rate limits, which may come as a 403. */
function githubVerdict(error: unknown): RetryVerdict {
  if (statusOf(error) === 403) {
    const after = Number(headerOf(error, "retry-after"));
    if (Number.isFinite(after) && after > 0) {
      return { retry: true, reason: "secondary rate limit", afterMs: after * 1000 };
    }
    if (headerOf(error, "x-ratelimit-remaining") === "0") {
      const reset = Number(headerOf(error, "x-ratelimit-reset"));
      const afterMs = Number.isFinite(reset) ? Math.max(0, reset * 1000 - Date.now()) : undefined;
      return { retry: true, reason: "rate limit", ...(afterMs === undefined ? {} : { afterMs }) };
    }
  }
  return transientVerdict(error);
}

const FIXES: Record<number, string> = {
  401: "the token is invalid or expired; pass the workflow's GITHUB_TOKEN",
  403: "the token may not do this: give the job `permissions: pull-requests: write`; pull requests from forks get a read-only token, so their report is in the job summary only",
  404: "check the repository and pull request number, and that the token can see the repository",
};

/**
 * Runs a GitHub call, again after transient failures and rate limits; a final failure is a
 * REMOTE_FAILED error naming what was done, the status, GitHub's words and what to do.
 */
export async function callGitHub<T>(
  what: string,
  operation: () => Promise<T>,
  options: GitHubCallOptions = {},
): Promise<T> {
  try {
    return await withRetry(what, operation, githubVerdict, retryPolicy(options.retry), options);
  } catch (error) {
    if (error instanceof ModelPublishError) throw error;
    const status = statusOf(error);
    const fix = (status === undefined ? undefined : FIXES[status]) ?? "try again later";
    throw new ModelPublishError(
      "REMOTE_FAILED",
      `GitHub: ${what} failed${status === undefined ? "" : ` (HTTP ${String(status)})`}: ${errorText(error)}; ${fix}`,
      { cause: error },
    );
  }
}
