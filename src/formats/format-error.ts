import { ModelPublishError } from "../errors.js";

/**
 * A model file that is malformed, truncated or hostile (exit code 2).
 * `where` names the file (and the part of it); `detail` says what is wrong and where.
 */
export function malformed(where: string, detail: string): ModelPublishError {
  return new ModelPublishError("INPUT_MALFORMED", `${where}: ${detail}`);
}

/** A well-formed file that uses a feature this version does not handle (exit code 2). */
export function unsupported(where: string, detail: string): ModelPublishError {
  return new ModelPublishError("INPUT_UNSUPPORTED", `${where}: ${detail}`);
}
