import { describe, expect, it } from "@jest/globals";
import { deriveMode } from "../../src/pipeline/mode.js";

describe("deriveMode", () => {
  it("releases on a tag push", () => {
    expect(deriveMode({ eventName: "push", ref: "refs/tags/v1.0.0" })).toMatchObject({
      mode: "release",
      tag: "v1.0.0",
    });
  });

  it("checks on pull requests", () => {
    expect(deriveMode({ eventName: "pull_request", ref: "refs/pull/7/merge" }).mode).toBe("check");
    expect(deriveMode({ eventName: "pull_request_target" }).mode).toBe("check");
  });

  it("plans without side effects on a branch push or outside GitHub", () => {
    expect(deriveMode({ eventName: "push", ref: "refs/heads/main" }).mode).toBe("dry-run");
    expect(deriveMode({}).reason).toMatch(/not running for a GitHub event/);
  });

  it("lets an explicit mode win and keeps the tag", () => {
    expect(deriveMode({ eventName: "push", ref: "refs/tags/v2.0.0" }, "dry-run")).toEqual({
      mode: "dry-run",
      reason: "mode set to dry-run",
      tag: "v2.0.0",
    });
  });
});
