import { access, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ModelPublishError } from "../errors.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { CardTemplate } from "./render-card.js";

const DEFAULT_TEMPLATE = join("templates", "model-card.md.jinja");

/**
 * The default template's path. It ships in the package's `templates/` folder, which sits a
 * different number of levels above this code in the sources, `dist/` and the action's bundle,
 * so look upward for it.
 */
export async function defaultTemplatePath(): Promise<string> {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 5; level++) {
    const candidate = join(dir, DEFAULT_TEMPLATE);
    try {
      await access(candidate);
      return candidate;
    } catch {
      dir = dirname(dir);
    }
  }
  throw new ModelPublishError(
    "INPUT_UNSUPPORTED",
    `the default model card template (${DEFAULT_TEMPLATE}) is not installed beside model-publish; reinstall it, or set card.template in the manifest`,
  );
}

/**
 * The template a manifest asks for: its `card.template` (relative to the manifest's folder),
 * or the default one.
 */
export async function loadCardTemplate(
  manifest: AuthoredManifest,
  manifestDir: string,
): Promise<CardTemplate> {
  const custom = manifest.card?.template;
  const path = custom === undefined ? await defaultTemplatePath() : resolve(manifestDir, custom);
  try {
    return { text: await readFile(path, "utf8"), path: custom ?? path };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `card.template ${custom ?? path}: ${code === "ENOENT" ? "no such file" : `cannot read it (${code ?? "error"})`}; the path is relative to the manifest's folder`,
    );
  }
}
