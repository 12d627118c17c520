import type { Destination, DestinationPlan, PublishContext, PublishableRelease, ReadBackReport, Receipt } from "./destination.js";
import { type GcsLocation } from "./gcs-layout.js";
export interface GcsOptions extends GcsLocation {
    /** The JSON API endpoint (a local server in tests); default Google's, with ADC credentials. */
    apiEndpoint?: string;
    projectId?: string;
    /** Objects uploaded at once. Default 4. */
    parallelism?: number;
    /** Files above this size go up in a resumable session. Default 8 MiB. */
    resumableAbove?: number;
    /** Bytes per request of a resumable upload, a multiple of 256 KiB. Default 256 MiB. */
    chunkSize?: number;
    /** Longest wait for one call of the client library (it can stall on a cut body). Default 60 s. */
    timeoutMs?: number;
}
/**
 * Google Cloud Storage through `@google-cloud/storage`: `gs://{bucket}/{prefix}/{id}/v{version}/`
 * holds the release, written create-only (`ifGenerationMatch: 0`) with bounded parallelism,
 * the manifests last; then `latest.json` and `index.json`. An existing object with the same
 * bytes is skipped, a different one refuses the release before anything is written. Read back:
 * the server's MD5 and CRC-32C of every object against the local files.
 */
export declare class GcsDestination implements Destination {
    readonly name: "gcs";
    private readonly options;
    private bucketHandle;
    private readonly hashes;
    private registryCurrent;
    constructor(options: GcsOptions);
    /** The bucket, the client library loaded on first use. */
    private bucket;
    private get timeoutMs();
    private folder;
    private gsUrl;
    private retry;
    /** Every object under the version folder, by release path. */
    private listed;
    private localHashes;
    private plannedFile;
    private registryStep;
    localPlan(release: PublishableRelease): DestinationPlan;
    plan(release: PublishableRelease, context: PublishContext): Promise<DestinationPlan>;
    private metadata;
    upload(release: PublishableRelease, plan: DestinationPlan, context: PublishContext): Promise<Receipt>;
    verify(release: PublishableRelease, context: PublishContext): Promise<ReadBackReport>;
}
