import { stat } from "node:fs/promises";
import { ModelPublishError } from "../errors.js";
import { onnxModelFiles, readOnnx } from "../formats/onnx-model.js";
import { writeOnnx, type WriteOnnxOptions, type WrittenOnnx } from "../formats/onnx-writer.js";
import { convertToFloat16, type Fp16Options } from "./onnx-fp16.js";
import { OnnxGraphEditor } from "./onnx-graph.js";
import { int4MatMulNBits, type Int4Options } from "./onnx-int4.js";
import { int8Dynamic } from "./onnx-int8-dynamic.js";
import { int8WeightOnly } from "./onnx-int8-weight-only.js";
import { OnnxPool } from "./onnx-pool.js";
import { selectMatMuls, type SkippedNode, type WeightSelection } from "./onnx-select.js";

/** The ONNX variant schemes of the manifest. */
export type OnnxScheme = "onnx-int8" | "onnx-int4" | "onnx-fp16";

export const ONNX_SCHEMES: readonly OnnxScheme[] = ["onnx-int8", "onnx-int4", "onnx-fp16"];

export function isOnnxScheme(value: string): value is OnnxScheme {
  return (ONNX_SCHEMES as readonly string[]).includes(value);
}

/** Progress of a pass: one event per weight (or, for FP16, once at the end). */
export interface OnnxQuantizeProgress {
  scheme: OnnxScheme;
  /** Initializer just converted. */
  weight: string;
  done: number;
  total: number;
}

export interface QuantizeOnnxOptions
  extends WeightSelection, Omit<Int4Options, "onWeight" | "pool">, Fp16Options, WriteOnnxOptions {
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

async function filesSize(paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const path of paths) total += (await stat(path)).size;
  return total;
}

/**
 * Builds one ONNX variant of the model at `input` and writes it to `output` (with an external
 * data file when the model is large or had one). The same input and options always give the
 * same bytes. Throws INPUT_MALFORMED / INPUT_UNSUPPORTED for a model it cannot read or
 * rewrite, USAGE for an `exclude` name the model does not have.
 */
export async function quantizeOnnx(
  input: string,
  output: string,
  scheme: OnnxScheme,
  options: QuantizeOnnxOptions = {},
): Promise<QuantizeOnnxResult> {
  const form: unknown = options.form ?? "weight-only";
  if (form !== "weight-only" && form !== "dynamic") {
    throw new ModelPublishError(
      "USAGE",
      `unknown onnx-int8 form ${JSON.stringify(form)}; use "weight-only" or "dynamic"`,
    );
  }
  if (!ONNX_SCHEMES.includes(scheme)) {
    throw new ModelPublishError(
      "USAGE",
      `unknown ONNX scheme ${JSON.stringify(scheme)}; use one of ${ONNX_SCHEMES.join(", ")}`,
    );
  }
  const model = await readOnnx(input, options);
  const inputBytes = await filesSize(onnxModelFiles(model));
  const editor = new OnnxGraphEditor(model.proto);
  if (scheme === "onnx-fp16") {
    const { converted, kept } = await convertToFloat16(editor, model.dir, options);
    options.onProgress?.({ scheme, weight: "", done: 1, total: 1 });
    const written = await writeOnnx(model, output, options);
    const { files, bytes } = written;
    return { scheme, files, bytes, inputBytes, quantized: converted, skipped: kept };
  }
  const { sites, skipped } = selectMatMuls(editor, options);
  const quantized = sites.map((s) => s.node.name ?? s.node.output?.[0] ?? "");
  const total = new Set(sites.map((s) => s.weightName)).size;
  let done = 0;
  const onWeight = (weight: string): void => {
    options.onProgress?.({ scheme, weight, done: ++done, total });
  };
  const pool = new OnnxPool(options.threads);
  let written: WrittenOnnx;
  try {
    const pass = { ...options, onWeight, pool };
    if (scheme === "onnx-int4") int4MatMulNBits(editor, model.dir, sites, pass);
    else if (form === "dynamic") int8Dynamic(editor, model.dir, sites, pass);
    else int8WeightOnly(editor, model.dir, sites, pass);
    // The passes defer the arithmetic: each weight is quantized as the writer reaches it, its
    // values going straight to the file.
    written = await writeOnnx(model, output, options);
  } finally {
    await pool.close();
  }
  return { scheme, files: written.files, bytes: written.bytes, inputBytes, quantized, skipped };
}
