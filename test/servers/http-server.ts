import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { PassThrough } from "node:stream";
import type { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { FaultInjector } from "./faults.js";
import type { FaultDecision, FaultKind } from "./faults.js";

/** One request as the server saw it. */
export interface RequestLogEntry {
  seq: number;
  method: string;
  /** Pathname, percent-encoded as sent. */
  path: string;
  /** The query string with its leading `?`, or "". */
  query: string;
  /** Response status; 0 when the connection was reset before a response completed. */
  status: number;
  fault?: FaultKind;
  durationMs: number;
}

/** An error a handler throws to answer with a status; the server formats it its own way. */
export class HttpError extends Error {
  readonly status: number;
  /** A machine-readable reason (service-specific, e.g. "RepoNotFound", "conditionNotMet"). */
  readonly reason: string | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, reason?: string, headers?: Record<string, string>) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.reason = reason;
    this.headers = headers ?? {};
  }
}

/** What a handler gets for one request. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  /** The request body; a reset fault cuts it short with an error. */
  body: Readable;
  /** Base URL of this server, e.g. `http://127.0.0.1:40123`. */
  baseUrl: string;
}

/** The body of an error response in the service's own format. */
export interface ErrorBody {
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

/** Options of {@link startHttpServer}. */
export interface HttpServerOptions {
  handler: (ctx: RequestContext) => Promise<void>;
  formatError: (error: HttpError) => ErrorBody;
  faults?: FaultInjector;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
}

/** A running server. */
export interface RunningHttpServer {
  url: string;
  port: number;
  faults: FaultInjector;
  log: RequestLogEntry[];
  stop: () => Promise<void>;
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  if (length !== undefined) return Number(length) > 0;
  return req.headers["transfer-encoding"] !== undefined;
}

/** Passes at most `limit` body bytes on, then destroys the connection like a network reset. */
function cutRequest(req: IncomingMessage, limit: number): Readable {
  const out = new PassThrough();
  // The handler may not be reading yet; it still sees the error when it does.
  out.on("error", () => undefined);
  let seen = 0;
  const reset = (): void => {
    req.socket.destroy();
    out.destroy(new Error("connection reset (injected fault)"));
  };
  if (limit <= 0) {
    setImmediate(reset);
    return out;
  }
  req.on("data", (chunk: Buffer) => {
    if (out.destroyed) return;
    if (seen + chunk.length >= limit) {
      out.write(chunk.subarray(0, limit - seen));
      seen = limit;
      req.pause();
      setImmediate(reset);
      return;
    }
    seen += chunk.length;
    if (!out.write(chunk)) req.pause();
  });
  out.on("drain", () => req.resume());
  req.on("end", () => {
    if (!out.destroyed) reset();
  });
  req.on("error", (error) => out.destroy(error));
  return out;
}

/** Lets `limit` response bytes out (headers first), then destroys the connection. */
function cutResponse(res: ServerResponse, afterBytes: number | undefined): void {
  const write = res.write.bind(res) as (chunk: Buffer, cb?: () => void) => boolean;
  let sent = 0;
  let cut = false;
  const limitFor = (): number => {
    if (afterBytes !== undefined) return afterBytes;
    const total = Number(res.getHeader("content-length"));
    return Number.isFinite(total) && total > 1 ? Math.floor(total / 2) : 1;
  };
  const destroy = (): void => {
    cut = true;
    res.socket?.destroy();
  };
  const take = (chunk: unknown): boolean => {
    if (cut) return false;
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        : typeof chunk === "string"
          ? Buffer.from(chunk)
          : Buffer.alloc(0);
    const limit = limitFor();
    if (sent + buf.length < limit) {
      sent += buf.length;
      return write(buf);
    }
    const part = buf.subarray(0, Math.max(0, limit - sent));
    sent = limit;
    if (part.length > 0) write(part, () => setImmediate(destroy));
    else destroy();
    return false;
  };
  res.write = ((chunk: unknown) => take(chunk)) as ServerResponse["write"];
  res.end = ((chunk?: unknown) => {
    if (typeof chunk === "function" || chunk === undefined) {
      if (sent === 0) destroy();
      else if (!cut) setImmediate(destroy);
      return res;
    }
    take(chunk);
    if (!cut) setImmediate(destroy);
    return res;
  }) as ServerResponse["end"];
}

function sendError(
  res: ServerResponse,
  error: HttpError,
  format: HttpServerOptions["formatError"],
) {
  if (res.headersSent) {
    res.socket?.destroy();
    return;
  }
  const body = format(error);
  res.writeHead(error.status, {
    "Content-Type": body.contentType,
    "Content-Length": Buffer.byteLength(body.body),
    ...body.headers,
    ...error.headers,
  });
  res.end(body.body);
}

function faultError(decision: FaultDecision): HttpError {
  if (decision.kind === "http429") {
    const wait = String(decision.retryAfterSeconds);
    return new HttpError(429, "Too many requests (injected fault)", "rateLimitExceeded", {
      "Retry-After": wait,
      RateLimit: `"default";r=0;t=${wait}`,
      "RateLimit-Policy": `"default";q=100;w=60`,
    });
  }
  return new HttpError(500, "Internal server error (injected fault)", "backendError");
}

/**
 * Starts an HTTP server on 127.0.0.1 that logs every request, applies the injected faults and
 * turns thrown {@link HttpError}s into the service's error format.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const faults = options.faults ?? new FaultInjector();
  const log: RequestLogEntry[] = [];
  const sockets = new Set<Socket>();
  let seq = 0;
  let baseUrl = "";

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    seq += 1;
    const started = Date.now();
    const url = new URL(req.url ?? "/", baseUrl);
    const method = (req.method ?? "GET").toUpperCase();
    const entry: RequestLogEntry = {
      seq,
      method,
      path: url.pathname,
      query: url.search,
      status: 0,
      durationMs: 0,
    };
    log.push(entry);
    // Recorded on "finish" (the whole response handed to the socket) because "close" can fire
    // after an in-process client has already read the body and moved on.
    const settle = () => {
      entry.status = res.writableFinished ? res.statusCode : 0;
      entry.durationMs = Date.now() - started;
    };
    res.on("finish", settle);
    res.on("close", settle);
    const decision = faults.decide(seq, {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    });
    if (decision !== undefined) entry.fault = decision.kind;
    let body: Readable = req;
    if (decision?.kind === "slow") await sleep(decision.delayMs);
    if (decision?.kind === "http500" || decision?.kind === "http429") {
      sendError(res, faultError(decision), options.formatError);
      return;
    }
    if (decision?.kind === "reset") {
      const phase = decision.phase ?? (hasBody(req) ? "request" : "response");
      if (phase === "request") {
        const length = Number(req.headers["content-length"]);
        const limit = decision.afterBytes ?? (length > 0 ? Math.floor(length / 2) : 65536);
        body = cutRequest(req, limit);
      } else {
        cutResponse(res, decision.afterBytes);
      }
    }
    try {
      await options.handler({ req, res, method, url, body, baseUrl });
    } catch (error) {
      if (req.socket.destroyed) return;
      const httpError =
        error instanceof HttpError
          ? error
          : new HttpError(500, error instanceof Error ? error.message : String(error));
      sendError(res, httpError, options.formatError);
    }
  };

  // No request timeout: multi-GB uploads to these servers may take minutes.
  const server: Server = createServer({ requestTimeout: 0 }, (req, res) => {
    handle(req, res).catch(() => res.socket?.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no port");
  baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    url: baseUrl,
    port: address.port,
    faults,
    log,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}
