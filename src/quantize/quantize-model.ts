import { readFile, rename, rm, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { ModelPublishError } from "../errors.js";
import type { GgufValue } from "../formats/gguf-value.js";
import { isGgufScheme } from "./ggml-type-rules.js";
import { KernelPool } from "./kernel-pool.js";
import { isLowBitScheme } from "./low-bit-layout.js";
import { readModelConfig, type LlamaFamilyConfig } from "./model-config.js";
import { quantizeGguf } from "./quantize-gguf.js";
import { quantizeSafetensors } from "./quantize-safetensors.js";
import { openSourceModel, type SourceModel } from "./source-model.js";
import type { QuantizeProgress, QuantScheme, VariantTensor } from "./variant.js";

export type VariantFormat = "gguf" | "safetensors";

export interface QuantizeModelOptions {
  /** A `.safetensors` file, a `*.safetensors.index.json`, or a folder holding either. */
  input: string;
  scheme: QuantScheme;
  /** The file to write. */
  output: string;
  /**
   * Container: GGUF for the ggml schemes, safetensors for int8/int4; f16/bf16 follow the output's
   * extension (`.gguf` or not) unless given.
   */
  format?: VariantFormat;
  /** `config.json` for GGUF (default: the one beside the input). */
  config?: string;
  /** `general.name` for GGUF (default: the output file's name without extension). */
  name?: string;
  /** INT4 group size. */
  groupSize?: number;
  /** Worker threads (default: one per core; 0 runs on the calling thread). */
  threads?: number;
  /** More GGUF metadata (tokenizer, license, …). */
  extraMetadata?: ReadonlyMap<string, GgufValue>;
  onProgress?: (event: QuantizeProgress) => void;
}

export interface QuantizeModelResult {
  scheme: QuantScheme;
  format: VariantFormat;
  file: string;
  size: number;
  /** The source files read and their total size. */
  sourceFiles: string[];
  sourceSize: number;
  tensors: VariantTensor[];
}

/** The container a scheme is written in. */
export function variantFormat(
  scheme: QuantScheme,
  output: string,
  format?: VariantFormat,
): VariantFormat {
  if (scheme === "int8" || scheme === "int4") {
    if (format === "gguf") {
      throw new ModelPublishError(
        "USAGE",
        `${scheme} is a safetensors scheme; GGUF has q8_0/q4_0/q4_k/q4_k_m/q6_k`,
      );
    }
    return "safetensors";
  }
  if (scheme === "f16" || scheme === "bf16")
    return format ?? (output.endsWith(".gguf") ? "gguf" : "safetensors");
  if (format === "safetensors") {
    throw new ModelPublishError(
      "USAGE",
      `${scheme} is a GGUF scheme; safetensors variants are f16/bf16/int8/int4`,
    );
  }
  return "gguf";
}

/** Reads and checks a llama-family `config.json`. */
export async function loadModelConfig(path: string): Promise<LlamaFamilyConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${path}: cannot read config.json; GGUF needs the model's architecture (put config.json beside the weights or pass --config)`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return readModelConfig(json, path);
}

async function sizeOf(files: readonly string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += (await stat(file)).size;
  return total;
}

/**
 * Makes one quantized or converted variant of a safetensors model (see `quantizeGguf` and
 * `quantizeSafetensors`). The file is written under a temporary name and renamed when complete,
 * so a failed run never leaves a partial variant behind.
 */
export async function quantizeModel(options: QuantizeModelOptions): Promise<QuantizeModelResult> {
  const { scheme, output } = options;
  const format = variantFormat(scheme, output, options.format);
  const source = await openSourceModel(options.input);
  const pool = KernelPool.create(options.threads);
  const partial = `${output}.partial`;
  try {
    const tensors = await write(source, pool, format, partial, options);
    await rename(partial, output);
    return {
      scheme,
      format,
      file: output,
      size: (await stat(output)).size,
      sourceFiles: source.files,
      sourceSize: await sizeOf(source.files),
      tensors,
    };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await pool.close();
    await source.close();
  }
}

async function write(
  source: SourceModel,
  pool: KernelPool,
  format: VariantFormat,
  file: string,
  options: QuantizeModelOptions,
): Promise<VariantTensor[]> {
  const { scheme } = options;
  const onProgress = options.onProgress;
  if (format === "safetensors") {
    if (!isLowBitScheme(scheme)) throw new Error(`unreachable: ${scheme} as safetensors`);
    return quantizeSafetensors({
      source,
      scheme,
      output: file,
      pool,
      ...(options.groupSize === undefined ? {} : { groupSize: options.groupSize }),
      ...(onProgress ? { onProgress } : {}),
    });
  }
  if (!isGgufScheme(scheme)) throw new Error(`unreachable: ${scheme} as GGUF`);
  const config = await loadModelConfig(options.config ?? join(source.folder, "config.json"));
  return quantizeGguf({
    source,
    config,
    scheme,
    output: file,
    name: options.name ?? basename(options.output).replace(/\.gguf$/, ""),
    pool,
    ...(options.extraMetadata ? { extraMetadata: options.extraMetadata } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
}
