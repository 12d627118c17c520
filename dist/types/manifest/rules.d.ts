import type { AuthoredManifest } from "./types.generated.js";
import type { ManifestIssue } from "./issue.js";
import type { ParsedManifest } from "./parse.js";
/**
 * Rules that span several fields, which the schema cannot say clearly.
 * They run only on a manifest that already matches the schema.
 */
export declare function checkRules(manifest: AuthoredManifest, parsed: ParsedManifest): ManifestIssue[];
