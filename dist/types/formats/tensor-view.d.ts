import { type Dtype } from "./dtype.js";
import { TorchTensor, type TorchStorage } from "./pickle-values.js";
/**
 * Builds a tensor view after checking it against its storage: counts are non-negative safe
 * integers, shape and stride agree, the element count cannot overflow, and the furthest element
 * the view can reach lies inside the storage. Returns a message instead when it does not hold.
 */
export declare function makeTensorView(storage: TorchStorage, dtype: Dtype, offset: unknown, shape: readonly unknown[], stride: readonly unknown[]): TorchTensor | string;
export declare function tensorNumel(tensor: TorchTensor): number;
/** Bytes of the tensor once made contiguous. */
export declare function tensorBytes(tensor: TorchTensor): number;
/** True when the view is one run of consecutive elements (row-major), so it can be copied as is. */
export declare function isContiguous(tensor: TorchTensor): boolean;
/**
 * Two tensors with the same identity are the same view of the same storage (tied weights): their
 * bytes are written once.
 */
export declare function viewIdentity(tensor: TorchTensor, source: string): string;
