/*
 * ggml's k-quant reference quantizers (quantize_row_q4_K_ref and quantize_row_q6_K_ref, no
 * importance matrix) for WebAssembly, written from the format facts in
 * shared/reference/formats.md §1 and kept in step with src/quantize/kernels/{q4-k,q6-k}.ts.
 *
 * WebAssembly evaluates every f32 operation with one IEEE-single rounding and has no fused
 * multiply-add, so plain C here gives ggml's bytes exactly, as ggml-base (built without -march, no
 * FMA) computes them. The two shortcuts of the TypeScript kernels are kept; neither changes a byte
 * (see make-qkx2-quants.ts and make-qx-quants.ts).
 *
 * Build: src/quantize/wasm/build.sh (clang 14 --target=wasm32, wasm-ld), which writes
 * kquants-wasm.generated.ts. Not compiled at install or run time.
 */
typedef unsigned char u8;
typedef signed char i8;
typedef unsigned short u16;
typedef unsigned int u32;

#define EXPORT(name) __attribute__((export_name(name)))

static inline u32 bits_of(float f) {
    union { float f; u32 u; } v = { f };
    return v.u;
}

static inline float float_of(u32 u) {
    union { u32 u; float f; } v = { u };
    return v.f;
}

/* ggml nearest_int: the magic-number trick, exactly as C does it for every input. */
static inline int nearest_int(float fval) {
    float val = fval + 12582912.f;
    u32 i = bits_of(val);
    return (int)(i & 0x007fffff) - 0x00400000;
}

/* Round-to-nearest-even f32 -> f16 (numpy.float16 / F16C; NaN keeps its top payload bits). */
static u16 fp16_of(float f) {
    u32 x = bits_of(f);
    u32 sign = (x >> 16) & 0x8000;
    u32 exp = (x >> 23) & 0xff;
    u32 mant = x & 0x7fffff;
    if (exp == 0xff) {
        if (mant == 0) return (u16)(sign | 0x7c00);
        u32 nan = 0x7c00 | (mant >> 13);
        return (u16)(sign | (nan == 0x7c00 ? 0x7c01 : nan));
    }
    if (exp > 112) {
        if (exp > 142) return (u16)(sign | 0x7c00);
        u32 h = ((exp - 112) << 10) | (mant >> 13);
        u32 rest = mant & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (h & 1))) h++;
        return (u16)(sign | h);
    }
    u32 shift = 126 - exp;
    if (shift > 24) return (u16)sign;
    u32 m = mant | 0x800000;
    u32 h = m >> shift;
    u32 rest = m & ((1u << shift) - 1);
    u32 half = 1u << (shift - 1);
    if (rest > half || (rest == half && (h & 1))) h++;
    return (u16)(sign | h);
}

static float f32_of_fp16(u16 h) {
    u32 sign = (u32)(h & 0x8000) << 16;
    u32 exp = (h >> 10) & 0x1f;
    u32 mant = h & 0x3ff;
    if (exp == 31) return float_of(sign | 0x7f800000 | (mant << 13));
    if (exp != 0) return float_of(sign | ((exp + 112) << 23) | (mant << 13));
    if (mant == 0) return float_of(sign);
    u32 e = 113;
    while ((mant & 0x400) == 0) {
        mant <<= 1;
        e--;
    }
    return float_of(sign | (e << 23) | ((mant & 0x3ff) << 13));
}

static void put16(u8 *p, u16 v) {
    p[0] = (u8)(v & 0xff);
    p[1] = (u8)(v >> 8);
}

