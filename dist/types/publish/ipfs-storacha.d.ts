import type { PublishContext, PublishableRelease, ReadBackProblem } from "./destination.js";
import type { IpfsPinState, IpfsProvider } from "./ipfs-provider.js";
import { type StorachaCredentialOptions } from "./ipfs-storacha-auth.js";
import type { ReleaseDag } from "./release-dag.js";
/** Storacha's upload service and its DID. */
export declare const STORACHA_URL = "https://up.storacha.network";
export declare const STORACHA_DID = "did:web:up.storacha.network";
export interface StorachaOptions extends StorachaCredentialOptions {
    /** The upload service (UCAN invocations are POSTed here; receipts under `/receipt/`). */
    url: string;
    /** The service's DID, the audience of every invocation. */
    serviceDid: `did:${string}:${string}`;
}
/**
 * Storacha (https://storacha.network) through its own client, `@storacha/client`: the release
 * goes up as one CAR with `uploadCAR` (sharded, each shard stored with `space/blob/add`, indexed
 * with `space/index/add`, registered with `upload/add` under the content directory), then the
 * release root is registered over the same shards (commit point). The agent acts with its key
 * and the space's delegation, both checked before anything is sent; the key stays in memory.
 * Read-back asks the service for both uploads; the bytes are read back, every block re-hashed,
 * through the gateways of `destinations.ipfs.gateways` (e.g. https://w3s.link).
 */
export declare class StorachaProvider implements IpfsProvider {
    readonly label: string;
    private readonly options;
    private session;
    constructor(options: StorachaOptions);
    /** The client, made on first use; the credentials are checked before it exists. */
    private connect;
    /**
     * Runs one step under the retry policy. The client's own retries are off (`retries: 0`) so that
     * one policy decides; every step is safe to repeat: a blob already stored is not sent again.
     */
    private retry;
    private request;
    /** The upload registered under a root in the space, or undefined. */
    private upload;
    state(_release: PublishableRelease, dag: ReleaseDag, context: PublishContext): Promise<IpfsPinState>;
    push(release: PublishableRelease, dag: ReleaseDag, state: IpfsPinState, context: PublishContext): Promise<void>;
    readBack(_release: PublishableRelease, dag: ReleaseDag, context: PublishContext): Promise<ReadBackProblem[]>;
}
