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
export type ErrorCode = "MANIFEST_INVALID" | "MANIFEST_UNREADABLE" | "USAGE" | "STAGE_UNAVAILABLE";
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
