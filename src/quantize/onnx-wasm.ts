import { ONNX_WASM_BASE64 } from "./onnx-wasm.generated.js";

/** The parts of the WebAssembly API used here (the TypeScript lib in use does not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: abstract new (...args: never[]) => WasmMemory;
  Global: abstract new (...args: never[]) => { value: unknown };
}

type Kernel = (...args: number[]) => void;
const KERNEL_NAMES = [
  "int8_rows",
  "absmax_cols",
  "int8_scales",
  "int8_cols",
  "int4_rows",
  "int4_cols",
] as const;
type Kernels = Record<(typeof KERNEL_NAMES)[number], Kernel>;

const PAGE = 65536;
/**
 * Pointers cross into the module as signed 32-bit integers, so everything it touches stays below
 * 2 GiB; a weight that needs more runs through the portable kernels.
 */
export const WASM_MEMORY_LIMIT = 2 ** 31 - PAGE;

/** The compiled module, shared by every instance of this process; null where it cannot run. */
let compiled: { api: WasmApi; module: object } | null | undefined;

function compile(): { api: WasmApi; module: object } | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return null;
  try {
    compiled = { api, module: new api.Module(Buffer.from(ONNX_WASM_BASE64, "base64")) };
  } catch {
    // An engine without the SIMD instructions refuses the module: the portable kernels run.
  }
  return compiled;
}

/**
 * An instance of the SIMD build of the INT8/INT4 kernels (wasm/onnx-int8.c, wasm/onnx-int4.c).
 * Its memory from `base` up is the caller's, laid out per weight with `reserve`; pointers are
 * byte offsets. A pass takes one instance for all its weights; the memory goes with it.
 */
export class OnnxWasm {
  private constructor(
    private readonly memory: WasmMemory,
    /** First byte free for data, 16-byte aligned. */
    readonly base: number,
    private readonly kernels: Kernels,
  ) {}

  /**
   * A new instance, or null where WebAssembly or its SIMD instructions are missing (`--jitless`,
   * an old engine): the passes then run the portable kernels, which give the same bytes.
   */
  static create(): OnnxWasm | null {
    const wasm = compile();
    if (!wasm) return null;
    const { exports } = new wasm.api.Instance(wasm.module, {});
    const { memory, __heap_base: heap } = exports;
    if (!(memory instanceof wasm.api.Memory) || !(heap instanceof wasm.api.Global)) return null;
    const kernels: Partial<Kernels> = {};
    for (const name of KERNEL_NAMES) {
      const fn = exports[name];
      if (typeof fn !== "function") return null;
      // An export of the module built from wasm/*.c, whose parameters are all numbers.
      kernels[name] = fn as Kernel;
    }
    return new OnnxWasm(memory, (Number(heap.value) + 15) & ~15, kernels as Kernels);
  }

  /** Makes [0, end) addressable; false when that is over `WASM_MEMORY_LIMIT`. */
  reserve(end: number): boolean {
    if (end > WASM_MEMORY_LIMIT) return false;
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / PAGE));
    return true;
  }

  /** The module's memory as bytes (a new view: growing the memory detaches older ones). */
  bytes(): Uint8Array {
    return new Uint8Array(this.memory.buffer);
  }

  /** INT8, one scale per row (see wasm/onnx-int8.c `int8_rows`). */
  int8Rows(
    src: number,
    rows: number,
    cols: number,
    qmax: number,
    r0: number,
    total: number,
    transpose: boolean,
    q: number,
    scales: number,
  ): void {
    this.kernels.int8_rows(src, rows, cols, qmax, r0, total, transpose ? 1 : 0, q, scales);
  }

  /** Running per-column absolute maximum (see `absmax_cols`). */
  absmaxCols(src: number, rows: number, cols: number, acc: number): void {
    this.kernels.absmax_cols(src, rows, cols, acc);
  }

  /** Per-column INT8 scales from the absolute maxima (see `int8_scales`). */
  int8Scales(acc: number, n: number, qmax: number, scales: number): void {
    this.kernels.int8_scales(acc, n, qmax, scales);
  }

  /** INT8, one scale per column (see `int8_cols`). */
  int8Cols(src: number, rows: number, cols: number, r0: number, scales: number, q: number): void {
    this.kernels.int8_cols(src, rows, cols, r0, scales, q);
  }

  /** MatMulNBits from rows of W stored [N, K] (see `int4_rows`). */
  int4Rows(
    src: number,
    rows: number,
    k: number,
    block: number,
    symmetric: boolean,
    n0: number,
    b: number,
    scales: number,
    zps: number,
  ): void {
    this.kernels.int4_rows(src, rows, k, block, symmetric ? 1 : 0, n0, b, scales, zps);
  }

  /** MatMulNBits from rows of W stored [K, N] (see `int4_cols`). */
  int4Cols(
    src: number,
    rows: number,
    n: number,
    k0: number,
    k: number,
    block: number,
    symmetric: boolean,
    b: number,
    scales: number,
    zps: number,
    tmp: number,
  ): void {
    this.kernels.int4_cols(src, rows, n, k0, k, block, symmetric ? 1 : 0, b, scales, zps, tmp);
  }
}
