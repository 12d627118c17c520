/** Schemes written as safetensors. */
export type LowBitScheme = "f16" | "bf16" | "int8" | "int4";
export declare function isLowBitScheme(value: string): value is LowBitScheme;
/** How to read each scheme's tensors, stored in the file's `__metadata__` and shown in the card. */
export declare function layoutDescription(scheme: LowBitScheme, groupSize: number): string;
/** The `__metadata__` of a low-bit variant. */
export declare function lowBitLayout(scheme: LowBitScheme, groupSize: number): Record<string, string>;
