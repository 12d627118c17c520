import { ModelPublishError } from "../errors.js";
/**
 * A model file that is malformed, truncated or hostile (exit code 2).
 * `where` names the file (and the part of it); `detail` says what is wrong and where.
 */
export declare function malformed(where: string, detail: string): ModelPublishError;
/** A well-formed file that uses a feature this version does not handle (exit code 2). */
export declare function unsupported(where: string, detail: string): ModelPublishError;
