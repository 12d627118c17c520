/**
 * Which ops the FP16 pass leaves in FP32, and why. Their float inputs are cast back to FP32 and
 * their float outputs cast to FP16 for the rest of the graph. Ops outside the default ONNX
 * domain (com.microsoft contrib ops, custom ops) also stay FP32: their type constraints are
 * not known here, and contrib kernels such as MatMulNBits need their scales in A's type.
 */
export const FP32_OPS: Readonly<Record<string, string>> = {
  Range: "its type constraint has no float16, and bounds rounded to FP16 change the element count",
  CumSum: "running sums grow past FP16's 11-bit precision and range",
  TopK: "values that round to the same FP16 number reorder, so the returned indices change",
  NonMaxSuppression: "its boxes and scores are float32-only in the schema",
  RoiAlign: "sampling coordinates need more than 11 bits to land on the right pixels",
  RandomNormal: "sampling ops take their output type from a dtype attribute",
  RandomUniform: "sampling ops take their output type from a dtype attribute",
  RandomNormalLike: "sampling ops take their output type from a dtype attribute",
  RandomUniformLike: "sampling ops take their output type from a dtype attribute",
  Multinomial: "sampling ops take their output type from a dtype attribute",
  Bernoulli: "sampling ops take their output type from a dtype attribute",
  DynamicQuantizeLinear: "its input is float32-only in the schema",
  QuantizeLinear:
    "quantization scales are float32-only before opset 19; the arithmetic stays exact",
  DequantizeLinear:
    "quantization scales are float32-only before opset 19; the arithmetic stays exact",
};

/** Inputs that the schema types as float32 whatever the data type (Resize scales). */
export const FP32_INPUTS: Readonly<Record<string, readonly number[]>> = {
  Resize: [2],
  Upsample: [1],
};

/** Outputs that stay float32 whatever the input type (LayerNormalization mean, inv std dev). */
export const FP32_OUTPUTS: Readonly<Record<string, readonly number[]>> = {
  LayerNormalization: [1, 2],
};
