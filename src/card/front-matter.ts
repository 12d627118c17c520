import { parse, stringify } from "yaml";
import type { Artifact } from "../pipeline/artifacts.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { EvaluationResult } from "./render-card.js";
import { HUB_LICENSES, spdxLicense, spdxLicenseUrl } from "./hub-vocabulary.js";

/** Schemes that make a quantized (lower-precision integer) variant, not just a cast. */
const QUANTIZED = /^(int[48]|q\d|onnx-int[48])/;

/** Whether the release has quantized variants (of its own weights). */
export function hasQuantizedVariants(
  manifest: AuthoredManifest,
  artifacts: readonly Artifact[] | undefined,
): boolean {
  if (artifacts && artifacts.length > 0) {
    return artifacts.some((a) => a.role === "variant" && QUANTIZED.test(a.variant ?? ""));
  }
  return (manifest.variants ?? []).some((variant) => QUANTIZED.test(variant.scheme));
}

/** The task a manifest `type` implies when the card names no `pipeline_tag`. */
const DEFAULT_PIPELINE: Partial<Record<AuthoredManifest["type"], string>> = {
  "text-generation": "text-generation",
  embedding: "feature-extraction",
  "image-classification": "image-classification",
};

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Top-level key → JSON pointer of the manifest value it came from. */
  pointers: Record<string, string>;
}

function license(manifest: AuthoredManifest, fm: FrontMatter): void {
  const id = manifest.license;
  const set = (key: string, value: string, pointer: string): void => {
    fm.data[key] = value;
    fm.pointers[key] = pointer;
  };
  const spdx = spdxLicense(id);
  if (HUB_LICENSES.has(id) || HUB_LICENSES.has(id.toLowerCase())) {
    set("license", HUB_LICENSES.has(id) ? id : id.toLowerCase(), "/license");
  } else if (spdx !== undefined) {
    // The Hub lists only its own ids; an SPDX license goes in as `other`, named and linked.
    set("license", "other", "/license");
    set(
      "license_name",
      manifest.licenseName ?? spdx.toLowerCase(),
      manifest.licenseName ? "/licenseName" : "/license",
    );
    set(
      "license_link",
      manifest.licenseLink ?? spdxLicenseUrl(spdx),
      manifest.licenseLink ? "/licenseLink" : "/license",
    );
    return;
  } else {
    set("license", id, "/license");
  }
  if (manifest.licenseName !== undefined) set("license_name", manifest.licenseName, "/licenseName");
  if (manifest.licenseLink !== undefined) set("license_link", manifest.licenseLink, "/licenseLink");
}

function modelIndex(name: string, evaluations: readonly EvaluationResult[]): unknown[] {
  return [
    {
      name,
      results: evaluations.map((e) => ({
        task: { type: e.task.type, ...(e.task.name ? { name: e.task.name } : {}) },
        dataset: { ...e.dataset },
        metrics: e.metrics.map((m) => ({ ...m })),
        ...(e.source ? { source: { ...e.source } } : {}),
      })),
    },
  ];
}

/**
 * The card's YAML front matter as data, in a fixed key order, from the manifest (keys spelled as
 * the Hub spells them), the artifacts (`base_model_relation: quantized`) and evaluation results
 * (`model-index`).
 */
export function frontMatterOf(
  manifest: AuthoredManifest,
  artifacts?: readonly Artifact[],
  evaluations?: readonly EvaluationResult[],
): FrontMatter {
  const fm: FrontMatter = { data: {}, pointers: {} };
  const card = manifest.card ?? {};
  license(manifest, fm);
  const copy = (key: keyof typeof card, value: unknown = card[key]): void => {
    if (value === undefined) return;
    fm.data[key] = value;
    fm.pointers[key] = `/card/${key}`;
  };
  copy("library_name");
  const pipeline = card.pipeline_tag ?? DEFAULT_PIPELINE[manifest.type];
  if (pipeline !== undefined) {
    fm.data.pipeline_tag = pipeline;
    fm.pointers.pipeline_tag = card.pipeline_tag === undefined ? "/type" : "/card/pipeline_tag";
  }
  copy("base_model");
  const relation =
    card.base_model_relation ??
    (card.base_model !== undefined && hasQuantizedVariants(manifest, artifacts)
      ? "quantized"
      : undefined);
  if (relation !== undefined) {
    fm.data.base_model_relation = relation;
    fm.pointers.base_model_relation = card.base_model_relation
      ? "/card/base_model_relation"
      : "/variants";
  }
  copy("language");
  copy("tags");
  copy("datasets");
  copy("metrics");
  if (evaluations && evaluations.length > 0) {
    fm.data["model-index"] = modelIndex(manifest.id, evaluations);
  }
  return fm;
}

/** YAML text of front matter (no `---` lines), with no line folding so values stay greppable. */
export function frontMatterYaml(data: Record<string, unknown>): string {
  return stringify(data, { lineWidth: 0, minContentWidth: 0 }).trimEnd();
}

/** Splits a card into its front matter (YAML text) and body, or undefined when it has none. */
export function splitFrontMatter(markdown: string): { yaml: string; body: string } | undefined {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown);
  if (!match) return undefined;
  return { yaml: match[1] ?? "", body: markdown.slice(match[0].length) };
}

/** Parses front matter YAML; throws the YAML library's error on bad YAML. */
export function parseFrontMatter(yaml: string): unknown {
  return parse(yaml, { uniqueKeys: true }) as unknown;
}
