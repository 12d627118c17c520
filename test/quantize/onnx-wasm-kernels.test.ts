import { describe, expect, it } from "@jest/globals";
import type { RawDataSink } from "../../src/formats/onnx-deferred-data.js";
import type { TensorProto } from "../../src/formats/onnx-proto-types.js";
import { quantizeInt4Blockwise } from "../../src/quantize/onnx-int4-math.js";
import { quantizeInt8PerChannel } from "../../src/quantize/onnx-int8-math.js";
import { OnnxWasm } from "../../src/quantize/onnx-wasm.js";
import { int4WeightsWasm, int8WeightsWasm } from "../../src/quantize/onnx-wasm-weights.js";
import { floatTensor, seeded } from "./onnx-helpers.js";

/** Exact halves around 0, and 127: a scale of exactly 1 for INT8, so every half is a tie. */
const int8Tie = (i: number): number => (i === 3 ? 127 : (i % 9) - 4 + 0.5);
/**
 * 15 at each block's start, the rest in [0, 4): an asymmetric INT4 block with scale 1 and zero
 * point 0, so the value itself is rounded. Halves round up; 0.5 - 2^-25 and 0.5 - 2^-26 round
 * down, though adding 0.5 in float32 would give 1.
 */
const int4Edge = (i: number): number =>
  i % 32 === 0
    ? 15
    : ([0.5 - 2 ** -25, 0.5 - 2 ** -26, 0.5, 1.5, 2.5, 3.4999998, 0.25][i % 7] ?? 0);

/**
 * Values that break a careless kernel: NaN and infinities (ignored by the maxima, stored as 0 or
 * clamped), -0, subnormals (an all-subnormal channel gets scale 1), values at the float limit,
 * an all-zero row, and rows and columns of ties and rounding edges (`int8Tie`, `int4Edge`).
 */
function nastyWeights(rows: number, cols: number, seed: number): Float32Array {
  const random = seeded(seed);
  const w = Float32Array.from({ length: rows * cols }, () => random() * 0.05);
  const specials = [NaN, Infinity, -Infinity, -0, 1e-40, -1e-42, 3e38, -3e38, 0.5, -0.5, 2.5];
  for (let i = 0; i < w.length; i += 37) {
    w[i] = specials[Math.floor(((random() + 1) / 2) * specials.length)] ?? 0;
  }
  const row = (r: number, value: (c: number) => number) => {
    if (r < rows) for (let c = 0; c < cols; c++) w[r * cols + c] = value(c);
  };
  const column = (c: number, value: (r: number) => number) => {
    if (c < cols) for (let r = 0; r < rows; r++) w[r * cols + c] = value(r);
  };
  row(1, () => 0);
  row(2, int8Tie);
  row(3, int4Edge);
  column(0, () => 1e-39);
  column(2, int8Tie);
  column(4, int4Edge);
  return w;
}

function collect(length: number): { sink: RawDataSink; bytes: Uint8Array } {
  const bytes = new Uint8Array(length);
  return {
    bytes,
    sink: (part, offset) => {
      bytes.set(part, offset);
      return Promise.resolve();
    },
  };
}

const input = (tensor: TensorProto) => ({ tensor, dir: "/", where: "initializer W" });
const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

const wasm = OnnxWasm.create();

describe("SIMD INT8 kernels", () => {
  it("run here (Node has WebAssembly SIMD)", () => {
    expect(wasm).not.toBeNull();
  });

  // [rows, cols]: odd widths leave vector tails; 600 × 1031 takes three runs of rows
  const shapes: [number, number][] = [
    [3, 5],
    [70, 33],
    [600, 1031],
  ];
  const cases = shapes.flatMap(([rows, cols]) =>
    ([0, 1] as const).flatMap((axis) =>
      [127, 64].flatMap((qmax) =>
        (axis === 0 ? [false, true] : [false]).map((transpose) => ({
          rows,
          cols,
          axis,
          qmax,
          transpose,
        })),
      ),
    ),
  );
  it.each(cases)(
    "give the portable kernel's bytes: $rows×$cols axis $axis qmax $qmax transpose $transpose",
    async ({ rows, cols, axis, qmax, transpose }) => {
      if (!wasm) return;
      const w = nastyWeights(rows, cols, rows + cols);
      const expected = await quantizeInt8PerChannel(w, rows, cols, axis, { qmax, transpose });
      const out = collect(rows * cols);
      const tensor = floatTensor("W", [rows, cols], w);
      const scales = await int8WeightsWasm(
        wasm,
        input(tensor),
        { rows, cols, axis },
        { qmax, transpose },
        out.sink,
      );
      expect(scales).toEqual(expected.scales);
      expect(Buffer.from(out.bytes).equals(Buffer.from(bytesOf(expected.q)))).toBe(true);
    },
  );

  it("leave to the portable kernels what they cannot take, before reading anything", async () => {
    if (!wasm) return;
    const never: RawDataSink = () => Promise.reject(new Error("written"));
    const missing: TensorProto = { name: "W", dataType: 1, dims: [4, 4] };
    const shape = { rows: 4, cols: 4, axis: 1 } as const;
    const opts = { qmax: 127, transpose: true };
    expect(await int8WeightsWasm(wasm, input(missing), shape, opts, never)).toBeUndefined();
    const huge = { rows: 70000, cols: 70000, axis: 0 } as const;
    const plain = { qmax: 127, transpose: false };
    expect(await int8WeightsWasm(wasm, input(missing), huge, plain, never)).toBeUndefined();
    const int4 = { k: 64, n: 4, transposed: false };
    const odd = { blockSize: 48, symmetric: false };
    expect(await int4WeightsWasm(wasm, input(missing), int4, odd, never)).toBeUndefined();
  });
});

describe("SIMD INT4 kernels", () => {
  // [K, N]: K not a whole number of blocks; N not a multiple of 4; 8200 × 33 stored [K, N] and
  // 1000 × 600 stored [N, K] take several runs of rows
  const shapes: [number, number][] = [
    [70, 5],
    [1000, 33],
    [8200, 33],
    [1000, 600],
  ];
  const cases = shapes.flatMap(([k, n]) =>
    [false, true].flatMap((transposed) =>
      [32, 64, 128, 256].flatMap((blockSize) =>
        [false, true].map((symmetric) => ({ k, n, transposed, blockSize, symmetric })),
      ),
    ),
  );
  it.each(cases)(
    "give the portable kernel's bytes: K $k N $n transposed $transposed block $blockSize symmetric $symmetric",
    async ({ k, n, transposed, blockSize, symmetric }) => {
      if (!wasm) return;
      const [rows, cols] = transposed ? [n, k] : [k, n];
      const w = nastyWeights(rows, cols, k * 3 + n);
      const expected = await quantizeInt4Blockwise(w, k, n, { transposed, blockSize, symmetric });
      const out = collect(expected.b.length);
      const tensor = floatTensor("W", [rows, cols], w);
      const side = await int4WeightsWasm(
        wasm,
        input(tensor),
        { k, n, transposed },
        { blockSize, symmetric },
        out.sink,
      );
      expect(Buffer.from(out.bytes).equals(Buffer.from(expected.b))).toBe(true);
      expect(side?.scales).toEqual(expected.scales);
      expect(side?.zeroPoints).toEqual(expected.zeroPoints);
    },
  );
});
