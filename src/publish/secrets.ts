import { ModelPublishError } from "../errors.js";

const MASK = "***";

/**
 * The secret values of a run (tokens, keys), so that no message, log line, receipt or error that
 * leaves the library can carry one: every such text goes through {@link Secrets.redact}.
 */
export class Secrets {
  readonly #values = new Set<string>();

  /** Remembers a secret; empty and very short values are ignored (they would mask ordinary words). */
  add(value: string | undefined): this {
    if (value === undefined) return this;
    const trimmed = value.trim();
    if (trimmed.length < 6) return this;
    this.#values.add(trimmed);
    const encoded = encodeURIComponent(trimmed);
    if (encoded !== trimmed) this.#values.add(encoded);
    return this;
  }

  /** Each secret, for a front end that masks them in its own output (a runner's log). */
  forEach(mask: (value: string) => void): void {
    for (const value of this.#values) mask(value);
  }

  /** Adds every value another set holds. */
  merge(other: Secrets): this {
    for (const value of other.#values) this.#values.add(value);
    return this;
  }

  /** The text with every known secret replaced by `***`. */
  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is masked whole.
    const values = [...this.#values].sort((a, b) => b.length - a.length);
    for (const value of values) out = out.split(value).join(MASK);
    return out;
  }

  /** An error safe to show: same code and kind, message redacted. */
  redactError(error: unknown): Error {
    // A fresh error without `cause`: a client library's error may hold request headers.
    if (error instanceof ModelPublishError) {
      return new ModelPublishError(error.code, this.redact(error.message));
    }
    const message = this.redact(error instanceof Error ? error.message : String(error));
    return new Error(message);
  }

  /** Redacts every string inside a JSON-like value (receipts, plans). */
  redactValue<T>(value: T): T {
    return JSON.parse(this.redact(JSON.stringify(value))) as T;
  }
}
