import { readFile } from "node:fs/promises";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { ModelPublishError } from "../errors.js";
import { sortIssues, type ManifestIssue } from "./issue.js";
import { parseManifestText, type ParsedManifest } from "./parse.js";
import { checkRules } from "./rules.js";
import { issuesFromSchemaErrors } from "./schema-errors.js";
import {
  authoredManifestSchema,
  benchResultSchema,
  releaseManifestSchema,
  signatureSchema,
} from "./schemas.generated.js";
import type { AuthoredManifest } from "./types.generated.js";

export type ValidationResult =
  | { valid: true; manifest: AuthoredManifest; parsed: ParsedManifest; issues: [] }
  | { valid: false; issues: ManifestIssue[] };

interface Validators {
  authored: ValidateFunction;
  release: ValidateFunction;
  signature: ValidateFunction;
  benchResult: ValidateFunction;
}

let compiled: Validators | undefined;

/** The schemas, compiled once per process. */
export function validators(): NonNullable<typeof compiled> {
  if (!compiled) {
    const ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
    });
    addFormats.default(ajv);
    compiled = {
      authored: ajv.compile(authoredManifestSchema),
      release: ajv.compile(releaseManifestSchema),
      signature: ajv.compile(signatureSchema),
      benchResult: ajv.compile(benchResultSchema),
    };
  }
  return compiled;
}

/** Validates manifest text; every problem is reported, each with file, line, pointer and fix. */
export function validateManifestText(text: string, file: string): ValidationResult {
  const parsed = parseManifestText(text, file);
  if (!parsed.ok) return { valid: false, issues: sortIssues(parsed.issues) };
  const { manifest } = parsed;
  if (manifest.data === null || manifest.data === undefined) {
    return {
      valid: false,
      issues: [
        {
          kind: "required",
          file,
          line: 1,
          column: 1,
          pointer: "",
          message: "the manifest is empty",
          fix: "start from examples/minimal.yaml: id, name, version, type, license and sources are required",
        },
      ],
    };
  }
  const validate = validators().authored;
  if (!validate(manifest.data)) {
    return {
      valid: false,
      issues: sortIssues(issuesFromSchemaErrors(validate.errors ?? [], manifest)),
    };
  }
  const authored = manifest.data as AuthoredManifest;
  const ruleIssues = checkRules(authored, manifest);
  if (ruleIssues.length > 0) return { valid: false, issues: sortIssues(ruleIssues) };
  return { valid: true, manifest: authored, parsed: manifest, issues: [] };
}

/** Reads and validates a manifest file; an unreadable file is bad input (exit 2), not a failed check. */
export async function validateManifestFile(path: string): Promise<ValidationResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "cannot read it";
    throw new ModelPublishError(
      "MANIFEST_UNREADABLE",
      `${path}: ${reason}; pass the path of the manifest (YAML or JSON), e.g. model-publish.yaml`,
      { cause: error },
    );
  }
  return validateManifestText(text, path);
}
