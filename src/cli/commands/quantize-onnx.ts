import { resolve } from "node:path";
import { ExitCode, ModelPublishError } from "../../errors.js";
import { onnxParity } from "../../evaluate/onnx-parity.js";
import type { Budget } from "../../manifest/types.generated.js";
import { quantizeOnnx, type OnnxScheme } from "../../quantize/onnx-quantize.js";
import type { ParsedCommandArgs } from "../command.js";
import type { CliIO } from "../io.js";

/** `model-publish quantize model.onnx --to onnx-…`: the variant, then its parity against the model. */
export async function quantizeOnnxCommand(
  args: ParsedCommandArgs,
  io: CliIO,
  scheme: OnnxScheme,
  budget: Budget | undefined,
): Promise<number> {
  const input = resolve(io.cwd, args.positionals[0] ?? "");
  const outputArg = args.string("output");
  if (!outputArg?.endsWith(".onnx")) {
    throw new ModelPublishError("USAGE", `quantize: ${scheme} needs -o <variant.onnx>`);
  }
  const output = resolve(io.cwd, outputArg);
  const form = args.string("form");
  if (form !== undefined && form !== "weight-only" && form !== "dynamic") {
    throw new ModelPublishError("USAGE", "quantize: --form is weight-only or dynamic");
  }
  const blockSize = args.string("block-size");
  if (blockSize !== undefined && blockSize !== "32" && blockSize !== "128") {
    throw new ModelPublishError("USAGE", "quantize: --block-size is 32 or 128");
  }
  const exclude = args.string("exclude")?.split(",").filter(Boolean);
  const written = await quantizeOnnx(input, output, scheme, {
    ...(form ? { form } : {}),
    ...(blockSize ? { blockSize: blockSize === "32" ? 32 : 128 } : {}),
    ...(args.values.symmetric === true ? { symmetric: true } : {}),
    ...(exclude ? { exclude } : {}),
  });
  const inputs = args.string("inputs");
  const reports = await onnxParity(
    input,
    [{ path: output, scheme, ...(budget ? { budget } : {}) }],
    inputs ? { inputs: resolve(io.cwd, inputs) } : {},
  );
  if (args.json) {
    io.stdout(
      `${JSON.stringify({ scheme, files: written.files, quantized: written.quantized, skipped: written.skipped, parity: reports }, null, 2)}\n`,
    );
  } else {
    for (const report of reports) {
      io.stdout(
        `✓ ${outputArg} (${scheme}, ${report.bytes} bytes, ${report.compression.toFixed(2)}× smaller, ${written.quantized.length} nodes)\n`,
      );
      for (const o of report.outputs) {
        io.stdout(
          `  ${o.output}: cosine ${o.cosine.toFixed(6)}, max abs diff ${o.maxAbsDiff.toPrecision(4)}, mean ${o.meanAbsDiff.toPrecision(4)}\n`,
        );
      }
    }
  }
  return ExitCode.ok;
}
