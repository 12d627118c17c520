import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { DestinationName } from "../publish/destination.js";
/** Where a release is, as the user named it (a URL) or the authored manifest configures it. */
export type SourceSpec = {
    kind: "gcs";
    bucket: string;
    folder: string;
}
/** Without a CID, the release's content CID is read from manifest.json as another source has it. */
 | {
    kind: "ipfs";
    cid?: string;
    gateways: string[];
} | {
    kind: "hf";
    repo: string;
    revision: string;
};
/** The order sources named by an authored manifest are tried in: the CDN, then IPFS, then the Hub. */
export declare const DEFAULT_ORDER: readonly DestinationName[];
/**
 * A source named by URL: `gs://bucket/prefix/id/v1.2.0/` (the version folder), `ipfs://<root
 * CID>` (the release root that publish prints), `hf://owner/name@v1.2.0` (a revision; without
 * `@`, the tag `v{version}`). Undefined for anything else (a manifest path).
 */
export declare function parseSourceUrl(text: string, version?: string): SourceSpec | undefined;
/**
 * The sources an authored manifest configures for a version, in the default order (GCS, IPFS,
 * the Hub): its bucket folder, its IPFS gateways, its Hub repository at the tag `v{version}`.
 */
export declare function manifestSources(manifest: AuthoredManifest, version: string): SourceSpec[];
/** Parses `--from gcs,ipfs,hf`. */
export declare function parseOrder(text: string): DestinationName[];
/** Keeps the sources of the kinds named, ordered as named (stable within a kind). */
export declare function orderSources(specs: readonly SourceSpec[], order: readonly DestinationName[]): SourceSpec[];
