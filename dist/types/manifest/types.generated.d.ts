/**
 * A string or a list of strings.
 */
export type StringOrList = string | string[];
/**
 * A file path; a relative one starts from the manifest's folder.
 */
export type Path = string;
/**
 * The manifest a user writes (YAML or JSON) to describe a model release: identity, card metadata, sources, variants, destinations, signing and benchmarks.
 */
export interface AuthoredManifest {
    /**
     * Optional schema reference for editors.
     */
    $schema?: string;
    /**
     * Model id: lower-case letters, digits, '.', '_' and '-'; starts with a letter or digit. Used in file names ({id}-{size}-{quant}.{ext}) and storage paths.
     */
    id: string;
    /**
     * Human-readable model name.
     */
    name: string;
    /**
     * Release version: a semantic version MAJOR.MINOR.PATCH (pre-release and build parts allowed), or `from-tag` to take it from the pushed tag (v1.2.3 → 1.2.3).
     */
    version: string;
    /**
     * What the model does (seed 003 §2).
     */
    type: "text-generation" | "embedding" | "vision" | "image-generation" | "image-classification" | "audio" | "other";
    /**
     * Model family, e.g. `llama`, `qwen2`, `phi`.
     */
    family?: string;
    /**
     * Size label used in artifact file names ({id}-{size}-{quant}.gguf), e.g. `0.5b`.
     */
    size?: string;
    /**
     * One or more paragraphs for the model card's description section.
     */
    description?: string;
    /**
     * What the model is good at, one line each (model card).
     */
    capabilities?: string[];
    architecture?: Architecture;
    /**
     * License id as the Hugging Face Hub knows it (SPDX-like, lower-case: `apache-2.0`, `mit`, `llama3.1`), or `other` with `licenseName` and `licenseLink`.
     */
    license: string;
    /**
     * Name of a custom license (with `license: other`).
     */
    licenseName?: string;
    /**
     * Link to a custom license (with `license: other`): a URL or a file in the repository, e.g. `LICENSE.md`.
     */
    licenseLink?: string;
    homepage?: string;
    /**
     * BibTeX entry for the model card's citation section.
     */
    citation?: string;
    requirements?: Requirements;
    adapters?: Adapters;
    card?: Card;
    sources: Sources;
    convert?: Convert;
    /**
     * Quantized or converted variants to build; each is checked against its error budget.
     */
    variants?: Variant[];
    destinations?: Destinations;
    signing?: Signing;
    bench?: Bench;
}
/**
 * Architecture facts for the card's table and the release manifest (seed 003 §4.4).
 */
export interface Architecture {
    /**
     * e.g. `transformer`, `cnn`, `diffusion-transformer`.
     */
    type: string;
    /**
     * Architecture class as in config.json, e.g. `Qwen2ForCausalLM`.
     */
    name?: string;
    /**
     * Parameter count.
     */
    parameters?: number;
    layers?: number;
    hiddenSize?: number;
    intermediateSize?: number;
    attentionHeads?: number;
    kvHeads?: number;
    vocabSize?: number;
    contextLength?: number;
    patchSize?: number;
    imageSize?: number;
}
/**
 * Runtime requirements (seed 003 §4.4).
 */
export interface Requirements {
    /**
     * Bytes of memory needed to run the smallest variant.
     */
    minMemory?: number;
    simdRequired?: boolean;
    webgpuOptional?: boolean;
    /**
     * Recommended GPU, e.g. `NVIDIA T4 (16 GB)`.
     */
    gpu?: string;
    browserSupport?: string[];
}
/**
 * LoRA adapter slots (seed 003 §5).
 */
export interface Adapters {
    baseRank?: number;
    microRank?: number;
    slots?: string[];
}
/**
 * Model card metadata. Keys are spelled as in Hugging Face model-card front matter so they can be copied from an existing card.
 */
export interface Card {
    /**
     * A Jinja model-card template that replaces the default one.
     */
    template?: string;
    tags?: string[];
    datasets?: string[];
    metrics?: string[];
    language?: StringOrList;
    library_name?: string;
    pipeline_tag?: string;
    base_model?: StringOrList;
    base_model_relation?: "adapter" | "merge" | "quantized" | "finetune";
    authors?: string[];
}
/**
 * Where the training job left the model, relative to the manifest's folder.
 */
export interface Sources {
    /**
     * PyTorch checkpoint (.pt, .pth, .bin; zip or legacy) or a sharded `pytorch_model.bin.index.json`.
     */
    checkpoint?: string;
    /**
     * Key of the nested state dict inside a checkpoint dict, e.g. `state_dict`, `model` or `ema`.
     */
    weightsKey?: string;
    /**
     * Existing safetensors weights (skips conversion).
     */
    safetensors?: string;
    /**
     * An ONNX export of the model.
     */
    onnx?: string;
    export?: ExportHook;
    /**
     * A file path; a relative one starts from the manifest's folder.
     */
    sampleInputs?: string;
    /**
     * A file path; a relative one starts from the manifest's folder.
     */
    config?: string;
    tokenizer?: Path[];
}
/**
 * A command that exports ONNX from the checkpoint (it needs the model's code) and writes reference outputs to check it against.
 */
