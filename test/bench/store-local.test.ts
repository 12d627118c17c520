import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { trendSeries } from "../../src/bench/baseline-document.js";
import type { BaselineKey, TrendPoint } from "../../src/bench/baseline-store.js";
import { evaluateGate } from "../../src/bench/gate.js";
import { LocalBaselineStore } from "../../src/bench/store-local.js";
import { ModelPublishError } from "../../src/errors.js";
import { scratch } from "../helpers/temp.js";
import { FP_CPU, FP_GPU, benchRun, sha } from "./store-fixtures.js";

const KEY: BaselineKey = { modelId: "tiny-bert", variant: "onnx", fingerprint: FP_CPU };

describe("local baseline store", () => {
  let dir: string;
  let remove: () => Promise<void>;
  let store: LocalBaselineStore;

  beforeEach(async () => {
    ({ dir, remove } = await scratch());
    store = new LocalBaselineStore({ dir, historyLimit: 3 });
  });
  afterEach(() => remove());

  it("round-trips every sample and says whether the commit asked for was found", async () => {
    const run = benchRun({ seed: 1 });
    const saved = await store.save(
      { ...KEY, commit: sha("a") },
      { results: run, ref: "refs/heads/main" },
    );
    expect(saved).toEqual({ saved: true, location: store.pathFor(KEY) });
    expect(store.pathFor(KEY)).toBe(join(dir, "tiny-bert", "onnx", `${FP_CPU}.json`));

    const exact = await store.load({ ...KEY, commit: sha("a") });
    expect(exact?.results.results).toEqual(run.results);
    expect(exact).toMatchObject({
      matched: "commit",
      commit: sha("a"),
      ref: "refs/heads/main",
      approximate: false,
    });
    expect(exact?.source).toContain(store.pathFor(KEY));
    const standIn = await store.load({ ...KEY, commit: sha("b") });
    expect(standIn?.matched).toBe("latest");
    expect(standIn?.commit).toBe(sha("a"));

    // The loaded baseline is what the gate compares with: the same runner's numbers pass, a
    // model 20% slower fails.
    const same = evaluateGate(exact?.results, benchRun({ seed: 2 }));
    expect(same.verdict).toBe("pass");
    const slower = evaluateGate(exact?.results, benchRun({ seed: 3, latency: 12 }));
    expect(slower.regressions).toEqual(["latency_p50", "throughput"]);
  });

  it("never returns results from other hardware", async () => {
    await store.save({ ...KEY, commit: sha("a") }, { results: benchRun({}) });
    expect(await store.load({ ...KEY, fingerprint: FP_GPU })).toBeUndefined();
    // Even a document copied to the other machine's file name is recognised and refused.
    const gpuPath = store.pathFor({ ...KEY, fingerprint: FP_GPU });
    await mkdir(dirname(gpuPath), { recursive: true });
    await copyFile(store.pathFor(KEY), gpuPath);
    expect(await store.load({ ...KEY, fingerprint: FP_GPU })).toBeUndefined();
    await expect(
      store.save({ ...KEY, fingerprint: FP_GPU }, { results: benchRun({ fingerprint: FP_CPU }) }),
    ).rejects.toMatchObject({ code: "USAGE", message: expect.stringContaining(FP_GPU) });
  });

  it("keeps a bounded history, one point per commit, for the trend chart", async () => {
    for (const [i, digit] of ["a", "b", "c", "d"].entries()) {
      await store.save(
        { ...KEY, commit: sha(digit) },
        {
          results: benchRun({ seed: i, latency: 10 + i }),
          recordedAt: `2026-01-0${String(i + 1)}T00:00:00Z`,
        },
      );
    }
    await store.save({ ...KEY, commit: sha("d") }, { results: benchRun({ seed: 9, latency: 20 }) });
    const baseline = await store.load(KEY);
    expect(baseline?.history.map((p) => p.commit)).toEqual([sha("b"), sha("c"), sha("d")]);
    expect(baseline?.history.at(-1)?.medians.latency_p50).toBeGreaterThan(18);

    const { series, labels } = trendSeries(
      baseline?.history ?? [],
      benchRun({ seed: 5, latency: 11 }),
    );
    expect(labels).toEqual(["bbbbbbb", "ccccccc", "ddddddd", "this run"]);
    expect(series.map((s) => s.metric)).toEqual(["latency_p50", "throughput"]);
    const latency = series[0]?.values ?? [];
    expect(latency).toHaveLength(4);
    expect(latency[0]).toBeCloseTo(11, 0);
    expect(latency[3]).toBeCloseTo(11, 0);
  });

  it("starts the trend chart where every current metric has a value", () => {
    const history: TrendPoint[] = [
      { commit: sha("a"), recordedAt: "2026-01-01", medians: { latency_p50: 10 } },
      { commit: sha("b"), recordedAt: "2026-01-02", medians: { latency_p50: 11, rss: 90 } },
    ];
    const { series, labels } = trendSeries(history);
    expect(labels).toEqual(["bbbbbbb"]);
    expect(series).toEqual([
      { metric: "latency_p50", values: [11] },
      { metric: "rss", values: [90] },
    ]);
  });

  it("gives one metric when the key names it", async () => {
    await store.save({ ...KEY, commit: sha("a") }, { results: benchRun({ variant: "onnx" }) });
    const one = await store.load({ ...KEY, metric: "throughput [onnx]" });
    expect(one?.results.results.map((r) => r.name)).toEqual(["throughput"]);
    expect((await store.load({ ...KEY, metric: "latency_p50" }))?.results.results).toHaveLength(1);
    expect(await store.load({ ...KEY, metric: "rss" })).toBeUndefined();
  });

  it("reports a damaged document by path, and a save replaces it", async () => {
    const path = store.pathFor(KEY);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(
      path,
      '{"format":"model-publish-baseline","version":1,"results":{"results":[]}}',
    );
    const error = await store.load(KEY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelPublishError);
    expect(error).toMatchObject({
      code: "INPUT_MALFORMED",
      message: expect.stringContaining(path),
    });
    await writeFile(path, "{not json");
    await expect(store.load(KEY)).rejects.toMatchObject({
      message: expect.stringContaining("not valid JSON"),
    });

    await store.save({ ...KEY, commit: sha("e") }, { results: benchRun({}) });
    expect(JSON.parse(await readFile(path, "utf8"))).toMatchObject({ commit: sha("e") });
    const gpuPath = store.pathFor({ ...KEY, fingerprint: FP_GPU });
    await mkdir(gpuPath, { recursive: true });
    await expect(store.load({ ...KEY, fingerprint: FP_GPU })).rejects.toMatchObject({
      code: "INPUT_MALFORMED",
      message: expect.stringContaining(`${gpuPath}: cannot be read`),
    });
    expect(JSON.parse(await readFile(path, "utf8"))).toMatchObject({
      commit: sha("e"),
      history: [expect.any(Object)],
    });
  });

  it("refuses keys that cannot name a file safely", async () => {
    await expect(store.load({ ...KEY, variant: "../../etc" })).rejects.toMatchObject({
      code: "USAGE",
    });
    await expect(store.load({ ...KEY, fingerprint: "" })).rejects.toMatchObject({ code: "USAGE" });
    await expect(store.load({ ...KEY, commit: "main" })).rejects.toMatchObject({ code: "USAGE" });
    await expect(store.load({ ...KEY, modelId: "a,b" })).rejects.toMatchObject({ code: "USAGE" });
  });
});
