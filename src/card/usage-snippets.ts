import type { AuthoredManifest } from "../manifest/types.generated.js";

/** One usage example of the card: a heading, the code block's language, the code. */
export interface UsageExample {
  title: string;
  language: string;
  code: string;
}

/** The release files that usage examples load. */
export interface UsageFiles {
  /** The safetensors weights (the index file when sharded). */
  safetensors?: string;
  /** GGUF variants: path and quant name (`q4_k_m`). */
  gguf: { path: string; quant: string }[];
  /** The ONNX model. */
  onnx?: string;
  /** Whether the release ships a tokenizer. */
  tokenizer: boolean;
}

const AUTO_CLASS: Record<string, string> = {
  "text-generation": "AutoModelForCausalLM",
  "image-classification": "AutoModelForImageClassification",
  "text-classification": "AutoModelForSequenceClassification",
  "fill-mask": "AutoModelForMaskedLM",
};

function transformers(repo: string, pipeline: string | undefined, tokenizer: boolean): string {
  const auto = AUTO_CLASS[pipeline ?? ""] ?? "AutoModel";
  const lines = [
    `from transformers import ${auto}${tokenizer ? ", AutoTokenizer" : ""}`,
    "",
    `model = ${auto}.from_pretrained("${repo}")`,
  ];
  if (tokenizer && pipeline === "text-generation") {
    lines.push(
      `tokenizer = AutoTokenizer.from_pretrained("${repo}")`,
      'inputs = tokenizer("Once upon a time", return_tensors="pt")',
      "print(tokenizer.decode(model.generate(**inputs, max_new_tokens=32)[0]))",
    );
  } else {
    lines.push("print(model.config)");
  }
  return lines.join("\n");
}

/** A Python script: its imports, a blank line, then the code that fetches `path` and uses it. */
function python(repo: string | undefined, path: string, imports: string[], code: string[]): string {
  const fetch =
    repo === undefined ? `path = "${path}"` : `path = hf_hub_download("${repo}", "${path}")`;
  const all =
    repo === undefined ? imports : ["from huggingface_hub import hf_hub_download", ...imports];
  return [...all, "", fetch, ...code].join("\n");
}

/**
 * Usage examples for each format the release has: Python and JavaScript loaders, the Hub CLI,
 * llama.cpp for GGUF, onnxruntime for ONNX. With no Hub repository they load local files.
 */
export function usageExamples(
  manifest: AuthoredManifest,
  files: UsageFiles,
  pipeline: string | undefined,
): UsageExample[] {
  const repo = manifest.destinations?.huggingface?.repo;
  const examples: UsageExample[] = [];
  if (files.safetensors !== undefined) {
    if (manifest.card?.library_name === "transformers" && repo !== undefined) {
      examples.push({
        title: "Python (Transformers)",
        language: "python",
        code: transformers(repo, pipeline, files.tokenizer),
      });
    }
    const weights = files.safetensors.endsWith(".index.json") ? undefined : files.safetensors;
    if (weights !== undefined) {
      examples.push({
        title: "Python (safetensors)",
        language: "python",
        code: python(
          repo,
          weights,
          ["from safetensors.torch import load_file"],
          [
            "state_dict = load_file(path)",
            "print({name: tuple(t.shape) for name, t in state_dict.items()})",
          ],
        ),
      });
    }
  }
  const gguf = files.gguf[0];
  if (gguf !== undefined) {
    const quant = gguf.quant.toUpperCase();
    examples.push({
      title: "llama.cpp",
      language: "sh",
      code: [
        `llama-cli -m ${gguf.path} -p "Once upon a time" -n 64`,
        ...(repo === undefined
          ? []
          : [
              "# or straight from the Hub",
              `llama-cli -hf ${repo}:${quant} -p "Once upon a time" -n 64`,
            ]),
      ].join("\n"),
    });
    examples.push({
      title: "Python (llama-cpp-python)",
      language: "python",
      code: [
        "from llama_cpp import Llama",
        "",
        repo === undefined
          ? `llm = Llama(model_path="${gguf.path}")`
          : `llm = Llama.from_pretrained(repo_id="${repo}", filename="${gguf.path}")`,
        'print(llm("Once upon a time", max_tokens=64)["choices"][0]["text"])',
      ].join("\n"),
    });
  }
  if (files.onnx !== undefined) {
    examples.push({
      title: "Python (onnxruntime)",
      language: "python",
      code: python(
        repo,
        files.onnx,
        ["import onnxruntime as ort"],
        [
          'session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])',
          "print([(i.name, i.shape, i.type) for i in session.get_inputs()])",
        ],
      ),
    });
    examples.push({
      title: "JavaScript (onnxruntime-node)",
      language: "js",
      code: [
        'import * as ort from "onnxruntime-node";',
        ...(repo === undefined
          ? [`const path = "${files.onnx}";`]
          : [
              'import { downloadFileToCacheDir } from "@huggingface/hub";',
              "",
              `const path = await downloadFileToCacheDir({ repo: "${repo}", path: "${files.onnx}" });`,
            ]),
        "const session = await ort.InferenceSession.create(path);",
        "console.log(session.inputNames, session.outputNames);",
      ].join("\n"),
    });
  }
  return examples;
}

/** Shell lines that fetch the release and verify it before use. */
export function fetchAndVerify(
  manifest: AuthoredManifest,
  version: string,
  publicKey: string,
): string {
  const repo = manifest.destinations?.huggingface?.repo;
  const gcs = manifest.destinations?.gcs;
  const lines: string[] = [];
  if (repo !== undefined) {
    lines.push(`huggingface-cli download ${repo} --local-dir ${manifest.id}`);
  } else if (gcs !== undefined) {
    const prefix = gcs.prefix ? `${gcs.prefix}/` : "";
    lines.push(
      `mkdir -p ${manifest.id}`,
      `gcloud storage cp --recursive "gs://${gcs.bucket}/${prefix}${manifest.id}/v${version}/*" ${manifest.id}/`,
    );
  }
  lines.push(`model-publish verify ${manifest.id} --public-key ${publicKey}`);
  return lines.join("\n");
}
