import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { BASE } from "../manifest/cases.js";
import { repoRoot, scratch } from "../helpers/temp.js";
import { runnerEnv } from "../helpers/runner.js";

/** Runs the committed dist/action.js the way the runner does: a Node 24 process with INPUT_* and GITHUB_* set. */
function runAction(
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, "dist", "action.js")], {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ code, stdout });
    });
  });
}

describe("the built action entry", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
    await tmp.write("models/model.pt", "weights");
  });
  afterEach(() => tmp.remove());

  it("annotates a bad manifest at its line and fails the step", async () => {
    await tmp.write(
      "models/model-publish.yaml",
      BASE.replace("type: text-generation", "type: text-gen"),
    );
    const runner = await runnerEnv(
      tmp.dir,
      { manifest: "models/model-publish.yaml" },
      {
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_REF: "refs/pull/12/merge",
      },
    );
    const { code, stdout } = await runAction(runner.env, tmp.dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /::error title=model-publish%3A invalid manifest,file=models\/model-publish\.yaml,line=4,col=7::text-gen is not an allowed value/,
    );
    expect(stdout).toMatch(/::error::models\/model-publish\.yaml: 1 problem in the manifest/);
    const outputs = await runner.outputs();
    expect(outputs.valid).toBe("false");
    expect(outputs.mode).toBe("check");
    expect(JSON.parse(outputs.errors ?? "[]")).toEqual([
      expect.objectContaining({ line: 4, pointer: "/type" }),
    ]);
    expect(await runner.summary()).toMatch(/1 problem; nothing else ran/);
  });

  it("sets the outputs for a good manifest on a tag push", async () => {
    await tmp.write("models/model-publish.yaml", BASE.replace("1.0.0", "from-tag"));
    const runner = await runnerEnv(
      tmp.dir,
      { manifest: "model-publish.yaml", "working-directory": "models" },
      {
        GITHUB_EVENT_NAME: "push",
        GITHUB_REF: "refs/tags/v2.4.0",
      },
    );
    const { code, stdout } = await runAction(runner.env, tmp.dir);
    expect(stdout).not.toMatch(/::error/);
    expect(code).toBe(0);
    const outputs = await runner.outputs();
    expect(outputs).toMatchObject({
      mode: "release",
      valid: "true",
      "model-id": "tiny-llama",
      version: "2.4.0",
      errors: "[]",
    });
    expect(JSON.parse(outputs.stages ?? "[]")).toEqual(
      expect.arrayContaining(["validate", "convert", "card"]),
    );
    expect(stdout).toMatch(/mode: release \(tag v2\.4\.0 was pushed\)/);
    expect(await runner.summary()).toMatch(/mode <b>release<\/b>/);
  });
});
