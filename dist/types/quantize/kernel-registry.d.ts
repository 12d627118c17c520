import { decodeBf16, decodeF16, decodeF32, encodeBf16, encodeF16, encodeF32, firstNonFinite } from "./kernels/floats.js";
import { errorSums } from "./kernels/error-sums.js";
import { dequantizeInt4Groups, quantizeInt4Groups } from "./kernels/int4-groups.js";
import { dequantizeInt8Rows, quantizeInt8Rows } from "./kernels/int8-rows.js";
import { dequantizeQ4_0, quantizeQ4_0 } from "./kernels/q4-0.js";
import { dequantizeQ4_K, quantizeQ4_K } from "./kernels/q4-k.js";
import { dequantizeQ5_0, quantizeQ5_0 } from "./kernels/q5-0.js";
import { dequantizeQ6_K, quantizeQ6_K } from "./kernels/q6-k.js";
import { dequantizeQ8_0, quantizeQ8_0 } from "./kernels/q8-0.js";
import { quantizeQ4_KWasm, quantizeQ6_KWasm } from "./kernels/kquants-wasm.js";
/** The kernels a pool job can name; each runs the same on the main thread and in a worker. */
export declare const KERNELS: {
    readonly quantizeQ8_0: typeof quantizeQ8_0;
    readonly dequantizeQ8_0: typeof dequantizeQ8_0;
    readonly quantizeQ4_0: typeof quantizeQ4_0;
    readonly dequantizeQ4_0: typeof dequantizeQ4_0;
    readonly quantizeQ5_0: typeof quantizeQ5_0;
    readonly dequantizeQ5_0: typeof dequantizeQ5_0;
    readonly quantizeQ4_K: typeof quantizeQ4_K;
    readonly dequantizeQ4_K: typeof dequantizeQ4_K;
    readonly quantizeQ6_K: typeof quantizeQ6_K;
    readonly dequantizeQ6_K: typeof dequantizeQ6_K;
    readonly quantizeQ4_KWasm: typeof quantizeQ4_KWasm;
    readonly quantizeQ6_KWasm: typeof quantizeQ6_KWasm;
    readonly encodeF16: typeof encodeF16;
    readonly encodeBf16: typeof encodeBf16;
    readonly encodeF32: typeof encodeF32;
    readonly decodeF16: typeof decodeF16;
    readonly decodeBf16: typeof decodeBf16;
    readonly decodeF32: typeof decodeF32;
    readonly firstNonFinite: typeof firstNonFinite;
    readonly quantizeInt8Rows: typeof quantizeInt8Rows;
    readonly dequantizeInt8Rows: typeof dequantizeInt8Rows;
    readonly quantizeInt4Groups: typeof quantizeInt4Groups;
    readonly dequantizeInt4Groups: typeof dequantizeInt4Groups;
    readonly errorSums: typeof errorSums;
};
export type KernelName = keyof typeof KERNELS;
export type KernelArgs<K extends KernelName> = Parameters<(typeof KERNELS)[K]>;
export type KernelResult<K extends KernelName> = ReturnType<(typeof KERNELS)[K]>;
/**
 * Source text of a worker that runs the kernels. It is rebuilt from the very functions the main
 * thread runs (`Function.prototype.toString`), so it works wherever this module loads: under
 * ts-jest (compiled on the fly), from `dist/` (one bundle, no separate worker file to ship) and on
 * Node 20 and 24. This holds because the kernels are self-contained function declarations that
 * call each other by name; the bundler renames a colliding name consistently in declaration and
 * calls, and the dispatch table below uses each function's own `name`.
 */
export declare function kernelWorkerSource(): string;
