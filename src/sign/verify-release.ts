import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as ed from "@noble/ed25519";
import { ModelPublishError } from "../errors.js";
import type { ReleaseSignature } from "../manifest/types.generated.js";
import { validators } from "../manifest/validate.js";
import { decodeBase64Strict } from "./base64.js";
import { canonicalJsonBytes } from "./canonical-json.js";
import { checkManifestJson } from "./check-manifest-json.js";
import { keyFingerprint } from "./keys.js";
import { hashFiles, type FileDigest, type HashProgress } from "./hash-files.js";
import { inclusionProof, merkleRoot, verifyInclusion, type InclusionProof } from "./merkle.js";
import { isSafeReleasePath, listReleaseFiles, SIGNATURE_FILE } from "./release-files.js";
import { isReleaseSignature, schemaErrorText, signedEntries } from "./signed-manifest.js";
import { shown, type VerifyProblem } from "./verify-problem.js";

export interface VerifyOptions {
  /** The publisher's public key (raw 32 bytes), trusted. */
  publicKey?: Uint8Array;
  /** Trusted keys by key id; the signature's `keyId` picks one. */
  keyring?: Readonly<Record<string, Uint8Array>>;
  /** Verify this one file (release path) alone, with its inclusion proof. */
  file?: string;
  concurrency?: number;
  onProgress?: (progress: HashProgress) => void;
}

export interface VerifyReport {
  /** True when nothing at all was wrong. */
  ok: boolean;
  dir: string;
  keyId?: string;
  merkleRoot?: string;
  timestamp?: string;
  /** Files whose digests were recomputed, and their bytes. */
  files: number;
  bytes: number;
  problems: VerifyProblem[];
  /** With `file`: the inclusion proof that ties the file to the signed root. */
  proof?: InclusionProof;
}

interface FileCheck {
  problems: VerifyProblem[];
  digests: FileDigest[];
  proof?: InclusionProof;
}

async function readSignature(
  dir: string,
): Promise<{ signature: ReleaseSignature } | { problem: VerifyProblem }> {
  let text: string;
  try {
    text = await readFile(join(dir, SIGNATURE_FILE), "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return {
      problem: {
        kind: "signature-file",
        message: missing
          ? `${SIGNATURE_FILE} is missing: the release is not signed (or not complete)`
          : `${SIGNATURE_FILE} cannot be read`,
      },
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: { kind: "signature-file", message: `${SIGNATURE_FILE} is not valid JSON` } };
  }
  const validate = validators().signature;
  if (!isReleaseSignature(validate, data)) {
    return {
      problem: {
        kind: "signature-file",
        message: `${SIGNATURE_FILE} does not match its schema: ${schemaErrorText(validate)}`,
      },
    };
  }
  return { signature: data };
}

async function checkSignature(
  sig: ReleaseSignature,
  options: VerifyOptions,
): Promise<VerifyProblem[]> {
  const problems: VerifyProblem[] = [];
  const embedded = decodeBase64Strict(sig.publicKey);
  let trusted = options.publicKey;
  if (options.keyring) {
    trusted = Object.hasOwn(options.keyring, sig.keyId) ? options.keyring[sig.keyId] : undefined;
    if (!trusted) {
      problems.push({
        kind: "untrusted-key",
        message: `key id ${JSON.stringify(sig.keyId)} is not in the keyring; the release was signed by a key you do not trust`,
      });
    }
  }
  if (trusted && !embedded?.equals(trusted)) {
    problems.push({
      kind: "untrusted-key",
      // The trusted key is named by fingerprint: a user who passed a private seed by mistake
      // must not see it echoed into a CI log.
      message: `${SIGNATURE_FILE} carries public key ${sig.publicKey}, not the trusted key (fingerprint ${keyFingerprint(trusted)})`,
    });
  }
  const signature = decodeBase64Strict(sig.signature);
  let valid = false;
  if (trusted && signature) {
    try {
      valid = await ed.verifyAsync(signature, canonicalJsonBytes(sig.manifest), trusted, {
        zip215: false,
      });
    } catch {
      valid = false;
    }
  }
  if (trusted && !valid) {
    problems.push({
      kind: "signature",
      message: signature
        ? "the Ed25519 signature does not verify: the signed manifest or the signature was changed, or another key signed it"
        : "the signature is not canonical base64",
    });
  }
  return problems;
}

function compareFile(path: string, actual: FileDigest, sig: ReleaseSignature): VerifyProblem[] {
  const expected = sig.manifest.artifacts[path];
  if (!expected) return [];
  if (actual.size !== expected.size) {
    return [
      {
        kind: "size",
        path,
        message: `${shown(path)} is ${actual.size} bytes, signed as ${expected.size}`,
      },
    ];
  }
  if (actual.sha256 !== expected.sha256) {
    return [
      {
        kind: "digest",
        path,
        message: `${shown(path)} has sha256 ${actual.sha256}, signed as ${expected.sha256}`,
      },
    ];
  }
  return [];
}

