import type { CardInput } from "./render-card.js";
import { type FrontMatter } from "./front-matter.js";
/**
 * The variables a card template sees: the Hugging Face `modelcard_template.md` ones (`card_data`,
 * `model_id`, `model_description`, …) so the Hub's own templates render, and richer ones for
 * the default template (tables as row lists, usage examples, verification). Pure and ordered.
 */
export declare function cardContext(input: CardInput, fm: FrontMatter): Record<string, unknown>;
