import { describe, expect, it } from "@jest/globals";
import { formatBytes, formatCount, formatFigure, groupDigits } from "../../src/card/format.js";
import { hardwareNote, hardwareRows, kvCacheBytes } from "../../src/card/hardware.js";
import { LIBRARY_NAMES, PIPELINE_TAGS, spdxLicense } from "../../src/card/hub-vocabulary.js";
import { HUB_LICENSE_IDS, SPDX_LICENSE_IDS } from "../../src/card/license-ids.js";
import { classifyReleaseFile } from "../../src/card/release-artifacts.js";
import type { Artifact } from "../../src/pipeline/artifacts.js";

describe("card parts", () => {
  it("formats sizes, counts and figures the same on every machine", () => {
    expect(
      [0, 999, 1000, 1499, 99_949, 99_950, 5_248_000, 2_147_483_648, 1e18].map(formatBytes),
    ).toEqual([
      "0 B",
      "999 B",
      "1.00 kB",
      "1.50 kB",
      "99.9 kB",
      "100 kB",
      "5.25 MB",
      "2.15 GB",
      "1000 PB",
    ]);
    expect(groupDigits(1234567.5)).toBe("1,234,567.5");
    expect([999, 22_000_000, 1_312_000, 7_241_732_096, 1.5e12].map(formatCount)).toEqual([
      "999",
      "22M (22,000,000)",
      "1.31M (1,312,000)",
      "7.24B (7,241,732,096)",
      "1.5T (1,500,000,000,000)",
    ]);
    expect(formatCount(4096)).toBe("4.1K (4,096)");
    expect([1_000_000, 0.1 + 0.2, 1 / 3].map(formatFigure)).toEqual([
      "1,000,000",
      "0.3",
      "0.333333",
    ]);
  });

  it("estimates the KV cache from the architecture, or says it cannot", () => {
    // Qwen2.5-0.5B: 24 layers, 2 KV heads of 64, 32k context → 384 MiB in fp16.
    expect(
      kvCacheBytes({
        type: "transformer",
        layers: 24,
        hiddenSize: 896,
        attentionHeads: 14,
        kvHeads: 2,
        contextLength: 32768,
      }),
    ).toBe(402_653_184);
    expect(
      kvCacheBytes({
        type: "transformer",
        layers: 2,
        hiddenSize: 256,
        attentionHeads: 4,
        contextLength: 8,
      }),
    ).toBe(2 * 2 * 4 * 64 * 8 * 2);
    expect(kvCacheBytes({ type: "cnn", layers: 2 })).toBeUndefined();
    expect(kvCacheBytes(undefined)).toBeUndefined();
    expect(hardwareNote(0)).toBe("Estimated memory = weights + 10% for the runtime.");
  });

  it("groups shards and external data into one row per variant", () => {
    const artifact = (path: string, size: number, extra: Partial<Artifact> = {}): Artifact => ({
      path,
      file: `/r/${path}`,
      size,
      ...classifyReleaseFile(path),
      ...extra,
    });
    const rows = hardwareRows(
      [
        artifact("onnx/model_int8.onnx", 100),
        artifact("onnx/model_int8.onnx_data", 900),
        artifact("model-00002-of-00002.safetensors", 500),
        artifact("model-00001-of-00002.safetensors", 1500),
        artifact("model.safetensors.index.json", 10),
        artifact("m-1b-q4_0.gguf", 600),
        artifact("config.json", 10),
      ],
      1000,
    );
    expect(rows).toEqual([
      {
        variant: "original",
        format: "safetensors",
        files: ["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"],
        size: 2000,
        memory: 3200,
      },
      {
        variant: "onnx-int8",
        format: "ONNX",
        files: ["onnx/model_int8.onnx", "onnx/model_int8.onnx_data"],
        size: 1000,
        memory: 2100,
      },
      { variant: "q4_0", format: "GGUF", files: ["m-1b-q4_0.gguf"], size: 600, memory: 1660 },
    ]);
  });

  it("tells release files apart by the names build gives them", () => {
    const cases: [string, ReturnType<typeof classifyReleaseFile>][] = [
      ["README.md", { format: "markdown", role: "card" }],
      ["tiny.safetensors", { format: "safetensors", role: "weights" }],
      ["tiny-1m-int4.safetensors", { format: "safetensors", role: "variant", variant: "int4" }],
      ["tiny-1m-q4_k_m.gguf", { format: "gguf", role: "variant", variant: "q4_k_m" }],
      ["tiny.gguf", { format: "gguf", role: "variant", variant: "tiny" }],
      ["onnx/model.onnx", { format: "onnx", role: "weights" }],
      ["onnx/model.onnx.data", { format: "onnx-data", role: "weights" }],
      ["onnx/model_fp16.onnx", { format: "onnx", role: "variant", variant: "onnx-fp16" }],
      ["onnx/tiny-onnx-int4.onnx", { format: "onnx", role: "variant", variant: "onnx-int4" }],
      ["model.safetensors.index.json", { format: "safetensors-index", role: "weights" }],
      ["tokenizer.json", { format: "json", role: "tokenizer" }],
      ["merges.txt", { format: "json", role: "tokenizer" }],
      ["config.json", { format: "json", role: "config" }],
      ["extra.json", { format: "json", role: "other" }],
      ["notes.txt", { format: "other", role: "other" }],
    ];
    for (const [path, expected] of cases)
      expect([path, classifyReleaseFile(path)]).toEqual([path, expected]);
  });

  it("knows the Hub's vocabulary", () => {
    expect(PIPELINE_TAGS).toContain("text-generation");
    expect(LIBRARY_NAMES).toEqual(
      expect.arrayContaining(["transformers", "gguf", "pytorch", "onnx"]),
    );
    expect(HUB_LICENSE_IDS).toEqual(expect.arrayContaining(["apache-2.0", "llama3.1", "other"]));
    expect(SPDX_LICENSE_IDS.length).toBeGreaterThan(600);
    expect(spdxLicense("apache-2.0")).toBe("Apache-2.0");
    expect(spdxLicense("nope")).toBeUndefined();
  });
});
