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
  /** The authored manifest breaks the schema or a rule. */
  | "MANIFEST_INVALID"
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

const exitCodeOf: Record<ErrorCode, ExitCode> = {
  MANIFEST_INVALID: ExitCode.checkFailed,
  MANIFEST_UNREADABLE: ExitCode.badInput,
  USAGE: ExitCode.badInput,
  INPUT_MALFORMED: ExitCode.badInput,
  INPUT_UNSUPPORTED: ExitCode.badInput,
  KEY_INVALID: ExitCode.badInput,
  OUTPUT_MISMATCH: ExitCode.checkFailed,
  CARD_INVALID: ExitCode.checkFailed,
  VERIFY_FAILED: ExitCode.checkFailed,
  BUDGET_EXCEEDED: ExitCode.checkFailed,
  REGRESSION: ExitCode.checkFailed,
  REMOTE_FAILED: ExitCode.remoteFailed,
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
