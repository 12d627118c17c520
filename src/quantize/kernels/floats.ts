/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indexes are in range by construction */
import { fp16BitsToFp32Bits, fp32BitsToBf16Bits, fp32BitsToFp16Bits } from "./half.js";

/** float32 → little-endian binary16, round to nearest even, NaN/±inf kept (bit-level, no rounding of NaN payloads through numbers). */
export function encodeF16(
  src: Float32Array,
  srcOffset: number,
  count: number,
  dst: Uint8Array,
  dstOffset: number,
): void {
  const bits = new Uint32Array(src.buffer, src.byteOffset, src.length);
  for (let i = 0; i < count; i++) {
    const h = fp32BitsToFp16Bits(bits[srcOffset + i]!);
    dst[dstOffset + 2 * i] = h & 0xff;
    dst[dstOffset + 2 * i + 1] = h >>> 8;
  }
}

/** float32 → little-endian bfloat16, round to nearest even, NaN made quiet (ggml/gguf-py rule). */
export function encodeBf16(
  src: Float32Array,
  srcOffset: number,
  count: number,
  dst: Uint8Array,
  dstOffset: number,
): void {
  const bits = new Uint32Array(src.buffer, src.byteOffset, src.length);
  for (let i = 0; i < count; i++) {
    const h = fp32BitsToBf16Bits(bits[srcOffset + i]!);
    dst[dstOffset + 2 * i] = h & 0xff;
    dst[dstOffset + 2 * i + 1] = h >>> 8;
  }
}

/** Copies float32 values out as little-endian bytes (the F32 "encoding"). */
export function encodeF32(
  src: Float32Array,
  srcOffset: number,
  count: number,
  dst: Uint8Array,
  dstOffset: number,
): void {
  const bits = new Uint32Array(src.buffer, src.byteOffset, src.length);
  for (let i = 0; i < count; i++) {
    const v = bits[srcOffset + i]!;
    const o = dstOffset + 4 * i;
    dst[o] = v & 0xff;
    dst[o + 1] = (v >>> 8) & 0xff;
    dst[o + 2] = (v >>> 16) & 0xff;
    dst[o + 3] = v >>> 24;
  }
}

/** Little-endian binary16 → float32, exact (bit-level). */
export function decodeF16(
  src: Uint8Array,
  srcOffset: number,
  count: number,
  dst: Float32Array,
  dstOffset: number,
): void {
  const bits = new Uint32Array(dst.buffer, dst.byteOffset, dst.length);
  for (let i = 0; i < count; i++) {
    const o = srcOffset + 2 * i;
    bits[dstOffset + i] = fp16BitsToFp32Bits(src[o]! | (src[o + 1]! << 8));
  }
}

/** Little-endian bfloat16 → float32, exact. */
export function decodeBf16(
  src: Uint8Array,
  srcOffset: number,
  count: number,
  dst: Float32Array,
  dstOffset: number,
): void {
  const bits = new Uint32Array(dst.buffer, dst.byteOffset, dst.length);
  for (let i = 0; i < count; i++) {
    const o = srcOffset + 2 * i;
    bits[dstOffset + i] = ((src[o]! | (src[o + 1]! << 8)) << 16) >>> 0;
  }
}

/** Little-endian float32 bytes → float32 values (bit-level copy). */
export function decodeF32(
  src: Uint8Array,
  srcOffset: number,
  count: number,
  dst: Float32Array,
  dstOffset: number,
): void {
  const bits = new Uint32Array(dst.buffer, dst.byteOffset, dst.length);
  for (let i = 0; i < count; i++) {
    const o = srcOffset + 4 * i;
    bits[dstOffset + i] =
      (src[o]! | (src[o + 1]! << 8) | (src[o + 2]! << 16) | (src[o + 3]! << 24)) >>> 0;
  }
}

/** Index of the first NaN or ±inf in `src[offset, offset+count)`, or -1. */
export function firstNonFinite(src: Float32Array, offset: number, count: number): number {
  for (let i = 0; i < count; i++) {
    const v = src[offset + i]!;
    if (!(v - v === 0)) return offset + i;
  }
  return -1;
}
