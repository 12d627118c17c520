/* MatMulNBits INT4 kernels (see onnx-simd.h and int4Column in onnx-kernels.ts). */
#include "onnx-simd.h"

/* 4 values to floor(x + 0.5) of x = v * recip + zp, as i32 (NaN: 0; clamped later). */
static inline v128_t nibbles4(v128_t v, v128_t recip, v128_t zp) {
    v128_t x = wasm_f32x4_add(wasm_f32x4_mul(v, recip), zp);
    v128_t f = wasm_f32x4_floor(x);
    v128_t up = wasm_f32x4_ge(wasm_f32x4_sub(x, f), wasm_f32x4_splat(0.5f));
    /* up is all ones (-1) where the value rounds up. */
    return wasm_i32x4_sub(wasm_i32x4_trunc_sat_f32x4(f), up);
}

/* 16 values to 16 nibbles clamped to [0, 15], one per byte, in order. */
static inline v128_t nibbles16(const float *x, v128_t recip, v128_t zp) {
    v128_t a = nibbles4(wasm_v128_load(x), recip, zp);
    v128_t b = nibbles4(wasm_v128_load(x + 4), recip, zp);
    v128_t c = nibbles4(wasm_v128_load(x + 8), recip, zp);
    v128_t d = nibbles4(wasm_v128_load(x + 12), recip, zp);
    /* Saturating narrows clamp to [0, 255], the min to [0, 15]. */
    v128_t bytes = wasm_u8x16_min(
        wasm_u8x16_narrow_i16x8(wasm_i16x8_narrow_i32x4(a, b), wasm_i16x8_narrow_i32x4(c, d)),
        wasm_u8x16_splat(15));
    /* u16 lane j = lo | hi << 8; lane | lane >> 4 has lo | hi << 4 in its low byte. */
    return wasm_v128_or(bytes, wasm_u16x8_shr(bytes, 4));
}

/* Halves of a and b side by side: a0 a1 b0 b1 (FIRST) or a2 a3 b2 b3 (SECOND). */
#define FIRST(a, b) wasm_i32x4_shuffle(a, b, 0, 1, 4, 5)
#define SECOND(a, b) wasm_i32x4_shuffle(a, b, 2, 3, 6, 7)
/* Even or odd lanes of a and b: a0 a2 b0 b2 (EVEN) or a1 a3 b1 b3 (ODD). */
#define EVEN(a, b) wasm_i32x4_shuffle(a, b, 0, 2, 4, 6)
#define ODD(a, b) wasm_i32x4_shuffle(a, b, 1, 3, 5, 7)

/* The minimum of each vector's lanes: [min(a), min(b), min(c), min(d)]. */
static inline v128_t min4(v128_t a, v128_t b, v128_t c, v128_t d) {
    v128_t ab = wasm_f32x4_pmin(FIRST(a, b), SECOND(a, b));
    v128_t cd = wasm_f32x4_pmin(FIRST(c, d), SECOND(c, d));
    return wasm_f32x4_pmin(EVEN(ab, cd), ODD(ab, cd));
}

/* The maximum of each vector's lanes. */
static inline v128_t max4(v128_t a, v128_t b, v128_t c, v128_t d) {
    v128_t ab = wasm_f32x4_pmax(FIRST(a, b), SECOND(a, b));
    v128_t cd = wasm_f32x4_pmax(FIRST(c, d), SECOND(c, d));
    return wasm_f32x4_pmax(EVEN(ab, cd), ODD(ab, cd));
}

/* floor(x + 0.5) for x >= 0 (or NaN, kept), in float: x - floor(x) is exact there. */
static inline v128_t round_half_up(v128_t x) {
    v128_t f = wasm_f32x4_floor(x);
    v128_t up = wasm_f32x4_ge(wasm_f32x4_sub(x, f), wasm_f32x4_splat(0.5f));
    return wasm_f32x4_add(f, wasm_v128_and(up, wasm_f32x4_splat(1.0f)));
}

