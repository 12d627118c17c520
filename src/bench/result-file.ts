import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { ModelPublishError } from "../errors.js";
import type { BenchResult, BenchResultFile } from "../manifest/types.generated.js";
import { validators } from "../manifest/validate.js";
import { schemaErrorText } from "../sign/signed-manifest.js";

/** Reads and checks a bench-result file (schemas/bench-result.schema.json). */
export async function readBenchResults(path: string): Promise<BenchResultFile> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${path}: ${missing ? "no such file" : "not valid JSON"}; benchmark results follow schemas/bench-result.schema.json`,
    );
  }
  const validate = validators().benchResult;
  if (!validate(data)) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${path}: ${schemaErrorText(validate)}; benchmark results follow schemas/bench-result.schema.json`,
    );
  }
  return data as BenchResultFile;
}

/** Every `*.json` a custom benchmark command wrote into `dir`, merged in file-name order. */
export async function readResultsFolder(dir: string): Promise<BenchResult[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  const results: BenchResult[] = [];
  for (const name of names) results.push(...(await readBenchResults(join(dir, name))).results);
  return results;
}
