import { type RetryHooks, type RetryPolicy } from "./retry.js";
export interface RetryingFetchOptions extends RetryHooks {
    policy: RetryPolicy;
    /** Whether this request may be sent again when it fails; others go out once. */
    retrySafe: (method: string, url: URL) => boolean;
    fetch?: typeof fetch;
    /** Uploads of files (FileSlice bodies) in flight at once, whatever the library asks. Default 4. */
    maxUploads?: number;
}
/**
 * A `fetch` for client libraries that do not retry (`@huggingface/hub`): requests marked
 * retry-safe are sent again after a reset or a transient status (429, 5xx), waiting as the
 * server's `Retry-After`/`RateLimit` headers ask or with jittered backoff. When attempts run out
 * the last response goes back to the library, which reports it in its own words.
 */
export declare function retryingFetch(options: RetryingFetchOptions): typeof fetch;