async function checkOneFile(
  dir: string,
  file: string,
  sig: ReleaseSignature,
  options: VerifyOptions,
): Promise<FileCheck> {
  const entries = signedEntries(sig.manifest);
  const proof = inclusionProof(entries, file);
  if (!proof || !isSafeReleasePath(file)) {
    return {
      problems: [{ kind: "unlisted", path: file, message: `${shown(file)} is not a signed file` }],
      digests: [],
    };
  }
  let digests: FileDigest[];
  try {
    digests = await hashFiles(
      dir,
      [file],
      options.onProgress ? { onProgress: options.onProgress } : {},
    );
  } catch {
    return {
      problems: [
        { kind: "missing", path: file, message: `${shown(file)} is missing or unreadable` },
      ],
      digests: [],
      proof,
    };
  }
  const problems = digests.flatMap((digest) => compareFile(file, digest, sig));
  if (!verifyInclusion(proof, sig.manifest.merkleRoot)) {
    problems.push({
      kind: "inclusion",
      path: file,
      message: `${shown(file)}'s inclusion proof does not lead to the signed Merkle root`,
    });
  }
  return { problems, digests, proof };
}

async function checkAllFiles(
  dir: string,
  sig: ReleaseSignature,
  options: VerifyOptions,
): Promise<FileCheck> {
  const problems: VerifyProblem[] = [];
  const signedPaths = Object.keys(sig.manifest.artifacts);
  const { files, problems: odd } = await listReleaseFiles(dir);
  for (const { path, reason } of odd) {
    problems.push({ kind: "not-a-file", path, message: `${shown(path)} ${reason}` });
  }
  const present = new Set(files);
  for (const path of files) {
    if (!Object.hasOwn(sig.manifest.artifacts, path)) {
      problems.push({
        kind: "unlisted",
        path,
        message: `${shown(path)} is not covered by the signature`,
      });
    }
  }
  const toHash: string[] = [];
  for (const path of signedPaths) {
    if (!isSafeReleasePath(path)) {
      problems.push({
        kind: "unsafe-path",
        path,
        message: `signed path ${JSON.stringify(path)} is not a plain relative path`,
      });
    } else if (!present.has(path)) {
      problems.push({ kind: "missing", path, message: `${shown(path)} is signed but missing` });
    } else {
      toHash.push(path);
    }
  }
  const digests = await hashFiles(dir, toHash, {
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  for (const digest of digests) problems.push(...compareFile(digest.path, digest, sig));
  return { problems, digests };
}

/**
 * Verifies a release folder against its signed manifest with a trusted key: the signature, the
 * Merkle root, every file's size and SHA-256, no file missing or unsigned, and manifest.json in
 * agreement. Every problem is reported. With `file`, one file is checked alone: the signature, its
 * digest, and its inclusion proof against the signed root.
 */
export async function verifyRelease(dir: string, options: VerifyOptions): Promise<VerifyReport> {
  if (!options.publicKey && !options.keyring) {
    throw new ModelPublishError(
      "USAGE",
      "verify: give a trusted public key (--public-key) or a keyring (--keyring); the key inside manifest.sig.json proves nothing by itself",
    );
  }
  const read = await readSignature(dir);
  if ("problem" in read) return { ok: false, dir, files: 0, bytes: 0, problems: [read.problem] };
  const sig = read.signature;
  const problems = await checkSignature(sig, options);
  const root = merkleRoot(signedEntries(sig.manifest));
  if (root !== sig.manifest.merkleRoot) {
    problems.push({
      kind: "merkle-root",
      message: `the signed Merkle root ${sig.manifest.merkleRoot} is not the root of the signed files (${root})`,
    });
  }
  const checked = options.file
    ? await checkOneFile(dir, options.file.replace(/^(\.\/)+/, ""), sig, options)
    : await checkAllFiles(dir, sig, options);
  problems.push(...checked.problems);
  const proof = checked.proof;
  if (!options.file) problems.push(...(await checkManifestJson(dir, sig.manifest)));
  return {
    ok: problems.length === 0,
    dir,
    keyId: sig.keyId,
    merkleRoot: sig.manifest.merkleRoot,
    timestamp: sig.manifest.timestamp,
    files: checked.digests.length,
    bytes: checked.digests.reduce((sum, digest) => sum + digest.size, 0),
    problems,
    ...(proof ? { proof } : {}),
  };
}