/*
 * Up to four whole blocks of `block` values at `x`, blocks blk..blk+count-1 of column n (see
 * int4Column in onnx-kernels.ts): the minima and maxima (from 0, NaN ignored), scales and zero
 * points of the four are computed side by side in the lanes of one vector.
 */
static void int4_blocks(const float *x, int count, int block, int symmetric, int kBlocks, int blk,
                        int n, u8 *b, float *scales, u8 *zps) {
    v128_t zero = wasm_f32x4_splat(0.0f);
    v128_t lo[4] = {zero, zero, zero, zero}, hi[4] = {zero, zero, zero, zero};
    for (int j = 0; j < count; j++) {
        const float *v = x + (unsigned)j * block;
        v128_t l0 = zero, l1 = zero, h0 = zero, h1 = zero;
        for (int i = 0; i < block; i += 8) {
            v128_t e0 = wasm_v128_load(v + i), e1 = wasm_v128_load(v + i + 4);
            l0 = wasm_f32x4_pmin(l0, e0);
            h0 = wasm_f32x4_pmax(h0, e0);
            l1 = wasm_f32x4_pmin(l1, e1);
            h1 = wasm_f32x4_pmax(h1, e1);
        }
        lo[j] = wasm_f32x4_pmin(l0, l1);
        hi[j] = wasm_f32x4_pmax(h0, h1);
    }
    v128_t min = min4(lo[0], lo[1], lo[2], lo[3]);
    v128_t max = max4(hi[0], hi[1], hi[2], hi[3]);
    v128_t scale, zp;
    if (symmetric) {
        v128_t bigger = wasm_f32x4_gt(wasm_f32x4_abs(max), wasm_f32x4_abs(min));
        scale = wasm_f32x4_div(wasm_v128_bitselect(max, min, bigger), wasm_f32x4_splat(-8.0f));
        zp = wasm_f32x4_splat(8.0f);
    } else {
        scale = wasm_f32x4_div(wasm_f32x4_sub(max, min), wasm_f32x4_splat(15.0f));
        v128_t nonzero = wasm_f32x4_ne(scale, zero);
        v128_t zpf = wasm_v128_and(wasm_f32x4_sub(zero, wasm_f32x4_div(min, scale)), nonzero);
        v128_t fifteen = wasm_f32x4_splat(15.0f);
        zp = wasm_v128_bitselect(fifteen, round_half_up(zpf), wasm_f32x4_gt(zpf, fifteen));
    }
    v128_t recip = wasm_v128_and(wasm_f32x4_div(wasm_f32x4_splat(1.0f), scale),
                                 wasm_f32x4_ne(scale, zero));
    float scaleOf[4], recipOf[4], zpOf[4];
    int zpInt[4];
    wasm_v128_store(scaleOf, scale);
    wasm_v128_store(recipOf, recip);
    wasm_v128_store(zpOf, zp);
    wasm_v128_store(zpInt, wasm_i32x4_trunc_sat_f32x4(zp));
    int half = block >> 1;
    int zpStride = (kBlocks + 1) >> 1;
    for (int j = 0; j < count; j++) {
        int at = blk + j;
        scales[(unsigned)n * kBlocks + at] = scaleOf[j];
        if (!symmetric) zps[(unsigned)n * zpStride + (at >> 1)] |= (u8)(zpInt[j] << ((at & 1) * 4));
        v128_t r = wasm_f32x4_splat(recipOf[j]), z = wasm_f32x4_splat(zpOf[j]);
        const float *v = x + (unsigned)j * block;
        u8 *out = b + ((unsigned)n * kBlocks + at) * half;
        for (int i = 0; i < block; i += 32) {
            v128_t p = nibbles16(v + i, r, z);
            v128_t q = nibbles16(v + i + 16, r, z);
            wasm_v128_store(out + (i >> 1), wasm_i8x16_shuffle(p, q, 0, 2, 4, 6, 8, 10, 12, 14, 16,
                                                               18, 20, 22, 24, 26, 28, 30));
        }
    }
}

/*
 * One column of MatMulNBits: `len` values of K at `x`, the first at block blk0, in blocks of
 * `block` (a multiple of 32, at most 256; the column's last block zero-padded). Writes B row n,
 * its scales and, when asymmetric, its zero points.
 */
