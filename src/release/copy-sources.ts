import { copyFile, mkdir, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { ModelPublishError } from "../errors.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { Artifact, ArtifactFormat, ArtifactRole } from "../pipeline/artifacts.js";

interface Copy {
  from: string;
  to: string;
  role: ArtifactRole;
  format: ArtifactFormat;
  field: string;
}

function formatOf(name: string): ArtifactFormat {
  if (name.endsWith(".json")) return "json";
  if (name.endsWith(".onnx")) return "onnx";
  if (name.endsWith(".safetensors")) return "safetensors";
  if (name.endsWith(".md")) return "markdown";
  return "other";
}

/** The files a release takes from the sources unchanged, and where they go in it. */
function plannedCopies(manifest: AuthoredManifest): Copy[] {
  const { sources } = manifest;
  const copies: Copy[] = [];
  if (sources.safetensors) {
    copies.push({
      from: sources.safetensors,
      to: `${manifest.id}.safetensors`,
      role: "weights",
      format: "safetensors",
      field: "sources.safetensors",
    });
  }
  if (sources.onnx) {
    copies.push({
      from: sources.onnx,
      to: "onnx/model.onnx",
      role: "weights",
      format: "onnx",
      field: "sources.onnx",
    });
  }
  if (sources.config) {
    copies.push({
      from: sources.config,
      to: "config.json",
      role: "config",
      format: "json",
      field: "sources.config",
    });
  }
  (sources.tokenizer ?? []).forEach((path, index) => {
    const name = basename(path);
    copies.push({
      from: path,
      to: name,
      role: "tokenizer",
      format: formatOf(name),
      field: `sources.tokenizer[${index}]`,
    });
  });
  return copies;
}

/**
 * Copies the sources a release carries as they are (existing safetensors, an ONNX export, config
 * and tokenizer files) into the release folder. Two sources landing on one name is an error.
 */
export async function copySources(
  manifest: AuthoredManifest,
  manifestDir: string,
  releaseDir: string,
): Promise<Artifact[]> {
  const copies = plannedCopies(manifest);
  const taken = new Map<string, string>();
  for (const copy of copies) {
    const other = taken.get(copy.to);
    if (other) {
      throw new ModelPublishError(
        "MANIFEST_INVALID",
        `${copy.field} and ${other} would both be ${copy.to} in the release; rename one of the files`,
      );
    }
    taken.set(copy.to, copy.field);
  }
  const artifacts: Artifact[] = [];
  for (const copy of copies) {
    artifacts.push(
      await copyIntoRelease(
        resolve(manifestDir, copy.from),
        releaseDir,
        copy.to,
        copy.role,
        copy.format,
      ),
    );
  }
  return artifacts;
}

/** Copies one file into the release folder at `path` (relative, with `/`). */
export async function copyIntoRelease(
  from: string,
  releaseDir: string,
  path: string,
  role: ArtifactRole,
  format: ArtifactFormat,
): Promise<Artifact> {
  const file = join(releaseDir, path);
  await mkdir(dirname(file), { recursive: true });
  await copyFile(from, file);
  const { size } = await stat(file);
  return { path, file, size, role, format };
}
