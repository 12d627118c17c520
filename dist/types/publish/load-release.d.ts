import type { PublishableRelease } from "./destination.js";
export interface LoadReleaseOptions {
    /** Compute the IPFS content CID and put it into manifest.json (IPFS is configured). */
    ipfs?: {
        gateways: readonly string[];
    };
    /** Base64 public key the release must be signed with (the authored `signing.publicKey`). */
    publicKey?: string;
}
/**
 * Reads a signed release folder for publishing. It is verified first against the key in its own
 * signature (or the expected one): a file changed after signing is never published. The files
 * come out artifacts first, in path order, then manifest.json (as published), then
 * manifest.sig.json.
 */
export declare function loadRelease(dir: string, options?: LoadReleaseOptions): Promise<PublishableRelease>;
