import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { HubStore } from "./hub-store.js";
import {
  asRecord,
  randomId,
  readJson,
  sendFile,
  sendJson,
  streamToFile,
  writeFileAtomic,
} from "./http-kit.js";
import { HttpError } from "./http-server.js";
import type { RequestContext } from "./http-server.js";

/**
 * Git LFS for the Hub stand-in: the batch API answers each object with nothing (already stored),
 * a basic upload action (one PUT) or, past a size threshold and when the client offers it, the
 * Hub's multipart action (`header.chunk_size` plus one presigned PUT URL per part, `href` being
 * the completion URL). Upload URLs are signed like presigned storage URLs and need no token; the
 * server checks every object's SHA-256 and size before it is stored.
 */

export interface LfsOptions {
  /** Objects larger than this use multipart transfer when offered. Default 64 MiB. */
  multipartThreshold: number;
  /** Part size of multipart transfers. Default 16 MiB. */
  partSize: number;
}

const LFS_TYPE = "application/vnd.git-lfs+json";
const OID = /^[0-9a-f]{64}$/;

/** The LFS batch endpoint and the presigned upload/download URLs it hands out. */
export class LfsService {
  private readonly store: HubStore;
  private readonly options: LfsOptions;
  private readonly secret = randomBytes(32);

  constructor(store: HubStore, options: LfsOptions) {
    this.store = store;
    this.options = options;
  }

  private sign(parts: string[]): string {
    return createHmac("sha256", this.secret).update(parts.join(":")).digest("hex");
  }

  private verify(parts: string[], signature: string | null): void {
    const expected = Buffer.from(this.sign(parts));
    const given = Buffer.from(signature ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new HttpError(403, "Request signature does not match", "SignatureDoesNotMatch");
    }
  }

  private async stored(oid: string): Promise<number | undefined> {
    return stat(this.store.lfsPath(oid)).then(
      (s) => s.size,
      () => undefined,
    );
  }

  /** POST {repo}.git/info/lfs/objects/batch */
  async batch(ctx: RequestContext): Promise<void> {
    const request = asRecord(await readJson(ctx.body));
    if (request.operation !== "upload" && request.operation !== "download") {
      throw new HttpError(422, "operation must be upload or download");
    }
    const transfers = Array.isArray(request.transfers) ? request.transfers : ["basic"];
    const multipart = transfers.includes("multipart");
    const objects = Array.isArray(request.objects) ? request.objects.map(asRecord) : [];
    let usedMultipart = false;
    const answers = [];
    for (const object of objects) {
      const oid = object.oid;
      const size = object.size;
      if (
        typeof oid !== "string" ||
        !OID.test(oid) ||
        typeof size !== "number" ||
        !Number.isInteger(size) ||
        size < 0
      ) {
        answers.push({
          oid,
          size,
          error: {
            code: 422,
            message: "Invalid object: oid must be a SHA-256 hex and size a non-negative integer",
          },
        });
        continue;
      }
      const have = await this.stored(oid);
      if (request.operation === "download") {
        answers.push(
          have === undefined
            ? { oid, size, error: { code: 404, message: "Object does not exist" } }
            : {
                oid,
                size,
                authenticated: true,
                actions: {
                  download: {
                    href: `${ctx.baseUrl}/lfs-objects/${oid}?sig=${this.sign([oid, "get"])}`,
                  },
                },
              },
        );
        continue;
      }
      if (have === size) {
        answers.push({ oid, size, authenticated: true });
        continue;
      }
      if (multipart && size > this.options.multipartThreshold) {
        usedMultipart = true;
        const uploadId = randomId(8);
        const count = Math.ceil(size / this.options.partSize);
        const header: Record<string, string> = { chunk_size: String(this.options.partSize) };
        for (let part = 1; part <= count; part++) {
          const n = String(part).padStart(5, "0");
          header[n] =
            `${ctx.baseUrl}/lfs-multipart/${oid}/${uploadId}/${String(part)}?size=${String(size)}&sig=${this.sign([oid, String(size), uploadId, String(part)])}`;
        }
        const href = `${ctx.baseUrl}/lfs-multipart/${oid}/${uploadId}/complete?size=${String(size)}&sig=${this.sign([oid, String(size), uploadId, "complete"])}`;
        answers.push({
          oid,
          size,
          authenticated: true,
          actions: { upload: { href, header, expires_in: 86400 } },
        });
        continue;
      }
      const href = `${ctx.baseUrl}/lfs-upload/${oid}?size=${String(size)}&sig=${this.sign([oid, String(size)])}`;
      answers.push({
        oid,
        size,
        authenticated: true,
        actions: {
          upload: { href, expires_in: 86400 },
          verify: { href: ctx.url.href.replace(/\/batch$/, "/verify"), expires_in: 86400 },
        },
      });
    }
    const transfer = usedMultipart ? "multipart" : "basic";
    sendJson(ctx.res, 200, { transfer, objects: answers, hash_algo: "sha256" }, {}, LFS_TYPE);
  }

  /** POST {repo}.git/info/lfs/objects/verify */
  async verifyObject(ctx: RequestContext): Promise<void> {
    const body = asRecord(await readJson(ctx.body));
    const oid = typeof body.oid === "string" && OID.test(body.oid) ? body.oid : "";
    if (oid === "" || (await this.stored(oid)) !== body.size) {
      throw new HttpError(404, "Object not found or size mismatch", "EntryNotFound");
    }
    sendJson(ctx.res, 200, { oid, size: body.size }, {}, LFS_TYPE);
  }

