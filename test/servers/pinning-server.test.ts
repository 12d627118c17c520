import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { create } from "kubo-rpc-client";
import { DiskBlockstore } from "./blockstore.js";
import { buildDag, source } from "./ipfs-fixtures.js";
import type { BuiltDag } from "./ipfs-fixtures.js";
import { startKuboServer } from "./kubo-server.js";
import type { KuboServer } from "./kubo-server.js";
import { startPinningServer } from "./pinning-server.js";
import type { PinningServer, PinStatus } from "./pinning-server.js";

async function call(server: PinningServer, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${server.token}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: (text === "" ? {} : JSON.parse(text)) as unknown,
  };
}

/** Polls a pin request until it settles, returning every status seen in order. */
async function follow(server: PinningServer, first: PinStatus): Promise<string[]> {
  const seen = [first.status];
  for (let i = 0; i < 400; i++) {
    const { json } = await call(server, "GET", `/pins/${first.requestid}`);
    const status = (json as PinStatus).status;
    if (status !== seen.at(-1)) seen.push(status);
    if (status === "pinned" || status === "failed") return seen;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return seen;
}

describe("Pinning Service API server", () => {
  let kubo: KuboServer;
  let pinning: PinningServer | undefined;
  let dag: BuiltDag;

  beforeEach(async () => {
    kubo = await startKuboServer();
    dag = await buildDag([
      { path: "README.md", content: Buffer.from("# model\n") },
      { path: "model.safetensors", content: randomBytes(400_000) },
    ]);
    for await (const _r of create({ url: kubo.url }).dag.import(source(dag.car))) {
      // imported
    }
  });

  afterEach(async () => {
    await pinning?.stop();
    await kubo.stop();
    await rm(kubo.storageDir, { recursive: true, force: true });
    if (pinning !== undefined) await rm(pinning.storageDir, { recursive: true, force: true });
    pinning = undefined;
  });

  it("pins from the origin gateway, moving queued → pinning → pinned", async () => {
    pinning = await startPinningServer();
    const created = await call(pinning, "POST", "/pins", {
      cid: dag.root.toString(),
      name: "tiny-model v1.0.0",
      origins: [kubo.gatewayMultiaddr],
      meta: { version: "1.0.0" },
    });
    expect(created.status).toBe(202);
    const request = created.json as PinStatus;
    expect(request).toMatchObject({
      status: "queued",
      pin: { cid: dag.root.toString(), name: "tiny-model v1.0.0" },
    });
    expect(request.delegates[0]).toMatch(/^\/ip4\/127\.0\.0\.1\/tcp\/\d+\/p2p\/Qm/);
    expect(await follow(pinning, request)).toEqual(["queued", "pinning", "pinned"]);
    expect(kubo.gatewayLog.some((e) => e.query.includes("format=car") && e.status === 200)).toBe(
      true,
    );
    const own = new DiskBlockstore(`${pinning.storageDir}/blocks`);
    expect(await own.complete(dag.root)).toBe(true);
  });

  it("pins from a readable blockstore without origins", async () => {
    pinning = await startPinningServer({ blockstoreDirs: [kubo.blocksDir] });
    const { json } = await call(pinning, "POST", "/pins", { cid: dag.root.toString() });
    expect((await follow(pinning, json as PinStatus)).at(-1)).toBe("pinned");
  });

  it("fails a request whose content cannot be found, or only corrupted", async () => {
    pinning = await startPinningServer({ failAfterMs: 150, retryMs: 20 });
    const lost = await call(pinning, "POST", "/pins", { cid: dag.root.toString() });
    const lostStatuses = await follow(pinning, lost.json as PinStatus);
    expect(lostStatuses.at(-1)).toBe("failed");
    const leaf = [...dag.blocks.values()].find((b) => b.cid.code === 0x55 && b.bytes.length > 1000);
    if (leaf === undefined) throw new Error("no leaf");
    await writeFile(
      new DiskBlockstore(kubo.blocksDir).path(leaf.cid),
      randomBytes(leaf.bytes.length),
    );
    const damaged = await call(pinning, "POST", "/pins", {
      cid: dag.root.toString(),
      origins: [kubo.gatewayMultiaddr],
    });
    expect((await follow(pinning, damaged.json as PinStatus)).at(-1)).toBe("failed");
  });

  it("lists with the spec's filters, replaces and deletes requests", async () => {
    pinning = await startPinningServer({ blockstoreDirs: [kubo.blocksDir] });
    const a = (
      await call(pinning, "POST", "/pins", {
        cid: dag.root.toString(),
        name: "Model-A",
        meta: { v: "1" },
      })
    ).json as PinStatus;
    const b = (
      await call(pinning, "POST", "/pins", {
        cid: dag.root.toString(),
        name: "model-b",
        meta: { v: "2" },
      })
    ).json as PinStatus;
    await follow(pinning, a);
    await follow(pinning, b);
    const byName = (await call(pinning, "GET", "/pins?name=model&match=ipartial")).json as {
      count: number;
      results: PinStatus[];
    };
    expect(byName.count).toBe(2);
    const exact = (await call(pinning, "GET", "/pins?name=model-b")).json as {
      results: PinStatus[];
    };
    expect(exact.results.map((r) => r.requestid)).toEqual([b.requestid]);
    const byMeta = (await call(pinning, "GET", `/pins?meta=${encodeURIComponent('{"v":"1"}')}`))
      .json as { results: PinStatus[] };
    expect(byMeta.results.map((r) => r.requestid)).toEqual([a.requestid]);
    const queued = (await call(pinning, "GET", "/pins?status=queued")).json as { count: number };
    expect(queued.count).toBe(0);
    const limited = (await call(pinning, "GET", `/pins?cid=${dag.root.toString()}&limit=1`))
      .json as { count: number; results: unknown[] };
    expect([limited.count, limited.results.length]).toEqual([2, 1]);
    const replaced = await call(pinning, "POST", `/pins/${a.requestid}`, {
      cid: dag.root.toString(),
      name: "Model-A2",
    });
    expect(replaced.status).toBe(202);
    expect((await call(pinning, "GET", `/pins/${a.requestid}`)).status).toBe(404);
    expect((await call(pinning, "DELETE", `/pins/${b.requestid}`)).status).toBe(202);
    const gone = await call(pinning, "GET", `/pins/${b.requestid}`);
    expect(gone).toMatchObject({ status: 404, json: { error: { reason: "NOT_FOUND" } } });
    expect((await call(pinning, "POST", "/pins", { cid: "not-a-cid" })).status).toBe(400);
  });

  it("requires the bearer token and injects faults on the chosen request", async () => {
    pinning = await startPinningServer({ blockstoreDirs: [kubo.blocksDir] });
    const anonymous = await fetch(`${pinning.url}/pins`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { reason: "UNAUTHORIZED" } });
    pinning.faults.add({
      kind: "http429",
      method: "POST",
      path: "/pins",
      nth: 1,
      retryAfterSeconds: 4,
    });
    const limited = await call(pinning, "POST", "/pins", { cid: dag.root.toString() });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("4");
    pinning.faults.add({ kind: "http500", method: "GET", path: "/pins/*", nth: 1 });
    const created = (await call(pinning, "POST", "/pins", { cid: dag.root.toString() }))
      .json as PinStatus;
    expect((await call(pinning, "GET", `/pins/${created.requestid}`)).status).toBe(500);
    pinning.faults.add({ kind: "reset", method: "GET", path: "/pins", nth: 1 });
    await expect(call(pinning, "GET", "/pins")).rejects.toThrow();
    expect(pinning.faults.fired.map((f) => f.kind)).toEqual(["http429", "http500", "reset"]);
    expect(pinning.requests()).toHaveLength(1);
  });
});
