import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { BaselineKey } from "../../src/bench/baseline-store.js";
import { compareSamples } from "../../src/bench/compare.js";
import { SeededRandom } from "../../src/bench/random.js";
import { releaseBenchmarks, samplesFromSummary } from "../../src/bench/release-benchmarks.js";
import { CI_RUNNER_NOISE, simulateRun } from "../../src/bench/simulate.js";
import { median, quantile } from "../../src/bench/statistics.js";
import { ReleaseManifestBaselineReader } from "../../src/bench/store-release-manifest.js";
import type { ReleaseManifest } from "../../src/manifest/types.generated.js";
import { scratch } from "../helpers/temp.js";
import { sendFile } from "../servers/http-kit.js";
import { HttpError, startHttpServer } from "../servers/http-server.js";
import type { RunningHttpServer } from "../servers/http-server.js";
import { FP_CPU, FP_GPU, benchRun } from "./store-fixtures.js";

const KEY: BaselineKey = { modelId: "tiny-bert", variant: "onnx", fingerprint: FP_CPU };
const fast = { retry: { baseDelayMs: 1, sleep: () => Promise.resolve() } };

function manifest(): ReleaseManifest {
  return {
    id: "tiny-bert",
    name: "Tiny BERT",
    version: "1.2.0",
    type: "text-classification",
    artifacts: {
      "onnx/model.onnx": { filename: "onnx/model.onnx", size: 1234, sha256: "ab".repeat(32) },
    },
    timestamp: "2026-01-05T00:00:00Z",
    benchmarks: {
      perplexity: 9.2,
      ...releaseBenchmarks([
        { variant: "onnx", results: benchRun({ seed: 4, variant: "onnx" }) },
        { variant: "onnx-int8", results: benchRun({ seed: 5, latency: 6 }) },
        { variant: "onnx", results: { results: benchRun({}).results } },
      ]),
    },
  };
}

/** A static file server over `dir`, as a CDN in front of a bucket would serve a release. */
async function staticServer(dir: string): Promise<RunningHttpServer> {
  return startHttpServer({
    formatError: (e) => ({ contentType: "text/plain", body: e.message }),
    handler: async (ctx) => {
      const path = join(dir, decodeURIComponent(ctx.url.pathname));
      const info = await stat(path).catch(() => undefined);
      if (info === undefined || !info.isFile()) throw new HttpError(404, "Not Found");
      await sendFile(ctx.res, path, info.size, undefined, { "Content-Type": "application/json" });
    },
  });
}

