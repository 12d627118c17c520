// src/errors.ts
var ExitCode = {
  ok: 0,
  /** A check failed: invalid manifest, verification mismatch, error budget exceeded, regression. */
  checkFailed: 1,
  /** Bad input or usage: unreadable, malformed or hostile file, unknown flag. */
  badInput: 2,
  /** A remote service failed after retries. */
  remoteFailed: 3
};
var exitCodeOf = {
  MANIFEST_INVALID: ExitCode.checkFailed,
  MANIFEST_UNREADABLE: ExitCode.badInput,
  USAGE: ExitCode.badInput,
  INPUT_MALFORMED: ExitCode.badInput,
  INPUT_UNSUPPORTED: ExitCode.badInput,
  KEY_INVALID: ExitCode.badInput,
  OUTPUT_MISMATCH: ExitCode.checkFailed,
  CARD_INVALID: ExitCode.checkFailed,
  VERIFY_FAILED: ExitCode.checkFailed,
  BUDGET_EXCEEDED: ExitCode.checkFailed,
  REGRESSION: ExitCode.checkFailed,
  REMOTE_FAILED: ExitCode.remoteFailed
};
var ModelPublishError = class extends Error {
  code;
  constructor(code, message, options) {
    super(message, options);
    this.name = "ModelPublishError";
    this.code = code;
  }
  get exitCode() {
    return exitCodeOf[this.code];
  }
};
function exitCodeFor(error) {
  return error instanceof ModelPublishError ? error.exitCode : ExitCode.badInput;
}

// src/manifest/issue.ts
function formatIssue(issue) {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const pointer = issue.pointer === "" ? "(document)" : issue.pointer;
  const expected = issue.expected ? `
    expected: ${issue.expected}` : "";
  return `${where}: ${issue.message} at ${pointer}${expected}
    fix: ${issue.fix}`;
}
function sortIssues(issues) {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}

// src/pipeline/mode.ts
var MODES = ["release", "check", "dry-run"];
function deriveMode(context, requested = "auto") {
  const tag = context.ref?.startsWith("refs/tags/") ? context.ref.slice("refs/tags/".length) : void 0;
  const withTag = tag === void 0 ? {} : { tag };
  if (requested !== "auto")
    return { mode: requested, reason: `mode set to ${requested}`, ...withTag };
  const event = context.eventName ?? "";
  if (tag !== void 0 && event === "push") {
    return { mode: "release", reason: `tag ${tag} was pushed`, tag };
  }
  if (event === "pull_request" || event === "pull_request_target" || event === "merge_group") {
    return { mode: "check", reason: `${event} event` };
  }
  return {
    mode: "dry-run",
    reason: event ? `${event} event is neither a tag push nor a pull request` : "not running for a GitHub event",
    ...withTag
  };
}

// src/manifest/parse.ts
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";

// src/manifest/pointer.ts
function escapeSegment(segment) {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}
function joinPointer(parent, segment) {
  return `${parent}/${escapeSegment(segment)}`;
}
function parentPointer(pointer) {
  const cut = pointer.lastIndexOf("/");
  return cut <= 0 ? "" : pointer.slice(0, cut);
}
function valueAt(data, pointer) {
  if (pointer === "") return data;
  let current = data;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (current === null || typeof current !== "object") return void 0;
    current = current[segment];
  }
  return current;
}

// src/manifest/parse.ts
var START = { line: 1, column: 1 };
function parseManifestText(text, file) {
  const format = /\.json$/i.test(file) ? "json" : "yaml";
  if (format === "json") {
    const jsonIssue = checkStrictJson(text, file);
    if (jsonIssue) return { ok: false, issues: [jsonIssue] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
        return {
          kind: "syntax",
          file,
          line: pos.line,
          column: pos.col,
          pointer: "",
          message: firstLine(error.message).replace(/ at line \d+, column \d+:?$/, ""),
          fix: syntaxFix(error.code)
        };
      })
    };
  }
  const positions = /* @__PURE__ */ new Map();
  const toPosition = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let data;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          kind: "syntax",
          file,
          line: 1,
          column: 1,
          pointer: "",
          message: `cannot expand the document: ${error instanceof Error ? error.message : String(error)}`,
          fix: "write the values out instead of nesting YAML aliases (*name) many levels deep"
        }
      ]
    };
  }
  if (doc.contents) record(doc.contents, "", void 0, text, toPosition, positions);
  const manifest = {
    file,
    format,
    data,
    locate(pointer, part = "value") {
      for (let p = pointer; ; p = parentPointer(p)) {
        const found = positions.get(p);
        if (found) return (part === "key" ? found.key : void 0) ?? found.value;
        if (p === "") return START;
      }
    },
    rawText: (pointer) => positions.get(pointer)?.raw
  };
  return { ok: true, manifest };
}
function record(node, pointer, key, text, toPosition, into) {
  const empty = !node.range || node.range[0] === node.range[1];
  const start = node.range && !empty ? toPosition(node.range[0]) : key ?? START;
  const raw = isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : void 0;
  into.set(pointer, { key, value: start, raw });
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key;
      const name = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const keyPos = keyNode?.range ? toPosition(keyNode.range[0]) : start;
      const child = joinPointer(pointer, name);
      const value = pair.value;
      if (value) record(value, child, keyPos, text, toPosition, into);
      else into.set(child, { key: keyPos, value: keyPos });
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      if (item)
        record(item, joinPointer(pointer, index), void 0, text, toPosition, into);
    });
  }
}
function checkStrictJson(text, file) {
  try {
    JSON.parse(text);
    return void 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    const before = text.slice(0, offset).split("\n");
    return {
      kind: "syntax",
      file,
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1,
      pointer: "",
      message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, "").replace(/ \(line \d+ column \d+\)$/, "")}`,
      fix: "check the brackets, commas and quotes around this place (JSON allows no trailing commas or comments), or write the manifest in YAML"
    };
  }
}
function firstLine(message) {
  return message.split("\n")[0] ?? message;
}
function syntaxFix(code) {
  switch (code) {
    case "DUPLICATE_KEY":
      return "remove or rename one of the repeated keys";
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN":
      return "check the indentation and punctuation on this line (YAML indents with spaces, not tabs)";
    case "TAB_AS_INDENT":
      return "indent with spaces; YAML does not allow tabs for indentation";
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return "put a space after the colon of `key: value` and quote values that contain `: `";
    default:
      return "fix the YAML syntax at this place; quote values that contain `:`, `#`, `{` or `[`";
  }
}

