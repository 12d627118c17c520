import type { ValidateFunction } from "ajv";
import type { ReleaseSignature, SignedManifest } from "../manifest/types.generated.js";
import type { FileDigest } from "./hash-files.js";
import { compareUtf8, merkleRoot } from "./merkle.js";

/**
 * The object the signature covers (PRODUCT.md "What is signed"): id, version, every release file
 * but the two manifests with its digest and size, the Merkle root and the timestamp.
 */
export function signedManifestOf(
  id: string,
  version: string,
  files: readonly FileDigest[],
  timestamp: string,
): SignedManifest {
  const ordered = [...files].sort((a, b) => compareUtf8(a.path, b.path));
  const artifacts: SignedManifest["artifacts"] = {};
  for (const file of ordered) artifacts[file.path] = { sha256: file.sha256, size: file.size };
  return { id, version, artifacts, merkleRoot: merkleRoot(ordered), timestamp };
}

/** The signed files as Merkle entries. */
export function signedEntries(manifest: SignedManifest): FileDigest[] {
  return Object.entries(manifest.artifacts).map(([path, { sha256, size }]) => ({
    path,
    sha256,
    size,
  }));
}

/** A short account of ajv errors for a message: `/a/b must be …; /c …`. */
export function schemaErrorText(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}`)
    .join("; ");
}

/** Type guard over the compiled signature schema. */
export function isReleaseSignature(
  validate: ValidateFunction,
  value: unknown,
): value is ReleaseSignature {
  return validate(value);
}
