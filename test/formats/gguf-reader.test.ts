import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { ModelPublishError } from "../../src/errors.js";
import { GgufFile } from "../../src/formats/gguf-file.js";
import { NeedMoreBytes } from "../../src/formats/gguf-cursor.js";
import { parseGgufHeader } from "../../src/formats/gguf-parse.js";
import type { GgufValue } from "../../src/formats/gguf-value.js";
import { repoRoot, scratch } from "../helpers/temp.js";
import { RawGguf } from "./gguf-bytes.js";

const fixtures = `${repoRoot}test/fixtures/quant/`;

interface DumpEntry {
  key: string;
  type: string;
  itemType: string | null;
  value: unknown;
}
interface Dump {
  alignment: number;
  dataOffset: number;
  metadata: DumpEntry[];
  tensors: {
    name: string;
    type: string;
    ne: number[];
    nbytes: number;
    dataOffset: number;
    head: string;
  }[];
}

/** A value as gguf_dump.py prints it (64-bit integers as strings). */
function asDumped(value: GgufValue): unknown {
  if (value.type === "array") {
    return value.items.map((item) => (typeof item === "bigint" ? item.toString() : item));
  }
  return typeof value.value === "bigint" ? value.value.toString() : value.value;
}

function parse(buf: Buffer): ReturnType<typeof parseGgufHeader> {
  return parseGgufHeader(buf, buf.length, "t.gguf");
}

/** The error a parse throws, for matching code and message. */
function failure(buf: Buffer): ModelPublishError {
  try {
    parse(buf);
  } catch (error) {
    if (error instanceof ModelPublishError) return error;
    throw error;
  }
  throw new Error("parsed without error");
}

describe("GGUF reader against a file written by llama.cpp's gguf-py", () => {
  const dump = JSON.parse(readFileSync(`${fixtures}gguf-py.json`, "utf8")) as Dump;

  it("reads every metadata value with gguf-py's types and values", async () => {
    const file = await GgufFile.open(`${fixtures}gguf-py.gguf`);
    try {
      expect([...file.metadata.keys()]).toEqual(dump.metadata.map((m) => m.key));
      for (const entry of dump.metadata) {
        const value = file.metadata.get(entry.key);
        if (value === undefined) throw new Error(entry.key);
        expect([entry.key, value.type.toUpperCase()]).toEqual([entry.key, entry.type]);
        if (value.type === "array") expect(value.itemType.toUpperCase()).toBe(entry.itemType);
        if (value.type === "float32") expect(value.value).toBeCloseTo(entry.value as number, 12);
        else expect(asDumped(value)).toEqual(entry.value);
      }
    } finally {
      await file.close();
    }
  });

  it("reads every tensor info and its bytes where gguf-py does", async () => {
    const file = await GgufFile.open(`${fixtures}gguf-py.gguf`);
    try {
      expect(file.header.dataStart).toBe(dump.dataOffset);
      expect(
        file.tensors.map((t) => [t.name, t.type.name, t.ne, t.nbytes, file.fileOffset(t)]),
      ).toEqual(dump.tensors.map((t) => [t.name, t.type, t.ne, t.nbytes, t.dataOffset]));
      for (const [i, info] of file.tensors.entries()) {
        const bytes = await file.readTensor(info);
        expect(Buffer.from(bytes.subarray(0, 64)).toString("hex")).toBe(dump.tensors[i]?.head);
      }
      expect(file.tensor("t.q8_0")?.shape).toEqual([2, 32]);
    } finally {
      await file.close();
    }
  });
});

