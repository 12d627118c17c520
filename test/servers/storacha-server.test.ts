import { readFile, rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { CarWriter } from "@ipld/car";
import * as dagPb from "@ipld/dag-pb";
import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { sha256 } from "multiformats/hashes/sha2";
import { ed25519 } from "@ucanto/principal";
import { checkCar } from "../../src/formats/car.js";
import { startStorachaServer, type StorachaServer } from "./storacha-server.js";
import { blobKey } from "./storacha-store.js";
import { storachaClient, storachaCredentials } from "./storacha-credentials.js";

/** A two-block DAG (a dag-pb node linking a raw leaf) as CAR bytes. */
async function dagCar(text: string): Promise<{ root: CID; leaf: CID; car: Uint8Array }> {
  const bytes = new TextEncoder().encode(text);
  const leaf = CID.createV1(raw.code, await sha256.digest(bytes));
  const node = dagPb.encode(
    dagPb.prepare({ Links: [{ Hash: leaf, Name: "leaf", Tsize: bytes.length }] }),
  );
  const root = CID.createV1(dagPb.code, await sha256.digest(node));
  const { writer, out } = CarWriter.create([root]);
  const writing = (async () => {
    await writer.put({ cid: root, bytes: node });
    await writer.put({ cid: leaf, bytes });
    await writer.close();
  })();
  const chunks: Uint8Array[] = [];
  for await (const chunk of out) chunks.push(chunk);
  await writing;
  return { root, leaf, car: Buffer.concat(chunks) };
}

/** Waits until the server has seen no request for 100 ms (the client's other branches settle). */
async function quiet(server: StorachaServer): Promise<void> {
  for (let seen = -1; seen !== server.log.length;) {
    seen = server.log.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const puts = (server: StorachaServer) => server.log.filter((e) => e.method === "PUT");

describe("the Storacha upload-service stand-in, driven by @storacha/client", () => {
  let server: StorachaServer;
  let warn: { mockRestore: () => void };
  beforeAll(async () => {
    server = await startStorachaServer();
    // The client reports each failed attempt on console.warn; the tests assert on the errors.
    warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterAll(async () => {
    warn.mockRestore();
    await server.stop();
    await rm(server.storageDir, { recursive: true, force: true });
  });

  it("takes a CAR through blob/add, the PUT, accept, index/add and upload/add", async () => {
    const credentials = await storachaCredentials();
    const client = await storachaClient(server, credentials);
    const { root, car } = await dagCar("hello storacha");
    const shards: string[] = [];
    const uploaded = await client.uploadCAR(new Blob([car]), {
      retries: 0,
      onShardStored: (meta) => shards.push(meta.cid.toString()),
    });
    expect(uploaded.toString()).toBe(root.toString());
    expect(server.uploads().get(credentials.space)).toEqual([
      expect.objectContaining({ root: root.toString(), shards }),
    ]);
    // The shard and the index were PUT, each checked against its digest and kept.
    expect(puts(server).map((e) => e.status)).toEqual([200, 200]);
    const blobs = server.store.blobs().get(credentials.space) ?? [];
    expect(blobs).toHaveLength(2);
    expect(server.store.indexes().get(credentials.space)).toHaveLength(1);
    for (const key of blobs) {
      const bytes = await readFile(server.store.blobPath(key));
      expect(blobKey(await sha256.digest(bytes))).toBe(key);
    }
    // The gateway serves the DAG back; every block hashes to its CID.
    const response = await fetch(`${server.url}/ipfs/${root.toString()}?format=car`);
    expect(response.status).toBe(200);
    const check = await checkCar(
      (async function* () {
        yield new Uint8Array(await response.arrayBuffer());
      })(),
      root,
    );
    expect(check).toMatchObject({ hasRoot: true, corrupt: [], missing: [], blocks: 2 });
    // The same CAR again: every blob is already there, nothing is PUT.
    const before = puts(server).length;
    await client.uploadCAR(new Blob([car]), { retries: 0 });
    expect(puts(server)).toHaveLength(before);
  });

  it("refuses a delegation not issued by the space, and a key the delegation is not for", async () => {
    const forged = await storachaCredentials({ issuer: await ed25519.generate() });
    const { car } = await dagCar("forged");
    const client = await storachaClient(server, forged);
    const before = puts(server).length;
    const refusal = await client
      .uploadCAR(new Blob([car]), { retries: 0 })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as Error).cause).toMatchObject({ name: "Unauthorized" });
    const good = await storachaCredentials();
    const stranger = await storachaClient(server, {
      key: ed25519.format(await ed25519.generate()),
      proof: good.proof,
    });
    const refused = await stranger
      .uploadCAR(new Blob([car]), { retries: 0 })
      .catch((e: unknown) => e);
    expect((refused as Error).cause).toMatchObject({ name: "Unauthorized" });
    expect(puts(server)).toHaveLength(before);
    expect(server.uploads().get(forged.space)).toBeUndefined();
    expect(server.uploads().get(good.space)).toBeUndefined();
  });

  it("takes blob bytes only at an allocated address, and only when they match the digest", async () => {
    const bytes = new TextEncoder().encode("blob bytes");
    const key = blobKey(await sha256.digest(bytes));
    const put = (body: Uint8Array) => fetch(`${server.url}/blob/${key}`, { method: "PUT", body });
    expect((await put(bytes)).status).toBe(403);
    server.store.allocate(key);
    expect((await put(new TextEncoder().encode("other bytes"))).status).toBe(400);
    expect(await server.store.hasBlob(key)).toBe(false);
    expect((await put(bytes)).status).toBe(200);
    const back = await fetch(`${server.url}/blob/${key}`);
    expect(Buffer.from(await back.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect((await fetch(`${server.url}/receipt/bafkqaaa`)).status).toBe(404);
    expect((await fetch(`${server.url}/receipt/notacid`)).status).toBe(400);
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
  });

  it("answers 503 while unavailable and injects faults on chosen requests", async () => {
    const credentials = await storachaCredentials();
    const client = await storachaClient(server, credentials);
    const { car } = await dagCar("outage");
    server.faults.add({ kind: "http500", method: "PUT", path: "/blob/*", nth: 1 });
    const fault = await client.uploadCAR(new Blob([car]), { retries: 0 }).catch((e: unknown) => e);
    expect(fault).toMatchObject({ message: "upload failed: 500" });
    await quiet(server);
    server.unavailable(1);
    const outage = await client.uploadCAR(new Blob([car]), { retries: 0 }).catch((e: unknown) => e);
    expect(outage).toMatchObject({ name: "HTTPError", status: 503 });
    await quiet(server);
    const root = await client.uploadCAR(new Blob([car]), { retries: 0 });
    expect(server.uploads().get(credentials.space)?.[0]?.root).toBe(root.toString());
  });
});
