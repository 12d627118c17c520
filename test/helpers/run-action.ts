import { spawn } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./temp.js";

/**
 * Runs the committed dist/action.js the way the runner does: a Node 24 process (this one's
 * binary) with INPUT_* and GITHUB_* set and nothing else of the test's environment.
 */
export function runAction(
  env: Record<string, string>,
  cwd: string,
  entry = join(repoRoot, "dist", "action.js"),
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], {
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
