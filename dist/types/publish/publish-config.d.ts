import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { Destination, DestinationName } from "./destination.js";
import { type GcsOptions } from "./gcs.js";
import { type HuggingFaceOptions } from "./huggingface.js";
import { Secrets } from "./secrets.js";
/** The token variables of the Hub, in the order they are tried (seed 000 §3). */
export declare const HUB_TOKEN_VARIABLES: readonly ["HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HUGGINGFACE_API_KEY"];
export declare const DESTINATION_NAMES: readonly DestinationName[];
/** Settings tests and embedders may pass on top of what the manifest and environment say. */
export interface DestinationOverrides {
    hf?: Partial<HuggingFaceOptions>;
    gcs?: Partial<GcsOptions>;
    pinning?: {
        pollMs?: number;
        timeoutMs?: number;
    };
}
export interface DestinationConfig {
    /** The authored manifest: its `destinations`, `variants` and `signing`. */
    manifest: AuthoredManifest;
    env: NodeJS.ProcessEnv;
    /** Only these (`--to`); default every configured one. */
    only?: readonly DestinationName[];
    overrides?: DestinationOverrides;
}
export interface ConfiguredDestinations {
    destinations: Destination[];
    /** Every token and key value of the environment, never to be printed. */
    secrets: Secrets;
    /** Set when IPFS is configured: its CID then goes into manifest.json on every destination. */
    ipfs?: {
        gateways: string[];
    };
    publicKey?: string;
}
/** The Hub token: HF_TOKEN, then HUGGING_FACE_HUB_TOKEN, then HUGGINGFACE_API_KEY. */
export declare function hubToken(env: NodeJS.ProcessEnv): string | undefined;
/**
 * Secret-looking variables whose values must never show, whatever the manifest names: every
 * `*TOKEN`, `*SECRET`, `*PASSWORD`, `*API_KEY`, `*PRIVATE_KEY`… variable, the Hub token variables,
 * and the variables the manifest names for its signing key, IPFS provider tokens and Storacha
 * agent key and delegation.
 */
export declare function environmentSecrets(env: NodeJS.ProcessEnv, manifest?: AuthoredManifest): Secrets;
/** The Hub's base URL: `HF_ENDPOINT` when set, else https://huggingface.co (no trailing slash). */
export declare function hubUrlFrom(env: NodeJS.ProcessEnv): string;
/**
 * The GCS JSON API endpoint of `STORAGE_EMULATOR_HOST` (a host, or a URL that may end in
 * /storage/v1), or undefined for Google's own with application default credentials.
 */
export declare function gcsEndpointFrom(env: NodeJS.ProcessEnv): string | undefined;
/** A gateway URL as the multiaddr a pinning service fetches from (`/dns/host/tcp/443/https`). */
export declare function gatewayMultiaddr(url: string): string | undefined;
/**
 * The destinations a manifest configures, built from it and the environment: the Hub at
 * `HF_ENDPOINT` (default huggingface.co) with the first token of HF_TOKEN /
 * HUGGING_FACE_HUB_TOKEN / HUGGINGFACE_API_KEY; GCS at `STORAGE_EMULATOR_HOST` when set (else
 * Google, with application default credentials); IPFS providers with the tokens their
 * `tokenEnv` names. Unknown or unconfigured `--to` names are usage errors.
 */
export declare function configureDestinations(config: DestinationConfig): ConfiguredDestinations;
