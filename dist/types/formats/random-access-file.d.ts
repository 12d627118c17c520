/**
 * A file read by position only: every read names its offset and length, so a multi-GB file is
 * never loaded whole, and a short read is reported as truncation instead of returning less.
 */
export declare class RandomAccessFile {
    /** Absolute or caller-given path. */
    readonly path: string;
    /** Name used in messages. */
    readonly name: string;
    readonly size: number;
    private readonly handle;
    private constructor();
    /** Opens `path` for reading; `name` (default: the base name) is what messages call it. */
    static open(path: string, name?: string): Promise<RandomAccessFile>;
    /** Reads exactly `length` bytes at `offset` into a new buffer. */
    read(offset: number, length: number, what?: string): Promise<Buffer>;
    /** Fills `buffer[at, at+length)` from `offset`; throws if the file ends first. */
    readInto(buffer: Uint8Array, at: number, length: number, offset: number, what?: string): Promise<void>;
    close(): Promise<void>;
}
