/** Typed arrays a host tensor's values can be in. */
export type HostData = Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array;
/**
 * A tensor in memory, typed with onnxruntime-node's type names ("float32", "float16" (values as
 * half bits in a Uint16Array), "int64", "bool"…), as read from reference files or given to and
 * taken from a session.
 */
export interface HostTensor {
    type: string;
    dims: number[];
    data: HostData;
}
/**
 * Parses one .npy array (format versions 1–3, little-endian, C order). `where` names it in
 * messages.
 */
export declare function parseNpy(bytes: Uint8Array, where: string): HostTensor;
/**
 * Reads the arrays of a .npz file (numpy `savez`, stored or deflated as `savez_compressed`
 * writes them), keyed by name without the `.npy` suffix, in archive order. Each array is
 * bounded by `maxBytes` (default 1 GiB).
 */
export declare function readNpz(path: string, maxBytes?: number): Promise<Map<string, HostTensor>>;
