import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CID } from "multiformats/cid";
import { sha256 } from "multiformats/hashes/sha2";
import { DiskBlockstore, MissingBlockError } from "./blockstore.js";
import { copyFromPeers, fetchFromGateway, multiaddrToUrl } from "./pinning-fetch.js";
import type { FaultInjector } from "./faults.js";
import { asRecord, randomId, readJson, sendJson, writeFileAtomic } from "./http-kit.js";
import { HttpError, startHttpServer } from "./http-server.js";
import type { RequestContext, RequestLogEntry } from "./http-server.js";

/** Options of {@link startPinningServer}. */
export interface PinningServerOptions {
  /** Where the service keeps its blocks and pin requests; a fresh temporary folder when omitted. */
  storageDir?: string;
  /** The access token clients send as `Authorization: Bearer <token>`. */
  token?: string;
  /** Other blockstores on this machine the service can copy blocks from (a Kubo server's `blocksDir`). */
  blockstoreDirs?: string[];
  /** Gateways tried after a request's own `origins` (trustless CAR fetches). */
  gateways?: string[];
  /** How long a request stays `queued` before work starts. Default 20 ms. */
  queueMs?: number;
  /** Shortest time a request stays `pinning`. Default 50 ms. */
  minPinningMs?: number;
  /** Pause between attempts to find the content. Default 100 ms. */
  retryMs?: number;
  /** A request whose content cannot be found for this long ends `failed`. Default 5 s. */
  failAfterMs?: number;
  faults?: FaultInjector;
  /** Port to listen on (to come back at the same URL after a restart); default a free one. */
  port?: number;
}

/** The status of a pin request, in the order a request moves through them. */
export type PinState = "queued" | "pinning" | "pinned" | "failed";

/** A pin request as the Pinning Service API returns it. */
export interface PinStatus {
  requestid: string;
  status: PinState;
  created: string;
  pin: { cid: string; name?: string; origins?: string[]; meta?: Record<string, string> };
  delegates: string[];
  info: Record<string, string>;
}

/** A running IPFS Pinning Service API stand-in. */
export interface PinningServer {
  /** The API endpoint (requests go to `${url}/pins`). */
  url: string;
  token: string;
  storageDir: string;
  faults: FaultInjector;
  log: RequestLogEntry[];
  /** Every pin request with its current status (for assertions). */
  requests: () => PinStatus[];
  stop: () => Promise<void>;
}

const REASONS: Record<number, string> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  404: "NOT_FOUND",
  429: "RATE_LIMITED",
};

function formatError(error: HttpError) {
  const reason = REASONS[error.status] ?? "INTERNAL_SERVER_ERROR";
  return {
    contentType: "application/json",
    body: JSON.stringify({ error: { reason, details: error.message } }),
  };
}

function parseCid(text: unknown): CID {
  try {
    if (typeof text !== "string") throw new Error("not a string");
    return CID.parse(text);
  } catch {
    throw new HttpError(400, `cid is not a valid CID: ${String(text)}`);
  }
}

function matchesName(name: string | undefined, wanted: string, mode: string): boolean {
  if (name === undefined) return false;
  if (mode === "iexact") return name.toLowerCase() === wanted.toLowerCase();
  if (mode === "partial") return name.includes(wanted);
  if (mode === "ipartial") return name.toLowerCase().includes(wanted.toLowerCase());
  return name === wanted;
}

/**
 * Starts a stand-in for an IPFS Pinning Service (https://ipfs.github.io/pinning-services-api-spec/)
 * on 127.0.0.1: `POST /pins`, `GET /pins` with filters, `GET|POST|DELETE /pins/{requestid}`,
 * bearer token. A request moves queued → pinning → pinned once every block of its DAG is in the
 * service's own blockstore, copied (and hash-checked) from its `origins` gateways, the configured
 * gateways or readable blockstores; it ends `failed` when the content cannot be found in time.
 */
