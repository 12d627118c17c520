import { setTimeout as delay } from "node:timers/promises";

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
export type RetryVerdict = { retry: false } | { retry: true; reason: string; afterMs?: number };

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
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  await delay(ms, undefined, signal ? { signal } : {});
}

/** The policy used unless a caller gives its own: 6 attempts, 0.5 s doubling to 30 s. */
export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    maxAttempts: 6,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    maxServerDelayMs: 120_000,
    random: Math.random,
    sleep,
    ...overrides,
  };
}

/**
 * The wait after failed attempt `attempt`: "equal jitter" backoff (half fixed, half random) so
 * retries of many clients spread out, or the server's requested wait plus a little jitter.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, afterMs?: number): number {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = backoff / 2 + (policy.random() * backoff) / 2;
  if (afterMs === undefined) return Math.round(jittered);
  return Math.round(afterMs + policy.random() * Math.min(policy.baseDelayMs, 1000));
}

/**
 * Runs `operation` until it succeeds, `classify` says a failure is final, the attempts run out
 * or the server asks for a wait longer than the policy allows; the last error is rethrown.
 */
export async function withRetry<T>(
  what: string,
  operation: (attempt: number) => Promise<T>,
  classify: (error: unknown) => RetryVerdict,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    hooks.signal?.throwIfAborted();
    try {
      return await operation(attempt);
    } catch (error) {
      if (hooks.signal?.aborted === true) throw error;
      const verdict = classify(error);
      if (!verdict.retry || attempt >= policy.maxAttempts) throw error;
      if (verdict.afterMs !== undefined && verdict.afterMs > policy.maxServerDelayMs) throw error;
      const ms = retryDelay(policy, attempt, verdict.afterMs);
      hooks.onRetry?.({ what, attempt, delayMs: ms, reason: verdict.reason });
      await policy.sleep(ms, hooks.signal);
    }
  }
}
