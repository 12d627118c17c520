import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createHash, randomBytes } from "node:crypto";
import { CRC32C, Storage } from "@google-cloud/storage";
import type { File, GetFilesOptions } from "@google-cloud/storage";
import { OAuth2Client } from "google-auth-library";
import { rm } from "node:fs/promises";
import { startGcsServer } from "./gcs-server.js";
import type { GcsServer } from "./gcs-server.js";

const BUCKET = "models";

function client(server: GcsServer, retry = true): Storage {
  return new Storage({
    apiEndpoint: server.url,
    projectId: "test-project",
    retryOptions: { autoRetry: retry, maxRetries: 3, maxRetryDelay: 1, totalTimeout: 30 },
  });
}

function statusOf(error: unknown): unknown {
  return (error as { code?: unknown }).code;
}

describe("GCS server with @google-cloud/storage", () => {
  let server: GcsServer;

  beforeEach(async () => {
    server = await startGcsServer({ buckets: [BUCKET] });
  });

  afterEach(async () => {
    await server.stop();
    await rm(server.storageDir, { recursive: true, force: true });
  });

  it("stores a multipart upload with its metadata and serves it back byte for byte", async () => {
    const bytes = randomBytes(70_000);
    const file = client(server).bucket(BUCKET).file("org/model/v1.0.0/model.safetensors");
    await file.save(bytes, {
      resumable: false,
      preconditionOpts: { ifGenerationMatch: 0 },
      metadata: {
        contentType: "application/octet-stream",
        cacheControl: "public, max-age=31536000, immutable",
        metadata: { "model-version": "1.0.0", "model-checksum": "sha256:abc" },
      },
    });
    const [meta] = await file.getMetadata();
    expect(meta.size).toBe(String(bytes.length));
    expect(meta.md5Hash).toBe(createHash("md5").update(bytes).digest("base64"));
    const crc = new CRC32C();
    crc.update(bytes);
    expect(meta.crc32c).toBe(crc.toString());
    expect(meta.cacheControl).toBe("public, max-age=31536000, immutable");
    expect(meta.metadata).toEqual({ "model-version": "1.0.0", "model-checksum": "sha256:abc" });
    const [downloaded] = await file.download();
    expect(downloaded.equals(bytes)).toBe(true);
    const [slice] = await file.download({ start: 100, end: 199 });
    expect(slice.equals(bytes.subarray(100, 200))).toBe(true);
    expect(
      server.log.some((e) => e.query.includes("uploadType=multipart") && e.status === 200),
    ).toBe(true);
  });

  it("refuses a create-only write over an existing object with 412 and keeps the first bytes", async () => {
    const file = client(server).bucket(BUCKET).file("latest.json");
    await file.save("first", { resumable: false, preconditionOpts: { ifGenerationMatch: 0 } });
    const attempt = file.save("second", {
      resumable: false,
      preconditionOpts: { ifGenerationMatch: 0 },
    });
    await expect(attempt).rejects.toMatchObject({ code: 412 });
    const [meta] = await file.getMetadata();
    const generation = String(meta.generation);
    await file.save("third", {
      resumable: false,
      preconditionOpts: { ifGenerationMatch: Number(generation) },
    });
    expect((await file.download())[0].toString()).toBe("third");
    const stale = file.save("fourth", {
      resumable: false,
      preconditionOpts: { ifGenerationMatch: Number(generation) },
    });
    await expect(stale).rejects.toMatchObject({ code: 412 });
    expect((await file.download())[0].toString()).toBe("third");
  });

  it("lets exactly one of two concurrent create-only writes win", async () => {
    const file = client(server, false).bucket(BUCKET).file("org/index.json");
    const results = await Promise.allSettled(
      ["a", "b"].map((body) =>
        file.save(body, { resumable: false, preconditionOpts: { ifGenerationMatch: 0 } }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: 412 });
  });

  it("resumes a chunked resumable upload after a connection reset mid-chunk", async () => {
    const bytes = randomBytes(3 * 256 * 1024 + 1000);
    server.faults.add({
      kind: "reset",
      method: "PUT",
      path: `/upload/storage/v1/b/${BUCKET}/o`,
      nth: 2,
      afterBytes: 100_000,
    });
    const file = client(server).bucket(BUCKET).file("big.bin");
    await file.save(bytes, {
      resumable: true,
      chunkSize: 256 * 1024,
      preconditionOpts: { ifGenerationMatch: 0 },
    });
    expect(server.faults.fired).toHaveLength(1);
    const puts = server.log.filter((e) => e.method === "PUT");
    expect(puts[1]?.status).toBe(0);
    expect(puts.some((e) => e.status === 308)).toBe(true);
    expect((await file.download())[0].equals(bytes)).toBe(true);
  });

  it("resumes a session after a restart: the client asks for the offset and sends the rest", async () => {
    const bytes = randomBytes(600_000);
    const file = client(server).bucket(BUCKET).file("resumed.bin");
    const [uri] = await file.createResumableUpload({ preconditionOpts: { ifGenerationMatch: 0 } });
    const first = await fetch(uri, {
      method: "PUT",
      headers: { "Content-Range": "bytes 0-262143/*" },
      body: bytes.subarray(0, 262144),
    });
    expect([first.status, first.headers.get("range")]).toEqual([308, "bytes=0-262143"]);
    const port = Number(new URL(server.url).port);
    await server.stop();
    server = await startGcsServer({ storageDir: server.storageDir, port });
    await client(server).bucket(BUCKET).file("resumed.bin").save(bytes, { uri });
    const queries = server.log.filter((e) => e.method === "PUT");
    expect(queries.length).toBeGreaterThanOrEqual(2);
    expect(server.log.some((e) => e.status === 308)).toBe(true);
    expect((await file.download())[0].equals(bytes)).toBe(true);
  });

  it("refuses an upload whose declared MD5 disagrees with the bytes", async () => {
    const file = client(server, false).bucket(BUCKET).file("claimed.bin");
    const wrong = createHash("md5").update("something else").digest("base64");
    await expect(
      file.save(randomBytes(1000), { resumable: false, metadata: { md5Hash: wrong } }),
    ).rejects.toMatchObject({ code: 400 });
    expect(server.object(BUCKET, "claimed.bin")).toBeUndefined();
  });

  it("completes a single-request resumable upload and validates its CRC32C", async () => {
    const bytes = randomBytes(50_000);
    const file = client(server).bucket(BUCKET).file("one-shot.bin");
    await file.save(bytes, { resumable: true });
    expect((await file.download())[0].equals(bytes)).toBe(true);
    const stored = server.object(BUCKET, "one-shot.bin");
    expect(stored?.size).toBe(bytes.length);
  });

  it("lists in pages with prefix and delimiter", async () => {
    const bucket = client(server).bucket(BUCKET);
    const names = ["p/a.txt", "p/b.txt", "p/c.txt", "p/sub/d.txt", "p/sub/e.txt", "q/x.txt"];
    for (const name of names) await bucket.file(name).save(name, { resumable: false });
    const seen: string[] = [];
    const prefixes: string[] = [];
    let query: GetFilesOptions | undefined = {
      prefix: "p/",
      delimiter: "/",
      maxResults: 2,
      autoPaginate: false,
    };
    let pages = 0;
    while (query !== undefined) {
      // The typings leave the next query and the raw page loosely typed.
      const [files, next, raw] = (await bucket.getFiles(query)) as unknown as [
        File[],
        GetFilesOptions | null,
        { prefixes?: string[] },
      ];
      pages += 1;
      seen.push(...files.map((f) => f.name));
      prefixes.push(...(raw.prefixes ?? []));
      query = next ?? undefined;
    }
    expect(seen).toEqual(["p/a.txt", "p/b.txt", "p/c.txt"]);
    expect(prefixes).toEqual(["p/sub/"]);
    expect(pages).toBe(2);
    const [all] = await bucket.getFiles();
    expect(all.map((f) => f.name)).toEqual([...names].sort());
  });

  it("patches custom metadata under a metageneration precondition and deletes", async () => {
    const file = client(server).bucket(BUCKET).file("index.json");
    await file.save("{}", { resumable: false, metadata: { metadata: { a: "1", b: "2" } } });
    await file.setMetadata(
      { cacheControl: "no-cache", metadata: { a: null, c: "3" } },
      { ifMetagenerationMatch: 1 },
    );
    const [meta] = await file.getMetadata();
    expect(meta.metadata).toEqual({ b: "2", c: "3" });
    expect(meta.metageneration).toBe("2");
    await expect(
      file.setMetadata({ metadata: { d: "4" } }, { ifMetagenerationMatch: 1 }),
    ).rejects.toMatchObject({ code: 412 });
    await file.delete();
    expect((await file.exists())[0]).toBe(false);
  });

  it("accepts a plain media upload with the content type from its header", async () => {
    const res = await fetch(
      `${server.url}/upload/storage/v1/b/${BUCKET}/o?uploadType=media&name=${encodeURIComponent("a/b.txt")}&ifGenerationMatch=0`,
      { method: "POST", headers: { "Content-Type": "text/plain" }, body: "hello" },
    );
    expect(res.status).toBe(200);
    const [meta] = await client(server).bucket(BUCKET).file("a/b.txt").getMetadata();
    expect(meta.contentType).toBe("text/plain");
  });

  it("injects 500, 429 with Retry-After, and slow responses on the chosen request", async () => {
    const file = client(server, false).bucket(BUCKET).file("f.txt");
    await file.save("x", { resumable: false });
    server.faults.add({ kind: "http500", method: "GET", path: "/storage/v1/b/*/o/*", nth: 1 });
    await expect(file.getMetadata()).rejects.toMatchObject({ code: 500 });
    server.faults.add({ kind: "http429", method: "GET", nth: 1, retryAfterSeconds: 7 });
    const res = await fetch(`${server.url}/storage/v1/b/${BUCKET}/o/f.txt`);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    server.faults.add({ kind: "slow", method: "GET", nth: 1, delayMs: 150 });
    const started = Date.now();
    await file.getMetadata();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    // With retries on, the client gets through a 500 on its own.
    server.faults.add({ kind: "http500", method: "GET", nth: 1 });
    const [meta] = await client(server).bucket(BUCKET).file("f.txt").getMetadata();
    expect(meta.name).toBe("f.txt");
    expect(server.faults.fired.map((f) => f.kind)).toEqual([
      "http500",
      "http429",
      "slow",
      "http500",
    ]);
  });

  it("resets a download mid-body after the headers went out", async () => {
    const bytes = randomBytes(200_000);
    await client(server).bucket(BUCKET).file("cut.bin").save(bytes, { resumable: false });
    server.faults.add({
      kind: "reset",
      method: "GET",
      nth: 1,
      phase: "response",
      afterBytes: 5000,
    });
    // The storage client's node-fetch 2 never notices a body cut short under a Content-Length
    // (its download just stalls), so the cut is observed with the platform fetch.
    const res = await fetch(`${server.url}/storage/v1/b/${BUCKET}/o/cut.bin?alt=media`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(bytes.length));
    await expect(res.arrayBuffer()).rejects.toThrow();
    expect(server.log.at(-1)).toMatchObject({ status: 0, fault: "reset" });
  });

  it("requires the bearer token when started with one", async () => {
    const guarded = await startGcsServer({ buckets: [BUCKET], token: "gcs-test-token" });
    try {
      await expect(client(guarded).bucket(BUCKET).file("a").getMetadata()).rejects.toMatchObject({
        code: 401,
      });
      const auth = new OAuth2Client();
      auth.setCredentials({ access_token: "gcs-test-token", expiry_date: Date.now() + 3_600_000 });
      const storage = new Storage({
        apiEndpoint: guarded.url,
        projectId: "test-project",
        useAuthWithCustomEndpoint: true,
        authClient: auth,
      });
      await storage.bucket(BUCKET).file("a").save("ok", { resumable: false });
      expect((await storage.bucket(BUCKET).file("a").download())[0].toString()).toBe("ok");
    } finally {
      await guarded.stop();
      await rm(guarded.storageDir, { recursive: true, force: true });
    }
  });

  it("keeps objects across a restart on the same folder", async () => {
    await client(server).bucket(BUCKET).file("keep.txt").save("kept", { resumable: false });
    await server.stop();
    server = await startGcsServer({ storageDir: server.storageDir });
    expect((await client(server).bucket(BUCKET).file("keep.txt").download())[0].toString()).toBe(
      "kept",
    );
    expect(
      statusOf(
        await client(server)
          .bucket(BUCKET)
          .file("nope")
          .download()
          .catch((e: unknown) => e),
      ),
    ).toBe(404);
  });
});
