import { afterEach, describe, expect, it } from "@jest/globals";
import { FaultInjector } from "./faults.js";
import type { FaultRequest } from "./faults.js";
import { startHttpServer } from "./http-server.js";
import type { RunningHttpServer } from "./http-server.js";

function request(method: string, path: string, query = ""): FaultRequest {
  return { method, path, query: new URLSearchParams(query), headers: {} };
}

function run(injector: FaultInjector, count: number): (string | undefined)[] {
  return Array.from(
    { length: count },
    (_, i) => injector.decide(i + 1, request("GET", `/o/${String(i)}`))?.kind,
  );
}

describe("FaultInjector", () => {
  it("fires a rule on the nth matching request only, counting only matches", () => {
    const faults = new FaultInjector().add({
      kind: "http500",
      method: "PUT",
      path: "/upload/*/o",
      nth: 2,
    });
    const kinds = [
      faults.decide(1, request("PUT", "/upload/b/o")),
      faults.decide(2, request("GET", "/upload/b/o")),
      faults.decide(3, request("PUT", "/other")),
      faults.decide(4, request("PUT", "/upload/b/o")),
      faults.decide(5, request("PUT", "/upload/b/o")),
    ].map((d) => d?.kind);
    expect(kinds).toEqual([undefined, undefined, undefined, "http500", undefined]);
    expect(faults.fired).toEqual([
      { seq: 4, kind: "http500", method: "PUT", path: "/upload/b/o", source: "rule" },
    ]);
  });

  it("fires `count` times from nth, every time without nth, and filters with `where`", () => {
    const faults = new FaultInjector()
      .add({ kind: "reset", path: /^\/a/, nth: 2, count: 2 })
      .add({ kind: "slow", path: "/b", where: (r) => r.query.get("x") === "1", delayMs: 5 });
    const seq = ["/a", "/a", "/a", "/a", "/b", "/b"].map(
      (path, i) => faults.decide(i, request("GET", path, i === 5 ? "x=1" : ""))?.kind,
    );
    expect(seq).toEqual([undefined, "reset", "reset", undefined, undefined, "slow"]);
    expect(() => new FaultInjector().add({ kind: "reset", nth: 0 })).toThrow(RangeError);
  });

  it("replays the same random faults from the same seed, at about the asked rate", () => {
    const make = (seed: number) => new FaultInjector().random({ rate: 0.1, seed });
    const first = run(make(42), 2000);
    expect(run(make(42), 2000)).toEqual(first);
    expect(run(make(43), 2000)).not.toEqual(first);
    const hits = first.filter((k) => k !== undefined).length;
    expect(hits).toBeGreaterThan(140);
    expect(hits).toBeLessThan(260);
    expect(new Set(first.filter((k) => k !== undefined))).toEqual(
      new Set(["http500", "http429", "reset"]),
    );
    const off = make(1).random(undefined);
    expect(run(off, 100).every((k) => k === undefined)).toBe(true);
    expect(() => new FaultInjector().random({ rate: 2, seed: 1 })).toThrow(RangeError);
  });
});

describe("startHttpServer", () => {
  let server: RunningHttpServer | undefined;

  afterEach(async () => {
    await server?.stop();
  });

  it("logs every request with its status and fault, and cuts request bodies on reset", async () => {
    const received: number[] = [];
    server = await startHttpServer({
      handler: async ({ body, res }) => {
        let size = 0;
        for await (const chunk of body as AsyncIterable<Buffer>) size += chunk.length;
        received.push(size);
        res.writeHead(200).end("ok");
      },
      formatError: (error) => ({ contentType: "text/plain", body: error.message }),
    });
    server.faults.add({ kind: "reset", method: "POST", nth: 1, afterBytes: 1000 });
    await expect(
      fetch(server.url, { method: "POST", body: Buffer.alloc(50_000) }),
    ).rejects.toThrow();
    expect((await fetch(server.url, { method: "POST", body: Buffer.alloc(50_000) })).status).toBe(
      200,
    );
    server.faults.add({ kind: "http429", nth: 1, retryAfterSeconds: 9 });
    const limited = await fetch(`${server.url}/x?y=1`);
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "9"]);
    expect(server.log.map((e) => [e.method, e.path, e.query, e.status, e.fault])).toEqual([
      ["POST", "/", "", 0, "reset"],
      ["POST", "/", "", 200, undefined],
      ["GET", "/x", "?y=1", 429, "http429"],
    ]);
    expect(received).toEqual([50_000]);
  });
});
