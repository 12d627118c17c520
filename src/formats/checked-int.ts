/**
 * Size arithmetic on untrusted numbers: every product and sum is checked against
 * Number.MAX_SAFE_INTEGER, so an attacker-chosen shape cannot wrap around or lose precision.
 */

/** `a * b`, or undefined when the exact result is not a safe integer. */
export function checkedMul(a: number, b: number): number | undefined {
  if (a === 0 || b === 0) return 0;
  const product = a * b;
  return Number.isSafeInteger(product) && product / b === a ? product : undefined;
}

/** `a + b`, or undefined when the exact result is not a safe integer. */
export function checkedAdd(a: number, b: number): number | undefined {
  const sum = a + b;
  return Number.isSafeInteger(sum) ? sum : undefined;
}

/** The product of `values`, or undefined on overflow. An empty list gives 1 (a scalar). */
export function checkedProduct(values: readonly number[]): number | undefined {
  let product = 1;
  for (const value of values) {
    const next = checkedMul(product, value);
    if (next === undefined) return undefined;
    product = next;
  }
  return product;
}

/** True for a whole number in [0, 2^53). */
export function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
