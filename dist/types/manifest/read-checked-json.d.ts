import type { ValidateFunction } from "ajv";
/**
 * Reads a JSON file and checks it against a compiled schema. A missing, unparsable or
 * non-conforming file is INPUT_MALFORMED naming the path, what is wrong and the given fix.
 */
export declare function readCheckedJson<T>(path: string, validate: ValidateFunction, fix: {
    unreadable: string;
    invalid: string;
}): Promise<T>;
