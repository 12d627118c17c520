import { type HashProgress } from "./hash-files.js";
import { type InclusionProof } from "./merkle.js";
import { type VerifyProblem } from "./verify-problem.js";
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
/**
 * Verifies a release folder against its signed manifest with a trusted key: the signature, the
 * Merkle root, every file's size and SHA-256, no file missing or unsigned, and manifest.json in
 * agreement. Every problem is reported. With `file`, one file is checked alone: the signature, its
 * digest, and its inclusion proof against the signed root.
 */
export declare function verifyRelease(dir: string, options: VerifyOptions): Promise<VerifyReport>;
