import { open } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ModelPublishError } from "../../src/errors.js";
import { budgetViolations, checkBudget } from "../../src/evaluate/budget.js";
import { evaluateVariant, summarize } from "../../src/evaluate/evaluate-variant.js";
import type { TensorMetrics } from "../../src/evaluate/tensor-metrics.js";
import { variantReport } from "../../src/evaluate/variant-report.js";
import { GgufFile } from "../../src/formats/gguf-file.js";
import { quantizeModel } from "../../src/quantize/quantize-model.js";
import { scratch } from "../helpers/temp.js";
import { writeTinyModel } from "../quantize/tiny-model.js";

function metrics(name: string, over: Partial<TensorMetrics>): TensorMetrics {
  return {
    name,
    source: name,
    type: "Q4_K",
    elements: 100,
    maxAbsError: 0.01,
    meanAbsError: 0.001,
    rmse: 0.002,
    cosine: 0.9995,
    sumSquaredError: 100 * 0.002 ** 2,
    sumAbsError: 0.1,
    ...over,
  };
}

function thrown(fn: () => void): ModelPublishError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ModelPublishError) return error;
    throw error;
  }
  throw new Error("no error");
}

describe("error budget", () => {
  const tensors = [
    metrics("a", {}),
    metrics("b", { cosine: 0.95, maxAbsError: 0.2 }),
    metrics("c", { cosine: 0.998, rmse: 0.05 }),
    metrics("d", { cosine: Number.NaN }),
  ];

  it("passes a variant inside every bound", () => {
    expect(() => {
      checkBudget("q8_0", [metrics("a", {})], {
        minCosine: 0.999,
        maxAbsError: 0.1,
        maxRmse: 0.01,
        maxMeanAbsError: 0.01,
      });
    }).not.toThrow();
  });

  it("ranks every tensor out of bounds, worst first, NaN as worst", () => {
    const v = budgetViolations(tensors, { minCosine: 0.999, maxAbsError: 0.1, maxRmse: 0.01 });
    expect(v.map((x) => [x.tensor, x.metric])).toEqual([
      ["d", "minCosine"],
      ["c", "maxRmse"],
      ["b", "maxAbsError"],
      ["b", "minCosine"],
      ["c", "minCosine"],
    ]);
  });

  it("fails with BUDGET_EXCEEDED (exit 1), naming the worst tensors and the fix", () => {
    const error = thrown(() => {
      checkBudget("q4_k_m (m.gguf)", tensors, { minCosine: 0.999 });
    });
    expect(error.code).toBe("BUDGET_EXCEEDED");
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(
      /^variant q4_k_m \(m.gguf\) is outside its error budget: 3 tensors out of bounds; worst: d cosine NaN \(budget minCosine 0.999000\); b cosine 0.950000/,
    );
    expect(error.message).toMatch(/relax the budget in the manifest's variants\[\]\.budget/);
  });

  it("summarizes worst cases and whole-variant figures", () => {
    const s = summarize(tensors.slice(0, 3));
    expect(s).toMatchObject({
      tensors: 3,
      elements: 300,
      minCosine: 0.95,
      minCosineTensor: "b",
      maxAbsError: 0.2,
      maxRmse: 0.05,
      maxMeanAbsError: 0.001,
    });
    expect(s.rmse).toBeCloseTo(0.002, 6);
    expect(s.meanAbsError).toBeCloseTo(0.001, 9);
  });
});

describe("error budget on a variant whose scales were zeroed", () => {
  let dir: Awaited<ReturnType<typeof scratch>>;
  let input: string;
  let variant: string;

  beforeAll(async () => {
    dir = await scratch();
    input = await writeTinyModel(dir.dir, "llama");
    variant = join(dir.dir, "tiny-q8_0.gguf");
    await quantizeModel({ input, scheme: "q8_0", output: variant });
    // Zero the fp16 scale of every block of one tensor: its values all dequantize to 0.
    const file = await GgufFile.open(variant);
    const info = file.tensor("blk.1.ffn_up.weight");
    const start = info === undefined ? 0 : file.fileOffset(info);
    const blocks = info === undefined ? 0 : info.nbytes / 34;
    await file.close();
    const handle = await open(variant, "r+");
    for (let b = 0; b < blocks; b++) await handle.write(new Uint8Array(2), 0, 2, start + b * 34);
    await handle.close();
  });
  afterAll(async () => {
    await dir.remove();
  });

  it("fails the variant with exit 1 and names the damaged tensor first", async () => {
    const evaluation = await evaluateVariant({ source: input, variant });
    const damaged = evaluation.tensors.find((t) => t.name === "blk.1.ffn_up.weight");
    expect(damaged?.cosine).toBe(0);
    expect(evaluation.summary.minCosineTensor).toBe("blk.1.ffn_up.weight");
    const error = thrown(() => {
      checkBudget("q8_0", evaluation.tensors, { minCosine: 0.999 });
    });
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(
      /1 tensor out of bounds; worst: blk\.1\.ffn_up\.weight cosine 0\.00000/,
    );
  });
});

describe("variant report", () => {
  it("shapes an evaluation for the manifest's optimization.variants[] entry", () => {
    const tensors = [metrics("a", {}), metrics("b", { cosine: 0.99 })];
    const report = variantReport("q4_k_m", "ruvltra-0.5b-q4_k_m.gguf", {
      format: "gguf",
      file: "/r/ruvltra-0.5b-q4_k_m.gguf",
      size: 100,
      sourceSize: 400,
      compressionRatio: 4,
      compressionRatioVsF32: 8,
      tensors,
      summary: summarize(tensors),
    });
    expect(report.optimization).toMatchObject({
      scheme: "q4_k_m",
      files: ["ruvltra-0.5b-q4_k_m.gguf"],
      size: 100,
      compressionRatio: 4,
      metrics: { compressionRatioVsF32: 8, minCosine: 0.99, tensors: 2 },
    });
  });
});
