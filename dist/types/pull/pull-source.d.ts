import type { DestinationName } from "../publish/destination.js";
/**
 * One place a published release can be read from: a GCS version folder, an IPFS directory
 * behind a gateway, or a Hub revision. It only reads bytes; every check is the puller's.
 */
export interface PullSource {
    readonly name: DestinationName;
    /** Where it reads, for messages: `gs://bucket/models/id/v1.0.0/`, `ipfs://…`, `hf:org/repo@v1.0.0`. */
    readonly target: string;
    /**
     * The bytes of a release file from `offset` on, in one request. A file that is not there fails
     * with status 404 (`statusOf`), a refusal with its status, a broken connection as a network
     * error; retrying (and resuming) is the caller's.
     */
    read(path: string, offset: number, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>>;
    /**
     * Set on an IPFS source named by the authored manifest: the manifest cannot name the CID (it is
     * computed when publishing), so it comes from manifest.json as another source has it.
     */
    readonly unlocated?: true;
    /** The same source reading the directory with this CID (for an `unlocated` one). */
    locate?(cid: string): PullSource;
}
/** An error with the HTTP status a source answered, read by `statusOf`. */
export declare class SourceStatusError extends Error {
    readonly status: number;
    constructor(status: number, message: string);
}
