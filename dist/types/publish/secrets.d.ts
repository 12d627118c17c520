/**
 * The secret values of a run (tokens, keys), so that no message, log line, receipt or error that
 * leaves the library can carry one: every such text goes through {@link Secrets.redact}.
 */
export declare class Secrets {
    #private;
    /** Remembers a secret; empty and very short values are ignored (they would mask ordinary words). */
    add(value: string | undefined): this;
    /** Each secret, for a front end that masks them in its own output (a runner's log). */
    forEach(mask: (value: string) => void): void;
    /** Adds every value another set holds. */
    merge(other: Secrets): this;
    /** The text with every known secret replaced by `***`. */
    redact(text: string): string;
    /** An error safe to show: same code and kind, message redacted. */
    redactError(error: unknown): Error;
    /** Redacts every string inside a JSON-like value (receipts, plans). */
    redactValue<T>(value: T): T;
}
