/* INT8 per-channel kernels (see onnx-simd.h and int8Channels in onnx-kernels.ts). */
#include "onnx-simd.h"

/* 4 quotients x/scale rounded half to even, as i32 (NaN: 0). */
static inline v128_t quotients4(v128_t x, v128_t scale) {
    return wasm_i32x4_trunc_sat_f32x4(wasm_f32x4_nearest(wasm_f32x4_div(x, scale)));
}

/* 16 quotients x/scale rounded half to even, saturated to int8. */
static inline v128_t int8x16(const float *x, v128_t s0, v128_t s1, v128_t s2, v128_t s3) {
    v128_t a = quotients4(wasm_v128_load(x), s0);
    v128_t b = quotients4(wasm_v128_load(x + 4), s1);
    v128_t c = quotients4(wasm_v128_load(x + 8), s2);
    v128_t d = quotients4(wasm_v128_load(x + 12), s3);
    return wasm_i8x16_narrow_i16x8(wasm_i16x8_narrow_i32x4(a, b), wasm_i16x8_narrow_i32x4(c, d));
}

/* Largest |x| of n floats, NaN ignored. */
static float absmax(const float *x, int n) {
    v128_t m0 = wasm_f32x4_splat(0.0f), m1 = m0, m2 = m0, m3 = m0;
    int i = 0;
    for (; i + 16 <= n; i += 16) {
        m0 = wasm_f32x4_pmax(m0, wasm_f32x4_abs(wasm_v128_load(x + i)));
        m1 = wasm_f32x4_pmax(m1, wasm_f32x4_abs(wasm_v128_load(x + i + 4)));
        m2 = wasm_f32x4_pmax(m2, wasm_f32x4_abs(wasm_v128_load(x + i + 8)));
        m3 = wasm_f32x4_pmax(m3, wasm_f32x4_abs(wasm_v128_load(x + i + 12)));
    }
    m0 = wasm_f32x4_pmax(wasm_f32x4_pmax(m0, m1), wasm_f32x4_pmax(m2, m3));
    float lanes[4];
    wasm_v128_store(lanes, m0);
    float m = 0.0f;
    for (int l = 0; l < 4; l++) {
        if (lanes[l] > m) m = lanes[l];
    }
    for (; i < n; i++) {
        float v = __builtin_fabsf(x[i]);
        if (v > m) m = v;
    }
    return m;
}

/* The per-row scale of `cols` floats at x, stored; as a vector. */
static inline v128_t row_scale(const float *x, int cols, float qmax, float *scale_out) {
    float scale = absmax(x, cols) / qmax;
    if (scale < MIN_NORMAL) scale = 1.0f;
    *scale_out = scale;
    return wasm_f32x4_splat(scale);
}

/* int8x16 of the up to 16 floats at x (n of them; the rest read as 0). */
static inline v128_t int8_part(const float *x, int n, v128_t s) {
    float pad[16];
    if (n < 16) {
        for (int i = 0; i < 16; i++) pad[i] = i < n ? x[i] : 0.0f;
        x = pad;
    }
    return int8x16(x, s, s, s, s);
}

/* Bytes 0..7 (LOW) or 8..15 (HIGH) of a and b, interleaved: a0 b0 a1 b1 … */
#define ZIP_LOW(a, b) \
    wasm_i8x16_shuffle(a, b, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23)
#define ZIP_HIGH(a, b) \
    wasm_i8x16_shuffle(a, b, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31)

/* Lane j of v (four bytes: column c + k + j of four rows) to its place in q. */
#define STORE_COLUMNS(v, k)                                                                   \
    do {                                                                                      \
        wasm_v128_store32_lane(q + (unsigned)(c + (k)) * total_rows + row, v, 0);             \
        wasm_v128_store32_lane(q + (unsigned)(c + (k) + 1) * total_rows + row, v, 1);         \
        wasm_v128_store32_lane(q + (unsigned)(c + (k) + 2) * total_rows + row, v, 2);         \
        wasm_v128_store32_lane(q + (unsigned)(c + (k) + 3) * total_rows + row, v, 3);         \
    } while (0)

/*
 * int8_rows with a transposed output, four rows at a time: their 16-column vectors are
 * interleaved so that each column's four bytes go out in one store.
 */
