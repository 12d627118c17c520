/**
 * Runs `quantize_q4_K` (kind 0) or `quantize_q6_K` (kind 1) of the WebAssembly build of
 * `wasm/kquants.c`: the same bytes as the TypeScript kernels (the tests hold both to the reference
 * fixtures), several times faster, since WebAssembly computes in float32 natively instead of
 * rounding every double with `Math.fround`. One instance per thread, kept on `globalThis`; each
 * call copies its blocks into the instance's memory and the result out. Where WebAssembly is not
 * available (`--jitless`), the TypeScript kernel runs instead.
 */
export declare function runKQuantsWasm(kind: number, src: Float32Array, srcOffset: number, blocks: number, dst: Uint8Array, dstOffset: number): void;
/** ggml Q4_K blocks (see `quantizeQ4_K`), computed by the WebAssembly kernel. */
export declare function quantizeQ4_KWasm(src: Float32Array, srcOffset: number, blocks: number, dst: Uint8Array, dstOffset: number): void;
/** ggml Q6_K blocks (see `quantizeQ6_K`), computed by the WebAssembly kernel. */
export declare function quantizeQ6_KWasm(src: Float32Array, srcOffset: number, blocks: number, dst: Uint8Array, dstOffset: number): void;
