import { readFile } from "node:fs/promises";
import type { ValidateFunction } from "ajv";
import { ModelPublishError } from "../errors.js";
import { schemaErrorText } from "../sign/signed-manifest.js";

/**
 * Reads a JSON file and checks it against a compiled schema. A missing, unparsable or
 * non-conforming file is INPUT_MALFORMED naming the path, what is wrong and the given fix.
 */
export async function readCheckedJson<T>(
  path: string,
  validate: ValidateFunction,
  fix: { unreadable: string; invalid: string },
): Promise<T> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${path}: ${missing ? "no such file" : "not valid JSON"}; ${fix.unreadable}`,
    );
  }
  if (!validate(data)) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${path}: ${schemaErrorText(validate)}; ${fix.invalid}`,
    );
  }
  return data as T;
}
