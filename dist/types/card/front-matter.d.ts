import type { Artifact } from "../pipeline/artifacts.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { EvaluationResult } from "./render-card.js";
/** Whether the release has quantized variants (of its own weights). */
export declare function hasQuantizedVariants(manifest: AuthoredManifest, artifacts: readonly Artifact[] | undefined): boolean;
export interface FrontMatter {
    data: Record<string, unknown>;
    /** Top-level key → JSON pointer of the manifest value it came from. */
    pointers: Record<string, string>;
}
/**
 * The card's YAML front matter as data, in a fixed key order, from the manifest (keys spelled as
 * the Hub spells them), the artifacts (`base_model_relation: quantized`) and evaluation results
 * (`model-index`).
 */
export declare function frontMatterOf(manifest: AuthoredManifest, artifacts?: readonly Artifact[], evaluations?: readonly EvaluationResult[]): FrontMatter;
/** YAML text of front matter (no `---` lines), with no line folding so values stay greppable. */
export declare function frontMatterYaml(data: Record<string, unknown>): string;
/** Splits a card into its front matter (YAML text) and body, or undefined when it has none. */
export declare function splitFrontMatter(markdown: string): {
    yaml: string;
    body: string;
} | undefined;
/** Parses front matter YAML; throws the YAML library's error on bad YAML. */
export declare function parseFrontMatter(yaml: string): unknown;