  /** Moves a verified temporary file into the object store, or refuses it. */
  private async accept(
    temp: string,
    oid: string,
    size: number,
    got: { sha256: string; size: number },
  ) {
    if (got.sha256 !== oid || got.size !== size) {
      await rm(temp, { force: true });
      throw new HttpError(
        400,
        `Uploaded content does not match the LFS object: expected sha256 ${oid} and ${String(size)} bytes, got ${got.sha256} and ${String(got.size)} bytes`,
        "BadDigest",
      );
    }
    await rename(temp, this.store.lfsPath(oid));
  }

  /** PUT /lfs-upload/{oid} (basic transfer). */
  async putObject(ctx: RequestContext, oid: string): Promise<void> {
    const size = Number(ctx.url.searchParams.get("size"));
    this.verify([oid, String(size)], ctx.url.searchParams.get("sig"));
    const temp = this.store.tempPath();
    const got = await streamToFile(ctx.body, temp, { sha256: true, md5: true });
    await this.accept(temp, oid, size, got);
    ctx.res.writeHead(200, { ETag: `"${got.md5.toString("hex")}"`, "Content-Length": "0" }).end();
  }

  /** GET /lfs-objects/{oid} (the download action). */
  async getObject(ctx: RequestContext, oid: string): Promise<void> {
    this.verify([oid, "get"], ctx.url.searchParams.get("sig"));
    const size = await this.stored(oid);
    if (size === undefined) throw new HttpError(404, "Object does not exist", "NoSuchKey");
    await sendFile(ctx.res, this.store.lfsPath(oid), size, ctx.req.headers.range, {
      "Content-Type": "application/octet-stream",
      ETag: `"${oid}"`,
    });
  }

  private partsDir(uploadId: string): string {
    return join(this.store.root, "tmp", `multipart-${uploadId}`);
  }

  /** PUT /lfs-multipart/{oid}/{uploadId}/{part}: answers with the part's ETag like S3. */
  async putPart(ctx: RequestContext, oid: string, uploadId: string, part: string): Promise<void> {
    const size = Number(ctx.url.searchParams.get("size"));
    this.verify([oid, String(size), uploadId, part], ctx.url.searchParams.get("sig"));
    const index = Number(part);
    const count = Math.ceil(size / this.options.partSize);
    const expected =
      index < count ? this.options.partSize : size - (count - 1) * this.options.partSize;
    await mkdir(this.partsDir(uploadId), { recursive: true });
    const path = join(this.partsDir(uploadId), part);
    const got = await streamToFile(ctx.body, path, { md5: true });
    if (got.size !== expected) {
      await rm(path, { force: true });
      throw new HttpError(
        400,
        `Part ${part} has ${String(got.size)} bytes, expected ${String(expected)}`,
        "IncompleteBody",
      );
    }
    await writeFileAtomic(`${path}.etag`, `"${got.md5.toString("hex")}"`);
    ctx.res.writeHead(200, { ETag: `"${got.md5.toString("hex")}"`, "Content-Length": "0" }).end();
  }

  /** POST /lfs-multipart/{oid}/{uploadId}/complete with `{ oid, parts: [{ partNumber, etag }] }`. */
  async complete(ctx: RequestContext, oid: string, uploadId: string): Promise<void> {
    const size = Number(ctx.url.searchParams.get("size"));
    this.verify([oid, String(size), uploadId, "complete"], ctx.url.searchParams.get("sig"));
    const body = asRecord(await readJson(ctx.body));
    const parts = (Array.isArray(body.parts) ? body.parts : []).map(asRecord);
    const count = Math.ceil(size / this.options.partSize);
    if (parts.length !== count)
      throw new HttpError(
        400,
        `Expected ${String(count)} parts, got ${String(parts.length)}`,
        "InvalidPart",
      );
    const dir = this.partsDir(uploadId);
    for (const [i, entry] of parts.entries()) {
      if (entry.partNumber !== i + 1)
        throw new HttpError(400, "Parts must be listed in order", "InvalidPartOrder");
      const etag = await readFile(join(dir, `${String(i + 1)}.etag`), "utf8").catch(() => {
        throw new HttpError(400, `Part ${String(i + 1)} was not uploaded`, "InvalidPart");
      });
      if (entry.etag !== etag) {
        throw new HttpError(400, `ETag of part ${String(i + 1)} does not match`, "InvalidPart");
      }
    }
    const temp = this.store.tempPath();
    const sha = createHash("sha256");
    let total = 0;
    await pipeline(async function* () {
      for (let i = 1; i <= count; i++) {
        for await (const chunk of createReadStream(join(dir, String(i))) as AsyncIterable<Buffer>) {
          sha.update(chunk);
          total += chunk.length;
          yield chunk;
        }
      }
    }, createWriteStream(temp));
    await this.accept(temp, oid, size, { sha256: sha.digest("hex"), size: total });
    await rm(dir, { recursive: true, force: true });
    sendJson(ctx.res, 200, { oid, size }, {}, LFS_TYPE);
  }
}
