import { ModelPublishError } from "../errors.js";

/** The GGUF architectures this version maps from Hugging Face checkpoints. */
export type GgufArchitecture = "llama" | "qwen2";

const ARCHITECTURES = new Map<string, GgufArchitecture>([
  ["LlamaForCausalLM", "llama"],
  ["Qwen2ForCausalLM", "qwen2"],
]);
const MODEL_TYPES = new Map<string, GgufArchitecture>([
  ["llama", "llama"],
  ["qwen2", "qwen2"],
]);

/** RoPE scaling, as llama.cpp's converter carries it into GGUF metadata. */
export type RopeScaling =
  | { type: "linear"; factor: number }
  | { type: "yarn"; factor: number; originalContextLength: number };

/** What a llama-family `config.json` says, checked. */
export interface LlamaFamilyConfig {
  architecture: GgufArchitecture;
  /** The Hugging Face class name (`LlamaForCausalLM`) or model type it came from. */
  source: string;
  hiddenSize: number;
  layers: number;
  heads: number;
  kvHeads: number;
  intermediateSize: number;
  contextLength: number;
  ropeTheta: number;
  rmsNormEps: number;
  vocabSize: number;
  /** Per-head size: `head_dim` when given, else hidden / heads. */
  headDim: number;
  headDimExplicit: boolean;
  tieWordEmbeddings: boolean;
  ropeScaling: RopeScaling | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks a parsed `config.json` and reads the fields GGUF metadata needs. Another architecture is
 * INPUT_UNSUPPORTED naming it; a missing or wrong field is INPUT_MALFORMED naming the field.
 */
export function readModelConfig(json: unknown, where: string): LlamaFamilyConfig {
  if (!isRecord(json)) {
    throw new ModelPublishError("INPUT_MALFORMED", `${where}: config.json is not a JSON object`);
  }
  const declared = Array.isArray(json.architectures) ? json.architectures : [];
  const first: unknown = declared[0];
  const modelType = typeof json.model_type === "string" ? json.model_type : undefined;
  const name = typeof first === "string" ? first : (modelType ?? "(none declared)");
  const architecture =
    typeof first === "string"
      ? ARCHITECTURES.get(first)
      : modelType === undefined
        ? undefined
        : MODEL_TYPES.get(modelType);
  if (architecture === undefined) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `${where}: architecture ${name} is not supported for GGUF yet (supported: ${[...ARCHITECTURES.keys()].join(", ")})`,
    );
  }
  const int = (field: string, fallback?: number): number => {
    const value = json[field] ?? fallback;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${where}: "${field}" must be a positive integer, got ${JSON.stringify(value ?? null)}`,
      );
    }
    return value;
  };
  const num = (field: string, fallback: number): number => {
    const value = json[field] ?? fallback;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${where}: "${field}" must be a positive number, got ${JSON.stringify(value)}`,
      );
    }
    return value;
  };
  const hiddenSize = int("hidden_size");
  const heads = int("num_attention_heads");
  const kvHeads = int("num_key_value_heads", heads);
  const headDimExplicit = json.head_dim !== undefined && json.head_dim !== null;
  const headDim = headDimExplicit ? int("head_dim") : hiddenSize / heads;
  if (!Number.isInteger(headDim)) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${where}: hidden_size ${hiddenSize} is not a multiple of num_attention_heads ${heads}`,
    );
  }
  if (heads % kvHeads !== 0) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${where}: num_attention_heads ${heads} is not a multiple of num_key_value_heads ${kvHeads}`,
    );
  }
  return {
    architecture,
    source: name,
    hiddenSize,
    layers: int("num_hidden_layers"),
    heads,
    kvHeads,
    intermediateSize: int("intermediate_size"),
    contextLength: int("max_position_embeddings"),
    ropeTheta: num("rope_theta", 10000),
    rmsNormEps: num("rms_norm_eps", 1e-6),
    vocabSize: int("vocab_size"),
    headDim,
    headDimExplicit,
    tieWordEmbeddings: json.tie_word_embeddings === true,
    ropeScaling: readRopeScaling(json.rope_scaling, where),
  };
}

function readRopeScaling(value: unknown, where: string): RopeScaling | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${where}: "rope_scaling" must be an object or null`,
    );
  }
  const kind = value.rope_type ?? value.type;
  const factor = value.factor;
  if (typeof factor !== "number" || !(factor > 0)) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `${where}: "rope_scaling.factor" must be a positive number`,
    );
  }
  if (kind === "linear") return { type: "linear", factor };
  if (kind === "yarn") {
    const original = value.original_max_position_embeddings;
    if (typeof original !== "number" || !Number.isSafeInteger(original) || original <= 0) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${where}: yarn "rope_scaling.original_max_position_embeddings" must be a positive integer`,
      );
    }
    return { type: "yarn", factor, originalContextLength: original };
  }
  throw new ModelPublishError(
    "INPUT_UNSUPPORTED",
    `${where}: rope_scaling type ${JSON.stringify(kind)} is not supported for GGUF yet (supported: linear, yarn)`,
  );
}
