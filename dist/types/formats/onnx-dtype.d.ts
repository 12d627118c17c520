/**
 * ONNX TensorProto.DataType codes and what this library needs to know about each: its name,
 * its size (4-bit types count half a byte) and onnxruntime-node's name for it.
 */
export interface OnnxDtype {
    code: number;
    name: string;
    /** Bits per element; 0 for strings (no fixed size). */
    bits: number;
    /** onnxruntime-node's tensor type, when it has one. */
    ort?: string;
}
/** The codes used by name in this library. */
export declare const DataType: {
    readonly FLOAT: 1;
    readonly UINT8: 2;
    readonly INT8: 3;
    readonly INT32: 6;
    readonly INT64: 7;
    readonly STRING: 8;
    readonly BOOL: 9;
    readonly FLOAT16: 10;
    readonly DOUBLE: 11;
};
/** The dtype for `code`, or undefined for a code this version does not know. */
export declare function onnxDtype(code: number | undefined): OnnxDtype | undefined;
/** Bytes that `count` elements of `dtype` occupy in raw_data (4-bit types pack two a byte). */
export declare function rawByteLength(dtype: OnnxDtype, count: number): number;
