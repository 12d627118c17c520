import type { PullSource } from "./pull-source.js";
export interface GcsSourceOptions {
    bucket: string;
    /** The version folder, `{prefix}/{id}/v{version}`, without slashes at either end. */
    folder: string;
    /** The JSON API endpoint (`STORAGE_EMULATOR_HOST`); default Google's. */
    apiEndpoint?: string;
    projectId?: string;
    /**
     * The OAuth access token for a request. Default: for Google's endpoint, application default
     * credentials through `@google-cloud/storage` (anonymous when there are none, which reads
     * public buckets); for another endpoint (an emulator), none, as the client library does.
     */
    accessToken?: () => Promise<string | undefined>;
}
/**
 * A release in a GCS version folder, read with plain ranged GETs of the JSON API's media
 * downloads (`/download/storage/v1/b/{bucket}/o/{object}?alt=media`), with the credentials
 * publish uses. The client library's download stream costs about twice the CPU per byte; its
 * MD5/CRC32C check is not needed either: every file is held to the SHA-256 of the signed manifest.
 */
export declare class GcsSource implements PullSource {
    readonly name: "gcs";
    private readonly options;
    private readonly token;
    constructor(options: GcsSourceOptions);
    get target(): string;
    read(path: string, offset: number, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array<ArrayBufferLike>>>;
}