/* make_qkx2_quants(32, 15, x, w, L, &the_min, Laux, -1.f, 0.1f, 20, false) */
static float make_qkx2_quants(const float *x, const float *w, u8 *L, u8 *Laux, float *the_min) {
    float min = x[0];
    float max = x[0];
    float sum_w = w[0];
    float sum_x = sum_w * x[0];
    for (int i = 1; i < 32; ++i) {
        if (x[i] < min) min = x[i];
        if (x[i] > max) max = x[i];
        float wi = w[i];
        sum_w += wi;
        sum_x += wi * x[i];
    }
    if (min > 0) min = 0;
    if (max == min) {
        for (int i = 0; i < 32; ++i) L[i] = 0;
        *the_min = -min;
        return 0.f;
    }
    float iscale = 15 / (max - min);
    float scale = 1 / iscale;
    float best_error = 0;
    for (int i = 0; i < 32; ++i) {
        int l = nearest_int(iscale * (x[i] - min));
        l = l < 0 ? 0 : l > 15 ? 15 : l;
        L[i] = (u8)l;
        float diff = scale * l + min - x[i];
        diff = diff * diff;
        best_error += w[i] * diff;
    }
    int repeatable = 0;
    for (int is = 0; is <= 20; ++is) {
        iscale = (-1.f + 0.1f * is + 15) / (max - min);
        int same = repeatable;
        for (int i = 0; i < 32; ++i) {
            int l = nearest_int(iscale * (x[i] - min));
            l = l < 0 ? 0 : l > 15 ? 15 : l;
            if (l != Laux[i]) same = 0;
            Laux[i] = (u8)l;
        }
        if (same) continue;
        repeatable = 1;
        float sum_l = 0, sum_l2 = 0, sum_xl = 0;
        for (int i = 0; i < 32; ++i) {
            int l = Laux[i];
            float wl = w[i] * l;
            sum_l += wl;
            sum_l2 += wl * l;
            sum_xl += wl * x[i];
        }
        float D = sum_w * sum_l2 - sum_l * sum_l;
        if (D > 0) {
            float this_scale = (sum_w * sum_xl - sum_x * sum_l) / D;
            float this_min = (sum_l2 * sum_x - sum_l * sum_xl) / D;
            if (this_min > 0) {
                this_min = 0;
                this_scale = sum_xl / sum_l2;
            }
            float mad = 0;
            for (int i = 0; i < 32; ++i) {
                float diff = this_scale * Laux[i] + this_min - x[i];
                diff = diff * diff;
                mad += w[i] * diff;
                if (mad >= best_error) break;
            }
            if (mad < best_error) {
                for (int i = 0; i < 32; ++i) L[i] = Laux[i];
                best_error = mad;
                scale = this_scale;
                min = this_min;
                repeatable = 0;
            }
        }
    }
    *the_min = -min;
    return scale;
}

EXPORT("quantize_q4_K")
void quantize_q4_K(const float *x, u8 *y, int blocks) {
    u8 L[256];
    u8 Laux[32];
    float weights[32];
    float mins[8];
    float scales[8];
    u8 ls[8], lm[8];
    for (int b = 0; b < blocks; ++b, x += 256, y += 144) {
        float max_scale = 0;
        float max_min = 0;
        for (int j = 0; j < 8; ++j) {
            const float *xj = x + 32 * j;
            float sum_x2 = 0;
            for (int l = 0; l < 32; ++l) sum_x2 += xj[l] * xj[l];
            float av_x = __builtin_sqrtf(sum_x2 / 32);
            for (int l = 0; l < 32; ++l) weights[l] = av_x + __builtin_fabsf(xj[l]);
            scales[j] = make_qkx2_quants(xj, weights, L + 32 * j, Laux, &mins[j]);
            if (scales[j] > max_scale) max_scale = scales[j];
            if (mins[j] > max_min) max_min = mins[j];
        }
        float inv_scale = max_scale > 0 ? 63.f / max_scale : 0.f;
        float inv_min = max_min > 0 ? 63.f / max_min : 0.f;
        for (int j = 0; j < 8; ++j) {
            u8 s = (u8)nearest_int(inv_scale * scales[j]);
            u8 m = (u8)nearest_int(inv_min * mins[j]);
            ls[j] = s < 63 ? s : 63;
            lm[j] = m < 63 ? m : 63;
        }
        for (int j = 0; j < 4; ++j) {
            y[4 + j] = (u8)(ls[j] | ((ls[j + 4] >> 4) << 6));
            y[8 + j] = (u8)(lm[j] | ((lm[j + 4] >> 4) << 6));
            y[12 + j] = (u8)((ls[j + 4] & 0xf) | ((lm[j + 4] & 0xf) << 4));
        }
        u16 dh = fp16_of(max_scale / 63.f);
        u16 dminh = fp16_of(max_min / 63.f);
        put16(y, dh);
        put16(y + 2, dminh);
        float d = f32_of_fp16(dh);
        float dmin = f32_of_fp16(dminh);
        for (int j = 0; j < 8; ++j) {
            float dj = d * ls[j];
            if (!dj) continue;
            float dm = dmin * lm[j];
            for (int ii = 0; ii < 32; ++ii) {
                int l = nearest_int((x[32 * j + ii] + dm) / dj);
                L[32 * j + ii] = (u8)(l < 0 ? 0 : l > 15 ? 15 : l);
            }
        }
        for (int c = 0; c < 4; ++c)
            for (int l = 0; l < 32; ++l) y[16 + 32 * c + l] = (u8)(L[64 * c + l] | (L[64 * c + 32 + l] << 4));
    }
}

