/**
 * Size arithmetic on untrusted numbers: every product and sum is checked against
 * Number.MAX_SAFE_INTEGER, so an attacker-chosen shape cannot wrap around or lose precision.
 */
/** `a * b`, or undefined when the exact result is not a safe integer. */
export declare function checkedMul(a: number, b: number): number | undefined;
/** `a + b`, or undefined when the exact result is not a safe integer. */
export declare function checkedAdd(a: number, b: number): number | undefined;
/** The product of `values`, or undefined on overflow. An empty list gives 1 (a scalar). */
export declare function checkedProduct(values: readonly number[]): number | undefined;
/** True for a whole number in [0, 2^53). */
export declare function isCount(value: unknown): value is number;
