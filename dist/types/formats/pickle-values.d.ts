import type { Dtype } from "./dtype.js";
/**
 * What the checkpoint unpickler builds: plain data only. None of these carries behaviour, so a
 * pickle can describe anything it likes and still cause nothing to run.
 */
export type PyValue = null | boolean | number | bigint | string | PyFloat | PyBytes | PyTuple | PyList | PyDict | PySet | PyGlobal | PyDevice | TorchStorage | TorchTensor;
/** A Python float, kept apart from ints so `3.0` stays a float wherever it is shown. */
export declare class PyFloat {
    readonly value: number;
    constructor(value: number);
}
export declare class PyTuple {
    readonly items: readonly PyValue[];
    constructor(items: readonly PyValue[]);
}
export declare class PyList {
    readonly items: PyValue[];
}
export declare class PySet {
    readonly items: PyValue[];
}
export declare class PyBytes {
    readonly bytes: Uint8Array;
    constructor(bytes: Uint8Array);
}
/** A global from the allow-list (a storage class, dtype, rebuild function, …), named only. */
export declare class PyGlobal {
    readonly module: string;
    readonly name: string;
    constructor(module: string, name: string);
    get qualifiedName(): string;
}
/** `torch.device("cpu")`: kept as its text. */
export declare class PyDevice {
    readonly text: string;
    constructor(text: string);
}
/**
 * A dict or OrderedDict. Keys compare as Python compares them (1 == 1.0 == True), and insertion
 * order is kept, as both types keep it.
 */
export declare class PyDict {
    private readonly map;
    set(key: PyValue, value: PyValue): boolean;
    get(key: string): PyValue | undefined;
    get size(): number;
    entries(): IterableIterator<[PyValue, PyValue]>;
}
/**
 * A storage named by the pickle's persistent id. Its bytes are found later by `key` (a zip
 * record or a legacy storage); a legacy view storage starts `byteOffset` bytes into its root.
 */
export declare class TorchStorage {
    readonly key: string;
    /** Element type the storage declares (U8 for an untyped storage). */
    readonly dtype: Dtype;
    readonly byteOffset: number;
    readonly byteLength: number;
    /** Where torch had it (`cpu`, `cuda:0`); kept for messages only. */
    readonly location: string;
    constructor(key: string, 
    /** Element type the storage declares (U8 for an untyped storage). */
    dtype: Dtype, byteOffset: number, byteLength: number, 
    /** Where torch had it (`cpu`, `cuda:0`); kept for messages only. */
    location: string);
}
/** A tensor as `_rebuild_tensor_v2` describes it: a strided view of a storage. */
export declare class TorchTensor {
    readonly storage: TorchStorage;
    readonly dtype: Dtype;
    /** In elements of `dtype`. */
    readonly offset: number;
    readonly shape: readonly number[];
    /** In elements of `dtype`. */
    readonly stride: readonly number[];
    constructor(storage: TorchStorage, dtype: Dtype, 
    /** In elements of `dtype`. */
    offset: number, shape: readonly number[], 
    /** In elements of `dtype`. */
    stride: readonly number[]);
}
/** A value for messages: scalars as Python writes them, anything else by its type. */
export declare function show(value: PyValue): string;
/** A short description of a value's type for messages (`dict`, `list`, `tensor`, …). */
export declare function describe(value: PyValue): string;