describe("release manifest baseline reader", () => {
  let dir: string;
  let write: (name: string, text: string) => Promise<string>;
  let remove: () => Promise<void>;

  beforeEach(async () => {
    ({ dir, write, remove } = await scratch());
  });
  afterEach(() => remove());

  it("reads a release folder's benchmarks, samples rebuilt from the summary", async () => {
    await write("release/manifest.json", JSON.stringify(manifest()));
    const reader = new ReleaseManifestBaselineReader({ source: join(dir, "release") });
    const baseline = await reader.load(KEY);
    const original = benchRun({ seed: 4, variant: "onnx" }).results;
    expect(baseline).toMatchObject({
      matched: "latest",
      ref: "v1.2.0",
      recordedAt: "2026-01-05T00:00:00Z",
      approximate: true,
      source: expect.stringContaining("release tiny-bert v1.2.0"),
    });
    const results = baseline?.results.results ?? [];
    expect(results.map((r) => [r.name, r.unit, r.direction, r.variant])).toEqual(
      original.map((r) => [r.name, r.unit, r.direction, "onnx"]),
    );
    for (const [i, result] of results.entries()) {
      const samples = original[i]?.samples ?? [];
      expect(result.samples).toHaveLength(samples.length);
      // The summary's quantiles come back to within 0.1%.
      for (const q of [0.1, 0.5, 0.9]) {
        expect(Math.abs(quantile(result.samples, q) / quantile(samples, q) - 1)).toBeLessThan(
          0.001,
        );
      }
    }
    expect(baseline?.history).toEqual([
      expect.objectContaining({
        ref: "v1.2.0",
        medians: expect.objectContaining({ "latency_p50 [onnx]": expect.any(Number) }),
      }),
    ]);
    expect(baseline?.results.fingerprint?.hash).toBe(FP_CPU);
    expect(await reader.load({ ...KEY, variant: "onnx-int8" })).toMatchObject({
      approximate: true,
    });
  });

  it("never returns another machine's figures, and refuses another model's release", async () => {
    await write("release/manifest.json", JSON.stringify(manifest()));
    const reader = new ReleaseManifestBaselineReader({ source: join(dir, "release") });
    expect(await reader.load({ ...KEY, fingerprint: FP_GPU })).toBeUndefined();
    expect(await reader.load({ ...KEY, variant: "gguf-q4_0" })).toBeUndefined();
    await expect(reader.load({ ...KEY, modelId: "other-model" })).rejects.toMatchObject({
      code: "USAGE",
      message: expect.stringContaining("other-model"),
    });
    expect(
      await new ReleaseManifestBaselineReader({ source: join(dir, "none") }).load(KEY),
    ).toBeUndefined();
  });

  it("follows latest.json over HTTP, retrying a failed request", async () => {
    await write("models/tiny-bert/v1.2.0/manifest.json", JSON.stringify(manifest()));
    await write(
      "models/tiny-bert/latest.json",
      JSON.stringify({ id: "tiny-bert", version: "1.2.0", manifest: "v1.2.0/manifest.json" }),
    );
    const server = await staticServer(dir);
    try {
      server.faults.add({ kind: "http500", path: "*/manifest.json", nth: 1 });
      const viaLatest = new ReleaseManifestBaselineReader({
        source: `${server.url}/models/tiny-bert/latest.json`,
        ...fast,
      });
      expect((await viaLatest.load(KEY))?.ref).toBe("v1.2.0");
      expect(server.faults.fired).toHaveLength(1);
      const viaFolder = new ReleaseManifestBaselineReader({
        source: `${server.url}/models/tiny-bert/v1.2.0/`,
        ...fast,
      });
      expect((await viaFolder.load(KEY))?.results.results).toHaveLength(2);
      const unpublished = new ReleaseManifestBaselineReader({
        source: `${server.url}/models/acme/new-model/latest.json`,
        ...fast,
      });
      expect(await unpublished.load(KEY)).toBeUndefined();
      server.faults.add({ kind: "http429", path: "*/v9.9.9/*", retryAfterSeconds: 1 });
      const limited = new ReleaseManifestBaselineReader({
        source: `${server.url}/models/tiny-bert/v9.9.9/`,
        retry: { ...fast.retry, maxAttempts: 2 },
      });
      await expect(limited.load(KEY)).rejects.toMatchObject({
        code: "REMOTE_FAILED",
        message: expect.stringContaining("HTTP 429"),
      });
    } finally {
      await server.stop();
    }
  });

  it("fails with REMOTE_FAILED when the server cannot be reached", async () => {
    const server = await staticServer(dir);
    await server.stop();
    const reader = new ReleaseManifestBaselineReader({
      source: `${server.url}/manifest.json`,
      retry: { ...fast.retry, maxAttempts: 2 },
    });
    await expect(reader.load(KEY)).rejects.toMatchObject({
      code: "REMOTE_FAILED",
      message: expect.stringContaining("reading the release manifest"),
    });
  });

  it("reports what is not a release manifest", async () => {
    await write(
      "bad/manifest.json",
      JSON.stringify({ id: "tiny-bert", benchmarks: { x: "fast" } }),
    );
    await expect(
      new ReleaseManifestBaselineReader({ source: join(dir, "bad") }).load(KEY),
    ).rejects.toMatchObject({
      code: "INPUT_MALFORMED",
      message: expect.stringContaining("not a release manifest"),
    });
    await write("broken/manifest.json", "{");
    await expect(
      new ReleaseManifestBaselineReader({ source: join(dir, "broken") }).load(KEY),
    ).rejects.toMatchObject({
      code: "INPUT_MALFORMED",
    });
  });

  it("errs towards no alarm: a summary-rebuilt baseline rarely flags A/A and still catches +10%", () => {
    const random = new SeededRandom(42);
    const trials = 300;
    let falseAlarms = 0;
    let caught = 0;
    for (let t = 0; t < trials; t++) {
      const recorded = simulateRun(random, 10, 100, CI_RUNNER_NOISE);
      const rebuilt = samplesFromSummary({
        median: median(recorded),
        p10: quantile(recorded, 0.1),
        p90: quantile(recorded, 0.9),
        n: recorded.length,
      });
      const options = { direction: "lower-is-better" as const, interval: false };
      const same = compareSamples(rebuilt, simulateRun(random, 10, 100, CI_RUNNER_NOISE), options);
      const slower = compareSamples(
        rebuilt,
        simulateRun(random, 11, 100, CI_RUNNER_NOISE),
        options,
      );
      if (same.verdict === "regression") falseAlarms += 1;
      if (slower.verdict === "regression") caught += 1;
    }
    expect(falseAlarms / trials).toBeLessThanOrEqual(0.01);
    expect(caught / trials).toBeGreaterThanOrEqual(0.9);
  });
});
