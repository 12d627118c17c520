import type { ReleaseManifest } from "../manifest/types.generated.js";
/**
 * manifest.json as it is published: the signed release's manifest with the IPFS content CID
 * (the directory of the signed files) and the settings it was computed with, and an IPFS entry
 * in `distribution` (seed 003 §4.4 `fallback`). manifest.json is not signed, so this adds no
 * claim the signature has to cover; every destination gets the same bytes.
 */
export declare function publishedManifest(manifest: ReleaseManifest, ipfs?: {
    cid: string;
    gateways: readonly string[];
}): ReleaseManifest;
/** The bytes of a manifest as build and sign write them. */
export declare function manifestBytes(manifest: ReleaseManifest): Uint8Array;
