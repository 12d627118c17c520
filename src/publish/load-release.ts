import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ModelPublishError } from "../errors.js";
import type { ReleaseManifest, ReleaseSignature } from "../manifest/types.generated.js";
import { validators } from "../manifest/validate.js";
import { decodeBase64Strict } from "../sign/base64.js";
import { compareUtf8 } from "../sign/merkle.js";
import { MANIFEST_FILE, SIGNATURE_FILE } from "../sign/release-files.js";
import { isReleaseSignature, schemaErrorText } from "../sign/signed-manifest.js";
import { verifyRelease } from "../sign/verify-release.js";
import type { PublishableRelease, ReleaseFile } from "./destination.js";
import { manifestBytes, publishedManifest } from "./published-manifest.js";
import { contentDirectory } from "./release-dag.js";

export interface LoadReleaseOptions {
  /** Compute the IPFS content CID and put it into manifest.json (IPFS is configured). */
  ipfs?: { gateways: readonly string[] };
  /** Base64 public key the release must be signed with (the authored `signing.publicKey`). */
  publicKey?: string;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function readJson(dir: string, name: string): Promise<unknown> {
  const path = join(dir, name);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${path}: missing or unreadable; publish takes a release folder made by \`model-publish build\` and \`sign\``,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ModelPublishError("INPUT_MALFORMED", `${path}: not valid JSON; build and sign again`);
  }
}

async function readSignature(dir: string): Promise<ReleaseSignature> {
  const data = await readJson(dir, SIGNATURE_FILE);
  const validate = validators().signature;
  if (!isReleaseSignature(validate, data)) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${join(dir, SIGNATURE_FILE)}: ${schemaErrorText(validate)}; sign the release again`,
    );
  }
  return data;
}

/**
 * Reads a signed release folder for publishing. It is verified first against the key in its own
 * signature (or the expected one): a file changed after signing is never published. The files
 * come out artifacts first, in path order, then manifest.json (as published), then
 * manifest.sig.json.
 */
export async function loadRelease(
  dir: string,
  options: LoadReleaseOptions = {},
): Promise<PublishableRelease> {
  const signature = await readSignature(dir);
  const key = decodeBase64Strict(signature.publicKey);
  if (key === undefined || key.length !== 32) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${join(dir, SIGNATURE_FILE)}: publicKey is not a base64 Ed25519 key`,
    );
  }
  if (options.publicKey !== undefined && options.publicKey !== signature.publicKey) {
    throw new ModelPublishError(
      "VERIFY_FAILED",
      `${join(dir, SIGNATURE_FILE)}: signed with public key ${signature.publicKey}, but the manifest's signing.publicKey is ${options.publicKey}; sign with the right key`,
    );
  }
  const report = await verifyRelease(dir, { publicKey: key });
  if (!report.ok) {
    const shown = report.problems.slice(0, 5).map((p) => p.message);
    throw new ModelPublishError(
      "VERIFY_FAILED",
      `${dir} does not match its signature, so it is not published: ${shown.join("; ")}${report.problems.length > 5 ? `; and ${report.problems.length - 5} more` : ""}; build and sign it again`,
    );
  }
  const manifest = (await readJson(dir, MANIFEST_FILE)) as ReleaseManifest;
  const variants = new Map(
    Object.values(manifest.artifacts).flatMap((a) =>
      a.variant === undefined ? [] : [[a.filename, a.variant] as const],
    ),
  );
  const artifacts: ReleaseFile[] = Object.entries(signature.manifest.artifacts)
    .sort(([a], [b]) => compareUtf8(a, b))
    .map(([path, entry]) => {
      const variant = variants.get(path);
      return {
        path,
        size: entry.size,
        sha256: entry.sha256,
        kind: "artifact" as const,
        source: { file: join(dir, path) },
        ...(variant === undefined ? {} : { variant }),
      };
    });
  const ipfsContent = options.ipfs === undefined ? undefined : await contentDirectory(artifacts);
  const published = publishedManifest(
    manifest,
    ipfsContent === undefined || options.ipfs === undefined
      ? undefined
      : { cid: ipfsContent.root.toString(), gateways: options.ipfs.gateways },
  );
  const validate = validators().release;
  if (!validate(published)) {
    throw new ModelPublishError(
      "OUTPUT_MISMATCH",
      `${MANIFEST_FILE} as published would not match its schema: ${schemaErrorText(validate)}`,
    );
  }
  const publishedBytes = manifestBytes(published);
  const signatureBytes = await readFile(join(dir, SIGNATURE_FILE));
  const files: ReleaseFile[] = [
    ...artifacts,
    {
      path: MANIFEST_FILE,
      size: publishedBytes.length,
      sha256: sha256(publishedBytes),
      kind: "manifest",
      source: { bytes: publishedBytes },
    },
    {
      path: SIGNATURE_FILE,
      size: signatureBytes.length,
      sha256: sha256(signatureBytes),
      kind: "signature",
      source: { bytes: new Uint8Array(signatureBytes) },
    },
  ];
  return {
    dir,
    id: signature.manifest.id,
    version: signature.manifest.version,
    files,
    signed: signature.manifest,
    manifest: published,
    ...(ipfsContent === undefined ? {} : { ipfsContent }),
  };
}
