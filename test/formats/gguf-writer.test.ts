import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { GgufFile } from "../../src/formats/gguf-file.js";
import { ggmlDims, layoutGguf, type GgufTensorSpec } from "../../src/formats/gguf-layout.js";
import { ggmlType } from "../../src/formats/gguf-types.js";
import { gguf, type GgufValue } from "../../src/formats/gguf-value.js";
import { writeGguf } from "../../src/formats/gguf-writer.js";
import { scratch } from "../helpers/temp.js";
import { ggufPyDump, hfGguf } from "./gguf-interop.js";

const METADATA = new Map<string, GgufValue>([
  ["general.architecture", gguf.str("llama")],
  ["general.name", gguf.str("round trip ✓")],
  ["t.u8", gguf.u8(255)],
  ["t.i8", gguf.i8(-128)],
  ["t.u16", gguf.u16(65535)],
  ["t.i16", gguf.i16(-32768)],
  ["t.u32", gguf.u32(4294967295)],
  ["t.i32", gguf.i32(-2147483648)],
  ["t.f32", gguf.f32(0.25)],
  ["t.f64", gguf.f64(Math.PI)],
  ["t.u64", gguf.u64(18446744073709551615n)],
  ["t.i64", gguf.i64(-9223372036854775808n)],
  ["t.bool", gguf.bool(false)],
  ["t.empty", gguf.str("")],
  ["tokenizer.ggml.tokens", gguf.strings(["<s>", "</s>", "héllo", ""])],
  ["t.scores", gguf.numbers("float32", [0, -1.5, 2.25])],
  ["t.types", gguf.numbers("int32", [1, 3, -6])],
  ["t.bools", { type: "array", itemType: "bool", items: [true, false] }],
  ["t.u64s", { type: "array", itemType: "uint64", items: [0n, 1n << 63n] }],
  ["general.alignment", gguf.u32(32)],
]);

/** Deterministic bytes for a tensor: its index and position. */
function tensorBytes(index: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (index * 31 + i * 7) & 0xff;
  return out;
}

const TENSORS: GgufTensorSpec[] = [
  { name: "token_embd.weight", type: "Q4_K", shape: [3, 256] },
  { name: "blk.0.attn_norm.weight", type: "F32", shape: [5] },
  { name: "blk.0.ffn_up.weight", type: "Q8_0", shape: [2, 64] },
  { name: "blk.0.one_row.weight", type: "F16", shape: [1, 7] },
  { name: "blk.0.cube.weight", type: "BF16", shape: [2, 3, 4, 5] },
  { name: "blk.0.q6.weight", type: "Q6_K", shape: [1, 256] },
];

describe("GGUF writer", () => {
  let dir: Awaited<ReturnType<typeof scratch>>;
  let path: string;
  const layout = layoutGguf(METADATA, TENSORS);

  beforeAll(async () => {
    dir = await scratch();
    path = join(dir.dir, "written.gguf");
    await writeGguf(path, layout, async function* (tensor, index) {
      const bytes = tensorBytes(index, tensor.nbytes);
      // two chunks, produced asynchronously, to exercise streaming
      yield await Promise.resolve(bytes.subarray(0, tensor.nbytes >> 1));
      yield await Promise.resolve(bytes.subarray(tensor.nbytes >> 1));
    });
  });
  afterAll(async () => {
    await dir.remove();
  });

  it("lays tensors out contiguously, each padded to 32 bytes, dims reversed", () => {
    expect(layout.header.length % 32).toBe(0);
    expect(layout.tensors.map((t) => [t.ne, t.offset, t.nbytes])).toEqual([
      [[256, 3], 0, 3 * 144],
      [[5], 448, 20],
      [[64, 2], 480, 4 * 34],
      [[7], 640, 14],
      [[5, 4, 3, 2], 672, 240],
      [[256], 928, 210],
    ]);
    expect(layout.size).toBe(layout.header.length + 928 + 224);
  });

  it("reads back as written: every metadata type, tensor info and byte", async () => {
    expect((await stat(path)).size).toBe(layout.size);
    const file = await GgufFile.open(path);
    try {
      expect(file.header.version).toBe(3);
      expect(file.metadata).toEqual(METADATA);
      expect(file.tensors.map((t) => [t.name, t.type.name, t.shape])).toEqual(
        TENSORS.map((t) => [t.name, t.type, ggmlDims(t.shape).reverse()]),
      );
      for (const [i, info] of file.tensors.entries()) {
        expect(Buffer.from(await file.readTensor(info)).equals(tensorBytes(i, info.nbytes))).toBe(
          true,
        );
      }
    } finally {
      await file.close();
    }
  });

  it("pads with zeros between tensors and after the last", async () => {
    const bytes = await readFile(path);
    const last = layout.tensors.at(-1);
    if (last === undefined) throw new Error("no tensors");
    const end = layout.header.length + last.offset + last.nbytes;
    expect([...bytes.subarray(end)].every((b) => b === 0)).toBe(true);
    expect(bytes.length - end).toBe(14);
  });

  it("is read the same by llama.cpp's gguf-py", async () => {
    const dump = await ggufPyDump(path);
    if (typeof dump === "string") {
      if (dump.startsWith("ERROR")) throw new Error(dump);
      console.log(`skipped: ${dump}`);
      return;
    }
    expect(dump.alignment).toBe(32);
    expect(dump.dataOffset).toBe(layout.header.length);
    expect(dump.metadata.map((m) => [m.key, m.type.toLowerCase()])).toEqual(
      [...METADATA].map(([k, v]) => [k, v.type]),
    );
    const byKey = new Map(dump.metadata.map((m) => [m.key, m.value]));
    expect(byKey.get("t.u64")).toBe("18446744073709551615");
    expect(byKey.get("tokenizer.ggml.tokens")).toEqual(["<s>", "</s>", "héllo", ""]);
    expect(dump.tensors.map((t) => [t.name, t.type, t.ne, t.nbytes])).toEqual(
      layout.tensors.map((t) => [t.name, t.type, t.ne, t.nbytes]),
    );
  });

  it("is parsed the same by @huggingface/gguf", async () => {
    const parsed = await hfGguf(path);
    if (typeof parsed === "string") {
      console.log(`skipped: ${parsed}`);
      return;
    }
    expect(parsed.metadata["general.architecture"]).toBe("llama");
    expect(parsed.metadata["t.u32"]).toBe(4294967295);
    expect(parsed.metadata["t.u64"]).toBe(18446744073709551615n);
    expect(parsed.metadata["tokenizer.ggml.tokens"]).toEqual(["<s>", "</s>", "héllo", ""]);
    expect(
      parsed.tensorInfos.map((t) => [t.name, t.dtype, t.shape.map(Number), Number(t.offset)]),
    ).toEqual(layout.tensors.map((t) => [t.name, ggmlType(t.type).id, t.ne, t.offset]));
  });
});

