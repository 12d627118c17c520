import type { ReleaseManifest } from "../manifest/types.generated.js";
import { UNIXFS_SETTINGS } from "../formats/unixfs-dag.js";

/**
 * manifest.json as it is published: the signed release's manifest with the IPFS content CID
 * (the directory of the signed files) and the settings it was computed with, and an IPFS entry
 * in `distribution` (seed 003 §4.4 `fallback`). manifest.json is not signed, so this adds no
 * claim the signature has to cover; every destination gets the same bytes.
 */
export function publishedManifest(
  manifest: ReleaseManifest,
  ipfs?: { cid: string; gateways: readonly string[] },
): ReleaseManifest {
  if (ipfs === undefined) return manifest;
  const location = {
    type: "ipfs" as const,
    cid: ipfs.cid,
    ...(ipfs.gateways.length > 0 ? { gateways: [...ipfs.gateways] } : {}),
  };
  return {
    ...manifest,
    distribution: { ...manifest.distribution, fallback: location },
    ipfs: { cid: ipfs.cid, ...UNIXFS_SETTINGS },
  };
}

/** The bytes of a manifest as build and sign write them. */
export function manifestBytes(manifest: ReleaseManifest): Uint8Array {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
}
