import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { parse } from "yaml";
import { validateManifestFile } from "../../src/manifest/validate.js";
import { repoRoot } from "../helpers/temp.js";

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[] }>;
}
interface ActionYml {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

const workflowsDir = join(repoRoot, ".github", "workflows");

describe("the workflows in .github/workflows", () => {
  it("give the action only inputs it has, read only outputs it sets, and valid manifests", async () => {
    const action = parse(await readFile(join(repoRoot, "action.yml"), "utf8")) as ActionYml;
    const files = (await readdir(workflowsDir)).filter((f) => f.endsWith(".yml"));
    expect(files.sort()).toEqual(["ci.yml", "gpu-bench.yml", "pr-check.yml", "release.yml"]);
    for (const file of files) {
      const text = await readFile(join(workflowsDir, file), "utf8");
      const workflow = parse(text) as Workflow;
      for (const job of Object.values(workflow.jobs)) {
        const ours = job.steps.filter((s) => s.uses === "./");
        for (const step of ours) {
          for (const name of Object.keys(step.with ?? {})) {
            expect(`${file}: ${name}`).toBe(
              `${file}: ${Object.hasOwn(action.inputs, name) ? name : "(not an input)"}`,
            );
          }
          const manifest = step.with?.manifest;
          if (typeof manifest === "string") {
            const checked = await validateManifestFile(join(repoRoot, manifest));
            expect(`${file}: ${manifest} ${String(checked.valid)}`).toBe(
              `${file}: ${manifest} true`,
            );
          }
          for (const match of text.matchAll(
            new RegExp(`steps\\.${step.id ?? "-"}\\.outputs\\.([\\w-]+)`, "g"),
          )) {
            const output = match[1] ?? "";
            expect(`${file}: ${output}`).toBe(
              `${file}: ${Object.hasOwn(action.outputs, output) ? output : "(not an output)"}`,
            );
          }
        }
      }
    }
  });

  it("never hand a pull request's code secrets on a self-hosted runner", async () => {
    const text = await readFile(join(workflowsDir, "gpu-bench.yml"), "utf8");
    expect(text).not.toMatch(/secrets\./);
    expect(text).not.toMatch(/pull_request_target/);
    const workflow = parse(text) as { jobs: Record<string, { if?: string }> };
    expect(workflow.jobs.bench?.if).toMatch(/head\.repo\.full_name == github\.repository/);
  });
});
