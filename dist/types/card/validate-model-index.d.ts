import type { CardIssue } from "./card-issue.js";
/** Checks the structure of a `model-index` (the Hub's evaluation results), adding issues. */
export declare function checkModelIndex(modelIndex: unknown, issues: CardIssue[]): void;
