import { createHash, randomBytes } from "node:crypto";
import type { Hash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { access, mkdir, rename, rm, writeFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { dirname } from "node:path";
import { pipeline } from "node:stream/promises";
import { Crc32c } from "./crc32c.js";
import { HttpError } from "./http-server.js";

/** Small helpers the local servers share: bodies, JSON, ranges, files written atomically. */

/** Reads a whole (small) body; more than `limit` bytes is a 413. */
export async function readBody(
  body: AsyncIterable<Buffer>,
  limit = 16 * 1024 * 1024,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `request body over ${String(limit)} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body; malformed JSON is a 400. */
export async function readJson(body: AsyncIterable<Buffer>, limit?: number): Promise<unknown> {
  const text = (await readBody(body, limit)).toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "request body is not valid JSON", "invalid");
  }
}

/** Narrows an unknown value to a plain object (for untrusted JSON). */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A string field of untrusted JSON, or undefined. */
export function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === "string" ? value : undefined;
}

/** Sends a JSON response (no body for HEAD). */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
  contentType = "application/json; charset=utf-8",
): void {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    "Content-Type": contentType,
    "Content-Length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(res.req.method === "HEAD" ? undefined : text);
}

/** A byte range resolved against a size: inclusive start and end. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Resolves a `Range` header (one range; `a-b`, `a-` or `-n`) against a size. Returns undefined
 * for no header or a form the server ignores, and throws 416 for an unsatisfiable range.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return undefined;
  const [, first = "", last = ""] = match;
  let start: number;
  let end: number;
  if (first === "") {
    if (last === "") return undefined;
    start = Math.max(0, size - Number(last));
    end = size - 1;
  } else {
    start = Number(first);
    end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  }
  if (start >= size || start > end) {
    throw new HttpError(416, `range ${header} not satisfiable for ${String(size)} bytes`, "range", {
      "Content-Range": `bytes */${String(size)}`,
    });
  }
  return { start, end };
}

/** Streams a stored file (or the requested range of it); honours HEAD. */
export async function sendFile(
  res: ServerResponse,
  path: string,
  size: number,
  rangeHeader: string | undefined,
  headers: Record<string, string>,
): Promise<void> {
  const range = parseRange(rangeHeader, size);
  const common = { "Accept-Ranges": "bytes", ...headers };
  if (range === undefined) {
    res.writeHead(200, { ...common, "Content-Length": String(size) });
  } else {
    res.writeHead(206, {
      ...common,
      "Content-Length": String(range.end - range.start + 1),
      "Content-Range": `bytes ${String(range.start)}-${String(range.end)}/${String(size)}`,
    });
  }
  if (res.req.method === "HEAD" || size === 0) {
    res.end();
    return;
  }
  await pipeline(createReadStream(path, range ?? {}), res);
}

/** Digests computed while a body streams to disk ("" / empty / 0 for those not asked for). */
export interface StreamedFile {
  size: number;
  sha256: string;
  md5: Buffer;
  crc32c: number;
}

/** Which digests {@link streamToFile} computes; each costs CPU on multi-GB bodies. */
export interface DigestChoice {
  sha256?: boolean;
  md5?: boolean;
  crc32c?: boolean;
}

/**
 * Streams a body to `path` (through a temporary name, renamed on success) computing the chosen
 * digests on the way; never holds the body in memory. On error the partial file is removed.
 */
export async function streamToFile(
  body: AsyncIterable<Buffer>,
  path: string,
  digests: DigestChoice,
): Promise<StreamedFile> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString("hex")}.partial`;
  const sha256: Hash | undefined = digests.sha256 === true ? createHash("sha256") : undefined;
  const md5: Hash | undefined = digests.md5 === true ? createHash("md5") : undefined;
  const crc = digests.crc32c === true ? new Crc32c() : undefined;
  let size = 0;
  const out = createWriteStream(temp);
  try {
    await pipeline(async function* () {
      for await (const chunk of body) {
        size += chunk.length;
        sha256?.update(chunk);
        md5?.update(chunk);
        crc?.update(chunk);
        yield chunk;
      }
    }, out);
    await rename(temp, path);
  } catch (error) {
    out.destroy();
    await rm(temp, { force: true });
    throw error;
  }
  return {
    size,
    sha256: sha256?.digest("hex") ?? "",
    md5: md5?.digest() ?? Buffer.alloc(0),
    crc32c: crc?.value ?? 0,
  };
}

/** Writes a small file atomically (temporary name, then rename). */
export async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
}

/** Random hex identifier. */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString("hex");
}

/** Serialises async work per key (a session, an object) so that steps do not interleave. */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

/** Whether a path exists. */
export async function pathExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
