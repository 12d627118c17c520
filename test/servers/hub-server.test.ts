import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createHash, randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import {
  commit,
  createBranch,
  createRepo,
  downloadFile,
  listCommits,
  listFiles,
  pathsInfo,
  repoExists,
  whoAmI,
} from "@huggingface/hub";
import type { CommitOperation, ListFileEntry } from "@huggingface/hub";
import { startHubServer } from "./hub-server.js";
import type { HubServer } from "./hub-server.js";

const REPO = "test-user/tiny-model";

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function add(path: string, data: Buffer | string): CommitOperation {
  return { operation: "addOrUpdate", path, content: new Blob([data]) };
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("Hub server with @huggingface/hub", () => {
  let server: HubServer;
  let creds: { hubUrl: string; accessToken: string };

  beforeEach(async () => {
    server = await startHubServer({
      lfsMultipartThreshold: 300_000,
      lfsPartSize: 128 * 1024,
      treePageSize: 3,
      treeExpandPageSize: 2,
    });
    creds = { hubUrl: server.url, accessToken: server.token };
    await createRepo({ ...creds, repo: REPO });
  });

  afterEach(async () => {
    await server.stop();
    await rm(server.storageDir, { recursive: true, force: true });
  });

  it("uploads regular, LFS and multipart LFS files in one commit and reads them back", async () => {
    expect((await whoAmI(creds)).name).toBe("test-user");
    expect(await repoExists({ ...creds, repo: REPO })).toBe(true);
    const weights = randomBytes(700_000);
    const small = randomBytes(2000);
    const out = await commit({
      ...creds,
      repo: REPO,
      title: "Release v1.0.0",
      operations: [
        add("config.json", '{"a":1}'),
        add("model.safetensors", weights),
        add("onnx/model.onnx", small),
      ],
    });
    expect(out?.commit.oid).toMatch(/^[0-9a-f]{40}$/);
    const multipartPuts = server.log.filter(
      (e) => e.path.startsWith("/lfs-multipart/") && e.method === "PUT",
    );
    expect(multipartPuts).toHaveLength(Math.ceil(weights.length / (128 * 1024)));
    expect(server.log.some((e) => e.path.startsWith("/lfs-upload/") && e.status === 200)).toBe(
      true,
    );

    const files = await all(listFiles({ ...creds, repo: REPO, recursive: true, expand: true }));
    const byPath = new Map<string, ListFileEntry>(files.map((f) => [f.path, f]));
    expect([...byPath.keys()]).toEqual([
      ".gitattributes",
      "config.json",
      "model.safetensors",
      "onnx",
      "onnx/model.onnx",
    ]);
    expect(byPath.get("model.safetensors")?.lfs).toMatchObject({
      oid: sha256(weights),
      size: weights.length,
    });
    expect(byPath.get("onnx/model.onnx")?.lfs?.oid).toBe(sha256(small));
    expect(byPath.get("config.json")?.lfs).toBeUndefined();
    expect(byPath.get("model.safetensors")?.lastCommit?.id).toBe(out?.commit.oid);
    expect(server.log.filter((e) => e.path.includes("/tree/")).length).toBeGreaterThan(1);

    const blob = await downloadFile({ ...creds, repo: REPO, path: "model.safetensors" });
    expect(Buffer.from(await (blob as Blob).arrayBuffer()).equals(weights)).toBe(true);
    const slice = Buffer.from(await (blob as Blob).slice(1000, 1100).arrayBuffer());
    expect(slice.equals(weights.subarray(1000, 1100))).toBe(true);
    const config = await downloadFile({ ...creds, repo: REPO, path: "config.json" });
    expect(await config?.text()).toBe('{"a":1}');
    expect(await downloadFile({ ...creds, repo: REPO, path: "missing.bin" })).toBeNull();
    const info = await pathsInfo({
      ...creds,
      repo: REPO,
      paths: ["model.safetensors", "nope", "onnx"],
    });
    expect(info.map((p) => [p.path, p.type, p.lfs?.oid])).toEqual([
      ["model.safetensors", "file", sha256(weights)],
      ["onnx", "directory", undefined],
    ]);
  });

  it("answers Range requests on resolve with 206 and the Hub's headers", async () => {
    const weights = randomBytes(50_000);
    const out = await commit({
      ...creds,
      repo: REPO,
      title: "w",
      operations: [add("w.bin", weights)],
    });
    const res = await fetch(`${server.url}/${REPO}/resolve/main/w.bin`, {
      headers: { Range: "bytes=10-19", Authorization: `Bearer ${server.token}` },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 10-19/${String(weights.length)}`);
    expect(res.headers.get("x-repo-commit")).toBe(out?.commit.oid);
    expect(res.headers.get("x-linked-etag")).toBe(`"${sha256(weights)}"`);
    expect(Buffer.from(await res.arrayBuffer()).equals(weights.subarray(10, 20))).toBe(true);
    const raw = await fetch(`${server.url}/${REPO}/raw/main/w.bin`);
    expect(await raw.text()).toContain(`oid sha256:${sha256(weights)}`);
  });

  it("refuses a commit on a stale parent with 412 and keeps the history linear", async () => {
    const first = await commit({
      ...creds,
      repo: REPO,
      title: "one",
      operations: [add("a.txt", "1")],
    });
    const parent = first?.commit.oid ?? "";
    await commit({
      ...creds,
      repo: REPO,
      title: "two",
      operations: [add("b.txt", "2")],
      parentCommit: parent,
    });
    await expect(
      commit({
        ...creds,
        repo: REPO,
        title: "stale",
        operations: [add("c.txt", "3")],
        parentCommit: parent,
      }),
    ).rejects.toMatchObject({ statusCode: 412 });
    const history = await all(listCommits({ ...creds, repo: REPO }));
    expect(history.map((c) => c.title)).toEqual(["two", "one", "initial commit"]);
  });

  it("skips LFS uploads whose object is already stored", async () => {
    const weights = randomBytes(40_000);
    await commit({ ...creds, repo: REPO, title: "one", operations: [add("w.bin", weights)] });
    const before = server.log.length;
    await commit({ ...creds, repo: REPO, title: "again", operations: [add("copy.bin", weights)] });
    const puts = server.log.slice(before).filter((e) => e.method === "PUT");
    expect(puts).toHaveLength(0);
  });

  it("refuses LFS bytes that do not hash to the announced oid", async () => {
    const real = randomBytes(5000);
    const oid = sha256(real);
    const batch = await fetch(`${server.url}/${REPO}.git/info/lfs/objects/batch`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${server.token}`,
        "Content-Type": "application/vnd.git-lfs+json",
      },
      body: JSON.stringify({
        operation: "upload",
        transfers: ["basic"],
        objects: [{ oid, size: real.length }],
      }),
    });
    const answer = (await batch.json()) as { objects: { actions: { upload: { href: string } } }[] };
    const href = answer.objects[0]?.actions.upload.href ?? "";
    const forged = await fetch(href, { method: "PUT", body: randomBytes(5000) });
    expect(forged.status).toBe(400);
    const tampered = await fetch(href.replace(/sig=[0-9a-f]+/, "sig=00"), {
      method: "PUT",
      body: real,
    });
    expect(tampered.status).toBe(403);
    expect((await fetch(href, { method: "PUT", body: real })).status).toBe(200);
  });

  it("creates branches and tags and lists refs", async () => {
    const base = await commit({
      ...creds,
      repo: REPO,
      title: "base",
      operations: [add("a.txt", "1")],
    });
    await createBranch({ ...creds, repo: REPO, branch: "experimental-int4" });
    await commit({
      ...creds,
      repo: REPO,
      branch: "experimental-int4",
      title: "int4",
      operations: [add("q.bin", "q")],
    });
    await expect(
      createBranch({ ...creds, repo: REPO, branch: "experimental-int4" }),
    ).rejects.toMatchObject({
      statusCode: 409,
    });
    const tag = (name: string) =>
      fetch(`${server.url}/api/models/${REPO}/tag/main`, {
        method: "POST",
        headers: { Authorization: `Bearer ${server.token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ tag: name, message: "release" }),
      });
    expect((await tag("v1.0.0")).status).toBe(200);
    expect((await tag("v1.0.0")).status).toBe(409);
    const refs = (await (await fetch(`${server.url}/api/models/${REPO}/refs`)).json()) as {
      branches: { name: string; targetCommit: string }[];
      tags: { name: string; ref: string; targetCommit: string }[];
    };
    expect(refs.tags).toEqual([
      { name: "v1.0.0", ref: "refs/tags/v1.0.0", targetCommit: base?.commit.oid },
    ]);
    expect(refs.branches.map((b) => b.name).sort()).toEqual(["experimental-int4", "main"]);
    const onBranch = await all(listFiles({ ...creds, repo: REPO, revision: "experimental-int4" }));
    expect(onBranch.map((f) => f.path)).toContain("q.bin");
    const atTag = await all(listFiles({ ...creds, repo: REPO, revision: "v1.0.0" }));
    expect(atTag.map((f) => f.path)).not.toContain("q.bin");
  });

  it("checks the token and hides private repositories from anonymous callers", async () => {
    await expect(whoAmI({ hubUrl: server.url, accessToken: "hf_wrong" })).rejects.toMatchObject({
      statusCode: 401,
    });
    await createRepo({ ...creds, repo: "test-user/secret", visibility: "private" });
    expect(await repoExists({ hubUrl: server.url, repo: "test-user/secret" })).toBe(false);
    expect(await repoExists({ ...creds, repo: "test-user/secret" })).toBe(true);
    await expect(createRepo({ ...creds, repo: "someone-else/x" })).rejects.toMatchObject({
      statusCode: 403,
    });
    await expect(createRepo({ ...creds, repo: REPO })).rejects.toMatchObject({ statusCode: 409 });
    await expect(
      commit({ hubUrl: server.url, repo: REPO, title: "anon", operations: [add("a.txt", "1")] }),
    ).rejects.toMatchObject({ statusCode: 401 });
  });

  it("injects 500, 429 with Retry-After, resets and delays on the chosen request", async () => {
    server.faults.add({
      kind: "http500",
      method: "POST",
      path: "/api/models/*/*/commit/*",
      nth: 1,
    });
    await expect(
      commit({ ...creds, repo: REPO, title: "x", operations: [add("a.txt", "1")] }),
    ).rejects.toMatchObject({
      statusCode: 500,
    });
    server.faults.add({
      kind: "http429",
      path: "/api/models/*/*/preupload/*",
      nth: 1,
      retryAfterSeconds: 3,
    });
    await expect(
      commit({ ...creds, repo: REPO, title: "x", operations: [add("a.txt", "1")] }),
    ).rejects.toMatchObject({
      statusCode: 429,
    });
    const limited = server.log.find((e) => e.status === 429);
    expect(limited?.path).toBe(`/api/models/${REPO}/preupload/main`);
    server.faults.add({ kind: "reset", method: "PUT", path: "/lfs-upload/*", nth: 1 });
    await expect(
      commit({
        ...creds,
        repo: REPO,
        title: "x",
        operations: [add("w.bin", randomBytes(100_000))],
      }),
    ).rejects.toThrow();
    server.faults.add({ kind: "slow", path: "/api/whoami-v2", nth: 1, delayMs: 120 });
    const started = Date.now();
    await whoAmI(creds);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(server.faults.fired.map((f) => f.kind)).toEqual(["http500", "http429", "reset", "slow"]);
    // Nothing half-done became visible: only the initial commit exists.
    expect((await all(listCommits({ ...creds, repo: REPO }))).map((c) => c.title)).toEqual([
      "initial commit",
    ]);
  });

  it("keeps repositories, history and LFS objects across a restart", async () => {
    const weights = randomBytes(30_000);
    await commit({ ...creds, repo: REPO, title: "w", operations: [add("w.bin", weights)] });
    await server.stop();
    server = await startHubServer({ storageDir: server.storageDir });
    creds = { hubUrl: server.url, accessToken: server.token };
    const blob = await downloadFile({ ...creds, repo: REPO, path: "w.bin" });
    expect(Buffer.from(await (blob as Blob).arrayBuffer()).equals(weights)).toBe(true);
  });
});
