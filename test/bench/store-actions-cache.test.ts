import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { saveCache } from "@actions/cache";
import type { BaselineKey } from "../../src/bench/baseline-store.js";
import { ActionsCacheBaselineStore } from "../../src/bench/store-actions-cache.js";
import { scratch } from "../helpers/temp.js";
import { startActionsCacheServer } from "../servers/actions-cache-server.js";
import type { ActionsCacheServer } from "../servers/actions-cache-server.js";
import { withCacheEnv } from "../servers/cache-env.js";
import { FP_CPU, FP_GPU, benchRun, sha } from "./store-fixtures.js";

const KEY: BaselineKey = { modelId: "tiny-bert", variant: "onnx", fingerprint: FP_CPU };
const MAIN = "main-runtime-token";
const PR = "pr-runtime-token";
const FORK = "fork-runtime-token";

describe("Actions cache baseline store against the cache service", () => {
  let server: ActionsCacheServer;
  let dir: string;
  let remove: () => Promise<void>;
  let folder: string;

  beforeEach(async () => {
    ({ dir, remove } = await scratch());
    server = await startActionsCacheServer({
      tokens: {
        [MAIN]: { ref: "refs/heads/main" },
        [PR]: { ref: "refs/pull/7/merge", readRefs: ["refs/heads/main"] },
        [FORK]: { ref: "refs/pull/8/merge", readRefs: ["refs/heads/main"], write: false },
      },
    });
    folder = join(dir, "workspace", ".model-publish-bench");
  });

  afterEach(async () => {
    await server.stop();
    await remove();
  });

  /** A store as a job with `token` would build it. */
  const job = (token: string, canWrite: boolean) => {
    const store = new ActionsCacheBaselineStore({ canWrite, folder });
    return {
      save: async (key: BaselineKey, commit: string, latency = 10) =>
        (
          await withCacheEnv(server.env(token), dir, () =>
            store.save(
              { ...key, commit },
              { results: benchRun({ latency, seed: latency }), ref: "refs/heads/main" },
            ),
          )
        ).value,
      load: async (key: BaselineKey) =>
        (await withCacheEnv(server.env(token), dir, () => store.load(key))).value,
    };
  };

  it("records on the default branch and gives a pull request its base commit's results", async () => {
    const main = job(MAIN, true);
    expect(await main.save(KEY, sha("a"), 10)).toEqual({
      saved: true,
      location: `model-publish-bench/tiny-bert/onnx/${FP_CPU}/${sha("a")}`,
    });
    expect(await main.save(KEY, sha("b"), 11)).toMatchObject({ saved: true });

    const pr = job(PR, false);
    const base = await pr.load({ ...KEY, commit: sha("a") });
    expect(base).toMatchObject({ matched: "commit", commit: sha("a"), approximate: false });
    expect(base?.results.results).toEqual(benchRun({ latency: 10, seed: 10 }).results);
    expect(base?.source).toBe(
      `actions cache model-publish-bench/tiny-bert/onnx/${FP_CPU}/${sha("a")}`,
    );

    // A base commit with no record of its own: the latest one stands in, with its history.
    const standIn = await pr.load({ ...KEY, commit: sha("c") });
    expect(standIn).toMatchObject({ matched: "latest", commit: sha("b") });
    expect(standIn?.history.map((p) => p.commit)).toEqual([sha("a"), sha("b")]);
    expect((await pr.load(KEY))?.commit).toBe(sha("b"));
  });

  it("never returns another machine's or another model's results", async () => {
    const main = job(MAIN, true);
    await main.save({ ...KEY, modelId: "tiny-bert-large" }, sha("a"));
    await main.save(KEY, sha("b"));
    const pr = job(PR, false);
    expect(await pr.load({ ...KEY, fingerprint: FP_GPU, commit: sha("b") })).toBeUndefined();
    expect(await pr.load({ ...KEY, modelId: "tiny", commit: sha("b") })).toBeUndefined();
    expect((await pr.load({ ...KEY, commit: sha("a") }))?.commit).toBe(sha("b"));
  });

  it("writes nothing unless the run may write", async () => {
    const pr = job(PR, false);
    const outcome = await pr.save(KEY, sha("a"));
    expect(outcome.saved).toBe(false);
    expect(outcome.reason).toMatch(/default branch or a tag/);
    expect(server.entries()).toEqual([]);
    expect(server.log).toEqual([]);
  });

  it("says so when the commit is recorded already or the service refuses the entry", async () => {
    const main = job(MAIN, true);
    await main.save(KEY, sha("a"), 10);
    const again = await main.save(KEY, sha("a"), 30);
    expect(again).toMatchObject({
      saved: false,
      reason: expect.stringContaining("already recorded"),
    });
    expect(server.entries()).toHaveLength(1);
    expect(
      (await main.load({ ...KEY, commit: sha("a") }))?.history[0]?.medians.latency_p50,
    ).toBeLessThan(12);

    // A token the service made read-only (an untrusted event) cannot write even when asked to.
    const fork = job(FORK, true);
    const denied = await fork.save(KEY, sha("f"));
    expect(denied).toMatchObject({ saved: false, reason: expect.stringContaining("did not take") });
    expect(server.entries()).toHaveLength(1);
  });

  it("reports a cache entry under its key that does not hold a baseline", async () => {
    const store = new ActionsCacheBaselineStore({ canWrite: true, folder });
    const key = `${store.prefixFor(KEY)}${sha("a")}`;
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "other.txt"), "not ours");
    await withCacheEnv(server.env(MAIN), dir, () => saveCache([folder], key));
    await expect(
      withCacheEnv(server.env(PR), dir, () => store.load({ ...KEY, commit: sha("a") })),
    ).rejects.toMatchObject({ code: "INPUT_MALFORMED", message: expect.stringContaining(key) });
    const long = new ActionsCacheBaselineStore({ canWrite: true, folder, prefix: "p".repeat(450) });
    expect(() => long.keyFor(KEY, sha("a"))).toThrow(/over 512 characters/);
  });

  it("refuses to run where there is no cache service", async () => {
    const store = new ActionsCacheBaselineStore({ canWrite: true, folder });
    const vars = {
      ACTIONS_RESULTS_URL: "",
      ACTIONS_CACHE_URL: "",
      ACTIONS_CACHE_SERVICE_V2: "true",
    };
    await expect(withCacheEnv(vars, dir, () => store.load(KEY))).rejects.toMatchObject({
      code: "USAGE",
      message: expect.stringContaining("ACTIONS_RESULTS_URL"),
    });
    await expect(
      withCacheEnv(server.env(MAIN), dir, () => store.save(KEY, { results: benchRun({}) })),
    ).rejects.toMatchObject({ code: "USAGE", message: expect.stringContaining("per commit") });
  });
});
