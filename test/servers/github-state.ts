import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./http-kit.js";

/** What the GitHub REST API stand-in keeps: repositories, pull requests, labels and comments. */

/** A commit of a pull request as the test seeds it. */
export interface CommitSeed {
  sha: string;
  message: string;
  author?: { name: string; email: string; date?: string };
}

/** A pull request as the test seeds it. */
export interface PullRequestSeed {
  owner: string;
  repo: string;
  number: number;
  title?: string;
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
  labels?: string[];
  commits?: CommitSeed[];
  /** Who opened it. Default "octocat". */
  user?: string;
}

/** One issue comment as stored. */
export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

interface StoredLabel {
  id: number;
  name: string;
  color: string;
}

interface StoredPull {
  number: number;
  title: string;
  user: string;
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
  labels: StoredLabel[];
  commits: Required<CommitSeed>[];
  createdAt: string;
}

interface StoredRepo {
  id: number;
  owner: string;
  name: string;
  pulls: Record<string, StoredPull>;
  comments: StoredComment[];
}

interface State {
  nextId: number;
  repos: Record<string, StoredRepo>;
}

/** Users the shapes below describe; bots carry GitHub's own ids and type. */
const KNOWN_USERS: Record<string, { id: number; type: "User" | "Bot" }> = {
  "github-actions[bot]": { id: 41898282, type: "Bot" },
};

function userId(login: string): number {
  let hash = 7;
  for (const ch of login) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0;
  return 1000 + (hash % 1_000_000);
}

/** A `simple-user` object. */
export function userJson(api: string, login: string) {
  const known = KNOWN_USERS[login];
  return {
    login,
    id: known?.id ?? userId(login),
    node_id: `U_${Buffer.from(login).toString("base64url")}`,
    type: known?.type ?? "User",
    site_admin: false,
    url: `${api}/users/${encodeURIComponent(login)}`,
    html_url: `https://github.com/${encodeURIComponent(login)}`,
  };
}

/** The repository state on disk (`state.json`), rewritten atomically after every change. */
export class GitHubState {
  private state: State = { nextId: 1, repos: {} };
  private readonly file: string;

  constructor(storageDir: string) {
    this.file = join(storageDir, "state.json");
  }

  async load(): Promise<void> {
    const text = await readFile(this.file, "utf8").catch(() => undefined);
    if (text !== undefined) this.state = JSON.parse(text) as State;
  }

  private async save(): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(this.state));
  }

  private id(): number {
    const id = this.state.nextId;
    this.state.nextId += 1;
    return id;
  }

  repo(owner: string, name: string): StoredRepo | undefined {
    const key = `${owner}/${name}`.toLowerCase();
    return Object.hasOwn(this.state.repos, key) ? this.state.repos[key] : undefined;
  }

  private ensureRepo(owner: string, name: string): StoredRepo {
    const existing = this.repo(owner, name);
    if (existing !== undefined) return existing;
    const created: StoredRepo = { id: this.id(), owner, name, pulls: {}, comments: [] };
    this.state.repos[`${owner}/${name}`.toLowerCase()] = created;
    return created;
  }

  pull(repo: StoredRepo, number: number): StoredPull | undefined {
    const key = String(number);
    return Object.hasOwn(repo.pulls, key) ? repo.pulls[key] : undefined;
  }

  async addPull(seed: PullRequestSeed): Promise<void> {
    const repo = this.ensureRepo(seed.owner, seed.repo);
    repo.pulls[String(seed.number)] = {
      number: seed.number,
      title: seed.title ?? `Pull request #${String(seed.number)}`,
      user: seed.user ?? "octocat",
      base: { ...seed.base },
      head: { ...seed.head },
      labels: [],
      commits: [],
      createdAt: new Date().toISOString(),
    };
    await this.addLabels(seed.owner, seed.repo, seed.number, seed.labels ?? []);
    await this.pushCommits(seed.owner, seed.repo, seed.number, seed.commits ?? []);
  }

  private requirePull(owner: string, name: string, number: number): StoredPull {
    const repo = this.repo(owner, name);
    const pull = repo === undefined ? undefined : this.pull(repo, number);
    if (pull === undefined) throw new Error(`no pull request ${owner}/${name}#${String(number)}`);
    return pull;
  }

  async addLabels(owner: string, name: string, number: number, labels: string[]): Promise<void> {
    const pull = this.requirePull(owner, name, number);
    for (const label of labels) {
      if (pull.labels.some((l) => l.name.toLowerCase() === label.toLowerCase())) continue;
      pull.labels.push({ id: this.id(), name: label, color: "ededed" });
    }
    await this.save();
  }

  async removeLabel(owner: string, name: string, number: number, label: string): Promise<void> {
    const pull = this.requirePull(owner, name, number);
    pull.labels = pull.labels.filter((l) => l.name.toLowerCase() !== label.toLowerCase());
    await this.save();
  }

  /** New commits on the head branch: the head sha moves to the last one. */
  async pushCommits(owner: string, name: string, number: number, commits: CommitSeed[]) {
    const pull = this.requirePull(owner, name, number);
    for (const commit of commits) {
      pull.commits.push({
        sha: commit.sha,
        message: commit.message,
        author: {
          name: commit.author?.name ?? "Octo Cat",
          email: commit.author?.email ?? "octocat@example.com",
          date: commit.author?.date ?? new Date().toISOString(),
        },
      });
      pull.head.sha = commit.sha;
    }
    await this.save();
  }

  async addComment(repo: StoredRepo, issue: number, body: string, user: string) {
    const now = new Date().toISOString();
    const comment: StoredComment = {
      id: this.id(),
      issue,
      body,
      user,
      createdAt: now,
      updatedAt: now,
    };
    repo.comments.push(comment);
    await this.save();
    return comment;
  }

  async updateComment(comment: StoredComment, body: string): Promise<StoredComment> {
    comment.body = body;
    comment.updatedAt = new Date().toISOString();
    await this.save();
    return comment;
  }

  comments(owner: string, name: string, issue: number): StoredComment[] {
    const repo = this.repo(owner, name);
    return (repo?.comments ?? []).filter((c) => c.issue === issue).map((c) => ({ ...c }));
  }
}

