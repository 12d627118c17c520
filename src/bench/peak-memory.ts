import { spawn } from "node:child_process";
import { ModelPublishError } from "../errors.js";
import { onnxRuntimeEntry } from "../runtime/onnxruntime.js";

/**
 * Runs in a fresh Node process: loads the model, runs it on zero-filled inputs (symbolic
 * dimensions: batch first, then the sequence length) and prints the process's peak RSS.
 */
const CHILD = `
const [, entry, file, provider, batch, sequence, runs] = process.argv;
const ort = require(entry);
const arrays = { float32: Float32Array, int64: BigInt64Array, int32: Int32Array, bool: Uint8Array };
(async () => {
  const session = await ort.InferenceSession.create(file, { executionProviders: [provider] });
  const feeds = {};
  for (const meta of session.inputMetadata) {
    let symbolic = 0;
    const shape = meta.shape.map((d) => (typeof d === "number" && d > 0 ? d : symbolic++ === 0 ? +batch : +sequence));
    const Type = arrays[meta.type];
    if (!Type) throw new Error("input " + meta.name + " has type " + meta.type);
    feeds[meta.name] = new ort.Tensor(meta.type, new Type(shape.reduce((a, b) => a * b, 1)), shape);
  }
  for (let i = 0; i < +runs; i++) await session.run(feeds);
  await session.release();
  process.stdout.write(String(process.resourceUsage().maxRSS * 1024));
})().catch((error) => { process.stderr.write(String(error && error.message || error)); process.exit(1); });
`;

export interface PeakMemoryOptions {
  provider: string;
  batchSize: number;
  sequenceLength: number;
  /** Inferences after the load (default 3): arenas grow on the first runs. */
  runs?: number;
}

/**
 * Peak resident memory, in bytes, of a fresh process that loads the model and runs it. Measured
 * apart from the benchmark's own process, whose memory holds whatever else it did before (a
 * build, API calls) and moves with when the collector last ran.
 */
export function measurePeakMemory(file: string, options: PeakMemoryOptions): Promise<number> {
  const args = [
    "-e",
    CHILD,
    onnxRuntimeEntry(),
    file,
    options.provider,
    String(options.batchSize),
    String(options.sequenceLength),
    String(options.runs ?? 3),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const bytes = Number(out);
      if (code === 0 && Number.isFinite(bytes) && bytes > 0) resolve(bytes);
      else
        reject(
          new ModelPublishError(
            "INPUT_UNSUPPORTED",
            `${file}: measuring peak memory in a fresh process failed (${err.trim().split("\n").at(-1) ?? `exit ${String(code)}`})`,
          ),
        );
    });
  });
}
