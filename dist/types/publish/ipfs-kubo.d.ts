import type { PublishContext, PublishableRelease, ReadBackProblem } from "./destination.js";
import { type IpfsPinState, type IpfsProvider } from "./ipfs-provider.js";
import { type ReleaseDag } from "./release-dag.js";
export interface KuboOptions {
    /** The Kubo RPC API, e.g. `http://127.0.0.1:5001`. */
    url: string;
    /** Sent as `Authorization: Bearer` (Kubo's `API.Authorizations`). */
    token?: string;
}
/**
 * A Kubo node through its RPC API (kubo-rpc-client): the content CAR goes in with
 * `dag/import` and its root is pinned, then the manifests' CAR and the release root. Every call
 * is safe to repeat (blocks are content-addressed, pins idempotent). Read-back exports the
 * root's DAG as a CAR and re-hashes every block.
 */
export declare class KuboProvider implements IpfsProvider {
    readonly label: string;
    private readonly options;
    private client;
    constructor(options: KuboOptions);
    /** The RPC client, loaded on first use: a release without IPFS never pays for it. */
    private rpc;
    private retry;
    private pins;
    state(release: PublishableRelease, dag: ReleaseDag, context: PublishContext): Promise<IpfsPinState>;
    private importAndPin;
    push(release: PublishableRelease, dag: ReleaseDag, state: IpfsPinState, context: PublishContext): Promise<void>;
    readBack(release: PublishableRelease, dag: ReleaseDag, context: PublishContext): Promise<ReadBackProblem[]>;
}
