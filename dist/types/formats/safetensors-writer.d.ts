import type { PlacedEntry, SafetensorsLayout } from "./safetensors-layout.js";
/**
 * Supplies one tensor's bytes in order. A chunk may be reused by the producer once the next
 * chunk is requested: the writer keeps at most one write in flight, so reading the next chunk
 * overlaps writing the last one.
 */
export type TensorBytes = (entry: PlacedEntry) => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
export interface WriteOptions {
    /** Called with the size of each chunk of tensor bytes once it is written (and read back). */
    onBytes?: (bytes: number) => void;
    /**
     * Read every chunk back from the file once written and compare it with the bytes meant for
     * it; a difference is an OUTPUT_MISMATCH naming the tensor and the byte range.
     */
    readBack?: boolean;
    /** Name used in messages (default: the file's base name). */
    name?: string;
}
/**
 * Streams a safetensors file to `path`: the header first, then each tensor's bytes as they are
 * produced. Memory stays at the producer's chunks whatever the model's size.
 */
export declare function writeSafetensors(path: string, layout: SafetensorsLayout, bytes: TensorBytes, options?: WriteOptions): Promise<void>;
