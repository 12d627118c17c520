import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { serverDelayMs } from "../../src/publish/rate-limit.js";
import { retryingFetch } from "../../src/publish/retrying-fetch.js";
import { retryDelay, retryPolicy, seededRandom, withRetry } from "../../src/publish/retry.js";
import {
  isNetworkError,
  remoteFailed,
  statusOf,
  transientVerdict,
} from "../../src/publish/remote-error.js";

/** A policy that records the waits instead of sleeping. */
function recording(overrides = {}) {
  const waits: number[] = [];
  const policy = retryPolicy({
    random: seededRandom(3),
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    ...overrides,
  });
  return { policy, waits };
}

describe("retry policy", () => {
  it("backs off exponentially with jitter that a seed reproduces", () => {
    const a = retryPolicy({ random: seededRandom(9), baseDelayMs: 100, maxDelayMs: 1000 });
    const b = retryPolicy({ random: seededRandom(9), baseDelayMs: 100, maxDelayMs: 1000 });
    const first = [1, 2, 3, 4, 5, 6].map((n) => retryDelay(a, n));
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelay(b, n))).toEqual(first);
    first.forEach((ms, i) => {
      const cap = Math.min(1000, 100 * 2 ** i);
      expect(ms).toBeGreaterThanOrEqual(cap / 2);
      expect(ms).toBeLessThanOrEqual(cap);
    });
  });

  it("waits at least what the server asked for", () => {
    const policy = retryPolicy({ random: seededRandom(1) });
    for (let i = 0; i < 20; i++) expect(retryDelay(policy, 1, 3000)).toBeGreaterThanOrEqual(3000);
  });

  it("retries transient failures up to the attempt limit and rethrows the last", async () => {
    const { policy, waits } = recording({ maxAttempts: 3 });
    let calls = 0;
    const failing = withRetry(
      "x",
      () => {
        calls++;
        return Promise.reject(Object.assign(new Error("busy"), { statusCode: 503 }));
      },
      transientVerdict,
      policy,
    );
    await expect(failing).rejects.toThrow("busy");
    expect(calls).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it("does not retry what is not transient, nor a server asking for too long a wait", async () => {
    const { policy } = recording({ maxServerDelayMs: 10_000 });
    let calls = 0;
    const forbidden = withRetry(
      "x",
      () => {
        calls++;
        return Promise.reject(Object.assign(new Error("no"), { status: 403 }));
      },
      transientVerdict,
      policy,
    );
    await expect(forbidden).rejects.toThrow("no");
    const slow = withRetry(
      "x",
      () => {
        calls++;
        return Promise.reject(
          Object.assign(new Error("later"), {
            response: { status: 429, headers: { "retry-after": "3600" } },
          }),
        );
      },
      transientVerdict,
      policy,
    );
    await expect(slow).rejects.toThrow("later");
    expect(calls).toBe(2);
  });

  it("stops when the signal is aborted", async () => {
    const controller = new AbortController();
    const { policy } = recording();
    const run = withRetry(
      "x",
      () => {
        controller.abort();
        return Promise.reject(new Error("ECONNRESET"));
      },
      transientVerdict,
      policy,
      { signal: controller.signal },
    );
    await expect(run).rejects.toThrow("ECONNRESET");
  });
});

describe("server-requested waits", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it.each([
    [{ "retry-after": "7" }, 7000],
    [{ "Retry-After": "Thu, 01 Jan 2026 00:00:05 GMT" }, 5000],
    [{ ratelimit: '"default";r=0;t=12' }, 12000],
    [{ ratelimit: "limit=100, remaining=0, reset=4" }, 4000],
    [{ "ratelimit-reset": "2" }, 2000],
    [{ "x-ratelimit-reset": String(now / 1000 + 9) }, 9000],
    [{}, undefined],
    [{ "retry-after": "soon" }, undefined],
  ])("reads %j", (headers, expected) => {
    expect(serverDelayMs(headers, now)).toBe(expected);
    expect(serverDelayMs(new Headers(headers), now)).toBe(expected);
  });
});

describe("errors of the client libraries", () => {
  it("finds the status wherever the library put it", () => {
    expect(statusOf({ statusCode: 412 })).toBe(412);
    expect(statusOf({ code: 404 })).toBe(404);
    expect(statusOf({ response: { status: 502 } })).toBe(502);
    expect(statusOf({ code: "ECONNRESET" })).toBeUndefined();
    expect(statusOf("text")).toBeUndefined();
  });

  it("tells broken connections from answers", () => {
    expect(isNetworkError(new TypeError("fetch failed", { cause: { code: "ECONNRESET" } }))).toBe(
      true,
    );
    expect(isNetworkError(new Error("socket hang up"))).toBe(true);
    expect(isNetworkError(Object.assign(new Error("x"), { name: "AbortError" }))).toBe(false);
    expect(isNetworkError(new Error("invalid JSON"))).toBe(false);
    expect(transientVerdict(new Error("invalid JSON"))).toEqual({ retry: false });
  });

  it("says what failed, where, and what to do", () => {
    const error = remoteFailed(
      "hf:org/x",
      "committing",
      Object.assign(new Error("Forbidden"), { statusCode: 403 }),
    );
    expect(error).toMatchObject({ code: "REMOTE_FAILED", exitCode: 3 });
    expect(error.message).toMatch(/^hf:org\/x: committing failed \(HTTP 403\): Forbidden; check/);
  });
});

describe("retrying fetch", () => {
  let server: Server;
  let url = "";
  const hits = new Map<string, number>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      const key = `${req.method ?? ""} ${req.url ?? ""}`;
      const n = (hits.get(key) ?? 0) + 1;
      hits.set(key, n);
      if (req.url === "/limited" && n === 1) {
        res.writeHead(429, { "Retry-After": "2" }).end("slow down");
      } else if (req.url === "/reset" && n === 1) {
        req.socket.destroy();
      } else if (req.url === "/down") {
        res.writeHead(503).end("down");
      } else {
        res.writeHead(200).end(`ok ${n}`);
      }
    });
    await new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", () => {
        resolve();
      }),
    );
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  );

  it("waits out a 429 as Retry-After says, then gets through", async () => {
    const { policy, waits } = recording();
    const notices: string[] = [];
    const get = retryingFetch({
      policy,
      retrySafe: () => true,
      onRetry: (n) => notices.push(n.reason),
    });
    const response = await get(`${url}/limited`);
    expect(await response.text()).toBe("ok 2");
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    expect(notices).toEqual(["HTTP 429"]);
  });

  it("sends again after a reset, but only what is safe to repeat", async () => {
    const { policy } = recording();
    const get = retryingFetch({ policy, retrySafe: (method) => method === "GET" });
    expect(await (await get(`${url}/reset`)).text()).toBe("ok 2");
    await expect(get(`${url}/reset`, { method: "POST", body: "x" })).rejects.toThrow();
    expect(hits.get("POST /reset")).toBe(1);
  });

  it("hands the last answer back when the attempts run out", async () => {
    const { policy, waits } = recording({ maxAttempts: 3 });
    const get = retryingFetch({ policy, retrySafe: () => true });
    const response = await get(`${url}/down`);
    expect(response.status).toBe(503);
    expect(waits).toHaveLength(2);
  });

  it("never repeats a request whose body is a stream", async () => {
    const { policy } = recording();
    const get = retryingFetch({ policy, retrySafe: () => true });
    hits.set("PUT /limited", 0);
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("once"));
        controller.close();
      },
    });
    const response = await get(`${url}/limited`, {
      method: "PUT",
      body,
      duplex: "half",
    });
    expect(response.status).toBe(429);
  });
});
