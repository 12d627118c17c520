import type { TensorProto } from "./onnx-proto-types.js";
/**
 * Where the raw_data of a large initializer lies in the model file itself: `readOnnx` leaves
 * such bytes on disk (the tensor decodes with an empty raw_data) and records them here, so a
 * model bigger than memory is never loaded whole; readers and the writer fetch them on demand.
 */
export interface LazyRawData {
    /** The model file. */
    file: string;
    offset: number;
    length: number;
}
export declare function setLazyRawData(tensor: TensorProto, ref: LazyRawData): void;
/** The on-disk raw_data of `tensor`, when `readOnnx` left it there. */
export declare function lazyRawData(tensor: TensorProto): LazyRawData | undefined;
