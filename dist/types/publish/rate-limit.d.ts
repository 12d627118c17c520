/** Reads how long a server asks a client to wait before its next request. */
/** Header access as both the Fetch API's `Headers` and plain records offer it. */
export type HeaderSource = {
    get(name: string): string | null;
} | Readonly<Record<string, string | string[] | number | undefined>>;
/**
 * Milliseconds the server asked to wait, from `Retry-After`, else the `RateLimit` headers;
 * undefined when it said nothing.
 */
export declare function serverDelayMs(headers: HeaderSource, now?: number): number | undefined;
