import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import * as Server from "@ucanto/server";
import { ed25519 } from "@ucanto/principal";
import { CAR } from "@ucanto/transport";
import { CID } from "multiformats/cid";
import type { FaultInjector } from "./faults.js";
import { readBody } from "./http-kit.js";
import { HttpError, startHttpServer } from "./http-server.js";
import type { RequestContext, RequestLogEntry } from "./http-server.js";
import { serveGateway } from "./kubo-gateway.js";
import { createStorachaService } from "./storacha-service.js";
import { receiptMessage } from "./storacha-ucan.js";
import { StorachaStore, type StorachaUpload } from "./storacha-store.js";

/** Options of {@link startStorachaServer}. */
export interface StorachaServerOptions {
  /** Where blobs and blocks are kept; a fresh temporary folder when omitted. */
  storageDir?: string;
  /** The service's identity; a fresh did:key when omitted. `withDID` gives it a did:web. */
  id?: Server.API.Signer;
  /** Largest blob `space/blob/add` accepts. Default 4 GiB (the real service: about 4 GiB too). */
  maxBlobSize?: number;
  faults?: FaultInjector;
  port?: number;
}

/** A running Storacha upload-service stand-in. */
export interface StorachaServer {
  /** The service URL: UCAN invocations are POSTed to it; receipts, blobs and the gateway below it. */
  url: string;
  /** The service's DID, the audience of every invocation. */
  did: `did:${string}:${string}`;
  storageDir: string;
  store: StorachaStore;
  faults: FaultInjector;
  log: RequestLogEntry[];
  /** Uploads per space DID. */
  uploads: () => Map<string, StorachaUpload[]>;
  /** Answers the next `count` invocation POSTs with 503 and `Retry-After: 0` (maintenance). */
  unavailable: (count: number) => void;
  stop: () => Promise<void>;
}

const BLOB_PATH = /^\/blob\/([1-9A-HJ-NP-Za-km-z]+)$/;
const RECEIPT_PATH = /^\/receipt\/([a-z0-9]+)$/;

function formatError(error: HttpError) {
  return { contentType: "text/plain; charset=utf-8", body: `${error.message}\n` };
}

/**
 * Starts a stand-in for Storacha's upload service (https://up.storacha.network) on 127.0.0.1,
 * built from the ucanto server libraries and the real capability definitions: `POST /` takes
 * CAR-encoded UCAN invocations and answers with receipts; `PUT /blob/{key}` is the address a
 * `blob/allocate` hands out (bytes checked against the digest); `GET /receipt/{task}` answers
 * the client's receipt polls; `GET /ipfs/{cid}` is a trustless gateway over the blocks of the
 * CAR blobs accepted.
 */
export async function startStorachaServer(
  options: StorachaServerOptions = {},
): Promise<StorachaServer> {
  const storageDir = options.storageDir ?? (await mkdtemp(join(tmpdir(), "storacha-server-")));
  const id = options.id ?? (await ed25519.generate());
  const store = new StorachaStore(storageDir);
  const receipts = new Map<string, Server.API.Receipt>();
  let baseUrl = "";
  let outage = 0;
  const ucanto = Server.create({
    id,
    codec: CAR.inbound,
    service: createStorachaService({
      id,
      store,
      baseUrl: () => baseUrl,
      maxBlobSize: options.maxBlobSize ?? 4 * 1024 ** 3,
      receipts,
    }),
    validateAuthorization: () => ({ ok: {} }),
  });

  const invoke = async (ctx: RequestContext): Promise<void> => {
    if (outage > 0) {
      outage -= 1;
      throw new HttpError(503, "service unavailable (maintenance)", undefined, {
        "Retry-After": "0",
      });
    }
    const body = await readBody(ctx.body, 256 * 1024 * 1024);
    const headers = Object.fromEntries(
      Object.entries(ctx.req.headers).flatMap(([k, v]) =>
        v === undefined ? [] : [[k, String(v)]],
      ),
    );
    const response = await ucanto.request({ headers, body: new Uint8Array(body) });
    ctx.res.writeHead(response.status ?? 200, response.headers);
    ctx.res.end(response.body);
  };

  const blob = async (ctx: RequestContext, key: string): Promise<void> => {
    if (ctx.method === "PUT") {
      if (!store.isAllocated(key)) throw new HttpError(403, `no allocation for blob ${key}`);
      if (!(await store.putBlob(key, ctx.body))) {
        throw new HttpError(400, `checksum mismatch: the body does not hash to ${key}`);
      }
      ctx.res.writeHead(200, { "Content-Length": "0" });
      ctx.res.end();
      return;
    }
    if (ctx.method !== "GET") throw new HttpError(405, "method not allowed");
    if (!(await store.hasBlob(key))) throw new HttpError(404, `blob ${key} not found`);
    ctx.res.writeHead(200, { "Content-Type": "application/octet-stream" });
    await pipeline(createReadStream(store.blobPath(key)), ctx.res);
  };

  const receipt = async (ctx: RequestContext, task: string): Promise<void> => {
    let cid: string;
    try {
      cid = CID.parse(task).toString();
    } catch {
      throw new HttpError(400, `not a CID: ${task}`);
    }
    const found = receipts.get(cid);
    if (found === undefined) throw new HttpError(404, `no receipt for ${cid}`);
    const bytes = await receiptMessage(found);
    ctx.res.writeHead(200, {
      "Content-Type": CAR.contentType,
      "Content-Length": String(bytes.byteLength),
    });
    ctx.res.end(bytes);
  };

  const http = await startHttpServer({
    handler: async (ctx) => {
      const path = ctx.url.pathname;
      if (path === "/" && ctx.method === "POST") return invoke(ctx);
      const blobMatch = BLOB_PATH.exec(path);
      if (blobMatch?.[1] !== undefined) return blob(ctx, blobMatch[1]);
      const receiptMatch = RECEIPT_PATH.exec(path);
      if (receiptMatch?.[1] !== undefined && ctx.method === "GET")
        return receipt(ctx, receiptMatch[1]);
      if (path.startsWith("/ipfs/")) return serveGateway(ctx, store.blocks);
      throw new HttpError(404, "not found");
    },
    formatError,
    faults: options.faults,
    port: options.port,
  });
  baseUrl = http.url;
  return {
    url: http.url,
    did: id.did(),
    storageDir,
    store,
    faults: http.faults,
    log: http.log,
    uploads: () => store.uploads(),
    unavailable: (count) => {
      outage = count;
    },
    stop: http.stop,
  };
}
