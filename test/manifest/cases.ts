import type { IssueKind } from "../../src/manifest/issue.js";

export interface Expected {
  kind: IssueKind;
  line: number;
  column?: number;
  pointer: string;
  /** Part of the fix a user should see. */
  fix?: RegExp;
}

export interface InvalidCase {
  name: string;
  file?: string;
  text: string;
  expect: Expected[];
}

/** A valid manifest's lines; cases edit copies of it so line numbers are easy to read. */
export const BASE = `id: tiny-llama
name: Tiny Llama
version: 1.0.0
type: text-generation
license: apache-2.0
sources:
  checkpoint: model.pt
`;

export const validCases: { name: string; file?: string; text: string }[] = [
  { name: "the minimal manifest", text: BASE },
  { name: "version from the tag", text: BASE.replace("1.0.0", "from-tag") },
  { name: "pre-release and build metadata", text: BASE.replace("1.0.0", "2.0.0-rc.1+build.7") },
  {
    name: "card metadata spelled as on the Hub",
    text: `${BASE}card:\n  tags: [llama]\n  language: en\n  library_name: transformers\n  pipeline_tag: text-generation\n  base_model: meta-llama/Llama-3.2-1B\n  base_model_relation: quantized\n`,
  },
  {
    name: "a custom license with name and link",
    text:
      BASE.replace("apache-2.0", "other") +
      "licenseName: acme-model-license\nlicenseLink: LICENSE.md\n",
  },
  {
    name: "every destination",
    text: `${BASE}destinations:\n  huggingface: { repo: org/model, private: true }\n  gcs: { bucket: my-models, prefix: models }\n  ipfs:\n    providers:\n      - { type: kubo, url: "http://127.0.0.1:5001" }\n      - { type: storacha }\n    gateways: ["https://ipfs.io"]\n`,
  },
  {
    name: "variants with budgets",
    text: `${BASE}size: 0.5b\nvariants:\n  - scheme: q4_k_m\n    budget: { minCosine: 0.99 }\n  - scheme: int4\n    groupSize: 128\n`,
  },
  {
    name: "JSON",
    file: "model.json",
    text: JSON.stringify(
      {
        id: "m",
        name: "M",
        version: "0.1.0",
        type: "embedding",
        license: "mit",
        sources: { onnx: "m.onnx" },
      },
      null,
      2,
    ),
  },
  {
    name: "signing from a file and bench settings",
    text: `${BASE}signing: { keyId: team, key: "file:keys/release.key" }\nbench:\n  provider: cpu\n  iterations: 30\n  metrics:\n    p99: { threshold: 0.1 }\n`,
  },
];

