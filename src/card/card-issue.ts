import { ModelPublishError } from "../errors.js";

/** One problem with a card's front matter, located in the card and, when it came from there, the manifest. */
export interface CardIssue {
  /** Front-matter field, as a path: `license`, `model-index[0].results[0].task.type`. */
  field: string;
  message: string;
  fix: string;
  /** JSON pointer into the authored manifest when the value came from it. */
  pointer?: string;
}

/** `field: message — fix`, with the manifest pointer when there is one. */
export function formatCardIssue(issue: CardIssue): string {
  const from = issue.pointer === undefined ? "" : ` (manifest ${issue.pointer})`;
  return `front matter ${issue.field}${from}: ${issue.message}\n    fix: ${issue.fix}`;
}

/** A card the Hub would refuse; `issues` lists every problem (exit 1, CARD_INVALID). */
export class CardInvalidError extends ModelPublishError {
  readonly issues: readonly CardIssue[];

  constructor(where: string, issues: readonly CardIssue[]) {
    super(
      "CARD_INVALID",
      `${where}: the model card's front matter has ${issues.length} problem${issues.length === 1 ? "" : "s"}:\n${issues.map((issue) => `  ${formatCardIssue(issue)}`).join("\n")}`,
    );
    this.name = "CardInvalidError";
    this.issues = issues;
  }
}
