import { join } from "node:path";
import { describe, expect, it, jest } from "@jest/globals";
import * as ort from "onnxruntime-node";
import { runCustomBenchmark } from "../../src/bench/custom-command.js";
import { describeFingerprint, fingerprintOf, probeNvidiaGpu } from "../../src/bench/fingerprint.js";
import { measureOnnx } from "../../src/bench/measure-onnx.js";
import { generateInputs } from "../../src/bench/onnx-inputs.js";
import { cli } from "../helpers/cli.js";
import { repoRoot, scratch } from "../helpers/temp.js";

const mlp = join(repoRoot, "test", "fixtures", "onnx", "mlp.onnx");
/** mlp.onnx with a heavy block added (make_slow_mlp.py): the same model made slower on purpose. */
const mlpSlow = join(repoRoot, "test", "fixtures", "onnx", "mlp-slow.onnx");

describe("measureOnnx", () => {
  it("keeps every measurement of every metric as a sample", async () => {
    const m = await measureOnnx(mlp, {
      provider: "cpu",
      iterations: 12,
      warmup: 2,
      loads: 3,
      batchSizes: [1, 4],
      variant: "reference",
    });
    expect(m.provider).toBe("cpu");
    const byName = new Map(m.results.map((r) => [r.name, r]));
    expect([...byName.keys()]).toEqual([
      "load_time@b1",
      "first_inference@b1",
      "latency@b1",
      "throughput@b1",
      "load_time@b4",
      "first_inference@b4",
      "latency@b4",
      "throughput@b4",
      "peak_rss",
      "size",
    ]);
    expect(byName.get("latency@b4")?.samples).toHaveLength(12);
    expect(byName.get("load_time@b1")?.samples).toHaveLength(3);
    expect(byName.get("throughput@b1")?.direction).toBe("higher-is-better");
    expect(byName.get("size")?.samples[0]).toBeCloseTo(108740 / 1048576, 6);
    expect(byName.get("latency@b1")?.variant).toBe("reference");
  });

  it("picks a provider that runs and says which", async () => {
    const m = await measureOnnx(mlp, { iterations: 5, loads: 1 });
    expect(m.providerNote).toMatch(/^auto: /);
  });

  it("reports tokens per second for language models", async () => {
    const m = await measureOnnx(mlp, {
      provider: "cpu",
      iterations: 5,
      loads: 1,
      tokens: true,
      sequenceLength: 32,
    });
    const tokens = m.results.find((r) => r.name === "tokens_per_second");
    const items = m.results.find((r) => r.name === "throughput");
    expect(tokens?.samples[0]).toBeCloseTo((items?.samples[0] ?? 0) * 32, 6);
  });
});

describe("generateInputs", () => {
  it("fills the batch dimension and keeps fixed ones", async () => {
    const session = await ort.InferenceSession.create(mlp);
    const feeds = generateInputs(ort, session, { batchSize: 3, sequenceLength: 8 });
    expect(Object.values(feeds)[0]?.dims).toEqual([3, 64]);
    await session.release();
  });
});

describe("fingerprint", () => {
  it("changes its hash with the provider or the runtime, not otherwise", () => {
    const a = fingerprintOf({ runtime: "onnxruntime 1.30.0", provider: "cpu" });
    expect(fingerprintOf({ runtime: "onnxruntime 1.30.0", provider: "cpu" }).hash).toBe(a.hash);
    expect(fingerprintOf({ runtime: "onnxruntime 1.30.0", provider: "cuda" }).hash).not.toBe(
      a.hash,
    );
    expect(fingerprintOf({ runtime: "onnxruntime 1.31.0", provider: "cpu" }).hash).not.toBe(a.hash);
    expect(
      describeFingerprint(
        fingerprintOf({
          runtime: "ort",
          provider: "cuda",
          gpu: { gpu: "NVIDIA H100", driver: "560.1", cuda: "12.6" },
        }),
      ),
    ).toBe("NVIDIA H100 (driver 560.1, CUDA 12.6) · cuda · ort");
  });

  it("finds no GPU where nvidia-smi is missing", async () => {
    expect(await probeNvidiaGpu("nvidia-smi-that-does-not-exist")).toBeUndefined();
  });
});

