import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Budget } from "../manifest/types.generated.js";
import { onnxModelFiles, readOnnx } from "../formats/onnx-model.js";
import { readNpz, type HostTensor } from "../formats/onnx-npz.js";
import { budgetViolations, checkOnnxBudget, onnxBudget } from "./onnx-budget.js";
import { compareOutputs, type OnnxOutputMetrics } from "./onnx-output-metrics.js";
import { sampleInputs, type SampleInputOptions } from "./onnx-sample-inputs.js";
import { openSession } from "./onnx-session.js";

/** A variant to check against the reference model. */
export interface OnnxParityVariant {
  path: string;
  /** onnx-int8 | onnx-int4 | onnx-fp16: picks the default budget. */
  scheme: string;
  /** The manifest's budget; its bounds override the scheme's default. */
  budget?: Budget;
}

export interface OnnxParityOptions extends SampleInputOptions {
  /** Sample inputs: a .npz file (one array per input name) or tensors; default: generated. */
  inputs?: string | Readonly<Record<string, HostTensor>>;
  /** Called with each variant's report as soon as it is measured. */
  onReport?: (report: OnnxParityReport) => void;
}

/** What the evaluate stage records for one variant. */
export interface OnnxParityReport {
  path: string;
  scheme: string;
  /** Bytes of the variant and of the reference, external data included. */
  bytes: number;
  referenceBytes: number;
  /** referenceBytes / bytes. */
  compression: number;
  outputs: OnnxOutputMetrics[];
  budget: Budget;
  /** Bounds broken, one line each; empty when the variant is within budget. */
  violations: string[];
}

async function modelBytes(path: string): Promise<number> {
  const model = await readOnnx(path);
  let total = 0;
  for (const file of onnxModelFiles(model)) total += (await stat(file)).size;
  return total;
}

async function loadInputs(
  options: OnnxParityOptions,
): Promise<Record<string, HostTensor> | undefined> {
  if (options.inputs === undefined) return undefined;
  if (typeof options.inputs !== "string") return { ...options.inputs };
  return Object.fromEntries(await readNpz(options.inputs));
}

/**
 * Runs the reference and each variant in onnxruntime-node on the same inputs and measures every
 * output (max and mean abs diff, RMSE, cosine) plus size and compression. Does not judge; see
 * `onnxParity` for the gate.
 */
export async function measureOnnxParity(
  reference: string,
  variants: readonly OnnxParityVariant[],
  options: OnnxParityOptions = {},
): Promise<OnnxParityReport[]> {
  const referenceBytes = await modelBytes(reference);
  const session = await openSession(reference);
  let expected: Record<string, HostTensor>;
  let inputs: Record<string, HostTensor>;
  try {
    inputs = (await loadInputs(options)) ?? sampleInputs(session.inputs, options);
    expected = await session.run(inputs);
  } finally {
    await session.release();
  }
  const reports: OnnxParityReport[] = [];
  for (const variant of variants) {
    const bytes = await modelBytes(variant.path);
    const run = await openSession(variant.path);
    let actual: Record<string, HostTensor>;
    try {
      actual = await run.run(inputs);
    } finally {
      await run.release();
    }
    const outputs = compareOutputs(expected, actual, basename(variant.path));
    const budget = onnxBudget(variant.scheme, variant.budget);
    const report: OnnxParityReport = {
      path: variant.path,
      scheme: variant.scheme,
      bytes,
      referenceBytes,
      compression: bytes > 0 ? referenceBytes / bytes : 0,
      outputs,
      budget,
      violations: budgetViolations(outputs, budget),
    };
    options.onReport?.(report);
    reports.push(report);
  }
  return reports;
}

/**
 * The evaluate stage for ONNX variants: measures them (`measureOnnxParity`) and throws
 * BUDGET_EXCEEDED (exit code 1) naming each variant, output and figure outside its budget.
 * Returns the reports when every variant is within budget.
 */
export async function onnxParity(
  reference: string,
  variants: readonly OnnxParityVariant[],
  options: OnnxParityOptions = {},
): Promise<OnnxParityReport[]> {
  const reports = await measureOnnxParity(reference, variants, options);
  const failed = reports.filter((r) => r.violations.length > 0);
  checkOnnxBudget(
    failed.map((r) => `variant ${basename(r.path)} (${r.scheme})`).join(", "),
    failed.flatMap((r) => r.violations.map((v) => `${basename(r.path)}: ${v}`)),
    "Use a scheme with more bits, exclude the sensitive nodes (variants[].exclude), or relax variants[].budget if this loss is acceptable.",
  );
  return reports;
}
