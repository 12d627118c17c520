import type { RequestContext } from "./http-server.js";

/** How Kubo's RPC answers: boolean flags in the query, JSON, and NDJSON for streamed output. */

/** A boolean option: absent gives the default; present without a value means true. */
export function flag(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name);
  if (value === null) return fallback;
  return value === "" || value === "true" || value === "1";
}

/** Answers streamed output: one JSON value per line. */
export function ndjson(ctx: RequestContext, lines: unknown[]): void {
  const body = lines.map((line) => `${JSON.stringify(line)}\n`).join("");
  ctx.res.writeHead(200, {
    "Content-Type": "application/json",
    "X-Stream-Output": "1",
    "X-Chunked-Output": "1",
    "Content-Length": String(Buffer.byteLength(body)),
  });
  ctx.res.end(body);
}

/** Answers one JSON value (Kubo ends it with a newline). */
export function json(ctx: RequestContext, value: unknown): void {
  const body = JSON.stringify(value);
  ctx.res.writeHead(200, {
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(body)),
  });
  ctx.res.end(`${body}\n`);
}
