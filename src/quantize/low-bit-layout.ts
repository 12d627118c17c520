/** Schemes written as safetensors. */
export type LowBitScheme = "f16" | "bf16" | "int8" | "int4";

export function isLowBitScheme(value: string): value is LowBitScheme {
  return value === "f16" || value === "bf16" || value === "int8" || value === "int4";
}

/** How to read each scheme's tensors, stored in the file's `__metadata__` and shown in the card. */
export function layoutDescription(scheme: LowBitScheme, groupSize: number): string {
  switch (scheme) {
    case "f16":
    case "bf16":
      return `every floating-point tensor converted to ${scheme.toUpperCase()} with round-to-nearest-even; NaN and infinities kept; other tensors unchanged`;
    case "int8":
      return "symmetric INT8 per output channel: each floating-point weight W (a '...weight' tensor of 2 or more dimensions, rows = dimension 0) is stored as W (I8, same shape) and W_scale (F32, [rows]); W[r, ...] = W_i8[r, ...] * W_scale[r]; W_scale[r] = max|W[r, ...]| / 127 and W_i8 = clamp(round_half_even(W / W_scale[r]), -127, 127); other tensors unchanged";
    case "int4":
      return `symmetric INT4 in groups of ${groupSize} along each row: each floating-point weight W (a '...weight' tensor of 2 or more dimensions, rows = dimension 0, cols = the rest flattened) is stored as W_packed (U8, [rows, ceil(cols/2)]: element 2k in the low nibble of byte k, 2k+1 in the high nibble), W_scale (F32, [rows, ceil(cols/${groupSize})]) and W_shape (I64, the original shape); W[r, c] = (nibble - 8) * W_scale[r, floor(c/${groupSize})]; W_scale = m / -8 with m the group's value of largest magnitude, nibble = clamp(round_half_even(W / W_scale), -8, 7) + 8; other tensors unchanged`;
  }
}

/** The `__metadata__` of a low-bit variant. */
export function lowBitLayout(scheme: LowBitScheme, groupSize: number): Record<string, string> {
  return {
    format: "pt",
    quantization: scheme,
    ...(scheme === "int4" ? { "quantization.group_size": String(groupSize) } : {}),
    "quantization.layout": layoutDescription(scheme, groupSize),
  };
}