describe("GGUF layout refuses what ggml's reader would", () => {
  const base = new Map<string, GgufValue>([["general.architecture", gguf.str("llama")]]);
  it.each<[string, Map<string, GgufValue>, GgufTensorSpec[], RegExp]>([
    [
      "duplicate names",
      base,
      [
        { name: "a", type: "F32", shape: [1] },
        { name: "a", type: "F32", shape: [1] },
      ],
      /"a" appears twice/,
    ],
    [
      "a 64-byte name",
      base,
      [{ name: "n".repeat(64), type: "F32", shape: [1] }],
      /is 64 bytes; ggml allows 1 to 63/,
    ],
    [
      "five dimensions",
      base,
      [{ name: "t", type: "F32", shape: [2, 2, 2, 2, 2] }],
      /5 dimensions; ggml allows 4/,
    ],
    [
      "rows that are not whole blocks",
      base,
      [{ name: "t", type: "Q4_K", shape: [2, 896] }],
      /a row of 896 values is not a multiple of the Q4_K block size 256/,
    ],
    ["a negative dimension", base, [{ name: "t", type: "F32", shape: [-1] }], /invalid shape/],
    [
      "general.alignment as uint64",
      new Map([["general.alignment", gguf.u64(32n)]]),
      [],
      /must be a uint32/,
    ],
    [
      "general.alignment not a power of two",
      new Map([["general.alignment", gguf.u32(48)]]),
      [],
      /48 is not a power of two/,
    ],
    ["a uint8 out of range", new Map([["k", gguf.u8(256)]]), [], /"k": 256 is not a uint8/],
    ["a uint64 out of range", new Map([["k", gguf.u64(1n << 64n)]]), [], /is not a uint64/],
    [
      "an array item of the wrong type",
      new Map<string, GgufValue>([
        ["k", { type: "array", itemType: "string", items: [1] as unknown as string[] }],
      ]),
      [],
      /array of string holds a number/,
    ],
  ])("%s", (_label, metadata, tensors, message) => {
    expect(() => layoutGguf(metadata, tensors)).toThrow(message);
  });

  it("drops trailing 1-sized dimensions as ggml_n_dims does, and honours a larger alignment", () => {
    const layout = layoutGguf(new Map([["general.alignment", gguf.u32(64)]]), [
      { name: "a", type: "F32", shape: [1, 1, 3] },
      { name: "b", type: "F32", shape: [] },
      { name: "c", type: "F32", shape: [2] },
    ]);
    expect(layout.tensors.map((t) => [t.ne, t.offset])).toEqual([
      [[3], 0],
      [[1], 64],
      [[2], 128],
    ]);
    expect(layout.header.length % 64).toBe(0);
  });
});
