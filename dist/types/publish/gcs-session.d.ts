import type { ReleaseFile } from "./destination.js";
import { type ObjectHashes } from "./object-hashes.js";
/**
 * The chunk transfer of a GCS resumable upload
 * (https://cloud.google.com/storage/docs/performing-resumable-uploads): the client library opens
 * the session; the bytes go here, one `PUT` per chunk straight from disk with `Content-Range`.
 * Each `resume()` first asks the server how far it got (`bytes *\/size`: 308 with `Range`) and
 * continues from there. The session URI is itself the credential, as Google documents, so these
 * requests carry no token. Memory stays at the socket buffers, whatever the file size.
 */
/** An answer the session did not expect; the retry logic reads `status` and `response.headers`. */
export declare class SessionError extends Error {
    readonly status: number;
    readonly response: {
        status: number;
        headers: Headers;
    };
    constructor(status: number, headers: Headers, message: string);
}
/** One resumable upload of one file. */
export declare class ResumableSession {
    readonly uri: string;
    private readonly file;
    private readonly chunkSize;
    private readonly onBytes;
    private readonly running;
    /** Where the upload stands, when known without asking (a new session is at 0). */
    private offset;
    constructor(uri: string, file: ReleaseFile, chunkSize: number, onBytes: (bytes: number) => void);
    private put;
    /** Sends what the server lacks; returns the object resource once the upload is complete. */
    resume(signal?: AbortSignal): Promise<Record<string, unknown>>;
    /** The file's hashes, when all of it went through this session. */
    hashes(): ObjectHashes | undefined;
}
