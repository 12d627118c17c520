import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { BASE } from "../manifest/cases.js";
import { repoRoot, scratch } from "../helpers/temp.js";
import { runnerEnv } from "../helpers/runner.js";
import { runAction } from "../helpers/run-action.js";

describe("the built action entry", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
    await mkdir(join(tmp.dir, "models"), { recursive: true });
    await copyFile(
      join(repoRoot, "examples", "tiny-llama", "model.pt"),
      join(tmp.dir, "models", "model.pt"),
    );
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

  it("builds and signs a release on a tag push, sets the outputs, and never prints the key", async () => {
    await tmp.write("models/model-publish.yaml", BASE.replace("1.0.0", "from-tag"));
    const seed = Buffer.alloc(32, 9).toString("base64");
    const runner = await runnerEnv(
      tmp.dir,
      {
        manifest: "model-publish.yaml",
        "working-directory": "models",
        "release-dir": "out",
        "signing-key": seed,
      },
      {
        GITHUB_EVENT_NAME: "push",
        GITHUB_REF: "refs/tags/v2.4.0",
        SOURCE_DATE_EPOCH: "1767225600",
      },
    );
    const { code, stdout } = await runAction(runner.env, tmp.dir);
    expect(stdout).not.toMatch(/::error/);
    expect(code).toBe(0);
    expect(stdout.split(seed)).toHaveLength(2);
    expect(stdout).toContain(`::add-mask::${seed}`);
    expect((await readdir(join(tmp.dir, "out"))).sort()).toEqual([
      "README.md",
      "manifest.json",
      "manifest.sig.json",
      "tiny-llama.safetensors",
    ]);
    const manifestBytes = await readFile(join(tmp.dir, "out", "manifest.json"));
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
    expect(outputs["manifest-sha256"]).toBe(
      createHash("sha256").update(manifestBytes).digest("hex"),
    );
    expect(outputs["merkle-root"]).toMatch(/^[0-9a-f]{64}$/);
    expect(outputs["release-dir"]).toBe(join(tmp.dir, "out"));
    expect(stdout).toMatch(/mode: release \(tag v2\.4\.0 was pushed\)/);
    const summary = await runner.summary();
    expect(summary).toMatch(/mode <b>release<\/b>/);
    expect(summary).toMatch(/Built 2 files, signed by <code>[0-9a-f]{16}<\/code>/);
  });
});
