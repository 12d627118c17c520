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
/**
 * Every (tensor, bound) pair outside the budget, worst first. Each bound applies to every tensor;
 * a NaN figure is outside any bound.
 */
export declare function budgetViolations(tensors: readonly TensorMetrics[], budget: Budget): BudgetViolation[];
/**
 * The error-budget gate: throws BUDGET_EXCEEDED (exit code 1) when any tensor of the variant is
 * outside any bound, naming the worst tensors and what to change. Never just a warning.
 */
export declare function checkBudget(variant: string, tensors: readonly TensorMetrics[], budget: Budget): void;
