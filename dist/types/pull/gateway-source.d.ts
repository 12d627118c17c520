import type { PullSource } from "./pull-source.js";
/** `https://ipfs.io`, `https://ipfs.io/`, `https://ipfs.io/ipfs/` → `https://ipfs.io`. */
export declare function gatewayBase(url: string): string;
/**
 * A release directory on IPFS read through an HTTP path gateway
 * (`GET {gateway}/ipfs/{cid}/{path}`, ranged for resumes). The gateway is not trusted: every
 * byte is checked against the signed manifest, so any public gateway will do.
 */
export declare class GatewaySource implements PullSource {
    readonly name: "ipfs";
    readonly gateway: string;
    readonly cid: string | undefined;
    readonly unlocated?: true;
    /** Without `cid`, the source is located later from manifest.json (see {@link PullSource.locate}). */
    constructor(gateway: string, cid?: string);
    get target(): string;
    locate(cid: string): PullSource;
    read(path: string, offset: number, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array<ArrayBufferLike>>>;
}