export async function startPinningServer(
  options: PinningServerOptions = {},
): Promise<PinningServer> {
  const storageDir = options.storageDir ?? (await mkdtemp(join(tmpdir(), "pinning-server-")));
  const token = options.token ?? "pinning-local-test-token";
  const store = new DiskBlockstore(join(storageDir, "blocks"));
  const peers = (options.blockstoreDirs ?? []).map((dir) => new DiskBlockstore(dir));
  const requestsFile = join(storageDir, "pins.json");
  const saved = JSON.parse(await readFile(requestsFile, "utf8").catch(() => "[]")) as PinStatus[];
  const requests = new Map<string, PinStatus>(saved.map((r) => [r.requestid, r]));
  const timers = new Set<NodeJS.Timeout>();
  let delegate = "";
  let stopped = false;
  const save = () => writeFileAtomic(requestsFile, JSON.stringify([...requests.values()]));
  const later = (ms: number, work: () => Promise<void>) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void work().catch(() => undefined);
    }, ms);
    timers.add(timer);
  };

  const attempt = async (id: string, root: CID, started: number): Promise<void> => {
    const request = requests.get(id);
    if (request === undefined) return;
    let complete = await store.complete(root);
    if (!complete && peers.length > 0) complete = await copyFromPeers(store, peers, root);
    const sources = [
      ...(request.pin.origins ?? []).map(multiaddrToUrl),
      ...(options.gateways ?? []),
    ];
    for (const gateway of sources) {
      if (complete || gateway === undefined) continue;
      await fetchFromGateway(store, gateway, root).catch(() => undefined);
      complete = await store.complete(root);
    }
    if (!requests.has(id)) return;
    const elapsed = Date.now() - started;
    if (complete) {
      const wait = (options.minPinningMs ?? 50) - elapsed;
      const finish = async () => {
        if (!requests.has(id)) return;
        request.status = "pinned";
        await save();
      };
      if (wait > 0) later(wait, finish);
      else await finish();
    } else if (elapsed > (options.failAfterMs ?? 5000)) {
      request.status = "failed";
      request.info = { status_details: new MissingBlockError(root).message };
      await save();
    } else {
      later(options.retryMs ?? 100, () => attempt(id, root, started));
    }
  };

  const schedule = (request: PinStatus): void => {
    if (request.status === "pinned" || request.status === "failed") return;
    later(request.status === "queued" ? (options.queueMs ?? 20) : 0, async () => {
      if (!requests.has(request.requestid)) return;
      request.status = "pinning";
      await save();
      await attempt(request.requestid, CID.parse(request.pin.cid), Date.now());
    });
  };

  const create = async (body: unknown): Promise<PinStatus> => {
    const input = asRecord(body);
    const cid = parseCid(input.cid);
    const pin: PinStatus["pin"] = { cid: cid.toString() };
    if (input.name !== undefined) {
      if (typeof input.name !== "string" || input.name.length > 255)
        throw new HttpError(400, "name must be a string of at most 255 characters");
      pin.name = input.name;
    }
    if (input.origins !== undefined) {
      if (
        !Array.isArray(input.origins) ||
        input.origins.length > 20 ||
        !input.origins.every((o) => typeof o === "string" && o.startsWith("/"))
      ) {
        throw new HttpError(400, "origins must be at most 20 multiaddrs");
      }
      pin.origins = input.origins as string[];
    }
    if (input.meta !== undefined) {
      const meta = asRecord(input.meta);
      if (!Object.values(meta).every((v) => typeof v === "string"))
        throw new HttpError(400, "meta values must be strings");
      pin.meta = meta as Record<string, string>;
    }
    const request: PinStatus = {
      requestid: randomId(),
      status: "queued",
      created: new Date().toISOString(),
      pin,
      delegates: [delegate],
      info: {},
    };
    requests.set(request.requestid, request);
    await save();
    schedule(request);
    return request;
  };

  const list = (query: URLSearchParams) => {
    const cids = query
      .get("cid")
      ?.split(",")
      .filter((c) => c !== "");
    if (cids !== undefined && cids.length > 10)
      throw new HttpError(400, "at most 10 CIDs per query");
    const wanted = cids?.map((c) => parseCid(c).toString());
    const statuses = (query.get("status") ?? "pinned").split(",");
    const name = query.get("name");
    const match = query.get("match") ?? "exact";
    const before = query.get("before");
    const after = query.get("after");
    const limit = Number(query.get("limit") ?? 10);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new HttpError(400, "limit must be within 1..1000");
    let meta: Record<string, unknown> = {};
    const metaText = query.get("meta");
    if (metaText !== null) {
      try {
        meta = asRecord(JSON.parse(metaText));
      } catch {
        throw new HttpError(400, "meta must be a JSON object");
      }
    }
    const results = [...requests.values()]
      .filter((r) => statuses.includes(r.status))
      .filter((r) => wanted === undefined || wanted.includes(r.pin.cid))
      .filter((r) => name === null || matchesName(r.pin.name, name, match))
      .filter((r) => before === null || r.created < new Date(before).toISOString())
      .filter((r) => after === null || r.created > new Date(after).toISOString())
      .filter((r) => Object.entries(meta).every(([k, v]) => r.pin.meta?.[k] === v))
      .sort((a, b) => (a.created < b.created ? 1 : -1));
    return { count: results.length, results: results.slice(0, limit) };
  };

  const handler = async (ctx: RequestContext): Promise<void> => {
    if (ctx.req.headers.authorization !== `Bearer ${token}`) {
      throw new HttpError(401, "Access token is missing or invalid");
    }
    const [, first, id, ...rest] = ctx.url.pathname.split("/");
    if (first !== "pins" || rest.length > 0)
      throw new HttpError(404, `No route: ${ctx.url.pathname}`);
    const { method } = ctx;
    if (id === undefined || id === "") {
      if (method === "POST") {
        sendJson(ctx.res, 202, await create(await readJson(ctx.body)));
        return;
      }
      if (method === "GET") {
        sendJson(ctx.res, 200, list(ctx.url.searchParams));
        return;
      }
      throw new HttpError(400, `${method} is not supported on /pins`);
    }
    const request = requests.get(id);
    if (request === undefined)
      throw new HttpError(404, `The specified resource was not found: ${id}`);
    if (method === "GET") {
      sendJson(ctx.res, 200, request);
      return;
    }
    if (method === "DELETE") {
      requests.delete(id);
      await save();
      ctx.res.writeHead(202, { "Content-Length": "0" }).end();
      return;
    }
    if (method === "POST") {
      const replacement = await create(await readJson(ctx.body));
      requests.delete(id);
      await save();
      sendJson(ctx.res, 202, replacement);
      return;
    }
    throw new HttpError(400, `${method} is not supported on /pins/{requestid}`);
  };

  const server = await startHttpServer({
    handler,
    formatError,
    faults: options.faults,
    port: options.port,
  });
  const peerId = CID.createV0(await sha256.digest(Buffer.from(`pinning:${server.url}`))).toString();
  delegate = `/ip4/127.0.0.1/tcp/${String(server.port)}/p2p/${peerId}`;
  for (const request of requests.values()) schedule(request);
  return {
    url: server.url,
    token,
    storageDir,
    faults: server.faults,
    log: server.log,
    requests: () => [...requests.values()].map((r) => structuredClone(r)),
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await server.stop();
    },
  };
}
