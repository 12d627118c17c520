import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import * as library from "../src/index.js";
import { repoRoot } from "./helpers/temp.js";

describe("the library entry", () => {
  it("runs the pipeline a script would call, with progress events", async () => {
    const types: string[] = [];
    const result = await library.runPipeline(
      { manifestPath: join(repoRoot, "examples", "minimal.yaml"), mode: "check" },
      (event) => types.push(event.type),
    );
    expect(result.valid).toBe(true);
    expect(types).toContain("plan");
  });

  it("formats issues the way the CLI prints them", () => {
    const result = library.validateManifestText("id: m\n", "m.yaml");
    expect(result.valid).toBe(false);
    expect(result.issues.map(library.formatIssue).join("\n")).toMatch(
      /^m\.yaml:1:1: missing required field "name"/,
    );
  });

  it("exposes the exit codes scripts branch on", () => {
    expect(library.ExitCode).toEqual({ ok: 0, checkFailed: 1, badInput: 2, remoteFailed: 3 });
    expect(library.exitCodeFor(new library.ModelPublishError("REMOTE_FAILED", "x"))).toBe(3);
    expect(library.exitCodeFor(new Error("bug"))).toBe(2);
  });
});
