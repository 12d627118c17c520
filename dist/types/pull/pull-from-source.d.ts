import type { RetryPolicy } from "../publish/retry.js";
import type { BlobCache } from "./blob-cache.js";
import type { PullSource } from "./pull-source.js";
import type { PullEvent, SourceAttempt } from "./pull-types.js";
import { type CheckedManifests, type FetchedManifests, type PullTrust } from "./signed-manifests.js";
/** What trying one source shares with the others of the same pull. */
export interface PullSession {
    sources: readonly PullSource[];
    trust: PullTrust;
    expect: {
        id?: string;
        version?: string;
    };
    cache: BlobCache | undefined;
    parallel: number;
    retry: RetryPolicy;
    signal: AbortSignal | undefined;
    emit: (event: PullEvent) => void;
    /** The manifests a source serves, fetched once per pull. */
    manifestsOf: (source: PullSource) => Promise<FetchedManifests>;
}
/**
 * Pulls the release from one source into an empty staging folder: the signed manifest first,
 * verified with the trusted key, then every signed file from the cache (hashed again) or the
 * source (hashed while streaming), several at once. The first file that does not match stops the
 * others and refuses the source. Counts go into `attempt` as files arrive.
 */
export declare function pullFromSource(source: PullSource, staging: string, session: PullSession, attempt: SourceAttempt): Promise<CheckedManifests>;
