/**
 * Exit codes shared by the CLI and the action (PRODUCT.md contract).
 * Scripts branch on them, so they never change meaning.
 */
export const ExitCode = {
  ok: 0,
  /** A check failed: invalid manifest, verification mismatch, error budget exceeded, regression. */
  checkFailed: 1,
  /** Bad input or usage: unreadable, malformed or hostile file, unknown flag. */
  badInput: 2,
  /** A remote service failed after retries. */
  remoteFailed: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Machine-readable error codes; each maps to one exit code. */
export type ErrorCode =
  | "MANIFEST_INVALID"
  | "MANIFEST_UNREADABLE"
  | "USAGE"
  | "STAGE_UNAVAILABLE";

const exitCodeOf: Record<ErrorCode, ExitCode> = {
  MANIFEST_INVALID: ExitCode.checkFailed,
  MANIFEST_UNREADABLE: ExitCode.badInput,
  USAGE: ExitCode.badInput,
  STAGE_UNAVAILABLE: ExitCode.badInput,
};

/** The one error type the library throws; `code` is stable, `message` is for people. */
export class ModelPublishError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ModelPublishError";
    this.code = code;
  }

  get exitCode(): ExitCode {
    return exitCodeOf[this.code];
  }
}

/** Exit code for anything thrown: our errors carry one; anything else is a bug, reported as bad input. */
export function exitCodeFor(error: unknown): ExitCode {
  return error instanceof ModelPublishError ? error.exitCode : ExitCode.badInput;
}
