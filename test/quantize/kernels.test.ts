import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { KernelPool } from "../../src/quantize/kernel-pool.js";
import { KERNELS } from "../../src/quantize/kernel-registry.js";
import {
  cases,
  firstDifference,
  fixtureBytes,
  prngDigests,
  prngRows,
  sharedBytes,
  sharedFloats,
} from "./reference-data.js";

type BlockKernel =
  | "quantizeQ8_0"
  | "quantizeQ4_0"
  | "quantizeQ5_0"
  | "quantizeQ4_K"
  | "quantizeQ6_K"
  | "quantizeQ4_KWasm"
  | "quantizeQ6_KWasm";

/** Each kernel, and the reference file its bytes must equal. */
const BLOCKS: Record<string, { kernel: BlockKernel; values: number; bytes: number; file: string }> =
  {
    q8_0: { kernel: "quantizeQ8_0", values: 32, bytes: 34, file: "q8_0" },
    q4_0: { kernel: "quantizeQ4_0", values: 32, bytes: 18, file: "q4_0" },
    q5_0: { kernel: "quantizeQ5_0", values: 32, bytes: 22, file: "q5_0" },
    q4_k: { kernel: "quantizeQ4_K", values: 256, bytes: 144, file: "q4_k" },
    q6_k: { kernel: "quantizeQ6_K", values: 256, bytes: 210, file: "q6_k" },
    "q4_k (WebAssembly)": { kernel: "quantizeQ4_KWasm", values: 256, bytes: 144, file: "q4_k" },
    "q6_k (WebAssembly)": { kernel: "quantizeQ6_KWasm", values: 256, bytes: 210, file: "q6_k" },
  };

const fileOf = (scheme: string): string => BLOCKS[scheme]?.file ?? scheme;

const { rows, rowLength } = cases();
const inputs = sharedFloats(fixtureBytes("inputs.f32"));

/** Runs a scheme over `x` the way the product does: several jobs on the pool. */
async function encode(pool: KernelPool, scheme: string, x: Float32Array): Promise<Uint8Array> {
  const rowCount = x.length / rowLength;
  if (scheme === "f16" || scheme === "bf16") {
    const out = sharedBytes(x.length * 2);
    await pool.run(scheme === "f16" ? "encodeF16" : "encodeBf16", x, 0, x.length, out, 0);
    return out;
  }
  if (scheme === "int8") {
    const scales = new Float32Array(new SharedArrayBuffer(rowCount * 4));
    const q = sharedBytes(x.length);
    await pool.run("quantizeInt8Rows", x, 0, rowCount, rowLength, q, 0, scales, 0);
    return concat(new Uint8Array(scales.buffer), q);
  }
  if (scheme === "int4") {
    const groups = rowLength / 128;
    const scales = new Float32Array(new SharedArrayBuffer(rowCount * groups * 4));
    const packed = sharedBytes(x.length / 2);
    await pool.run("quantizeInt4Groups", x, 0, rowCount, rowLength, 128, packed, 0, scales, 0);
    return concat(new Uint8Array(scales.buffer), packed);
  }
  const spec = BLOCKS[scheme];
  if (spec === undefined) throw new Error(scheme);
  const blocks = x.length / spec.values;
  const out = sharedBytes(blocks * spec.bytes);
  const per = Math.ceil(blocks / 4);
  const jobs: Promise<void>[] = [];
  for (let start = 0; start < blocks; start += per) {
    const count = Math.min(per, blocks - start);
    jobs.push(pool.run(spec.kernel, x, start * spec.values, count, out, start * spec.bytes));
  }
  await Promise.all(jobs);
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Names the edge case a differing byte belongs to, for a readable failure. */
function where(scheme: string, offset: number, total: number): string {
  if (offset < 0) return "identical";
  const perRow = total / rows.length;
  const row = Math.floor(offset / perRow);
  return `${scheme}: first difference at byte ${offset} (row ${row}: ${rows[row] ?? "?"})`;
}

const SCHEMES = [...Object.keys(BLOCKS), "f16", "bf16", "int8", "int4"];

describe.each([
  ["on worker threads", 2],
  ["on the main thread", 0],
])("block kernels %s", (_label, threads) => {
  let pool: KernelPool;
  beforeAll(() => {
    pool = KernelPool.create(threads);
  });
  afterAll(async () => {
    await pool.close();
  });

  it("uses the threads it was asked for", () => {
    expect(pool.workers).toBe(threads);
  });

  it.each(SCHEMES)("%s matches the reference bytes for every edge case", async (scheme) => {
    const expected = fixtureBytes(`${fileOf(scheme)}.bin`);
    const actual = await encode(pool, scheme, inputs);
    const diff = firstDifference(actual, expected);
    expect(where(scheme, diff, expected.length)).toBe("identical");
  });
});

describe("block kernels over 1024 generated rows", () => {
  const digests = prngDigests();
  const x = prngRows(digests.rows, digests.rowLength, digests.seed);
  const pool = KernelPool.create(2);
  afterAll(async () => {
    await pool.close();
  });

  it.each(SCHEMES)("%s hashes to the reference digest", async (scheme) => {
    const bytes = await encode(pool, scheme, x);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(digests.sha256[fileOf(scheme)]);
  });
});

describe("half-precision conversions", () => {
  const specials = sharedFloats(fixtureBytes("specials.f32"));

  it.each<[string, "encodeF16" | "encodeBf16"]>([
    ["f16", "encodeF16"],
    ["bf16", "encodeBf16"],
  ])("%s keeps NaN and infinities and rounds ties to even", (scheme, kernel) => {
    const out = new Uint8Array(specials.length * 2);
    KERNELS[kernel](specials, 0, specials.length, out, 0);
    expect(Buffer.from(out).toString("hex")).toBe(
      Buffer.from(fixtureBytes(`specials-${scheme}.bin`)).toString("hex"),
    );
  });

  it("decodes every binary16 value back to the float32 it stands for", () => {
    const all = new Uint8Array(65536 * 2);
    for (let h = 0; h < 65536; h++) {
      all[2 * h] = h & 0xff;
      all[2 * h + 1] = h >>> 8;
    }
    const floats = new Float32Array(65536);
    KERNELS.decodeF16(all, 0, 65536, floats, 0);
    const back = new Uint8Array(65536 * 2);
    KERNELS.encodeF16(floats, 0, 65536, back, 0);
    expect(firstDifference(back, all)).toBe(-1);
    expect(floats[0x3c00]).toBe(1);
    expect(floats[0x0001]).toBe(Math.pow(2, -24));
    expect(floats[0xfc00]).toBe(-Infinity);
  });
});