/** An `issue-comment` object. */
export function commentJson(api: string, repo: StoredRepo, comment: StoredComment) {
  const path = `${repo.owner}/${repo.name}`;
  return {
    id: comment.id,
    node_id: `IC_${Buffer.from(String(comment.id)).toString("base64url")}`,
    url: `${api}/repos/${path}/issues/comments/${String(comment.id)}`,
    html_url: `https://github.com/${path}/pull/${String(comment.issue)}#issuecomment-${String(comment.id)}`,
    issue_url: `${api}/repos/${path}/issues/${String(comment.issue)}`,
    body: comment.body,
    user: userJson(api, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.user.endsWith("[bot]") ? "NONE" : "MEMBER",
  };
}

/** A `label` object. */
export function labelJson(api: string, repo: StoredRepo, label: StoredLabel) {
  return {
    id: label.id,
    node_id: `LA_${Buffer.from(String(label.id)).toString("base64url")}`,
    url: `${api}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: null,
  };
}

function repoJson(api: string, repo: StoredRepo) {
  return {
    id: repo.id,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: userJson(api, repo.owner),
    private: true,
    url: `${api}/repos/${repo.owner}/${repo.name}`,
    default_branch: "main",
  };
}

/** A `pull-request` object (the fields clients read). */
export function pullJson(api: string, repo: StoredRepo, pull: StoredPull) {
  const path = `${repo.owner}/${repo.name}`;
  const branch = (side: { ref: string; sha: string }) => ({
    label: `${repo.owner}:${side.ref}`,
    ref: side.ref,
    sha: side.sha,
    user: userJson(api, repo.owner),
    repo: repoJson(api, repo),
  });
  return {
    url: `${api}/repos/${path}/pulls/${String(pull.number)}`,
    id: repo.id * 100_000 + pull.number,
    number: pull.number,
    state: "open",
    locked: false,
    title: pull.title,
    user: userJson(api, pull.user),
    body: null,
    labels: pull.labels.map((l) => labelJson(api, repo, l)),
    created_at: pull.createdAt,
    updated_at: pull.createdAt,
    head: branch(pull.head),
    base: branch(pull.base),
    draft: false,
    merged: false,
    commits: pull.commits.length,
    html_url: `https://github.com/${path}/pull/${String(pull.number)}`,
  };
}

/** A commit object of `GET /repos/{o}/{r}/pulls/{n}/commits`. */
export function commitJson(
  api: string,
  repo: StoredRepo,
  commit: Required<CommitSeed>,
  parent: string | undefined,
) {
  const path = `${repo.owner}/${repo.name}`;
  return {
    sha: commit.sha,
    node_id: `C_${Buffer.from(commit.sha).toString("base64url")}`,
    url: `${api}/repos/${path}/commits/${commit.sha}`,
    html_url: `https://github.com/${path}/commit/${commit.sha}`,
    commit: {
      author: commit.author,
      committer: commit.author,
      message: commit.message,
      tree: {
        sha: "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
        url: `${api}/repos/${path}/git/trees`,
      },
      comment_count: 0,
    },
    author: null,
    committer: null,
    parents:
      parent === undefined ? [] : [{ sha: parent, url: `${api}/repos/${path}/commits/${parent}` }],
  };
}

export type { StoredRepo, StoredPull };
