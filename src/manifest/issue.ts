/** What kind of mistake an issue reports; tests and tools branch on it. */
export type IssueKind =
  "syntax" | "required" | "type" | "enum" | "unknown-key" | "format" | "range" | "rule";

/** One problem in an authored manifest, located precisely enough for an editor or an annotation. */
export interface ManifestIssue {
  kind: IssueKind;
  /** The manifest file as the user named it. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** JSON pointer (RFC 6901) of the offending value; `""` is the whole document. */
  pointer: string;
  /** What is wrong. */
  message: string;
  /** What the schema expects at this place, when that helps. */
  expected?: string;
  /** How to fix it. */
  fix: string;
}

/** `file:line:column: message (at pointer) — fix`, the form compilers use so editors can jump to it. */
export function formatIssue(issue: ManifestIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const pointer = issue.pointer === "" ? "(document)" : issue.pointer;
  const expected = issue.expected ? `\n    expected: ${issue.expected}` : "";
  return `${where}: ${issue.message} at ${pointer}${expected}\n    fix: ${issue.fix}`;
}

/** Issues in reading order. */
export function sortIssues(issues: ManifestIssue[]): ManifestIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}
