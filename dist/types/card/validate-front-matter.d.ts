import type { CardIssue } from "./card-issue.js";
/**
 * Checks front matter the way the Hub would before anything is uploaded: license ids (the Hub's
 * list; `other` with name and link), `pipeline_tag` and `library_name` against
 * `@huggingface/tasks`, list fields, `base_model(_relation)` and `model-index`. Every problem is
 * returned, each naming its field and the closest valid value when there is one.
 */
export declare function validateFrontMatter(frontMatter: unknown): CardIssue[];
