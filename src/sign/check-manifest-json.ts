import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ReleaseManifest, SignedManifest } from "../manifest/types.generated.js";
import { validators } from "../manifest/validate.js";
import { MANIFEST_FILE } from "./release-files.js";
import { schemaErrorText } from "./signed-manifest.js";
import { problem as make, shown, type VerifyProblem } from "./verify-problem.js";

function problem(message: string, path?: string): VerifyProblem {
  return make("manifest", message, path);
}

/**
 * Checks that manifest.json (unsigned, and what most readers look at) says what the signed
 * object says: the same id, version, root, timestamp, and the same digest and size for every file.
 */
export async function checkManifestJson(
  dir: string,
  signed: SignedManifest,
): Promise<VerifyProblem[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8"));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return [problem(`${MANIFEST_FILE} is ${missing ? "missing" : "not valid JSON"}`)];
  }
  const validate = validators().release;
  if (!validate(data)) {
    return [problem(`${MANIFEST_FILE} does not match its schema: ${schemaErrorText(validate)}`)];
  }
  const manifest = data as ReleaseManifest;
  const problems: VerifyProblem[] = [];
  for (const field of ["id", "version", "merkleRoot", "timestamp"] as const) {
    if (manifest[field] !== signed[field]) {
      problems.push(
        problem(
          `${MANIFEST_FILE} says ${field} ${JSON.stringify(manifest[field] ?? null)}, the signed manifest ${JSON.stringify(signed[field])}`,
        ),
      );
    }
  }
  const described = new Set<string>();
  for (const [key, artifact] of Object.entries(manifest.artifacts)) {
    const path = artifact.filename;
    described.add(path);
    const entry = Object.hasOwn(signed.artifacts, path) ? signed.artifacts[path] : undefined;
    if (!entry) {
      problems.push(
        problem(
          `${MANIFEST_FILE} lists ${shown(path)} (artifacts.${shown(key)}), which is not signed`,
          path,
        ),
      );
    } else if (entry.sha256 !== artifact.sha256 || entry.size !== artifact.size) {
      problems.push(
        problem(
          `${MANIFEST_FILE} gives ${shown(path)} sha256 ${artifact.sha256} and ${artifact.size} bytes, the signed manifest ${entry.sha256} and ${entry.size}`,
          path,
        ),
      );
    }
  }
  for (const path of Object.keys(signed.artifacts)) {
    if (!described.has(path)) {
      problems.push(problem(`${MANIFEST_FILE} does not list the signed file ${shown(path)}`, path));
    }
  }
  return problems;
}
