/** What kind of file an artifact is; decides how it is hashed, described and uploaded. */
export type ArtifactFormat = "safetensors" | "safetensors-index" | "gguf" | "onnx" | "onnx-data" | "json" | "markdown" | "other";
/** Why the file is in the release. */
export type ArtifactRole = "weights" | "variant" | "config" | "tokenizer" | "card" | "other";
/** One file of a release, as the stages pass it along. */
export interface Artifact {
    /** Path relative to the release folder, with `/`. */
    path: string;
    /** Absolute path on disk. */
    file: string;
    size: number;
    /** Hex SHA-256, once the sign stage (or anyone who read the bytes) has it. */
    sha256?: string;
    format: ArtifactFormat;
    role: ArtifactRole;
    /** The variant's scheme (`q4_k_m`, `int8`, `onnx-fp16`, …) for role `variant`. */
    variant?: string;
    /** Evaluation figures for a variant (compression ratio, cosine, …). */
    metrics?: Record<string, number>;
}
/** The files of a release in the making, and what the stages learned about them. */
export interface ArtifactSet {
    /** The release folder. */
    root: string;
    artifacts: Artifact[];
    /** Scalars carried from the checkpoint (step, loss, …) into the manifest's `training` section. */
    training?: Record<string, number | string | boolean>;
}
