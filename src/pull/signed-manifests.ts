import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ModelPublishError } from "../errors.js";
import type { ReleaseManifest, ReleaseSignature } from "../manifest/types.generated.js";
import { validators } from "../manifest/validate.js";
import { statusOf, transientVerdict } from "../publish/remote-error.js";
import { withRetry, type RetryHooks, type RetryPolicy } from "../publish/retry.js";
import { decodeBase64Strict } from "../sign/base64.js";
import { MANIFEST_FILE, SIGNATURE_FILE } from "../sign/release-files.js";
import { isReleaseSignature, schemaErrorText } from "../sign/signed-manifest.js";
import { verifyRelease, type VerifyOptions } from "../sign/verify-release.js";
import type { PullSource } from "./pull-source.js";
import { SourceRefusal } from "./source-refusal.js";

/** The two manifests as one source serves them. */
export interface FetchedManifests {
  signature: Uint8Array;
  manifest: Uint8Array;
  from: PullSource;
}

/** Which publisher key a pull trusts. */
export interface PullTrust {
  /** The publisher's Ed25519 public key (raw 32 bytes). */
  publicKey?: Uint8Array;
  /** Trusted keys by key id; the signature's keyId picks one. */
  keyring?: Readonly<Record<string, Uint8Array>>;
  /**
   * No key given: accept the key inside the first signed manifest found, and hold every other
   * source to that same key. This proves the bytes are what someone signed, not who signed them.
   */
  trustEmbeddedKey?: boolean;
}

/** A signed manifest that verified with the trusted key, and what it says. */
export interface CheckedManifests {
  signature: ReleaseSignature;
  manifest: ReleaseManifest;
}

/** Manifests beyond this size are not a release's (a hostile server could send gigabytes). */
const MANIFEST_LIMIT = 64 << 20;

async function readSmall(
  source: PullSource,
  path: string,
  policy: RetryPolicy,
  hooks: RetryHooks,
): Promise<Uint8Array | undefined> {
  const read = async (): Promise<Uint8Array | undefined> => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for await (const chunk of await source.read(path, 0, hooks.signal)) {
        size += chunk.length;
        if (size > MANIFEST_LIMIT) {
          throw new SourceRefusal(path, `${path} there is over ${MANIFEST_LIMIT} bytes`);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
    return Buffer.concat(chunks);
  };
  return withRetry(
    `downloading ${path}`,
    read,
    (error) => (error instanceof SourceRefusal ? { retry: false } : transientVerdict(error)),
    policy,
    hooks,
  );
}

/**
 * Reads manifest.sig.json and manifest.json from a source. Without manifest.sig.json (uploaded
 * last, the commit point) the release is incomplete there: a {@link SourceRefusal} that says so.
 */
export async function fetchManifests(
  source: PullSource,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<FetchedManifests> {
  const signature = await readSmall(source, SIGNATURE_FILE, policy, hooks);
  if (signature === undefined) {
    throw new SourceRefusal(
      SIGNATURE_FILE,
      `${source.target} has no ${SIGNATURE_FILE}: the release is incomplete there (the signed manifest goes up last)`,
      "incomplete",
    );
  }
  const manifest = await readSmall(source, MANIFEST_FILE, policy, hooks);
  if (manifest === undefined) {
    throw new SourceRefusal(
      MANIFEST_FILE,
      `${source.target} has ${SIGNATURE_FILE} but no ${MANIFEST_FILE}`,
    );
  }
  return { signature, manifest, from: source };
}

function keyOptions(trust: PullTrust, signature: ReleaseSignature): VerifyOptions {
  if (trust.keyring !== undefined) return { keyring: trust.keyring };
  if (trust.publicKey !== undefined) return { publicKey: trust.publicKey };
  const embedded = decodeBase64Strict(signature.publicKey);
  if (trust.trustEmbeddedKey === true && embedded?.length === 32) {
    return { publicKey: Uint8Array.from(embedded) };
  }
  if (trust.trustEmbeddedKey === true) {
    throw new SourceRefusal(SIGNATURE_FILE, `${SIGNATURE_FILE}: publicKey is not an Ed25519 key`);
  }
  throw new ModelPublishError(
    "USAGE",
    "pull: no trusted key; give the publisher's public key (--public-key), or pull with the authored manifest that names it (signing.publicKey)",
  );
}

/**
 * With `trustEmbeddedKey` and no key yet: takes the key of the first signed manifest that
 * verified as the trusted one for the rest of the pull, and returns it (else undefined).
 */
export function pinEmbeddedKey(
  trust: PullTrust,
  signature: ReleaseSignature,
): Uint8Array | undefined {
  if (trust.trustEmbeddedKey !== true || trust.publicKey !== undefined) return undefined;
  if (trust.keyring !== undefined) return undefined;
  const key = decodeBase64Strict(signature.publicKey);
  if (key === undefined) return undefined;
  trust.publicKey = Uint8Array.from(key);
  return trust.publicKey;
}

/**
 * Writes the two manifests into the (otherwise empty) staging folder and verifies them with
 * `verifyRelease` before any artifact is fetched: the Ed25519 signature with the trusted key,
 * the Merkle root, plain relative paths, and manifest.json in agreement. Only the artifacts are
 * missing yet; anything else wrong refuses the source. The release must be the one asked for.
 */
export async function checkManifests(
  staging: string,
  fetched: FetchedManifests,
  trust: PullTrust,
  expected: { id?: string; version?: string },
): Promise<CheckedManifests> {
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(fetched.signature).toString("utf8"));
  } catch {
    throw new SourceRefusal(SIGNATURE_FILE, `${SIGNATURE_FILE} there is not valid JSON`);
  }
  const validate = validators().signature;
  if (!isReleaseSignature(validate, data)) {
    throw new SourceRefusal(
      SIGNATURE_FILE,
      `${SIGNATURE_FILE} there does not match its schema: ${schemaErrorText(validate)}`,
    );
  }
  const options = keyOptions(trust, data);
  await writeFile(join(staging, SIGNATURE_FILE), fetched.signature);
  await writeFile(join(staging, MANIFEST_FILE), fetched.manifest);
  const report = await verifyRelease(staging, options);
  const problems = report.problems.filter((p) => p.kind !== "missing");
  const first = problems[0];
  if (first !== undefined) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : "";
    const file = first.kind === "manifest" ? MANIFEST_FILE : SIGNATURE_FILE;
    throw new SourceRefusal(file, `${first.message}${more}`);
  }
  const { id, version } = data.manifest;
  if (
    (expected.id !== undefined && id !== expected.id) ||
    (expected.version !== undefined && version !== expected.version)
  ) {
    throw new SourceRefusal(
      SIGNATURE_FILE,
      `it holds ${id} ${version}, not ${expected.id ?? id} ${expected.version ?? version} as asked`,
    );
  }
  // checkManifestJson has held manifest.json to the release schema.
  const manifest = JSON.parse(Buffer.from(fetched.manifest).toString("utf8")) as ReleaseManifest;
  return { signature: data, manifest };
}