static void int8_rows_transposed(const float *src, int rows, int cols, float qmax, int r0,
                                 int total_rows, i8 *q, float *scales) {
    i8 out[64];
    int r = 0;
    for (; r + 4 <= rows; r += 4) {
        const float *x0 = src + (unsigned)r * cols, *x1 = x0 + cols;
        const float *x2 = x1 + cols, *x3 = x2 + cols;
        int row = r0 + r;
        v128_t s0 = row_scale(x0, cols, qmax, scales + row);
        v128_t s1 = row_scale(x1, cols, qmax, scales + row + 1);
        v128_t s2 = row_scale(x2, cols, qmax, scales + row + 2);
        v128_t s3 = row_scale(x3, cols, qmax, scales + row + 3);
        for (int c = 0; c < cols; c += 16) {
            int n = cols - c < 16 ? cols - c : 16;
            v128_t a = int8_part(x0 + c, n, s0), b = int8_part(x1 + c, n, s1);
            v128_t e = int8_part(x2 + c, n, s2), d = int8_part(x3 + c, n, s3);
            /* bytes a0 b0 a1 b1 …, then 16-bit pairs: a0 b0 e0 d0, a1 b1 e1 d1, … */
            v128_t ab0 = ZIP_LOW(a, b), ab1 = ZIP_HIGH(a, b);
            v128_t ed0 = ZIP_LOW(e, d), ed1 = ZIP_HIGH(e, d);
            v128_t u0 = wasm_i16x8_shuffle(ab0, ed0, 0, 8, 1, 9, 2, 10, 3, 11);
            v128_t u1 = wasm_i16x8_shuffle(ab0, ed0, 4, 12, 5, 13, 6, 14, 7, 15);
            v128_t u2 = wasm_i16x8_shuffle(ab1, ed1, 0, 8, 1, 9, 2, 10, 3, 11);
            v128_t u3 = wasm_i16x8_shuffle(ab1, ed1, 4, 12, 5, 13, 6, 14, 7, 15);
            if (n == 16) {
                STORE_COLUMNS(u0, 0);
                STORE_COLUMNS(u1, 4);
                STORE_COLUMNS(u2, 8);
                STORE_COLUMNS(u3, 12);
                continue;
            }
            wasm_v128_store(out, u0);
            wasm_v128_store(out + 16, u1);
            wasm_v128_store(out + 32, u2);
            wasm_v128_store(out + 48, u3);
            for (int k = 0; k < n; k++) {
                u8 *to = (u8 *)q + (unsigned)(c + k) * total_rows + row;
                copy_bytes(to, (const u8 *)out + 4 * k, 4);
            }
        }
    }
    for (; r < rows; r++) {
        const float *x = src + (unsigned)r * cols;
        int row = r0 + r;
        v128_t s = row_scale(x, cols, qmax, scales + row);
        for (int c = 0; c < cols; c += 16) {
            int n = cols - c < 16 ? cols - c : 16;
            wasm_v128_store(out, int8_part(x + c, n, s));
            for (int i = 0; i < n; i++) q[(unsigned)(c + i) * total_rows + row] = out[i];
        }
    }
}

/*
 * INT8 with one scale per row, for `rows` rows of `cols` floats at `src`, the first being row r0
 * of the tensor. Writes scales[r0 + r] and q[(r0 + r) * cols + c], or with `transpose`
 * q[c * total_rows + r0 + r].
 */
EXPORT("int8_rows")
void int8_rows(const float *src, int rows, int cols, float qmax, int r0, int total_rows,
               int transpose, i8 *q, float *scales) {
    if (transpose) {
        int8_rows_transposed(src, rows, cols, qmax, r0, total_rows, q, scales);
        return;
    }
    i8 out[16];
    for (int r = 0; r < rows; r++) {
        const float *x = src + (unsigned)r * cols;
        int row = r0 + r;
        v128_t s = row_scale(x, cols, qmax, scales + row);
        i8 *dst = q + (unsigned)row * cols;
        int c = 0;
        for (; c + 16 <= cols; c += 16) wasm_v128_store(dst + c, int8x16(x + c, s, s, s, s));
        if (c < cols) {
            wasm_v128_store(out, int8_part(x + c, cols - c, s));
            copy_bytes((u8 *)dst + c, (const u8 *)out, cols - c);
        }
    }
}

/* acc[c] = max(acc[c], |x[r][c]|) over `rows` rows of `cols` floats, NaN ignored. */
EXPORT("absmax_cols")
void absmax_cols(const float *src, int rows, int cols, float *acc) {
    int vec = cols & ~3;
    for (int r = 0; r < rows; r++) {
        const float *x = src + (unsigned)r * cols;
        for (int c = 0; c < vec; c += 4) {
            wasm_v128_store(acc + c, wasm_f32x4_pmax(wasm_v128_load(acc + c),
                                                     wasm_f32x4_abs(wasm_v128_load(x + c))));
        }
        for (int c = vec; c < cols; c++) {
            float v = __builtin_fabsf(x[c]);
            if (v > acc[c]) acc[c] = v;
        }
    }
}

/* scales[c] = acc[c] / qmax, or 1 below the smallest normal float. */
EXPORT("int8_scales")
void int8_scales(const float *acc, int n, float qmax, float *scales) {
    for (int c = 0; c < n; c++) {
        float scale = acc[c] / qmax;
        scales[c] = scale < MIN_NORMAL ? 1.0f : scale;
    }
}

/* INT8 with one scale per column: q[(r0 + r) * cols + c] for `rows` rows at `src`. */
EXPORT("int8_cols")
void int8_cols(const float *src, int rows, int cols, int r0, const float *scales, i8 *q) {
    float pad[16], padScale[16];
    i8 out[16];
    int vec = cols & ~15;
    int n = cols - vec;
    for (int i = 0; i < 16; i++) padScale[i] = i < n ? scales[vec + i] : 1.0f;
    for (int r = 0; r < rows; r++) {
        const float *x = src + (unsigned)r * cols;
        i8 *row = q + (unsigned)(r0 + r) * cols;
        for (int c = 0; c < vec; c += 16) {
            const float *s = scales + c;
            wasm_v128_store(row + c, int8x16(x + c, wasm_v128_load(s), wasm_v128_load(s + 4),
                                             wasm_v128_load(s + 8), wasm_v128_load(s + 12)));
        }
        if (n > 0) {
            for (int i = 0; i < 16; i++) pad[i] = i < n ? x[vec + i] : 0.0f;
            v128_t s0 = wasm_v128_load(padScale), s1 = wasm_v128_load(padScale + 4);
            v128_t s2 = wasm_v128_load(padScale + 8), s3 = wasm_v128_load(padScale + 12);
            wasm_v128_store(out, int8x16(pad, s0, s1, s2, s3));
            copy_bytes((u8 *)row + vec, (const u8 *)out, n);
        }
    }
}
