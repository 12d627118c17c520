import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { ModelPublishError } from "../errors.js";
import { readOnnx } from "../formats/onnx-model.js";
import { readNpz, type HostTensor } from "../formats/onnx-npz.js";
import type { Budget, ExportHook } from "../manifest/types.generated.js";
import { budgetViolations, checkOnnxBudget } from "../evaluate/onnx-budget.js";
import { compareOutputs, type OnnxOutputMetrics } from "../evaluate/onnx-output-metrics.js";
import { openSession } from "../evaluate/onnx-session.js";

/**
 * How close the exported model must come to the outputs the export script computed with the
 * framework: both run the same float32 model, so only kernel rounding may differ.
 */
export const DEFAULT_EXPORT_BUDGET: Budget = { minCosine: 0.99999, maxAbsError: 1e-3 };

export interface OnnxExportOptions {
  /** The manifest's `sources.export`. */
  hook: ExportHook;
  /** The manifest's folder: the command's working directory and the base of relative paths. */
  manifestDir: string;
  /** The command's output as it comes (stdout and stderr). */
  onOutput?: (text: string, stream: "stdout" | "stderr") => void;
  /** Extra environment variables for the command (the rest is inherited). */
  env?: Readonly<Record<string, string>>;
  /** Parity bounds (default `DEFAULT_EXPORT_BUDGET`). */
  budget?: Budget;
}

export interface OnnxExportResult {
  /** Absolute path of the exported model. */
  output: string;
  /** Metrics of each reference output, or undefined when the hook names no reference files. */
  parity?: OnnxOutputMetrics[];
}

const TAIL_LINES = 20;

/** Runs `command` through the shell; resolves with the exit code and the output's last lines. */
function runCommand(
  command: string,
  options: OnnxExportOptions,
): Promise<{ code: number | null; signal: string | null; tail: string[] }> {
  return new Promise((done, fail) => {
    const child = spawn(command, {
      shell: true,
      cwd: options.manifestDir,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const tail: string[] = [];
    const keep = (text: string): void => {
      tail.push(...text.split(/\r?\n/).filter((l) => l.trim() !== ""));
      tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
    };
    for (const stream of ["stdout", "stderr"] as const) {
      child[stream].setEncoding("utf8");
      child[stream].on("data", (text: string) => {
        keep(text);
        options.onOutput?.(text, stream);
      });
    }
    child.on("error", fail);
    child.on("close", (code, signal) => {
      done({ code, signal, tail });
    });
  });
}

function matchOutputs(
  reference: Map<string, HostTensor>,
  outputNames: readonly string[],
  file: string,
): Record<string, HostTensor> {
  // np.savez(path, *arrays) names them arr_0, arr_1…: take those in the model's output order.
  const positional = [...reference.keys()].every((k) => /^arr_\d+$/.test(k));
  const out: Record<string, HostTensor> = {};
  for (const [key, value] of reference) {
    const name = positional ? outputNames[Number(key.slice(4))] : key;
    if (name === undefined || !outputNames.includes(name)) {
      throw new ModelPublishError(
        "OUTPUT_MISMATCH",
        `${file}: reference output ${key} is not an output of the exported model (its outputs: ${outputNames.join(", ")})`,
      );
    }
    out[name] = value;
  }
  return out;
}

/**
 * The export hook: runs the manifest's export command (through the shell, in the manifest's
 * folder, inheriting the environment, output streamed to `onOutput`), checks that it wrote an
 * ONNX model onnxruntime loads, and — when the hook names reference inputs and outputs — runs
 * the model on the inputs and compares with the outputs. A failing command is INPUT_MALFORMED
 * with its last lines; a model outside the parity budget is BUDGET_EXCEEDED (exit code 1),
 * not a warning.
 */
export async function runOnnxExport(options: OnnxExportOptions): Promise<OnnxExportResult> {
  const { hook, manifestDir } = options;
  const result = await runCommand(hook.command, options);
  if (result.code !== 0) {
    const how = result.signal
      ? `was killed by ${result.signal}`
      : `exited with code ${result.code ?? "?"}`;
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `sources.export: the export command ${JSON.stringify(hook.command)} ${how}. Last lines:\n${result.tail.join("\n")}`,
    );
  }
  const output = resolve(manifestDir, hook.output);
  const written = await stat(output).catch(() => undefined);
  if (!written?.isFile()) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `sources.export: the export command succeeded but wrote no file at ${hook.output} (sources.export.output); check the path the script writes to`,
    );
  }
  await readOnnx(output);
  const session = await openSession(output);
  try {
    if (!hook.referenceInputs || !hook.referenceOutputs) return { output };
    const inputsFile = resolve(manifestDir, hook.referenceInputs);
    const outputsFile = resolve(manifestDir, hook.referenceOutputs);
    const inputs = Object.fromEntries(await readNpz(inputsFile));
    const expected = matchOutputs(
      await readNpz(outputsFile),
      session.outputNames,
      basename(outputsFile),
    );
    const actual = await session.run(inputs);
    const parity = compareOutputs(expected, actual, basename(output));
    checkOnnxBudget(
      `exported model ${hook.output}`,
      budgetViolations(parity, options.budget ?? DEFAULT_EXPORT_BUDGET),
      "The ONNX graph computes something else than the framework did: check the export (opset, dynamic axes, ops exported differently) before publishing it.",
    );
    return { output, parity };
  } finally {
    await session.release();
  }
}
