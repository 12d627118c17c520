import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BlockHashError, DiskBlockstore, MissingBlockError } from "./blockstore.js";
import type { FaultInjector } from "./faults.js";
import { HttpError, startHttpServer } from "./http-server.js";
import type { RequestContext, RequestLogEntry } from "./http-server.js";
import { serveGateway } from "./kubo-gateway.js";
import { createKuboRpc } from "./kubo-rpc.js";
import type { PinType } from "./kubo-rpc.js";

/** Options of {@link startKuboServer}. */
export interface KuboServerOptions {
  /** Where blocks and pins are kept; a fresh temporary folder when omitted. */
  storageDir?: string;
  /** When set, RPC calls need `Authorization: Bearer <token>` (403 otherwise), like Kubo's API.Authorizations. */
  token?: string;
  faults?: FaultInjector;
  /** Faults of the gateway port (a separate injector; default: none). */
  gatewayFaults?: FaultInjector;
  /** Ports of the RPC API and the gateway; default free ones. */
  port?: number;
  gatewayPort?: number;
}

/** A running Kubo stand-in: an RPC port and a gateway port over one blockstore. */
export interface KuboServer {
  /** The RPC API; pass `create({ url })` from kubo-rpc-client. */
  url: string;
  /** The path/trustless gateway (`/ipfs/{cid}`). */
  gatewayUrl: string;
  /** The gateway as a multiaddr, for Pinning Service `origins`. */
  gatewayMultiaddr: string;
  storageDir: string;
  /** The blockstore folder, readable by a pinning server. */
  blocksDir: string;
  faults: FaultInjector;
  gatewayFaults: FaultInjector;
  log: RequestLogEntry[];
  gatewayLog: RequestLogEntry[];
  pins: () => Map<string, PinType>;
  stop: () => Promise<void>;
}

function formatError(error: HttpError) {
  return {
    contentType: "application/json",
    body: JSON.stringify({
      Message: error.message,
      Code: error.status === 400 ? 1 : 0,
      Type: "error",
    }),
  };
}

/**
 * Starts a stand-in for Kubo on 127.0.0.1: the RPC API as kubo-rpc-client calls it (`add` with
 * real UnixFS DAGs, `dag/import` that checks every block's hash, `dag/export`, `block/get|stat|put`,
 * `cat`, `pin/add|ls|rm`, `version`, `id`) and, on a second port, a path and trustless gateway.
 */
export async function startKuboServer(options: KuboServerOptions = {}): Promise<KuboServer> {
  const storageDir = options.storageDir ?? (await mkdtemp(join(tmpdir(), "kubo-server-")));
  const blocksDir = join(storageDir, "blocks");
  const store = new DiskBlockstore(blocksDir);
  const node = await createKuboRpc(store, storageDir, options.token);
  const guarded = (work: (ctx: RequestContext) => Promise<void>) => async (ctx: RequestContext) => {
    try {
      await work(ctx);
    } catch (error) {
      if (error instanceof BlockHashError) throw new HttpError(500, error.message);
      if (error instanceof MissingBlockError) throw new HttpError(500, error.message);
      if (error instanceof Error && error.name === "NotFoundError")
        throw new HttpError(500, error.message);
      throw error;
    }
  };

  const api = await startHttpServer({
    handler: guarded(async (ctx) => {
      if (!ctx.url.pathname.startsWith("/api/v0/")) throw new HttpError(404, "404 page not found");
      await node.handle(ctx);
    }),
    formatError,
    faults: options.faults,
    port: options.port,
  });
  const gateway = await startHttpServer({
    handler: async (ctx) => {
      if (!ctx.url.pathname.startsWith("/ipfs/")) throw new HttpError(404, "404 page not found");
      await serveGateway(ctx, store);
    },
    formatError: (error) => ({
      contentType: "text/plain; charset=utf-8",
      body: `${error.message}\n`,
    }),
    faults: options.gatewayFaults,
    port: options.gatewayPort,
  });
  return {
    url: api.url,
    gatewayUrl: gateway.url,
    gatewayMultiaddr: `/ip4/127.0.0.1/tcp/${String(gateway.port)}/http`,
    storageDir,
    blocksDir,
    faults: api.faults,
    gatewayFaults: gateway.faults,
    log: api.log,
    gatewayLog: gateway.log,
    pins: node.pins,
    stop: async () => {
      await api.stop();
      await gateway.stop();
    },
  };
}
