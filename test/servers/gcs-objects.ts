import type { GcsStore, StoredObject, WritableObjectFields } from "./gcs-store.js";
import { checkGoogHash } from "./gcs-resumable.js";
import { checkPreconditions, writableFields } from "./gcs-store.js";
import { asRecord, readJson, sendFile, sendJson, streamToFile } from "./http-kit.js";
import { HttpError } from "./http-server.js";
import type { RequestContext } from "./http-server.js";
import { multipartBoundary, parseMultipart } from "./multipart.js";

/** Object resources, listing, downloads and one-request uploads of the GCS stand-in. */

/** GCS answers JSON with this exact type. */
export const JSON_TYPE = "application/json; charset=UTF-8";

/** The JSON API object resource (`storage#object`) for a stored object. */
export function objectResource(baseUrl: string, object: StoredObject): Record<string, unknown> {
  const encoded = encodeURIComponent(object.name);
  const path = `b/${object.bucket}/o/${encoded}`;
  const { metageneration, size, ...rest } = object;
  return {
    kind: "storage#object",
    id: `${object.bucket}/${object.name}/${object.generation}`,
    selfLink: `${baseUrl}/storage/v1/${path}`,
    mediaLink: `${baseUrl}/download/storage/v1/${path}?generation=${object.generation}&alt=media`,
    ...rest,
    metageneration: String(metageneration),
    size: String(size),
    storageClass: "STANDARD",
    etag: Buffer.from(`${object.generation}/${String(metageneration)}`).toString("base64"),
    timeStorageClassUpdated: object.timeCreated,
  };
}

/** The JSON API bucket resource (`storage#bucket`). */
export function bucketResource(baseUrl: string, info: { name: string; timeCreated: string }) {
  return {
    kind: "storage#bucket",
    id: info.name,
    name: info.name,
    selfLink: `${baseUrl}/storage/v1/b/${info.name}`,
    projectNumber: "0",
    metageneration: "1",
    location: "US",
    storageClass: "STANDARD",
    etag: "CAE=",
    timeCreated: info.timeCreated,
    updated: info.timeCreated,
  };
}

/** Lists with prefix/delimiter, `maxResults` pages and an opaque `pageToken`. */
export function listObjects(
  store: GcsStore,
  baseUrl: string,
  bucket: string,
  query: URLSearchParams,
) {
  const prefix = query.get("prefix") ?? "";
  const delimiter = query.get("delimiter") ?? "";
  const max = Math.min(Math.max(Number(query.get("maxResults") ?? 1000) || 1000, 1), 1000);
  const token = query.get("pageToken");
  const after = token === null ? undefined : Buffer.from(token, "base64url").toString("utf8");
  const items: StoredObject[] = [];
  const prefixes: string[] = [];
  let last: string | undefined;
  let more = false;
  for (const name of store.names(bucket)) {
    if (!name.startsWith(prefix)) continue;
    const cut = delimiter === "" ? -1 : name.indexOf(delimiter, prefix.length);
    const key = cut >= 0 ? name.slice(0, cut + delimiter.length) : name;
    if (after !== undefined && key <= after) continue;
    if (key === prefixes[prefixes.length - 1]) continue;
    if (items.length + prefixes.length >= max) {
      more = true;
      break;
    }
    if (cut >= 0) prefixes.push(key);
    else items.push(store.get(bucket, name));
    last = key;
  }
  const page: Record<string, unknown> = { kind: "storage#objects" };
  if (items.length > 0) page.items = items.map((object) => objectResource(baseUrl, object));
  if (prefixes.length > 0) page.prefixes = prefixes;
  if (more && last !== undefined) page.nextPageToken = Buffer.from(last).toString("base64url");
  return page;
}

/** `alt=media`: the bytes (or a Range of them) with the `x-goog-*` headers the client checks. */
export async function download(ctx: RequestContext, store: GcsStore, object: StoredObject) {
  const generation = ctx.url.searchParams.get("generation");
  if (generation !== null && generation !== object.generation) {
    throw new HttpError(404, `No such object: ${object.bucket}/${object.name}#${generation}`);
  }
  const headers: Record<string, string> = {
    "Content-Type": object.contentType ?? "application/octet-stream",
    ETag: `"${Buffer.from(object.md5Hash, "base64").toString("hex")}"`,
    "Last-Modified": new Date(object.updated).toUTCString(),
    "x-goog-generation": object.generation,
    "x-goog-metageneration": String(object.metageneration),
    "x-goog-stored-content-encoding": object.contentEncoding ?? "identity",
    "x-goog-stored-content-length": String(object.size),
    "x-goog-hash": `crc32c=${object.crc32c},md5=${object.md5Hash}`,
    "Cache-Control": object.cacheControl ?? "no-cache, no-store, max-age=0, must-revalidate",
  };
  if (object.contentEncoding !== undefined) headers["Content-Encoding"] = object.contentEncoding;
  if (object.contentDisposition !== undefined) {
    headers["Content-Disposition"] = object.contentDisposition;
  }
  await sendFile(ctx.res, store.dataPath(object), object.size, ctx.req.headers.range, headers);
}

/** Uploads with `uploadType=media` or `multipart` (one request carrying metadata and bytes). */
export async function simpleUpload(ctx: RequestContext, store: GcsStore, bucket: string) {
  const query = ctx.url.searchParams;
  store.bucketInfo(bucket);
  let fields: WritableObjectFields & { name?: string } = {};
  let media: AsyncIterable<Buffer> = ctx.body;
  const claimed: string[] = [];
  let parts:
    AsyncGenerator<{ headers: Map<string, string>; body: AsyncIterable<Buffer> }> | undefined;
  if (query.get("uploadType") === "multipart") {
    parts = parseMultipart(ctx.body, multipartBoundary(ctx.req.headers["content-type"]));
    const first = await parts.next();
    if (first.done === true) throw new HttpError(400, "multipart upload without a metadata part");
    const resource = await readJson(first.value.body);
    fields = writableFields(resource);
    const record = asRecord(resource);
    for (const key of ["crc32c", "md5Hash"] as const) {
      const value = record[key];
      if (typeof value === "string") claimed.push(`${key === "md5Hash" ? "md5" : key}=${value}`);
    }
    const second = await parts.next();
    if (second.done === true) throw new HttpError(400, "multipart upload without a media part");
    fields.contentType ??= second.value.headers.get("content-type");
    media = second.value.body;
  } else {
    const type = ctx.req.headers["content-type"];
    if (type !== undefined) fields.contentType = type;
  }
  const name = query.get("name") ?? fields.name;
  if (name === undefined || name === "")
    throw new HttpError(400, "Required parameter: name", "required");
  delete fields.name;
  checkPreconditions(store.find(bucket, name), query);
  const temp = store.tempPath();
  const digest = await streamToFile(media, temp, { md5: true, crc32c: true });
  if (parts !== undefined) await parts.next();
  const hashHeader = ctx.req.headers["x-goog-hash"];
  if (typeof hashHeader === "string") claimed.push(hashHeader);
  if (claimed.length > 0) checkGoogHash(claimed.join(","), digest.md5, digest.crc32c);
  const object = await store.commit(bucket, name, temp, digest, fields, query);
  sendJson(ctx.res, 200, objectResource(ctx.baseUrl, object), {}, JSON_TYPE);
}
