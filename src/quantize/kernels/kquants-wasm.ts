import { kquantsWasmBase64 } from "./kquants-wasm.generated.js";
import { quantizeQ4_K } from "./q4-k.js";
import { quantizeQ6_K } from "./q6-k.js";

/**
 * Runs `quantize_q4_K` (kind 0) or `quantize_q6_K` (kind 1) of the WebAssembly build of
 * `wasm/kquants.c`: the same bytes as the TypeScript kernels (the tests hold both to the reference
 * fixtures), several times faster, since WebAssembly computes in float32 natively instead of
 * rounding every double with `Math.fround`. One instance per thread, kept on `globalThis`; each
 * call copies its blocks into the instance's memory and the result out. Where WebAssembly is not
 * available (`--jitless`), the TypeScript kernel runs instead.
 */
export function runKQuantsWasm(
  kind: number,
  src: Float32Array,
  srcOffset: number,
  blocks: number,
  dst: Uint8Array,
  dstOffset: number,
): void {
  type Kernel = (x: number, y: number, n: number) => void;
  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(pages: number): number;
  }
  interface Api {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
    Memory: abstract new (...args: never[]) => Memory;
    Global: abstract new (...args: never[]) => { value: unknown };
  }
  const holder = globalThis as unknown as {
    WebAssembly?: Api;
    modelPublishKQuants?: { memory: Memory; heap: number; q4: Kernel; q6: Kernel } | null;
  };
  let k = holder.modelPublishKQuants;
  const api = holder.WebAssembly;
  if (k === undefined) {
    k = null;
    try {
      if (api === undefined) throw new Error("no WebAssembly");
      const text = atob(kquantsWasmBase64());
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      const exports = new api.Instance(new api.Module(bytes), {}).exports;
      const memory = exports.memory;
      const heap = exports.__heap_base;
      const q4 = exports.quantize_q4_K;
      const q6 = exports.quantize_q6_K;
      if (
        memory instanceof api.Memory &&
        heap instanceof api.Global &&
        typeof q4 === "function" &&
        typeof q6 === "function"
      ) {
        k = { memory, heap: Number(heap.value), q4: q4 as Kernel, q6: q6 as Kernel };
      }
    } catch {
      k = null;
    }
    holder.modelPublishKQuants = k;
  }
  if (k === null) {
    if (kind === 0) quantizeQ4_K(src, srcOffset, blocks, dst, dstOffset);
    else quantizeQ6_K(src, srcOffset, blocks, dst, dstOffset);
    return;
  }
  const typeSize = kind === 0 ? 144 : 210;
  const xAt = (k.heap + 15) & ~15;
  const yAt = xAt + blocks * 1024;
  const need = yAt + blocks * typeSize;
  const have = k.memory.buffer.byteLength;
  if (need > have) k.memory.grow(Math.ceil((need - have) / 65536));
  new Float32Array(k.memory.buffer, xAt, blocks * 256).set(
    src.subarray(srcOffset, srcOffset + blocks * 256),
  );
  if (kind === 0) k.q4(xAt, yAt, blocks);
  else k.q6(xAt, yAt, blocks);
  dst.set(new Uint8Array(k.memory.buffer, yAt, blocks * typeSize), dstOffset);
}

/** ggml Q4_K blocks (see `quantizeQ4_K`), computed by the WebAssembly kernel. */
export function quantizeQ4_KWasm(
  src: Float32Array,
  srcOffset: number,
  blocks: number,
  dst: Uint8Array,
  dstOffset: number,
): void {
  runKQuantsWasm(0, src, srcOffset, blocks, dst, dstOffset);
}

/** ggml Q6_K blocks (see `quantizeQ6_K`), computed by the WebAssembly kernel. */
export function quantizeQ6_KWasm(
  src: Float32Array,
  srcOffset: number,
  blocks: number,
  dst: Uint8Array,
  dstOffset: number,
): void {
  runKQuantsWasm(1, src, srcOffset, blocks, dst, dstOffset);
}
