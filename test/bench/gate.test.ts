import { describe, expect, it } from "@jest/globals";
import { evaluateGate } from "../../src/bench/gate.js";
import { SeededRandom } from "../../src/bench/random.js";
import type { BenchResult, BenchResultFile } from "../../src/manifest/types.generated.js";

const fingerprint = { hash: "0123456789abcdef", cpu: "Test CPU", cores: 2, platform: "linux-x64" };

function runs(level: number, seed: number, n = 60): [number, ...number[]] {
  const random = new SeededRandom(seed);
  const values = Array.from({ length: n }, () => level * Math.exp(0.03 * random.normal()));
  return [values[0] ?? level, ...values.slice(1)];
}

function file(results: BenchResult[], hash = fingerprint.hash): BenchResultFile {
  const [first, ...rest] = results;
  if (!first) throw new Error("empty");
  return { fingerprint: { ...fingerprint, hash }, results: [first, ...rest] };
}

const latency = (level: number, seed: number): BenchResult => ({
  name: "latency",
  unit: "ms",
  direction: "lower-is-better",
  samples: runs(level, seed),
});
const throughput = (level: number, seed: number): BenchResult => ({
  name: "throughput",
  unit: "items/s",
  direction: "higher-is-better",
  samples: runs(level, seed),
});

describe("evaluateGate", () => {
  it("passes when nothing changed", () => {
    const gate = evaluateGate(
      file([latency(10, 1), throughput(100, 2)]),
      file([latency(10, 3), throughput(100, 4)]),
    );
    expect(gate.verdict).toBe("pass");
    expect(gate.metrics.map((m) => m.status)).toEqual(["unchanged", "unchanged"]);
  });

  it("fails on a slower latency and a lower throughput, naming both", () => {
    const gate = evaluateGate(
      file([latency(10, 1), throughput(100, 2)]),
      file([latency(12, 3), throughput(80, 4)]),
    );
    expect(gate.verdict).toBe("fail");
    expect(gate.regressions).toEqual(["latency", "throughput"]);
  });

  it("never compares results from other hardware", () => {
    const gate = evaluateGate(file([latency(10, 1)]), file([latency(50, 3)], "fedcba9876543210"));
    expect(gate.verdict).toBe("no-baseline");
    expect(gate.reason).toMatch(/other hardware/);
    expect(gate.metrics).toEqual([]);
  });

  it("shows an accepted regression without failing", () => {
    const gate = evaluateGate(file([latency(10, 1)]), file([latency(12, 3)]), {
      accepted: new Map([["latency", "label bench-accept:latency"]]),
    });
    expect(gate.verdict).toBe("pass");
    expect(gate.metrics[0]).toMatchObject({
      status: "accepted",
      note: "accepted by label bench-accept:latency",
    });
  });

  it("honours per-metric thresholds and ignores", () => {
    const base = file([latency(10, 1), throughput(100, 2)]);
    const current = file([latency(10.8, 3), throughput(50, 4)]);
    const gate = evaluateGate(base, current, {
      metrics: { latency: { threshold: 0.02 }, throughput: { ignore: true } },
    });
    expect(gate.regressions).toEqual(["latency"]);
    expect(gate.metrics.find((m) => m.name === "throughput")?.status).toBe("ignored");
  });

  it("compares single measurements by threshold alone and says so", () => {
    const size = (mib: number): BenchResult => ({
      name: "size",
      unit: "MiB",
      direction: "lower-is-better",
      samples: [mib],
    });
    const gate = evaluateGate(file([size(100)]), file([size(120)]));
    expect(gate.metrics[0]).toMatchObject({
      status: "regression",
      note: "too few samples for a test: threshold only",
    });
  });

  it("marks metrics the baseline does not have as new", () => {
    const gate = evaluateGate(file([latency(10, 1)]), file([latency(10, 2), throughput(100, 3)]));
    expect(gate.metrics.map((m) => m.status)).toEqual(["unchanged", "new"]);
  });

  it("has no verdict without a baseline", () => {
    expect(evaluateGate(undefined, file([latency(10, 1)])).verdict).toBe("no-baseline");
  });
});
