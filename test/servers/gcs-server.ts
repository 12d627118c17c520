import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FaultInjector } from "./faults.js";
import { ResumableSessions } from "./gcs-resumable.js";
import {
  JSON_TYPE,
  bucketResource,
  download,
  listObjects,
  objectResource,
  simpleUpload,
} from "./gcs-objects.js";
import { GcsStore, checkPreconditions, writableFields } from "./gcs-store.js";
import type { StoredObject } from "./gcs-store.js";
import { asRecord, readJson, sendJson } from "./http-kit.js";
import { HttpError, startHttpServer } from "./http-server.js";
import type { RequestContext, RequestLogEntry } from "./http-server.js";

/** Options of {@link startGcsServer}. */
export interface GcsServerOptions {
  /** Where objects are kept; a fresh temporary folder when omitted. Reusing one keeps its state. */
  storageDir?: string;
  /** Buckets that exist from the start. */
  buckets?: string[];
  /** When set, every request must carry `Authorization: Bearer <token>` (401 otherwise). */
  token?: string;
  faults?: FaultInjector;
  /** Port to listen on (to come back at the same URL after a restart); default a free one. */
  port?: number;
}

/** A running GCS JSON API stand-in. */
export interface GcsServer {
  /** Pass as `apiEndpoint` to `new Storage({ apiEndpoint: url, projectId })`. */
  url: string;
  storageDir: string;
  faults: FaultInjector;
  log: RequestLogEntry[];
  /** The live object's metadata as stored (for assertions), or undefined. */
  object: (bucket: string, name: string) => StoredObject | undefined;
  stop: () => Promise<void>;
}

function formatError(error: HttpError) {
  const reason = error.reason ?? (error.status === 404 ? "notFound" : "backendError");
  return {
    contentType: JSON_TYPE,
    body: JSON.stringify({
      error: {
        code: error.status,
        message: error.message,
        errors: [{ message: error.message, domain: "global", reason }],
      },
    }),
  };
}

/**
 * Starts a stand-in for the GCS JSON API on 127.0.0.1: buckets, objects with generations and
 * preconditions, media/multipart/resumable uploads, listing with pages, ranged downloads, and
 * server-side MD5 and CRC32C. The real client reaches it with
 * `new Storage({ apiEndpoint: server.url, projectId: "any" })` and sends no credentials.
 */
