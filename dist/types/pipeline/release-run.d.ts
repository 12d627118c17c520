import { type PublishResult } from "../publish/publish-release.js";
import { type ReleaseCarFile } from "../publish/release-car-file.js";
import { type BenchStageOptions, type BenchStageResult } from "./bench-stage.js";
import { type BuildOptions, type BuildResult } from "./build.js";
import { type PipelineEvent } from "./events.js";
import type { PipelineResult } from "./run.js";
export interface ReleaseRunOptions extends BuildOptions {
    /** Private key text (PEM or base64 seed), e.g. from a secret; else the manifest's `signing.key`. */
    signingKey?: string;
    /** The benchmark gate's baseline and recording (the bench stage runs in check mode, or to record). */
    bench?: BenchStageOptions;
}
export interface ReleaseRunResult {
    /** What each destination published, in release mode. */
    publish?: PublishResult;
    /** The release as one CAR file, when IPFS is a destination (release mode). */
    car?: ReleaseCarFile;
    /** What a release would upload and where, in check and dry-run modes (no remote asked). */
    publishPlan?: PublishResult;
    validated: PipelineResult;
    build?: BuildResult;
    /** Hex SHA-256 of manifest.json as it ends up. */
    manifestSha256?: string;
    signedBy?: string;
    bench?: BenchStageResult;
}
/**
 * The whole run for a mode: build the release folder; in release mode sign it (a release is never
 * unsigned); in check mode benchmark the ONNX model and compare with the base commit's results.
 * Publishing joins here as the destinations do.
 */
export declare function runReleaseIter(options: ReleaseRunOptions): AsyncGenerator<PipelineEvent, ReleaseRunResult>;
export declare function runRelease(options: ReleaseRunOptions, onEvent?: (event: PipelineEvent) => void): Promise<ReleaseRunResult>;