export const invalidCases: InvalidCase[] = [
  // missing required fields
  {
    name: "missing id",
    text: BASE.replace("id: tiny-llama\n", ""),
    expect: [{ kind: "required", line: 1, pointer: "/id", fix: /add `id: / }],
  },
  {
    name: "missing version",
    text: BASE.replace("version: 1.0.0\n", ""),
    expect: [{ kind: "required", line: 1, pointer: "/version" }],
  },
  {
    name: "missing nested required field",
    text: `${BASE}signing:\n  keyId: team\n`,
    expect: [
      {
        kind: "required",
        line: 8,
        column: 1,
        pointer: "/signing/key",
        fix: /env:MODEL_SIGNING_KEY/,
      },
    ],
  },
  {
    name: "custom license without its name and link",
    text: BASE.replace("apache-2.0", "other"),
    expect: [
      { kind: "required", line: 1, pointer: "/licenseName" },
      { kind: "required", line: 1, pointer: "/licenseLink" },
    ],
  },
  {
    name: "empty document",
    text: "# nothing yet\n",
    expect: [{ kind: "required", line: 1, pointer: "" }],
  },
  // wrong types
  {
    name: "version written as a YAML number",
    text: BASE.replace("1.0.0", "1.0"),
    expect: [{ kind: "type", line: 3, column: 10, pointer: "/version", fix: /quote/ }],
  },
  {
    name: "quoted integer",
    text: `${BASE}architecture:\n  type: transformer\n  layers: "24"\n`,
    expect: [
      {
        kind: "type",
        line: 10,
        column: 11,
        pointer: "/architecture/layers",
        fix: /without quotes/,
      },
    ],
  },
  {
    name: "string where a list belongs",
    text: `${BASE}card:\n  tags: llama\n`,
    expect: [{ kind: "type", line: 9, column: 9, pointer: "/card/tags", fix: /list/ }],
  },
  {
    name: "fractional integer",
    text: `${BASE}bench:\n  iterations: 12.5\n`,
    expect: [{ kind: "type", line: 9, pointer: "/bench/iterations", fix: /whole number/ }],
  },
  {
    name: "mapping where a string belongs",
    text: BASE.replace("name: Tiny Llama", "name:\n  en: Tiny Llama"),
    expect: [{ kind: "type", line: 3, column: 3, pointer: "/name" }],
  },
  {
    name: "boolean as text",
    text: `${BASE}destinations:\n  huggingface:\n    repo: org/model\n    private: "yes"\n`,
    expect: [{ kind: "type", line: 11, pointer: "/destinations/huggingface/private" }],
  },
  // bad enum values
  {
    name: "model type abbreviated",
    text: BASE.replace("type: text-generation", "type: text-gen"),
    expect: [
      { kind: "enum", line: 4, column: 7, pointer: "/type", fix: /did you mean "text-generation"/ },
    ],
  },
  {
    name: "quantization scheme in capitals",
    text: `${BASE}size: 1b\nvariants:\n  - scheme: Q4_K_M\n`,
    expect: [
      {
        kind: "enum",
        line: 10,
        column: 13,
        pointer: "/variants/0/scheme",
        fix: /did you mean "q4_k_m"/,
      },
    ],
  },
  {
    name: "unknown IPFS provider",
    text: `${BASE}destinations:\n  ipfs:\n    providers:\n      - type: pinata\n        url: https://api.pinata.cloud/psa\n`,
    expect: [
      {
        kind: "enum",
        line: 11,
        pointer: "/destinations/ipfs/providers/0/type",
        fix: /kubo, pinning-service, storacha/,
      },
    ],
  },
  {
    name: "bench provider misspelt",
    text: `${BASE}bench:\n  provider: cdua\n`,
    expect: [
      { kind: "enum", line: 9, column: 13, pointer: "/bench/provider", fix: /did you mean "cuda"/ },
    ],
  },
  // bad semver
  {
    name: "two-part version",
    text: BASE.replace("1.0.0", '"1.0"'),
    expect: [{ kind: "format", line: 3, column: 10, pointer: "/version", fix: /1\.0\.0/ }],
  },
  {
    name: "version with a v prefix",
    text: BASE.replace("1.0.0", "v1.0.0"),
    expect: [{ kind: "format", line: 3, pointer: "/version" }],
  },
  {
    name: "leading zero in version",
    text: BASE.replace("1.0.0", "1.01.0"),
    expect: [{ kind: "format", line: 3, pointer: "/version" }],
  },
  {
    name: "from tag misspelt",
    text: BASE.replace("1.0.0", "fromtag"),
    expect: [{ kind: "format", line: 3, pointer: "/version" }],
  },
  // unknown keys
  {
    name: "misspelt top-level key",
    text: `${BASE}licence: mit\n`,
    expect: [
      {
        kind: "unknown-key",
        line: 8,
        column: 1,
        pointer: "/licence",
        fix: /did you mean "license"/,
      },
    ],
  },
  {
    name: "misspelt nested key",
    text: `${BASE}architecture:\n  type: transformer\n  hidenSize: 64\n`,
    expect: [
      {
        kind: "unknown-key",
        line: 10,
        column: 3,
        pointer: "/architecture/hidenSize",
        fix: /"hiddenSize"/,
      },
    ],
  },
  {
    name: "Hub key in camel case",
    text: `${BASE}card:\n  pipelineTag: text-generation\n`,
    expect: [
      {
        kind: "unknown-key",
        line: 9,
        column: 3,
        pointer: "/card/pipelineTag",
        fix: /"pipeline_tag"/,
      },
    ],
  },
  {
    name: "a token pasted into the manifest",
    text: `${BASE}destinations:\n  huggingface:\n    repo: org/model\n    token: hf_abc\n`,
    expect: [
      {
        kind: "unknown-key",
        line: 11,
        column: 5,
        pointer: "/destinations/huggingface/token",
        fix: /remove "token"/,
      },
    ],
  },
  // other formats and ranges
  {
    name: "id with capitals and spaces",
    text: BASE.replace("id: tiny-llama", "id: Tiny Llama"),
    expect: [{ kind: "format", line: 1, column: 5, pointer: "/id" }],
  },
  {
    name: "private key pasted into signing",
    text: `${BASE}signing:\n  keyId: team\n  key: "MC4CAQAwBQYDK2VwBCIEIA"\n`,
    expect: [{ kind: "format", line: 10, column: 8, pointer: "/signing/key", fix: /env:/ }],
  },
  {
    name: "cosine budget above 1",
    text: `${BASE}variants:\n  - scheme: f16\n    budget: { minCosine: 1.5 }\n`,
    expect: [{ kind: "range", line: 10, pointer: "/variants/0/budget/minCosine", fix: /<= 1/ }],
  },
  {
    name: "homepage that is not a URL",
    text: `${BASE}homepage: github.com/org/model\n`,
    expect: [{ kind: "format", line: 8, column: 11, pointer: "/homepage" }],
  },
  {
    name: "repeated tag",
    text: `${BASE}card:\n  tags: [llama, llama]\n`,
    expect: [{ kind: "range", line: 9, pointer: "/card/tags", fix: /repeated/ }],
  },
  // bad YAML / JSON syntax
  {
    name: "tab indentation",
    text: `${BASE}card:\n\ttags: [llama]\n`,
    expect: [{ kind: "syntax", line: 9, pointer: "" }],
  },
  {
    name: "unclosed flow sequence",
    text: `${BASE}card:\n  tags: [llama, gguf\n`,
    expect: [{ kind: "syntax", line: 10, pointer: "" }],
  },
  {
    name: "duplicate key",
    text: `${BASE}license: mit\n`,
    expect: [{ kind: "syntax", line: 8, column: 1, pointer: "", fix: /repeated keys/ }],
  },
  {
    name: "JSON with a trailing comma",
    file: "model.json",
    text: '{\n  "id": "m",\n  "name": "M",\n}\n',
    expect: [{ kind: "syntax", line: 4, column: 1, pointer: "" }],
  },
  // rules across fields
  {
    name: "GGUF variant without a size",
    text: `${BASE}variants:\n  - scheme: q8_0\n`,
    expect: [{ kind: "rule", line: 9, pointer: "/variants/0/scheme", fix: /size: 0\.5b/ }],
  },
  {
    name: "ONNX variant without an ONNX source",
    text: `${BASE}variants:\n  - scheme: onnx-int8\n`,
    expect: [{ kind: "rule", line: 9, pointer: "/variants/0/scheme", fix: /sources\.onnx/ }],
  },
  {
    name: "the same variant twice",
    text: `${BASE}variants:\n  - scheme: f16\n  - scheme: f16\n`,
    expect: [{ kind: "rule", line: 10, pointer: "/variants/1" }],
  },
  {
    name: "both a checkpoint and safetensors",
    text: BASE.replace(
      "  checkpoint: model.pt\n",
      "  checkpoint: model.pt\n  safetensors: model.safetensors\n",
    ),
    expect: [
      { kind: "rule", line: 8, column: 16, pointer: "/sources/safetensors", fix: /keep one/ },
    ],
  },
  {
    name: "a weights variant with only an ONNX source",
    text: BASE.replace("checkpoint: model.pt", "onnx: model.onnx").concat(
      "variants:\n  - scheme: int8\n",
    ),
    expect: [{ kind: "rule", line: 9, pointer: "/variants/0/scheme", fix: /sources\.checkpoint/ }],
  },
  {
    name: "a base model relation without the base model",
    text: `${BASE}card:\n  base_model_relation: quantized\n`,
    expect: [
      {
        kind: "rule",
        line: 9,
        column: 24,
        pointer: "/card/base_model_relation",
        fix: /base_model/,
      },
    ],
  },
  {
    name: "Kubo provider without a URL",
    text: `${BASE}destinations:\n  ipfs:\n    providers:\n      - type: kubo\n`,
    expect: [{ kind: "rule", line: 11, pointer: "/destinations/ipfs/providers/0", fix: /5001/ }],
  },
  {
    name: "pinning service without a URL",
    text: `${BASE}destinations:\n  ipfs:\n    providers:\n      - type: pinning-service\n`,
    expect: [
      {
        kind: "rule",
        line: 11,
        pointer: "/destinations/ipfs/providers/0",
        fix: /Pinning Service API/,
      },
    ],
  },
];
