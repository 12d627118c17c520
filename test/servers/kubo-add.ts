import { importer } from "ipfs-unixfs-importer";
import type { ImportCandidate } from "ipfs-unixfs-importer";
import { fixedSize } from "ipfs-unixfs-importer/chunker";
import { balanced, trickle } from "ipfs-unixfs-importer/layout";
import type { CID } from "multiformats/cid";
import type { DiskBlockstore } from "./blockstore.js";
import { HttpError } from "./http-server.js";
import type { RequestContext } from "./http-server.js";
import { flag, ndjson } from "./kubo-wire.js";
import { multipartBoundary, parseMultipart } from "./multipart.js";

/**
 * Kubo's `add`: the multipart body (one part per file, `application/x-directory` parts for
 * folders, names in `filename`) becomes a real UnixFS DAG built by ipfs-unixfs-importer with the
 * requested `cid-version`, `raw-leaves`, `chunker`, layout and `wrap-with-directory`.
 */

function parseChunker(spec: string | null): number {
  const match = /^size-(\d+)$/.exec(spec ?? "size-262144");
  const size = Number(match?.[1]);
  if (match === null || !(size > 0) || size > 1024 * 1024) {
    throw new HttpError(
      400,
      `unsupported chunker: ${spec ?? ""} (this server knows size-N up to 1 MiB)`,
    );
  }
  return size;
}

/** POST /api/v0/add */
export async function addFiles(
  ctx: RequestContext,
  store: DiskBlockstore,
  pinRoot: (root: CID) => Promise<void>,
): Promise<void> {
  const q = ctx.url.searchParams;
  const cidVersion = Number(q.get("cid-version") ?? "0");
  if (cidVersion !== 0 && cidVersion !== 1) throw new HttpError(400, "cid-version must be 0 or 1");
  if ((q.get("hash") ?? "sha2-256") !== "sha2-256")
    throw new HttpError(400, "this server only hashes with sha2-256");
  const onlyHash = flag(q, "only-hash", false);
  const wrap = flag(q, "wrap-with-directory", false);
  const sink = onlyHash ? { put: (cid: CID) => Promise.resolve(cid) } : store;
  const parts = parseMultipart(ctx.body, multipartBoundary(ctx.req.headers["content-type"]));
  const candidates = async function* (): AsyncGenerator<ImportCandidate> {
    for await (const part of parts) {
      const disposition = part.headers.get("content-disposition") ?? "";
      const filename = /filename="([^"]*)"/.exec(disposition)?.[1] ?? "";
      const path = decodeURIComponent(filename);
      if (part.headers.get("content-type") === "application/x-directory") yield { path };
      else yield { path, content: part.body };
    }
  };
  const lines: unknown[] = [];
  const roots: CID[] = [];
  for await (const entry of importer(candidates(), sink, {
    cidVersion,
    rawLeaves: q.has("raw-leaves") ? flag(q, "raw-leaves", false) : cidVersion === 1,
    chunker: fixedSize({ chunkSize: parseChunker(q.get("chunker")) }),
    layout: flag(q, "trickle", false) ? trickle() : balanced({ maxChildrenPerNode: 174 }),
    wrapWithDirectory: wrap,
    // One file at a time: the multipart body streams part after part.
    fileImportConcurrency: 1,
  })) {
    const path = entry.path ?? "";
    // Kubo names a nameless top-level entry by its CID, except the wrapping directory.
    const name = path === "" && !wrap ? entry.cid.toString() : path;
    if (flag(q, "progress", false) && entry.unixfs?.type === "file") {
      lines.push({ Name: name, Bytes: Number(entry.unixfs.fileSize()) });
    }
    lines.push({ Name: name, Hash: entry.cid.toString(), Size: String(entry.size) });
    if (wrap ? path === "" : !path.includes("/")) roots.push(entry.cid);
  }
  if (!onlyHash && flag(q, "pin", true)) for (const root of roots) await pinRoot(root);
  ndjson(ctx, lines);
}
