import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FaultInjector } from "./faults.js";
import {
  GitHubState,
  commentJson,
  commitJson,
  labelJson,
  pullJson,
  type CommitSeed,
  type PullRequestSeed,
  type StoredComment,
  type StoredRepo,
} from "./github-state.js";
import { asRecord, readJson, sendJson } from "./http-kit.js";
import { HttpError, startHttpServer } from "./http-server.js";
import type { ErrorBody, RequestContext, RequestLogEntry } from "./http-server.js";

/** What a token may do and who it acts as. */
export interface GitHubIdentity {
  login: string;
  /** Whether it may write comments (a fork's pull request gets a read-only GITHUB_TOKEN). */
  write: boolean;
}

/** Options of {@link startGitHubServer}. */
export interface GitHubServerOptions {
  /** Where the state is kept; a fresh temporary folder when omitted. Reusing one keeps it. */
  storageDir?: string;
  /** Accepted tokens. Default: one token acting as `github-actions[bot]` with write access. */
  tokens?: Record<string, GitHubIdentity>;
  faults?: FaultInjector;
  /** Port to listen on (to come back at the same URL after a restart); default a free one. */
  port?: number;
}

/** A running GitHub REST API stand-in. */
export interface GitHubServer {
  /** Pass as `baseUrl` to `getOctokit(token, { baseUrl })` (or as GITHUB_API_URL). */
  url: string;
  /** The default token (write access, acting as `github-actions[bot]`). */
  token: string;
  storageDir: string;
  faults: FaultInjector;
  log: RequestLogEntry[];
  /** Opens a pull request (creating the repository on first use). */
  addPullRequest: (seed: PullRequestSeed) => Promise<void>;
  addLabels: (owner: string, repo: string, number: number, labels: string[]) => Promise<void>;
  removeLabel: (owner: string, repo: string, number: number, label: string) => Promise<void>;
  pushCommits: (
    owner: string,
    repo: string,
    number: number,
    commits: CommitSeed[],
  ) => Promise<void>;
  /** A comment written by someone else (a person on the pull request). */
  addComment: (
    owner: string,
    repo: string,
    number: number,
    body: string,
    login: string,
  ) => Promise<number>;
  /**
   * Answers the next `count` requests with GitHub's 403 for a rate limit: `primary` (the hourly
   * quota, `X-RateLimit-Remaining: 0` and a reset time) or `secondary` (`Retry-After`).
   */
  limitNext: (count: number, kind: "primary" | "secondary") => void;
  /** The comments of an issue or pull request as stored, oldest first. */
  comments: (owner: string, repo: string, number: number) => StoredComment[];
  stop: () => Promise<void>;
}

const DEFAULT_TOKEN = "ghs_localTestToken0000000000000000000000";
const DOCS = "https://docs.github.com/rest";
const MAX_BODY = 65536;

/** A 422 with GitHub's `errors` array. */
class ValidationFailed extends HttpError {
  readonly errors: { resource: string; code: string; field: string; message?: string }[];

  constructor(errors: ValidationFailed["errors"]) {
    super(422, "Validation Failed");
    this.errors = errors;
  }
}

function formatError(error: HttpError): ErrorBody {
  const body: Record<string, unknown> = {
    message: error.message,
    documentation_url: DOCS,
    status: String(error.status),
  };
  if (error instanceof ValidationFailed) body.errors = error.errors;
  return { contentType: "application/json; charset=utf-8", body: JSON.stringify(body) };
}

function pageOf(ctx: RequestContext): { page: number; perPage: number } {
  const perPage = Number(ctx.url.searchParams.get("per_page") ?? 30);
  const page = Number(ctx.url.searchParams.get("page") ?? 1);
  if (!Number.isInteger(perPage) || !Number.isInteger(page) || perPage < 1 || page < 1) {
    throw new HttpError(422, "per_page and page must be positive integers");
  }
  return { page, perPage: Math.min(perPage, 100) };
}

/** Sends one page of a list with GitHub's `Link` header (first, prev, next, last). */
function sendPage(ctx: RequestContext, items: unknown[], headers: Record<string, string>): void {
  const { page, perPage } = pageOf(ctx);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const url = new URL(ctx.url.pathname + ctx.url.search, ctx.baseUrl);
    url.searchParams.set("page", String(n));
    url.searchParams.set("per_page", String(perPage));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, "prev"));
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  sendJson(
    ctx.res,
    200,
    slice,
    links.length > 0 ? { ...headers, Link: links.join(", ") } : headers,
  );
}

async function commentBody(ctx: RequestContext): Promise<string> {
  const body = asRecord(await readJson(ctx.body)).body;
  if (typeof body !== "string" || body === "") {
    throw new ValidationFailed([
      { resource: "IssueComment", code: "missing_field", field: "body" },
    ]);
  }
  if (body.length > MAX_BODY) {
    throw new ValidationFailed([
      {
        resource: "IssueComment",
        code: "custom",
        field: "body",
        message: `body is too long (maximum is ${String(MAX_BODY)} characters)`,
      },
    ]);
  }
  return body;
}

/**
 * Starts a stand-in for the part of the GitHub REST API a benchmark gate uses, on 127.0.0.1:
 * issue comments (list with `Link` pagination, create, get, update), pull requests with their
 * labels, base and head, the commits of a pull request, and labels of an issue. Tokens come as
 * `Authorization: token …` or `Bearer …`; a read-only token gets GitHub's 403 on writes. State
 * is kept in `state.json` under `storageDir`.
 */
