import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { rm } from "node:fs/promises";
import {
  acceptanceMap,
  acceptancesFrom,
  commitTrailers,
  readAcceptances,
} from "../../src/bench/acceptance.js";
import { evaluateGate } from "../../src/bench/gate.js";
import { createGitHubClient } from "../../src/bench/github-client.js";
import { startGitHubServer } from "../servers/github-server.js";
import type { GitHubServer } from "../servers/github-server.js";
import { benchRun } from "./store-fixtures.js";

const PR = { owner: "acme", repo: "tiny-bert", number: 7 };
const fast = { retry: { baseDelayMs: 1, sleep: () => Promise.resolve() } };

describe("accepting an intended regression", () => {
  it("reads labels: bench-accept for every metric, bench-accept:<metric>[,<metric>] for some", () => {
    const found = acceptancesFrom({
      labels: ["performance", "Bench-Accept: latency_p50, rss", "bench-accept", "bench-acceptance"],
      commits: [],
    });
    expect(found).toEqual([
      { metric: "latency_p50", via: "label", label: "Bench-Accept: latency_p50, rss" },
      { metric: "rss", via: "label", label: "Bench-Accept: latency_p50, rss" },
      { metric: "*", via: "label", label: "bench-accept" },
    ]);
  });

  it("reads Bench-Accept trailers as git does: the last paragraph, never the subject", () => {
    expect(commitTrailers("Bench-Accept: latency_p50")).toEqual([]);
    expect(
      commitTrailers(
        "Quantize attention\n\nSlower on CPU, smaller.\n\nbench-accept: latency_p50,\n  throughput [onnx-int8]\nSigned-off-by: A <a@example.com>",
      ),
    ).toEqual([
      { token: "bench-accept", value: "latency_p50, throughput [onnx-int8]" },
      { token: "Signed-off-by", value: "A <a@example.com>" },
    ]);
    // A last paragraph with prose in it is not a trailer block.
    expect(commitTrailers("Subject\n\nBench-Accept: rss\nbecause memory matters")).toEqual([]);
    const found = acceptancesFrom({
      labels: [],
      commits: [
        { sha: "1".repeat(40), message: "Subject\r\n\r\nBench-Accept: rss\r\n" },
        { sha: "2".repeat(40), message: "Subject\n\nBench-Accept: *" },
      ],
    });
    expect(found).toEqual([
      { metric: "rss", via: "trailer", commit: "1".repeat(40) },
      { metric: "*", via: "trailer", commit: "2".repeat(40) },
    ]);
    expect(
      acceptancesFrom(
        { labels: [], commits: [{ sha: "3", message: "S\n\nBench-Accept: rss" }] },
        { trailers: false },
      ),
    ).toEqual([]);
  });

  it("names where each acceptance came from, a label before a trailer", () => {
    const map = acceptanceMap([
      { metric: "latency_p50", via: "trailer", commit: "abcdef0123" },
      { metric: "rss", via: "label", label: "bench-accept:rss" },
      { metric: "rss", via: "trailer", commit: "abcdef0123" },
    ]);
    expect([...map]).toEqual([
      ["latency_p50", "`Bench-Accept` trailer in abcdef0"],
      ["rss", "label `bench-accept:rss`"],
    ]);
  });

  describe("on a pull request", () => {
    let server: GitHubServer;

    beforeEach(async () => {
      server = await startGitHubServer();
      await server.addPullRequest({
        ...PR,
        base: { ref: "main", sha: "a".repeat(40) },
        head: { ref: "int8", sha: "b".repeat(40) },
        commits: [
          { sha: "1".repeat(40), message: "Quantize to int8" },
          { sha: "2".repeat(40), message: "Use fewer threads\n\nBench-Accept: throughput" },
        ],
      });
    });

    afterEach(async () => {
      await server.stop();
      await rm(server.storageDir, { recursive: true, force: true });
    });

    const client = () => createGitHubClient({ token: server.token, baseUrl: server.url });

    it("turns a label and a trailer into accepted regressions the gate shows", async () => {
      await server.addLabels(PR.owner, PR.repo, PR.number, ["bench-accept:latency_p50"]);
      const found = await readAcceptances(client(), PR, fast);
      expect(found).toEqual([
        { metric: "latency_p50", via: "label", label: "bench-accept:latency_p50" },
        { metric: "throughput", via: "trailer", commit: "2".repeat(40) },
      ]);
      const gate = evaluateGate(benchRun({ seed: 1 }), benchRun({ seed: 2, latency: 13 }), {
        accepted: acceptanceMap(found),
      });
      expect(gate.verdict).toBe("pass");
      expect(gate.metrics.map((m) => [m.key, m.status, m.note])).toEqual([
        ["latency_p50", "accepted", "accepted by label `bench-accept:latency_p50`"],
        ["throughput", "accepted", "accepted by `Bench-Accept` trailer in 2222222"],
      ]);
    });

    it("follows the pull request as labels change and commits arrive", async () => {
      await server.addLabels(PR.owner, PR.repo, PR.number, ["bench-accept"]);
      expect(
        (await readAcceptances(client(), PR, { ...fast, trailers: false })).map((a) => a.metric),
      ).toEqual(["*"]);
      expect(server.log.some((e) => e.path.endsWith("/commits"))).toBe(false);
      await server.removeLabel(PR.owner, PR.repo, PR.number, "bench-accept");
      await server.pushCommits(PR.owner, PR.repo, PR.number, [
        { sha: "3".repeat(40), message: "Also\n\nBench-Accept: rss, load_time" },
      ]);
      const found = await readAcceptances(client(), PR, fast);
      expect(found.map((a) => a.metric)).toEqual(["throughput", "rss", "load_time"]);
      const slower = evaluateGate(benchRun({ seed: 1 }), benchRun({ seed: 2, latency: 13 }), {
        accepted: acceptanceMap(found),
      });
      expect(slower.regressions).toEqual(["latency_p50"]);
    });

    it("fails with the reason when the pull request cannot be read", async () => {
      await expect(readAcceptances(client(), { ...PR, number: 8 }, fast)).rejects.toMatchObject({
        code: "REMOTE_FAILED",
        message: expect.stringContaining("reading acme/tiny-bert#8 failed (HTTP 404)"),
      });
    });
  });
});
