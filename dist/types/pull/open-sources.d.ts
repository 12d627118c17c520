import type { PullSource } from "./pull-source.js";
import type { SourceSpec } from "./source-spec.js";
/** The public gateway an IPFS source uses when neither the manifest nor `--gateway` names one. */
export declare const DEFAULT_GATEWAY = "https://ipfs.io";
export interface OpenSourcesOptions {
    /** Endpoints and tokens, as publish reads them: HF_ENDPOINT, HF_TOKEN…, STORAGE_EMULATOR_HOST. */
    env: NodeJS.ProcessEnv;
    /** Gateways for every IPFS source, instead of those the manifest names. */
    gateways?: readonly string[];
}
/**
 * The sources to read, in order. An IPFS source becomes one source per gateway, tried in turn
 * (the manifest's gateways, `gateways` when given, else {@link DEFAULT_GATEWAY}).
 */
export declare function openSources(specs: readonly SourceSpec[], options: OpenSourcesOptions): PullSource[];
