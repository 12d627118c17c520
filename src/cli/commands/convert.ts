import { resolve } from "node:path";
import { ExitCode, ModelPublishError } from "../../errors.js";
import { convertCheckpoint, type ConvertProgress } from "../../convert/convert-checkpoint.js";
import { DEFAULT_SHARD_SIZE, parseShardSize } from "../../convert/shard-size.js";
import type { Command } from "../command.js";
import type { CliIO } from "../io.js";

function size(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit] ?? "B"}`;
}

/** Bytes below which a phase gets one progress line rather than one per tenth. */
const QUIET_BELOW = 256 * 1024 * 1024;

/** Progress on stderr: one line per phase and file, and every tenth of the bytes on big models. */
function reporter(io: CliIO): (progress: ConvertProgress) => void {
  let lastLine = "";
  return (progress) => {
    let line: string;
    if (progress.phase === "open") line = `reading ${progress.file}`;
    else if (progress.phase === "done") return;
    else {
      const verb = progress.phase === "write" ? "writing" : "checking";
      const tenth = Math.floor((10 * progress.bytesDone) / Math.max(1, progress.bytesTotal));
      line =
        progress.bytesTotal < QUIET_BELOW
          ? `${verb} ${progress.file}`
          : `${verb} ${progress.file} ${tenth * 10}%`;
    }
    if (line !== lastLine) io.stderr(`${line}\n`);
    lastLine = line;
  };
}

export const convertCommand: Command = {
  name: "convert",
  summary:
    "Convert a PyTorch checkpoint (.pt/.pth/.bin, zip or legacy, or a sharded pytorch_model.bin.index.json) to safetensors.\nNo code in the checkpoint ever runs; the output is checked by reloading it before it is put in place.",
  usage: "convert <checkpoint> -o <out> [--weights-key K] [--shard-size 5GB] [--json]",
  flagHelp: [
    "-o, --output P     a .safetensors file, or a folder (sharded when over --shard-size)",
    "--weights-key K    the nested dict holding the weights (state_dict, model, ema, …)",
    `--shard-size S     largest shard in folder output, e.g. 500MB, 2GiB (default ${DEFAULT_SHARD_SIZE})`,
  ],
  options: {
    output: { type: "string", short: "o" },
    "weights-key": { type: "string" },
    "shard-size": { type: "string" },
  },
  positionals: { min: 1, max: 1, names: "one checkpoint path" },
  async run(args, io) {
    const input = args.positionals[0] ?? "";
    const output = args.values.output;
    if (typeof output !== "string" || output === "") {
      throw new ModelPublishError(
        "USAGE",
        "convert: -o <out> is required (a .safetensors file or a folder)",
      );
    }
    const shardSize = args.string("shard-size");
    if (shardSize !== undefined) parseShardSize(shardSize, "--shard-size");
    const weightsKey = args.string("weights-key");
    const result = await convertCheckpoint({
      input: resolve(io.cwd, input),
      output: resolve(io.cwd, output),
      weightsKey,
      shardSize,
      onProgress: reporter(io),
    });
    if (args.json) {
      io.stdout(
        `${JSON.stringify(
          {
            input,
            output,
            sources: result.sources,
            weightsKey: result.weightsKey ?? null,
            files: result.artifacts.map((a) => ({
              path: a.path,
              file: a.file,
              size: a.size,
              format: a.format,
            })),
            tensors: result.tensors,
            bytes: result.bytes,
            duplicates: result.duplicates,
            training: result.training,
            skipped: result.skipped,
          },
          null,
          2,
        )}\n`,
      );
      return ExitCode.ok;
    }
    const layouts = [...new Set(result.sources.map((s) => s.layout))].join(", ");
    const from = result.weightsKey === undefined ? "" : ` [${result.weightsKey}]`;
    io.stdout(
      `✓ ${input}${from} (${layouts}) → ${result.tensors} tensors, ${size(result.bytes)}, checked by reload\n`,
    );
    for (const artifact of result.artifacts)
      io.stdout(`  ${artifact.file} (${size(artifact.size)})\n`);
    for (const [dup, kept] of Object.entries(result.duplicates))
      io.stdout(`  tied: ${dup} → ${kept} (written once)\n`);
    const training = Object.entries(result.training);
    if (training.length > 0)
      io.stdout(`  training: ${training.map(([k, v]) => `${k}=${String(v)}`).join(", ")}\n`);
    if (result.skipped.length > 0)
      io.stdout(`  left out (not tensors): ${result.skipped.join(", ")}\n`);
    return ExitCode.ok;
  },
};
