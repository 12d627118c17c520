import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Files and variables a GitHub runner gives an action step. */
export async function runnerEnv(
  dir: string,
  inputs: Record<string, string>,
  github: Record<string, string>,
  /** @actions/core remembers the first summary path of a process, so in-process tests pass one path. */
  summaryFile = join(dir, "step-summary.md"),
): Promise<{
  env: Record<string, string>;
  outputs: () => Promise<Record<string, string>>;
  summary: () => Promise<string>;
}> {
  const outputFile = join(dir, "github-output");
  await writeFile(outputFile, "");
  await writeFile(summaryFile, "");
  const env: Record<string, string> = {
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    ...github,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return {
    env,
    outputs: async () => parseOutputFile(await readFile(outputFile, "utf8")),
    summary: () => readFile(summaryFile, "utf8"),
  };
}

/** Reads `name<<DELIMITER\nvalue\nDELIMITER` records as the runner does. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? "");
    if (!match?.[1] || !match[2]) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i] ?? "");
    outputs[match[1]] = value.join("\n");
  }
  return outputs;
}
