import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { join } from "node:path";
import { openSession } from "../../src/evaluate/onnx-session.js";
import { readOnnx } from "../../src/formats/onnx-model.js";
import type { TensorProto } from "../../src/formats/onnx-proto-types.js";
import { tensorBytes } from "../../src/formats/onnx-tensor-data.js";
import { quantizeInt8PerChannel } from "../../src/quantize/onnx-int8-math.js";
import { quantizeOnnx } from "../../src/quantize/onnx-quantize.js";
import { scratch } from "../helpers/temp.js";
import { matmulModel, saveModel, seeded } from "./onnx-helpers.js";

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await scratch());
});
afterAll(() => remove());

const K = 70; // not a whole number of blocks: the last block is zero-padded
const N = 5;

function floats(t: TensorProto | undefined, bytes: Uint8Array): Float32Array {
  expect(t?.dataType).toBe(1);
  return new Float32Array(Uint8Array.from(bytes).buffer);
}

/**
 * W[k, n] from MatMulNBits inputs, decoded the way the operator's documentation describes the
 * layout (written independently of the quantizer): B is [N, blocks, blockSize/2], element k of
 * a block in byte k/2, low nibble first; zero points two blocks a byte; default zero point 8.
 */
function dequantize(
  b: Uint8Array,
  scales: Float32Array,
  zp: Uint8Array | undefined,
  block: number,
) {
  const blocks = Math.ceil(K / block);
  const w = new Float64Array(K * N);
  for (let n = 0; n < N; n++) {
    for (let k = 0; k < K; k++) {
      const j = Math.floor(k / block);
      const byte = b[(n * blocks + j) * (block / 2) + Math.floor((k % block) / 2)] ?? 0;
      const q = k % 2 === 0 ? byte & 0x0f : byte >> 4;
      const zbyte = zp?.[n * Math.ceil(blocks / 2) + Math.floor(j / 2)];
      const z = zbyte === undefined ? 8 : j % 2 === 0 ? zbyte & 0x0f : zbyte >> 4;
      w[k * N + n] = (q - z) * (scales[n * blocks + j] ?? 0);
    }
  }
  return w;
}

describe("MatMulNBits packing", () => {
  const layouts: [32 | 128, boolean][] = [
    [32, false],
    [32, true],
    [128, false],
    [128, true],
  ];
  it.each(layouts)(
    "block %i symmetric=%s: onnxruntime computes X·W with W as documented",
    async (block, symmetric) => {
      const spec = matmulModel({ k: K, n: N, seed: 11 });
      const source = await saveModel(spec, join(dir, `m${block}${symmetric}.onnx`));
      const out = join(dir, `q${block}${symmetric}.onnx`);
      await quantizeOnnx(source, out, "onnx-int4", { blockSize: block, symmetric, minElements: 1 });
      const model = await readOnnx(out);
      const byName = new Map(model.proto.graph?.initializer?.map((t) => [t.name, t]));
      const get = async (name: string) => {
        const t = byName.get(name);
        return { t, bytes: t ? await tensorBytes(t, dir, name) : undefined };
      };
      const b = await get("W_Q4");
      const s = await get("W_scales");
      const z = await get("W_zero_points");
      expect(z.t === undefined).toBe(symmetric);
      const w = dequantize(
        b.bytes ?? new Uint8Array(),
        floats(s.t, s.bytes ?? new Uint8Array()),
        z.bytes,
        block,
      );

      // Close to the float weights: within half a step, or a whole one for symmetric blocks,
      // whose levels run from -8 to 7: the extreme opposite the block's largest value clips.
      const original = new Float32Array(
        Uint8Array.from(spec.graph?.initializer?.[0]?.rawData ?? []).buffer,
      );
      const scales = floats(s.t, s.bytes ?? new Uint8Array());
      const blocks = Math.ceil(K / block);
      for (let k = 0; k < K; k++) {
        for (let n = 0; n < N; n++) {
          const step = Math.abs(scales[n * blocks + Math.floor(k / block)] ?? 0);
          expect(Math.abs((w[k * N + n] ?? 0) - (original[k * N + n] ?? 0))).toBeLessThanOrEqual(
            step * (symmetric ? 1.0001 : 0.5001),
          );
        }
      }

      // onnxruntime reads the bytes the same way: its product matches X·W computed here.
      const random = seeded(3);
      const x = Float32Array.from({ length: 2 * K }, random);
      const session = await openSession(out);
      const y = (await session.run({ X: { type: "float32", dims: [2, K], data: x } })).Y?.data;
      await session.release();
      for (let r = 0; r < 2; r++) {
        for (let n = 0; n < N; n++) {
          let sum = 0;
          for (let k = 0; k < K; k++) sum += (x[r * K + k] ?? 0) * (w[k * N + n] ?? 0);
          expect(Number(y?.[r * N + n])).toBeCloseTo(sum, 4);
        }
      }
    },
  );
});

describe("INT8 weight math", () => {
  it("per-channel symmetric scales, round half to even, as onnxruntime's quantizer", async () => {
    // channel 0 (column 0): absmax 1.27 → scale 0.01; 0.005 / 0.01 = 0.5 rounds to 0, 0.015 to 2
    const w = Float32Array.from([1.27, 0, 0.005, 0, 0.015, 0, -0.635, 0]);
    const { q, scales } = await quantizeInt8PerChannel(w, 4, 2, 1);
    expect(scales[0]).toBeCloseTo(0.01, 8);
    expect(scales[1]).toBe(1); // an all-zero channel gets scale 1, as the reference does
    expect(Array.from(q)).toEqual([127, 0, 0, 0, 2, 0, -64, 0]);
    // reduce_range: 7-bit weights
    expect((await quantizeInt8PerChannel(w, 4, 2, 1, { qmax: 64 })).q[0]).toBe(64);
    // transposed output is [cols, rows]
    expect(Array.from((await quantizeInt8PerChannel(w, 4, 2, 1, { transpose: true })).q)).toEqual([
      127, 0, 2, -64, 0, 0, 0, 0,
    ]);
  });
});
