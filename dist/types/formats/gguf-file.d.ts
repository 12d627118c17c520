import { type GgufHeader, type GgufTensorInfo } from "./gguf-parse.js";
import type { GgufValue } from "./gguf-value.js";
import { RandomAccessFile } from "./random-access-file.js";
/** Headers above this (vocabularies included) are refused rather than read into memory. */
export declare const MAX_GGUF_HEADER_BYTES: number;
/**
 * A GGUF file opened for positional reads: the header is parsed and checked in full (see
 * `parseGgufHeader`); tensor bytes are read on demand.
 */
export declare class GgufFile {
    readonly file: RandomAccessFile;
    readonly header: GgufHeader;
    private readonly byName;
    private constructor();
    /** Opens and checks `path`; throws INPUT_MALFORMED naming the byte offset of the first fault. */
    static open(path: string, name?: string): Promise<GgufFile>;
    get metadata(): ReadonlyMap<string, GgufValue>;
    get tensors(): readonly GgufTensorInfo[];
    tensor(name: string): GgufTensorInfo | undefined;
    /** Absolute file offset of a tensor's bytes. */
    fileOffset(info: GgufTensorInfo): number;
    /** Reads a tensor's bytes into `into` (a new buffer by default). */
    readTensor(info: GgufTensorInfo, into?: Uint8Array): Promise<Uint8Array>;
    close(): Promise<void>;
}
