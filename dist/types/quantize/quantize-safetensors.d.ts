import type { KernelPool } from "./kernel-pool.js";
import { type LowBitScheme } from "./low-bit-layout.js";
import { type SourceModel, type SourceTensor } from "./source-model.js";
import type { QuantizeProgress, VariantTensor } from "./variant.js";
export interface QuantizeSafetensorsOptions {
    source: SourceModel;
    scheme: LowBitScheme;
    /** INT4 group size (32, 64, 128 or 256); 128 by default. */
    groupSize?: number;
    output: string;
    pool: KernelPool;
    onProgress?: (event: QuantizeProgress) => void;
}
/** Weights the 8- and 4-bit schemes quantize: floating-point matrices named `…weight`. */
export declare function isLowBitCandidate(tensor: SourceTensor): boolean;
/**
 * Writes a low-bit safetensors variant: F16/BF16 conversion (round to nearest even, NaN and
 * infinities kept) of every floating-point tensor, or INT8/INT4 weights with their scales beside
 * them (layout in `low-bit-layout.ts`, recorded in `__metadata__`). Tensors stream one at a time;
 * a weight whose scales and values land apart in the file is quantized once for each.
 */
export declare function quantizeSafetensors(options: QuantizeSafetensorsOptions): Promise<VariantTensor[]>;
