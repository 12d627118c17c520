import { join } from "node:path";
import { ModelPublishError } from "../errors.js";
import type { ReleaseManifest, ReleaseSignature } from "../manifest/types.generated.js";
import { readCheckedJson } from "../manifest/read-checked-json.js";
import { validators } from "../manifest/validate.js";
import { writeFileAtomic } from "./atomic-write.js";
import { encodeBase64 } from "./base64.js";
import { canonicalJsonBytes } from "./canonical-json.js";
import { hashFiles, type FileDigest, type HashProgress } from "./hash-files.js";
import type { SigningKey } from "./keys.js";
import { listReleaseFiles, MANIFEST_FILE, SIGNATURE_FILE } from "./release-files.js";
import { schemaErrorText, signedManifestOf } from "./signed-manifest.js";
import { isUtcTimestamp } from "./timestamp.js";

export interface SignOptions {
  /** Names the key for verifiers' keyrings (seed 003 App. C `keyId`). */
  keyId: string;
  /** RFC 3339 UTC; see `releaseTimestamp()`. */
  timestamp: string;
  concurrency?: number;
  onProgress?: (progress: HashProgress) => void;
}

/** A release folder after `sign`: what was signed, and the two manifests as written. */
export interface SignedRelease {
  dir: string;
  files: FileDigest[];
  manifest: ReleaseManifest;
  signature: ReleaseSignature;
}

function malformed(message: string): ModelPublishError {
  return new ModelPublishError("INPUT_MALFORMED", message);
}

function readReleaseManifest(dir: string): Promise<ReleaseManifest> {
  return readCheckedJson<ReleaseManifest>(join(dir, MANIFEST_FILE), validators().release, {
    unreadable: "`model-publish build` writes it before `sign`",
    invalid: "see schemas/release-manifest.schema.json",
  });
}

/** manifest.json brought into agreement with the signed files: digests, sizes, root, timestamp. */
function updatedManifest(
  manifest: ReleaseManifest,
  files: readonly FileDigest[],
  merkleRoot: string,
  timestamp: string,
): ReleaseManifest {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const listed = new Set<string>();
  const artifacts: ReleaseManifest["artifacts"] = {};
  for (const [key, artifact] of Object.entries(manifest.artifacts)) {
    const file = byPath.get(artifact.filename);
    if (!file) {
      throw malformed(
        `${MANIFEST_FILE}: artifacts.${key}.filename is ${artifact.filename}, which is not a file of the release folder`,
      );
    }
    listed.add(file.path);
    artifacts[key] = { ...artifact, size: file.size, sha256: file.sha256 };
  }
  for (const file of files) {
    if (listed.has(file.path)) continue;
    if (file.path in artifacts) {
      throw malformed(
        `${MANIFEST_FILE}: artifacts.${file.path} names another file than ${file.path}; key artifacts by role or by their own path`,
      );
    }
    artifacts[file.path] = { filename: file.path, size: file.size, sha256: file.sha256 };
  }
  return { ...manifest, artifacts, merkleRoot, timestamp };
}

/**
 * Signs a release folder: hashes every file but the two manifests (streaming, in parallel),
 * builds the signed object with its Merkle root, signs its RFC 8785 canonical JSON with Ed25519,
 * and writes `manifest.json` (updated to agree) and then `manifest.sig.json`, each atomically.
 * Deterministic: the same files, key and timestamp give the same bytes.
 */
export async function signRelease(
  dir: string,
  key: SigningKey,
  options: SignOptions,
): Promise<SignedRelease> {
  if (options.keyId.trim() === "")
    throw new ModelPublishError("USAGE", "sign: the key id is empty");
  if (!isUtcTimestamp(options.timestamp)) {
    throw new ModelPublishError(
      "USAGE",
      `sign: timestamp "${options.timestamp}" is not RFC 3339 UTC, like 2024-05-01T12:00:00Z`,
    );
  }
  const manifest = await readReleaseManifest(dir);
  const { files: paths, problems } = await listReleaseFiles(dir);
  if (problems.length > 0) {
    throw malformed(
      `${dir}: ${problems.map((p) => `${p.path} ${p.reason}`).join("; ")}; a release holds plain files only`,
    );
  }
  const files = await hashFiles(dir, paths, {
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const signed = signedManifestOf(manifest.id, manifest.version, files, options.timestamp);
  const signature: ReleaseSignature = {
    manifest: signed,
    signature: encodeBase64(await key.sign(canonicalJsonBytes(signed))),
    publicKey: key.publicKeyBase64,
    keyId: options.keyId,
  };
  const validate = validators().signature;
  if (!validate(signature)) {
    throw malformed(`${SIGNATURE_FILE} would not match its schema: ${schemaErrorText(validate)}`);
  }
  const updated = updatedManifest(manifest, files, signed.merkleRoot, signed.timestamp);
  await writeFileAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(updated, null, 2)}\n`);
  // The signature goes last: a folder with it is complete (PRODUCT.md "Commit point").
  await writeFileAtomic(join(dir, SIGNATURE_FILE), `${JSON.stringify(signature, null, 2)}\n`);
  return { dir, files, manifest: updated, signature };
}
