import { type HubConnection } from "../publish/hub-remote.js";
import type { PullSource } from "./pull-source.js";
/**
 * A release on the Hugging Face Hub at a revision (the tag `v{version}` that publish sets on the
 * release commit), read through `resolve/{revision}/{path}` with the token of HF_TOKEN when there
 * is one (private repositories). Variants published on their own branch are found under the tags
 * `{revision}-{branch}` that publish gives them.
 */
export declare class HubSource implements PullSource {
    readonly name: "hf";
    readonly revision: string;
    private readonly remote;
    private variantTags;
    constructor(connection: HubConnection, revision: string);
    get target(): string;
    /** Tags of variant branches of this release, e.g. `v1.0.0-experimental-int4`. */
    private tags;
    read(path: string, offset: number, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array<ArrayBufferLike>>>;
}
