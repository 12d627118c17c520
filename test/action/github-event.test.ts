import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { readEventFacts, recordingRef } from "../../src/action/github-event.js";
import { repoRoot, scratch } from "../helpers/temp.js";

const events = join(repoRoot, "test", "fixtures", "events");

describe("the event that started the run", () => {
  it("reads the pull request's number, base commit and labels", () => {
    const facts = readEventFacts({
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: join(events, "pull-request-opened.json"),
      GITHUB_REPOSITORY: "acme/models",
    });
    expect(facts).toEqual({
      eventName: "pull_request",
      repository: { owner: "acme", repo: "models" },
      defaultBranch: "main",
      pullRequest: {
        number: 7,
        baseSha: "b4e8a1c2d3f4051627384950a1b2c3d4e5f60718",
        labels: [],
        fromFork: false,
      },
    });
    expect(recordingRef(facts)).toBeUndefined();
  });

  it("records baselines only from the default branch and tags", () => {
    const push = (ref: string, file = "push-main.json") =>
      recordingRef(
        readEventFacts({
          GITHUB_EVENT_NAME: "push",
          GITHUB_REF: ref,
          GITHUB_EVENT_PATH: join(events, file),
        }),
      );
    expect(push("refs/heads/main")).toBe("refs/heads/main");
    expect(push("refs/tags/v1.2.0", "push-tag.json")).toBe("refs/tags/v1.2.0");
    expect(push("refs/heads/feature/x")).toBeUndefined();
    // Without the event file the default branch is unknown: nothing is recorded.
    expect(
      recordingRef(readEventFacts({ GITHUB_EVENT_NAME: "push", GITHUB_REF: "refs/heads/main" })),
    ).toBeUndefined();
  });

  it("marks a pull request from a fork and keeps its labels", async () => {
    const tmp = await scratch();
    try {
      const path = await tmp.write(
        "event.json",
        JSON.stringify({
          pull_request: {
            number: 3,
            labels: [{ name: "bench-accept:latency" }, { id: 1 }],
            head: { repo: { full_name: "mallory/models" } },
            base: { sha: "abc", repo: { full_name: "acme/models" } },
          },
        }),
      );
      expect(readEventFacts({ GITHUB_EVENT_PATH: path }).pullRequest).toEqual({
        number: 3,
        baseSha: "abc",
        labels: ["bench-accept:latency"],
        fromFork: true,
      });
    } finally {
      await tmp.remove();
    }
  });

  it("names the event file when it is not JSON", async () => {
    const tmp = await scratch();
    try {
      const path = await tmp.write("event.json", "{ not json");
      expect(() => readEventFacts({ GITHUB_EVENT_PATH: path })).toThrow(
        /GITHUB_EVENT_PATH .*event\.json: not a readable JSON event/,
      );
    } finally {
      await tmp.remove();
    }
  });
});
