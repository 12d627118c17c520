import { type Dtype } from "./dtype.js";
/** The reference reader's cap on the JSON header (`MAX_HEADER_SIZE`). */
export declare const MAX_HEADER_SIZE = 100000000;
/** One tensor as the header describes it; offsets are relative to the start of the byte buffer. */
export interface SafetensorsTensorInfo {
    name: string;
    dtype: Dtype;
    shape: number[];
    begin: number;
    end: number;
}
export interface SafetensorsHeader {
    /** N, the JSON header's length in bytes (padding included). */
    headerLength: number;
    /** File offset of the byte buffer: 8 + N. */
    dataStart: number;
    /** `__metadata__`, when present and not null. */
    metadata: Record<string, string> | undefined;
    /** Tensors in data order. */
    tensors: SafetensorsTensorInfo[];
}
/**
 * Reads N from the first 8 bytes and checks it the way the reference reader does
 * (HeaderTooSmall, HeaderTooLarge, InvalidHeaderLength).
 */
export declare function readHeaderLength(first: Uint8Array, fileSize: number, name: string): number;
/**
 * Parses and validates the N header bytes with every rule of the reference reader
 * (`SafeTensors::read_metadata` + `Metadata::validate`), plus duplicate-key rejection.
 */
export declare function parseSafetensorsHeader(headerBytes: Uint8Array, fileSize: number, name: string): SafetensorsHeader;
