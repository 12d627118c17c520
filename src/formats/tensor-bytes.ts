import { byteSwapUnit, dtypeBytes } from "./dtype.js";
import type { TorchTensor } from "./pickle-values.js";
import type { RandomAccessFile } from "./random-access-file.js";
import { isContiguous, tensorNumel } from "./tensor-view.js";
import type { StorageRegion } from "./open-torch-checkpoint.js";

/**
 * Chunk size for streaming tensor bytes. Small enough that a chunk, its read-back copy and the
 * comparison stay in the CPU's caches: measured faster and steadier than 16 MiB chunks.
 */
export const CHUNK_BYTES = 1024 * 1024;
/** A strided view whose storage span fits in this is gathered from one read of the span. */
const GATHER_SPAN = 64 * 1024 * 1024;
/** Elements per output chunk on the slow windowed path (bounds its index table). */
const WINDOW_CHUNK_ELEMENTS = 1 << 20;

/**
 * Buffers handed out in rotation. A consumer that finishes with a chunk before asking for the
 * one after next (as the safetensors writer does) never sees a buffer reused under it.
 */
export class ChunkPool {
  private readonly buffers: Buffer[] = [];
  private turn = 0;

  constructor(
    readonly size = CHUNK_BYTES,
    private readonly count = 2,
  ) {}

  next(): Buffer {
    const index = this.turn++ % this.count;
    let buffer = this.buffers[index];
    if (!buffer) {
      // Unpooled and offset 0, so typed-array views over it are aligned.
      buffer = Buffer.allocUnsafeSlow(this.size);
      this.buffers[index] = buffer;
    }
    return buffer;
  }
}

function swap(buffer: Buffer, unit: number): void {
  if (unit === 2) buffer.swap16();
  else if (unit === 4) buffer.swap32();
  else if (unit === 8) buffer.swap64();
}

/** Copies `count` elements of `size` bytes from `src[from[i]]` (element indices) to `dst` in order. */
function copyElements(
  src: Uint8Array,
  dst: Uint8Array,
  from: Float64Array,
  count: number,
  size: number,
  base: number,
): void {
  if (size === 1) {
    for (let i = 0; i < count; i++) dst[i] = src[(from[i] ?? 0) - base] ?? 0;
  } else if (size === 2 || size === 4 || size === 8) {
    const words = size === 2 ? 1 : size / 4;
    const s =
      size === 2
        ? new Uint16Array(src.buffer, src.byteOffset, src.byteLength >> 1)
        : new Uint32Array(src.buffer, src.byteOffset, src.byteLength >> 2);
    const d =
      size === 2
        ? new Uint16Array(dst.buffer, dst.byteOffset, dst.byteLength >> 1)
        : new Uint32Array(dst.buffer, dst.byteOffset, dst.byteLength >> 2);
    for (let i = 0; i < count; i++) {
      const at = ((from[i] ?? 0) - base) * words;
      for (let w = 0; w < words; w++) d[i * words + w] = s[at + w] ?? 0;
    }
  } else {
    for (let i = 0; i < count; i++) {
      const at = ((from[i] ?? 0) - base) * size;
      dst.set(src.subarray(at, at + size), i * size);
    }
  }
}

/** Walks a strided view in row-major order, giving each element's storage index. */
class StridedCursor {
  private readonly index: number[];
  private position: number;

  constructor(private readonly tensor: TorchTensor) {
    this.index = tensor.shape.map(() => 0);
    this.position = tensor.offset;
  }

  /** Fills `out` with the next `count` storage indices. */
  take(out: Float64Array, count: number): void {
    const { shape, stride } = this.tensor;
    const last = shape.length - 1;
    for (let i = 0; i < count; i++) {
      out[i] = this.position;
      let d = last;
      while (d >= 0) {
        const next = (this.index[d] ?? 0) + 1;
        if (next < (shape[d] ?? 1)) {
          this.index[d] = next;
          this.position += stride[d] ?? 0;
          break;
        }
        this.index[d] = 0;
        this.position -= ((shape[d] ?? 1) - 1) * (stride[d] ?? 0);
        d--;
      }
    }
  }
}

/**
 * Yields a tensor's bytes, contiguous and little-endian, in chunks from `pool`. A contiguous view
 * is read straight from the file; a strided one (transposed, sliced, expanded) is gathered, from
 * one read of its storage span when that is at most `gatherSpan` bytes, else window by window so
 * memory stays bounded.
 */
export async function* tensorChunks(
  file: RandomAccessFile,
  region: StorageRegion,
  tensor: TorchTensor,
  bigEndian: boolean,
  pool: ChunkPool,
  gatherSpan = GATHER_SPAN,
): AsyncGenerator<Buffer> {
  const size = dtypeBytes(tensor.dtype) ?? 1;
  const unit = bigEndian ? byteSwapUnit(tensor.dtype) : 1;
  const numel = tensorNumel(tensor);
  const total = numel * size;
  if (total === 0) return;
  const what = `storage ${tensor.storage.key}`;
  if (isContiguous(tensor)) {
    const start = region.offset + tensor.offset * size;
    for (let done = 0; done < total;) {
      const buffer = pool.next();
      const n = Math.min(pool.size - (pool.size % size), total - done);
      const chunk = buffer.subarray(0, n);
      await file.readInto(chunk, 0, n, start + done, what);
      swap(chunk, unit);
      yield chunk;
      done += n;
    }
    return;
  }
  let last = tensor.offset;
  tensor.shape.forEach((dim, i) => (last += (dim - 1) * (tensor.stride[i] ?? 0)));
  const span = (last - tensor.offset + 1) * size;
  const cursor = new StridedCursor(tensor);
  const perChunk = Math.max(1, Math.min(Math.floor(pool.size / size), WINDOW_CHUNK_ELEMENTS));
  const indices = new Float64Array(perChunk);
  const whole = span <= gatherSpan ? Buffer.allocUnsafeSlow(span) : undefined;
  if (whole) await file.readInto(whole, 0, span, region.offset + tensor.offset * size, what);
  const windowElements = Math.max(1, Math.floor(gatherSpan / size));
  const window = whole ? undefined : Buffer.allocUnsafeSlow(windowElements * size);
  for (let done = 0; done < numel;) {
    const count = Math.min(perChunk, numel - done);
    cursor.take(indices, count);
    const chunk = pool.next().subarray(0, count * size);
    if (whole) {
      copyElements(whole, chunk, indices, count, size, tensor.offset);
    } else if (window) {
      let low = Infinity;
      let high = -Infinity;
      for (let i = 0; i < count; i++) {
        const v = indices[i] ?? 0;
        if (v < low) low = v;
        if (v > high) high = v;
      }
      const picked = new Float64Array(count);
      for (let from = low; from <= high; from += windowElements) {
        const n = Math.min(windowElements, region.length / size - from);
        await file.readInto(window, 0, n * size, region.offset + from * size, what);
        let m = 0;
        const at: number[] = [];
        for (let i = 0; i < count; i++) {
          const v = indices[i] ?? 0;
          if (v >= from && v < from + n) {
            picked[m++] = v;
            at.push(i);
          }
        }
        const gathered = Buffer.allocUnsafeSlow(m * size);
        copyElements(window, gathered, picked, m, size, from);
        at.forEach((i, k) => gathered.copy(chunk, i * size, k * size, (k + 1) * size));
      }
    }
    swap(chunk, unit);
    yield chunk;
    done += count;
  }
}
