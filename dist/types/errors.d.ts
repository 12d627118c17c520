/**
 * Exit codes shared by the CLI and the action (PRODUCT.md contract).
 * Scripts branch on them, so they never change meaning.
 */
export declare const ExitCode: {
    readonly ok: 0;
    /** A check failed: invalid manifest, verification mismatch, error budget exceeded, regression. */
    readonly checkFailed: 1;
    /** Bad input or usage: unreadable, malformed or hostile file, unknown flag. */
    readonly badInput: 2;
    /** A remote service failed after retries. */
    readonly remoteFailed: 3;
};
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
/** Machine-readable error codes; each maps to one exit code. */
export type ErrorCode = 
/** The authored manifest breaks the schema or a rule. */
"MANIFEST_INVALID"
/** The manifest file cannot be read. */
 | "MANIFEST_UNREADABLE"
/** Unknown flag, missing argument, bad option value. */
 | "USAGE"
/** A model or release file is malformed, truncated or hostile (names the file and offset). */
 | "INPUT_MALFORMED"
/** A file format or feature we do not handle yet (names it). */
 | "INPUT_UNSUPPORTED"
/** A private or public key cannot be read or is not an Ed25519 key. */
 | "KEY_INVALID"
/** Output written does not read back as what was meant to be written. */
 | "OUTPUT_MISMATCH"
/** Model card front matter the Hub would refuse. */
 | "CARD_INVALID"
/** A digest, size, Merkle root or signature does not match. */
 | "VERIFY_FAILED"
/** A variant is outside its error budget. */
 | "BUDGET_EXCEEDED"
/** A benchmark regressed beyond its threshold. */
 | "REGRESSION"
/** A remote service failed after retries. */
 | "REMOTE_FAILED";
/** The one error type the library throws; `code` is stable, `message` is for people. */
export declare class ModelPublishError extends Error {
    readonly code: ErrorCode;
    constructor(code: ErrorCode, message: string, options?: {
        cause?: unknown;
    });
    get exitCode(): ExitCode;
}
/** Exit code for anything thrown: our errors carry one; anything else is a bug, reported as bad input. */
export declare function exitCodeFor(error: unknown): ExitCode;
