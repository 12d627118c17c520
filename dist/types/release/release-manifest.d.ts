import type { AuthoredManifest, ReleaseManifest } from "../manifest/types.generated.js";
import type { Artifact } from "../pipeline/artifacts.js";
export interface ReleaseManifestInput {
    authored: AuthoredManifest;
    version: string;
    /** Every file of the release but the two manifests, hashed. */
    artifacts: readonly (Artifact & {
        sha256: string;
    })[];
    timestamp: string;
    training?: Record<string, number | string | boolean>;
    /** One entry per built variant, with its size, compression and error figures. */
    variants?: NonNullable<ReleaseManifest["optimization"]>["variants"];
}
/**
 * manifest.json as `build` writes it (seed 003 §4.4 shape): the model's identity from the
 * authored manifest, every file keyed by its path with size and SHA-256, the Merkle root and the
 * timestamp. `sign` later checks and completes it; nothing in it depends on the clock.
 */
export declare function releaseManifestOf(input: ReleaseManifestInput): ReleaseManifest;
