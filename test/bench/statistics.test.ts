import { describe, expect, it } from "@jest/globals";
import {
  bootstrapRatioOfMedians,
  mannWhitney,
  median,
  normalCdf,
  quantile,
} from "../../src/bench/statistics.js";
import { SeededRandom } from "../../src/bench/random.js";

describe("quantile", () => {
  it("interpolates between order statistics as numpy does", () => {
    // numpy.quantile([1, 2, 3, 4], [0.5, 0.9]) == [2.5, 3.7]
    expect(quantile([4, 1, 3, 2], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
    expect(median([7])).toBe(7);
    expect(Number.isNaN(median([]))).toBe(true);
  });
});

describe("normalCdf", () => {
  it("matches the standard normal table", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-2.326348)).toBeCloseTo(0.01, 6);
  });
});

describe("mannWhitney", () => {
  it("gives U and the normal-approximation p-value with ties", () => {
    // By hand: ranks of b = 1, 2, 3.5, 5.5, 7.5 → U = 19.5 − 15 = 4.5; mean 12.5;
    // three pairs of ties → variance 25/12 · (11 − 18/90) = 22.5; z = (4.5 − 12.5 + 0.5)/√22.5
    // = −1.581 → p = Φ(−1.581) = 0.0569.
    const result = mannWhitney([3, 4, 5, 6, 7], [1, 2, 3, 4, 5]);
    expect(result.u).toBe(4.5);
    expect(result.pLess).toBeCloseTo(0.0569, 3);
    expect(result.pGreater).toBeGreaterThan(0.9);
  });

  it("is not moved by a single huge outlier", () => {
    const a = [10, 10.1, 9.9, 10.2, 9.8, 10, 10.1, 9.9];
    const b = [...a.slice(0, 7), 1000];
    expect(mannWhitney(a, b).pGreater).toBeGreaterThan(0.2);
  });

  it("reports no evidence when every value is equal", () => {
    expect(mannWhitney([1, 1, 1], [1, 1, 1])).toMatchObject({ pGreater: 1, pLess: 1 });
  });
});

describe("bootstrapRatioOfMedians", () => {
  it("is reproducible and covers the true ratio", () => {
    const random = new SeededRandom(3);
    const a = Array.from({ length: 200 }, () => 10 * Math.exp(0.05 * random.normal()));
    const b = Array.from({ length: 200 }, () => 11 * Math.exp(0.05 * random.normal()));
    const first = bootstrapRatioOfMedians(a, b, { seed: 9 });
    expect(bootstrapRatioOfMedians(a, b, { seed: 9 })).toEqual(first);
    expect(first.low).toBeLessThan(1.1);
    expect(first.high).toBeGreaterThan(1.1);
    expect(first.high - first.low).toBeLessThan(0.04);
  });
});
