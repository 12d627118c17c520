import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ModelPublishError } from "../../src/errors.js";
import { SafetensorsFile } from "../../src/formats/safetensors-file.js";
import { parseSafetensorsHeader, readHeaderLength } from "../../src/formats/safetensors-header.js";
import { layoutSafetensors, type PlacedEntry } from "../../src/formats/safetensors-layout.js";
import { writeSafetensors } from "../../src/formats/safetensors-writer.js";
import { repoRoot, scratch } from "../helpers/temp.js";

const dir = join(repoRoot, "test/fixtures/safetensors");
const cases = JSON.parse(readFileSync(join(dir, "cases.json"), "utf8")) as {
  file: string;
  valid: boolean;
  kind: string | null;
}[];

/** The six floats 0..5 little-endian, as the reference tests use. */
const f32 = Buffer.from(new Float32Array([0, 1, 2, 3, 4, 5]).buffer);

async function write(
  path: string,
  tensors: Record<string, { dtype: "F32" | "U8" | "BF16" | "I64"; shape: number[]; data: Buffer }>,
  metadata?: Record<string, string>,
): Promise<Buffer> {
  const layout = layoutSafetensors(
    Object.entries(tensors).map(([name, t]) => ({ name, dtype: t.dtype, shape: t.shape })),
    metadata,
  );
  await writeSafetensors(path, layout, function* (entry: PlacedEntry) {
    const data = tensors[entry.name]?.data ?? Buffer.alloc(0);
    // Two chunks, to exercise the writer's chunked path.
    yield data.subarray(0, 3);
    yield data.subarray(3);
  });
  return readFile(path);
}

describe("safetensors reader: the reference reader's malformed cases", () => {
  it.each(cases.filter((c) => !c.valid))(
    "refuses $file ($kind) with exit code 2 naming the rule",
    async ({ file, kind }) => {
      const error = await SafetensorsFile.open(join(dir, file)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelPublishError);
      const e = error as ModelPublishError;
      expect(e.code).toBe("INPUT_MALFORMED");
      expect(e.exitCode).toBe(2);
      expect(e.message).toContain(file);
      expect(e.message).toContain(`(${kind ?? ""})`);
    },
  );

  it.each(cases.filter((c) => c.valid))("accepts $file", async ({ file }) => {
    const st = await SafetensorsFile.open(join(dir, file));
    await st.close();
  });

  it("reads zero-sized tensors, empty shapes and every dtype", async () => {
    const zero = await SafetensorsFile.open(join(dir, "zero-sized.safetensors"));
    expect(zero.tensors.map((t) => [t.name, t.shape])).toEqual([
      ["a", [2, 0]],
      ["b", [0, 0]],
    ]);
    await zero.close();
    const scalar = await SafetensorsFile.open(join(dir, "empty-shape.safetensors"));
    expect((await scalar.readTensor("s")).readFloatLE(0)).toBe(1);
    await scalar.close();
    const all = await SafetensorsFile.open(join(dir, "all-dtypes.safetensors"));
    expect(all.tensors.map((t) => t.dtype)).toEqual([
      "BOOL",
      "F8_E4M3",
      "F8_E5M2FNUZ",
      "F4",
      "F6_E2M3",
      "C64",
      "U64",
    ]);
    await all.close();
  });

  it("treats a null __metadata__ as none and says where JSON breaks", () => {
    const header = Buffer.from('{"__metadata__":null}   ');
    expect(parseSafetensorsHeader(header, 8 + header.length, "m").metadata).toBeUndefined();
    const broken = Buffer.from('{"a":{"dtype":"U8",}}');
    expect(() => parseSafetensorsHeader(broken, 8 + broken.length, "m")).toThrow(/at byte 27 /);
  });

  it("checks the 8-byte length before anything else", () => {
    const big = Buffer.alloc(8);
    big.writeBigUInt64LE(100_000_001n);
    expect(() => readHeaderLength(big, 1_000_000_000, "x")).toThrow(/HeaderTooLarge/);
    expect(() => readHeaderLength(Buffer.alloc(4), 4, "x")).toThrow(/HeaderTooSmall/);
  });
});

