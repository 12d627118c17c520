import type { Budget } from "../manifest/types.generated.js";
import type { OnnxOutputMetrics } from "./onnx-output-metrics.js";
/** Budgets a variant meets unless the manifest says otherwise (issue 7). */
export declare const DEFAULT_ONNX_BUDGETS: Readonly<Record<string, Budget>>;
/** The scheme's default budget with the manifest's bounds over it. */
export declare function onnxBudget(scheme: string, budget: Budget | undefined): Budget;
/** Each bound an output breaks, as "output <name> <figure> <value> (budget <bound> <limit>)". */
export declare function budgetViolations(outputs: readonly OnnxOutputMetrics[], budget: Budget): string[];
/**
 * The gate: BUDGET_EXCEEDED (exit code 1) naming every output and figure out of bounds. The run
 * fails; there is no warning-only mode.
 */
export declare function checkOnnxBudget(label: string, violations: readonly string[], fix: string): void;
