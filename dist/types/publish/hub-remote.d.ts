import { type CommitOperation, type CommitOutput } from "@huggingface/hub";
import type { PublishContext } from "./destination.js";
/** A file in a Hub revision: git blob id and size; LFS files also their SHA-256 and size. */
export interface HubEntry {
    oid: string;
    size: number;
    lfs?: {
        oid: string;
        size: number;
    };
}
/** A branch or tag and the commit it points at. */
export interface HubRef {
    name: string;
    targetCommit: string;
}
export interface HubConnection {
    repo: string;
    hubUrl: string;
    /** Absent for anonymous reads (a dry run without a token). */
    token?: string;
}
/**
 * The Hub calls publishing needs, through `@huggingface/hub` where it has them (repo create,
 * branches, tree listing, commits) and plain REST where it has not (refs, tags). Every request
 * goes through one retrying `fetch`: idempotent calls are retried, the rest are left to the
 * callers, who look at the remote state before trying again.
 */
export declare class HubRemote {
    readonly connection: HubConnection;
    readonly fetch: typeof fetch;
    constructor(connection: HubConnection, context: PublishContext);
    private get credentials();
    private headers;
    private apiUrl;
    private failed;
    exists(): Promise<boolean>;
    /** Branches and tags. */
    refs(): Promise<{
        branches: HubRef[];
        tags: HubRef[];
    }>;
    /** Every file of a revision (the library does not encode the revision, so it is done here). */
    tree(revision: string): Promise<Map<string, HubEntry>>;
    /**
     * A file of a revision as a streamed response (`resolve`, which redirects LFS files to their
     * storage), from byte `offset` on with a Range request. 404 comes back as is; another failure
     * is thrown with its status.
     */
    open(revision: string, path: string, offset?: number, signal?: AbortSignal): Promise<Response>;
    /** A small file of a revision, or undefined when it is not there. */
    download(revision: string, path: string): Promise<Uint8Array | undefined>;
    createRepo(isPrivate: boolean): Promise<void>;
    createBranch(branch: string, from: string): Promise<void>;
    /** Tags a commit (`POST /api/models/{repo}/tag/{rev}`; the library has no helper). */
    createTag(tag: string, commit: string, message: string): Promise<void>;
    /** One commit with the `parentCommit` guard, reporting upload progress per file. */
    commit(params: {
        branch: string;
        parentCommit: string;
        title: string;
        description: string;
        operations: CommitOperation[];
        signal?: AbortSignal;
    }, onProgress: (path: string, fraction: number) => void): Promise<CommitOutput | undefined>;
}
