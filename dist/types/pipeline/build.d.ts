import type { ManifestIssue } from "../manifest/issue.js";
import type { ReleaseManifest } from "../manifest/types.generated.js";
import type { Artifact } from "./artifacts.js";
import { type PipelineEvent } from "./events.js";
import type { PipelineOptions, PipelineResult } from "./run.js";
export interface BuildOptions extends PipelineOptions {
    /** The commit built, whose time dates the build when there is no tag or SOURCE_DATE_EPOCH. */
    commit?: string;
    /** The release folder to create; it must not hold files yet. */
    outDir: string;
    /** Where `SOURCE_DATE_EPOCH` is read (default: process.env). */
    env?: NodeJS.ProcessEnv;
}
export interface BuildResult {
    valid: true;
    /** What validation found: mode, version, the manifest, the plan. */
    validated: PipelineResult;
    dir: string;
    version: string;
    manifest: ReleaseManifest;
    artifacts: Artifact[];
}
/** A manifest that does not validate builds nothing; its issues say why. */
export type BuildOutcome = BuildResult | {
    valid: false;
    issues: ManifestIssue[];
    validated: PipelineResult;
};
/**
 * `model-publish build`: validate → convert → card → digests, into a new release folder that
 * `sign` completes. Built under a hidden name and moved into place only when whole; two builds of
 * the same inputs (and SOURCE_DATE_EPOCH or tag) give byte-identical folders.
 */
export declare function buildReleaseIter(options: BuildOptions): AsyncGenerator<PipelineEvent, BuildOutcome>;
/** `buildReleaseIter` with a callback for events. */
export declare function buildRelease(options: BuildOptions, onEvent?: (event: PipelineEvent) => void): Promise<BuildOutcome>;
