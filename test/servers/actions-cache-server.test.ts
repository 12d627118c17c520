import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { restoreCache, saveCache } from "@actions/cache";
import { BlockBlobClient } from "@azure/storage-blob";
import { scratch } from "../helpers/temp.js";
import { startActionsCacheServer } from "./actions-cache-server.js";
import type { ActionsCacheServer } from "./actions-cache-server.js";
import { withCacheEnv } from "./cache-env.js";

const PR_TOKEN = "pr-7-token";
const FORK_TOKEN = "fork-pr-token";

async function twirp(
  server: ActionsCacheServer,
  method: string,
  body: unknown,
  token = server.token,
) {
  const res = await fetch(
    `${server.url}twirp/github.actions.results.api.v1.CacheService/${method}`,
    {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    },
  );
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("Actions cache server with @actions/cache", () => {
  let server: ActionsCacheServer;
  let dir: string;
  let remove: () => Promise<void>;
  let folder: string;

  beforeEach(async () => {
    ({ dir, remove } = await scratch());
    server = await startActionsCacheServer({
      tokens: {
        "main-token": { ref: "refs/heads/main" },
        [PR_TOKEN]: { ref: "refs/pull/7/merge", readRefs: ["refs/heads/main"] },
        [FORK_TOKEN]: { ref: "refs/pull/8/merge", readRefs: ["refs/heads/main"], write: false },
      },
    });
    folder = join(dir, "workspace", "cached");
  });

  afterEach(async () => {
    await server.stop();
    await rm(server.storageDir, { recursive: true, force: true });
    await remove();
  });

  const writeFolder = async (text: string) => {
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "data.json"), text);
  };
  const save = (key: string, token = "main-token") =>
    withCacheEnv(server.env(token), dir, () => saveCache([folder], key));
  const restore = async (key: string, restoreKeys: string[], token = "main-token") => {
    await rm(folder, { recursive: true, force: true });
    return withCacheEnv(server.env(token), dir, () => restoreCache([folder], key, restoreKeys));
  };

  it("saves a folder and restores it by exact key, through signed blob URLs", async () => {
    await writeFolder('{"run":1}');
    const saved = await save("bench-model-abc");
    expect(saved.value).toBeGreaterThan(0);
    expect(server.entries()).toEqual([
      expect.objectContaining({
        key: "bench-model-abc",
        scope: "refs/heads/main",
        finalized: true,
      }),
    ]);
    expect(server.blobLog.some((e) => e.method === "PUT" && e.status === 201)).toBe(true);
    expect(saved.stdout).not.toContain("main-token");

    const restored = await restore("bench-model-abc", []);
    expect(restored.value).toBe("bench-model-abc");
    expect(await readFile(join(folder, "data.json"), "utf8")).toBe('{"run":1}');
    expect(server.blobLog.some((e) => e.method === "GET" && e.status === 200)).toBe(true);
    // The signature of each URL is masked before anything is logged.
    expect(restored.stdout).toMatch(/::add-mask::/);
  });

  it("matches restore keys by prefix, most recent first, and only the same version", async () => {
    await writeFolder('{"run":"old"}');
    await save("bench-m-v-fp-1111");
    await writeFolder('{"run":"new"}');
    await save("bench-m-v-fp-2222");
    await writeFolder('{"run":"other"}');
    await save("bench-m-v-otherfp-3333");

    const latest = await restore("bench-m-v-fp-9999", ["bench-m-v-fp-"]);
    expect(latest.value).toBe("bench-m-v-fp-2222");
    expect(await readFile(join(folder, "data.json"), "utf8")).toBe('{"run":"new"}');

    expect((await restore("bench-m-v-fp-1111", ["bench-m-v-fp-"])).value).toBe("bench-m-v-fp-1111");
    expect((await restore("bench-m-v-nothing", ["bench-x-"])).value).toBeUndefined();

    // Another path is another version: nothing matches.
    const elsewhere = join(dir, "workspace", "elsewhere");
    await mkdir(elsewhere, { recursive: true });
    const miss = await withCacheEnv(server.env("main-token"), dir, () =>
      restoreCache([elsewhere], "bench-m-v-fp-2222", ["bench-"]),
    );
    expect(miss.value).toBeUndefined();
  });

  it("never overwrites an entry: a second save with the same key is refused", async () => {
    await writeFolder('{"run":1}');
    await save("immutable-key");
    await writeFolder('{"run":2}');
    const again = await save("immutable-key");
    expect(again.value).toBe(-1);
    expect(server.log.some((e) => e.path.endsWith("/CreateCacheEntry") && e.status === 409)).toBe(
      true,
    );
    await restore("immutable-key", []);
    expect(await readFile(join(folder, "data.json"), "utf8")).toBe('{"run":1}');
  });

  it("scopes entries by ref: a pull request reads its base branch, writes only its own ref", async () => {
    await writeFolder('{"from":"main"}');
    await save("scoped-main");
    expect((await restore("scoped-", [], PR_TOKEN)).value).toBe("scoped-main");

    await writeFolder('{"from":"pr"}');
    expect((await save("scoped-pr", PR_TOKEN)).value).toBeGreaterThan(0);
    expect((await restore("scoped-pr", [], "main-token")).value).toBeUndefined();
    // In its own scope the pull request's entry comes first.
    expect((await restore("scoped-", [], PR_TOKEN)).value).toBe("scoped-pr");

    await writeFolder('{"from":"fork"}');
    const denied = await save("scoped-fork", FORK_TOKEN);
    expect(denied.value).toBe(-1);
    expect(server.entries().map((e) => e.key)).toEqual(["scoped-main", "scoped-pr"]);
  });

  it("refuses unknown runtime tokens", async () => {
    const reply = await twirp(
      server,
      "GetCacheEntryDownloadURL",
      { key: "k", version: "v" },
      "nope",
    );
    expect(reply).toEqual({
      status: 401,
      json: { code: "unauthenticated", msg: expect.any(String) },
    });
    const restored = await restore("anything", [], "nope");
    expect(restored.value).toBeUndefined();
  });

  it("speaks block blobs to @azure/storage-blob: staged blocks, ranged reads, checked signatures", async () => {
    const version = "f".repeat(64);
    const created = await twirp(server, "CreateCacheEntry", { key: "blocks", version });
    expect(created.json.ok).toBe(true);
    const uploadUrl = String(created.json.signed_upload_url);
    const data = randomBytes(300_000);
    const client = new BlockBlobClient(uploadUrl, undefined, {
      retryOptions: { maxTries: 3, retryDelayInMs: 5, maxRetryDelayInMs: 10 },
    });
    server.blobFaults.add({ kind: "http500", method: "PUT", nth: 2 });
    await client.uploadData(data, { blockSize: 100_000, maxSingleShotSize: 100_000 });
    const blockPuts = server.blobLog.filter((e) => e.query.includes("comp=block&"));
    expect(blockPuts.filter((e) => e.status === 201)).toHaveLength(3);
    expect(server.blobLog.some((e) => e.query.includes("comp=blocklist") && e.status === 201)).toBe(
      true,
    );

    const early = await twirp(server, "GetCacheEntryDownloadURL", { key: "blocks", version });
    expect(early.json.ok).toBe(false);
    const short = await twirp(server, "FinalizeCacheEntryUpload", {
      key: "blocks",
      version,
      size_bytes: "12",
    });
    expect(short.json.ok).toBe(false);
    const done = await twirp(server, "FinalizeCacheEntryUpload", {
      key: "blocks",
      version,
      size_bytes: String(data.length),
    });
    expect(done.json).toEqual({ ok: true, entry_id: expect.any(String) });

    const found = await twirp(server, "GetCacheEntryDownloadURL", {
      key: "blo",
      restore_keys: [],
      version,
    });
    expect(found.json.matched_key).toBe("blocks");
    const reader = new BlockBlobClient(String(found.json.signed_download_url));
    expect((await reader.getProperties()).contentLength).toBe(data.length);
    const part = await reader.downloadToBuffer(1000, 50_000, { blockSize: 16_384 });
    expect(part.equals(data.subarray(1000, 51_000))).toBe(true);

    const written = new BlockBlobClient(uploadUrl);
    await expect(written.upload(Buffer.from("x"), 1)).rejects.toMatchObject({
      statusCode: 409,
      code: "BlobAlreadyExists",
    });
    const forged = new URL(String(found.json.signed_download_url));
    forged.searchParams.set("sp", "rw");
    await expect(new BlockBlobClient(forged.href).getProperties()).rejects.toMatchObject({
      statusCode: 403,
    });
    await expect(
      new BlockBlobClient(String(found.json.signed_download_url)).upload(Buffer.from("x"), 1),
    ).rejects.toMatchObject({ statusCode: 403 });
  });

  it("keeps entries, blobs and signing key across a restart", async () => {
    await writeFolder('{"run":"before restart"}');
    await save("durable");
    await server.stop();
    server = await startActionsCacheServer({
      storageDir: server.storageDir,
      tokens: { "main-token": { ref: "refs/heads/main" } },
    });
    expect((await restore("durable", [])).value).toBe("durable");
    expect(await readFile(join(folder, "data.json"), "utf8")).toBe('{"run":"before restart"}');
  });
});
