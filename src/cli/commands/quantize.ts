import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ExitCode, ModelPublishError } from "../../errors.js";
import { budgetViolations, checkBudget } from "../../evaluate/budget.js";
import { evaluateVariant, type VariantEvaluation } from "../../evaluate/evaluate-variant.js";
import type { Budget } from "../../manifest/types.generated.js";
import { quantizeModel, variantFormat } from "../../quantize/quantize-model.js";
import {
  isQuantScheme,
  QUANT_SCHEMES,
  variantFileName,
  type QuantScheme,
} from "../../quantize/variant.js";
import { isOnnxScheme, ONNX_SCHEMES } from "../../quantize/onnx-quantize.js";
import type { Command, ParsedCommandArgs } from "../command.js";
import { quantizeOnnxCommand } from "./quantize-onnx.js";
import type { CliIO } from "../io.js";

/** A string option, with an empty value counted as not given. */
function text(args: ParsedCommandArgs, name: string): string | undefined {
  const value = args.string(name);
  return value === "" ? undefined : value;
}

function number(
  args: ParsedCommandArgs,
  name: string,
  check: (n: number) => boolean,
): number | undefined {
  const value = text(args, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) {
    throw new ModelPublishError(
      "USAGE",
      `quantize: --${name} ${JSON.stringify(value)} is not valid`,
    );
  }
  return n;
}

function budgetFrom(args: ParsedCommandArgs): Budget | undefined {
  const budget: Budget = {};
  const minCosine = number(args, "min-cosine", (n) => n >= -1 && n <= 1);
  const maxAbsError = number(args, "max-abs-error", (n) => n >= 0);
  const maxMeanAbsError = number(args, "max-mean-abs-error", (n) => n >= 0);
  const maxRmse = number(args, "max-rmse", (n) => n >= 0);
  if (minCosine !== undefined) budget.minCosine = minCosine;
  if (maxAbsError !== undefined) budget.maxAbsError = maxAbsError;
  if (maxMeanAbsError !== undefined) budget.maxMeanAbsError = maxMeanAbsError;
  if (maxRmse !== undefined) budget.maxRmse = maxRmse;
  return Object.keys(budget).length > 0 ? budget : undefined;
}

