import {
  decodeBf16,
  decodeF16,
  decodeF32,
  encodeBf16,
  encodeF16,
  encodeF32,
  firstNonFinite,
} from "./kernels/floats.js";
import { errorSums } from "./kernels/error-sums.js";
import {
  fp16BitsToFp32,
  fp16BitsToFp32Bits,
  fp32BitsToBf16Bits,
  fp32BitsToFp16Bits,
  fp32ToFp16Bits,
} from "./kernels/half.js";
import { dequantizeInt4Groups, quantizeInt4Groups } from "./kernels/int4-groups.js";
import { dequantizeInt8Rows, quantizeInt8Rows } from "./kernels/int8-rows.js";
import { makeQkx2Quants } from "./kernels/make-qkx2-quants.js";
import { makeQxQuants } from "./kernels/make-qx-quants.js";
import { nearestInt, nearestIntOutOfRange } from "./kernels/nearest-int.js";
import { dequantizeQ4_0, quantizeQ4_0 } from "./kernels/q4-0.js";
import { dequantizeQ4_K, quantizeQ4_K } from "./kernels/q4-k.js";
import { dequantizeQ5_0, quantizeQ5_0 } from "./kernels/q5-0.js";
import { dequantizeQ6_K, quantizeQ6_K } from "./kernels/q6-k.js";
import { dequantizeQ8_0, quantizeQ8_0 } from "./kernels/q8-0.js";
import { kquantsWasmBase64 } from "./kernels/kquants-wasm.generated.js";
import { quantizeQ4_KWasm, quantizeQ6_KWasm, runKQuantsWasm } from "./kernels/kquants-wasm.js";

/** The kernels a pool job can name; each runs the same on the main thread and in a worker. */
export const KERNELS = {
  quantizeQ8_0,
  dequantizeQ8_0,
  quantizeQ4_0,
  dequantizeQ4_0,
  quantizeQ5_0,
  dequantizeQ5_0,
  quantizeQ4_K,
  dequantizeQ4_K,
  quantizeQ6_K,
  dequantizeQ6_K,
  quantizeQ4_KWasm,
  quantizeQ6_KWasm,
  encodeF16,
  encodeBf16,
  encodeF32,
  decodeF16,
  decodeBf16,
  decodeF32,
  firstNonFinite,
  quantizeInt8Rows,
  dequantizeInt8Rows,
  quantizeInt4Groups,
  dequantizeInt4Groups,
  errorSums,
} as const;

export type KernelName = keyof typeof KERNELS;
export type KernelArgs<K extends KernelName> = Parameters<(typeof KERNELS)[K]>;
export type KernelResult<K extends KernelName> = ReturnType<(typeof KERNELS)[K]>;

/** Functions the kernels call; shipped to workers with them. */
const HELPERS = [
  fp32ToFp16Bits,
  fp32BitsToFp16Bits,
  fp16BitsToFp32,
  fp16BitsToFp32Bits,
  fp32BitsToBf16Bits,
  nearestInt,
  nearestIntOutOfRange,
  makeQkx2Quants,
  makeQxQuants,
  kquantsWasmBase64,
  runKQuantsWasm,
];

/**
 * Source text of a worker that runs the kernels. It is rebuilt from the very functions the main
 * thread runs (`Function.prototype.toString`), so it works wherever this module loads: under
 * ts-jest (compiled on the fly), from `dist/` (one bundle, no separate worker file to ship) and on
 * Node 20 and 24. This holds because the kernels are self-contained function declarations that
 * call each other by name; the bundler renames a colliding name consistently in declaration and
 * calls, and the dispatch table below uses each function's own `name`.
 */
export function kernelWorkerSource(): string {
  const functions: ((...args: never[]) => unknown)[] = [...HELPERS, ...Object.values(KERNELS)];
  const parts = functions.map((fn) => {
    const text = fn.toString();
    if (!text.startsWith(`function ${fn.name}(`)) {
      throw new Error(`kernel ${fn.name} is not a plain function declaration`);
    }
    return text;
  });
  const table = Object.entries(KERNELS)
    .map(([key, fn]) => `${JSON.stringify(key)}: ${fn.name}`)
    .join(",\n  ");
  return `"use strict";
const { parentPort } = require("node:worker_threads");
${parts.join("\n")}
const kernels = {
  ${table}
};
parentPort.on("message", (job) => {
  try {
    const result = kernels[job.kernel](...job.args);
    parentPort.postMessage({ id: job.id, ok: true, result });
  } catch (error) {
    parentPort.postMessage({ id: job.id, ok: false, error: String((error && error.stack) || error) });
  }
});
`;
}
