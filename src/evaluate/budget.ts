import { ModelPublishError } from "../errors.js";
import type { Budget } from "../manifest/types.generated.js";
import type { TensorMetrics } from "./tensor-metrics.js";

/** One tensor outside one bound of the budget. */
export interface BudgetViolation {
  tensor: string;
  metric: keyof Budget;
  value: number;
  limit: number;
  /** How far past the limit, relative to it (for ranking the worst). */
  excess: number;
}

const CHECKS: {
  metric: keyof Budget;
  value: (t: TensorMetrics) => number;
  /** Lower bounds (cosine) fail below the limit, upper bounds above it. */
  lower: boolean;
}[] = [
  { metric: "minCosine", value: (t) => t.cosine, lower: true },
  { metric: "maxAbsError", value: (t) => t.maxAbsError, lower: false },
  { metric: "maxMeanAbsError", value: (t) => t.meanAbsError, lower: false },
  { metric: "maxRmse", value: (t) => t.rmse, lower: false },
];

/**
 * Every (tensor, bound) pair outside the budget, worst first. Each bound applies to every tensor;
 * a NaN figure is outside any bound.
 */
export function budgetViolations(
  tensors: readonly TensorMetrics[],
  budget: Budget,
): BudgetViolation[] {
  const out: BudgetViolation[] = [];
  for (const check of CHECKS) {
    const limit = budget[check.metric];
    if (limit === undefined) continue;
    for (const t of tensors) {
      const value = check.value(t);
      const inside = check.lower ? value >= limit : value <= limit;
      if (inside) continue;
      const gap = check.lower ? limit - value : value - limit;
      const excess = Number.isNaN(gap) ? Infinity : gap / Math.max(Math.abs(limit), 1e-12);
      out.push({ tensor: t.name, metric: check.metric, value, limit, excess });
    }
  }
  return out.sort((a, b) => b.excess - a.excess);
}

function figure(n: number): string {
  return Number.isFinite(n) ? n.toPrecision(6) : String(n);
}

/**
 * The error-budget gate: throws BUDGET_EXCEEDED (exit code 1) when any tensor of the variant is
 * outside any bound, naming the worst tensors and what to change. Never just a warning.
 */
export function checkBudget(
  variant: string,
  tensors: readonly TensorMetrics[],
  budget: Budget,
): void {
  const violations = budgetViolations(tensors, budget);
  if (violations.length === 0) return;
  const worst = violations
    .slice(0, 5)
    .map(
      (v) =>
        `${v.tensor} ${v.metric === "minCosine" ? "cosine" : v.metric.replace(/^max/, "").replace(/^./, (c) => c.toLowerCase())} ${figure(v.value)} (budget ${v.metric} ${figure(v.limit)})`,
    );
  const tensorsOut = new Set(violations.map((v) => v.tensor)).size;
  throw new ModelPublishError(
    "BUDGET_EXCEEDED",
    `variant ${variant} is outside its error budget: ${tensorsOut} tensor${tensorsOut === 1 ? "" : "s"} out of bounds; worst: ${worst.join("; ")}. Use a scheme with more bits, or relax the budget in the manifest's variants[].budget if this loss is acceptable.`,
  );
}
