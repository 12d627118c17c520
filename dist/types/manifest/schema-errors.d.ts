import type { ErrorObject } from "ajv";
import type { ManifestIssue } from "./issue.js";
import type { ParsedManifest } from "./parse.js";
/** Turns ajv's errors into located issues with a message and a fix, one per problem. */
export declare function issuesFromSchemaErrors(errors: readonly ErrorObject[], manifest: ParsedManifest): ManifestIssue[];
