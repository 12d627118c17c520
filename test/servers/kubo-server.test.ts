import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { create } from "kubo-rpc-client";
import type { KuboRPCClient } from "kubo-rpc-client";
import { CID } from "multiformats/cid";
import { verifyBlock } from "./blockstore.js";
import { buildDag, concat, readCar, source } from "./ipfs-fixtures.js";
import { startKuboServer } from "./kubo-server.js";
import type { KuboServer } from "./kubo-server.js";

const SETTINGS = {
  cidVersion: 1,
  rawLeaves: true,
  chunker: "size-262144",
  wrapWithDirectory: true,
} as const;

describe("Kubo server with kubo-rpc-client", () => {
  let server: KuboServer;
  let ipfs: KuboRPCClient;
  const weights = randomBytes(600_000);
  const config = Buffer.from('{"hidden_size": 8}');
  const files = [
    { path: "config.json", content: config },
    { path: "onnx/model.onnx", content: weights },
  ];

  beforeEach(async () => {
    server = await startKuboServer();
    ipfs = create({ url: server.url });
  });

  afterEach(async () => {
    await server.stop();
    await rm(server.storageDir, { recursive: true, force: true });
  });

  it("adds a wrapped directory with the release settings and gets the locally computed CID", async () => {
    const expected = await buildDag(files);
    const added = [];
    for await (const entry of ipfs.addAll(files, SETTINGS)) added.push(entry);
    const root = added.find((e) => e.path === "");
    expect(root?.cid.toString()).toBe(expected.root.toString());
    expect(added.map((e) => e.path).sort()).toEqual(["", "config.json", "onnx", "onnx/model.onnx"]);
    const cat = await concat(ipfs.cat(`/ipfs/${expected.root.toString()}/onnx/model.onnx`));
    expect(cat.equals(weights)).toBe(true);
    const pins = [];
    for await (const pin of ipfs.pin.ls({ type: "recursive" })) pins.push(pin.cid.toString());
    expect(pins).toEqual([expected.root.toString()]);
  });

  it("imports a CAR, pins its root, and exports the same verified blocks", async () => {
    const dag = await buildDag(files);
    const results = [];
    for await (const result of ipfs.dag.import(source(dag.car), { pinRoots: true })) {
      results.push(result);
    }
    expect(results).toEqual([{ root: { cid: dag.root, pinErrorMsg: "" } }]);
    const exported = await readCar(await concat(ipfs.dag.export(dag.root)));
    expect(exported.roots.map(String)).toEqual([dag.root.toString()]);
    expect(new Set(exported.blocks.map((b) => b.cid.toString()))).toEqual(
      new Set(dag.blocks.keys()),
    );
    for (const block of exported.blocks) await verifyBlock(block.cid, block.bytes);
    const [first] = dag.blocks.values();
    if (first === undefined) throw new Error("empty dag");
    expect(Buffer.from(await ipfs.block.get(first.cid)).equals(Buffer.from(first.bytes))).toBe(
      true,
    );
    expect((await ipfs.block.stat(first.cid)).size).toBe(first.bytes.length);
  });

  it("refuses a CAR with a corrupted block and pins nothing", async () => {
    const dag = await buildDag(files);
    const car = Buffer.from(dag.car);
    const leaf = [...dag.blocks.values()].find((b) => b.cid.code === 0x55 && b.bytes.length > 1000);
    if (leaf === undefined) throw new Error("no leaf");
    const at = car.indexOf(Buffer.from(leaf.bytes.subarray(0, 64)));
    car[at + 10] = (car[at + 10] ?? 0) ^ 0xff;
    const attempt = async () => {
      for await (const _result of ipfs.dag.import(source(car))) {
        // drain
      }
    };
    await expect(attempt()).rejects.toThrow(/does not match its hash/);
    expect(server.pins().size).toBe(0);
    await expect(ipfs.block.stat(leaf.cid)).rejects.toThrow(/could not find/);
  });

  it("reports a pin error for a CAR that lacks blocks of its DAG", async () => {
    const dag = await buildDag(files);
    const { CarWriter } = await import("@ipld/car");
    const { writer, out } = CarWriter.create([dag.root]);
    const collected = concat(out);
    let skipped = false;
    for (const block of dag.blocks.values()) {
      if (!skipped && block.cid.code === 0x55) {
        skipped = true;
        continue;
      }
      await writer.put(block);
    }
    await writer.close();
    const partial = await collected;
    const results = [];
    for await (const result of ipfs.dag.import(source(partial))) results.push(result);
    expect(results[0]?.root.pinErrorMsg).toMatch(/could not find/);
    expect(server.pins().size).toBe(0);
  });

  it("serves the gateway: files with Range, raw blocks and CARs for trustless clients", async () => {
    const dag = await buildDag(files);
    for await (const _result of ipfs.dag.import(source(dag.car))) {
      // imported
    }
    const base = `${server.gatewayUrl}/ipfs/${dag.root.toString()}`;
    const file = await fetch(`${base}/onnx/model.onnx`);
    expect(Buffer.from(await file.arrayBuffer()).equals(weights)).toBe(true);
    const ranged = await fetch(`${base}/onnx/model.onnx`, {
      headers: { Range: "bytes=300000-300099" },
    });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(weights.subarray(300000, 300100))).toBe(
      true,
    );
    const raw = await fetch(`${base}?format=raw`);
    expect(raw.headers.get("content-type")).toBe("application/vnd.ipld.raw");
    await verifyBlock(dag.root, new Uint8Array(await raw.arrayBuffer()));
    const car = await fetch(`${base}/onnx/model.onnx`, {
      headers: { Accept: "application/vnd.ipld.car" },
    });
    expect(car.headers.get("content-type")).toMatch(/^application\/vnd\.ipld\.car/);
    const parsed = await readCar(new Uint8Array(await car.arrayBuffer()));
    expect(parsed.roots[0]?.toString()).toBe(dag.root.toString());
    for (const block of parsed.blocks) await verifyBlock(block.cid, block.bytes);
    const listing = await fetch(`${base}/onnx`);
    expect(await listing.text()).toContain("model.onnx");
    const one = await fetch(`${base}/onnx/model.onnx?format=car&dag-scope=block`);
    const single = await readCar(new Uint8Array(await one.arrayBuffer()));
    expect(single.blocks).toHaveLength(3);
    const missing = await fetch(
      `${server.gatewayUrl}/ipfs/${CID.parse("bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy").toString()}`,
    );
    expect(missing.status).toBe(404);
  });

  it("pins, lists and unpins, and refuses to pin what it does not have", async () => {
    const dag = await buildDag(files);
    for await (const _result of ipfs.dag.import(source(dag.car), { pinRoots: false })) {
      // imported
    }
    expect(server.pins().size).toBe(0);
    await ipfs.pin.add(dag.root);
    const listed = [];
    for await (const pin of ipfs.pin.ls({ paths: [dag.root] })) listed.push(pin);
    expect(listed).toEqual([{ cid: dag.root, type: "recursive" }]);
    await ipfs.pin.rm(dag.root);
    expect(server.pins().size).toBe(0);
    const absent = CID.parse("bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy");
    await expect(ipfs.pin.add(absent)).rejects.toThrow(/could not find/);
  });

  it("injects 500, 429, resets and delays on the chosen RPC call", async () => {
    server.faults.add({ kind: "http500", path: "/api/v0/dag/import", nth: 1 });
    const dag = await buildDag(files);
    const importOnce = async () => {
      for await (const _r of ipfs.dag.import(source(dag.car))) {
        // drain
      }
    };
    await expect(importOnce()).rejects.toMatchObject({ response: { status: 500 } });
    server.faults.add({
      kind: "http429",
      path: "/api/v0/block/stat",
      nth: 1,
      retryAfterSeconds: 2,
    });
    await expect(ipfs.block.stat(dag.root)).rejects.toMatchObject({ response: { status: 429 } });
    server.faults.add({ kind: "reset", path: "/api/v0/add", nth: 1, afterBytes: 1000 });
    const addOnce = async () => {
      for await (const _e of ipfs.addAll(files, SETTINGS)) {
        // drain
      }
    };
    await expect(addOnce()).rejects.toThrow();
    server.faults.add({ kind: "slow", path: "/api/v0/version", nth: 1, delayMs: 120 });
    const started = Date.now();
    await ipfs.version();
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(server.faults.fired.map((f) => f.kind)).toEqual(["http500", "http429", "reset", "slow"]);
    await importOnce();
    expect(server.pins().get(dag.root.toString())).toBe("recursive");
  });
});
