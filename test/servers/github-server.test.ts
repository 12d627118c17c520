import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { rm } from "node:fs/promises";
import { getOctokit } from "@actions/github";
import { startGitHubServer } from "./github-server.js";
import type { GitHubServer } from "./github-server.js";

const REPO = { owner: "acme", repo: "tiny-model" };
const BASE_SHA = "a".repeat(40);

describe("GitHub REST API server with @actions/github", () => {
  let server: GitHubServer;
  let octokit: ReturnType<typeof getOctokit>;

  beforeEach(async () => {
    server = await startGitHubServer({
      tokens: {
        "write-token": { login: "github-actions[bot]", write: true },
        "read-token": { login: "github-actions[bot]", write: false },
      },
    });
    octokit = getOctokit("write-token", { baseUrl: server.url });
    await server.addPullRequest({
      ...REPO,
      number: 7,
      base: { ref: "main", sha: BASE_SHA },
      head: { ref: "faster-attention", sha: "b".repeat(40) },
      labels: ["bench-accept:latency.p50"],
      commits: [
        { sha: "1".repeat(40), message: "Try a fused kernel" },
        { sha: "2".repeat(40), message: "Trade latency for memory\n\nBench-Accept: latency.p50" },
      ],
    });
  });

  afterEach(async () => {
    await server.stop();
    await rm(server.storageDir, { recursive: true, force: true });
  });

  it("creates, lists page by page, and updates issue comments", async () => {
    for (let i = 1; i <= 5; i++) {
      const created = await octokit.rest.issues.createComment({
        ...REPO,
        issue_number: 7,
        body: `comment ${String(i)}`,
      });
      expect(created.status).toBe(201);
      expect(created.data.user?.login).toBe("github-actions[bot]");
    }
    const firstPage = await octokit.rest.issues.listComments({
      ...REPO,
      issue_number: 7,
      per_page: 2,
    });
    expect(firstPage.data.map((c) => c.body)).toEqual(["comment 1", "comment 2"]);
    expect(firstPage.headers.link).toMatch(/rel="next".*rel="last"/);
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...REPO,
      issue_number: 7,
      per_page: 2,
    });
    expect(all.map((c) => c.body)).toEqual([1, 2, 3, 4, 5].map((i) => `comment ${String(i)}`));
    expect(
      server.log.filter((e) => e.path.endsWith("/issues/7/comments") && e.method === "GET"),
    ).toHaveLength(4);

    const target = all[2];
    if (target === undefined) throw new Error("no third comment");
    const updated = await octokit.rest.issues.updateComment({
      ...REPO,
      comment_id: target.id,
      body: "edited",
    });
    expect(updated.data).toMatchObject({ id: target.id, body: "edited" });
    expect(server.comments(REPO.owner, REPO.repo, 7).map((c) => c.body)).toEqual([
      "comment 1",
      "comment 2",
      "edited",
      "comment 4",
      "comment 5",
    ]);
  });

  it("serves a pull request with its base, labels and commits", async () => {
    const { data: pull } = await octokit.rest.pulls.get({ ...REPO, pull_number: 7 });
    expect(pull.base.sha).toBe(BASE_SHA);
    expect(pull.head.sha).toBe("2".repeat(40));
    expect(pull.labels.map((l) => l.name)).toEqual(["bench-accept:latency.p50"]);
    const labels = await octokit.rest.issues.listLabelsOnIssue({ ...REPO, issue_number: 7 });
    expect(labels.data.map((l) => l.name)).toEqual(["bench-accept:latency.p50"]);

    await server.pushCommits(REPO.owner, REPO.repo, 7, [{ sha: "3".repeat(40), message: "More" }]);
    const commits = await octokit.paginate(octokit.rest.pulls.listCommits, {
      ...REPO,
      pull_number: 7,
      per_page: 2,
    });
    expect(commits.map((c) => c.commit.message)).toEqual([
      "Try a fused kernel",
      "Trade latency for memory\n\nBench-Accept: latency.p50",
      "More",
    ]);
    expect(commits[0]?.parents[0]?.sha).toBe(BASE_SHA);
  });

  it("answers as GitHub does to bad tokens, read-only tokens, unknown things and bad bodies", async () => {
    await expect(
      getOctokit("wrong", { baseUrl: server.url }).rest.pulls.get({ ...REPO, pull_number: 7 }),
    ).rejects.toMatchObject({ status: 401, message: expect.stringContaining("Bad credentials") });
    const readOnly = getOctokit("read-token", { baseUrl: server.url });
    expect((await readOnly.rest.pulls.get({ ...REPO, pull_number: 7 })).status).toBe(200);
    await expect(
      readOnly.rest.issues.createComment({ ...REPO, issue_number: 7, body: "hi" }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("Resource not accessible by integration"),
    });
    await expect(octokit.rest.pulls.get({ ...REPO, pull_number: 99 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      octokit.rest.pulls.get({ owner: "acme", repo: "missing", pull_number: 7 }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      octokit.rest.issues.createComment({ ...REPO, issue_number: 7, body: "x".repeat(65537) }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [expect.objectContaining({ field: "body" })] } },
    });
    expect(server.comments(REPO.owner, REPO.repo, 7)).toEqual([]);
  });

  it("answers rate-limited requests with GitHub's 403 and headers", async () => {
    server.limitNext(1, "secondary");
    await expect(octokit.rest.pulls.get({ ...REPO, pull_number: 7 })).rejects.toMatchObject({
      status: 403,
      response: { headers: expect.objectContaining({ "retry-after": "1" }) },
    });
    server.limitNext(1, "primary");
    await expect(octokit.rest.pulls.get({ ...REPO, pull_number: 7 })).rejects.toMatchObject({
      status: 403,
      response: { headers: expect.objectContaining({ "x-ratelimit-remaining": "0" }) },
    });
    expect((await octokit.rest.pulls.get({ ...REPO, pull_number: 7 })).status).toBe(200);
  });

  it("injects faults and keeps its state across a restart", async () => {
    server.faults.add({ kind: "http500", method: "POST", path: "*/comments", nth: 1 });
    await expect(
      octokit.rest.issues.createComment({ ...REPO, issue_number: 7, body: "first try" }),
    ).rejects.toMatchObject({ status: 500 });
    await octokit.rest.issues.createComment({ ...REPO, issue_number: 7, body: "second try" });
    await server.stop();
    server = await startGitHubServer({
      storageDir: server.storageDir,
      tokens: { "write-token": { login: "github-actions[bot]", write: true } },
    });
    const again = getOctokit("write-token", { baseUrl: server.url });
    const { data } = await again.rest.issues.listComments({ ...REPO, issue_number: 7 });
    expect(data.map((c) => c.body)).toEqual(["second try"]);
    expect((await again.rest.pulls.get({ ...REPO, pull_number: 7 })).data.labels).toHaveLength(1);
  });
});