static void int4_column(const float *x, int len, int block, int symmetric, int kBlocks, int blk0,
                        int n, u8 *b, float *scales, u8 *zps) {
    float pad[256];
    int full = len / block;
    int j = 0;
    for (; j + 4 <= full; j += 4) {
        const float *v = x + (unsigned)j * block;
        int4_blocks(v, 4, block, symmetric, kBlocks, blk0 + j, n, b, scales, zps);
    }
    if (j < full) {
        int4_blocks(x + (unsigned)j * block, full - j, block, symmetric, kBlocks, blk0 + j, n, b,
                    scales, zps);
    }
    int rest = len - full * block;
    if (rest > 0) {
        const float *v = x + (unsigned)full * block;
        for (int i = 0; i < block; i++) pad[i] = i < rest ? v[i] : 0.0f;
        int4_blocks(pad, 1, block, symmetric, kBlocks, blk0 + full, n, b, scales, zps);
    }
}

/*
 * MatMulNBits from W stored [N, K] (Gemm transB=1): `rows` rows of K floats at `src`, row r
 * being output column n0 + r.
 */
EXPORT("int4_rows")
void int4_rows(const float *src, int rows, int k, int block, int symmetric, int n0, u8 *b,
               float *scales, u8 *zps) {
    int kBlocks = (k + block - 1) / block;
    for (int r = 0; r < rows; r++) {
        int4_column(src + (unsigned)r * k, k, block, symmetric, kBlocks, 0, n0 + r, b, scales, zps);
    }
}

/*
 * MatMulNBits from W stored [K, N]: `rows` rows of N floats at `src`, the first being row k0 (a
 * multiple of `block`) of W's K. Columns are gathered four at a time into `tmp` (4 × rows
 * floats) with 4×4 transposes, then quantized as rows.
 */
EXPORT("int4_cols")
void int4_cols(const float *src, int rows, int n, int k0, int k, int block, int symmetric,
               u8 *b, float *scales, u8 *zps, float *tmp) {
    int kBlocks = (k + block - 1) / block;
    int blk0 = k0 / block;
    int c = 0;
    for (; c + 4 <= n; c += 4) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            const float *x = src + (unsigned)r * n + c;
            v128_t a = wasm_v128_load(x), bb = wasm_v128_load(x + n);
            v128_t cc = wasm_v128_load(x + 2 * n), d = wasm_v128_load(x + 3 * n);
            /* a0 b0 a1 b1, a2 b2 a3 b3; then a0 b0 c0 d0 (column c) and so on */
            v128_t ab0 = wasm_i32x4_shuffle(a, bb, 0, 4, 1, 5);
            v128_t ab1 = wasm_i32x4_shuffle(a, bb, 2, 6, 3, 7);
            v128_t cd0 = wasm_i32x4_shuffle(cc, d, 0, 4, 1, 5);
            v128_t cd1 = wasm_i32x4_shuffle(cc, d, 2, 6, 3, 7);
            wasm_v128_store(tmp + r, wasm_i64x2_shuffle(ab0, cd0, 0, 2));
            wasm_v128_store(tmp + rows + r, wasm_i64x2_shuffle(ab0, cd0, 1, 3));
            wasm_v128_store(tmp + 2 * rows + r, wasm_i64x2_shuffle(ab1, cd1, 0, 2));
            wasm_v128_store(tmp + 3 * rows + r, wasm_i64x2_shuffle(ab1, cd1, 1, 3));
        }
        for (; r < rows; r++) {
            for (int j = 0; j < 4; j++) tmp[j * rows + r] = src[(unsigned)r * n + c + j];
        }
        for (int j = 0; j < 4; j++) {
            const float *column = tmp + j * rows;
            int4_column(column, rows, block, symmetric, kBlocks, blk0, c + j, b, scales, zps);
        }
    }
    for (; c < n; c++) {
        for (int r = 0; r < rows; r++) tmp[r] = src[(unsigned)r * n + c];
        int4_column(tmp, rows, block, symmetric, kBlocks, blk0, c, b, scales, zps);
    }
}
