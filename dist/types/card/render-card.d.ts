import type { Artifact } from "../pipeline/artifacts.js";
import type { AuthoredManifest, ReleaseManifest } from "../manifest/types.generated.js";
/** One evaluation result, as the Hub's `model-index` records it. */
export interface EvaluationResult {
    task: {
        type: string;
        name?: string;
    };
    dataset: {
        type: string;
        name: string;
        config?: string;
        split?: string;
        revision?: string;
    };
    metrics: {
        type: string;
        value: number | string;
        name?: string;
        verified?: boolean;
    }[];
    source?: {
        url: string;
        name?: string;
    };
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
/**
 * Renders a model card (Markdown with YAML front matter) from a Jinja template, the manifest, the
 * artifacts and any evaluation and benchmark results, then checks the front matter as the Hub
 * would. Deterministic: the same input gives the same bytes; templates cannot read the clock.
 * Throws {@link CardInvalidError} (CARD_INVALID) listing every front-matter problem.
 */
export declare function renderCard(input: CardInput): RenderedCard;
