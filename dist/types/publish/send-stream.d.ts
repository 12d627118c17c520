import type { Readable } from "node:stream";
/** The answer to a streamed request. */
export interface StreamedAnswer {
    status: number;
    headers: Headers;
    body: Buffer;
}
/**
 * Sends one request whose body is a Node stream of known length, through node:http(s) with
 * ordinary backpressure: the file is read as fast as the socket takes it, 64 KiB at a time. Used
 * for the large uploads, where the Fetch API's stream bridging costs throughput and memory.
 */
export declare function sendStream(url: string, method: string, headers: Record<string, string>, body: Readable | undefined, length: number, signal?: AbortSignal): Promise<StreamedAnswer>;
