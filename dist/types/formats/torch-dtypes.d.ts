import type { Dtype } from "./dtype.js";
/**
 * The torch dtype objects (`torch.float32` is pickled as the global `torch float32`) that map to
 * a safetensors dtype. Others (complex128, quantized, bit-packed) have no safetensors form.
 */
export declare const TORCH_DTYPES: ReadonlyMap<string, Dtype>;
/** Torch dtypes that exist but have no safetensors dtype; named so the refusal is precise. */
export declare const TORCH_DTYPES_WITHOUT_SAFETENSORS: Set<string>;
/**
 * Legacy storage classes (`torch.FloatStorage`, …) and the dtype of their elements.
 * `UntypedStorage` holds bytes; a `_rebuild_tensor_v3` call gives the tensor's own dtype.
 */
export declare const TORCH_STORAGE_TYPES: ReadonlyMap<string, Dtype>;
/** Storage classes torch knows but whose elements have no safetensors dtype. */
export declare const TORCH_STORAGE_TYPES_WITHOUT_SAFETENSORS: Set<string>;
