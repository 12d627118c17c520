import { RandomAccessFile } from "./random-access-file.js";
import { type SafetensorsHeader, type SafetensorsTensorInfo } from "./safetensors-header.js";
/**
 * A safetensors file opened for positional reads: the header is read and validated in full,
 * tensor bytes are read on demand.
 */
export declare class SafetensorsFile {
    readonly file: RandomAccessFile;
    readonly header: SafetensorsHeader;
    private readonly byName;
    private constructor();
    /** Opens and validates `path`; throws INPUT_MALFORMED naming the rule that failed. */
    static open(path: string, name?: string): Promise<SafetensorsFile>;
    get tensors(): readonly SafetensorsTensorInfo[];
    get metadata(): Record<string, string> | undefined;
    tensor(name: string): SafetensorsTensorInfo | undefined;
    /** Absolute file offset and length of a tensor's bytes. */
    byteRange(info: SafetensorsTensorInfo): {
        offset: number;
        length: number;
    };
    /** Reads one tensor's bytes whole; meant for small tensors (tests, scalars). */
    readTensor(name: string): Promise<Buffer>;
    close(): Promise<void>;
}