describe("GGUF reader refuses malformed files, naming the byte offset", () => {
  it.each([
    ["an empty file", Buffer.alloc(0), /magic at byte 0 runs past the end of the 0-byte file/],
    [
      "a wrong magic",
      new RawGguf().header(0, 0, 3, "GGUX").build(),
      /magic is 47475558, not "GGUF" at byte 0/,
    ],
    [
      "a negative tensor count",
      new RawGguf().header(-1n & 0xffffffffffffffffn, 0).build(),
      /tensor count -1 is negative at byte 8/,
    ],
    [
      "an absurd tensor count",
      new RawGguf().header(1n << 40n, 0).build(),
      /tensor count 1099511627776 is more than the rest of the file could hold .* at byte 8/,
    ],
    [
      "an absurd metadata count",
      new RawGguf().header(0, 1n << 40n).build(),
      /metadata count .* at byte 16/,
    ],
    [
      "a key longer than the file",
      new RawGguf()
        .header(0, 1)
        .u64(1n << 50n)
        .bytes(new Uint8Array(8))
        .build(),
      /key 0 length .* at byte 24/,
    ],
    [
      "a header cut in the middle of a value",
      new RawGguf().header(0, 1).str("k").u32(4).bytes("ab").build(),
      /value of "k" at byte 37 runs past the end of the 39-byte file; the file is truncated/,
    ],
  ])("%s", (_label, buf, message) => {
    const error = failure(buf);
    expect(error.code).toBe("INPUT_MALFORMED");
    expect(error.message).toMatch(message);
  });

  it.each([
    [
      "version 1",
      new RawGguf().header(0, 0, 1).build(),
      /GGUF version 1 at byte 4 is not supported/,
    ],
    ["version 4", new RawGguf().header(0, 0, 4).build(), /GGUF version 4 at byte 4/],
    ["a big-endian file", new RawGguf().header(0, 0, 0x03000000).build(), /big-endian/],
  ])("%s is refused as unsupported", (_label, buf, message) => {
    const error = failure(buf);
    expect(error.code).toBe("INPUT_UNSUPPORTED");
    expect(error.message).toMatch(message);
  });

  const cases: [string, () => Buffer, RegExp][] = [
    [
      "a duplicate key",
      () => new RawGguf().header(0, 2).kvU32("a", 1).kvU32("a", 2).build(),
      /duplicate metadata key "a" at byte 41/,
    ],
    [
      "an unknown value type",
      () => new RawGguf().header(0, 1).str("k").u32(13).build(),
      /type of "k" 13 is not a GGUF value type at byte 33/,
    ],
    [
      "an array of arrays",
      () => new RawGguf().header(0, 1).str("k").u32(9).u32(9).u64(0).build(),
      /"k" is an array of arrays, which ggml refuses at byte 37/,
    ],
    [
      "an array longer than the file",
      () =>
        new RawGguf()
          .header(0, 1)
          .str("k")
          .u32(9)
          .u32(4)
          .u64(1n << 40n)
          .build(),
      /length of "k" .* at byte 41/,
    ],
    [
      "a key that is not UTF-8",
      () =>
        new RawGguf()
          .header(0, 1)
          .str(new Uint8Array([0xff, 0xfe]))
          .u32(4)
          .u32(1)
          .build(),
      /key 0 is not valid UTF-8 at byte 24/,
    ],
    [
      "general.alignment of another type",
      () => new RawGguf().header(0, 1).str("general.alignment").u32(10).u64(32).build(),
      /general.alignment is a uint64; ggml requires a uint32 at byte 24/,
    ],
    [
      "general.alignment not a power of two",
      () => new RawGguf().header(0, 1).kvU32("general.alignment", 24).build(),
      /general.alignment 24 is not a power of two at byte 24/,
    ],
    [
      "a tensor name of 64 bytes",
      () => new RawGguf().header(1, 0).tensor("x".repeat(64), [4], 0, 0).data(16).build(),
      /tensor name "x{64}" is 64 bytes, over ggml's 63 at byte 24/,
    ],
    [
      "a duplicate tensor name",
      () =>
        new RawGguf().header(2, 0).tensor("t", [4], 0, 0).tensor("t", [4], 0, 32).data(64).build(),
      /duplicate tensor name "t" at byte 57/,
    ],
    [
      "five dimensions",
      () => new RawGguf().header(1, 0).tensor("t", [1, 1, 1, 1, 1], 0, 0).data(4).build(),
      /tensor t has 5 dimensions, over ggml's 4 at byte 33/,
    ],
    [
      "a removed ggml type",
      () => new RawGguf().header(1, 0).tensor("t", [32], 4, 0).data(32).build(),
      /tensor t has unknown ggml type 4 at byte 45/,
    ],
    [
      "a row that is not whole blocks",
      () => new RawGguf().header(1, 0).tensor("t", [33], 2, 0).data(64).build(),
      /tensor t: Q4_0 rows of 33 values are not a multiple of its block size 32 at byte 49/,
    ],
    [
      "offsets that leave a gap",
      () =>
        new RawGguf().header(2, 0).tensor("a", [4], 0, 0).tensor("b", [4], 0, 64).data(96).build(),
      /tensor b has offset 64, expected 32 \(offsets must be contiguous and aligned to 32\) at byte 82/,
    ],
    [
      "offsets out of order",
      () =>
        new RawGguf().header(2, 0).tensor("a", [4], 0, 32).tensor("b", [4], 0, 0).data(64).build(),
      /tensor a has offset 32, expected 0/,
    ],
    [
      "tensor data cut short",
      () => new RawGguf().header(1, 0).tensor("t", [1024], 0, 0).data(100).build(),
      /tensor t \(4096 bytes\) runs past the end of the .*-byte file; the file is truncated at byte 64/,
    ],
  ];

  it.each(cases)("%s", (_label, build, message) => {
    const error = failure(build());
    expect(error.code).toBe("INPUT_MALFORMED");
    expect(error.message).toMatch(message);
  });

  it("asks for more bytes when the header goes past what was read", () => {
    const buf = new RawGguf().header(0, 1).kvString("k", "v".repeat(100)).build();
    expect(() => parseGgufHeader(buf.subarray(0, 50), buf.length, "t.gguf")).toThrow(NeedMoreBytes);
  });
});

describe("GgufFile", () => {
  let dir: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    dir = await scratch();
  });
  afterEach(async () => {
    await dir.remove();
  });

  it("reads a header larger than its first read (a 3 MB vocabulary string)", async () => {
    const big = "tok ".repeat(750_000);
    const buf = new RawGguf()
      .header(1, 2)
      .kvString("general.architecture", "llama")
      .kvString("tokenizer.big", big)
      .tensor("t", [8], 0, 0)
      .data(32)
      .build();
    const path = join(dir.dir, "big.gguf");
    await writeFile(path, buf);
    const file = await GgufFile.open(path);
    try {
      const value = file.metadata.get("tokenizer.big");
      expect(value?.type === "string" ? value.value.length : 0).toBe(big.length);
      expect(file.tensors.map((t) => t.name)).toEqual(["t"]);
    } finally {
      await file.close();
    }
  });

  it("names the file in errors and closes it", async () => {
    const path = join(dir.dir, "bad.gguf");
    await writeFile(path, new RawGguf().header(0, 0, 3, "GGUX").build());
    await expect(GgufFile.open(path)).rejects.toThrow(/^bad.gguf: magic is/);
  });
});
