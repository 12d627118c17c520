import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CarBlockIterator } from "@ipld/car";
import { exporter, walkPath } from "ipfs-unixfs-exporter";
import { CID } from "multiformats/cid";
import { sha256 } from "multiformats/hashes/sha2";
import type { DiskBlockstore } from "./blockstore.js";
import { MissingBlockError } from "./blockstore.js";
import { readBody, writeFileAtomic } from "./http-kit.js";
import { HttpError } from "./http-server.js";
import type { RequestContext } from "./http-server.js";
import { multipartBoundary, parseMultipart } from "./multipart.js";
import { addFiles } from "./kubo-add.js";
import { flag, json, ndjson } from "./kubo-wire.js";

/**
 * The Kubo RPC commands of the stand-in, as kubo-rpc-client calls them: every command is a POST
 * to /api/v0/{command} with its arguments in the query string (`arg` repeated), answering JSON,
 * NDJSON for streamed outputs, or raw bytes.
 */

export type PinType = "recursive" | "direct";

/** Builds the RPC handler over a blockstore; pins are kept in `{storageDir}/pins.json`. */
export async function createKuboRpc(
  store: DiskBlockstore,
  storageDir: string,
  token: string | undefined,
): Promise<{ handle: (ctx: RequestContext) => Promise<void>; pins: () => Map<string, PinType> }> {
  const pinsFile = join(storageDir, "pins.json");
  const pins = new Map<string, PinType>(
    Object.entries(
      JSON.parse(await readFile(pinsFile, "utf8").catch(() => "{}")) as Record<string, PinType>,
    ),
  );
  const pinNames = new Map<string, string>();
  const savePins = () => writeFileAtomic(pinsFile, JSON.stringify(Object.fromEntries(pins)));

  /** Resolves an `arg` (a CID or /ipfs/CID/path) to a CID. */
  const resolveArg = async (arg: string | null): Promise<CID> => {
    if (arg === null || arg === "") throw new HttpError(400, 'argument "ipfs-path" is required');
    const path = arg.replace(/^\/ipfs\//, "");
    const [first = ""] = path.split("/");
    let root: CID;
    try {
      root = CID.parse(first);
    } catch {
      throw new HttpError(400, `invalid path "${arg}": invalid cid`);
    }
    if (!path.includes("/")) return root;
    let last = root;
    for await (const entry of walkPath(path, store)) last = entry.cid;
    return last;
  };

  const pin = async (cid: CID, recursive: boolean, name = ""): Promise<void> => {
    if (recursive) await store.assertComplete(cid);
    if (!recursive && !(await store.has(cid))) throw new MissingBlockError(cid);
    const key = cid.toV1().toString();
    if (pins.get(key) !== "recursive") pins.set(key, recursive ? "recursive" : "direct");
    if (name !== "") pinNames.set(key, name);
    await savePins();
  };

  const dagImport = async (ctx: RequestContext): Promise<void> => {
    const q = ctx.url.searchParams;
    const roots: CID[] = [];
    let blocks = 0;
    let bytes = 0;
    for await (const part of parseMultipart(
      ctx.body,
      multipartBoundary(ctx.req.headers["content-type"]),
    )) {
      let reader: CarBlockIterator;
      try {
        reader = await CarBlockIterator.fromIterable(part.body);
      } catch (error) {
        throw new HttpError(
          400,
          `invalid CAR: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      roots.push(...(await reader.getRoots()));
      for await (const block of reader) {
        if (block.bytes.length > 2 * 1024 * 1024)
          throw new HttpError(400, `block ${block.cid.toString()} is over the 2 MiB block limit`);
        await store.put(block.cid, block.bytes);
        blocks += 1;
        bytes += block.bytes.length;
      }
    }
    const lines: unknown[] = [];
    for (const root of roots) {
      let message = "";
      if (flag(q, "pin-roots", true)) {
        await pin(root, true).catch((error: unknown) => {
          message = error instanceof Error ? error.message : String(error);
        });
      }
      lines.push({ Root: { Cid: { "/": root.toString() }, PinErrorMsg: message } });
    }
    if (flag(q, "stats", false))
      lines.push({ Stats: { BlockCount: blocks, BlockBytesCount: bytes } });
    ndjson(ctx, lines);
  };

  const pinLs = async (ctx: RequestContext): Promise<void> => {
    const q = ctx.url.searchParams;
    const type = q.get("type") ?? "all";
    const args = q.getAll("arg");
    const listed = new Map<string, string>();
    if (args.length > 0) {
      for (const arg of args) {
        const cid = (await resolveArg(arg)).toV1().toString();
        const kind = pins.get(cid);
        if (kind === undefined) throw new HttpError(500, `path '${arg}' is not pinned`);
        listed.set(cid, kind);
      }
    } else {
      for (const [cid, kind] of pins) if (type === "all" || type === kind) listed.set(cid, kind);
      if (type === "all" || type === "indirect") {
        for (const [cid, kind] of pins) {
          if (kind !== "recursive") continue;
          for await (const block of store.walk(CID.parse(cid))) {
            const key = block.cid.toV1().toString();
            if (!listed.has(key) && key !== cid) listed.set(key, "indirect");
          }
        }
      }
    }
    // Kubo adds a Name only when asked for names.
    const names = flag(q, "names", false);
    const entries = [...listed].map(([Cid, Type]) =>
      names ? { Cid, Type, Name: pinNames.get(Cid) ?? "" } : { Cid, Type },
    );
    if (flag(q, "stream", false)) ndjson(ctx, entries);
    else json(ctx, { Keys: Object.fromEntries(entries.map(({ Cid, ...rest }) => [Cid, rest])) });
  };

  const rpc = async (ctx: RequestContext): Promise<void> => {
    if (token !== undefined && ctx.req.headers.authorization !== `Bearer ${token}`) {
      throw new HttpError(403, "403 - Forbidden");
    }
    if (ctx.method !== "POST") throw new HttpError(405, `${ctx.method} not allowed: use POST`);
    const command = ctx.url.pathname.replace(/^\/api\/v0\//, "");
    const q = ctx.url.searchParams;
    switch (command) {
      case "version": {
        json(ctx, {
          Version: "0.34.0-local",
          Commit: "",
          Repo: "16",
          System: "node",
          Golang: "",
        });
        return;
      }
      case "id": {
        json(ctx, {
          ID: "12D3KooWLocalKuboStandIn",
          PublicKey: "",
          Addresses: [],
          AgentVersion: "kubo/0.34.0-local",
          Protocols: [],
        });
        return;
      }
      case "add":
        return addFiles(ctx, store, async (root) => {
          await pin(root, true);
        });
      case "dag/import":
        return dagImport(ctx);
      case "dag/export": {
        const root = await resolveArg(q.get("arg"));
        await store.assertComplete(root);
        ctx.res.writeHead(200, {
          "Content-Type": "application/vnd.ipld.car",
          "X-Stream-Output": "1",
        });
        await pipeline(Readable.from(store.car([root], store.walk(root))), ctx.res);
        return;
      }
      case "block/get": {
        const bytes = await store.bytes(await resolveArg(q.get("arg")));
        ctx.res.writeHead(200, {
          "Content-Type": "text/plain",
          "Content-Length": String(bytes.length),
        });
        ctx.res.end(bytes);
        return;
      }
      case "block/stat": {
        const cid = await resolveArg(q.get("arg"));
        json(ctx, { Key: cid.toString(), Size: await store.size(cid) });
        return;
      }
      case "block/put": {
        const codec = q.get("cid-codec") ?? "raw";
        const code = codec === "raw" ? 0x55 : codec === "dag-pb" ? 0x70 : undefined;
        if (code === undefined) throw new HttpError(400, `unsupported cid-codec: ${codec}`);
        const lines: unknown[] = [];
        for await (const part of parseMultipart(
          ctx.body,
          multipartBoundary(ctx.req.headers["content-type"]),
        )) {
          const bytes = await readBody(part.body, 2 * 1024 * 1024);
          const cid = CID.createV1(code, await sha256.digest(bytes));
          await store.put(cid, bytes);
          if (flag(q, "pin", false)) await pin(cid, true);
          lines.push({ Key: cid.toString(), Size: bytes.length });
        }
        ndjson(ctx, lines);
        return;
      }
      case "cat": {
        const entry = await exporter(await resolveArg(q.get("arg")), store);
        if (entry.type === "directory" || entry.type === "object") {
          throw new HttpError(500, "this dag node is not a file");
        }
        const offset = Number(q.get("offset") ?? 0);
        const length = q.has("length") ? Number(q.get("length")) : undefined;
        ctx.res.writeHead(200, { "Content-Type": "text/plain", "X-Stream-Output": "1" });
        await pipeline(
          Readable.from(entry.content(length === undefined ? { offset } : { offset, length })),
          ctx.res,
        );
        return;
      }
      case "pin/add": {
        const cids: string[] = [];
        for (const arg of q.getAll("arg")) {
          const cid = await resolveArg(arg);
          await pin(cid, flag(q, "recursive", true), q.get("name") ?? "");
          cids.push(cid.toString());
        }
        json(ctx, { Pins: cids });
        return;
      }
      case "pin/ls":
        return pinLs(ctx);
      case "pin/rm": {
        const removed: string[] = [];
        for (const arg of q.getAll("arg")) {
          const cid = await resolveArg(arg);
          const key = cid.toV1().toString();
          if (!pins.has(key))
            throw new HttpError(500, `${cid.toString()} is not pinned or pinned indirectly`);
          pins.delete(key);
          pinNames.delete(key);
          removed.push(cid.toString());
        }
        await savePins();
        json(ctx, { Pins: removed });
        return;
      }
      default:
        throw new HttpError(404, `404 page not found: ${command}`);
    }
  };

  return { handle: rpc, pins: () => new Map(pins) };
}
