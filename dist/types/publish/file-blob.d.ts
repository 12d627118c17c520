import { Readable } from "node:stream";
/**
 * A Blob over a byte range of a file on disk, read only when it is streamed: what an HTTP client
 * library gets for a release file, so that neither hashing nor uploading a multi-GB file ever
 * holds more than a few 64 KiB buffers of it.
 */
export declare class FileSlice extends Blob {
    readonly path: string;
    readonly start: number;
    readonly end: number;
    /** An own property: it shadows Blob's getter, which knows nothing of the file. */
    readonly size: number;
    constructor(path: string, start: number, end: number);
    slice(start?: number, end?: number): FileSlice;
    /** The bytes as a Node stream. */
    nodeStream(): Readable;
    /** A web stream that reads 1 MiB per pull (bridging a Node stream costs a third of the speed). */
    stream(): ReturnType<Blob["stream"]>;
    arrayBuffer(): Promise<ArrayBuffer>;
    text(): Promise<string>;
}
