import type { TensorProto } from "../formats/onnx-proto-types.js";
/** A 2-D weight's bytes, a run of whole rows at a time, wherever the model keeps them. */
export interface RowSource {
    readonly rows: number;
    readonly rowBytes: number;
    /** Fills `into` with rows [row, row + count). */
    read(row: number, count: number, into: Uint8Array): Promise<void>;
    close(): Promise<void>;
}
/**
 * Opens the bytes of `tensor`, `rows` rows of `rowBytes` bytes: straight from the file when they
 * are on disk (external data, or raw_data `readOnnx` left in the model file), so a weight is
 * never held whole, else from memory. Throws INPUT_MALFORMED when its shape does not say
 * `rows` × `rowBytes`.
 */
export declare function openRows(tensor: TensorProto, dir: string, where: string, rows: number, rowBytes: number): Promise<RowSource>;
/**
 * Reads `source` in runs of `chunkRows` rows into two buffers taking turns, and calls `use` on
 * each run as soon as it is in: the read of the next run (on libuv's threads) overlaps `use` of
 * the current one. `buffer(slot, bytes)` gives `bytes` of the memory of slot 0 or 1.
 */
export declare function forEachRowChunk(source: RowSource, chunkRows: number, buffer: (slot: number, bytes: number) => Uint8Array, use: (slot: number, row: number, count: number) => Promise<void> | void): Promise<void>;
