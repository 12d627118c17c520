/**
 * Which ops the FP16 pass leaves in FP32, and why. Their float inputs are cast back to FP32 and
 * their float outputs cast to FP16 for the rest of the graph. Ops outside the default ONNX
 * domain (com.microsoft contrib ops, custom ops) also stay FP32: their type constraints are
 * not known here, and contrib kernels such as MatMulNBits need their scales in A's type.
 */
export declare const FP32_OPS: Readonly<Record<string, string>>;
/** Inputs that the schema types as float32 whatever the data type (Resize scales). */
export declare const FP32_INPUTS: Readonly<Record<string, readonly number[]>>;
/** Outputs that stay float32 whatever the input type (LayerNormalization mean, inv std dev). */
export declare const FP32_OUTPUTS: Readonly<Record<string, readonly number[]>>;
