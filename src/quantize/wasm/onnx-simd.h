#ifndef ONNX_SIMD_H
#define ONNX_SIMD_H

/*
 * What the INT8 (onnx-int8.c) and INT4 (onnx-int4.c) weight kernels of the ONNX passes share,
 * built into one WebAssembly module with 128-bit SIMD. They give the bytes of the portable
 * kernels in src/quantize/onnx-kernels.ts exactly (the tests hold the two to each other on
 * values chosen to break them: ties, rounding edges, NaN, infinities, subnormals):
 *
 * - every f32 operation there is one IEEE-single operation here (division, multiplication and
 *   addition of two floats rounded through double then to float give the same result), with no
 *   fused multiply-add (-ffp-contract=off; WebAssembly has none);
 * - comparisons keep the portable kernels' NaN behaviour: pmin/pmax(acc, v) keep acc when v is
 *   NaN, as `if (v > m) m = v` does; a NaN quotient stores 0 (trunc_sat), as a typed array does;
 * - int8 rounding is f32x4.nearest (ties to even), as the 1.5·2^52 trick on a float32 value;
 * - int4 rounding floor(x + 0.5) in double is floor(x) + (x - floor(x) >= 0.5) in float: x -
 *   floor(x) is exact for every float x >= -0.5, and below that both clamp to 0.
 *
 * Pointers are offsets into the module's memory, laid out by src/quantize/onnx-wasm.ts. Input
 * arrives in chunks of whole rows; outputs are whole tensors, indexed by the chunk's first row.
 *
 * Build: src/quantize/wasm/build-onnx.sh (clang 14 --target=wasm32 -msimd128, wasm-ld), which
 * writes src/quantize/onnx-wasm.generated.ts. Not compiled at install or run time.
 */
#include <wasm_simd128.h>

typedef unsigned char u8;
typedef signed char i8;

#define EXPORT(name) __attribute__((export_name(name)))

/* The smallest normal float: a smaller int8 scale is replaced by 1, as the reference does. */
#define MIN_NORMAL 1.17549435e-38f

static inline void copy_bytes(u8 *dst, const u8 *src, int n) {
    for (int i = 0; i < n; i++) dst[i] = src[i];
}

#endif
