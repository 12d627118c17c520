import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { evaluateVariant } from "../../src/evaluate/evaluate-variant.js";
import { GgufFile } from "../../src/formats/gguf-file.js";
import { layoutSafetensors } from "../../src/formats/safetensors-layout.js";
import { writeSafetensors } from "../../src/formats/safetensors-writer.js";
import { quantizeModel } from "../../src/quantize/quantize-model.js";
import { scratch } from "../helpers/temp.js";
import { TINY_CONFIGS, tinyShapes, tinyValues, writeTinyModel } from "./tiny-model.js";

/** Writes the tiny Qwen2 model as two shards and a `model.safetensors.index.json`. */
async function writeSharded(dir: string): Promise<void> {
  const shapes = [...tinyShapes("qwen2")];
  const halves = [shapes.slice(0, 20), shapes.slice(20)];
  const weightMap: Record<string, string> = {};
  for (const [i, half] of halves.entries()) {
    const file = `model-0000${i + 1}-of-00002.safetensors`;
    const layout = layoutSafetensors(half.map(([name, shape]) => ({ name, dtype: "F32", shape })));
    await writeSafetensors(join(dir, file), layout, async function* (entry) {
      const values = tinyValues(
        entry.name,
        entry.shape.reduce((a, b) => a * b, 1),
      );
      yield await Promise.resolve(new Uint8Array(values.buffer));
    });
    for (const [name] of half) weightMap[name] = file;
  }
  await writeFile(
    join(dir, "model.safetensors.index.json"),
    JSON.stringify({ metadata: {}, weight_map: weightMap }),
  );
  await writeFile(join(dir, "config.json"), JSON.stringify(TINY_CONFIGS.qwen2));
}

describe("source models", () => {
  let dir: Awaited<ReturnType<typeof scratch>>;
  beforeAll(async () => {
    dir = await scratch();
  });
  afterAll(async () => {
    await dir.remove();
  });

  it("reads a sharded model from its folder, counting every shard and the index as the source", async () => {
    const model = join(dir.dir, "sharded");
    await mkdir(model);
    await writeSharded(model);
    const output = join(dir.dir, "sharded.gguf");
    const result = await quantizeModel({ input: model, scheme: "q8_0", output });
    expect(result.sourceFiles.map((f) => f.slice(model.length + 1))).toEqual([
      "model.safetensors.index.json",
      "model-00001-of-00002.safetensors",
      "model-00002-of-00002.safetensors",
    ]);
    const file = await GgufFile.open(output);
    expect(file.tensors).toHaveLength(2 + 4 * 12);
    await file.close();
    const evaluation = await evaluateVariant({
      source: join(model, "model.safetensors.index.json"),
      variant: output,
    });
    expect(evaluation.summary.minCosine).toBeGreaterThan(0.999);
    expect(evaluation.sourceSize).toBeGreaterThan(evaluation.size);
  });

  it.each<[string, (root: string) => Promise<string>, string, RegExp]>([
    [
      "a missing path",
      (root) => Promise.resolve(join(root, "nope")),
      "INPUT_MALFORMED",
      /no such file or folder/,
    ],
    [
      "a folder without weights",
      async (root) => {
        const p = join(root, "empty");
        await mkdir(p, { recursive: true });
        return p;
      },
      "INPUT_UNSUPPORTED",
      /no model.safetensors or model.safetensors.index.json in this folder; run `model-publish convert` first/,
    ],
    [
      "an index pointing outside its folder",
      async (root) => {
        const p = join(root, "evil.safetensors.index.json");
        await writeFile(p, JSON.stringify({ weight_map: { a: "../secret.safetensors" } }));
        return p;
      },
      "INPUT_MALFORMED",
      /weight_map\["a"\] is not a file name beside the index/,
    ],
    [
      "an index that is not JSON",
      async (root) => {
        const p = join(root, "bad.safetensors.index.json");
        await writeFile(p, "{");
        return p;
      },
      "INPUT_MALFORMED",
      /is not valid JSON/,
    ],
  ])("refuses %s", async (_label, make, code, message) => {
    const input = await make(dir.dir);
    await expect(
      quantizeModel({ input, scheme: "int8", output: join(dir.dir, "o.safetensors") }),
    ).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
  });

  it("reports a variant that does not match its source as OUTPUT_MISMATCH", async () => {
    const a = join(dir.dir, "a");
    const b = join(dir.dir, "b");
    await mkdir(a);
    await mkdir(b);
    await writeTinyModel(a, "qwen2");
    await writeTinyModel(b, "llama");
    const variant = join(dir.dir, "a.gguf");
    await quantizeModel({ input: a, scheme: "q8_0", output: variant });
    await expect(evaluateVariant({ source: b, variant })).rejects.toMatchObject({
      code: "OUTPUT_MISMATCH",
      message: expect.stringMatching(
        /general.architecture is qwen2, but config.json describes llama/,
      ),
    });
    const int8 = join(dir.dir, "b-int8.safetensors");
    await quantizeModel({ input: b, scheme: "int8", output: int8 });
    await expect(evaluateVariant({ source: a, variant: int8 })).rejects.toMatchObject({
      code: "OUTPUT_MISMATCH",
    });
  });
});
