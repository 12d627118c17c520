import { ModelPublishError } from "../errors.js";
import { TRANSIENT_STATUSES, remoteFailed, statusOf, transientVerdict } from "./remote-error.js";
import type { RetryVerdict } from "./retry.js";

/**
 * How failures of the Storacha client read. The client wraps a refused invocation as
 * `Error("failed space/blob/add invocation", { cause: <the receipt's error> })`, where the cause
 * is a UCAN failure (`{ name: "Unauthorized", message }`); a refused HTTP exchange is an
 * `HTTPError` with a `status`; a failed blob PUT is `Error("upload failed: 503")`.
 */

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The error and its causes, outermost first. */
function chain(error: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let e = record(error); e !== undefined && out.length < 6; e = record(e.cause)) out.push(e);
  return out;
}

/** The name of the UCAN failure behind an error (`Unauthorized`, `UploadNotFound`, …). */
export function failureName(error: unknown): string | undefined {
  for (const e of chain(error).slice(1)) {
    if (typeof e.name === "string" && e.name !== "Error") return e.name;
  }
  return undefined;
}

/** The messages along the chain, for an error text: the client's own, then the service's. */
export function failureText(error: unknown): string {
  const parts = chain(error).map((e) => {
    const message = typeof e.message === "string" ? e.message : "";
    const name = typeof e.name === "string" && e.name !== "Error" ? e.name : "";
    return name !== "" && !message.startsWith(name) ? `${name}: ${message}` : message;
  });
  return parts.filter((p) => p !== "").join(": ") || String(error);
}

/** Retry on transient HTTP statuses and lost connections, wherever in the chain they are. */
export function storachaVerdict(error: unknown): RetryVerdict {
  for (const e of chain(error)) {
    const verdict = transientVerdict(e);
    if (verdict.retry) return verdict;
    const put = typeof e.message === "string" ? /^upload failed: (\d{3})$/.exec(e.message) : null;
    const status = Number(put?.[1]);
    if (TRANSIENT_STATUSES.has(status)) return { retry: true, reason: `HTTP ${String(status)}` };
  }
  return { retry: false };
}

/** Where the provider stands, for messages. */
export interface StorachaWhere {
  label: string;
  space: string;
  agent: string;
  serviceDid: string;
  url: string;
  proofFrom: string;
  delegation: string;
}

/** The error a failed step ends with: refusals explained with their fix, the rest exit 3. */
export function storachaFailure(where: StorachaWhere, what: string, error: unknown): Error {
  if (error instanceof ModelPublishError) return error;
  const name = failureName(error);
  const full = failureText(error).replace(/\s+/g, " ").trim();
  const text = full.length > 300 ? `${full.slice(0, 300)}…` : full;
  if (name === "Unauthorized") {
    return new ModelPublishError(
      "KEY_INVALID",
      `${where.label}: the service refused ${what} in space ${where.space}: the proof in ${where.proofFrom} does not authorize ${where.agent} (${text}); create a delegation from the space with \`${where.delegation}\``,
    );
  }
  if (name === "InvalidAudience") {
    return new ModelPublishError(
      "USAGE",
      `${where.label}: the service at ${where.url} is not ${where.serviceDid} (${text}); set serviceDid to the DID of the service at that URL`,
    );
  }
  const status = chain(error)
    .map(statusOf)
    .find((s) => s !== undefined);
  const wrapped = Object.assign(new Error(text), { cause: error, status });
  return remoteFailed(
    `${where.label} (space ${where.space})`,
    what,
    wrapped,
    "check the service status and the space's storage plan, then run publish again: blobs already stored are not sent again",
  );
}
