import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { rm } from "node:fs/promises";
import { createGitHubClient } from "../../src/bench/github-client.js";
import { MAX_COMMENT_CHARS, upsertPullRequestComment } from "../../src/bench/pr-comment.js";
import { COMMENT_MARKER } from "../../src/bench/report-markdown.js";
import { startGitHubServer } from "../servers/github-server.js";
import type { GitHubServer } from "../servers/github-server.js";

const PR = { owner: "acme", repo: "tiny-bert", number: 7 };
const fast = { retry: { baseDelayMs: 1, sleep: () => Promise.resolve() } };

describe("pull-request benchmark comment", () => {
  let server: GitHubServer;

  beforeEach(async () => {
    server = await startGitHubServer({
      tokens: {
        "ghs-write": { login: "github-actions[bot]", write: true },
        "ghs-read": { login: "github-actions[bot]", write: false },
      },
    });
    await server.addPullRequest({
      owner: PR.owner,
      repo: PR.repo,
      number: PR.number,
      base: { ref: "main", sha: "a".repeat(40) },
      head: { ref: "fused-kernel", sha: "b".repeat(40) },
    });
  });

  afterEach(async () => {
    await server.stop();
    await rm(server.storageDir, { recursive: true, force: true });
  });

  const client = (token = "ghs-write") => createGitHubClient({ token, baseUrl: server.url });
  const stored = () => server.comments(PR.owner, PR.repo, PR.number);

  it("creates the comment once, then updates it in place on each push", async () => {
    const first = await upsertPullRequestComment(
      client(),
      PR,
      "| metric | change |\n| a | +1% |",
      fast,
    );
    expect(first).toMatchObject({ action: "created", truncated: false });
    expect(first.url).toContain(`/pull/7#issuecomment-${String(first.id)}`);
    expect(stored()).toEqual([
      expect.objectContaining({
        id: first.id,
        user: "github-actions[bot]",
        body: `${COMMENT_MARKER}\n| metric | change |\n| a | +1% |`,
      }),
    ]);

    const second = await upsertPullRequestComment(
      client(),
      PR,
      `${COMMENT_MARKER}\nsecond push`,
      fast,
    );
    expect(second).toMatchObject({ action: "updated", id: first.id });
    expect(stored().map((c) => c.body)).toEqual([`${COMMENT_MARKER}\nsecond push`]);

    const patches = () => server.log.filter((e) => e.method === "PATCH").length;
    const before = patches();
    const third = await upsertPullRequestComment(
      client(),
      PR,
      `${COMMENT_MARKER}\nsecond push`,
      fast,
    );
    expect(third).toMatchObject({ action: "unchanged", id: first.id });
    expect(patches()).toBe(before);
  });

  it("finds its comment past the first page and leaves people's comments alone", async () => {
    await server.addComment(
      PR.owner,
      PR.repo,
      PR.number,
      `> ${COMMENT_MARKER}\n> quoted report`,
      "octocat",
    );
    for (let i = 0; i < 120; i++) {
      await server.addComment(PR.owner, PR.repo, PR.number, `review note ${String(i)}`, "octocat");
    }
    const made = await upsertPullRequestComment(client(), PR, "report v1", fast);
    expect(made.action).toBe("created");
    for (let i = 0; i < 30; i++) {
      await server.addComment(PR.owner, PR.repo, PR.number, `later note ${String(i)}`, "octocat");
    }
    const again = await upsertPullRequestComment(client(), PR, "report v2", fast);
    expect(again).toMatchObject({ action: "updated", id: made.id });
    const ours = stored().filter((c) => c.body.startsWith(COMMENT_MARKER));
    expect(ours.map((c) => c.body)).toEqual([`${COMMENT_MARKER}\nreport v2`]);
    expect(stored()[0]?.body).toBe(`> ${COMMENT_MARKER}\n> quoted report`);
    expect(stored()).toHaveLength(152);
  });

  it("keeps one comment per marker, and by the bot only when asked", async () => {
    await server.addComment(
      PR.owner,
      PR.repo,
      PR.number,
      `${COMMENT_MARKER}\ncopied by hand`,
      "octocat",
    );
    const bot = await upsertPullRequestComment(client(), PR, "from the bot", {
      ...fast,
      author: "github-actions[bot]",
    });
    expect(bot.action).toBe("created");
    const other = "<!-- model-publish:bench:tiny-bert-large -->";
    const second = await upsertPullRequestComment(client(), PR, "other model", {
      ...fast,
      marker: other,
    });
    expect(second.action).toBe("created");
    expect(stored().map((c) => c.body)).toEqual([
      `${COMMENT_MARKER}\ncopied by hand`,
      `${COMMENT_MARKER}\nfrom the bot`,
      `${other}\nother model`,
    ]);
  });

  it("cuts a body GitHub would refuse at a line, saying where the rest is", async () => {
    const rows = Array.from(
      { length: 4000 },
      (_, i) => `| metric ${String(i)} | ${"x".repeat(20)} |`,
    );
    const outcome = await upsertPullRequestComment(client(), PR, rows.join("\n"), fast);
    expect(outcome.truncated).toBe(true);
    const body = stored()[0]?.body ?? "";
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body).toMatch(
      /\| x{20} \|\n\n_… cut to fit GitHub's comment limit; the job summary has the full report\._\n$/,
    );
  });

  it("makes the comment exactly once when a response is lost after the server made it", async () => {
    server.faults.add({
      kind: "reset",
      method: "POST",
      path: "*/comments",
      phase: "response",
      nth: 1,
    });
    server.faults.add({ kind: "http500", method: "GET", path: "*/comments", nth: 2 });
    const outcome = await upsertPullRequestComment(client(), PR, "report", fast);
    // The retry finds the comment the lost response made, already saying the same.
    expect(outcome.action).toBe("unchanged");
    expect(stored().map((c) => c.body)).toEqual([`${COMMENT_MARKER}\nreport`]);
    expect(server.faults.fired.map((f) => f.kind)).toEqual(["reset", "http500"]);
  });

  it("waits out GitHub's rate limits for as long as GitHub asks", async () => {
    const waits: number[] = [];
    const recording = {
      retry: {
        baseDelayMs: 1,
        sleep: (ms: number) => {
          waits.push(ms);
          return Promise.resolve();
        },
      },
    };
    server.limitNext(1, "secondary");
    expect((await upsertPullRequestComment(client(), PR, "report", recording)).action).toBe(
      "created",
    );
    server.limitNext(2, "primary");
    expect((await upsertPullRequestComment(client(), PR, "report 2", recording)).action).toBe(
      "updated",
    );
    expect(waits).toHaveLength(3);
    // Retry-After: 1 → a second; the primary limit's reset is at most a second away.
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...waits.slice(1))).toBeLessThanOrEqual(1001);
    expect(stored()).toHaveLength(1);
  });

  it("explains a read-only token without printing it", async () => {
    const error = await upsertPullRequestComment(client("ghs-read"), PR, "report", fast).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: "REMOTE_FAILED",
      message: expect.stringMatching(
        /HTTP 403.*Resource not accessible by integration.*pull-requests: write/,
      ),
    });
    expect((error as Error).message).not.toContain("ghs-read");
    expect(stored()).toEqual([]);
    await expect(
      upsertPullRequestComment(client(), { ...PR, number: 99 }, "report", fast),
    ).rejects.toMatchObject({
      code: "REMOTE_FAILED",
      message: expect.stringContaining("HTTP 404"),
    });
  });
});
