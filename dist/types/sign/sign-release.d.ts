import type { ReleaseManifest, ReleaseSignature } from "../manifest/types.generated.js";
import { type FileDigest, type HashProgress } from "./hash-files.js";
import type { SigningKey } from "./keys.js";
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
/**
 * Signs a release folder: hashes every file but the two manifests (streaming, in parallel),
 * builds the signed object with its Merkle root, signs its RFC 8785 canonical JSON with Ed25519,
 * and writes `manifest.json` (updated to agree) and then `manifest.sig.json`, each atomically.
 * Deterministic: the same files, key and timestamp give the same bytes.
 */
export declare function signRelease(dir: string, key: SigningKey, options: SignOptions): Promise<SignedRelease>;
