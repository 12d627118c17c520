import type { Destination, DestinationPlan, PublishContext, PublishableRelease, ReadBackReport, Receipt } from "./destination.js";
import type { IpfsProvider } from "./ipfs-provider.js";
export interface IpfsDestinationOptions {
    /** Where the release is pinned, in order: a Kubo node before the pinning services it feeds. */
    providers: IpfsProvider[];
    /** Gateways read back from (trustless), e.g. `https://ipfs.io`. */
    gateways: string[];
}
/**
 * IPFS: the release as UnixFS DAGs with the PRODUCT.md settings, computed here before anything
 * is sent; on each provider the content DAG is pinned first and the release root (holding the
 * signed manifest) last. Read back from each provider and each gateway, every block re-hashed.
 */
export declare class IpfsDestination implements Destination {
    readonly name: "ipfs";
    private readonly options;
    private dag;
    private readonly states;
    constructor(options: IpfsDestinationOptions);
    prepare(release: PublishableRelease): Promise<void>;
    private releaseDag;
    private target;
    localPlan(release: PublishableRelease): DestinationPlan;
    plan(release: PublishableRelease, context: PublishContext): Promise<DestinationPlan>;
    upload(release: PublishableRelease, plan: DestinationPlan, context: PublishContext): Promise<Receipt>;
    verify(release: PublishableRelease, context: PublishContext): Promise<ReadBackReport>;
}
