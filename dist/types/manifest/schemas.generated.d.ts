/** schemas/authored-manifest.schema.json */
export declare const authoredManifestSchema: {
    readonly $schema: "https://json-schema.org/draft/2020-12/schema";
    readonly $id: "https://model-publish.dev/schemas/authored-manifest.schema.json";
    readonly title: "AuthoredManifest";
    readonly description: "The manifest a user writes (YAML or JSON) to describe a model release: identity, card metadata, sources, variants, destinations, signing and benchmarks.";
    readonly type: "object";
    readonly additionalProperties: false;
    readonly required: readonly ["id", "name", "version", "type", "license", "sources"];
    readonly properties: {
        readonly $schema: {
            readonly type: "string";
            readonly description: "Optional schema reference for editors.";
        };
        readonly id: {
            readonly type: "string";
            readonly description: "Model id: lower-case letters, digits, '.', '_' and '-'; starts with a letter or digit. Used in file names ({id}-{size}-{quant}.{ext}) and storage paths.";
            readonly pattern: "^[a-z0-9][a-z0-9._-]{0,95}$";
            readonly examples: readonly ["ruvltra-0.5b"];
        };
        readonly name: {
            readonly type: "string";
            readonly minLength: 1;
            readonly description: "Human-readable model name.";
            readonly examples: readonly ["RuvLTRA 0.5B"];
        };
        readonly version: {
            readonly type: "string";
            readonly description: "Release version: a semantic version MAJOR.MINOR.PATCH (pre-release and build parts allowed), or `from-tag` to take it from the pushed tag (v1.2.3 → 1.2.3).";
            readonly pattern: "^(from-tag|(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-((0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(\\+([0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*))?)$";
            readonly examples: readonly ["1.0.0", "from-tag"];
        };
        readonly type: {
            readonly type: "string";
            readonly description: "What the model does (seed 003 §2).";
            readonly enum: readonly ["text-generation", "embedding", "vision", "image-generation", "image-classification", "audio", "other"];
            readonly examples: readonly ["text-generation"];
        };
        readonly family: {
            readonly type: "string";
            readonly description: "Model family, e.g. `llama`, `qwen2`, `phi`.";
            readonly examples: readonly ["qwen2"];
        };
        readonly size: {
            readonly type: "string";
            readonly description: "Size label used in artifact file names ({id}-{size}-{quant}.gguf), e.g. `0.5b`.";
            readonly pattern: "^[0-9]+(\\.[0-9]+)?[kmbt]$";
            readonly examples: readonly ["0.5b"];
        };
        readonly description: {
            readonly type: "string";
            readonly description: "One or more paragraphs for the model card's description section.";
        };
        readonly capabilities: {
            readonly type: "array";
            readonly description: "What the model is good at, one line each (model card).";
            readonly items: {
                readonly type: "string";
            };
        };
        readonly architecture: {
            readonly $ref: "#/$defs/architecture";
        };
        readonly license: {
            readonly type: "string";
            readonly description: "License id as the Hugging Face Hub knows it (SPDX-like, lower-case: `apache-2.0`, `mit`, `llama3.1`), or `other` with `licenseName` and `licenseLink`.";
            readonly minLength: 1;
            readonly examples: readonly ["apache-2.0"];
        };
        readonly licenseName: {
            readonly type: "string";
            readonly description: "Name of a custom license (with `license: other`).";
        };
        readonly licenseLink: {
            readonly type: "string";
            readonly format: "uri-reference";
            readonly description: "Link to a custom license (with `license: other`): a URL or a file in the repository, e.g. `LICENSE.md`.";
        };
        readonly homepage: {
            readonly type: "string";
            readonly format: "uri";
            readonly examples: readonly ["https://github.com/org/model"];
        };
        readonly citation: {
            readonly type: "string";
            readonly description: "BibTeX entry for the model card's citation section.";
        };
        readonly requirements: {
            readonly $ref: "#/$defs/requirements";
        };
        readonly adapters: {
            readonly $ref: "#/$defs/adapters";
        };
        readonly card: {
            readonly $ref: "#/$defs/card";
        };
        readonly sources: {
            readonly $ref: "#/$defs/sources";
        };
        readonly convert: {
            readonly $ref: "#/$defs/convert";
        };
        readonly variants: {
            readonly type: "array";
            readonly description: "Quantized or converted variants to build; each is checked against its error budget.";
            readonly items: {
                readonly $ref: "#/$defs/variant";
            };
        };
        readonly destinations: {
            readonly $ref: "#/$defs/destinations";
        };
        readonly signing: {
            readonly $ref: "#/$defs/signing";
        };
        readonly bench: {
            readonly $ref: "#/$defs/bench";
        };
    };
    readonly if: {
        readonly properties: {
            readonly license: {
                readonly const: "other";
            };
        };
        readonly required: readonly ["license"];
    };
    readonly then: {
        readonly required: readonly ["licenseName", "licenseLink"];
    };
    readonly $defs: {
        readonly path: {
            readonly type: "string";
            readonly description: "A file path; a relative one starts from the manifest's folder.";
            readonly minLength: 1;
        };
        readonly architecture: {
            readonly type: "object";
            readonly description: "Architecture facts for the card's table and the release manifest (seed 003 §4.4).";
            readonly additionalProperties: false;
            readonly required: readonly ["type"];
            readonly properties: {
                readonly type: {
                    readonly type: "string";
                    readonly description: "e.g. `transformer`, `cnn`, `diffusion-transformer`.";
                    readonly examples: readonly ["transformer"];
                };
                readonly name: {
                    readonly type: "string";
                    readonly description: "Architecture class as in config.json, e.g. `Qwen2ForCausalLM`.";
                };
                readonly parameters: {
                    readonly type: "integer";
                    readonly minimum: 1;
                    readonly description: "Parameter count.";
                };
                readonly layers: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
                readonly hiddenSize: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
                readonly intermediateSize: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
                readonly attentionHeads: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
                readonly kvHeads: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
                readonly vocabSize: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
                readonly contextLength: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
                readonly patchSize: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
                readonly imageSize: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
            };
        };
        readonly requirements: {
            readonly type: "object";
            readonly description: "Runtime requirements (seed 003 §4.4).";
            readonly additionalProperties: false;
            readonly properties: {
                readonly minMemory: {
                    readonly type: "integer";
                    readonly minimum: 0;
                    readonly description: "Bytes of memory needed to run the smallest variant.";
                };
                readonly simdRequired: {
                    readonly type: "boolean";
                };
                readonly webgpuOptional: {
                    readonly type: "boolean";
                };
                readonly gpu: {
                    readonly type: "string";
                    readonly description: "Recommended GPU, e.g. `NVIDIA T4 (16 GB)`.";
                };
                readonly browserSupport: {
                    readonly type: "array";
                    readonly items: {
                        readonly type: "string";
                    };
                    readonly examples: readonly [readonly ["chrome-88", "firefox-89"]];
                };
            };
        };
        readonly adapters: {
            readonly type: "object";
            readonly description: "LoRA adapter slots (seed 003 §5).";
            readonly additionalProperties: false;
            readonly properties: {
                readonly baseRank: {
                    readonly type: "integer";
                    readonly minimum: 1;
                    readonly maximum: 256;
                };
                readonly microRank: {
                    readonly type: "integer";
                    readonly minimum: 1;
                    readonly maximum: 64;
                };
                readonly slots: {
                    readonly type: "array";
                    readonly items: {
                        readonly type: "string";
                    };
                    readonly uniqueItems: true;
                };
            };
        };
        readonly stringOrList: {
            readonly type: readonly ["string", "array"];
            readonly description: "A string or a list of strings.";
            readonly items: {
                readonly type: "string";
            };
        };
        readonly card: {
            readonly type: "object";
            readonly description: "Model card metadata. Keys are spelled as in Hugging Face model-card front matter so they can be copied from an existing card.";
            readonly additionalProperties: false;
            readonly properties: {
                readonly template: {
                    readonly $ref: "#/$defs/path";
                    readonly description: "A Jinja model-card template that replaces the default one.";
                };
                readonly tags: {
                    readonly type: "array";
                    readonly items: {
                        readonly type: "string";
                    };
                    readonly uniqueItems: true;
                };
                readonly datasets: {
                    readonly type: "array";
                    readonly items: {
                        readonly type: "string";
                    };
                    readonly uniqueItems: true;
                };
                readonly metrics: {
                    readonly type: "array";
                    readonly items: {
                        readonly type: "string";
                    };
                    readonly uniqueItems: true;
                };
                readonly language: {
                    readonly $ref: "#/$defs/stringOrList";
                };
                readonly library_name: {
                    readonly type: "string";
                    readonly examples: readonly ["transformers"];
                };
                readonly pipeline_tag: {
                    readonly type: "string";
                    readonly examples: readonly ["text-generation"];
                };
                readonly base_model: {
                    readonly $ref: "#/$defs/stringOrList";
                };
                readonly base_model_relation: {
                    readonly type: "string";
                    readonly enum: readonly ["adapter", "merge", "quantized", "finetune"];
                };
                readonly authors: {
                    readonly type: "array";
                    readonly items: {
                        readonly type: "string";
                    };
                };
            };
        };
        readonly sources: {
            readonly type: "object";
            readonly description: "Where the training job left the model, relative to the manifest's folder.";
            readonly additionalProperties: false;
            readonly minProperties: 1;
            readonly properties: {
                readonly checkpoint: {
                    readonly $ref: "#/$defs/path";
                    readonly description: "PyTorch checkpoint (.pt, .pth, .bin; zip or legacy) or a sharded `pytorch_model.bin.index.json`.";
                    readonly examples: readonly ["checkpoints/model.pt"];
                };
                readonly weightsKey: {
                    readonly type: "string";
                    readonly description: "Key of the nested state dict inside a checkpoint dict, e.g. `state_dict`, `model` or `ema`.";
                    readonly examples: readonly ["ema"];
                };
                readonly safetensors: {
                    readonly $ref: "#/$defs/path";
                    readonly description: "Existing safetensors weights (skips conversion).";
                };
                readonly onnx: {
                    readonly $ref: "#/$defs/path";
                    readonly description: "An ONNX export of the model.";
                    readonly examples: readonly ["onnx/model.onnx"];
                };
                readonly export: {
                    readonly $ref: "#/$defs/exportHook";
                };
                readonly sampleInputs: {
                    readonly $ref: "#/$defs/path";
                    readonly description: "A .npz file of sample inputs (one array per ONNX input name) for the parity check of ONNX variants; without it, inputs are generated from the model's input shapes with a fixed seed.";
                };
                readonly config: {
                    readonly $ref: "#/$defs/path";
                    readonly examples: readonly ["config.json"];
                };
                readonly tokenizer: {
                    readonly type: "array";
                    readonly items: {
                        readonly $ref: "#/$defs/path";
                    };
                    readonly examples: readonly [readonly ["tokenizer.json", "tokenizer_config.json"]];
                };
            };
        };
        readonly exportHook: {
            readonly type: "object";
            readonly description: "A command that exports ONNX from the checkpoint (it needs the model's code) and writes reference outputs to check it against.";
            readonly additionalProperties: false;
            readonly required: readonly ["command", "output"];
            readonly properties: {
                readonly command: {
                    readonly type: "string";
                    readonly minLength: 1;
                    readonly examples: readonly ["python export_onnx.py --out build/model.onnx"];
                };
                readonly output: {
                    readonly $ref: "#/$defs/path";
                    readonly description: "The ONNX file the command writes.";
                };
                readonly referenceInputs: {
                    readonly $ref: "#/$defs/path";
                };
                readonly referenceOutputs: {
                    readonly $ref: "#/$defs/path";
                };
            };
        };
        readonly convert: {
            readonly type: "object";
            readonly description: "How the checkpoint becomes safetensors.";
            readonly additionalProperties: false;
            readonly properties: {
                readonly shardSize: {
                    readonly type: "string";
                    readonly description: "Largest safetensors shard, e.g. `5GB` or `500MB`; a model below it is written as one file.";
                    readonly pattern: "^[0-9]+(\\.[0-9]+)?(B|KB|MB|GB|KiB|MiB|GiB)$";
                    readonly examples: readonly ["5GB"];
                };
            };
        };
        readonly budget: {
            readonly type: "object";
            readonly description: "The error budget a variant must meet; a variant outside it fails the run.";
            readonly additionalProperties: false;
            readonly minProperties: 1;
            readonly properties: {
                readonly minCosine: {
                    readonly type: "number";
                    readonly minimum: -1;
                    readonly maximum: 1;
                    readonly examples: readonly [0.999];
                };
                readonly maxAbsError: {
                    readonly type: "number";
                    readonly minimum: 0;
                };
                readonly maxMeanAbsError: {
                    readonly type: "number";
                    readonly minimum: 0;
                };
                readonly maxRmse: {
                    readonly type: "number";
                    readonly minimum: 0;
                };
            };
        };
        readonly variant: {
            readonly type: "object";
            readonly additionalProperties: false;
            readonly required: readonly ["scheme"];
            readonly properties: {
                readonly scheme: {
                    readonly type: "string";
                    readonly description: "Quantization or conversion scheme.";
                    readonly enum: readonly ["f16", "bf16", "int8", "int4", "q8_0", "q4_0", "q4_k", "q4_k_m", "q6_k", "onnx-int8", "onnx-int4", "onnx-fp16"];
                    readonly examples: readonly ["q4_k_m"];
                };
                readonly budget: {
                    readonly $ref: "#/$defs/budget";
                };
                readonly format: {
                    readonly type: "string";
                    readonly enum: readonly ["safetensors", "gguf"];
                    readonly description: "Container of an f16 or bf16 variant (default safetensors); the ggml schemes are always GGUF, int8 and int4 always safetensors.";
                };
                readonly groupSize: {
                    readonly type: "integer";
                    readonly enum: readonly [32, 64, 128, 256];
                    readonly description: "Group size for int4 safetensors.";
                };
                readonly blockSize: {
                    readonly type: "integer";
                    readonly enum: readonly [32, 128];
                    readonly description: "Block size for onnx-int4 (MatMulNBits).";
                };
                readonly symmetric: {
                    readonly type: "boolean";
                    readonly description: "Symmetric (no zero point) quantization for onnx-int4.";
                };
                readonly form: {
                    readonly type: "string";
                    readonly enum: readonly ["weight-only", "dynamic"];
                    readonly description: "onnx-int8 form: DequantizeLinear weights, or DynamicQuantizeLinear → MatMulInteger.";
                };
                readonly exclude: {
                    readonly type: "array";
                    readonly items: {
                        readonly type: "string";
                    };
                    readonly description: "ONNX node names left unquantized.";
                };
                readonly branch: {
                    readonly type: "string";
                    readonly description: "Publish this variant on a Hub branch instead of the main one (experimental variants).";
                    readonly pattern: "^[A-Za-z0-9._/-]+$";
                };
            };
        };
        readonly destinations: {
            readonly type: "object";
            readonly description: "Where the release goes. Tokens are never written here: they come from the environment.";
            readonly additionalProperties: false;
            readonly minProperties: 1;
            readonly properties: {
                readonly huggingface: {
                    readonly $ref: "#/$defs/huggingface";
                };
                readonly gcs: {
                    readonly $ref: "#/$defs/gcs";
                };
                readonly ipfs: {
                    readonly $ref: "#/$defs/ipfs";
                };
            };
        };
        readonly huggingface: {
            readonly type: "object";
            readonly additionalProperties: false;
            readonly required: readonly ["repo"];
            readonly properties: {
                readonly repo: {
                    readonly type: "string";
                    readonly description: "Hub repository `owner/name`.";
                    readonly pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$";
                    readonly examples: readonly ["ruv/ruvltra"];
                };
                readonly branch: {
                    readonly type: "string";
                    readonly default: "main";
                    readonly pattern: "^[A-Za-z0-9._/-]+$";
                };
                readonly private: {
                    readonly type: "boolean";
                    readonly default: false;
                };
            };
        };
        readonly gcs: {
            readonly type: "object";
            readonly additionalProperties: false;
            readonly required: readonly ["bucket"];
            readonly properties: {
                readonly bucket: {
                    readonly type: "string";
                    readonly description: "Bucket name.";
                    readonly pattern: "^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$";
                    readonly examples: readonly ["edge-net-models"];
                };
                readonly prefix: {
                    readonly type: "string";
                    readonly description: "Folder inside the bucket; objects go to {prefix}/{id}/v{version}/{file}.";
                    readonly pattern: "^([^/](.*[^/])?)?$";
                    readonly examples: readonly ["models"];
                };
                readonly publicBaseUrl: {
                    readonly type: "string";
                    readonly format: "uri";
                    readonly description: "The CDN URL in front of the bucket, for links in the card and manifest.";
                };
            };
        };
        readonly ipfsProvider: {
            readonly type: "object";
            readonly additionalProperties: false;
            readonly required: readonly ["type"];
            readonly properties: {
                readonly type: {
                    readonly type: "string";
                    readonly enum: readonly ["kubo", "pinning-service", "storacha"];
                };
                readonly url: {
                    readonly type: "string";
                    readonly format: "uri";
                    readonly description: "Endpoint URL (Kubo RPC API, Pinning Service API, or for storacha the upload service, default `https://up.storacha.network`).";
                };
                readonly tokenEnv: {
                    readonly type: "string";
                    readonly pattern: "^[A-Z_][A-Z0-9_]*$";
                    readonly description: "Name of the environment variable that holds the provider's token.";
                };
                readonly key: {
                    readonly type: "string";
                    readonly pattern: "^env:[A-Za-z_][A-Za-z0-9_]*$";
                    readonly description: "storacha: where the agent's private key comes from (what `storacha key create` prints), as `env:NAME`. Default `env:STORACHA_KEY`.";
                    readonly examples: readonly ["env:STORACHA_KEY"];
                };
                readonly proof: {
                    readonly type: "string";
                    readonly pattern: "^(env:[A-Za-z_][A-Za-z0-9_]*|file:[^\\s]+)$";
                    readonly description: "storacha: where the space's delegation to the agent comes from (what `storacha delegation create <agent> --can space/blob/add --can space/index/add --can filecoin/offer --can upload/add --can upload/get --base64` prints), as `env:NAME` or `file:PATH`. Default `env:STORACHA_PROOF`.";
                    readonly examples: readonly ["env:STORACHA_PROOF"];
                };
                readonly space: {
                    readonly type: "string";
                    readonly pattern: "^did:key:z[1-9A-HJ-NP-Za-km-z]+$";
                    readonly description: "storacha: the space to upload to; default the one space the proof delegates.";
                };
                readonly serviceDid: {
                    readonly type: "string";
                    readonly pattern: "^did:(web|key):[^\\s]+$";
                    readonly description: "storacha: the DID of the upload service at `url`. Default `did:web:up.storacha.network`.";
                };
            };
        };
        readonly ipfs: {
            readonly type: "object";
            readonly additionalProperties: false;
            readonly required: readonly ["providers"];
            readonly properties: {
                readonly providers: {
                    readonly type: "array";
                    readonly minItems: 1;
                    readonly items: {
                        readonly $ref: "#/$defs/ipfsProvider";
                    };
                };
                readonly gateways: {
                    readonly type: "array";
                    readonly items: {
                        readonly type: "string";
                        readonly format: "uri";
                    };
                    readonly examples: readonly [readonly ["https://ipfs.io"]];
                };
            };
        };
        readonly signing: {
            readonly type: "object";
            readonly description: "Who signs the release and where the private key comes from. The key itself never goes in the manifest.";
            readonly additionalProperties: false;
            readonly required: readonly ["keyId", "key"];
            readonly properties: {
                readonly keyId: {
                    readonly type: "string";
                    readonly minLength: 1;
                    readonly examples: readonly ["ruvector-team"];
                };
                readonly key: {
                    readonly type: "string";
                    readonly description: "Where the Ed25519 private key comes from: `env:NAME` (an environment variable, e.g. a repository secret) or `file:PATH`.";
                    readonly pattern: "^(env:[A-Za-z_][A-Za-z0-9_]*|file:[^\\s]+)$";
                    readonly examples: readonly ["env:MODEL_SIGNING_KEY"];
                };
                readonly publicKey: {
                    readonly type: "string";
                    readonly description: "Base64 public key that verifiers should trust; checked against the private key at signing time.";
                    readonly pattern: "^[A-Za-z0-9+/]{43}=$";
                };
            };
        };
        readonly bench: {
            readonly type: "object";
            readonly description: "Benchmark settings for the pull-request gate.";
            readonly additionalProperties: false;
            readonly properties: {
                readonly provider: {
                    readonly type: "string";
                    readonly enum: readonly ["auto", "cpu", "cuda", "tensorrt"];
                    readonly default: "auto";
                };
                readonly iterations: {
                    readonly type: "integer";
                    readonly minimum: 5;
                    readonly maximum: 100000;
                    readonly default: 100;
                };
                readonly warmup: {
                    readonly type: "integer";
                    readonly minimum: 0;
                    readonly maximum: 10000;
                    readonly default: 5;
                };
                readonly batchSizes: {
                    readonly type: "array";
                    readonly items: {
                        readonly type: "integer";
                        readonly minimum: 1;
                    };
                    readonly minItems: 1;
                    readonly uniqueItems: true;
                };
                readonly sequenceLength: {
                    readonly type: "integer";
                    readonly minimum: 1;
                    readonly description: "Tokens per item, for tokens/s on language models.";
                };
                readonly threshold: {
                    readonly type: "number";
                    readonly exclusiveMinimum: 0;
                    readonly maximum: 1;
                    readonly default: 0.05;
                    readonly description: "Smallest relative change that counts as a regression (0.05 = 5%).";
                };
                readonly metrics: {
                    readonly type: "object";
                    readonly description: "Per-metric overrides, keyed by metric name.";
                    readonly additionalProperties: {
                        readonly type: "object";
                        readonly additionalProperties: false;
                        readonly properties: {
                            readonly threshold: {
                                readonly type: "number";
                                readonly exclusiveMinimum: 0;
                                readonly maximum: 1;
                            };
                            readonly ignore: {
                                readonly type: "boolean";
                            };
                        };
                    };
                };
                readonly command: {
                    readonly type: "string";
                    readonly description: "A custom benchmark command that writes bench-result JSON files.";
                };
            };
        };
    };
};
/** schemas/release-manifest.schema.json */
export declare const releaseManifestSchema: {
    readonly $schema: "https://json-schema.org/draft/2020-12/schema";
    readonly $id: "https://model-publish.dev/schemas/release-manifest.schema.json";
    readonly title: "ReleaseManifest";
    readonly description: "manifest.json of a release folder (seed 003 §4.4 shape): what was built, where it went, and the digests the signature covers.";
    readonly type: "object";
    readonly additionalProperties: false;
    readonly required: readonly ["id", "name", "version", "type", "artifacts"];
    readonly properties: {
        readonly $schema: {
            readonly type: "string";
        };
        readonly id: {
            readonly type: "string";
            readonly pattern: "^[a-z0-9][a-z0-9._-]{0,95}$";
        };
        readonly name: {
            readonly type: "string";
            readonly minLength: 1;
        };
        readonly version: {
            readonly type: "string";
            readonly description: "Semantic version of the release.";
            readonly pattern: "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-((0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(\\+([0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*))?$";
        };
        readonly type: {
            readonly type: "string";
            readonly minLength: 1;
        };
        readonly family: {
            readonly type: "string";
        };
        readonly description: {
            readonly type: "string";
        };
        readonly architecture: {
            readonly type: "object";
            readonly required: readonly ["type"];
            readonly properties: {
                readonly type: {
                    readonly type: "string";
                };
            };
            readonly additionalProperties: {
                readonly type: readonly ["integer", "number", "string", "boolean"];
            };
        };
        readonly optimization: {
            readonly type: "object";
            readonly description: "How the artifacts were optimized. The seed's single-variant fields, plus one entry per variant.";
            readonly properties: {
                readonly quantization: {
                    readonly type: "string";
                };
                readonly format: {
                    readonly type: "string";
                };
                readonly groupSize: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
                readonly originalSize: {
                    readonly type: readonly ["string", "integer"];
                };
                readonly optimizedSize: {
                    readonly type: readonly ["string", "integer"];
                };
                readonly variants: {
                    readonly type: "array";
                    readonly items: {
                        readonly type: "object";
                        readonly required: readonly ["scheme", "files"];
                        readonly properties: {
                            readonly scheme: {
                                readonly type: "string";
                            };
                            readonly files: {
                                readonly type: "array";
                                readonly items: {
                                    readonly type: "string";
                                };
                            };
                            readonly size: {
                                readonly type: "integer";
                                readonly minimum: 0;
                            };
                            readonly compressionRatio: {
                                readonly type: "number";
                                readonly exclusiveMinimum: 0;
                            };
                            readonly metrics: {
                                readonly type: "object";
                                readonly additionalProperties: {
                                    readonly type: "number";
                                };
                            };
                        };
                    };
                };
            };
        };
        readonly artifacts: {
            readonly type: "object";
            readonly description: "Files of the release keyed by role or path. `sha256` is hex; documentation examples abbreviate it with `...`, which verification refuses.";
            readonly minProperties: 1;
            readonly additionalProperties: {
                readonly $ref: "#/$defs/artifact";
            };
        };
        readonly merkleRoot: {
            readonly type: "string";
            readonly pattern: "^[0-9a-f]{64}$";
            readonly description: "RFC 6962 Merkle Tree Hash over the release files (hex).";
        };
        readonly timestamp: {
            readonly type: "string";
            readonly format: "date-time";
        };
        readonly distribution: {
            readonly type: "object";
            readonly properties: {
                readonly primary: {
                    readonly $ref: "#/$defs/location";
                };
                readonly fallback: {
                    readonly $ref: "#/$defs/location";
                };
                readonly mirrors: {
                    readonly type: "array";
                    readonly items: {
                        readonly $ref: "#/$defs/location";
                    };
                };
            };
        };
        readonly ipfs: {
            readonly type: "object";
            readonly description: "The UnixFS settings the CID was computed with.";
            readonly properties: {
                readonly cid: {
                    readonly type: "string";
                };
                readonly cidVersion: {
                    readonly const: 1;
                };
                readonly rawLeaves: {
                    readonly type: "boolean";
                };
                readonly chunkSize: {
                    readonly type: "integer";
                };
                readonly maxChildrenPerNode: {
                    readonly type: "integer";
                };
                readonly layout: {
                    readonly type: "string";
                };
                readonly wrapDirectory: {
                    readonly type: "boolean";
                };
            };
        };
        readonly requirements: {
            readonly type: "object";
            readonly properties: {
                readonly minMemory: {
                    readonly type: "integer";
                    readonly minimum: 0;
                };
                readonly simdRequired: {
                    readonly type: "boolean";
                };
                readonly webgpuOptional: {
                    readonly type: "boolean";
                };
                readonly gpu: {
                    readonly type: "string";
                };
                readonly browserSupport: {
                    readonly type: "array";
                    readonly items: {
                        readonly type: "string";
                    };
                };
            };
        };
        readonly adapters: {
            readonly type: "object";
            readonly properties: {
                readonly baseRank: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
                readonly microRank: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
                readonly slots: {
                    readonly type: "array";
                    readonly items: {
                        readonly type: "string";
                    };
                };
            };
        };
        readonly benchmarks: {
            readonly type: "object";
            readonly description: "Benchmark and quality figures; nested objects group figures by runtime, variant or hardware.";
            readonly additionalProperties: {
                readonly $ref: "#/$defs/benchmarkValue";
            };
        };
        readonly training: {
            readonly type: "object";
            readonly description: "Scalars carried from the checkpoint (step, loss, …).";
            readonly additionalProperties: {
                readonly type: readonly ["number", "string", "boolean"];
            };
        };
        readonly license: {
            readonly type: "string";
            readonly minLength: 1;
        };
        readonly homepage: {
            readonly type: "string";
            readonly format: "uri";
        };
        readonly publishedAt: {
            readonly type: "string";
            readonly format: "date-time";
        };
        readonly publishedBy: {
            readonly type: "string";
        };
    };
    readonly $defs: {
        readonly artifact: {
            readonly type: "object";
            readonly required: readonly ["filename", "size", "sha256"];
            readonly properties: {
                readonly filename: {
                    readonly type: "string";
                    readonly minLength: 1;
                };
                readonly size: {
                    readonly type: "integer";
                    readonly minimum: 0;
                };
                readonly sha256: {
                    readonly type: "string";
                    readonly pattern: "^[0-9a-f]{1,64}(\\.\\.\\.)?$";
                };
                readonly signature: {
                    readonly type: "string";
                };
                readonly format: {
                    readonly type: "string";
                };
                readonly variant: {
                    readonly type: "string";
                };
            };
        };
        readonly location: {
            readonly type: "object";
            readonly required: readonly ["type"];
            readonly properties: {
                readonly type: {
                    readonly type: "string";
                    readonly enum: readonly ["gcs", "ipfs", "huggingface"];
                };
                readonly baseUrl: {
                    readonly type: "string";
                    readonly format: "uri";
                };
                readonly region: {
                    readonly type: "string";
                };
                readonly cid: {
                    readonly type: "string";
                    readonly pattern: "^(Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z0-9]{20,})$";
                };
                readonly gateways: {
                    readonly type: "array";
                    readonly items: {
                        readonly type: "string";
                    };
                };
                readonly repo: {
                    readonly type: "string";
                };
                readonly revision: {
                    readonly type: "string";
                };
            };
        };
        readonly benchmarkValue: {
            readonly type: readonly ["number", "object"];
            readonly additionalProperties: {
                readonly $ref: "#/$defs/benchmarkValue";
            };
        };
    };
};
/** schemas/signature.schema.json */
export declare const signatureSchema: {
    readonly $schema: "https://json-schema.org/draft/2020-12/schema";
    readonly $id: "https://model-publish.dev/schemas/signature.schema.json";
    readonly title: "ReleaseSignature";
    readonly description: "manifest.sig.json (seed 003 App. C): the signed object, its Ed25519 signature over the object's RFC 8785 canonical JSON, and the public key.";
    readonly type: "object";
    readonly additionalProperties: false;
    readonly required: readonly ["manifest", "signature", "publicKey", "keyId"];
    readonly properties: {
        readonly manifest: {
            readonly type: "object";
            readonly title: "SignedManifest";
            readonly additionalProperties: false;
            readonly required: readonly ["id", "version", "artifacts", "merkleRoot", "timestamp"];
            readonly properties: {
                readonly id: {
                    readonly type: "string";
                    readonly pattern: "^[a-z0-9][a-z0-9._-]{0,95}$";
                };
                readonly version: {
                    readonly type: "string";
                    readonly minLength: 1;
                };
                readonly artifacts: {
                    readonly type: "object";
                    readonly description: "Every file of the release except manifest.json and manifest.sig.json, keyed by path relative to the release folder with `/`.";
                    readonly minProperties: 1;
                    readonly additionalProperties: {
                        readonly type: "object";
                        readonly additionalProperties: false;
                        readonly required: readonly ["sha256", "size"];
                        readonly properties: {
                            readonly sha256: {
                                readonly type: "string";
                                readonly pattern: "^[0-9a-f]{64}$";
                            };
                            readonly size: {
                                readonly type: "integer";
                                readonly minimum: 0;
                            };
                        };
                    };
                };
                readonly merkleRoot: {
                    readonly type: "string";
                    readonly pattern: "^[0-9a-f]{64}$";
                };
                readonly timestamp: {
                    readonly type: "string";
                    readonly format: "date-time";
                    readonly pattern: "Z$";
                };
            };
        };
        readonly signature: {
            readonly type: "string";
            readonly description: "Base64 of the raw 64-byte Ed25519 signature.";
            readonly pattern: "^[A-Za-z0-9+/]{86}==$";
        };
        readonly publicKey: {
            readonly type: "string";
            readonly description: "Base64 of the raw 32-byte Ed25519 public key.";
            readonly pattern: "^[A-Za-z0-9+/]{43}=$";
        };
        readonly keyId: {
            readonly type: "string";
            readonly minLength: 1;
        };
    };
};
/** schemas/bench-result.schema.json */
export declare const benchResultSchema: {
    readonly $schema: "https://json-schema.org/draft/2020-12/schema";
    readonly $id: "https://model-publish.dev/schemas/bench-result.schema.json";
    readonly title: "BenchResultFile";
    readonly description: "Benchmark results: what `model-publish bench` writes, and what a custom benchmark command (PyTorch, vLLM, llama.cpp) writes for the gate to compare.";
    readonly type: "object";
    readonly additionalProperties: false;
    readonly required: readonly ["results"];
    readonly properties: {
        readonly $schema: {
            readonly type: "string";
        };
        readonly model: {
            readonly type: "string";
            readonly description: "Model id.";
        };
        readonly commit: {
            readonly type: "string";
            readonly description: "The commit the results were measured on.";
        };
        readonly fingerprint: {
            readonly $ref: "#/$defs/fingerprint";
        };
        readonly results: {
            readonly type: "array";
            readonly minItems: 1;
            readonly items: {
                readonly $ref: "#/$defs/result";
            };
        };
    };
    readonly $defs: {
        readonly result: {
            readonly type: "object";
            readonly title: "BenchResult";
            readonly additionalProperties: false;
            readonly required: readonly ["name", "unit", "direction", "samples"];
            readonly properties: {
                readonly name: {
                    readonly type: "string";
                    readonly minLength: 1;
                    readonly description: "Metric name, e.g. `latency_p50` or `tokens_per_second`.";
                    readonly examples: readonly ["latency"];
                };
                readonly unit: {
                    readonly type: "string";
                    readonly minLength: 1;
                    readonly examples: readonly ["ms"];
                };
                readonly direction: {
                    readonly type: "string";
                    readonly enum: readonly ["lower-is-better", "higher-is-better"];
                };
                readonly samples: {
                    readonly type: "array";
                    readonly minItems: 1;
                    readonly items: {
                        readonly type: "number";
                    };
                    readonly description: "Every measurement, not a summary: the gate compares distributions.";
                };
                readonly variant: {
                    readonly type: "string";
                    readonly description: "The artifact or variant measured, e.g. `reference` or `onnx-int8`.";
                };
                readonly threshold: {
                    readonly type: "number";
                    readonly exclusiveMinimum: 0;
                    readonly maximum: 1;
                    readonly description: "This metric's regression threshold, overriding the default.";
                };
            };
        };
        readonly fingerprint: {
            readonly type: "object";
            readonly title: "HardwareFingerprint";
            readonly description: "What the results were measured on; baselines are only compared with results of the same hash.";
            readonly additionalProperties: false;
            readonly required: readonly ["hash", "cpu", "cores", "platform"];
            readonly properties: {
                readonly hash: {
                    readonly type: "string";
                    readonly pattern: "^[0-9a-f]{16}$";
                };
                readonly cpu: {
                    readonly type: "string";
                };
                readonly cores: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
                readonly platform: {
                    readonly type: "string";
                };
                readonly gpu: {
                    readonly type: "string";
                };
                readonly driver: {
                    readonly type: "string";
                };
                readonly cuda: {
                    readonly type: "string";
                };
                readonly runtime: {
                    readonly type: "string";
                    readonly description: "e.g. `onnxruntime 1.30.0`.";
                };
                readonly provider: {
                    readonly type: "string";
                    readonly description: "Execution provider, e.g. `cpu`, `cuda`.";
                };
            };
        };
    };
};
