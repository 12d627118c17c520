import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ModelPublishError } from "../errors.js";
import type { BenchResult } from "../manifest/types.generated.js";
import { readResultsFolder } from "./result-file.js";

/**
 * Runs a user's benchmark command (a PyTorch, vLLM or llama.cpp script) in a shell from the
 * manifest's folder. It writes bench-result JSON files into `$MODEL_PUBLISH_BENCH_OUT`; their
 * results are checked against the schema and returned. A failing command fails the benchmark.
 */
export async function runCustomBenchmark(
  command: string,
  cwd: string,
  onOutput: (text: string) => void = () => undefined,
): Promise<BenchResult[]> {
  const out = await mkdtemp(join(tmpdir(), "model-publish-bench-"));
  try {
    const tail: string[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(command, {
        cwd,
        shell: true,
        env: { ...process.env, MODEL_PUBLISH_BENCH_OUT: out },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const collect = (chunk: Buffer): void => {
        const text = chunk.toString();
        onOutput(text);
        tail.push(...text.split("\n").filter(Boolean));
        tail.splice(0, Math.max(0, tail.length - 10));
      };
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      child.on("error", reject);
      child.on("close", resolve);
    });
    if (code !== 0) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `benchmark command exited ${String(code)}: ${command}\n${tail.join("\n")}`,
      );
    }
    const results = await readResultsFolder(out);
    if (results.length === 0) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `benchmark command wrote no results; it must write bench-result JSON files into $MODEL_PUBLISH_BENCH_OUT`,
      );
    }
    return results;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
