import type { PublishContext, PublishableRelease, ReadBackProblem } from "./destination.js";
import { type IpfsPinState, type IpfsProvider } from "./ipfs-provider.js";
import type { ReleaseDag } from "./release-dag.js";
export interface PinningOptions {
    /** The service's API endpoint (requests go to `{url}/pins`). */
    url: string;
    token: string;
    /** Multiaddrs the service fetches the DAG from (a node or gateway that has it). */
    origins: string[];
    /** Pause between status polls (default 1 s) and how long to wait for `pinned` (default 30 min). */
    pollMs?: number;
    timeoutMs?: number;
}
/**
 * An IPFS Pinning Service (https://ipfs.github.io/pinning-services-api-spec/): the content CID
 * is pinned first, then the release root, each with `origins` so the service can fetch the DAG,
 * polled until `pinned`. `POST /pins` is not idempotent, so every attempt first looks for a
 * request already made for the CID: a re-run or a lost answer never makes a second pin.
 */
export declare class PinningProvider implements IpfsProvider {
    readonly label: string;
    private readonly options;
    constructor(options: PinningOptions);
    private call;
    private retry;
    private list;
    /** The best request for a CID: pinned first, then in progress; failed ones do not count. */
    private find;
    state(release: PublishableRelease, dag: ReleaseDag, context: PublishContext): Promise<IpfsPinState>;
    private request;
    private pin;
    push(release: PublishableRelease, dag: ReleaseDag, state: IpfsPinState, context: PublishContext): Promise<void>;
    readBack(_release: PublishableRelease, dag: ReleaseDag, context: PublishContext): Promise<ReadBackProblem[]>;
}