describe("safetensors writer", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
  });
  afterEach(async () => {
    await tmp.remove();
  });

  it("writes the reference test_serialization bytes (64-byte header, no padding)", async () => {
    const out = await write(join(tmp.dir, "a.safetensors"), {
      "attn.0": { dtype: "F32", shape: [1, 2, 3], data: f32 },
    });
    const header = '{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}';
    expect(out.readBigUInt64LE(0)).toBe(64n);
    expect(out.subarray(8, 72).toString()).toBe(header);
    expect(out.subarray(72)).toEqual(f32);
  });

  it("pads like test_serialization_forced_alignement (7 spaces to 72)", async () => {
    const out = await write(join(tmp.dir, "b.safetensors"), {
      attn0: { dtype: "F32", shape: [1, 1, 2, 3], data: f32 },
    });
    expect(out.readBigUInt64LE(0)).toBe(72n);
    expect(out.subarray(8, 80).toString()).toBe(
      `{"attn0":{"dtype":"F32","shape":[1,1,2,3],"data_offsets":[0,24]}}${" ".repeat(7)}`,
    );
  });

  it("writes test_empty's bytes, with and without metadata", () => {
    expect([...layoutSafetensors([]).header]).toEqual([
      8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32,
    ]);
    const withMeta = layoutSafetensors([], { framework: "pt" }).header;
    expect(withMeta.readBigUInt64LE(0)).toBe(40n);
    expect(withMeta.subarray(8).toString()).toBe(
      `{"__metadata__":{"framework":"pt"}}${" ".repeat(5)}`,
    );
  });

  it("orders tensors by dtype alignment then name, metadata keys sorted, so equal input gives equal bytes", async () => {
    const tensors = {
      b: { dtype: "U8" as const, shape: [3], data: Buffer.from([1, 2, 3]) },
      a: { dtype: "U8" as const, shape: [1], data: Buffer.from([9]) },
      w: { dtype: "I64" as const, shape: [1], data: Buffer.alloc(8, 7) },
      h: { dtype: "BF16" as const, shape: [2], data: Buffer.from([1, 2, 3, 4]) },
    };
    const one = await write(join(tmp.dir, "1.safetensors"), tensors, { z: "1", a: "2" });
    const reversed = Object.fromEntries(Object.entries(tensors).reverse());
    const two = await write(join(tmp.dir, "2.safetensors"), reversed, { a: "2", z: "1" });
    expect(one.equals(two)).toBe(true);
    const n = Number(one.readBigUInt64LE(0));
    expect(n % 8).toBe(0);
    const text = one.subarray(8, 8 + n).toString();
    expect(text.indexOf('"__metadata__":{"a":"2","z":"1"}')).toBe(1);
    const positions = ["w", "h", "a", "b"].map((k) => text.indexOf(`"${k}":{`));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    const st = await SafetensorsFile.open(join(tmp.dir, "1.safetensors"));
    expect([...(await st.readTensor("b"))]).toEqual([1, 2, 3]);
    expect(st.metadata).toEqual({ a: "2", z: "1" });
    await st.close();
  });

  it("refuses a tensor named __metadata__, duplicate names and sub-byte sizes", () => {
    expect(() => layoutSafetensors([{ name: "__metadata__", dtype: "F32", shape: [1] }])).toThrow(
      /__metadata__/,
    );
    expect(() =>
      layoutSafetensors([
        { name: "x", dtype: "F32", shape: [1] },
        { name: "x", dtype: "F32", shape: [1] },
      ]),
    ).toThrow(/twice/);
    expect(() => layoutSafetensors([{ name: "x", dtype: "F4", shape: [1, 3] }])).toThrow(
      /whole number of bytes/,
    );
    expect(layoutSafetensors([{ name: "x", dtype: "F4", shape: [1, 2] }]).size % 8).toBe(1);
  });

  it("refuses a header over the 100 MB readers accept", () => {
    expect(() => layoutSafetensors([], { big: "x".repeat(100_000_001) })).toThrow(/HeaderTooLarge/);
  });

  it("fails when a producer gives the wrong number of bytes", async () => {
    const layout = layoutSafetensors([{ name: "x", dtype: "F32", shape: [2] }]);
    await expect(
      writeSafetensors(join(tmp.dir, "short.safetensors"), layout, function* () {
        yield Buffer.alloc(4);
      }),
    ).rejects.toThrow(/produced 4 bytes, expected 8/);
  });
});
