import { FileSlice } from "./file-blob.js";
import { sendStream } from "./send-stream.js";
import { Limiter } from "./pool.js";
import { serverDelayMs } from "./rate-limit.js";
import { TRANSIENT_STATUSES, isNetworkError } from "./remote-error.js";
import { retryDelay, type RetryHooks, type RetryPolicy } from "./retry.js";

export interface RetryingFetchOptions extends RetryHooks {
  policy: RetryPolicy;
  /** Whether this request may be sent again when it fails; others go out once. */
  retrySafe: (method: string, url: URL) => boolean;
  fetch?: typeof fetch;
  /** Uploads of files (FileSlice bodies) in flight at once, whatever the library asks. Default 4. */
  maxUploads?: number;
}

/** Sends a file-backed body through node:http: streamed from disk, with plain backpressure. */
async function sendFile(url: URL, init: RequestInit, body: FileSlice): Promise<Response> {
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  const answer = await sendStream(
    url.href,
    (init.method ?? "PUT").toUpperCase(),
    headers,
    body.nodeStream(),
    body.size,
    init.signal ?? undefined,
  );
  const empty = answer.status === 204 || answer.status === 304;
  return new Response(empty ? null : answer.body, {
    status: answer.status,
    headers: answer.headers,
  });
}

/** A body that can be sent twice: a stream is consumed by the first attempt. */
function replayable(body: RequestInit["body"]): boolean {
  if (body === undefined || body === null) return true;
  if (typeof body === "string" || body instanceof Blob || body instanceof ArrayBuffer) return true;
  if (ArrayBuffer.isView(body) || body instanceof URLSearchParams) return true;
  return typeof FormData !== "undefined" && body instanceof FormData;
}

function requestUrl(input: string | URL | Request): URL {
  if (input instanceof URL) return input;
  return new URL(typeof input === "string" ? input : input.url);
}

/**
 * A `fetch` for client libraries that do not retry (`@huggingface/hub`): requests marked
 * retry-safe are sent again after a reset or a transient status (429, 5xx), waiting as the
 * server's `Retry-After`/`RateLimit` headers ask or with jittered backoff. When attempts run out
 * the last response goes back to the library, which reports it in its own words.
 */
export function retryingFetch(options: RetryingFetchOptions): typeof fetch {
  const plain = options.fetch ?? fetch;
  const uploads = new Limiter(options.maxUploads ?? 4);
  const base = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const body = init.body;
    if (body instanceof FileSlice && !(input instanceof Request)) {
      return uploads.run(() => sendFile(requestUrl(input), init, body));
    }
    return plain(input, init);
  };
  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const method = (
      init?.method ?? (input instanceof Request ? input.method : "GET")
    ).toUpperCase();
    const url = requestUrl(input);
    const signal = init?.signal ?? options.signal;
    const sendInit: RequestInit = { ...init, ...(signal ? { signal } : {}) };
    if (!options.retrySafe(method, url) || !replayable(init?.body) || input instanceof Request) {
      return base(input, sendInit);
    }
    const what = `${method} ${url.pathname}`;
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      let response: Response;
      try {
        response = await base(input, sendInit);
      } catch (error) {
        if (signal?.aborted === true || !isNetworkError(error)) throw error;
        if (attempt >= options.policy.maxAttempts) throw error;
        const ms = retryDelay(options.policy, attempt);
        options.onRetry?.({ what, attempt, delayMs: ms, reason: "connection lost" });
        await options.policy.sleep(ms, signal ?? undefined);
        continue;
      }
      if (!TRANSIENT_STATUSES.has(response.status) || attempt >= options.policy.maxAttempts) {
        return response;
      }
      const afterMs = serverDelayMs(response.headers);
      if (afterMs !== undefined && afterMs > options.policy.maxServerDelayMs) return response;
      await response.body?.cancel().catch(() => undefined);
      const ms = retryDelay(options.policy, attempt, afterMs);
      options.onRetry?.({ what, attempt, delayMs: ms, reason: `HTTP ${response.status}` });
      await options.policy.sleep(ms, signal ?? undefined);
    }
  };
  return wrapped;
}
