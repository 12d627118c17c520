import { ModelPublishError } from "../errors.js";
import { serverDelayMs, type HeaderSource } from "./rate-limit.js";
import type { RetryVerdict } from "./retry.js";

/** HTTP statuses that say "try again later" rather than "you asked for something wrong". */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ERR_STREAM_PREMATURE_CLOSE",
]);

const NETWORK_MESSAGES =
  /socket hang up|premature close|fetch failed|terminated|other side closed|network|ECONNRESET|EPIPE|aborted/i;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The HTTP status a client library put on an error, whatever it calls the field. */
export function statusOf(error: unknown): number | undefined {
  const e = record(error);
  if (e === undefined) return undefined;
  for (const key of ["statusCode", "status"]) {
    const value = e[key];
    if (typeof value === "number" && value >= 100 && value < 600) return value;
  }
  if (typeof e.code === "number" && e.code >= 100 && e.code < 600) return e.code;
  const response = record(e.response);
  if (typeof response?.status === "number") return response.status;
  return undefined;
}

/** Headers of the failed response, when the library kept them. */
function headersOf(error: unknown): HeaderSource | undefined {
  const response = record(record(error)?.response);
  const headers = response?.headers;
  return typeof headers === "object" && headers !== null ? (headers as HeaderSource) : undefined;
}

/** Whether an error (or one of its causes) is a broken connection rather than an answer. */
export function isNetworkError(error: unknown): boolean {
  for (let e = record(error), depth = 0; e !== undefined && depth < 5; depth++) {
    if (typeof e.code === "string" && NETWORK_CODES.has(e.code)) return true;
    if (typeof e.errno === "string" && NETWORK_CODES.has(e.errno)) return true;
    if (e.name === "AbortError" || e.name === "TimeoutError") return false;
    if (typeof e.message === "string" && NETWORK_MESSAGES.test(e.message)) return true;
    e = record(e.cause);
  }
  return false;
}

/** The retry verdict for a failed call to any of the services: transient statuses and resets. */
export function transientVerdict(error: unknown): RetryVerdict {
  const status = statusOf(error);
  if (status !== undefined) {
    if (!TRANSIENT_STATUSES.has(status)) return { retry: false };
    const headers = headersOf(error);
    const afterMs = headers === undefined ? undefined : serverDelayMs(headers);
    return { retry: true, reason: `HTTP ${status}`, ...(afterMs === undefined ? {} : { afterMs }) };
  }
  if (isNetworkError(error)) return { retry: true, reason: "connection lost" };
  return { retry: false };
}

/** A short, single-line account of an error for a message. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").trim().slice(0, 500);
}

/**
 * The error a destination throws when its service keeps failing (exit 3): what was being done,
 * where, the service's own words, and what the user can do.
 */
export function remoteFailed(
  target: string,
  what: string,
  error: unknown,
  fix = "check the service status and the token's permissions, then run publish again: it resumes where it stopped",
): ModelPublishError {
  if (error instanceof ModelPublishError) return error;
  const status = statusOf(error);
  return new ModelPublishError(
    "REMOTE_FAILED",
    `${target}: ${what} failed${status === undefined ? "" : ` (HTTP ${status})`}: ${errorText(error)}; ${fix}`,
    { cause: error },
  );
}
