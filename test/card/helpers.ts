import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { expect } from "@jest/globals";
import type { CardInput } from "../../src/card/render-card.js";
import { loadCardTemplate } from "../../src/card/card-template.js";
import type { AuthoredManifest } from "../../src/manifest/types.generated.js";
import { validateManifestFile, validateManifestText } from "../../src/manifest/validate.js";
import { repoRoot } from "../helpers/temp.js";

const snapshots = join(repoRoot, "test/card/snapshots");

/**
 * Compares text with a committed snapshot file (readable Markdown, reviewed like code);
 * UPDATE_CARD_SNAPSHOTS=1 rewrites them.
 */
export async function expectSnapshot(name: string, text: string): Promise<void> {
  const path = join(snapshots, name);
  if (process.env.UPDATE_CARD_SNAPSHOTS === "1") {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  expect(text).toBe(await readFile(path, "utf8"));
}

/** A manifest file from the repository, validated, with its template, ready to render. */
export async function exampleInput(relative: string, version?: string): Promise<CardInput> {
  const path = join(repoRoot, relative);
  const result = await validateManifestFile(path);
  if (!result.valid) throw new Error(`${relative} is not valid`);
  return {
    manifest: result.manifest,
    template: await loadCardTemplate(result.manifest, dirname(path)),
    ...(version === undefined ? {} : { version }),
  };
}

/** A manifest from YAML text (validated like a user's). */
export function manifestOf(yaml: string): AuthoredManifest {
  const result = validateManifestText(yaml, "m.yaml");
  if (!result.valid) throw new Error(JSON.stringify(result.issues));
  return result.manifest;
}

export const MINIMAL = `id: tiny
name: Tiny
version: 1.0.0
type: text-generation
license: apache-2.0
sources:
  checkpoint: model.pt
`;
