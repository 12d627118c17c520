import { checkedProduct } from "./checked-int.js";
import { malformed, unsupported } from "./format-error.js";
import { DataType, onnxDtype, rawByteLength, type OnnxDtype } from "./onnx-dtype.js";
import { deferredBytes, deferredRawData } from "./onnx-deferred-data.js";
import { checkExternal, externalRef } from "./onnx-external-data.js";
import { int64ToBigInt, int64ToNumber } from "./onnx-int64.js";
import { lazyRawData } from "./onnx-lazy-data.js";
import { EXTERNAL_LOCATION, type TensorProto } from "./onnx-proto-types.js";
import { RandomAccessFile } from "./random-access-file.js";

/** True when the tensor's bytes are in an external data file. */
export function isExternal(tensor: TensorProto): boolean {
  return tensor.dataLocation === EXTERNAL_LOCATION;
}

/** The tensor's dims as numbers (checked). */
export function tensorDims(tensor: TensorProto, where: string): number[] {
  return (tensor.dims ?? []).map((d) => {
    const n = int64ToNumber(d, `${where} dims`);
    if (n < 0) throw malformed(where, `negative dimension ${n}`);
    return n;
  });
}

/** The tensor's dtype; throws INPUT_UNSUPPORTED for a code this version does not know. */
export function tensorDtype(tensor: TensorProto, where: string): OnnxDtype {
  const dtype = onnxDtype(tensor.dataType);
  if (!dtype) throw unsupported(where, `tensor data type ${tensor.dataType ?? 0} is unknown`);
  return dtype;
}

/** Number of elements and the bytes they take in raw_data. */
export function tensorSize(tensor: TensorProto, where: string): { count: number; bytes: number } {
  const count = checkedProduct(tensorDims(tensor, where));
  if (count === undefined) throw malformed(where, "element count overflows");
  const dtype = tensorDtype(tensor, where);
  if (dtype.bits === 0) throw unsupported(where, "string tensors have no fixed byte size");
  return { count, bytes: rawByteLength(dtype, count) };
}

function fromTypedFields(tensor: TensorProto, dtype: OnnxDtype, count: number, where: string) {
  const bytes = new Uint8Array(rawByteLength(dtype, count));
  const view = new DataView(bytes.buffer);
  const need = (list: readonly unknown[] | undefined, field: string): void => {
    if ((list?.length ?? 0) !== count) {
      throw malformed(
        where,
        `${field} holds ${list?.length ?? 0} values, its shape needs ${count}`,
      );
    }
  };
  switch (dtype.code) {
    case DataType.FLOAT: {
      need(tensor.floatData, "float_data");
      tensor.floatData?.forEach((v, i) => {
        view.setFloat32(i * 4, v, true);
      });
      return bytes;
    }
    case DataType.DOUBLE: {
      need(tensor.doubleData, "double_data");
      tensor.doubleData?.forEach((v, i) => {
        view.setFloat64(i * 8, v, true);
      });
      return bytes;
    }
    case DataType.INT64: {
      need(tensor.int64Data, "int64_data");
      tensor.int64Data?.forEach((v, i) => {
        view.setBigInt64(i * 8, int64ToBigInt(v), true);
      });
      return bytes;
    }
    case 12:
    case 13: {
      need(tensor.uint64Data, "uint64_data");
      tensor.uint64Data?.forEach((v, i) => {
        if (dtype.bits === 32) view.setUint32(i * 4, Number(int64ToBigInt(v)), true);
        else view.setBigUint64(i * 8, BigInt.asUintN(64, int64ToBigInt(v)), true);
      });
      return bytes;
    }
    default:
      break;
  }
  if (dtype.bits === 8 || dtype.bits === 16 || dtype.code === DataType.INT32) {
    need(tensor.int32Data, "int32_data");
    const data = tensor.int32Data ?? [];
    data.forEach((v, i) => {
      if (dtype.bits === 8) view.setUint8(i, v & 0xff);
      else if (dtype.bits === 16) view.setUint16(i * 2, v & 0xffff, true);
      else view.setInt32(i * 4, v, true);
    });
    return bytes;
  }
  throw unsupported(where, `${dtype.name} values outside raw_data are not supported`);
}

