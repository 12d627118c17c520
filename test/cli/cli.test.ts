import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { BASE } from "../manifest/cases.js";
import { cli } from "../helpers/cli.js";
import { repoRoot, scratch } from "../helpers/temp.js";

const exec = promisify(execFile);

describe("model-publish validate", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
    await tmp.write("model.pt", "weights");
  });
  afterEach(() => tmp.remove());

  it("exits 0 and names the model for a valid manifest", async () => {
    await tmp.write("m.yaml", BASE);
    const { code, stdout } = await cli(["validate", "m.yaml"], tmp.dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/m\.yaml is valid: tiny-llama 1\.0\.0/);
  });

  it("exits 1 and prints every problem as file:line:column with its fix", async () => {
    await tmp.write(
      "m.yaml",
      BASE.replace("type: text-generation", "type: text-gen").concat("licence: mit\n"),
    );
    const { code, stdout } = await cli(["validate", "m.yaml"], tmp.dir);
    expect(code).toBe(1);
    expect(stdout).toContain('m.yaml:4:7: text-gen is not an allowed value for "type" at /type');
    expect(stdout).toContain('fix: did you mean "license"?');
    expect(stdout).toMatch(/2 problems/);
  });

  it("prints exactly one JSON document with --json", async () => {
    await tmp.write("m.yaml", BASE.replace("1.0.0", "1.0"));
    const { code, stdout, stderr } = await cli(["validate", "m.yaml", "--json"], tmp.dir);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    const doc = JSON.parse(stdout) as {
      valid: boolean;
      issues: { line: number; pointer: string; fix: string }[];
    };
    expect(doc.valid).toBe(false);
    expect(doc.issues).toEqual([
      expect.objectContaining({
        line: 3,
        pointer: "/version",
        fix: expect.stringContaining("quote"),
      }),
    ]);
  });

  it("checks only the document with --no-files", async () => {
    await tmp.write("m.yaml", BASE.replace("model.pt", "elsewhere.pt"));
    expect((await cli(["validate", "m.yaml"], tmp.dir)).code).toBe(1);
    expect((await cli(["validate", "--no-files", "m.yaml"], tmp.dir)).code).toBe(0);
  });

  it("exits 2 for a manifest that does not exist", async () => {
    const { code, stderr, stdout } = await cli(["validate", "nope.yaml", "--json"], tmp.dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/nope\.yaml: no such file/);
    expect(JSON.parse(stdout)).toMatchObject({
      error: { code: "MANIFEST_UNREADABLE", exitCode: 2 },
    });
  });
});

describe("usage", () => {
  it("exits 2 on an unknown flag, naming it", async () => {
    const { code, stderr } = await cli(["validate", "--strictest", "m.yaml"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--strictest/);
  });

  it("exits 2 on a missing argument, showing the usage", async () => {
    const { code, stderr } = await cli(["validate"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: model-publish validate <manifest>/);
  });

  it("names an unknown command and where the list is", async () => {
    expect((await cli(["pul", "gs://x"])).stderr).toMatch(
      /unknown command "pul"; run `model-publish --help`/,
    );
    expect((await cli(["publsh"])).stderr).toMatch(/unknown command "publsh"/);
  });

  it("prints help for the tool and for each command", async () => {
    expect((await cli(["--help"])).stdout).toMatch(/Commands:[\s\S]*validate <manifest>/);
    const help = await cli(["plan", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--mode M/);
    expect((await cli([])).code).toBe(2);
  });

  it("prints its version", async () => {
    expect((await cli(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("model-publish plan", () => {
  const manifest = join(repoRoot, "examples", "tiny-llama", "model-publish.yaml");

  it("lists the release stages for the bundled example", async () => {
    const { code, stdout } = await cli(["plan", manifest, "--tag", "v0.1.0"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/tiny-llama 0\.1\.0 — release plan/);
    expect(stdout).toMatch(/▶ validate/);
    expect(stdout).toMatch(/▶ sign/);
    expect(stdout).toMatch(/▶ publish/);
  });

  it("gives the plan as JSON", async () => {
    const { stdout } = await cli(["plan", manifest, "--mode", "check", "--json"]);
    const doc = JSON.parse(stdout) as {
      stages: { name: string; status: string }[];
    };
    expect(doc.stages.map((s) => s.name)).toEqual([
      "validate",
      "convert",
      "quantize",
      "evaluate",
      "card",
      "bench",
    ]);
    expect(doc.stages.find((s) => s.name === "bench")?.status).toBe("skip");
  });

  it("refuses an unknown mode", async () => {
    const { code, stderr } = await cli(["plan", manifest, "--mode", "ship"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--mode must be one of release, check, dry-run/);
  });

  it("shows a manifest's problems instead of a plan", async () => {
    const { code, stdout } = await cli([
      "plan",
      join(repoRoot, "examples", "tiny-llama", "model-publish.yaml"),
      "--mode",
      "release",
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/no tag was pushed/);
  });
});

describe("bin/model-publish (the committed build)", () => {
  it("runs as an executable and returns the exit code", async () => {
    const bin = join(repoRoot, "bin", "model-publish");
    const ok = await exec(bin, ["validate", join(repoRoot, "examples", "minimal.yaml")]);
    expect(ok.stdout).toMatch(/is valid/);
    await expect(exec(bin, ["validate", "--bogus"])).rejects.toMatchObject({ code: 2 });
  });
});
