import { type ValidateFunction } from "ajv/dist/2020.js";
import { type ManifestIssue } from "./issue.js";
import { type ParsedManifest } from "./parse.js";
import type { AuthoredManifest } from "./types.generated.js";
export type ValidationResult = {
    valid: true;
    manifest: AuthoredManifest;
    parsed: ParsedManifest;
    issues: [];
} | {
    valid: false;
    issues: ManifestIssue[];
};
interface Validators {
    authored: ValidateFunction;
    release: ValidateFunction;
    signature: ValidateFunction;
    benchResult: ValidateFunction;
}
declare let compiled: Validators | undefined;
/** The schemas, compiled once per process. */
export declare function validators(): NonNullable<typeof compiled>;
/** Validates manifest text; every problem is reported, each with file, line, pointer and fix. */
export declare function validateManifestText(text: string, file: string): ValidationResult;
/** Reads and validates a manifest file; an unreadable file is bad input (exit 2), not a failed check. */
export declare function validateManifestFile(path: string): Promise<ValidationResult>;
export {};