// src/manifest/schemas.generated.ts
var authoredManifestSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://model-publish.dev/schemas/authored-manifest.schema.json",
  "title": "AuthoredManifest",
  "description": "The manifest a user writes (YAML or JSON) to describe a model release: identity, card metadata, sources, variants, destinations, signing and benchmarks.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "id",
    "name",
    "version",
    "type",
    "license",
    "sources"
  ],
  "properties": {
    "$schema": {
      "type": "string",
      "description": "Optional schema reference for editors."
    },
    "id": {
      "type": "string",
      "description": "Model id: lower-case letters, digits, '.', '_' and '-'; starts with a letter or digit. Used in file names ({id}-{size}-{quant}.{ext}) and storage paths.",
      "pattern": "^[a-z0-9][a-z0-9._-]{0,95}$",
      "examples": [
        "ruvltra-0.5b"
      ]
    },
    "name": {
      "type": "string",
      "minLength": 1,
      "description": "Human-readable model name.",
      "examples": [
        "RuvLTRA 0.5B"
      ]
    },
    "version": {
      "type": "string",
      "description": "Release version: a semantic version MAJOR.MINOR.PATCH (pre-release and build parts allowed), or `from-tag` to take it from the pushed tag (v1.2.3 → 1.2.3).",
      "pattern": "^(from-tag|(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-((0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(\\+([0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*))?)$",
      "examples": [
        "1.0.0",
        "from-tag"
      ]
    },
    "type": {
      "type": "string",
      "description": "What the model does (seed 003 §2).",
      "enum": [
        "text-generation",
        "embedding",
        "vision",
        "image-generation",
        "image-classification",
        "audio",
        "other"
      ],
      "examples": [
        "text-generation"
      ]
    },
    "family": {
      "type": "string",
      "description": "Model family, e.g. `llama`, `qwen2`, `phi`.",
      "examples": [
        "qwen2"
      ]
    },
    "size": {
      "type": "string",
      "description": "Size label used in artifact file names ({id}-{size}-{quant}.gguf), e.g. `0.5b`.",
      "pattern": "^[0-9]+(\\.[0-9]+)?[kmbt]$",
      "examples": [
        "0.5b"
      ]
    },
    "description": {
      "type": "string",
      "description": "One or more paragraphs for the model card's description section."
    },
    "capabilities": {
      "type": "array",
      "description": "What the model is good at, one line each (model card).",
      "items": {
        "type": "string"
      }
    },
    "architecture": {
      "$ref": "#/$defs/architecture"
    },
    "license": {
      "type": "string",
      "description": "License id as the Hugging Face Hub knows it (SPDX-like, lower-case: `apache-2.0`, `mit`, `llama3.1`), or `other` with `licenseName` and `licenseLink`.",
      "minLength": 1,
      "examples": [
        "apache-2.0"
      ]
    },
    "licenseName": {
      "type": "string",
      "description": "Name of a custom license (with `license: other`)."
    },
    "licenseLink": {
      "type": "string",
      "format": "uri-reference",
      "description": "Link to a custom license (with `license: other`): a URL or a file in the repository, e.g. `LICENSE.md`."
    },
    "homepage": {
      "type": "string",
      "format": "uri",
      "examples": [
        "https://github.com/org/model"
      ]
    },
    "citation": {
      "type": "string",
      "description": "BibTeX entry for the model card's citation section."
    },
    "requirements": {
      "$ref": "#/$defs/requirements"
    },
    "adapters": {
      "$ref": "#/$defs/adapters"
    },
    "card": {
      "$ref": "#/$defs/card"
    },
    "sources": {
      "$ref": "#/$defs/sources"
    },
    "convert": {
      "$ref": "#/$defs/convert"
    },
    "variants": {
      "type": "array",
      "description": "Quantized or converted variants to build; each is checked against its error budget.",
      "items": {
        "$ref": "#/$defs/variant"
      }
    },
    "destinations": {
      "$ref": "#/$defs/destinations"
    },
    "signing": {
      "$ref": "#/$defs/signing"
    },
    "bench": {
      "$ref": "#/$defs/bench"
    }
  },
  "if": {
    "properties": {
      "license": {
        "const": "other"
      }
    },
    "required": [
      "license"
    ]
  },
  "then": {
    "required": [
      "licenseName",
      "licenseLink"
    ]
  },
  "$defs": {
    "path": {
      "type": "string",
      "description": "A file path; a relative one starts from the manifest's folder.",
      "minLength": 1
    },
    "architecture": {
      "type": "object",
      "description": "Architecture facts for the card's table and the release manifest (seed 003 §4.4).",
      "additionalProperties": false,
      "required": [
        "type"
      ],
      "properties": {
        "type": {
          "type": "string",
          "description": "e.g. `transformer`, `cnn`, `diffusion-transformer`.",
          "examples": [
            "transformer"
          ]
        },
        "name": {
          "type": "string",
          "description": "Architecture class as in config.json, e.g. `Qwen2ForCausalLM`."
        },
        "parameters": {
          "type": "integer",
          "minimum": 1,
          "description": "Parameter count."
        },
        "layers": {
          "type": "integer",
          "minimum": 1
        },
        "hiddenSize": {
          "type": "integer",
          "minimum": 1
        },
        "intermediateSize": {
          "type": "integer",
          "minimum": 1
        },
        "attentionHeads": {
          "type": "integer",
          "minimum": 1
        },
        "kvHeads": {
          "type": "integer",
          "minimum": 1
        },
        "vocabSize": {
          "type": "integer",
          "minimum": 1
        },
        "contextLength": {
          "type": "integer",
          "minimum": 1
        },
        "patchSize": {
          "type": "integer",
          "minimum": 1
        },
        "imageSize": {
          "type": "integer",
          "minimum": 1
        }
      }
    },
    "requirements": {
      "type": "object",
      "description": "Runtime requirements (seed 003 §4.4).",
      "additionalProperties": false,
      "properties": {
        "minMemory": {
          "type": "integer",
          "minimum": 0,
          "description": "Bytes of memory needed to run the smallest variant."
        },
        "simdRequired": {
          "type": "boolean"
        },
        "webgpuOptional": {
          "type": "boolean"
        },
        "gpu": {
          "type": "string",
          "description": "Recommended GPU, e.g. `NVIDIA T4 (16 GB)`."
        },
        "browserSupport": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "examples": [
            [
              "chrome-88",
              "firefox-89"
            ]
          ]
        }
      }
    },
    "adapters": {
      "type": "object",
      "description": "LoRA adapter slots (seed 003 §5).",
      "additionalProperties": false,
      "properties": {
        "baseRank": {
          "type": "integer",
          "minimum": 1,
          "maximum": 256
        },
        "microRank": {
          "type": "integer",
          "minimum": 1,
          "maximum": 64
        },
        "slots": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "uniqueItems": true
        }
      }
    },
    "stringOrList": {
      "type": [
        "string",
        "array"
      ],
      "description": "A string or a list of strings.",
      "items": {
        "type": "string"
      }
    },
    "card": {
      "type": "object",
      "description": "Model card metadata. Keys are spelled as in Hugging Face model-card front matter so they can be copied from an existing card.",
      "additionalProperties": false,
      "properties": {
        "template": {
          "$ref": "#/$defs/path",
          "description": "A Jinja model-card template that replaces the default one."
        },
        "tags": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "uniqueItems": true
        },
        "datasets": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "uniqueItems": true
        },
        "metrics": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "uniqueItems": true
        },
        "language": {
          "$ref": "#/$defs/stringOrList"
        },
        "library_name": {
          "type": "string",
          "examples": [
            "transformers"
          ]
        },
        "pipeline_tag": {
          "type": "string",
          "examples": [
            "text-generation"
          ]
        },
        "base_model": {
          "$ref": "#/$defs/stringOrList"
        },
        "base_model_relation": {
          "type": "string",
          "enum": [
            "adapter",
            "merge",
            "quantized",
            "finetune"
          ]
        },
        "authors": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "sources": {
      "type": "object",
      "description": "Where the training job left the model, relative to the manifest's folder.",
      "additionalProperties": false,
      "minProperties": 1,
      "properties": {
        "checkpoint": {
          "$ref": "#/$defs/path",
          "description": "PyTorch checkpoint (.pt, .pth, .bin; zip or legacy) or a sharded `pytorch_model.bin.index.json`.",
          "examples": [
            "checkpoints/model.pt"
          ]
        },
        "weightsKey": {
          "type": "string",
          "description": "Key of the nested state dict inside a checkpoint dict, e.g. `state_dict`, `model` or `ema`.",
          "examples": [
            "ema"
          ]
        },
        "safetensors": {
          "$ref": "#/$defs/path",
          "description": "Existing safetensors weights (skips conversion)."
        },
        "onnx": {
          "$ref": "#/$defs/path",
          "description": "An ONNX export of the model.",
          "examples": [
            "onnx/model.onnx"
          ]
        },
        "export": {
          "$ref": "#/$defs/exportHook"
        },
        "config": {
          "$ref": "#/$defs/path",
          "examples": [
            "config.json"
          ]
        },
        "tokenizer": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/path"
          },
          "examples": [
            [
              "tokenizer.json",
              "tokenizer_config.json"
            ]
          ]
        }
      }
    },
    "exportHook": {
      "type": "object",
      "description": "A command that exports ONNX from the checkpoint (it needs the model's code) and writes reference outputs to check it against.",
      "additionalProperties": false,
      "required": [
        "command",
        "output"
      ],
      "properties": {
        "command": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "python export_onnx.py --out build/model.onnx"
          ]
        },
        "output": {
          "$ref": "#/$defs/path",
          "description": "The ONNX file the command writes."
        },
        "referenceInputs": {
          "$ref": "#/$defs/path"
        },
        "referenceOutputs": {
          "$ref": "#/$defs/path"
        }
      }
    },
    "convert": {
      "type": "object",
      "description": "How the checkpoint becomes safetensors.",
      "additionalProperties": false,
      "properties": {
        "shardSize": {
          "type": "string",
          "description": "Largest safetensors shard, e.g. `5GB` or `500MB`; a model below it is written as one file.",
          "pattern": "^[0-9]+(\\.[0-9]+)?(B|KB|MB|GB|KiB|MiB|GiB)$",
          "examples": [
            "5GB"
          ]
        }
      }
    },
    "budget": {
      "type": "object",
      "description": "The error budget a variant must meet; a variant outside it fails the run.",
      "additionalProperties": false,
      "minProperties": 1,
      "properties": {
        "minCosine": {
          "type": "number",
          "minimum": -1,
          "maximum": 1,
          "examples": [
            0.999
          ]
        },
        "maxAbsError": {
          "type": "number",
          "minimum": 0
        },
        "maxMeanAbsError": {
          "type": "number",
          "minimum": 0
        },
        "maxRmse": {
          "type": "number",
          "minimum": 0
        }
      }
    },
    "variant": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "scheme"
      ],
      "properties": {
        "scheme": {
          "type": "string",
          "description": "Quantization or conversion scheme.",
          "enum": [
            "f16",
            "bf16",
            "int8",
            "int4",
            "q8_0",
            "q4_0",
            "q4_k",
            "q4_k_m",
            "q6_k",
            "onnx-int8",
            "onnx-int4",
            "onnx-fp16"
          ],
          "examples": [
            "q4_k_m"
          ]
        },
        "budget": {
          "$ref": "#/$defs/budget"
        },
        "groupSize": {
          "type": "integer",
          "enum": [
            32,
            64,
            128,
            256
          ],
          "description": "Group size for int4 safetensors."
        },
        "blockSize": {
          "type": "integer",
          "enum": [
            32,
            128
          ],
          "description": "Block size for onnx-int4 (MatMulNBits)."
        },
        "symmetric": {
          "type": "boolean",
          "description": "Symmetric (no zero point) quantization for onnx-int4."
        },
        "form": {
          "type": "string",
          "enum": [
            "weight-only",
            "dynamic"
          ],
          "description": "onnx-int8 form: DequantizeLinear weights, or DynamicQuantizeLinear → MatMulInteger."
        },
        "exclude": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "ONNX node names left unquantized."
        },
        "branch": {
          "type": "string",
          "description": "Publish this variant on a Hub branch instead of the main one (experimental variants).",
          "pattern": "^[A-Za-z0-9._/-]+$"
        }
      }
    },
    "destinations": {
      "type": "object",
      "description": "Where the release goes. Tokens are never written here: they come from the environment.",
      "additionalProperties": false,
      "minProperties": 1,
      "properties": {
        "huggingface": {
          "$ref": "#/$defs/huggingface"
        },
        "gcs": {
          "$ref": "#/$defs/gcs"
        },
        "ipfs": {
          "$ref": "#/$defs/ipfs"
        }
      }
    },
    "huggingface": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "repo"
      ],
      "properties": {
        "repo": {
          "type": "string",
          "description": "Hub repository `owner/name`.",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$",
          "examples": [
            "ruv/ruvltra"
          ]
        },
        "branch": {
          "type": "string",
          "default": "main",
          "pattern": "^[A-Za-z0-9._/-]+$"
        },
        "private": {
          "type": "boolean",
          "default": false
        }
      }
    },
    "gcs": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "bucket"
      ],
      "properties": {
        "bucket": {
          "type": "string",
          "description": "Bucket name.",
          "pattern": "^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$",
          "examples": [
            "edge-net-models"
          ]
        },
        "prefix": {
          "type": "string",
          "description": "Folder inside the bucket; objects go to {prefix}/{id}/v{version}/{file}.",
          "pattern": "^[^/].*[^/]$|^$",
          "examples": [
            "models"
          ]
        },
        "publicBaseUrl": {
          "type": "string",
          "format": "uri",
          "description": "The CDN URL in front of the bucket, for links in the card and manifest."
        }
      }
    },
    "ipfsProvider": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type"
      ],
      "properties": {
        "type": {
          "type": "string",
          "enum": [
            "kubo",
            "pinning-service",
            "storacha"
          ]
        },
        "url": {
          "type": "string",
          "format": "uri",
          "description": "Endpoint URL (Kubo RPC API or Pinning Service API)."
        },
        "tokenEnv": {
          "type": "string",
          "pattern": "^[A-Z_][A-Z0-9_]*$",
          "description": "Name of the environment variable that holds the provider's token."
        }
      }
    },
    "ipfs": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "providers"
      ],
      "properties": {
        "providers": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/ipfsProvider"
          }
        },
        "gateways": {
          "type": "array",
          "items": {
            "type": "string",
            "format": "uri"
          },
          "examples": [
            [
              "https://ipfs.io"
            ]
          ]
        }
      }
    },
    "signing": {
      "type": "object",
      "description": "Who signs the release and where the private key comes from. The key itself never goes in the manifest.",
      "additionalProperties": false,
      "required": [
        "keyId",
        "key"
      ],
      "properties": {
        "keyId": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "ruvector-team"
          ]
        },
        "key": {
          "type": "string",
          "description": "Where the Ed25519 private key comes from: `env:NAME` (an environment variable, e.g. a repository secret) or `file:PATH`.",
          "pattern": "^(env:[A-Za-z_][A-Za-z0-9_]*|file:[^\\s]+)$",
          "examples": [
            "env:MODEL_SIGNING_KEY"
          ]
        },
        "publicKey": {
          "type": "string",
          "description": "Base64 public key that verifiers should trust; checked against the private key at signing time.",
          "pattern": "^[A-Za-z0-9+/]{43}=$"
        }
      }
    },
    "bench": {
      "type": "object",
      "description": "Benchmark settings for the pull-request gate.",
      "additionalProperties": false,
      "properties": {
        "provider": {
          "type": "string",
          "enum": [
            "auto",
            "cpu",
            "cuda",
            "tensorrt"
          ],
          "default": "auto"
        },
        "iterations": {
          "type": "integer",
          "minimum": 5,
          "maximum": 1e5,
          "default": 100
        },
        "warmup": {
          "type": "integer",
          "minimum": 0,
          "maximum": 1e4,
          "default": 5
        },
        "batchSizes": {
          "type": "array",
          "items": {
            "type": "integer",
            "minimum": 1
          },
          "minItems": 1,
          "uniqueItems": true
        },
        "sequenceLength": {
          "type": "integer",
          "minimum": 1,
          "description": "Tokens per item, for tokens/s on language models."
        },
        "threshold": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 1,
          "default": 0.05,
          "description": "Smallest relative change that counts as a regression (0.05 = 5%)."
        },
        "metrics": {
          "type": "object",
          "description": "Per-metric overrides, keyed by metric name.",
          "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "threshold": {
                "type": "number",
                "exclusiveMinimum": 0,
                "maximum": 1
              },
              "ignore": {
                "type": "boolean"
              }
            }
          }
        },
        "command": {
          "type": "string",
          "description": "A custom benchmark command that writes bench-result JSON files."
        }
      }
    }
  }
};
var releaseManifestSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://model-publish.dev/schemas/release-manifest.schema.json",
  "title": "ReleaseManifest",
  "description": "manifest.json of a release folder (seed 003 §4.4 shape): what was built, where it went, and the digests the signature covers.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "id",
    "name",
    "version",
    "type",
    "artifacts"
  ],
  "properties": {
    "$schema": {
      "type": "string"
    },
    "id": {
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9._-]{0,95}$"
    },
    "name": {
      "type": "string",
      "minLength": 1
    },
    "version": {
      "type": "string",
      "description": "Semantic version of the release.",
      "pattern": "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-((0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(\\+([0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*))?$"
    },
    "type": {
      "type": "string",
      "minLength": 1
    },
    "family": {
      "type": "string"
    },
    "description": {
      "type": "string"
    },
    "architecture": {
      "type": "object",
      "required": [
        "type"
      ],
      "properties": {
        "type": {
          "type": "string"
        }
      },
      "additionalProperties": {
        "type": [
          "integer",
          "number",
          "string",
          "boolean"
        ]
      }
    },
    "optimization": {
      "type": "object",
      "description": "How the artifacts were optimized. The seed's single-variant fields, plus one entry per variant.",
      "properties": {
        "quantization": {
          "type": "string"
        },
        "format": {
          "type": "string"
        },
        "groupSize": {
          "type": "integer",
          "minimum": 1
        },
        "originalSize": {
          "type": [
            "string",
            "integer"
          ]
        },
        "optimizedSize": {
          "type": [
            "string",
            "integer"
          ]
        },
        "variants": {
          "type": "array",
          "items": {
            "type": "object",
            "required": [
              "scheme",
              "files"
            ],
            "properties": {
              "scheme": {
                "type": "string"
              },
              "files": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "size": {
                "type": "integer",
                "minimum": 0
              },
              "compressionRatio": {
                "type": "number",
                "exclusiveMinimum": 0
              },
              "metrics": {
                "type": "object",
                "additionalProperties": {
                  "type": "number"
                }
              }
            }
          }
        }
      }
    },
    "artifacts": {
      "type": "object",
      "description": "Files of the release keyed by role or path. `sha256` is hex; documentation examples abbreviate it with `...`, which verification refuses.",
      "minProperties": 1,
      "additionalProperties": {
        "$ref": "#/$defs/artifact"
      }
    },
    "merkleRoot": {
      "type": "string",
      "pattern": "^[0-9a-f]{64}$",
      "description": "RFC 6962 Merkle Tree Hash over the release files (hex)."
    },
    "timestamp": {
      "type": "string",
      "format": "date-time"
    },
    "distribution": {
      "type": "object",
      "properties": {
        "primary": {
          "$ref": "#/$defs/location"
        },
        "fallback": {
          "$ref": "#/$defs/location"
        },
        "mirrors": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/location"
          }
        }
      }
    },
    "ipfs": {
      "type": "object",
      "description": "The UnixFS settings the CID was computed with.",
      "properties": {
        "cid": {
          "type": "string"
        },
        "cidVersion": {
          "const": 1
        },
        "rawLeaves": {
          "type": "boolean"
        },
        "chunkSize": {
          "type": "integer"
        },
        "maxChildrenPerNode": {
          "type": "integer"
        },
        "layout": {
          "type": "string"
        },
        "wrapDirectory": {
          "type": "boolean"
        }
      }
    },
    "requirements": {
      "type": "object",
      "properties": {
        "minMemory": {
          "type": "integer",
          "minimum": 0
        },
        "simdRequired": {
          "type": "boolean"
        },
        "webgpuOptional": {
          "type": "boolean"
        },
        "gpu": {
          "type": "string"
        },
        "browserSupport": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "adapters": {
      "type": "object",
      "properties": {
        "baseRank": {
          "type": "integer",
          "minimum": 1
        },
        "microRank": {
          "type": "integer",
          "minimum": 1
        },
        "slots": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "benchmarks": {
      "type": "object",
      "description": "Benchmark and quality figures; nested objects group figures by runtime, variant or hardware.",
      "additionalProperties": {
        "$ref": "#/$defs/benchmarkValue"
      }
    },
    "training": {
      "type": "object",
      "description": "Scalars carried from the checkpoint (step, loss, …).",
      "additionalProperties": {
        "type": [
          "number",
          "string",
          "boolean"
        ]
      }
    },
    "license": {
      "type": "string",
      "minLength": 1
    },
    "homepage": {
      "type": "string",
      "format": "uri"
    },
    "publishedAt": {
      "type": "string",
      "format": "date-time"
    },
    "publishedBy": {
      "type": "string"
    }
  },
  "$defs": {
    "artifact": {
      "type": "object",
      "required": [
        "filename",
        "size",
        "sha256"
      ],
      "properties": {
        "filename": {
          "type": "string",
          "minLength": 1
        },
        "size": {
          "type": "integer",
          "minimum": 0
        },
        "sha256": {
          "type": "string",
          "pattern": "^[0-9a-f]{1,64}(\\.\\.\\.)?$"
        },
        "signature": {
          "type": "string"
        },
        "format": {
          "type": "string"
        },
        "variant": {
          "type": "string"
        }
      }
    },
    "location": {
      "type": "object",
      "required": [
        "type"
      ],
      "properties": {
        "type": {
          "type": "string",
          "enum": [
            "gcs",
            "ipfs",
            "huggingface"
          ]
        },
        "baseUrl": {
          "type": "string",
          "format": "uri"
        },
        "region": {
          "type": "string"
        },
        "cid": {
          "type": "string",
          "pattern": "^(Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z0-9]{20,})$"
        },
        "gateways": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "repo": {
          "type": "string"
        },
        "revision": {
          "type": "string"
        }
      }
    },
    "benchmarkValue": {
      "type": [
        "number",
        "object"
      ],
      "additionalProperties": {
        "$ref": "#/$defs/benchmarkValue"
      }
    }
  }
};
var signatureSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://model-publish.dev/schemas/signature.schema.json",
  "title": "ReleaseSignature",
  "description": "manifest.sig.json (seed 003 App. C): the signed object, its Ed25519 signature over the object's RFC 8785 canonical JSON, and the public key.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "manifest",
    "signature",
    "publicKey",
    "keyId"
  ],
  "properties": {
    "manifest": {
      "type": "object",
      "title": "SignedManifest",
      "additionalProperties": false,
      "required": [
        "id",
        "version",
        "artifacts",
        "merkleRoot",
        "timestamp"
      ],
      "properties": {
        "id": {
          "type": "string",
          "pattern": "^[a-z0-9][a-z0-9._-]{0,95}$"
        },
        "version": {
          "type": "string",
          "minLength": 1
        },
        "artifacts": {
          "type": "object",
          "description": "Every file of the release except manifest.json and manifest.sig.json, keyed by path relative to the release folder with `/`.",
          "minProperties": 1,
          "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "sha256",
              "size"
            ],
            "properties": {
              "sha256": {
                "type": "string",
                "pattern": "^[0-9a-f]{64}$"
              },
              "size": {
                "type": "integer",
                "minimum": 0
              }
            }
          }
        },
        "merkleRoot": {
          "type": "string",
          "pattern": "^[0-9a-f]{64}$"
        },
        "timestamp": {
          "type": "string",
          "format": "date-time",
          "pattern": "Z$"
        }
      }
    },
    "signature": {
      "type": "string",
      "description": "Base64 of the raw 64-byte Ed25519 signature.",
      "pattern": "^[A-Za-z0-9+/]{86}==$"
    },
    "publicKey": {
      "type": "string",
      "description": "Base64 of the raw 32-byte Ed25519 public key.",
      "pattern": "^[A-Za-z0-9+/]{43}=$"
    },
    "keyId": {
      "type": "string",
      "minLength": 1
    }
  }
};

