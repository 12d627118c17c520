import type { Artifact } from "../pipeline/artifacts.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import { compareUtf8 } from "../sign/merkle.js";
import type { CardInput } from "./render-card.js";
import { cell, formatBytes } from "./format.js";
import { frontMatterYaml, type FrontMatter } from "./front-matter.js";
import { hardwareNote, hardwareRows, kvCacheBytes } from "./hardware.js";
import {
  architectureRows,
  benchmarkRows,
  evaluationRows,
  markdownTable,
  qualityTable,
  requirementRows,
  type Row,
} from "./tables.js";
import { fetchAndVerify, usageExamples, type UsageFiles } from "./usage-snippets.js";

const GGUF_SCHEMES = new Set(["q8_0", "q4_0", "q4_k", "q4_k_m", "q6_k"]);

/** The files usage examples load: the release's, or those the manifest will produce. */
function usageFiles(manifest: AuthoredManifest, artifacts: readonly Artifact[]): UsageFiles {
  if (artifacts.length > 0) {
    const weights = artifacts.filter((a) => a.role === "weights");
    const index = weights.find((a) => a.format === "safetensors-index");
    return {
      safetensors: (index ?? weights.find((a) => a.format === "safetensors"))?.path,
      gguf: artifacts
        .filter((a) => a.format === "gguf")
        .map((a) => ({ path: a.path, quant: a.variant ?? "gguf" })),
      onnx: (weights.find((a) => a.format === "onnx") ?? artifacts.find((a) => a.format === "onnx"))
        ?.path,
      tokenizer: artifacts.some((a) => a.role === "tokenizer"),
    };
  }
  const { sources } = manifest;
  const size = manifest.size ?? "";
  return {
    safetensors:
      sources.checkpoint !== undefined || sources.safetensors !== undefined
        ? `${manifest.id}.safetensors`
        : undefined,
    gguf: (manifest.variants ?? [])
      .filter((v) => GGUF_SCHEMES.has(v.scheme))
      .map((v) => ({ path: `${manifest.id}-${size}-${v.scheme}.gguf`, quant: v.scheme })),
    onnx:
      sources.onnx !== undefined || sources.export !== undefined ? "onnx/model.onnx" : undefined,
    tokenizer: (sources.tokenizer ?? []).length > 0,
  };
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function detailRows(manifest: AuthoredManifest, version: string, license: string): Row[] {
  const rows: Row[] = [
    { label: "Model id", value: `\`${manifest.id}\`` },
    { label: "Version", value: cell(version) },
    { label: "Type", value: cell(manifest.type) },
  ];
  if (manifest.family) rows.push({ label: "Family", value: cell(manifest.family) });
  if (manifest.size) rows.push({ label: "Size", value: cell(manifest.size) });
  rows.push({ label: "License", value: cell(license) });
  const base = list(manifest.card?.base_model);
  if (base.length > 0) rows.push({ label: "Base model", value: cell(base.join(", ")) });
  if (manifest.card?.authors?.length) {
    rows.push({ label: "Authors", value: cell(manifest.card.authors.join(", ")) });
  }
  if (manifest.homepage) rows.push({ label: "Homepage", value: cell(manifest.homepage) });
  return rows;
}

function licenseText(fm: FrontMatter): string {
  const data = fm.data;
  const id = typeof data.license === "string" ? data.license : "";
  if (id !== "other") return id;
  const name = typeof data.license_name === "string" ? data.license_name : "a custom license";
  return typeof data.license_link === "string" ? `${name} (${data.license_link})` : name;
}

/**
 * The variables a card template sees: the Hugging Face `modelcard_template.md` ones (`card_data`,
 * `model_id`, `model_description`, …) so the Hub's own templates render, and richer ones for
 * the default template (tables as row lists, usage examples, verification). Pure and ordered.
 */
export function cardContext(input: CardInput, fm: FrontMatter): Record<string, unknown> {
  const { manifest } = input;
  const version = input.version ?? manifest.version;
  const artifacts = [...(input.artifacts ?? [])].sort((a, b) => compareUtf8(a.path, b.path));
  const kvCache =
    manifest.type === "text-generation" ? (kvCacheBytes(manifest.architecture) ?? 0) : 0;
  const hardware = hardwareRows(artifacts, kvCache).map((row) => ({
    ...row,
    files: row.files.map((f) => `\`${f}\``).join(", "),
    size: formatBytes(row.size),
    memory: formatBytes(row.memory),
  }));
  const files = artifacts
    .filter((a) => a.role !== "card")
    .map((a) => ({
      path: a.path,
      format: a.format,
      role: a.role,
      variant: a.variant ?? "",
      size: formatBytes(a.size),
      bytes: a.size,
      sha256: a.sha256 ?? "",
    }));
  const pipeline = typeof fm.data.pipeline_tag === "string" ? fm.data.pipeline_tag : undefined;
  const usage = usageExamples(manifest, usageFiles(manifest, artifacts), pipeline);
  const publicKey = manifest.signing?.publicKey;
  const architecture = architectureRows(manifest.architecture);
  const benchmarks = benchmarkRows(input.benchmarks);
  const evaluations = evaluationRows(input.evaluations);
  const license = licenseText(fm);
  const description = manifest.description?.trim() ?? "";
  const firstUsage = usage[0];
  return {
    // Hugging Face modelcard_template.md variables.
    card_data: frontMatterYaml(fm.data),
    model_id: manifest.name,
    model_summary: description.split(/\n\s*\n/)[0] ?? "",
    model_description: description,
    developers: (manifest.card?.authors ?? []).join(", "),
    model_card_authors: (manifest.card?.authors ?? []).join(", "),
    model_type: [manifest.family, manifest.architecture?.type].filter(Boolean).join(" / "),
    language: list(manifest.card?.language).join(", "),
    license,
    finetuned_from: list(manifest.card?.base_model).join(", "),
    base_model: list(manifest.card?.base_model).join(", "),
    repo: manifest.homepage ?? "",
    hardware: manifest.requirements?.gpu ?? "",
    model_specs: architecture.length
      ? markdownTable(
          ["Property", "Value"],
          architecture.map((r) => [r.label, r.value]),
        )
      : "",
    results: evaluations.length
      ? markdownTable(
          ["Task", "Dataset", "Metric", "Value"],
          evaluations.map((r) => [r.task, r.dataset, r.metric, r.value]),
        )
      : benchmarks.length
        ? markdownTable(
            ["Benchmark", "Value"],
            benchmarks.map((r) => [r.label, r.value]),
          )
        : "",
    citation_bibtex: manifest.citation ? `\`\`\`bibtex\n${manifest.citation.trim()}\n\`\`\`` : "",
    get_started_code: firstUsage ? `\`\`\`${firstUsage.language}\n${firstUsage.code}\n\`\`\`` : "",
    // The default template's variables.
    id: manifest.id,
    name: manifest.name,
    version,
    type: manifest.type,
    description,
    capabilities: manifest.capabilities ?? [],
    homepage: manifest.homepage ?? "",
    citation: manifest.citation?.trim() ?? "",
    license_id: typeof fm.data.license === "string" ? fm.data.license : "",
    license_link: typeof fm.data.license_link === "string" ? fm.data.license_link : "",
    hub_repo: manifest.destinations?.huggingface?.repo ?? "",
    details: detailRows(manifest, version, license),
    architecture,
    requirements: requirementRows(manifest.requirements),
    hardware_rows: hardware,
    hardware_note: hardwareNote(kvCache),
    files,
    quality: qualityTable(artifacts),
    usage,
    benchmarks,
    evaluations,
    key_id: manifest.signing?.keyId ?? "",
    public_key: publicKey ?? "",
    fetch_and_verify: fetchAndVerify(manifest, version, publicKey ?? "<publisher's public key>"),
    format_bytes: (bytes: unknown) => (typeof bytes === "number" ? formatBytes(bytes) : ""),
  };
}
