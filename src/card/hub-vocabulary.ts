import { ALL_MODEL_LIBRARY_KEYS, PIPELINE_TYPES } from "@huggingface/tasks";
import { HUB_LICENSE_IDS, SPDX_LICENSE_IDS } from "./license-ids.js";

/** `pipeline_tag` values the Hub knows (`@huggingface/tasks` PIPELINE_TYPES). */
export const PIPELINE_TAGS: readonly string[] = [...PIPELINE_TYPES];

/**
 * Format and framework names the Hub lists under "Libraries" and that model repositories use as
 * `library_name`, though `@huggingface/tasks` has no UI element for them.
 */
const FRAMEWORK_LIBRARIES = ["gguf", "jax", "onnx", "pytorch", "safetensors", "tensorflow"];

/** `library_name` values: `@huggingface/tasks` model libraries, plus the framework names above. */
export const LIBRARY_NAMES: readonly string[] = [
  ...new Set([...ALL_MODEL_LIBRARY_KEYS, ...FRAMEWORK_LIBRARIES]),
].sort();

/** Names people write for a task that the Hub spells otherwise; tried before "did you mean". */
export const PIPELINE_ALIASES: Readonly<Record<string, string>> = {
  "image-generation": "text-to-image",
  embedding: "feature-extraction",
  embeddings: "feature-extraction",
  "sentence-embedding": "sentence-similarity",
  "causal-lm": "text-generation",
  text2text: "text2text-generation",
  chat: "text-generation",
  "speech-recognition": "automatic-speech-recognition",
  asr: "automatic-speech-recognition",
  tts: "text-to-speech",
};

/** The Hub's license ids. */
export const HUB_LICENSES: ReadonlySet<string> = new Set(HUB_LICENSE_IDS);

const spdxByLowerCase = new Map(SPDX_LICENSE_IDS.map((id) => [id.toLowerCase(), id]));

/** The SPDX spelling of an id given in any case, or undefined if SPDX has no such id. */
export function spdxLicense(id: string): string | undefined {
  return spdxByLowerCase.get(id.toLowerCase());
}

/** Where SPDX publishes a license's text, for `license_link`. */
export function spdxLicenseUrl(spdxId: string): string {
  return `https://spdx.org/licenses/${spdxId}.html`;
}