/** `-o` as given when it names a file; `{id}-{size}-{quant}.{ext}` inside it when it is a folder. */
async function outputPath(
  args: ParsedCommandArgs,
  io: CliIO,
  scheme: QuantScheme,
): Promise<string> {
  const output = args.string("output");
  if (output === undefined) {
    throw new ModelPublishError(
      "USAGE",
      "quantize: -o <out> is required (a file, or a folder with --id and --size)",
    );
  }
  const full = resolve(io.cwd, output);
  const isFolder =
    output.endsWith("/") || (await stat(full).catch(() => undefined))?.isDirectory() === true;
  if (!isFolder) return full;
  const id = args.string("id");
  const size = args.string("size");
  if (id === undefined || size === undefined) {
    throw new ModelPublishError(
      "USAGE",
      `quantize: -o ${output} is a folder; give --id and --size to name the file ({id}-{size}-{quant}.{ext}, e.g. --id ruvltra --size 0.5b)`,
    );
  }
  const ext =
    variantFormat(scheme, args.string("format") === "gguf" ? "x.gguf" : "x") === "gguf"
      ? "gguf"
      : "safetensors";
  return join(full, variantFileName(id, size, scheme, ext));
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function report(evaluation: VariantEvaluation, scheme: string, input: string): object {
  return {
    input,
    scheme,
    format: evaluation.format,
    file: evaluation.file,
    size: evaluation.size,
    sourceSize: evaluation.sourceSize,
    compressionRatio: evaluation.compressionRatio,
    compressionRatioVsF32: evaluation.compressionRatioVsF32,
    summary: evaluation.summary,
    tensors: evaluation.tensors.map(({ sumSquaredError: _s, sumAbsError: _a, ...t }) => t),
  };
}

export const quantizeCommand: Command = {
  name: "quantize",
  summary:
    "Make a quantized or converted variant of a safetensors model and evaluate it against the source.\nGGUF (q8_0, q4_0, q4_k, q4_k_m, q6_k; f16/bf16 with a .gguf output) has blocks bit-identical to ggml's\nreference quantizers; safetensors variants are f16, bf16, int8 (per channel) and int4 (grouped).\nGGUF takes the architecture from config.json beside the input (or --config). Exit 1 when a --min/--max\nbound is broken.",
  usage:
    "quantize <in> --to <scheme> -o <out> [--config config.json] [--id ID --size 0.5b] [--json]",
  flagHelp: [
    `--to S               ${QUANT_SCHEMES.join(", ")}`,
    "-o, --output P       the variant file, or a folder (name from --id/--size)",
    "--config F           config.json for GGUF (default: beside <in>)",
    "--id ID, --size S    file name {id}-{size}-{quant}.{ext}, e.g. ruvltra-0.5b-q4_k_m.gguf",
    "--name N             general.name in GGUF (default: the file name)",
    "--format F           gguf or safetensors, for f16/bf16 into a folder",
    "--group-size G       int4 group size: 32, 64, 128 (default) or 256",
    "--threads N          worker threads (default: one per core)",
    `--to onnx-…         ${ONNX_SCHEMES.join(", ")} from an .onnx model, checked in onnxruntime`,
    "--form F             onnx-int8: weight-only (DequantizeLinear) or dynamic (MatMulInteger)",
    "--block-size B       onnx-int4 (MatMulNBits): 32 or 128; --symmetric for no zero points",
    "--exclude N,…        ONNX node names to leave in float; --inputs F a .npz of sample inputs",
    "--min-cosine X, --max-abs-error X, --max-mean-abs-error X, --max-rmse X",
    "                     error budget per tensor; exit 1 naming the worst tensors",
  ],
  options: {
    to: { type: "string" },
    output: { type: "string", short: "o" },
    config: { type: "string" },
    id: { type: "string" },
    size: { type: "string" },
    name: { type: "string" },
    format: { type: "string" },
    "group-size": { type: "string" },
    threads: { type: "string" },
    "min-cosine": { type: "string" },
    "max-abs-error": { type: "string" },
    "max-mean-abs-error": { type: "string" },
    "max-rmse": { type: "string" },
    form: { type: "string" },
    "block-size": { type: "string" },
    symmetric: { type: "boolean" },
    exclude: { type: "string" },
    inputs: { type: "string" },
  },
  positionals: { min: 1, max: 1, names: "one safetensors model (file, index or folder)" },
  async run(args, io) {
    const input = args.positionals[0] ?? "";
    const scheme = args.string("to");
    if (scheme !== undefined && isOnnxScheme(scheme)) {
      return quantizeOnnxCommand(args, io, scheme, budgetFrom(args));
    }
    if (scheme === undefined || !isQuantScheme(scheme)) {
      throw new ModelPublishError(
        "USAGE",
        `quantize: --to must be one of ${[...QUANT_SCHEMES, ...ONNX_SCHEMES].join(", ")}`,
      );
    }
    const format = args.string("format");
    if (format !== undefined && format !== "gguf" && format !== "safetensors") {
      throw new ModelPublishError("USAGE", "quantize: --format is gguf or safetensors");
    }
    const groupSize = number(args, "group-size", (n) => [32, 64, 128, 256].includes(n));
    const threads = number(args, "threads", (n) => Number.isInteger(n) && n >= 0 && n <= 256);
    const budget = budgetFrom(args);
    const output = await outputPath(args, io, scheme);
    const config = args.string("config");
    const name = args.string("name");
    const source = resolve(io.cwd, input);
    let last = -1;
    await quantizeModel({
      input: source,
      scheme,
      output,
      ...(format === undefined ? {} : { format }),
      ...(config === undefined ? {} : { config: resolve(io.cwd, config) }),
      ...(name === undefined ? {} : { name }),
      ...(groupSize === undefined ? {} : { groupSize }),
      ...(threads === undefined ? {} : { threads }),
      onProgress: (p) => {
        const tenth = Math.floor((10 * (p.index + 1)) / p.count);
        if (tenth !== last)
          io.stderr(
            `quantizing ${scheme}: ${p.index + 1}/${p.count} tensors (${p.tensor} ${p.type})\n`,
          );
        last = tenth;
      },
    });
    io.stderr(`evaluating ${output}\n`);
    const evaluation = await evaluateVariant({
      source,
      variant: output,
      ...(config === undefined ? {} : { config: resolve(io.cwd, config) }),
      ...(threads === undefined ? {} : { threads }),
    });
    const violations = budget ? budgetViolations(evaluation.tensors, budget) : [];
    if (args.json) {
      io.stdout(
        `${JSON.stringify({ ...report(evaluation, scheme, input), budget: budget ?? null, violations }, null, 2)}\n`,
      );
    } else {
      const s = evaluation.summary;
      io.stdout(
        `✓ ${input} → ${output} (${scheme}, ${mib(evaluation.size)}, ${evaluation.compressionRatio.toFixed(2)}× vs source, ${evaluation.compressionRatioVsF32.toFixed(2)}× vs FP32)\n` +
          `  ${s.tensors} tensors: min cosine ${s.minCosine.toFixed(6)} (${s.minCosineTensor || "-"}), max abs error ${s.maxAbsError.toPrecision(4)}, RMSE ${s.rmse.toPrecision(4)}\n`,
      );
    }
    if (budget !== undefined) {
      if (args.json && violations.length > 0) {
        try {
          checkBudget(scheme, evaluation.tensors, budget);
        } catch (error) {
          io.stderr(`model-publish: ${error instanceof Error ? error.message : String(error)}\n`);
        }
        return ExitCode.checkFailed;
      }
      checkBudget(`${scheme} (${output})`, evaluation.tensors, budget);
    }
    return ExitCode.ok;
  },
};
