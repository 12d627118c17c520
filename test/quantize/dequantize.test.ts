import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "@jest/globals";
import { KernelPool } from "../../src/quantize/kernel-pool.js";
import { KERNELS } from "../../src/quantize/kernel-registry.js";
import { repoRoot } from "../helpers/temp.js";
import {
  fixtureBytes,
  prngDigests,
  prngRows,
  sharedBytes,
  sharedFloats,
} from "./reference-data.js";

interface Crosscheck {
  dequantSha256: Record<string, { edge: string; generated: string }>;
}

const crosscheck = JSON.parse(
  readFileSync(`${repoRoot}test/fixtures/quant/ggufpy-crosscheck.json`, "utf8"),
) as Crosscheck;

const SPECS = {
  q8_0: { quantize: "quantizeQ8_0", dequantize: "dequantizeQ8_0", values: 32, bytes: 34 },
  q4_0: { quantize: "quantizeQ4_0", dequantize: "dequantizeQ4_0", values: 32, bytes: 18 },
  q5_0: { quantize: "quantizeQ5_0", dequantize: "dequantizeQ5_0", values: 32, bytes: 22 },
  q4_k: { quantize: "quantizeQ4_K", dequantize: "dequantizeQ4_K", values: 256, bytes: 144 },
  q6_k: { quantize: "quantizeQ6_K", dequantize: "dequantizeQ6_K", values: 256, bytes: 210 },
} as const;

/** SHA-256 of float32 values with every NaN written as 0x7fc00000, as the fixture script does. */
function digest(values: Float32Array): string {
  const bits = new Uint32Array(values.length);
  bits.set(new Uint32Array(values.buffer, values.byteOffset, values.length));
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) bits[i] = 0x7fc00000;
  return createHash("sha256").update(new Uint8Array(bits.buffer)).digest("hex");
}

function dequantize(scheme: keyof typeof SPECS, bytes: Uint8Array): Float32Array {
  const spec = SPECS[scheme];
  const blocks = bytes.length / spec.bytes;
  const out = new Float32Array(blocks * spec.values);
  KERNELS[spec.dequantize](bytes, 0, blocks, out, 0);
  return out;
}

describe("dequantizers agree bit for bit with llama.cpp's gguf-py", () => {
  const schemes = Object.keys(SPECS) as (keyof typeof SPECS)[];
  // Quantizing the generated rows is slow on the (coverage-instrumented) main thread.
  const pool = KernelPool.create(2);
  afterAll(async () => {
    await pool.close();
  });

  it.each(schemes)("%s over the edge cases", (scheme) => {
    const values = dequantize(scheme, fixtureBytes(`${scheme}.bin`));
    expect(digest(values)).toBe(crosscheck.dequantSha256[scheme]?.edge);
  });

  it.each(schemes)("%s over the generated rows", async (scheme) => {
    const { rows, rowLength, seed } = prngDigests();
    const x = prngRows(rows, rowLength, seed);
    const spec = SPECS[scheme];
    const blocks = x.length / spec.values;
    const bytes = sharedBytes(blocks * spec.bytes);
    const per = 256;
    const jobs: Promise<void>[] = [];
    for (let b = 0; b < blocks; b += per) {
      const n = Math.min(per, blocks - b);
      jobs.push(pool.run(spec.quantize, x, b * spec.values, n, bytes, b * spec.bytes));
    }
    await Promise.all(jobs);
    expect(digest(dequantize(scheme, bytes))).toBe(crosscheck.dequantSha256[scheme]?.generated);
  });

  it("reconstructs the q8_0 tie row exactly (d = 1, integers survive)", () => {
    const x = sharedFloats(fixtureBytes("inputs.f32")).subarray(256, 512);
    const bytes = new Uint8Array(8 * 34);
    KERNELS.quantizeQ8_0(x, 0, 8, bytes, 0);
    const back = dequantize("q8_0", bytes);
    expect(back[0]).toBe(127);
    expect(back[1]).toBe(-127);
    // -14.5 rounds away from zero to -15, 14.5 to 15
    expect(back[2]).toBe(-15);
    expect(back[31]).toBe(15);
  });
});
