import { type PyValue } from "./pickle-values.js";
/** Deeper than any checkpoint; Python's own pickler stops near 1000 frames of recursion. */
export declare const MAX_PICKLE_DEPTH = 1000;
/**
 * Refuses a result that nests deeper than MAX_PICKLE_DEPTH or contains itself. Walks with an
 * explicit stack and memoised depths, so neither a deep chain nor a wide shared graph can
 * exhaust the call stack or take exponential time; whatever reads the result later may recurse
 * safely.
 */
export declare function checkPickleGraph(root: PyValue, where: string): void;
