import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { ModelPublishError } from "../errors.js";
import type { ReleaseManifest } from "../manifest/types.generated.js";
import { validators } from "../manifest/validate.js";
import type { Artifact, ArtifactFormat, ArtifactRole } from "../pipeline/artifacts.js";
import { hashFiles } from "../sign/hash-files.js";
import { listReleaseFiles, MANIFEST_FILE } from "../sign/release-files.js";

/** Variant schemes as they end file names (`{id}-{size}-{quant}.{ext}`), longest first. */
const SCHEMES = [
  "onnx-int8",
  "onnx-int4",
  "onnx-fp16",
  "q4_k_m",
  "q8_0",
  "q4_0",
  "q4_k",
  "q6_k",
  "int8",
  "int4",
  "bf16",
  "f16",
];
/** Short suffixes of ONNX variant files (`model_int8.onnx`). */
const ONNX_SUFFIX: Record<string, string> = {
  int8: "onnx-int8",
  int4: "onnx-int4",
  fp16: "onnx-fp16",
};
const TOKENIZER =
  /^(tokenizer\.json|tokenizer_config\.json|tokenizer\.model|special_tokens_map\.json|added_tokens\.json|vocab\.(json|txt)|merges\.txt)$/;

function schemeOf(stem: string, onnx: boolean): string | undefined {
  const scheme = SCHEMES.find((s) => stem.endsWith(`-${s}`) || stem.endsWith(`_${s}`));
  if (scheme !== undefined) return onnx && ONNX_SUFFIX[scheme] ? ONNX_SUFFIX[scheme] : scheme;
  if (onnx) {
    const short = Object.keys(ONNX_SUFFIX).find(
      (s) => stem.endsWith(`_${s}`) || stem.endsWith(`-${s}`),
    );
    return short === undefined ? undefined : ONNX_SUFFIX[short];
  }
  return undefined;
}

/** What a release file is, from its path (the names `build` gives files). */
export function classifyReleaseFile(path: string): Pick<Artifact, "format" | "role" | "variant"> {
  const name = basename(path);
  const as = (format: ArtifactFormat, role: ArtifactRole, variant?: string) =>
    variant === undefined ? { format, role } : { format, role, variant };
  if (path === "README.md") return as("markdown", "card");
  if (name.endsWith(".safetensors.index.json")) return as("safetensors-index", "weights");
  if (TOKENIZER.test(name)) return as("json", "tokenizer");
  if (name === "config.json" || name === "generation_config.json") return as("json", "config");
  const data = /^(.*)\.onnx(?:_data|\.data)$/.exec(name);
  if (data) {
    const scheme = schemeOf(data[1] ?? "", true);
    return as("onnx-data", scheme === undefined ? "weights" : "variant", scheme);
  }
  const model = /^(.*)\.(safetensors|gguf|onnx)$/.exec(name);
  if (model) {
    const format = model[2] as "safetensors" | "gguf" | "onnx";
    const stem = model[1] ?? "";
    const scheme = /-\d{5}-of-\d{5}$/.test(stem) ? undefined : schemeOf(stem, format === "onnx");
    if (format === "gguf") return as("gguf", "variant", scheme ?? stem);
    return as(format, scheme === undefined ? "weights" : "variant", scheme);
  }
  if (name.endsWith(".json")) return as("json", "other");
  return as("other", "other");
}

async function releaseManifest(dir: string): Promise<ReleaseManifest | undefined> {
  try {
    const data: unknown = JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8"));
    return validators().release(data) ? (data as ReleaseManifest) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The artifacts of a built release folder, for its model card: every file with its size and
 * SHA-256, what it is, and the variant metrics and benchmarks that manifest.json records.
 */
export async function describeRelease(
  dir: string,
): Promise<{ artifacts: Artifact[]; benchmarks?: ReleaseManifest["benchmarks"] }> {
  const { files, problems } = await listReleaseFiles(dir);
  if (problems.length > 0) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${dir}: ${problems.map((p) => `${p.path} ${p.reason}`).join("; ")}; a release holds plain files only`,
    );
  }
  const digests = await hashFiles(dir, files);
  const manifest = await releaseManifest(dir);
  const metrics = new Map<string, Record<string, number>>();
  for (const variant of manifest?.optimization?.variants ?? []) {
    const figures = { ...variant.metrics };
    if (variant.compressionRatio !== undefined) figures.compressionRatio = variant.compressionRatio;
    for (const file of variant.files) metrics.set(file, figures);
  }
  const artifacts = digests.map((digest): Artifact => {
    const figures = metrics.get(digest.path);
    return {
      path: digest.path,
      file: join(dir, digest.path),
      size: digest.size,
      sha256: digest.sha256,
      ...classifyReleaseFile(digest.path),
      ...(figures && Object.keys(figures).length > 0 ? { metrics: figures } : {}),
    };
  });
  return manifest?.benchmarks === undefined
    ? { artifacts }
    : { artifacts, benchmarks: manifest.benchmarks };
}
