import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { Artifact, ArtifactFormat, ArtifactRole } from "../pipeline/artifacts.js";
/**
 * Copies the sources a release carries as they are (existing safetensors, an ONNX export, config
 * and tokenizer files) into the release folder. Two sources landing on one name is an error.
 */
export declare function copySources(manifest: AuthoredManifest, manifestDir: string, releaseDir: string): Promise<Artifact[]>;
/** Copies one file into the release folder at `path` (relative, with `/`). */
export declare function copyIntoRelease(from: string, releaseDir: string, path: string, role: ArtifactRole, format: ArtifactFormat): Promise<Artifact>;
