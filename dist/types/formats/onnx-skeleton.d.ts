import type { RandomAccessFile } from "./random-access-file.js";
/** A raw_data payload left in the file: the nth graph initializer's bytes. */
export interface SkippedRawData {
    initializer: number;
    offset: number;
    length: number;
}
/**
 * Reads a model file as protobuf while leaving the raw_data of graph initializers of at least
 * `threshold` bytes on disk: returns the model's bytes with those payloads emptied (a
 * "skeleton" that decodes to the same model minus that data) and where each payload is. The
 * file is read in order, a window at a time; nothing is read twice.
 */
export declare function readSkeleton(file: RandomAccessFile, threshold: number): Promise<{
    skeleton: Buffer;
    skipped: SkippedRawData[];
}>;
