import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { exporter, walkPath } from "ipfs-unixfs-exporter";
import { CID } from "multiformats/cid";
import type { DiskBlockstore } from "./blockstore.js";
import { MissingBlockError } from "./blockstore.js";
import { parseRange } from "./http-kit.js";
import { HttpError } from "./http-server.js";
import type { RequestContext } from "./http-server.js";

/**
 * A path gateway over the blockstore (`GET /ipfs/{cid}[/path]`), with the trustless responses a
 * verifying client asks for: `?format=raw` / `Accept: application/vnd.ipld.raw` returns the
 * block, `?format=car` / `Accept: application/vnd.ipld.car` a CARv1 (path blocks, then the DAG;
 * `dag-scope=block|entity|all`).
 */

const RAW_TYPE = "application/vnd.ipld.raw";
const CAR_TYPE = "application/vnd.ipld.car";

function wantedFormat(ctx: RequestContext): "raw" | "car" | undefined {
  const format = ctx.url.searchParams.get("format");
  if (format === "raw" || format === "car") return format;
  if (format !== null) throw new HttpError(400, `unsupported format: ${format}`);
  const accept = ctx.req.headers.accept ?? "";
  if (accept.includes(RAW_TYPE)) return "raw";
  if (accept.includes(CAR_TYPE)) return "car";
  return undefined;
}

function contentType(name: string): string {
  const ext = name.split(".").at(-1)?.toLowerCase() ?? "";
  const types: Record<string, string> = {
    json: "application/json",
    txt: "text/plain; charset=utf-8",
    md: "text/markdown; charset=utf-8",
    html: "text/html; charset=utf-8",
  };
  return types[ext] ?? "application/octet-stream";
}

/** Resolves `/ipfs/{cid}/a/b` to the CIDs it passes through, the last being the target. */
async function resolvePath(store: DiskBlockstore, segments: string[]): Promise<CID[]> {
  const [first = "", ...rest] = segments;
  let root: CID;
  try {
    root = CID.parse(first);
  } catch {
    throw new HttpError(400, `invalid path "/ipfs/${segments.join("/")}": invalid cid`);
  }
  if (rest.length === 0) return [root];
  const cids: CID[] = [];
  for await (const entry of walkPath(`${root.toString()}/${rest.join("/")}`, store))
    cids.push(entry.cid);
  if (cids.length === 0) throw new HttpError(404, "no link named in path");
  return cids;
}

/** Serves GET/HEAD /ipfs/… on the gateway port. */
export async function serveGateway(ctx: RequestContext, store: DiskBlockstore): Promise<void> {
  const { res, method } = ctx;
  if (method !== "GET" && method !== "HEAD") throw new HttpError(405, "method not allowed");
  const segments = ctx.url.pathname
    .split("/")
    .slice(2)
    .filter((s) => s !== "")
    .map(decodeURIComponent);
  try {
    const path = await resolvePath(store, segments);
    const target = path.at(-1) ?? path[0];
    const root = path[0];
    if (target === undefined || root === undefined) throw new HttpError(400, "empty path");
    const common = {
      "X-Ipfs-Path": `/ipfs/${segments.join("/")}`,
      "X-Ipfs-Roots": path.map((c) => c.toString()).join(","),
      "Cache-Control": "public, max-age=29030400, immutable",
      "X-Content-Type-Options": "nosniff",
    };
    const format = wantedFormat(ctx);
    if (format === "raw") {
      const bytes = await store.bytes(target);
      res.writeHead(200, {
        ...common,
        "Content-Type": RAW_TYPE,
        "Content-Length": String(bytes.length),
        ETag: `"${target.toString()}.raw"`,
      });
      res.end(method === "HEAD" ? undefined : bytes);
      return;
    }
    if (format === "car") {
      const scope = ctx.url.searchParams.get("dag-scope") ?? "all";
      if (scope === "all" && !(await store.complete(target))) throw new MissingBlockError(target);
      const blocks = async function* () {
        const seen = new Set<string>();
        for (const cid of path.slice(0, -1)) {
          seen.add(cid.toString());
          yield { cid, bytes: await store.bytes(cid) };
        }
        if (scope === "block") {
          yield { cid: target, bytes: await store.bytes(target) };
          return;
        }
        if (scope === "entity" && target.code === 0x70) {
          const entry = await exporter(target, store);
          if (entry.type === "directory") {
            yield { cid: target, bytes: await store.bytes(target) };
            return;
          }
        }
        yield* store.walk(target, seen);
      };
      res.writeHead(200, {
        ...common,
        "Content-Type": `${CAR_TYPE}; version=1; order=dfs; dups=n`,
        ETag: `"${target.toString()}.car"`,
      });
      if (method === "HEAD") {
        res.end();
        return;
      }
      await pipeline(Readable.from(store.car([root], blocks())), res);
      return;
    }
    const entry = await exporter(target, store);
    if (entry.type === "directory") {
      const names: string[] = [];
      for await (const child of entry.entries()) names.push(child.name);
      const html = `<!DOCTYPE html><html><body><h1>/ipfs/${segments.join("/")}</h1><ul>${names.map((n) => `<li><a href="${encodeURIComponent(n)}">${n.replace(/[<>&"]/g, "_")}</a></li>`).join("")}</ul></body></html>`;
      res.writeHead(200, {
        ...common,
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": String(Buffer.byteLength(html)),
        ETag: `"DirIndex-${target.toString()}"`,
      });
      res.end(method === "HEAD" ? undefined : html);
      return;
    }
    if (entry.type === "object")
      throw new HttpError(501, "this gateway only renders UnixFS and raw blocks");
    const size = Number(entry.size);
    const range = parseRange(ctx.req.headers.range, size);
    const headers: Record<string, string> = {
      ...common,
      "Content-Type": contentType(segments.at(-1) ?? ""),
      "Accept-Ranges": "bytes",
      ETag: `"${target.toString()}"`,
    };
    if (range === undefined) {
      res.writeHead(200, { ...headers, "Content-Length": String(size) });
    } else {
      res.writeHead(206, {
        ...headers,
        "Content-Length": String(range.end - range.start + 1),
        "Content-Range": `bytes ${String(range.start)}-${String(range.end)}/${String(size)}`,
      });
    }
    if (method === "HEAD" || size === 0) {
      res.end();
      return;
    }
    const options =
      range === undefined ? {} : { offset: range.start, length: range.end - range.start + 1 };
    await pipeline(Readable.from(entry.content(options)), res);
  } catch (error) {
    if (error instanceof MissingBlockError) throw new HttpError(404, error.message);
    if (error instanceof Error && "code" in error && error.code === "ERR_NOT_FOUND") {
      throw new HttpError(404, error.message);
    }
    throw error;
  }
}
