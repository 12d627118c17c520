import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { ModelPublishError } from "../../src/errors.js";
import {
  deferredTensor,
  type DeferredRawData,
  type RawDataSink,
} from "../../src/formats/onnx-deferred-data.js";
import { encodeOnnx, readOnnx, type OnnxModel } from "../../src/formats/onnx-model.js";
import type { ModelProto, TensorProto } from "../../src/formats/onnx-proto-types.js";
import { tensorBytes } from "../../src/formats/onnx-tensor-data.js";
import { writeOnnx } from "../../src/formats/onnx-writer.js";
import { scratch } from "../helpers/temp.js";

/** Bytes 0, 1, 2… of `length`, produced back to front in parts, the writes overlapping. */
function backwards(length: number, part = 1000): DeferredRawData & { calls: number } {
  const data = {
    length,
    calls: 0,
    async produce(sink: RawDataSink) {
      data.calls++;
      const writes: Promise<void>[] = [];
      for (let end = length; end > 0; end -= part) {
        const start = Math.max(0, end - part);
        const bytes = Uint8Array.from({ length: end - start }, (_, i) => (start + i) & 0xff);
        writes.push(sink(bytes, start));
      }
      await Promise.all(writes);
    },
  };
  return data;
}

const expected = (length: number) => Uint8Array.from({ length }, (_, i) => i & 0xff);
/** Whether `bytes` are 0, 1, 2… (mod 256), `length` of them. */
const isCount = (bytes: Uint8Array, length: number): boolean =>
  Buffer.from(bytes).equals(Buffer.from(expected(length)));

/** A model whose graph holds `tensor` as its only initializer, and a subgraph holding `inner`. */
function model(tensor: TensorProto, inner?: TensorProto): OnnxModel {
  const proto: ModelProto = {
    irVersion: 8,
    opsetImport: [{ domain: "", version: 17 }],
    graph: {
      name: "g",
      initializer: [tensor],
      node: inner
        ? [
            {
              opType: "If",
              input: ["c"],
              output: ["y"],
              attribute: [{ name: "then_branch", type: 5, g: { name: "t", initializer: [inner] } }],
            },
          ]
        : [],
    },
  };
  return { proto, path: "m.onnx", dir: "/" };
}

/** The main graph's initializer `name` of the model file at `path`, with its bytes. */
async function stored(path: string, name: string, index = 0) {
  const read = await readOnnx(path);
  const graph = read.proto.graph;
  const tensor =
    index === 0
      ? graph?.initializer?.find((t) => t.name === name)
      : graph?.node?.[0]?.attribute?.[0]?.g?.initializer?.[0];
  if (!tensor) throw new Error(`no ${name}`);
  return { tensor, bytes: await tensorBytes(tensor, read.dir, name) };
}

describe("deferred raw data", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await scratch());
  });
  afterEach(() => remove());

  it("is produced when the writer reaches the tensor, inline or into external data", async () => {
    const length = 300_000; // over the size written from where it is
    const data = backwards(length);
    const source = model(deferredTensor("W", 2, [length], data));
    const inline = join(dir, "inline.onnx");
    await writeOnnx(source, inline);
    expect(data.calls).toBe(1);
    expect(isCount((await stored(inline, "W")).bytes, length)).toBe(true);
    // The same file as writing the tensor with its bytes in memory.
    const eager = model({ name: "W", dataType: 2, dims: [length], rawData: expected(length) });
    expect((await readFile(inline)).equals(Buffer.from(encodeOnnx(eager.proto)))).toBe(true);

    const external = join(dir, "external.onnx");
    const written = await writeOnnx(source, external, { externalData: "always" });
    expect(written.files).toEqual([external, `${external}.data`]);
    const { tensor, bytes } = await stored(external, "W");
    expect(tensor.dataLocation).toBe(1);
    expect(isCount(bytes, length)).toBe(true);
  });

  it("is gathered in memory for a small tensor, a subgraph's, and for tensorBytes", async () => {
    const outer = backwards(40, 7);
    const inner = backwards(30, 4);
    const source = model(deferredTensor("W", 2, [40], outer), deferredTensor("V", 2, [30], inner));
    const out = join(dir, "small.onnx");
    await writeOnnx(source, out);
    expect(isCount((await stored(out, "W")).bytes, 40)).toBe(true);
    expect(isCount((await stored(out, "V", 1)).bytes, 30)).toBe(true);
    const alone = deferredTensor("U", 2, [50], backwards(50, 9));
    expect(isCount(await tensorBytes(alone, dir, "U"), 50)).toBe(true);
  });

  it.each([
    ["writes past its end", (sink: RawDataSink) => sink(new Uint8Array(10), 95)],
    ["leaves a hole", (sink: RawDataSink) => sink(new Uint8Array(60), 0)],
  ])("fails the write, leaving no file, when the producer %s", async (_label, produce) => {
    const source = model(deferredTensor("W", 2, [100], { length: 100, produce }));
    for (const externalData of ["never", "always"] as const) {
      const out = join(dir, `bad-${externalData}.onnx`);
      const failure = writeOnnx(source, out, { externalData, externalThreshold: 1 });
      await expect(failure).rejects.toThrow(ModelPublishError);
      await expect(writeOnnx(source, out, { externalData })).rejects.toThrow(/W/);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it("refuses data whose length is not what the tensor's shape needs", async () => {
    const source = model(deferredTensor("W", 1, [10], backwards(39)));
    await expect(writeOnnx(source, join(dir, "x.onnx"))).rejects.toThrow(/40/);
    await expect(tensorBytes(source.proto.graph?.initializer?.[0] ?? {}, dir, "W")).rejects.toThrow(
      /needs 40/,
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
