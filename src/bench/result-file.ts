import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { BenchResult, BenchResultFile } from "../manifest/types.generated.js";
import { validators } from "../manifest/validate.js";
import { readCheckedJson } from "../manifest/read-checked-json.js";

/** Reads and checks a bench-result file (schemas/bench-result.schema.json). */
export function readBenchResults(path: string): Promise<BenchResultFile> {
  const fix = "benchmark results follow schemas/bench-result.schema.json";
  return readCheckedJson<BenchResultFile>(path, validators().benchResult, {
    unreadable: fix,
    invalid: fix,
  });
}

/** Every `*.json` a custom benchmark command wrote into `dir`, merged in file-name order. */
export async function readResultsFolder(dir: string): Promise<BenchResult[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  const results: BenchResult[] = [];
  for (const name of names) results.push(...(await readBenchResults(join(dir, name))).results);
  return results;
}
