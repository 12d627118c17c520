import type { Bucket } from "@google-cloud/storage";
import type { PublishContext, PublishableRelease } from "./destination.js";
import { type GcsLocation } from "./gcs-layout.js";
import { type RetryVerdict } from "./retry.js";
/**
 * The bucket's registry: `{prefix}/index.json`, every model and version (the answer of seed 003
 * §9.1 `GET /v1/models`, as static JSON), and `{prefix}/{id}/latest.json`. The only objects ever
 * rewritten, each by read-modify-write under `ifGenerationMatch`, so two releases published at
 * once both end up in them.
 */
/** One model version in index.json (seed 003 §9.1 ModelSummary, with where its manifest is). */
export interface ModelSummary {
    id: string;
    name: string;
    type: string;
    quantization?: string;
    /** Bytes of the release's signed files. */
    size: number;
    version: string;
    publishedAt?: string;
    manifest: string;
}
/** latest.json: the highest version of a model published so far. */
export interface LatestPointer {
    id: string;
    version: string;
    manifest: string;
    baseUrl: string;
    publishedAt?: string;
}
/** The summary of a release for index.json. */
export declare function summaryOf(release: PublishableRelease, location: GcsLocation): ModelSummary;
/** index.json with this release's entry in place, sorted by id then newest version first. */
export declare function withSummary(current: unknown, summary: ModelSummary): ModelSummary[] | undefined;
/** latest.json pointing at this release, unless a higher version is already there. */
export declare function withLatest(current: unknown, latest: LatestPointer): LatestPointer | undefined;
/** latest.json for a release. */
export declare function latestOf(release: PublishableRelease, location: GcsLocation): LatestPointer;
/** The object changed between reading its generation and reading that generation. */
export declare class ChangedMeanwhile extends Error {
}
/** Retry verdict of the registry's read-modify-write: lost races start over, so do transient faults. */
export declare function registryVerdict(error: unknown): RetryVerdict;
/** Reads a JSON object and its generation ("0" when it does not exist). */
export declare function readJsonObject(bucket: Bucket, name: string, timeoutMs: number): Promise<{
    generation: string;
    value: unknown;
}>;
/**
 * Read-modify-write of one JSON object under a generation match: `update` gets what is there
 * and returns the new value, or undefined when nothing needs to change. A 412 (someone wrote in
 * between) starts over from a fresh read, so no concurrent update is lost.
 */
export declare function updateJsonObject(bucket: Bucket, name: string, update: (current: unknown) => unknown, context: PublishContext, timeoutMs: number): Promise<boolean>;
/** Brings index.json and latest.json up to date with a release; true when either changed. */
export declare function updateRegistry(bucket: Bucket, location: GcsLocation, release: PublishableRelease, context: PublishContext, timeoutMs: number): Promise<boolean>;
/** Whether the registry already lists the release as it would be written. */
export declare function registryHas(bucket: Bucket, location: GcsLocation, release: PublishableRelease, timeoutMs: number): Promise<boolean>;
