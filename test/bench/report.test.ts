import { describe, expect, it } from "@jest/globals";
import { evaluateGate } from "../../src/bench/gate.js";
import { COMMENT_MARKER, gateReportMarkdown } from "../../src/bench/report-markdown.js";
import { trendChartSvg } from "../../src/bench/trend-chart.js";
import type { BenchResultFile } from "../../src/manifest/types.generated.js";

const fingerprint = {
  hash: "0123456789abcdef",
  cpu: "Test CPU",
  cores: 2,
  platform: "linux-x64",
  provider: "cpu",
  runtime: "onnxruntime 1.30.0",
};
const base: BenchResultFile = {
  fingerprint,
  results: [
    {
      name: "latency",
      unit: "ms",
      direction: "lower-is-better",
      samples: [10, 10.1, 9.9, 10, 10.2, 9.8, 10, 10.1],
    },
  ],
};
const slower: BenchResultFile = {
  fingerprint,
  results: [
    {
      name: "latency",
      unit: "ms",
      direction: "lower-is-better",
      samples: [13, 13.1, 12.9, 13, 13.2, 12.8, 13, 13.1],
    },
  ],
};

describe("gateReportMarkdown", () => {
  it("heads the comment with its marker and names the regressed metric with its change", () => {
    const text = gateReportMarkdown(evaluateGate(base, slower), slower);
    expect(text.startsWith(COMMENT_MARKER)).toBe(true);
    expect(text).toMatch(/❌ \*\*Benchmark regression\*\*: latency/);
    expect(text).toMatch(
      /\| latency \| ms \| 10\.00 \| 13\.00 \| \+30\.0% \[\+\d+\.\d%, \+\d+\.\d%\] \| ❌ regression \|/,
    );
    expect(text).toMatch(/Test CPU ×2 · cpu · onnxruntime 1\.30\.0/);
    expect(text).toMatch(/p50 13\.00 · p90 13\.13 · p99 13\.19 ms over 8 runs/);
  });

  it("says when there is nothing to compare with", () => {
    expect(gateReportMarkdown(evaluateGate(undefined, slower), slower)).toMatch(
      /No baseline to compare with/,
    );
  });
});

describe("trendChartSvg", () => {
  it("draws one line per metric, relative to its first run, the same way every time", () => {
    const svg = trendChartSvg(
      "Latency <ms> & throughput",
      [
        { metric: "latency", values: [10, 10.5, 12] },
        { metric: "throughput", values: [100, 98, 80] },
      ],
      ["a1b2", "c3d4", "this PR"],
    );
    expect(svg).toBe(
      trendChartSvg(
        "Latency <ms> & throughput",
        [
          { metric: "latency", values: [10, 10.5, 12] },
          { metric: "throughput", values: [100, 98, 80] },
        ],
        ["a1b2", "c3d4", "this PR"],
      ),
    );
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg).toContain("Latency &lt;ms&gt; &amp; throughput");
    expect(svg).toContain('fill="#020617"');
    expect(svg).toContain(">120%<");
  });
});
