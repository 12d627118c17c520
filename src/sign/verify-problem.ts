/** What kind of mismatch verification found; scripts branch on it. */
export type VerifyProblemKind =
  /** manifest.sig.json is missing, not JSON, or not its schema. */
  | "signature-file"
  /** The signature does not verify over the signed object with the trusted key. */
  | "signature"
  /** The key in manifest.sig.json is not the trusted one, or its key id is not in the keyring. */
  | "untrusted-key"
  /** The signed Merkle root is not the root of the signed files. */
  | "merkle-root"
  /** A signed path that could leave the release folder. */
  | "unsafe-path"
  /** A signed file is not in the folder. */
  | "missing"
  /** A file in the folder that the signature does not cover. */
  | "unlisted"
  /** Not a regular file (a link, a device). */
  | "not-a-file"
  | "size"
  | "digest"
  /** An inclusion proof that does not lead to the signed root. */
  | "inclusion"
  /** manifest.json is missing, malformed, or disagrees with the signed object. */
  | "manifest";

/** One thing wrong with a release; verification reports all of them, not just the first. */
export interface VerifyProblem {
  kind: VerifyProblemKind;
  /** The release file concerned, when there is one. */
  path?: string;
  message: string;
}

/** A problem, with its path when it concerns one file. */
export function problem(kind: VerifyProblemKind, message: string, path?: string): VerifyProblem {
  return path === undefined ? { kind, message } : { kind, path, message };
}

/**
 * A name from a release (a path, a key id) as it may appear in a message: quoted and escaped when
 * it holds control characters, so a hostile file name cannot forge lines in a CI log.
 */
export function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(text) ? JSON.stringify(text) : text;
}
