import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { copyFile, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { convertCheckpoint, type ConvertProgress } from "../../src/convert/convert-checkpoint.js";
import { ModelPublishError } from "../../src/errors.js";
import { SafetensorsFile } from "../../src/formats/safetensors-file.js";
import { scratch } from "../helpers/temp.js";
import { expected, shardedDir, validDir, type ExpectedCheckpoint } from "./fixtures.js";

async function expectTensors(
  files: string[],
  want: ExpectedCheckpoint,
): Promise<Record<string, string>> {
  const seen = new Set<string>();
  let metadata: Record<string, string> = {};
  for (const path of files) {
    const st = await SafetensorsFile.open(path);
    try {
      metadata = { ...metadata, ...st.metadata };
      for (const info of st.tensors) {
        const tensor = want.tensors[info.name];
        expect(tensor).toBeDefined();
        expect([info.dtype, info.shape]).toEqual([tensor?.dtype, tensor?.shape]);
        expect((await st.readTensor(info.name)).toString("base64")).toBe(tensor?.data);
        seen.add(info.name);
      }
    } finally {
      await st.close();
    }
  }
  expect([...seen].sort()).toEqual(Object.keys(want.tensors).sort());
  return metadata;
}

describe("convertCheckpoint", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
  });
  afterEach(async () => {
    await tmp.remove();
  });

  const single = Object.keys(expected).filter((k) => k !== "sharded" && k !== "nested-ema.pt");

  it.each(single)("%s → one safetensors file with exactly torch's tensors", async (name) => {
    const want = expected[name];
    if (!want) throw new Error(name);
    const output = join(tmp.dir, "out", "model.safetensors");
    const result = await convertCheckpoint({ input: join(validDir, name), output, chunkBytes: 24 });
    const metadata = await expectTensors([output], want);
    expect(result.duplicates).toEqual(want.duplicates);
    expect(result.training).toEqual(want.training);
    expect(result.weightsKey ?? null).toBe(want.weightsKey);
    expect(result.sources[0]?.layout).toBe(want.layout);
    expect(metadata.format).toBe("pt");
    for (const [dup, kept] of Object.entries(want.duplicates)) expect(metadata[dup]).toBe(kept);
    if (want.metadata) expect(metadata).toEqual(want.metadata);
    expect(result.artifacts).toEqual([
      expect.objectContaining({
        path: "model.safetensors",
        file: output,
        format: "safetensors",
        role: "weights",
      }),
    ]);
    expect(await readdir(join(tmp.dir, "out"))).toEqual(["model.safetensors"]);
  });

  it("needs a weights key when a checkpoint holds several weight dicts, and lists them", async () => {
    const input = join(validDir, "nested-ema.pt");
    const error = await convertCheckpoint({ input, output: join(tmp.dir, "m.safetensors") }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelPublishError);
    expect((error as ModelPublishError).message).toMatch(
      /several dicts of weights \(model, ema\).*--weights-key/,
    );
    const want = expected["nested-ema.pt"];
    if (!want) throw new Error("nested-ema");
    const result = await convertCheckpoint({
      input,
      output: join(tmp.dir, "m.safetensors"),
      weightsKey: "ema",
    });
    await expectTensors([join(tmp.dir, "m.safetensors")], want);
    expect(result.training).toEqual({ step: 10 });
    await expect(
      convertCheckpoint({ input, output: join(tmp.dir, "x.safetensors"), weightsKey: "nope" }),
    ).rejects.toThrow(/"nope": there is no such key; candidates: model, ema/);
    await expect(
      convertCheckpoint({ input, output: join(tmp.dir, "x.safetensors"), weightsKey: "step" }),
    ).rejects.toThrow(/holds a int with no tensors/);
    expect(await readdir(tmp.dir)).toEqual(["m.safetensors"]);
  });

  it("reads a nested key given as a path", async () => {
    const result = await convertCheckpoint({
      input: join(validDir, "nested-model.pt"),
      output: join(tmp.dir, "m.safetensors"),
      weightsKey: "model",
    });
    expect(result.weightsKey).toBe("model");
    expect(result.skipped).toEqual([]);
  });

  it("converts a sharded checkpoint into shards of the size asked, with an index", async () => {
    const want = expected.sharded;
    if (!want) throw new Error("sharded");
    const out = join(tmp.dir, "release");
    const events: ConvertProgress[] = [];
    const result = await convertCheckpoint({
      input: shardedDir,
      output: out,
      shardSize: "150B",
      onProgress: (e) => events.push(e),
    });
    const names = (await readdir(out)).sort();
    expect(names).toEqual([
      "model-00001-of-00002.safetensors",
      "model-00002-of-00002.safetensors",
      "model.safetensors.index.json",
    ]);
    await expectTensors(
      names.filter((n) => n.endsWith(".safetensors")).map((n) => join(out, n)),
      want,
    );
    const index = JSON.parse(await readFile(join(out, "model.safetensors.index.json"), "utf8")) as {
      metadata: { total_size: number };
      weight_map: Record<string, string>;
    };
    expect(index.metadata.total_size).toBe(256);
    expect(index.weight_map).toEqual({
      "layers.0.weight": "model-00001-of-00002.safetensors",
      "layers.1.weight": "model-00001-of-00002.safetensors",
      "layers.2.weight": "model-00002-of-00002.safetensors",
      "layers.3.weight": "model-00002-of-00002.safetensors",
    });
    expect(result.artifacts.map((a) => [a.path, a.format])).toEqual([
      ["model-00001-of-00002.safetensors", "safetensors"],
      ["model-00002-of-00002.safetensors", "safetensors"],
      ["model.safetensors.index.json", "safetensors-index"],
    ]);
    expect(result.artifacts[2]?.size).toBe(
      (await readFile(join(out, "model.safetensors.index.json"))).length,
    );
    expect(events.filter((e) => e.phase === "open")).toHaveLength(2);
    const last = events.filter((e) => e.phase === "verify").pop();
    expect(last).toEqual(expect.objectContaining({ bytesDone: 256, bytesTotal: 256 }));
    expect(events.at(-1)?.phase).toBe("done");
  });

  it("writes one model.safetensors into a folder when the model fits the shard size", async () => {
    const out = join(tmp.dir, "folder");
    const result = await convertCheckpoint({
      input: join(shardedDir, "pytorch_model.bin.index.json"),
      output: out,
      releaseRoot: tmp.dir,
    });
    expect(await readdir(out)).toEqual(["model.safetensors"]);
    expect(result.artifacts[0]?.path).toBe("folder/model.safetensors");
    const named = join(tmp.dir, "release");
    await convertCheckpoint({
      input: shardedDir,
      output: named,
      singleName: "tiny-llama.safetensors",
    });
    expect(await readdir(named)).toEqual(["tiny-llama.safetensors"]);
  });

  it("is deterministic: the same checkpoint gives the same bytes", async () => {
    const a = join(tmp.dir, "a.safetensors");
    const b = join(tmp.dir, "b.safetensors");
    await convertCheckpoint({ input: join(validDir, "zip-views.pt"), output: a });
    await convertCheckpoint({ input: join(validDir, "zip-views.pt"), output: b, chunkBytes: 8 });
    expect((await readFile(a)).equals(await readFile(b))).toBe(true);
  });

  it("refuses a shard index that does not match its shards", async () => {
    for (const shard of await readdir(shardedDir))
      await copyFile(join(shardedDir, shard), join(tmp.dir, shard));
    const index = join(tmp.dir, "pytorch_model.bin.index.json");
    const text = await readFile(index, "utf8");
    await writeFile(
      index,
      text.replace(
        '"layers.3.weight": "pytorch_model-00002-of-00002.bin"',
        '"layers.3.weight": "pytorch_model-00001-of-00002.bin"',
      ),
    );
    await expect(convertCheckpoint({ input: index, output: join(tmp.dir, "o") })).rejects.toThrow(
      /holds tensor "layers.3.weight", which pytorch_model.bin.index.json places in another shard/,
    );
    await writeFile(index, text.replace('"layers.3.weight"', '"layers.9.weight"'));
    await expect(convertCheckpoint({ input: index, output: join(tmp.dir, "o") })).rejects.toThrow(
      /does not list/,
    );
    await writeFile(
      index,
      text
        .replace("}\n}", '}, "extra": "pytorch_model-00001-of-00002.bin"\n}')
        .replace('"weight_map": {', '"weight_map": {"ghost": "pytorch_model-00001-of-00002.bin",'),
    );
    await expect(convertCheckpoint({ input: index, output: join(tmp.dir, "o") })).rejects.toThrow(
      /lists tensor "ghost"/,
    );
    await writeFile(index, '{"weight_map": {}}');
    await expect(convertCheckpoint({ input: index, output: join(tmp.dir, "o") })).rejects.toThrow(
      /no "weight_map"/,
    );
    await writeFile(index, '{"weight_map": {"a": "x", "a": "y"}}');
    await expect(convertCheckpoint({ input: index, output: join(tmp.dir, "o") })).rejects.toThrow(
      /duplicate key/,
    );
    expect((await readdir(tmp.dir)).filter((n) => n === "o")).toEqual([]);
  });

  it("removes what it wrote when it fails midway, and the folder it created", async () => {
    const fail = (phase: ConvertProgress["phase"]) => (event: ConvertProgress) => {
      if (event.phase === phase) throw new Error(`stopped during ${phase}`);
    };
    const created = join(tmp.dir, "new", "deeper");
    await expect(
      convertCheckpoint({
        input: shardedDir,
        output: created,
        shardSize: "150B",
        onProgress: fail("write"),
      }),
    ).rejects.toThrow(/stopped during write/);
    expect(await readdir(tmp.dir)).toEqual([]);
    await tmp.write("kept/notes.txt", "mine");
    await expect(
      convertCheckpoint({
        input: shardedDir,
        output: join(tmp.dir, "kept"),
        shardSize: "150B",
        onProgress: fail("verify"),
      }),
    ).rejects.toThrow(/stopped during verify/);
    expect(await readdir(join(tmp.dir, "kept"))).toEqual(["notes.txt"]);
  });

  it("names a missing checkpoint or shard as bad input", async () => {
    const missing = await convertCheckpoint({
      input: join(tmp.dir, "nope.pt"),
      output: tmp.dir,
    }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "USAGE" });
    expect(String(missing)).toContain("nope.pt: no such file or folder");
    await expect(convertCheckpoint({ input: tmp.dir, output: join(tmp.dir, "o") })).rejects.toThrow(
      /cannot read .*pytorch_model\.bin\.index\.json: no such file/,
    );
    await copyFile(
      join(shardedDir, "pytorch_model.bin.index.json"),
      join(tmp.dir, "pytorch_model.bin.index.json"),
    );
    const shard = await convertCheckpoint({ input: tmp.dir, output: join(tmp.dir, "o") }).catch(
      (e: unknown) => e,
    );
    expect(shard).toMatchObject({ code: "INPUT_MALFORMED" });
    expect(String(shard)).toContain("names pytorch_model-00001-of-00002.bin, which cannot be read");
  });

  it("never overwrites its input", async () => {
    const input = join(tmp.dir, "model.safetensors");
    await copyFile(join(validDir, "zip-dtypes.pt"), input);
    await expect(convertCheckpoint({ input, output: input })).rejects.toThrow(
      /would overwrite the checkpoint/,
    );
    expect((await readFile(input)).equals(await readFile(join(validDir, "zip-dtypes.pt")))).toBe(
      true,
    );
  });

  it("refuses a bad shard size as a usage error", async () => {
    await expect(
      convertCheckpoint({
        input: join(validDir, "zip-dtypes.pt"),
        output: tmp.dir,
        shardSize: "5 parsecs",
      }),
    ).rejects.toMatchObject({ code: "USAGE" });
  });
});
