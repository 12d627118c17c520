import type { ReleaseManifest, ReleaseSignature } from "../manifest/types.generated.js";
import { type RetryHooks, type RetryPolicy } from "../publish/retry.js";
import type { PullSource } from "./pull-source.js";
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
/**
 * Reads manifest.sig.json and manifest.json from a source. Without manifest.sig.json (uploaded
 * last, the commit point) the release is incomplete there: a {@link SourceRefusal} that says so.
 */
export declare function fetchManifests(source: PullSource, policy: RetryPolicy, hooks?: RetryHooks): Promise<FetchedManifests>;
/**
 * With `trustEmbeddedKey` and no key yet: takes the key of the first signed manifest that
 * verified as the trusted one for the rest of the pull, and returns it (else undefined).
 */
export declare function pinEmbeddedKey(trust: PullTrust, signature: ReleaseSignature): Uint8Array | undefined;
/**
 * Writes the two manifests into the (otherwise empty) staging folder and verifies them with
 * `verifyRelease` before any artifact is fetched: the Ed25519 signature with the trusted key,
 * the Merkle root, plain relative paths, and manifest.json in agreement. Only the artifacts are
 * missing yet; anything else wrong refuses the source. The release must be the one asked for.
 */
export declare function checkManifests(staging: string, fetched: FetchedManifests, trust: PullTrust, expected: {
    id?: string;
    version?: string;
}): Promise<CheckedManifests>;
