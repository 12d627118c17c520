/**
 * Pointers cross into the module as signed 32-bit integers, so everything it touches stays below
 * 2 GiB; a weight that needs more runs through the portable kernels.
 */
export declare const WASM_MEMORY_LIMIT: number;
/**
 * An instance of the SIMD build of the INT8/INT4 kernels (wasm/onnx-int8.c, wasm/onnx-int4.c).
 * Its memory from `base` up is the caller's, laid out per weight with `reserve`; pointers are
 * byte offsets. A pass takes one instance for all its weights; the memory goes with it.
 */
export declare class OnnxWasm {
    private readonly memory;
    /** First byte free for data, 16-byte aligned. */
    readonly base: number;
    private readonly kernels;
    private constructor();
    /**
     * A new instance, or null where WebAssembly or its SIMD instructions are missing (`--jitless`,
     * an old engine): the passes then run the portable kernels, which give the same bytes.
     */
    static create(): OnnxWasm | null;
    /** Makes [0, end) addressable; false when that is over `WASM_MEMORY_LIMIT`. */
    reserve(end: number): boolean;
    /** The module's memory as bytes (a new view: growing the memory detaches older ones). */
    bytes(): Uint8Array;
    /** INT8, one scale per row (see wasm/onnx-int8.c `int8_rows`). */
    int8Rows(src: number, rows: number, cols: number, qmax: number, r0: number, total: number, transpose: boolean, q: number, scales: number): void;
    /** Running per-column absolute maximum (see `absmax_cols`). */
    absmaxCols(src: number, rows: number, cols: number, acc: number): void;
    /** Per-column INT8 scales from the absolute maxima (see `int8_scales`). */
    int8Scales(acc: number, n: number, qmax: number, scales: number): void;
    /** INT8, one scale per column (see `int8_cols`). */
    int8Cols(src: number, rows: number, cols: number, r0: number, scales: number, q: number): void;
    /** MatMulNBits from rows of W stored [N, K] (see `int4_rows`). */
    int4Rows(src: number, rows: number, k: number, block: number, symmetric: boolean, n0: number, b: number, scales: number, zps: number): void;
    /** MatMulNBits from rows of W stored [K, N] (see `int4_cols`). */
    int4Cols(src: number, rows: number, n: number, k0: number, k: number, block: number, symmetric: boolean, b: number, scales: number, zps: number, tmp: number): void;
}
