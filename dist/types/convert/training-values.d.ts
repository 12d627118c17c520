import { type Dtype } from "../formats/dtype.js";
import { type PyValue } from "../formats/pickle-values.js";
/** A scalar a checkpoint carries beside its weights (step, loss, …), as the manifest holds it. */
export type TrainingValue = number | string | boolean;
/** A training value and how it reads in safetensors `__metadata__` (Python's `str()` of it). */
export interface TrainingEntry {
    value: TrainingValue;
    text: string;
}
/** Python's `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export declare function pythonFloatRepr(x: number): string;
/** The plain scalars among a checkpoint's entries; containers and long strings are left out. */
export declare function trainingEntry(value: PyValue): TrainingEntry | undefined;
/**
 * The value of a one-element tensor (a 0-dim `loss`) from its little-endian bytes, or undefined
 * for dtypes with no plain number (complex, float8).
 */
export declare function scalarTensorEntry(dtype: Dtype, bytes: Buffer): TrainingEntry | undefined;
