import { readFileSync } from "node:fs";
import { repoRoot } from "../helpers/temp.js";

/** Reads the outputs of test/fixtures/quant/reference_quants.py. */
const dir = `${repoRoot}test/fixtures/quant/`;

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(dir + name));
}

/** Copies `bytes` into shared memory as float32 values, so pool workers can read them. */
export function sharedFloats(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(new SharedArrayBuffer(bytes.length));
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

export function sharedBytes(length: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(length));
}

export interface Cases {
  rowLength: number;
  rows: string[];
}

export function cases(): Cases {
  return JSON.parse(readFileSync(dir + "cases.json", "utf8")) as Cases;
}

export interface PrngDigests {
  seed: number;
  rows: number;
  rowLength: number;
  sha256: Record<string, string>;
}

export function prngDigests(): PrngDigests {
  return JSON.parse(readFileSync(dir + "prng.json", "utf8")) as PrngDigests;
}

/** The script's `prng_rows`: an xorshift32 stream mapped to float32 rows, bit for bit. */
export function prngRows(rows: number, rowLength: number, seed: number): Float32Array {
  const out = new Float32Array(new SharedArrayBuffer(rows * rowLength * 4));
  let s = seed >>> 0;
  for (let r = 0; r < rows; r++) {
    const scale = Math.pow(2, -(r % 13));
    for (let i = 0; i < rowLength; i++) {
      s = (s ^ (s << 13)) >>> 0;
      s = (s ^ (s >>> 17)) >>> 0;
      s = (s ^ (s << 5)) >>> 0;
      const a = ((s >>> 8) - 8388608) / 8388608;
      out[r * rowLength + i] =
        r % 4 === 3 ? Math.fround(Math.fround(a * Math.fround(a * a)) * scale) : a * scale;
    }
  }
  return out;
}

/** First byte where `actual` and `expected` differ, or -1. */
export function firstDifference(actual: Uint8Array, expected: Uint8Array): number {
  const n = Math.min(actual.length, expected.length);
  for (let i = 0; i < n; i++) if (actual[i] !== expected[i]) return i;
  return actual.length === expected.length ? -1 : n;
}
