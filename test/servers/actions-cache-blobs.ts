import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { CacheEntries } from "./actions-cache-state.js";
import { readBody, sendFile, streamToFile } from "./http-kit.js";
import { HttpError } from "./http-server.js";
import type { ErrorBody, RequestContext } from "./http-server.js";

/**
 * The blob side of the cache service: an Azure Blob Storage account reached through SAS URLs the
 * Twirp service signs. Put Blob, Put Block / Put Block List, Get Blob (with `Range` or
 * `x-ms-range`) and Get Blob Properties, as `@azure/storage-blob` sends them; a blob of a
 * finalized cache entry is never written again.
 */

export const ACCOUNT = "cacheaccount";
export const CONTAINER = "actions-cache";
const SERVICE_VERSION = "2025-05-05";

/** Azure Storage's XML error body, with the code repeated in `x-ms-error-code`. */
export function formatBlobError(error: HttpError): ErrorBody {
  const code =
    error.reason ??
    (error.status === 404 ? "BlobNotFound" : error.status === 429 ? "ServerBusy" : "InternalError");
  const message = `${error.message}\nRequestId:${randomUUID()}\nTime:${new Date().toISOString()}`;
  return {
    contentType: "application/xml",
    body: `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
    headers: { "x-ms-error-code": code, "x-ms-version": SERVICE_VERSION },
  };
}

/** Signs and checks SAS URLs: `sp` (r or w), `se` (expiry) and `sig` over both and the path. */
export class BlobSigner {
  constructor(private readonly secret: Buffer) {}

  private signature(permission: string, expiry: string, path: string): string {
    return createHmac("sha256", this.secret)
      .update(`${permission}\n${expiry}\n${path}`)
      .digest("base64");
  }

  url(base: string, blob: string, permission: "r" | "w", ttlMs = 3_600_000): string {
    const path = `/${ACCOUNT}/${CONTAINER}/${blob}`;
    const expiry = new Date(Date.now() + ttlMs).toISOString().replace(/\.\d+Z$/, "Z");
    const query = new URLSearchParams({
      sv: SERVICE_VERSION,
      sr: "b",
      sp: permission,
      se: expiry,
      sig: this.signature(permission, expiry, path),
    });
    return `${base}${path}?${query.toString()}`;
  }

  check(url: URL, permission: "r" | "w"): void {
    const sp = url.searchParams.get("sp") ?? "";
    const se = url.searchParams.get("se") ?? "";
    const sig = Buffer.from(url.searchParams.get("sig") ?? "");
    const expected = Buffer.from(this.signature(sp, se, url.pathname));
    if (sig.length !== expected.length || !timingSafeEqual(sig, expected)) {
      throw new HttpError(403, "Signature did not match.", "AuthenticationFailed");
    }
    if (!(Date.parse(se) > Date.now())) {
      throw new HttpError(403, "Signed expiry time has passed.", "AuthenticationFailed");
    }
    if (!sp.includes(permission)) {
      throw new HttpError(
        403,
        "This request is not authorized to perform this operation using this permission.",
        "AuthorizationPermissionMismatch",
      );
    }
  }
}

function blockFileName(blockId: string): string {
  const raw = Buffer.from(blockId, "base64");
  if (raw.length === 0 || raw.length > 64 || raw.toString("base64") !== blockId) {
    throw new HttpError(400, "The specifed block ID is invalid.", "InvalidQueryParameterValue");
  }
  return raw.toString("hex");
}

function blockIds(xml: string): string[] {
  if (!/<BlockList>[\s\S]*<\/BlockList>/.test(xml)) {
    throw new HttpError(400, "The XML specified is not syntactically valid.", "InvalidXmlDocument");
  }
  return [...xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)].map((m) => m[2] ?? "");
}

function writtenHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ETag: `"0x${randomUUID().replace(/-/g, "").slice(0, 15).toUpperCase()}"`,
    "Last-Modified": new Date().toUTCString(),
    "x-ms-request-server-encrypted": "true",
    "Content-Length": "0",
    ...extra,
  };
}

/** Handles one request to the storage account. */
export async function handleBlob(
  ctx: RequestContext,
  storageDir: string,
  entries: CacheEntries,
  signer: BlobSigner,
): Promise<void> {
  const { method, url, req, res } = ctx;
  const [, account, container, ...rest] = url.pathname.split("/");
  const blob = rest.join("/");
  if (account !== ACCOUNT || container !== CONTAINER || blob === "") {
    throw new HttpError(404, "The specified resource does not exist.", "ResourceNotFound");
  }
  const common = { "x-ms-request-id": randomUUID(), "x-ms-version": SERVICE_VERSION };
  const blobPath = join(storageDir, "blobs", blob);
  const blocksDir = join(storageDir, "blocks", blob);
  const entry = entries.byBlob(blob);

  if (method === "GET" || method === "HEAD") {
    signer.check(url, "r");
    const size =
      entry?.finalized === true ? (await stat(blobPath).catch(() => undefined))?.size : undefined;
    if (size === undefined)
      throw new HttpError(404, "The specified blob does not exist.", "BlobNotFound");
    const range = req.headers["x-ms-range"] ?? req.headers.range;
    await sendFile(res, blobPath, size, typeof range === "string" ? range : undefined, {
      ...common,
      "Content-Type": "application/octet-stream",
      "x-ms-blob-type": "BlockBlob",
      "Last-Modified": new Date(entry?.createdAt ?? Date.now()).toUTCString(),
      ETag: `"0x${String(entry?.id ?? 0).padStart(15, "0")}"`,
    });
    return;
  }
  if (method !== "PUT")
    throw new HttpError(
      405,
      "The resource doesn't support the specified HTTP verb.",
      "UnsupportedHttpVerb",
    );
  signer.check(url, "w");
  if (entry === undefined)
    throw new HttpError(404, "The specified container does not exist.", "ContainerNotFound");
  if (entry.finalized)
    throw new HttpError(409, "The specified blob already exists.", "BlobAlreadyExists");

  const comp = url.searchParams.get("comp");
  if (comp === "block") {
    const name = blockFileName(url.searchParams.get("blockid") ?? "");
    const written = await streamToFile(ctx.body, join(blocksDir, name), { md5: true });
    res
      .writeHead(201, {
        ...common,
        ...writtenHeaders({ "Content-MD5": written.md5.toString("base64") }),
      })
      .end();
    return;
  }
  if (comp === "blocklist") {
    const ids = blockIds((await readBody(ctx.body)).toString("utf8"));
    const staged = new Set(await readdir(blocksDir).catch(() => [] as string[]));
    const files = ids.map((id) => {
      const name = blockFileName(id);
      if (!staged.has(name))
        throw new HttpError(400, "The specified block list is invalid.", "InvalidBlockList");
      return join(blocksDir, name);
    });
    await mkdir(join(storageDir, "blobs"), { recursive: true });
    await pipeline(async function* () {
      for (const file of files) yield* createReadStream(file);
    }, createWriteStream(blobPath));
    await rm(blocksDir, { recursive: true, force: true });
    res.writeHead(201, { ...common, ...writtenHeaders() }).end();
    return;
  }
  if (comp !== null)
    throw new HttpError(400, `comp=${comp} is not supported here.`, "InvalidQueryParameterValue");
  if (req.headers["x-ms-blob-type"] !== "BlockBlob") {
    throw new HttpError(
      400,
      "An HTTP header that's mandatory for this request is not specified.",
      "MissingRequiredHeader",
    );
  }
  const written = await streamToFile(ctx.body, blobPath, { md5: true });
  const sentMd5 = req.headers["content-md5"];
  if (typeof sentMd5 === "string" && sentMd5 !== written.md5.toString("base64")) {
    await rm(blobPath, { force: true });
    throw new HttpError(
      400,
      "The MD5 value specified in the request did not match with the MD5 value calculated by the server.",
      "Md5Mismatch",
    );
  }
  res
    .writeHead(201, {
      ...common,
      ...writtenHeaders({ "Content-MD5": written.md5.toString("base64") }),
    })
    .end();
}
