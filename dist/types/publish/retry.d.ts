/**
 * How failed remote calls are tried again: exponential backoff with jitter drawn from an
 * injectable source (seeded in tests, so a run can be replayed), a server-requested wait
 * honoured when there is one, and a cap on attempts. Only operations the caller marks as safe to
 * repeat come through here.
 */
export interface RetryPolicy {
    /** Attempts in all, the first included. */
    maxAttempts: number;
    /** Backoff before the second attempt; it doubles after each failure. */
    baseDelayMs: number;
    /** Backoff never grows beyond this. */
    maxDelayMs: number;
    /** A server asking to wait longer than this is not waited for: the call fails. */
    maxServerDelayMs: number;
    /** Uniform numbers in [0, 1) for jitter. */
    random: () => number;
    sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}
/** Whether a failure is worth another attempt, and how long the server asked us to wait. */
export type RetryVerdict = {
    retry: false;
} | {
    retry: true;
    reason: string;
    afterMs?: number;
};
/** Told before each wait, for progress output. */
export interface RetryNotice {
    what: string;
    /** The attempt that failed (1-based). */
    attempt: number;
    delayMs: number;
    reason: string;
}
export interface RetryHooks {
    signal?: AbortSignal;
    onRetry?: (notice: RetryNotice) => void;
}
/** mulberry32: a small reproducible generator for jitter. */
export declare function seededRandom(seed: number): () => number;
/** The policy used unless a caller gives its own: 6 attempts, 0.5 s doubling to 30 s. */
export declare function retryPolicy(overrides?: Partial<RetryPolicy>): RetryPolicy;
/**
 * The wait after failed attempt `attempt`: "equal jitter" backoff (half fixed, half random) so
 * retries of many clients spread out, or the server's requested wait plus a little jitter.
 */
export declare function retryDelay(policy: RetryPolicy, attempt: number, afterMs?: number): number;
/**
 * Runs `operation` until it succeeds, `classify` says a failure is final, the attempts run out
 * or the server asks for a wait longer than the policy allows; the last error is rethrown.
 */
export declare function withRetry<T>(what: string, operation: (attempt: number) => Promise<T>, classify: (error: unknown) => RetryVerdict, policy: RetryPolicy, hooks?: RetryHooks): Promise<T>;