export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const storageDir = options.storageDir ?? (await mkdtemp(join(tmpdir(), "github-server-")));
  const tokens = options.tokens ?? {
    [DEFAULT_TOKEN]: { login: "github-actions[bot]", write: true },
  };
  const state = new GitHubState(storageDir);
  await state.load();
  let used = 0;
  let limited: { count: number; kind: "primary" | "secondary" } = { count: 0, kind: "primary" };

  const identities = new Map(Object.entries(tokens));
  const identify = (ctx: RequestContext): GitHubIdentity => {
    const header = ctx.req.headers.authorization;
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? "")?.[1];
    const identity = token === undefined ? undefined : identities.get(token);
    if (identity === undefined) {
      throw new HttpError(
        401,
        header === undefined ? "Requires authentication" : "Bad credentials",
      );
    }
    return identity;
  };

  const repoOf = (owner: string, name: string): StoredRepo => {
    const repo = state.repo(owner, name);
    if (repo === undefined) throw new HttpError(404, "Not Found");
    return repo;
  };

  const handler = async (ctx: RequestContext): Promise<void> => {
    const identity = identify(ctx);
    used += 1;
    if (limited.count > 0) {
      limited.count -= 1;
      const reset = String(Math.floor(Date.now() / 1000) + 1);
      throw limited.kind === "secondary"
        ? new HttpError(
            403,
            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
            undefined,
            { "Retry-After": "1" },
          )
        : new HttpError(403, "API rate limit exceeded for installation.", undefined, {
            "X-RateLimit-Limit": "5000",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": reset,
          });
    }
    const headers = {
      "X-RateLimit-Limit": "5000",
      "X-RateLimit-Remaining": String(Math.max(0, 5000 - used)),
      "X-RateLimit-Used": String(used),
      "X-RateLimit-Reset": String(Math.floor(Date.now() / 1000) + 3600),
      "X-RateLimit-Resource": "core",
      "X-GitHub-Api-Version-Selected": "2022-11-28",
    };
    const api = ctx.baseUrl;
    const { method } = ctx;
    const parts = ctx.url.pathname.split("/").slice(1).map(decodeURIComponent);
    const [root, owner = "", name = "", kind, id, sub, ...rest] = parts;
    if (root !== "repos" || rest.length > 0) throw new HttpError(404, "Not Found");
    const repo = repoOf(owner, name);
    const writeCheck = () => {
      if (!identity.write) throw new HttpError(403, "Resource not accessible by integration");
    };

    if (kind === "issues" && id === "comments" && sub !== undefined) {
      const comment = repo.comments.find((c) => String(c.id) === sub);
      if (comment === undefined) throw new HttpError(404, "Not Found");
      if (method === "GET") {
        sendJson(ctx.res, 200, commentJson(api, repo, comment), headers);
        return;
      }
      if (method === "PATCH") {
        writeCheck();
        const updated = await state.updateComment(comment, await commentBody(ctx));
        sendJson(ctx.res, 200, commentJson(api, repo, updated), headers);
        return;
      }
      throw new HttpError(404, "Not Found");
    }

    const number = Number(id);
    if (!Number.isInteger(number) || number < 1) throw new HttpError(404, "Not Found");
    const pull = state.pull(repo, number);
    if (kind === "issues" && sub === "comments") {
      if (pull === undefined) throw new HttpError(404, "Not Found");
      if (method === "GET") {
        const since = ctx.url.searchParams.get("since");
        const items = repo.comments
          .filter((c) => c.issue === number && (since === null || c.updatedAt >= since))
          .map((c) => commentJson(api, repo, c));
        sendPage(ctx, items, headers);
        return;
      }
      if (method === "POST") {
        writeCheck();
        const created = await state.addComment(
          repo,
          number,
          await commentBody(ctx),
          identity.login,
        );
        sendJson(ctx.res, 201, commentJson(api, repo, created), {
          ...headers,
          Location: `${api}/repos/${owner}/${name}/issues/comments/${String(created.id)}`,
        });
        return;
      }
    }
    if (kind === "issues" && sub === "labels" && method === "GET" && pull !== undefined) {
      sendPage(
        ctx,
        pull.labels.map((l) => labelJson(api, repo, l)),
        headers,
      );
      return;
    }
    if (kind === "pulls" && pull !== undefined && method === "GET") {
      if (sub === undefined) {
        sendJson(ctx.res, 200, pullJson(api, repo, pull), headers);
        return;
      }
      if (sub === "commits") {
        // GitHub lists at most 250 commits of a pull request.
        const items = pull.commits
          .slice(0, 250)
          .map((c, i) =>
            commitJson(api, repo, c, i === 0 ? pull.base.sha : pull.commits[i - 1]?.sha),
          );
        sendPage(ctx, items, headers);
        return;
      }
    }
    throw new HttpError(404, "Not Found");
  };

  const server = await startHttpServer({
    handler,
    formatError,
    faults: options.faults,
    port: options.port,
  });
  const repoFor = (owner: string, name: string) => {
    const repo = state.repo(owner, name);
    if (repo === undefined) throw new Error(`no repository ${owner}/${name}`);
    return repo;
  };
  return {
    url: server.url,
    token: Object.keys(tokens)[0] ?? DEFAULT_TOKEN,
    storageDir,
    faults: server.faults,
    log: server.log,
    addPullRequest: (seed) => state.addPull(seed),
    addLabels: (owner, repo, number, labels) => state.addLabels(owner, repo, number, labels),
    removeLabel: (owner, repo, number, label) => state.removeLabel(owner, repo, number, label),
    pushCommits: (owner, repo, number, commits) => state.pushCommits(owner, repo, number, commits),
    addComment: async (owner, repo, number, body, login) =>
      (await state.addComment(repoFor(owner, repo), number, body, login)).id,
    limitNext: (count, kind) => {
      limited = { count, kind };
    },
    comments: (owner, repo, number) => state.comments(owner, repo, number),
    stop: server.stop,
  };
}