// src/manifest/validate.ts
import { readFile } from "node:fs/promises";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

// src/manifest/rules.ts
var onnxSchemes = /* @__PURE__ */ new Set(["onnx-int8", "onnx-int4", "onnx-fp16"]);
var ggufSchemes = /* @__PURE__ */ new Set(["q8_0", "q4_0", "q4_k", "q4_k_m", "q6_k"]);
function checkRules(manifest, parsed) {
  const findings = [];
  const { sources } = manifest;
  const hasTensors = Boolean(sources.checkpoint ?? sources.safetensors);
  const hasOnnx = Boolean(sources.onnx ?? sources.export);
  if (sources.checkpoint && sources.safetensors) {
    findings.push({
      pointer: "/sources/safetensors",
      message: "sources name both a checkpoint and safetensors weights",
      fix: "keep one: `checkpoint` to convert it, or `safetensors` to publish existing weights"
    });
  }
  const seen = /* @__PURE__ */ new Map();
  (manifest.variants ?? []).forEach((variant, index) => {
    const pointer = `/variants/${index}`;
    if (onnxSchemes.has(variant.scheme) && !hasOnnx) {
      findings.push({
        pointer: `${pointer}/scheme`,
        message: `variant ${variant.scheme} needs an ONNX model, and the sources have none`,
        fix: "add `sources.onnx: path/to/model.onnx` or an `sources.export` command"
      });
    }
    if (!onnxSchemes.has(variant.scheme) && !hasTensors) {
      findings.push({
        pointer: `${pointer}/scheme`,
        message: `variant ${variant.scheme} needs weights, and the sources have no checkpoint or safetensors`,
        fix: "add `sources.checkpoint: path/to/model.pt` (or `sources.safetensors`)"
      });
    }
    if (ggufSchemes.has(variant.scheme) && !manifest.size) {
      findings.push({
        pointer: `${pointer}/scheme`,
        message: `GGUF variant ${variant.scheme} is named {id}-{size}-{quant}.gguf, and the manifest has no size`,
        fix: "add a top-level `size`, e.g. `size: 0.5b`"
      });
    }
    const identity = JSON.stringify({ ...variant, budget: void 0, branch: void 0 });
    const first = seen.get(identity);
    if (first !== void 0) {
      findings.push({
        pointer,
        message: `variant ${variant.scheme} repeats variant ${first} with the same settings`,
        fix: "remove one of them, or give them different settings"
      });
    } else {
      seen.set(identity, index);
    }
  });
  if (manifest.card?.base_model_relation && !manifest.card.base_model) {
    findings.push({
      pointer: "/card/base_model_relation",
      message: "base_model_relation is set without base_model",
      fix: "add `card.base_model: owner/name` of the model this one derives from"
    });
  }
  (manifest.destinations?.ipfs?.providers ?? []).forEach((provider, index) => {
    if (provider.type !== "storacha" && !provider.url) {
      findings.push({
        pointer: `/destinations/ipfs/providers/${index}`,
        message: `IPFS provider ${provider.type} has no url`,
        fix: provider.type === "kubo" ? "add `url: http://127.0.0.1:5001` (the Kubo RPC API)" : "add `url:` with the Pinning Service API endpoint"
      });
    }
  });
  return findings.map((finding) => {
    const position = parsed.locate(finding.pointer);
    return {
      kind: "rule",
      file: parsed.file,
      line: position.line,
      column: position.column,
      ...finding
    };
  });
}

