import { type WriteOnnxOptions } from "../formats/onnx-writer.js";
import { type Fp16Options } from "./onnx-fp16.js";
import { type Int4Options } from "./onnx-int4.js";
import { type SkippedNode, type WeightSelection } from "./onnx-select.js";
/** The ONNX variant schemes of the manifest. */
export type OnnxScheme = "onnx-int8" | "onnx-int4" | "onnx-fp16";
export declare const ONNX_SCHEMES: readonly OnnxScheme[];
export declare function isOnnxScheme(value: string): value is OnnxScheme;
/** Progress of a pass: one event per weight (or, for FP16, once at the end). */
export interface OnnxQuantizeProgress {
    scheme: OnnxScheme;
    /** Initializer just converted. */
    weight: string;
    done: number;
    total: number;
}
export interface QuantizeOnnxOptions extends WeightSelection, Omit<Int4Options, "onWeight" | "pool">, Fp16Options, WriteOnnxOptions {
    /**
     * Threads for the portable kernels, this one included (default: the machine's, at most 8).
     * The SIMD kernels, used wherever WebAssembly has them, run on this thread while file reads
     * and writes proceed on libuv's.
     */
    threads?: number;
    /** onnx-int8: "weight-only" (DequantizeLinear, default) or "dynamic" (MatMulInteger). */
    form?: "weight-only" | "dynamic";
    /** onnx-int8: 7-bit weights, for CPUs without VNNI where u8×s8 sums can saturate. */
    reduceRange?: boolean;
    /** Initializer payloads of at least this many bytes are read from disk when used (`readOnnx`). */
    lazyBytes?: number;
    onProgress?: (event: OnnxQuantizeProgress) => void;
}
export interface QuantizeOnnxResult {
    scheme: OnnxScheme;
    /** Files written: the model, then its external data file if any. */
    files: string[];
    /** Bytes written, and bytes of the input model with its external data. */
    bytes: number;
    inputBytes: number;
    /** Nodes rewritten (MatMul/Gemm names, or for FP16 the ops converted). */
    quantized: string[];
    /** MatMul/Gemm nodes left in float, with why; for FP16 the nodes kept in FP32. */
    skipped: SkippedNode[];
}
/**
 * Builds one ONNX variant of the model at `input` and writes it to `output` (with an external
 * data file when the model is large or had one). The same input and options always give the
 * same bytes. Throws INPUT_MALFORMED / INPUT_UNSUPPORTED for a model it cannot read or
 * rewrite, USAGE for an `exclude` name the model does not have.
 */
export declare function quantizeOnnx(input: string, output: string, scheme: OnnxScheme, options?: QuantizeOnnxOptions): Promise<QuantizeOnnxResult>;
