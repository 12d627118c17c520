/** Numeric metadata types held as JS numbers. */
export type GgufNumberType = "uint8" | "int8" | "uint16" | "int16" | "uint32" | "int32" | "float32" | "float64";
/** 64-bit integer metadata types, held as bigints so no value is rounded. */
export type GgufBigIntType = "uint64" | "int64";
/** The element type of an array (ggml rejects nested arrays). */
export type GgufItemType = GgufNumberType | GgufBigIntType | "bool" | "string";
/** A typed GGUF array: the element type is written once, before the elements. */
export type GgufArray = {
    type: "array";
    itemType: GgufNumberType;
    items: readonly number[];
} | {
    type: "array";
    itemType: GgufBigIntType;
    items: readonly bigint[];
} | {
    type: "array";
    itemType: "bool";
    items: readonly boolean[];
} | {
    type: "array";
    itemType: "string";
    items: readonly string[];
};
/** One metadata value with its GGUF type, so a file round-trips type for type. */
export type GgufValue = {
    type: GgufNumberType;
    value: number;
} | {
    type: GgufBigIntType;
    value: bigint;
} | {
    type: "bool";
    value: boolean;
} | {
    type: "string";
    value: string;
} | GgufArray;
/** Metadata in file order; a Map cannot hold the duplicate keys ggml refuses. */
export type GgufMetadata = ReadonlyMap<string, GgufValue>;
/** Constructors for metadata values. */
export declare const gguf: {
    readonly u8: (value: number) => GgufValue;
    readonly i8: (value: number) => GgufValue;
    readonly u16: (value: number) => GgufValue;
    readonly i16: (value: number) => GgufValue;
    readonly u32: (value: number) => GgufValue;
    readonly i32: (value: number) => GgufValue;
    readonly f32: (value: number) => GgufValue;
    readonly f64: (value: number) => GgufValue;
    readonly u64: (value: bigint) => GgufValue;
    readonly i64: (value: bigint) => GgufValue;
    readonly bool: (value: boolean) => GgufValue;
    readonly str: (value: string) => GgufValue;
    readonly strings: (items: readonly string[]) => GgufValue;
    readonly numbers: (itemType: GgufNumberType, items: readonly number[]) => GgufValue;
};
/** Why `value` does not fit `type`, or undefined when it does. */
export declare function numberProblem(type: GgufNumberType, value: number): string | undefined;
/** Why `value` does not fit a 64-bit integer type, or undefined when it does. */
export declare function bigintProblem(type: GgufBigIntType, value: bigint): string | undefined;