export interface ExportHook {
    command: string;
    /**
     * The ONNX file the command writes.
     */
    output: string;
    referenceInputs?: Path;
    referenceOutputs?: Path;
}
/**
 * How the checkpoint becomes safetensors.
 */
export interface Convert {
    /**
     * Largest safetensors shard, e.g. `5GB` or `500MB`; a model below it is written as one file.
     */
    shardSize?: string;
}
export interface Variant {
    /**
     * Quantization or conversion scheme.
     */
    scheme: "f16" | "bf16" | "int8" | "int4" | "q8_0" | "q4_0" | "q4_k" | "q4_k_m" | "q6_k" | "onnx-int8" | "onnx-int4" | "onnx-fp16";
    budget?: Budget;
    /**
     * Container of an f16 or bf16 variant (default safetensors); the ggml schemes are always GGUF, int8 and int4 always safetensors.
     */
    format?: "safetensors" | "gguf";
    /**
     * Group size for int4 safetensors.
     */
    groupSize?: 32 | 64 | 128 | 256;
    /**
     * Block size for onnx-int4 (MatMulNBits).
     */
    blockSize?: 32 | 128;
    /**
     * Symmetric (no zero point) quantization for onnx-int4.
     */
    symmetric?: boolean;
    /**
     * onnx-int8 form: DequantizeLinear weights, or DynamicQuantizeLinear → MatMulInteger.
     */
    form?: "weight-only" | "dynamic";
    /**
     * ONNX node names left unquantized.
     */
    exclude?: string[];
    /**
     * Publish this variant on a Hub branch instead of the main one (experimental variants).
     */
    branch?: string;
}
/**
 * The error budget a variant must meet; a variant outside it fails the run.
 */
export interface Budget {
    minCosine?: number;
    maxAbsError?: number;
    maxMeanAbsError?: number;
    maxRmse?: number;
}
/**
 * Where the release goes. Tokens are never written here: they come from the environment.
 */
export interface Destinations {
    huggingface?: Huggingface;
    gcs?: Gcs;
    ipfs?: Ipfs;
}
export interface Huggingface {
    /**
     * Hub repository `owner/name`.
     */
    repo: string;
    branch?: string;
    private?: boolean;
}
export interface Gcs {
    /**
     * Bucket name.
     */
    bucket: string;
    /**
     * Folder inside the bucket; objects go to {prefix}/{id}/v{version}/{file}.
     */
    prefix?: string;
    /**
     * The CDN URL in front of the bucket, for links in the card and manifest.
     */
    publicBaseUrl?: string;
}
export interface Ipfs {
    /**
     * @minItems 1
     */
    providers: [IpfsProvider, ...IpfsProvider[]];
    gateways?: string[];
}
export interface IpfsProvider {
    type: "kubo" | "pinning-service" | "storacha";
    /**
     * Endpoint URL (Kubo RPC API, Pinning Service API, or for storacha the upload service, default `https://up.storacha.network`).
     */
    url?: string;
    /**
     * Name of the environment variable that holds the provider's token.
     */
    tokenEnv?: string;
    /**
     * storacha: where the agent's private key comes from (what `storacha key create` prints), as `env:NAME`. Default `env:STORACHA_KEY`.
     */
    key?: string;
    /**
     * storacha: where the space's delegation to the agent comes from (what `storacha delegation create <agent> --can space/blob/add --can space/index/add --can filecoin/offer --can upload/add --can upload/get --base64` prints), as `env:NAME` or `file:PATH`. Default `env:STORACHA_PROOF`.
     */
    proof?: string;
    /**
     * storacha: the space to upload to; default the one space the proof delegates.
     */
    space?: string;
    /**
     * storacha: the DID of the upload service at `url`. Default `did:web:up.storacha.network`.
     */
    serviceDid?: string;
}
/**
 * Who signs the release and where the private key comes from. The key itself never goes in the manifest.
 */
export interface Signing {
    keyId: string;
    /**
     * Where the Ed25519 private key comes from: `env:NAME` (an environment variable, e.g. a repository secret) or `file:PATH`.
     */
    key: string;
    /**
     * Base64 public key that verifiers should trust; checked against the private key at signing time.
     */
    publicKey?: string;
}
/**
 * Benchmark settings for the pull-request gate.
 */
export interface Bench {
    provider?: "auto" | "cpu" | "cuda" | "tensorrt";
    iterations?: number;
    warmup?: number;
    /**
     * @minItems 1
     */
    batchSizes?: [number, ...number[]];
    /**
     * Tokens per item, for tokens/s on language models.
     */
    sequenceLength?: number;
    /**
     * Smallest relative change that counts as a regression (0.05 = 5%).
     */
    threshold?: number;
    /**
     * Per-metric overrides, keyed by metric name.
     */
    metrics?: {
        [k: string]: {
            threshold?: number;
            ignore?: boolean;
        };
    };
    /**
     * A custom benchmark command that writes bench-result JSON files.
     */
    command?: string;
}
export type BenchmarkValue = number | {
    [k: string]: BenchmarkValue;
};
/**
 * manifest.json of a release folder (seed 003 §4.4 shape): what was built, where it went, and the digests the signature covers.
 */
