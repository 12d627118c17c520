import { stat } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import type { ManifestIssue } from "./issue.js";
import type { ParsedManifest } from "./parse.js";
import type { AuthoredManifest } from "./types.generated.js";

/** Paths the manifest says exist before the run starts (export outputs are made by the run). */
function declaredFiles(manifest: AuthoredManifest): [pointer: string, path: string][] {
  const { sources, card } = manifest;
  const files: [string, string][] = [];
  for (const key of ["checkpoint", "safetensors", "onnx", "config"] as const) {
    const path = sources[key];
    if (path) files.push([`/sources/${key}`, path]);
  }
  (sources.tokenizer ?? []).forEach((path, index) =>
    files.push([`/sources/tokenizer/${index}`, path]),
  );
  if (card?.template) files.push(["/card/template", card.template]);
  return files;
}

/** One issue per source file that is missing, located at the field that names it. */
export async function checkSourceFiles(
  manifest: AuthoredManifest,
  parsed: ParsedManifest,
  baseDir: string,
): Promise<ManifestIssue[]> {
  const checks = declaredFiles(manifest).map(
    async ([pointer, path]): Promise<ManifestIssue | undefined> => {
      const full = isAbsolute(path) ? path : join(baseDir, path);
      const found = await stat(full).then(
        (s) => s.isFile(),
        () => false,
      );
      if (found) return undefined;
      const position = parsed.locate(pointer);
      return {
        kind: "rule",
        file: parsed.file,
        line: position.line,
        column: position.column,
        pointer,
        message: `file not found: ${path} (looked for ${full})`,
        fix: "correct the path; relative paths start from the manifest's folder",
      };
    },
  );
  return (await Promise.all(checks)).filter((issue) => issue !== undefined);
}
