import { checkedAdd, checkedMul, checkedProduct, isCount } from "./checked-int.js";
import { dtypeBytes, type Dtype } from "./dtype.js";
import { TorchTensor, type TorchStorage } from "./pickle-values.js";

/** Deeper than any real tensor; bounds the work a hostile shape can ask for. */
const MAX_DIMS = 64;

/**
 * Builds a tensor view after checking it against its storage: counts are non-negative safe
 * integers, shape and stride agree, the element count cannot overflow, and the furthest element
 * the view can reach lies inside the storage. Returns a message instead when it does not hold.
 */
export function makeTensorView(
  storage: TorchStorage,
  dtype: Dtype,
  offset: unknown,
  shape: readonly unknown[],
  stride: readonly unknown[],
): TorchTensor | string {
  const elementSize = dtypeBytes(dtype);
  if (elementSize === undefined) return `dtype ${dtype} cannot be read from a torch storage`;
  if (!isCount(offset)) return `storage offset ${String(offset)} is not a non-negative integer`;
  if (shape.length > MAX_DIMS) return `${shape.length} dimensions is over the ${MAX_DIMS} limit`;
  if (shape.length !== stride.length) {
    return `shape has ${shape.length} dimensions but stride has ${stride.length}`;
  }
  const dims: number[] = [];
  const steps: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    const size = shape[i];
    const step = stride[i];
    if (!isCount(size))
      return `shape [${shape.map(String).join(", ")}] has an invalid size at dimension ${i}`;
    if (!isCount(step))
      return `stride [${stride.map(String).join(", ")}] has an invalid step at dimension ${i}`;
    dims.push(size);
    steps.push(step);
  }
  if (storage.byteLength % elementSize !== 0) {
    return `its ${storage.byteLength}-byte storage is not a whole number of ${dtype} elements`;
  }
  const available = storage.byteLength / elementSize;
  const numel = checkedProduct(dims);
  if (numel === undefined || checkedMul(numel, elementSize) === undefined) {
    return `shape [${dims.join(", ")}] overflows`;
  }
  if (numel > 0) {
    let last: number | undefined = offset;
    for (let i = 0; i < dims.length && last !== undefined; i++) {
      const reach = checkedMul((dims[i] ?? 1) - 1, steps[i] ?? 0);
      last = reach === undefined ? undefined : checkedAdd(last, reach);
    }
    if (last === undefined || last >= available) {
      return `view (offset ${offset}, shape [${dims.join(", ")}], stride [${steps.join(", ")}]) reaches past its storage of ${available} ${dtype} elements`;
    }
  }
  return new TorchTensor(storage, dtype, offset, dims, steps);
}

export function tensorNumel(tensor: TorchTensor): number {
  return checkedProduct(tensor.shape) ?? 0;
}

/** Bytes of the tensor once made contiguous. */
export function tensorBytes(tensor: TorchTensor): number {
  return tensorNumel(tensor) * (dtypeBytes(tensor.dtype) ?? 1);
}

/** True when the view is one run of consecutive elements (row-major), so it can be copied as is. */
export function isContiguous(tensor: TorchTensor): boolean {
  let expected = 1;
  for (let i = tensor.shape.length - 1; i >= 0; i--) {
    const size = tensor.shape[i] ?? 1;
    if (size === 0) return true;
    if (size !== 1 && tensor.stride[i] !== expected) return false;
    expected *= size;
  }
  return true;
}

/**
 * Two tensors with the same identity are the same view of the same storage (tied weights): their
 * bytes are written once.
 */
export function viewIdentity(tensor: TorchTensor, source: string): string {
  const s = tensor.storage;
  return JSON.stringify([
    source,
    s.key,
    s.byteOffset,
    tensor.dtype,
    tensor.offset,
    tensor.shape,
    tensor.stride,
  ]);
}
