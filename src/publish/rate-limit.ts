/** Reads how long a server asks a client to wait before its next request. */

/** Header access as both the Fetch API's `Headers` and plain records offer it. */
export type HeaderSource =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | string[] | number | undefined>>;

function header(source: HeaderSource, name: string): string | undefined {
  if (typeof source.get === "function") {
    return (source as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const record = source as Readonly<Record<string, unknown>>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  if (Array.isArray(value)) return value.map(String).join(", ");
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

function seconds(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined;
  return Number(text) * 1000;
}

/** `Retry-After`: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfter(text: string | undefined, now: number): number | undefined {
  const delta = seconds(text);
  if (delta !== undefined || text === undefined) return delta;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * `RateLimit` of the IETF draft: the structured form `"policy";r=0;t=10` (draft 08 and later)
 * or the older `limit=10, remaining=0, reset=5`; the longest reset named wins.
 */
function rateLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  let longest: number | undefined;
  for (const match of text.matchAll(/(?:^|[;,\s])(?:t|reset)=(\d+(?:\.\d+)?)/g)) {
    const ms = Number(match[1]) * 1000;
    longest = longest === undefined ? ms : Math.max(longest, ms);
  }
  return longest;
}

/** `X-RateLimit-Reset` is either seconds to wait or a Unix time in seconds. */
function resetHeader(text: string | undefined, now: number): number | undefined {
  const value = seconds(text);
  if (value === undefined) return undefined;
  return value > 1e12 ? Math.max(0, value - now) : value;
}

/**
 * Milliseconds the server asked to wait, from `Retry-After`, else the `RateLimit` headers;
 * undefined when it said nothing.
 */
export function serverDelayMs(headers: HeaderSource, now = Date.now()): number | undefined {
  return (
    retryAfter(header(headers, "retry-after"), now) ??
    rateLimit(header(headers, "ratelimit")) ??
    resetHeader(header(headers, "ratelimit-reset"), now) ??
    resetHeader(header(headers, "x-ratelimit-reset"), now)
  );
}