// src/manifest/suggest.ts
function normalise(word) {
  return word.toLowerCase().replace(/[-_\s]/g, "");
}
function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array(rows * cols).fill(0);
  const at = (i, j) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}
function closest(word, candidates) {
  const target = normalise(word);
  if (target.length >= 3) {
    const extended = candidates.filter((c) => normalise(c).startsWith(target));
    if (extended.length === 1) return extended[0];
  }
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(target, normalise(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.floor(target.length / 3));
  return bestDistance <= limit ? best : void 0;
}

// src/manifest/schema-errors.ts
function issuesFromSchemaErrors(errors, manifest) {
  const seen = /* @__PURE__ */ new Set();
  const issues = [];
  for (const error of errors) {
    const explained = explain(error, manifest);
    if (!explained) continue;
    const key = `${explained.pointer}\0${explained.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { part, ...rest } = explained;
    const position = manifest.locate(explained.pointer, part);
    issues.push({ file: manifest.file, line: position.line, column: position.column, ...rest });
  }
  return issues;
}
function explain(error, manifest) {
  const pointer = error.instancePath;
  const schema = error.parentSchema ?? {};
  const value = valueAt(manifest.data, pointer);
  const shown = show(manifest.rawText(pointer) ?? JSON.stringify(value));
  const field = fieldName(pointer);
  const params = error.params;
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      const child = schema.properties?.[missing];
      return {
        kind: "required",
        part: "key",
        pointer: joinPointer(pointer, missing),
        message: `missing required field "${missing}"${pointer ? ` in ${field}` : ""}`,
        expected: child?.description,
        fix: `add \`${missing}: ${exampleOf(child) ?? "…"}\`${pointer ? ` under ${field}` : ""}`
      };
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys(schema.properties ?? {}).filter((k) => k !== "$schema");
      const guess = closest(extra, allowed);
      return {
        kind: "unknown-key",
        part: "key",
        pointer: joinPointer(pointer, extra),
        message: `unknown key "${extra}"${pointer ? ` in ${field}` : ""}`,
        expected: allowed.length > 0 ? `one of: ${allowed.join(", ")}` : void 0,
        fix: guess ? `did you mean "${guess}"?` : `remove "${extra}"`
      };
    }
    case "type": {
      const expected = String(params.type).replace(/,/g, " or ");
      return {
        kind: "type",
        part: "value",
        pointer,
        message: `${field} must be ${article(expected)}, got ${jsonType(value)} ${shown}`,
        expected: schema.description,
        fix: typeFix(expected, value, shown, schema)
      };
    }
    case "enum": {
      const allowed = error.schema.map(String);
      const guess = typeof value === "string" ? closest(value, allowed) : void 0;
      return {
        kind: "enum",
        part: "value",
        pointer,
        message: `${shown} is not an allowed value for ${field}`,
        expected: `one of: ${allowed.join(", ")}`,
        fix: guess ? `did you mean "${guess}"?` : `use one of: ${allowed.join(", ")}`
      };
    }
    case "pattern":
    case "format":
      return {
        kind: "format",
        part: "value",
        pointer,
        message: `${shown} is not a valid ${field}`,
        expected: schema.description ?? (error.keyword === "format" ? `a ${String(params.format)}` : `text matching ${String(params.pattern)}`),
        fix: exampleOf(schema) ? `write it like \`${exampleOf(schema) ?? ""}\`` : "see the expected form above"
      };
    case "if":
    case "oneOf":
    case "anyOf":
      return void 0;
    default:
      return {
        kind: rangeKeywords.has(error.keyword) ? "range" : "rule",
        part: "value",
        pointer,
        message: `${field} ${error.message ?? "is invalid"}${value === void 0 ? "" : ` (got ${shown})`}`,
        expected: schema.description,
        fix: fixForRange(error.keyword, params)
      };
  }
}
var rangeKeywords = /* @__PURE__ */ new Set([
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "uniqueItems",
  "const"
]);
function fixForRange(keyword, params) {
  switch (keyword) {
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
    case "exclusiveMaximum":
      return `use a value ${String(params.comparison)} ${String(params.limit)}`;
    case "minLength":
    case "minItems":
    case "minProperties":
      return "fill it in, or remove the key";
    case "uniqueItems":
      return `remove the repeated entry (items ${String(params.j)} and ${String(params.i)} are the same)`;
    default:
      return "change the value to what is expected";
  }
}
function typeFix(expected, value, shown, schema) {
  if (expected.startsWith("string") && (typeof value === "number" || typeof value === "boolean")) {
    return `quote the value so YAML keeps it as text: "${exampleOf(schema) ?? String(value)}"`;
  }
  if ((expected === "integer" || expected === "number") && typeof value === "string") {
    return Number.isFinite(Number(value)) ? "write the number without quotes" : `write a number instead of ${shown}`;
  }
  if (expected === "integer" && typeof value === "number") return "use a whole number";
  if (expected.startsWith("array") && value !== null && typeof value !== "object") {
    return `write a list, e.g. [${shown}] or one "- item" per line`;
  }
  const example = exampleOf(schema);
  return example ? `write ${article(expected)}, e.g. \`${example}\`` : `write ${article(expected)}`;
}
function exampleOf(schema) {
  const example = schema?.examples?.[0];
  if (example === void 0) return void 0;
  return typeof example === "string" ? example : JSON.stringify(example);
}
function fieldName(pointer) {
  return pointer === "" ? "the manifest" : `"${pointer.slice(1).replace(/\//g, ".")}"`;
}
function jsonType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return typeof value === "number" && Number.isInteger(value) ? "integer" : typeof value;
}
function article(type) {
  if (type === "object") return "a mapping";
  if (type === "array") return "a list";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
function show(text) {
  const t = text ?? "nothing";
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

// src/manifest/validate.ts
var compiled;
function validators() {
  if (!compiled) {
    const ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true
    });
    addFormats.default(ajv);
    compiled = {
      authored: ajv.compile(authoredManifestSchema),
      release: ajv.compile(releaseManifestSchema),
      signature: ajv.compile(signatureSchema)
    };
  }
  return compiled;
}
function validateManifestText(text, file) {
  const parsed = parseManifestText(text, file);
  if (!parsed.ok) return { valid: false, issues: sortIssues(parsed.issues) };
  const { manifest } = parsed;
  if (manifest.data === null || manifest.data === void 0) {
    return {
      valid: false,
      issues: [
        {
          kind: "required",
          file,
          line: 1,
          column: 1,
          pointer: "",
          message: "the manifest is empty",
          fix: "start from examples/minimal.yaml: id, name, version, type, license and sources are required"
        }
      ]
    };
  }
  const validate = validators().authored;
  if (!validate(manifest.data)) {
    return {
      valid: false,
      issues: sortIssues(issuesFromSchemaErrors(validate.errors ?? [], manifest))
    };
  }
  const authored = manifest.data;
  const ruleIssues = checkRules(authored, manifest);
  if (ruleIssues.length > 0) return { valid: false, issues: sortIssues(ruleIssues) };
  return { valid: true, manifest: authored, parsed: manifest, issues: [] };
}
async function validateManifestFile(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason = error.code === "ENOENT" ? "no such file" : "cannot read it";
    throw new ModelPublishError(
      "MANIFEST_UNREADABLE",
      `${path}: ${reason}; pass the path of the manifest (YAML or JSON), e.g. model-publish.yaml`,
      { cause: error }
    );
  }
  return validateManifestText(text, path);
}

