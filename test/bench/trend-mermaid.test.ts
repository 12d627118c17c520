import { describe, expect, it } from "@jest/globals";
import { trendChartMermaid } from "../../src/bench/trend-mermaid.js";

describe("the trend chart for comments and summaries", () => {
  it("draws each metric relative to its first run, with a legend in line order", () => {
    const chart = trendChartMermaid(
      'tiny "model"',
      [
        { metric: "latency_ms", values: [10, 11, 12] },
        { metric: "throughput", values: [200, 190, 100] },
      ],
      ["abc1234", "def5678", "this run"],
    );
    expect(chart).toContain("xychart-beta");
    expect(chart).toContain(`title "tiny 'model'"`);
    expect(chart).toContain('x-axis ["abc1234", "def5678", "this run"]');
    expect(chart).toContain("line [100, 110, 120]");
    expect(chart).toContain("line [100, 95, 50]");
    // The axis widens to show the 50% drop.
    expect(chart).toContain('y-axis "% of the first run" 50 --> 120');
    expect(chart).toMatch(/🟩 latency_ms · 🟪 throughput\n$/);
    expect(chart).toBe(
      trendChartMermaid(
        'tiny "model"',
        [
          { metric: "latency_ms", values: [10, 11, 12] },
          { metric: "throughput", values: [200, 190, 100] },
        ],
        ["abc1234", "def5678", "this run"],
      ),
    );
  });

  it("draws nothing for a single run", () => {
    expect(trendChartMermaid("m", [{ metric: "x", values: [1] }], ["this run"])).toBe("");
  });
});