/* make_qx_quants(16, 32, x, L, 1, NULL); L holds l + 32. */
static float make_qx_quants(const float *x, u8 *L, u8 *Laux) {
    float max = 0;
    float amax = 0;
    for (int i = 0; i < 16; ++i) {
        float ax = __builtin_fabsf(x[i]);
        if (ax > amax) {
            amax = ax;
            max = x[i];
        }
    }
    if (amax < 1e-15f) {
        for (int i = 0; i < 16; ++i) L[i] = 0;
        return 0.f;
    }
    float iscale = -32 / max;
    float sumlx = 0;
    float suml2 = 0;
    for (int i = 0; i < 16; ++i) {
        int l = nearest_int(iscale * x[i]);
        l = l < -32 ? -32 : l > 31 ? 31 : l;
        L[i] = (u8)(l + 32);
        Laux[i] = (u8)(l + 32);
        float w = x[i] * x[i];
        sumlx += w * x[i] * l;
        suml2 += w * l * l;
    }
    float scale = suml2 ? sumlx / suml2 : 0.0f;
    float best = scale * sumlx;
    for (int is = -9; is <= 9; ++is) {
        if (is == 0) continue;
        iscale = -(32 + 0.1f * is) / max;
        int same = 1;
        for (int i = 0; i < 16; ++i) {
            int l = nearest_int(iscale * x[i]);
            l = l < -32 ? -32 : l > 31 ? 31 : l;
            if (l + 32 != Laux[i]) same = 0;
            Laux[i] = (u8)(l + 32);
        }
        if (same) continue;
        sumlx = suml2 = 0;
        for (int i = 0; i < 16; ++i) {
            int l = Laux[i] - 32;
            float w = x[i] * x[i];
            sumlx += w * x[i] * l;
            suml2 += w * l * l;
        }
        if (suml2 > 0 && sumlx * sumlx > best * suml2) {
            for (int i = 0; i < 16; ++i) L[i] = Laux[i];
            scale = sumlx / suml2;
            best = scale * sumlx;
        }
    }
    return scale;
}

EXPORT("quantize_q6_K")
void quantize_q6_K(const float *x, u8 *y, int blocks) {
    u8 L[256];
    u8 Laux[16];
    float scales[16];
    i8 stored[16];
    for (int b = 0; b < blocks; ++b, x += 256, y += 210) {
        float max_scale = 0;
        float max_abs_scale = 0;
        for (int ib = 0; ib < 16; ++ib) {
            float scale = make_qx_quants(x + 16 * ib, L + 16 * ib, Laux);
            scales[ib] = scale;
            float abs_scale = __builtin_fabsf(scale);
            if (abs_scale > max_abs_scale) {
                max_abs_scale = abs_scale;
                max_scale = scale;
            }
        }
        if (max_abs_scale < 1e-15f) {
            for (int k = 0; k < 210; ++k) y[k] = 0;
            continue;
        }
        float iscale = -128.f / max_scale;
        u16 dh = fp16_of(1 / iscale);
        for (int ib = 0; ib < 16; ++ib) {
            int s = nearest_int(iscale * scales[ib]);
            stored[ib] = (i8)(s < 127 ? s : 127);
            y[192 + ib] = (u8)stored[ib];
        }
        put16(y + 208, dh);
        float d0 = f32_of_fp16(dh);
        for (int j = 0; j < 16; ++j) {
            float d = d0 * stored[j];
            if (!d) continue;
            for (int ii = 0; ii < 16; ++ii) {
                int l = nearest_int(x[16 * j + ii] / d);
                l = l < -32 ? -32 : l > 31 ? 31 : l;
                L[16 * j + ii] = (u8)(l + 32);
            }
        }
        for (int half = 0; half < 2; ++half) {
            u8 *ql = y + 64 * half;
            u8 *qh = y + 128 + 32 * half;
            const u8 *Lh = L + 128 * half;
            for (int l = 0; l < 32; ++l) {
                u8 q1 = Lh[l], q2 = Lh[l + 32], q3 = Lh[l + 64], q4 = Lh[l + 96];
                ql[l] = (u8)((q1 & 0xf) | ((q3 & 0xf) << 4));
                ql[l + 32] = (u8)((q2 & 0xf) | ((q4 & 0xf) << 4));
                qh[l] = (u8)((q1 >> 4) | ((q2 >> 4) << 2) | ((q3 >> 4) << 4) | ((q4 >> 4) << 6));
            }
        }
    }
}
