import { Template } from "@huggingface/jinja";
import { ModelPublishError } from "../errors.js";
import type { Artifact } from "../pipeline/artifacts.js";
import type { AuthoredManifest, ReleaseManifest } from "../manifest/types.generated.js";
import { CardInvalidError, type CardIssue } from "./card-issue.js";
import { cardContext } from "./card-context.js";
import { frontMatterOf, parseFrontMatter, splitFrontMatter } from "./front-matter.js";
import { validateFrontMatter } from "./validate-front-matter.js";

/** One evaluation result, as the Hub's `model-index` records it. */
export interface EvaluationResult {
  task: { type: string; name?: string };
  dataset: { type: string; name: string; config?: string; split?: string; revision?: string };
  metrics: { type: string; value: number | string; name?: string; verified?: boolean }[];
  source?: { url: string; name?: string };
}

/** A Jinja model-card template and where it came from (for messages). */
export interface CardTemplate {
  text: string;
  path: string;
}

/** Everything a model card is rendered from. Rendering is pure: no files, no clock. */
export interface CardInput {
  manifest: AuthoredManifest;
  /** The release version, when the manifest says `from-tag`. */
  version?: string;
  /** The release's files; without them the card describes the files the manifest plans. */
  artifacts?: readonly Artifact[];
  /** Evaluation results: the card's `model-index` and evaluation table. */
  evaluations?: readonly EvaluationResult[];
  /** Benchmark figures (the release manifest's `benchmarks`). */
  benchmarks?: ReleaseManifest["benchmarks"];
  /** The template: the manifest's or the default one (see `loadCardTemplate`). */
  template: CardTemplate;
}

/** A rendered card: the Markdown, and its front matter as data. */
export interface RenderedCard {
  markdown: string;
  frontMatter: Record<string, unknown>;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Attaches the manifest pointer to issues about values that came from the manifest unchanged. */
function locate(
  issues: CardIssue[],
  rendered: Record<string, unknown>,
  generated: ReturnType<typeof frontMatterOf>,
): CardIssue[] {
  return issues.map((issue) => {
    const key = /^[^.[]+/.exec(issue.field)?.[0] ?? issue.field;
    const pointer = generated.pointers[key];
    return pointer !== undefined && sameValue(rendered[key], generated.data[key])
      ? { ...issue, pointer }
      : issue;
  });
}

function render(template: CardInput["template"], context: Record<string, unknown>): string {
  // A card must not depend on when it was rendered; the one clock Jinja offers stays shut.
  if (/\bstrftime_now\b/.test(template.text)) {
    throw new ModelPublishError(
      "CARD_INVALID",
      `${template.path}: the template calls strftime_now, which reads the clock; cards are rendered reproducibly, so use {{ version }} or a date written in the manifest`,
    );
  }
  let compiled: Template;
  try {
    compiled = new Template(template.text);
  } catch (error) {
    throw new ModelPublishError(
      "CARD_INVALID",
      `${template.path}: the template does not parse: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return compiled.render(context);
  } catch (error) {
    throw new ModelPublishError(
      "CARD_INVALID",
      `${template.path}: rendering failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Renders a model card (Markdown with YAML front matter) from a Jinja template, the manifest, the
 * artifacts and any evaluation and benchmark results, then checks the front matter as the Hub
 * would. Deterministic: the same input gives the same bytes; templates cannot read the clock.
 * Throws {@link CardInvalidError} (CARD_INVALID) listing every front-matter problem.
 */
export function renderCard(input: CardInput): RenderedCard {
  const generated = frontMatterOf(input.manifest, input.artifacts, input.evaluations);
  const markdown = `${render(input.template, cardContext(input, generated)).trimEnd()}\n`;
  const split = splitFrontMatter(markdown);
  if (!split) {
    throw new CardInvalidError(input.template.path, [
      {
        field: "(front matter)",
        message: "the card has none",
        fix: "start the template with ---, {{ card_data }} and --- lines",
      },
    ]);
  }
  let frontMatter: unknown;
  try {
    frontMatter = parseFrontMatter(split.yaml);
  } catch (error) {
    throw new CardInvalidError(input.template.path, [
      {
        field: "(front matter)",
        message: `is not valid YAML: ${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}`,
        fix: "check the template's front matter lines",
      },
    ]);
  }
  const issues = validateFrontMatter(frontMatter);
  const data = (frontMatter ?? {}) as Record<string, unknown>;
  if (issues.length > 0) {
    throw new CardInvalidError(input.template.path, locate(issues, data, generated));
  }
  return { markdown, frontMatter: data };
}