describe("custom benchmark commands", () => {
  it("merges the results the command writes", async () => {
    const tmp = await scratch();
    try {
      const script = await tmp.write(
        "bench.mjs",
        `import { writeFileSync } from "node:fs";
writeFileSync(process.env.MODEL_PUBLISH_BENCH_OUT + "/gpu.json", JSON.stringify({ results: [{ name: "tokens_per_second", unit: "tokens/s", direction: "higher-is-better", samples: [101, 99, 100] }] }));`,
      );
      const results = await runCustomBenchmark(`"${process.execPath}" ${script}`, tmp.dir);
      expect(results).toEqual([
        {
          name: "tokens_per_second",
          unit: "tokens/s",
          direction: "higher-is-better",
          samples: [101, 99, 100],
        },
      ]);
    } finally {
      await tmp.remove();
    }
  });

  it("fails with the command's last lines when it fails, and when it writes bad results", async () => {
    const tmp = await scratch();
    try {
      await expect(
        runCustomBenchmark("echo CUDA out of memory >&2; exit 3", tmp.dir),
      ).rejects.toThrow(/exited 3[\s\S]*CUDA out of memory/);
      await expect(
        runCustomBenchmark(
          'echo \'{"results":[{"name":"x"}]}\' > "$MODEL_PUBLISH_BENCH_OUT/r.json"',
          tmp.dir,
        ),
      ).rejects.toMatchObject({
        code: "INPUT_MALFORMED",
      });
      await expect(runCustomBenchmark("true", tmp.dir)).rejects.toThrow(/wrote no results/);
    } finally {
      await tmp.remove();
    }
  });
});

// Wall-clock timings of microsecond inferences while other test files run on the same cores:
// a burst of load during one run and not the other can still look like a change. A timing test
// that fails is run again (and its first failure logged); a real regression fails every time.
jest.retryTimes(2, { logErrorsBeforeRetry: true });

describe("model-publish bench", () => {
  it("passes the gate on an A/A run and fails it, naming the metric, on a slower model", async () => {
    const tmp = await scratch();
    try {
      const baseline = join(tmp.dir, "base.json");
      // Two runs minutes apart on a shared machine (tests run in parallel) can differ by tens of
      // percent in microseconds-long inferences; the false-alarm rate at the default 5% is
      // measured on simulated noise (test/bench/compare.test.ts, bench/gate.mjs). Here a wide
      // threshold keeps the A/A run stable, and the slower model is many times slower.
      const common = [
        "--provider",
        "cpu",
        "--iterations",
        "40",
        "--warmup",
        "3",
        "--threshold",
        "0.6",
      ];
      expect((await cli(["bench", mlp, ...common, "--out", baseline])).code).toBe(0);
      const same = await cli(["bench", mlp, ...common, "--baseline", baseline, "--gate", "--json"]);
      expect(JSON.parse(same.stdout)).toMatchObject({ verdict: "pass", regressions: [] });
      expect(same.code).toBe(0);
      const slower = await cli(["bench", mlpSlow, ...common, "--baseline", baseline, "--gate"]);
      expect(slower.code).toBe(1);
      expect(slower.stdout).toMatch(/❌ \*\*Benchmark regression\*\*: .*latency/);
      const accepted = await cli([
        "bench",
        mlpSlow,
        ...common,
        "--baseline",
        baseline,
        "--gate",
        "--accept",
        "*",
      ]);
      expect(accepted.code).toBe(0);
      expect(accepted.stdout).toMatch(/accepted by --accept/);
    } finally {
      await tmp.remove();
    }
  });

  it("refuses an unknown provider and a bad batch list", async () => {
    expect((await cli(["bench", mlp, "--provider", "gpu"])).stderr).toMatch(
      /--provider must be one of/,
    );
    expect((await cli(["bench", mlp, "--batch", "1,x"])).code).toBe(2);
    expect((await cli(["bench", mlp, "--threshold", "5"])).stderr).toMatch(
      /--threshold must be a fraction above 0 and at most 1/,
    );
  });
});
