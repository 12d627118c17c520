import type { ManifestIssue } from "./issue.js";
export interface SourcePosition {
    /** 1-based. */
    line: number;
    /** 1-based. */
    column: number;
}
/** A parsed manifest that still knows where every value came from. */
export interface ParsedManifest {
    file: string;
    format: "yaml" | "json";
    data: unknown;
    /** Where the value at `pointer` (or its nearest existing ancestor) starts. */
    locate(pointer: string, part?: "key" | "value"): SourcePosition;
    /** The value's source text, when the pointer names a scalar. */
    rawText(pointer: string): string | undefined;
}
export type ParseResult = {
    ok: true;
    manifest: ParsedManifest;
} | {
    ok: false;
    issues: ManifestIssue[];
};
/** Parses YAML or JSON text, keeping the source position of every key and value. */
export declare function parseManifestText(text: string, file: string): ParseResult;
