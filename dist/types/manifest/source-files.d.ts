import type { ManifestIssue } from "./issue.js";
import type { ParsedManifest } from "./parse.js";
import type { AuthoredManifest } from "./types.generated.js";
/** One issue per source file that is missing, located at the field that names it. */
export declare function checkSourceFiles(manifest: AuthoredManifest, parsed: ParsedManifest, baseDir: string): Promise<ManifestIssue[]>;
