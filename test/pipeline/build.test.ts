import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { buildRelease, type BuildOptions } from "../../src/pipeline/build.js";
import type { PipelineEvent } from "../../src/pipeline/events.js";
import { SigningKey } from "../../src/sign/keys.js";
import { signRelease } from "../../src/sign/sign-release.js";
import { verifyRelease } from "../../src/sign/verify-release.js";
import { validators } from "../../src/manifest/validate.js";
import { folderFiles } from "../helpers/folder-files.js";
import { repoRoot, scratch } from "../helpers/temp.js";

const example = join(repoRoot, "examples", "tiny-llama", "model-publish.yaml");
const env = { SOURCE_DATE_EPOCH: "1767225600" };

describe("buildRelease", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
  });
  afterEach(() => tmp.remove());

  const options = (out: string, extra: Partial<BuildOptions> = {}): BuildOptions => ({
    manifestPath: example,
    outDir: join(tmp.dir, out),
    context: { ref: "refs/tags/v0.1.0" },
    env,
    ...extra,
  });

  it("writes the release folder of the bundled example: weights, config, card, manifest", async () => {
    const events: PipelineEvent[] = [];
    const result = await buildRelease(options("release"), (e) => events.push(e));
    if (!result.valid) throw new Error("invalid");
    expect(Object.keys(await folderFiles(result.dir)).sort()).toEqual([
      "README.md",
      "config.json",
      "manifest.json",
      "tiny-llama-1.3m-f16.safetensors",
      "tiny-llama-1.3m-int8.safetensors",
      "tiny-llama-1.3m-q4_k_m.gguf",
      "tiny-llama-1.3m-q8_0.gguf",
      "tiny-llama.safetensors",
    ]);
    const manifest: unknown = JSON.parse(await readFile(join(result.dir, "manifest.json"), "utf8"));
    expect(validators().release(manifest)).toBe(true);
    expect(manifest).toMatchObject({
      id: "tiny-llama",
      version: "0.1.0",
      timestamp: "2026-01-01T00:00:00Z",
      training: { step: 1000, loss: 2.0625, epoch: 3 },
      artifacts: {
        "tiny-llama.safetensors": { filename: "tiny-llama.safetensors", format: "safetensors" },
      },
    });
    const card = await readFile(join(result.dir, "README.md"), "utf8");
    expect(card).toMatch(/^---\nlicense: apache-2.0/);
    expect(card).toContain(
      result.artifacts.find((a) => a.path === "tiny-llama.safetensors")?.sha256 ?? "missing",
    );
    expect(events.flatMap((e) => (e.type === "stage-end" ? [e.stage] : []))).toEqual([
      "validate",
      "convert",
      "quantize",
      "card",
    ]);
    const variants = (
      manifest as { optimization: { variants: { scheme: string; compressionRatio: number }[] } }
    ).optimization.variants;
    expect(variants.map((v) => v.scheme)).toEqual(["f16", "int8", "q8_0", "q4_k_m"]);
    expect(variants.find((v) => v.scheme === "q4_k_m")?.compressionRatio).toBeGreaterThan(3.5);
    expect(card).toMatch(/\| q4_k_m \| 6\.\d+× \|/);
  });

  it("gives byte-identical folders for the same inputs", async () => {
    const first = await buildRelease(options("a"));
    const second = await buildRelease(options("b"));
    if (!first.valid || !second.valid) throw new Error("invalid");
    expect(await folderFiles(second.dir)).toEqual(await folderFiles(first.dir));
  });

  it("signs and verifies what it built", async () => {
    const result = await buildRelease(options("release"));
    if (!result.valid) throw new Error("invalid");
    const key = await SigningKey.fromSeed(new Uint8Array(32).fill(7));
    await signRelease(result.dir, key, { keyId: "example", timestamp: "2026-01-01T00:00:00Z" });
    const report = await verifyRelease(result.dir, { publicKey: key.publicKey });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("refuses to write into a folder that holds files, and changes nothing there", async () => {
    await tmp.write("taken/keep.txt", "mine");
    await expect(buildRelease(options("taken"))).rejects.toMatchObject({ code: "USAGE" });
    expect(await readdir(join(tmp.dir, "taken"))).toEqual(["keep.txt"]);
  });

  it("leaves nothing behind when a stage fails", async () => {
    const manifest = await tmp.write(
      "m.yaml",
      "id: broken\nname: Broken\nversion: 1.0.0\ntype: other\nlicense: mit\nsources:\n  checkpoint: broken.pt\n",
    );
    await writeFile(join(tmp.dir, "broken.pt"), "PK\u0003\u0004 this is not a checkpoint");
    await expect(
      buildRelease({ manifestPath: manifest, outDir: join(tmp.dir, "out"), env }),
    ).rejects.toMatchObject({
      exitCode: 2,
    });
    expect((await readdir(tmp.dir)).sort()).toEqual(["broken.pt", "m.yaml"]);
  });

  it("fails the build when a variant is outside its error budget, naming it", async () => {
    const manifest = await tmp.write(
      "m.yaml",
      [
        "id: strict",
        "name: Strict",
        "version: 1.0.0",
        "type: text-generation",
        "license: mit",
        "size: 1m",
        "sources:",
        `  checkpoint: ${join(repoRoot, "examples", "tiny-llama", "model.pt")}`,
        "  weightsKey: model",
        `  config: ${join(repoRoot, "examples", "tiny-llama", "config.json")}`,
        "variants:",
        "  - scheme: q4_0",
        "    budget: { minCosine: 0.99999 }",
        "",
      ].join("\n"),
    );
    await expect(
      buildRelease({ manifestPath: manifest, outDir: join(tmp.dir, "out"), env }),
    ).rejects.toMatchObject({
      code: "BUDGET_EXCEEDED",
      exitCode: 1,
      message: expect.stringMatching(
        /variant q4_0 \(strict-1m-q4_0\.gguf\) is outside its error budget/,
      ),
    });
    expect(await readdir(tmp.dir)).toEqual(["m.yaml"]);
  });

  it("builds ONNX variants and checks their parity against the reference model", async () => {
    const fixtures = join(repoRoot, "test", "fixtures", "onnx");
    const manifest = await tmp.write(
      "m.yaml",
      [
        "id: mlp",
        "name: MLP",
        "version: 1.0.0",
        "type: other",
        "license: mit",
        "sources:",
        `  onnx: ${join(fixtures, "mlp.onnx")}`,
        `  sampleInputs: ${join(fixtures, "mlp.inputs.npz")}`,
        "variants:",
        "  - scheme: onnx-int8",
        "  - scheme: onnx-int4",
        "    blockSize: 32",
        "  - scheme: onnx-fp16",
        "",
      ].join("\n"),
    );
    const result = await buildRelease({
      manifestPath: manifest,
      outDir: join(tmp.dir, "out"),
      env,
    });
    if (!result.valid) throw new Error("invalid");
    expect(result.artifacts.map((a) => a.path).sort()).toEqual([
      "README.md",
      "onnx/model.onnx",
      "onnx/model_fp16.onnx",
      "onnx/model_int4.onnx",
      "onnx/model_int8.onnx",
    ]);
    const variants = result.manifest.optimization?.variants ?? [];
    expect(variants.map((v) => v.scheme)).toEqual(["onnx-int8", "onnx-int4", "onnx-fp16"]);
    expect(
      variants.find((v) => v.scheme === "onnx-int8")?.metrics?.minCosine,
    ).toBeGreaterThanOrEqual(0.999);
    expect(variants.find((v) => v.scheme === "onnx-int4")?.compressionRatio).toBeGreaterThan(3.5);
  });

  it("fails the build when an ONNX variant is outside its budget", async () => {
    const manifest = await tmp.write(
      "m.yaml",
      [
        "id: mlp",
        "name: MLP",
        "version: 1.0.0",
        "type: other",
        "license: mit",
        "sources:",
        `  onnx: ${join(repoRoot, "test", "fixtures", "onnx", "mlp.onnx")}`,
        "variants:",
        "  - scheme: onnx-int4",
        "    budget: { maxAbsError: 0.0000001 }",
        "",
      ].join("\n"),
    );
    await expect(
      buildRelease({ manifestPath: manifest, outDir: join(tmp.dir, "out"), env }),
    ).rejects.toMatchObject({
      code: "BUDGET_EXCEEDED",
    });
    expect(await readdir(tmp.dir)).toEqual(["m.yaml"]);
  });

  it("builds nothing from an invalid manifest and returns its issues", async () => {
    const manifest = await tmp.write("m.yaml", "id: m\n");
    const result = await buildRelease({
      manifestPath: manifest,
      outDir: join(tmp.dir, "out"),
      env,
    });
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.issues.length).toBeGreaterThan(0);
    expect(await readdir(tmp.dir)).toEqual(["m.yaml"]);
  });

  it("needs a timestamp that does not come from the clock to release", async () => {
    const manifest = await tmp.write(
      "m.yaml",
      [
        "id: dated",
        "name: Dated",
        "version: 1.0.0",
        "type: other",
        "license: mit",
        "sources:",
        `  checkpoint: ${join(repoRoot, "examples", "tiny-llama", "model.pt")}`,
        "",
      ].join("\n"),
    );
    await expect(
      buildRelease({
        manifestPath: manifest,
        outDir: join(tmp.dir, "r"),
        env: {},
        mode: "release",
      }),
    ).rejects.toMatchObject({ code: "USAGE", message: expect.stringMatching(/SOURCE_DATE_EPOCH/) });
    const check = await buildRelease({
      manifestPath: manifest,
      outDir: join(tmp.dir, "c"),
      env: {},
      mode: "check",
    });
    if (!check.valid) throw new Error("invalid");
    expect(check.manifest.timestamp).toBe("1970-01-01T00:00:00Z");
  });
});
