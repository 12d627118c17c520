import { type RetryPolicy } from "../publish/retry.js";
import { Secrets } from "../publish/secrets.js";
import type { PullSource } from "./pull-source.js";
import type { PullEvent, PullResult } from "./pull-types.js";
import { type PullTrust } from "./signed-manifests.js";
export interface PullOptions {
    /** Where to read, in the order to try (see `openSources`). */
    sources: readonly PullSource[];
    /** The folder to create; it must not exist, or be empty. */
    out: string;
    trust: PullTrust;
    /** The release asked for: a source holding another id or version is refused. */
    expect?: {
        id?: string;
        version?: string;
    };
    /** The content-addressed cache (see `defaultCacheDir`); without it nothing is kept. */
    cacheDir?: string;
    /** Files fetched at once. Default 4. */
    parallel?: number;
    retry?: Partial<RetryPolicy>;
    signal?: AbortSignal;
    /** Values never to print (tokens); every event and message is redacted with them. */
    secrets?: Secrets;
    onEvent?: (event: PullEvent) => void;
}
/**
 * Pulls a published, signed release into a new folder: each source in turn, until one serves
 * the release whole. A source without the signed manifest is incomplete; one whose signature
 * does not verify with the trusted key, or whose file does not match its signed size and SHA-256,
 * is refused (the file and the reason are reported); one that keeps failing is passed over too.
 * Files verified on the way are kept in the cache, so the next source or the next pull does not
 * fetch them again. The output appears only complete and verified, by one rename; nothing is
 * left behind when no source serves the release.
 */
export declare function pullRelease(options: PullOptions): Promise<PullResult>;