export async function startGcsServer(options: GcsServerOptions = {}): Promise<GcsServer> {
  const storageDir = options.storageDir ?? (await mkdtemp(join(tmpdir(), "gcs-server-")));
  const store = new GcsStore(storageDir);
  await store.load();
  const sessions = new ResumableSessions(store);
  await sessions.load();
  for (const bucket of options.buckets ?? []) await store.createBucket(bucket);

  const handler = async (ctx: RequestContext): Promise<void> => {
    const { method, url } = ctx;
    if (options.token !== undefined) {
      const auth = ctx.req.headers.authorization;
      if (auth === undefined)
        throw new HttpError(401, "Anonymous caller does not have storage access.", "required");
      if (auth !== `Bearer ${options.token}`)
        throw new HttpError(401, "Invalid Credentials", "authError");
    }
    const path = url.pathname.replace(/^\/download\/storage\/v1\//, "/storage/v1/");
    const upload = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(path);
    if (upload !== null) {
      const bucket = decodeURIComponent(upload[1] ?? "");
      const sessionId = url.searchParams.get("upload_id");
      if (sessionId !== null && method === "DELETE") {
        await sessions.cancel(sessionId);
        ctx.res.writeHead(499, { "Content-Length": "0" }).end();
        return;
      }
      if (sessionId !== null && method === "PUT") {
        const result = await sessions.put(
          sessionId,
          ctx.req.headers["content-range"],
          ctx.body,
          ctx.req.headers["x-goog-hash"] as string | undefined,
        );
        if (result.kind === "complete") {
          sendJson(ctx.res, 200, objectResource(ctx.baseUrl, result.object), {}, JSON_TYPE);
        } else {
          const range: Record<string, string> = { "Content-Length": "0" };
          if (result.size > 0) range.Range = `bytes=0-${String(result.size - 1)}`;
          ctx.res.writeHead(308, range).end();
        }
        return;
      }
      if (method !== "POST") throw new HttpError(405, "Method not allowed");
      if (url.searchParams.get("uploadType") === "resumable") {
        store.bucketInfo(bucket);
        const fields = writableFields(await readJson(ctx.body));
        const name = url.searchParams.get("name") ?? fields.name;
        if (name === undefined || name === "")
          throw new HttpError(400, "Required parameter: name", "required");
        delete fields.name;
        const type = ctx.req.headers["x-upload-content-type"];
        if (typeof type === "string") fields.contentType ??= type;
        checkPreconditions(store.find(bucket, name), url.searchParams);
        const declared = Number(ctx.req.headers["x-upload-content-length"]);
        const id = await sessions.open(
          bucket,
          name,
          fields,
          url.searchParams,
          Number.isFinite(declared) && ctx.req.headers["x-upload-content-length"] !== undefined
            ? declared
            : undefined,
        );
        const location = `${ctx.baseUrl}/upload/storage/v1/b/${encodeURIComponent(bucket)}/o?uploadType=resumable&name=${encodeURIComponent(name)}&upload_id=${id}`;
        ctx.res.writeHead(200, { Location: location, "Content-Length": "0" }).end();
        return;
      }
      await simpleUpload(ctx, store, bucket);
      return;
    }
    if (path === "/storage/v1/b" && method === "POST") {
      const name = asRecord(await readJson(ctx.body)).name;
      if (typeof name !== "string" || !/^[a-z0-9][a-z0-9._-]{1,220}$/.test(name)) {
        throw new HttpError(400, "Invalid bucket name", "invalid");
      }
      if (!(await store.createBucket(name))) {
        throw new HttpError(
          409,
          "Your previous request to create the named bucket succeeded and you already own it.",
          "conflict",
        );
      }
      sendJson(ctx.res, 200, bucketResource(ctx.baseUrl, store.bucketInfo(name)), {}, JSON_TYPE);
      return;
    }
    if (path === "/storage/v1/b" && method === "GET") {
      const items = store
        .bucketNames()
        .map((name) => bucketResource(ctx.baseUrl, store.bucketInfo(name)));
      sendJson(ctx.res, 200, { kind: "storage#buckets", items }, {}, JSON_TYPE);
      return;
    }
    const objectMatch = /^\/storage\/v1\/b\/([^/]+)\/o\/(.+)$/.exec(path);
    if (objectMatch !== null) {
      const bucket = decodeURIComponent(objectMatch[1] ?? "");
      const name = decodeURIComponent(objectMatch[2] ?? "");
      if (method === "GET" || method === "HEAD") {
        const object = store.get(bucket, name);
        checkPreconditions(object, url.searchParams, true);
        if (url.searchParams.get("alt") === "media") await download(ctx, store, object);
        else sendJson(ctx.res, 200, objectResource(ctx.baseUrl, object), {}, JSON_TYPE);
        return;
      }
      if (method === "PATCH" || method === "PUT") {
        const object = await store.patch(bucket, name, await readJson(ctx.body), url.searchParams);
        sendJson(ctx.res, 200, objectResource(ctx.baseUrl, object), {}, JSON_TYPE);
        return;
      }
      if (method === "DELETE") {
        await store.delete(bucket, name, url.searchParams);
        ctx.res.writeHead(204).end();
        return;
      }
    }
    const listMatch = /^\/storage\/v1\/b\/([^/]+)\/o$/.exec(path);
    if (listMatch !== null && method === "GET") {
      const bucket = decodeURIComponent(listMatch[1] ?? "");
      sendJson(
        ctx.res,
        200,
        listObjects(store, ctx.baseUrl, bucket, url.searchParams),
        {},
        JSON_TYPE,
      );
      return;
    }
    const bucketMatch = /^\/storage\/v1\/b\/([^/]+)$/.exec(path);
    if (bucketMatch !== null && method === "GET") {
      const info = store.bucketInfo(decodeURIComponent(bucketMatch[1] ?? ""));
      sendJson(ctx.res, 200, bucketResource(ctx.baseUrl, info), {}, JSON_TYPE);
      return;
    }
    throw new HttpError(404, `Not Found: ${method} ${url.pathname}`);
  };

  const server = await startHttpServer({
    handler,
    formatError,
    faults: options.faults,
    port: options.port,
  });
  return {
    url: server.url,
    storageDir,
    faults: server.faults,
    log: server.log,
    object: (bucket, name) => store.find(bucket, name),
    stop: server.stop,
  };
}