export interface ReleaseManifest {
    $schema?: string;
    id: string;
    name: string;
    /**
     * Semantic version of the release.
     */
    version: string;
    type: string;
    family?: string;
    description?: string;
    architecture?: {
        type: string;
        [k: string]: number | string | boolean;
    };
    /**
     * How the artifacts were optimized. The seed's single-variant fields, plus one entry per variant.
     */
    optimization?: {
        quantization?: string;
        format?: string;
        groupSize?: number;
        originalSize?: string | number;
        optimizedSize?: string | number;
        variants?: {
            scheme: string;
            files: string[];
            size?: number;
            compressionRatio?: number;
            metrics?: {
                [k: string]: number;
            };
        }[];
    };
    /**
     * Files of the release keyed by role or path. `sha256` is hex; documentation examples abbreviate it with `...`, which verification refuses.
     */
    artifacts: {
        [k: string]: Artifact;
    };
    /**
     * RFC 6962 Merkle Tree Hash over the release files (hex).
     */
    merkleRoot?: string;
    timestamp?: string;
    distribution?: {
        primary?: Location;
        fallback?: Location;
        mirrors?: Location[];
    };
    /**
     * The UnixFS settings the CID was computed with.
     */
    ipfs?: {
        cid?: string;
        cidVersion?: 1;
        rawLeaves?: boolean;
        chunkSize?: number;
        maxChildrenPerNode?: number;
        layout?: string;
        wrapDirectory?: boolean;
    };
    requirements?: {
        minMemory?: number;
        simdRequired?: boolean;
        webgpuOptional?: boolean;
        gpu?: string;
        browserSupport?: string[];
    };
    adapters?: {
        baseRank?: number;
        microRank?: number;
        slots?: string[];
    };
    /**
     * Benchmark and quality figures; nested objects group figures by runtime, variant or hardware.
     */
    benchmarks?: {
        [k: string]: BenchmarkValue;
    };
    /**
     * Scalars carried from the checkpoint (step, loss, …).
     */
    training?: {
        [k: string]: number | string | boolean;
    };
    license?: string;
    homepage?: string;
    publishedAt?: string;
    publishedBy?: string;
}
export interface Artifact {
    filename: string;
    size: number;
    sha256: string;
    signature?: string;
    format?: string;
    variant?: string;
}
export interface Location {
    type: "gcs" | "ipfs" | "huggingface";
    baseUrl?: string;
    region?: string;
    cid?: string;
    gateways?: string[];
    repo?: string;
    revision?: string;
}
/**
 * manifest.sig.json (seed 003 App. C): the signed object, its Ed25519 signature over the object's RFC 8785 canonical JSON, and the public key.
 */
export interface ReleaseSignature {
    manifest: SignedManifest;
    /**
     * Base64 of the raw 64-byte Ed25519 signature.
     */
    signature: string;
    /**
     * Base64 of the raw 32-byte Ed25519 public key.
     */
    publicKey: string;
    keyId: string;
}
export interface SignedManifest {
    id: string;
    version: string;
    /**
     * Every file of the release except manifest.json and manifest.sig.json, keyed by path relative to the release folder with `/`.
     */
    artifacts: {
        [k: string]: {
            sha256: string;
            size: number;
        };
    };
    merkleRoot: string;
    timestamp: string;
}
/**
 * Benchmark results: what `model-publish bench` writes, and what a custom benchmark command (PyTorch, vLLM, llama.cpp) writes for the gate to compare.
 */
export interface BenchResultFile {
    $schema?: string;
    /**
     * Model id.
     */
    model?: string;
    /**
     * The commit the results were measured on.
     */
    commit?: string;
    fingerprint?: HardwareFingerprint;
    /**
     * @minItems 1
     */
    results: [BenchResult, ...BenchResult[]];
}
/**
 * What the results were measured on; baselines are only compared with results of the same hash.
 */
export interface HardwareFingerprint {
    hash: string;
    cpu: string;
    cores: number;
    platform: string;
    gpu?: string;
    driver?: string;
    cuda?: string;
    /**
     * e.g. `onnxruntime 1.30.0`.
     */
    runtime?: string;
    /**
     * Execution provider, e.g. `cpu`, `cuda`.
     */
    provider?: string;
}
export interface BenchResult {
    /**
     * Metric name, e.g. `latency_p50` or `tokens_per_second`.
     */
    name: string;
    unit: string;
    direction: "lower-is-better" | "higher-is-better";
    /**
     * Every measurement, not a summary: the gate compares distributions.
     *
     * @minItems 1
     */
    samples: [number, ...number[]];
    /**
     * The artifact or variant measured, e.g. `reference` or `onnx-int8`.
     */
    variant?: string;
    /**
     * This metric's regression threshold, overriding the default.
     */
    threshold?: number;
}