/**
 * Where a tensor's bytes are on disk (an external data file, checked, or raw_data `readOnnx`
 * left in the model file), or undefined when they are in memory.
 */
export async function tensorOnDisk(
  tensor: TensorProto,
  dir: string,
  bytes: number,
  where: string,
): Promise<{ file: string; offset: number } | undefined> {
  if (isExternal(tensor)) {
    const ref = externalRef(tensor, dir, where);
    await checkExternal(ref, dir, bytes, where);
    return { file: ref.file, offset: ref.offset };
  }
  const lazy = lazyRawData(tensor);
  if (!lazy) return undefined;
  if (lazy.length !== bytes) {
    throw malformed(where, `raw_data holds ${lazy.length} bytes, its shape and type need ${bytes}`);
  }
  return { file: lazy.file, offset: lazy.offset };
}

async function readInto(file: string, offset: number, into: Uint8Array, where: string) {
  const handle = await RandomAccessFile.open(file, where);
  try {
    await handle.readInto(into, 0, into.length, offset, "tensor data");
  } finally {
    await handle.close();
  }
}

/**
 * The tensor's values as little-endian bytes, wherever the model keeps them: raw_data in memory
 * (a view, not a copy), raw_data `readOnnx` left in the model file, an external data file under
 * `dir` (checked to be inside it), raw data a pass defers until written, or the typed value
 * lists.
 */
export async function tensorBytes(
  tensor: TensorProto,
  dir: string,
  where: string,
): Promise<Uint8Array> {
  const { count, bytes } = tensorSize(tensor, where);
  const disk = await tensorOnDisk(tensor, dir, bytes, where);
  if (disk) {
    if (bytes > 0x7fffffff) {
      throw unsupported(where, `tensor of ${bytes} bytes is too large to load at once`);
    }
    const out = Buffer.allocUnsafe(bytes);
    await readInto(disk.file, disk.offset, out, where);
    return out;
  }
  const deferred = deferredRawData(tensor);
  if (deferred) {
    if (deferred.length !== bytes) {
      throw malformed(where, `deferred raw_data holds ${deferred.length} bytes, needs ${bytes}`);
    }
    return deferredBytes(deferred, where);
  }
  if (tensor.rawData && Object.hasOwn(tensor, "rawData")) {
    if (tensor.rawData.length !== bytes) {
      throw malformed(
        where,
        `raw_data holds ${tensor.rawData.length} bytes, its shape and type need ${bytes}`,
      );
    }
    return tensor.rawData;
  }
  return fromTypedFields(tensor, tensorDtype(tensor, where), count, where);
}

/**
 * Reusable memory for one tensor's float values at a time: a pass quantizing weight after weight
 * touches the same pages instead of allocating (and faulting in) a new array per weight. It is
 * shared memory, so worker threads read it without a copy.
 */
export class FloatScratch {
  private buffer: Float32Array = new Float32Array(0);

  /** A Float32Array of `count` values, valid until the next call. */
  take(count: number): Float32Array {
    if (this.buffer.length < count)
      this.buffer = new Float32Array(new SharedArrayBuffer(count * 4));
    return this.buffer.subarray(0, count);
  }
}

/**
 * A FLOAT tensor's values in an aligned Float32Array: in `scratch` when given (valid until its
 * next use), else a fresh array. Bytes on disk are read straight into it.
 */
export async function tensorFloat32(
  tensor: TensorProto,
  dir: string,
  where: string,
  scratch?: FloatScratch,
): Promise<Float32Array> {
  if (tensor.dataType !== DataType.FLOAT) {
    throw unsupported(where, `expected a FLOAT tensor, found ${tensorDtype(tensor, where).name}`);
  }
  const { count, bytes } = tensorSize(tensor, where);
  const out = scratch ? scratch.take(count) : new Float32Array(count);
  const target = new Uint8Array(out.buffer, out.byteOffset, bytes);
  const disk = await tensorOnDisk(tensor, dir, bytes, where);
  if (disk) await readInto(disk.file, disk.offset, target, where);
  else target.set(await tensorBytes(tensor, dir, where));
  return out;
}