// src/manifest/version.ts
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-((0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(\+([0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*))?$/;
var UNTAGGED_VERSION = "0.0.0-untagged";
function resolveVersion(declared, tag) {
  const fromTag = tag?.replace(/^v/, "");
  if (tag !== void 0 && fromTag !== void 0 && !SEMVER.test(fromTag)) {
    return {
      ok: false,
      message: `tag "${tag}" is not a version`,
      fix: "push a tag like v1.2.3 to release"
    };
  }
  if (declared === "from-tag") return { ok: true, version: fromTag ?? UNTAGGED_VERSION };
  if (tag !== void 0 && fromTag !== declared) {
    return {
      ok: false,
      message: `tag "${tag}" says ${fromTag ?? ""} but the manifest says version ${declared}`,
      fix: "make them agree, or write `version: from-tag`"
    };
  }
  return { ok: true, version: declared };
}

// src/pipeline/stages.ts
var all = ["release", "check", "dry-run"];
var STAGES = [
  {
    name: "validate",
    summary: "check the manifest against schemas/ and its source files",
    home: "src/manifest",
    available: true,
    modes: all
  },
  {
    name: "convert",
    summary: "PyTorch checkpoint → safetensors, no pickle code run",
    home: "src/convert",
    available: false,
    modes: all,
    notNeeded: (m) => m.sources.checkpoint ? void 0 : "no checkpoint to convert"
  },
  {
    name: "quantize",
    summary: "build the variants (GGUF, low-bit safetensors, ONNX)",
    home: "src/quantize",
    available: false,
    modes: all,
    notNeeded: (m) => (m.variants ?? []).length > 0 ? void 0 : "no variants"
  },
  {
    name: "evaluate",
    summary: "check every variant against its error budget",
    home: "src/evaluate",
    available: false,
    modes: all,
    notNeeded: (m) => (m.variants ?? []).length > 0 ? void 0 : "no variants"
  },
  {
    name: "card",
    summary: "render the model card (README.md)",
    home: "src/card",
    available: false,
    modes: all
  },
  {
    name: "sign",
    summary: "digests, Merkle root, Ed25519-signed manifest",
    home: "src/sign",
    available: false,
    modes: ["release"],
    notNeeded: (m) => m.signing ? void 0 : "no signing key configured"
  },
  {
    name: "publish",
    summary: "upload to every destination, signed manifest last",
    home: "src/publish",
    available: false,
    modes: all,
    notNeeded: (m) => m.destinations ? void 0 : "no destinations"
  },
  {
    name: "verify",
    summary: "read every published file back and check it against the signed manifest",
    home: "src/publish",
    available: false,
    modes: ["release"],
    notNeeded: (m) => m.destinations ? void 0 : "no destinations"
  },
  {
    name: "bench",
    summary: "benchmark and compare with the base branch's results",
    home: "src/bench",
    available: false,
    modes: ["check"],
    notNeeded: (m) => m.bench ? void 0 : "no bench settings"
  }
];

// src/pipeline/plan.ts
function planStages(manifest, mode) {
  return STAGES.filter((stage) => stage.modes.includes(mode)).map((stage) => {
    const base = {
      name: stage.name,
      summary: stage.summary,
      ...stage.name === "publish" && mode !== "release" ? { dryRun: true } : {}
    };
    const notNeeded = stage.notNeeded?.(manifest);
    if (notNeeded) return { ...base, status: "skip", note: notNeeded };
    if (!stage.available)
      return { ...base, status: "planned", note: `${stage.home} is not in this version yet` };
    return { ...base, status: "run" };
  });
}

// src/pipeline/run.ts
import { dirname } from "node:path";

// src/manifest/source-files.ts
import { stat } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
function declaredFiles(manifest) {
  const { sources, card } = manifest;
  const files = [];
  for (const key of ["checkpoint", "safetensors", "onnx", "config"]) {
    const path = sources[key];
    if (path) files.push([`/sources/${key}`, path]);
  }
  (sources.tokenizer ?? []).forEach(
    (path, index) => files.push([`/sources/tokenizer/${index}`, path])
  );
  if (card?.template) files.push(["/card/template", card.template]);
  return files;
}
async function checkSourceFiles(manifest, parsed, baseDir) {
  const checks = declaredFiles(manifest).map(
    async ([pointer, path]) => {
      const full = isAbsolute(path) ? path : join(baseDir, path);
      const found = await stat(full).then(
        (s) => s.isFile(),
        () => false
      );
      if (found) return void 0;
      const position = parsed.locate(pointer);
      return {
        kind: "rule",
        file: parsed.file,
        line: position.line,
        column: position.column,
        pointer,
        message: `file not found: ${path} (looked for ${full})`,
        fix: "correct the path; relative paths start from the manifest's folder"
      };
    }
  );
  return (await Promise.all(checks)).filter((issue) => issue !== void 0);
}

// src/pipeline/run.ts
async function* runPipelineIter(options) {
  const decision = deriveMode(options.context ?? {}, options.mode ?? "auto");
  yield { type: "mode", decision };
  yield { type: "stage-start", stage: "validate" };
  const started = Date.now();
  const outcome = await validateManifest(options, decision);
  for (const issue of outcome.issues) yield { type: "issue", issue };
  yield {
    type: "stage-end",
    stage: "validate",
    ok: outcome.issues.length === 0,
    durationMs: Date.now() - started
  };
  if (!outcome.manifest || outcome.issues.length > 0) {
    return { decision, valid: false, issues: outcome.issues, plan: [] };
  }
  const plan = planStages(outcome.manifest, decision.mode);
  yield { type: "plan", stages: plan };
  const pending = plan.filter((stage) => stage.status === "planned").map((stage) => stage.name);
  if (decision.mode === "release" && pending.length > 0) {
    yield {
      type: "log",
      level: "warning",
      message: `release mode: ${pending.join(", ")} ${pending.length === 1 ? "is" : "are"} not in this version yet, so nothing was published`
    };
  }
  return {
    decision,
    valid: true,
    issues: [],
    manifest: outcome.manifest,
    version: outcome.version,
    plan
  };
}
async function runPipeline(options, onEvent = () => void 0) {
  const iterator = runPipelineIter(options);
  for (; ; ) {
    const step = await iterator.next();
    if (step.done) return step.value;
    onEvent(step.value);
  }
}
async function validateManifest(options, decision) {
  const result = await validateManifestFile(options.manifestPath);
  if (!result.valid) return { issues: result.issues };
  const { manifest, parsed } = result;
  const issues = options.checkFiles === false ? [] : await checkSourceFiles(manifest, parsed, options.baseDir ?? dirname(options.manifestPath));
  const resolved = resolveVersion(manifest.version, decision.tag);
  if (resolved.ok && !(decision.mode === "release" && resolved.version === UNTAGGED_VERSION)) {
    return { issues, manifest, version: resolved.version };
  }
  const problem = resolved.ok ? {
    message: "a release needs a version, and the manifest says from-tag but no tag was pushed",
    fix: "push a tag like v1.2.3, or write the version in the manifest"
  } : resolved;
  const position = parsed.locate("/version");
  issues.push({
    kind: "rule",
    file: parsed.file,
    line: position.line,
    column: position.column,
    pointer: "/version",
    message: problem.message,
    fix: problem.fix
  });
  return { issues, manifest };
}

// src/version.generated.ts
var VERSION = "0.1.0";

export {
  ExitCode,
  ModelPublishError,
  exitCodeFor,
  formatIssue,
  MODES,
  deriveMode,
  parseManifestText,
  authoredManifestSchema,
  releaseManifestSchema,
  signatureSchema,
  validators,
  validateManifestText,
  validateManifestFile,
  UNTAGGED_VERSION,
  resolveVersion,
  STAGES,
  planStages,
  runPipelineIter,
  runPipeline,
  VERSION
};
