import { spawn } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { repoRoot, scratch } from "../helpers/temp.js";

const localAction = join(
  repoRoot,
  "node_modules",
  "@github",
  "local-action",
  "bin",
  "local-action.js",
);

/** `local-action run <repo> src/action/main.ts <env file>`, GitHub's tool for running an action locally. */
function runLocalAction(envFile: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [localAction, "run", repoRoot, "src/action/main.ts", envFile],
      {
        // It runs `npm exec tsx`: from the repository, npm finds the installed tsx, not the registry.
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? repoRoot },
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ code, out });
    });
  });
}

describe("the action under @github/local-action", () => {
  it("checks the bundled example offline and sets its outputs", async () => {
    const tmp = await scratch();
    try {
      await cp(join(repoRoot, "examples", "tiny-llama"), join(tmp.dir, "tiny-llama"), {
        recursive: true,
      });
      const envFile = join(tmp.dir, "local.env");
      await writeFile(
        envFile,
        [
          "INPUT_MANIFEST=model-publish.yaml",
          "INPUT_WORKING-DIRECTORY=tiny-llama",
          `INPUT_RELEASE-DIR=${join(tmp.dir, "out")}`,
          "GITHUB_EVENT_NAME=pull_request",
          `GITHUB_EVENT_PATH=${join(repoRoot, "test", "fixtures", "events", "pull-request-opened.json")}`,
          `GITHUB_WORKSPACE=${tmp.dir}`,
          `RUNNER_TEMP=${tmp.dir}`,
          `GITHUB_STEP_SUMMARY=${join(tmp.dir, "summary.md")}`,
          "SOURCE_DATE_EPOCH=1767225600",
          "",
        ].join("\n"),
      );
      await writeFile(join(tmp.dir, "summary.md"), "");
      const { code, out } = await runLocalAction(envFile);
      expect(out.split("\n").filter((l) => /::error|Error/.test(l))).toEqual([]);
      expect(code).toBe(0);
      // local-action collects the outputs itself and prints them as a table.
      const outputs: Record<string, string | undefined> = Object.fromEntries(
        [...out.matchAll(/│ \d+\s+│ '([\w-]+)'\s+│ '([^']*)'\s+│/g)].map((m) => [m[1] ?? "", m[2]]),
      );
      expect(outputs).toMatchObject({ mode: "check", valid: "true", "model-id": "tiny-llama" });
      expect(outputs["merkle-root"]).toMatch(/^[0-9a-f]{64}$/);
      expect(await readFile(join(tmp.dir, "summary.md"), "utf8")).toMatch(
        /What a release would upload/,
      );
    } finally {
      await tmp.remove();
    }
  }, 120_000);
});
