import { closest } from "../manifest/suggest.js";
import type { CardIssue } from "./card-issue.js";
import {
  HUB_LICENSES,
  LIBRARY_NAMES,
  PIPELINE_ALIASES,
  PIPELINE_TAGS,
  spdxLicense,
  spdxLicenseUrl,
} from "./hub-vocabulary.js";
import { HUB_LICENSE_IDS } from "./license-ids.js";
import { checkModelIndex } from "./validate-model-index.js";

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function didYouMean(guess: string | undefined, otherwise: string): string {
  return guess === undefined ? otherwise : `did you mean "${guess}"?`;
}

const LICENSE_NAME = /^[a-z0-9][a-z0-9.+-]*$/;

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.+]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function checkLicense(fm: Fields, issues: CardIssue[]): void {
  const license = fm.license;
  if (license === undefined) {
    issues.push({
      field: "license",
      message: "is missing",
      fix: "set the manifest's `license` to a Hub license id such as apache-2.0 or mit",
    });
  } else if (typeof license !== "string") {
    issues.push({ field: "license", message: "is not a string", fix: "give one license id" });
  } else if (!HUB_LICENSES.has(license)) {
    const spdx = spdxLicense(license);
    const lower = license.toLowerCase();
    let fix: string;
    if (HUB_LICENSES.has(lower)) fix = `the Hub spells it in lower case: "${lower}"`;
    else if (spdx !== undefined) {
      fix = `the Hub does not list SPDX's ${spdx}: write license: other, license_name: ${spdx.toLowerCase()}, license_link: ${spdxLicenseUrl(spdx)}`;
    } else {
      fix = didYouMean(
        closest(license, HUB_LICENSE_IDS),
        "use a Hub license id (https://hf.co/docs/hub/repositories-licenses) or an SPDX id, or `other` with a license name and link",
      );
    }
    issues.push({
      field: "license",
      message: `"${license}" is not a license id the Hub accepts`,
      fix,
    });
  }
  const custom = license === "other";
  for (const field of ["license_name", "license_link"] as const) {
    const value = fm[field];
    if (!custom) {
      if (value !== undefined) {
        issues.push({
          field,
          message: "is set, but license is not `other`",
          fix: `remove ${field}, or set license: other`,
        });
      }
    } else if (typeof value !== "string" || value.trim() === "") {
      issues.push({
        field,
        message: "is required with license: other",
        fix:
          field === "license_name"
            ? "name the license in the manifest's `licenseName`, e.g. my-license-1.0"
            : "give the manifest's `licenseLink`: a URL, or LICENSE.md for a file in the repository",
      });
    } else if (field === "license_name" && !LICENSE_NAME.test(value)) {
      issues.push({
        field,
        message: `"${value}" is not a license id (lower case, digits, '.', '-')`,
        fix: `write it as "${slug(value)}"`,
      });
    }
  }
}

function checkVocabulary(
  fm: Fields,
  field: "pipeline_tag" | "library_name",
  issues: CardIssue[],
): void {
  const value = fm[field];
  if (value === undefined) return;
  const known = field === "pipeline_tag" ? PIPELINE_TAGS : LIBRARY_NAMES;
  const what = field === "pipeline_tag" ? "a Hub pipeline tag" : "a library the Hub knows";
  if (typeof value !== "string") {
    issues.push({ field, message: "is not a string", fix: `give ${what}` });
    return;
  }
  if (known.includes(value)) return;
  const alias = field === "pipeline_tag" ? PIPELINE_ALIASES[value.toLowerCase()] : undefined;
  issues.push({
    field,
    message: `"${value}" is not ${what} (@huggingface/tasks)`,
    fix: didYouMean(
      alias ?? closest(value, known),
      `pick one of @huggingface/tasks' ${field === "pipeline_tag" ? "PIPELINE_TYPES" : "model libraries"}, e.g. ${known.slice(0, 3).join(", ")}`,
    ),
  });
}

function checkStrings(
  fm: Fields,
  field: string,
  issues: CardIssue[],
  pattern?: { test: RegExp; what: string },
): void {
  const value = fm[field];
  if (value === undefined) return;
  const single = field === "language" || field === "base_model";
  const list = typeof value === "string" && single ? [value] : value;
  if (!Array.isArray(list) || !list.every((item) => typeof item === "string" && item !== "")) {
    issues.push({
      field,
      message: single ? "is not a string or a list of strings" : "is not a list of strings",
      fix: `write it as a YAML list: ${field}: [a, b]`,
    });
    return;
  }
  if (!pattern) return;
  (list as string[]).forEach((item, index) => {
    if (pattern.test.test(item)) return;
    issues.push({
      field: Array.isArray(value) ? `${field}[${index}]` : field,
      message: `"${item}" is not ${pattern.what}`,
      fix:
        field === "language"
          ? "use ISO 639-1 or 639-3 codes such as en or fra"
          : "give the Hub model id as owner/name",
    });
  });
}

function checkRelation(fm: Fields, issues: CardIssue[]): void {
  const relation = fm.base_model_relation;
  if (relation === undefined) return;
  const allowed = ["adapter", "merge", "quantized", "finetune"];
  if (typeof relation !== "string" || !allowed.includes(relation)) {
    issues.push({
      field: "base_model_relation",
      message: `${JSON.stringify(relation)} is not one of ${allowed.join(", ")}`,
      fix: didYouMean(
        typeof relation === "string" ? closest(relation, allowed) : undefined,
        `use one of ${allowed.join(", ")}`,
      ),
    });
  }
  if (fm.base_model === undefined) {
    issues.push({
      field: "base_model_relation",
      message: "is set without base_model",
      fix: "add base_model: owner/name of the model this one derives from",
    });
  }
}

/**
 * Checks front matter the way the Hub would before anything is uploaded: license ids (the Hub's
 * list; `other` with name and link), `pipeline_tag` and `library_name` against
 * `@huggingface/tasks`, list fields, `base_model(_relation)` and `model-index`. Every problem is
 * returned, each naming its field and the closest valid value when there is one.
 */
export function validateFrontMatter(frontMatter: unknown): CardIssue[] {
  if (!isRecord(frontMatter)) {
    return [
      {
        field: "(front matter)",
        message: "is not a YAML mapping",
        fix: "start the card with ---, key: value lines, and ---",
      },
    ];
  }
  const issues: CardIssue[] = [];
  checkLicense(frontMatter, issues);
  checkVocabulary(frontMatter, "pipeline_tag", issues);
  checkVocabulary(frontMatter, "library_name", issues);
  for (const field of ["tags", "datasets", "metrics"]) checkStrings(frontMatter, field, issues);
  checkStrings(frontMatter, "language", issues, {
    test: /^(?:[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*|multilingual|code)$/,
    what: "a language code",
  });
  checkStrings(frontMatter, "base_model", issues, {
    test: /^[A-Za-z0-9][\w.-]*(?:\/[\w.-]+)?$/,
    what: "a Hub model id",
  });
  checkRelation(frontMatter, issues);
  checkModelIndex(frontMatter["model-index"], issues);
  return issues;
}
