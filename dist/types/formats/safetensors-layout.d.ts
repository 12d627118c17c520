import { type Dtype } from "./dtype.js";
/** A tensor to be written: what the header says about it. */
export interface SafetensorsEntry {
    name: string;
    dtype: Dtype;
    shape: readonly number[];
}
export interface PlacedEntry extends SafetensorsEntry {
    /** Offsets relative to the byte buffer. */
    begin: number;
    end: number;
}
/** Everything about a file but its tensor bytes, decided before any byte is written. */
export interface SafetensorsLayout {
    /** The 8-byte length and the padded JSON header. */
    header: Buffer;
    /** Tensors in the order their bytes follow the header. */
    tensors: PlacedEntry[];
    /** Size of the whole file. */
    size: number;
}
/** Bytes a tensor of this dtype and shape occupies; throws when it is not whole bytes. */
export declare function tensorByteLength(entry: SafetensorsEntry): number;
/**
 * Lays out a safetensors file as the reference writer does: tensors sorted by dtype alignment
 * (descending) then name, `__metadata__` first with its keys sorted (so equal input gives equal
 * bytes), compact JSON padded with spaces to a multiple of 8.
 */
export declare function layoutSafetensors(entries: readonly SafetensorsEntry[], metadata?: Readonly<Record<string, string>>): SafetensorsLayout;
