import { ModelPublishError } from "../errors.js";
import type { Budget } from "../manifest/types.generated.js";
import type { OnnxOutputMetrics } from "./onnx-output-metrics.js";

/** Budgets a variant meets unless the manifest says otherwise (issue 7). */
export const DEFAULT_ONNX_BUDGETS: Readonly<Record<string, Budget>> = {
  "onnx-int8": { minCosine: 0.999 },
  "onnx-int4": { minCosine: 0.99 },
  "onnx-fp16": { minCosine: 0.9999 },
};

/** The scheme's default budget with the manifest's bounds over it. */
export function onnxBudget(scheme: string, budget: Budget | undefined): Budget {
  return { ...(DEFAULT_ONNX_BUDGETS[scheme] ?? {}), ...(budget ?? {}) };
}

function figure(n: number): string {
  return Number.isFinite(n) ? n.toPrecision(6) : String(n);
}

/** Each bound an output breaks, as "output <name> <figure> <value> (budget <bound> <limit>)". */
export function budgetViolations(outputs: readonly OnnxOutputMetrics[], budget: Budget): string[] {
  const out: string[] = [];
  for (const m of outputs) {
    const check = (what: string, value: number, bound: keyof Budget, lower: boolean): void => {
      const limit = budget[bound];
      if (limit === undefined) return;
      if (lower ? value >= limit : value <= limit) return;
      out.push(`output ${m.output} ${what} ${figure(value)} (budget ${bound} ${figure(limit)})`);
    };
    check("cosine", m.cosine, "minCosine", true);
    check("max abs diff", m.maxAbsDiff, "maxAbsError", false);
    check("mean abs diff", m.meanAbsDiff, "maxMeanAbsError", false);
    check("rmse", m.rmse, "maxRmse", false);
  }
  return out;
}

/**
 * The gate: BUDGET_EXCEEDED (exit code 1) naming every output and figure out of bounds. The run
 * fails; there is no warning-only mode.
 */
export function checkOnnxBudget(label: string, violations: readonly string[], fix: string): void {
  if (violations.length === 0) return;
  throw new ModelPublishError(
    "BUDGET_EXCEEDED",
    `${label} failed its error budget: ${violations.join("; ")}. ${fix}`,
  );
}
