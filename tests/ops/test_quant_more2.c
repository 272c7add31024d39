/* Op tests of the quantized one-input ops of issue 5 (remainder): ABS
 * (INT8, INT16, raw INT16), RSQRT (INT8 fixed point, INT16 table), SQRT
 * (INT8, INT16), LOG and EXP (INT8, INT16 tables), L2_NORMALIZATION (INT8,
 * UINT8), INT16 comparisons (EQUAL, LESS, GREATER_EQUAL: raw values), and
 * the data-movement ops MIRROR_PAD, TILE, BROADCAST_TO, SPACE_TO_DEPTH on
 * INT8 / UINT8 / INT16 (raw copies). One-op models built with the
 * project's writer; expected integers from TensorFlow Lite's integer and
 * table formulas written again here (the inverse square root of
 * GetInvSqrtQuantizedMultiplierExp in gemmlowp fixed point, the float
 * LUTPopulate tables, the truncating float SQRT). */
#include "ops/one_op.h"

static uint32_t g_seed = 12345u;
static int32_t rnd(int32_t lo, int32_t hi) {
  return ot_lcg_int(&g_seed, lo, hi);
}

/* ---- reference arithmetic ------------------------------------------------ */

/* Saturating x * 2^e (e > 0), rounding x / 2^-e (e < 0). */
static int32_t r_pot(int32_t x, int e) {
  if (e <= 0) return qr_div_pot(x, -e);
  const int64_t v = (int64_t)x * (1LL << e);
  return (int32_t)(v > INT32_MAX ? INT32_MAX : (v < INT32_MIN ? INT32_MIN : v));
}

/* GetInvSqrtQuantizedMultiplierExp with reverse shift -1: Newton-Raphson
 * on 1/sqrt in Q3.28 from x = 1, five steps. */
static void r_inv_sqrt(int32_t v, int32_t *m, int *shift) {
  if (v <= 1) {
    *m = INT32_MAX;
    *shift = 0;
    return;
  }
  int s = 11;
  while (v >= (1 << 29)) {
    v /= 4;
    s++;
  }
  const int pairs = (__builtin_clz((uint32_t)v) - 1) / 2 - 1;
  s -= pairs;
  v <<= 2 * pairs;
  const int32_t in3 = v >> 1, half = r_pot(in3, -1);
  int32_t x = 1 << 28;
  for (int i = 0; i < 5; i++) {
    const int32_t x3 = r_pot(qr_high_mul(qr_high_mul(x, x), x), 6);
    const int32_t a = qr_high_mul((1 << 28) + (1 << 27), x);
    const int32_t b = qr_high_mul(half, x3);
    x = r_pot((int32_t)((uint32_t)a - (uint32_t)b), 3);
  }
  x = qr_high_mul(x, 1518500250);
  if (s < 0) {
    x = (int32_t)((uint32_t)x << -s);
    s = 0;
  }
  *m = x;
  *shift = -s;
}

static float f_log(float x, float lo) { return x <= 0.0f ? lo : logf(x); }

/* LUTPopulate (int8): fn over every dequantized input, float arithmetic. */
static int32_t r_lut8(float (*fn)(float, float), float arg, float s_in,
                      int32_t z_in, float s_out, int32_t z_out, int32_t q) {
  const float y = roundf(fn(s_in * (float)(q - z_in), arg) * (1.0f / s_out));
  const float t = y + (float)z_out;
  return t < -128.0f ? -128 : (t > 127.0f ? 127 : (int32_t)t);
}

static float f_exp(float x, float unused) {
  (void)unused;
  return expf(x);
}
static float f_rsqrt(float x, float s_out) {
  return x <= 0.0f ? 32767.0f * s_out : 1.0f / sqrtf(x);
}

/* LUTPopulate<int16_t> with a float transform, then the interpolated
 * lookup (int16 slope). */
static void r_lut16(float (*fn)(float, float), float arg, float s_in,
                    float s_out, int16_t lut[513]) {
  const float in_min = s_in * -32768.0f, in_max = s_in * 32767.0f;
  const float inv = 65536.0f / (s_out * 32767.0f - s_out * -32768.0f);
  const float step = (in_max - in_min) / 512.0f;
  for (int i = 0; i < 512; i++) {
    const float v = fn(in_min + (float)i * step, arg);
    const float vm = fn(in_min + (float)i * step + step / 2.0f, arg);
    const float vn = fn(in_min + (float)(i + 1) * step, arg);
    const float mid_err =
        roundf((vn * inv + roundf(v * inv)) / 2.0f) - roundf(vm * inv);
    const float r = roundf(v * inv) - roundf(mid_err / 2.0f);
    lut[i] =
        (int16_t)(r < -32768.0f ? -32768.0f : (r > 32767.0f ? 32767.0f : r));
  }
  const float r = roundf(fn(in_max, arg) * inv);
  lut[512] =
      (int16_t)(r < -32768.0f ? -32768.0f : (r > 32767.0f ? 32767.0f : r));
}

static int32_t r_lookup16(const int16_t *lut, int16_t v) {
  const int idx = 256 + (v >> 7);
  const int16_t slope = (int16_t)(lut[idx + 1] - lut[idx]);
  return (int16_t)(lut[idx] + ((slope * (v & 0x7f) + 64) >> 7));
}

/* ---- running a one-input op --------------------------------------------- */

/* Runs op on n values of type tt with (s_in, z_in) -> (s_out, z_out);
 * quantized = 0 leaves both tensors unquantized. Returns 0 and the outputs,
 * or -1 (prepare) / -2 (invoke) with the messages in err. */
static int run1(int32_t op, int8_t tt, const int32_t *x, int n, float s_in,
                int64_t z_in, float s_out, int64_t z_out, int quantized,
                int32_t *y, char *err) {
  const int shape[1] = {n};
  void *data = NULL;
  int64_t v64[256];
  for (int i = 0; i < n; i++) v64[i] = x[i];
  data = qr_pack(tt == TFLC_TT_INT16   ? kTfLiteInt16
                 : tt == TFLC_TT_UINT8 ? kTfLiteUInt8
                                       : kTfLiteInt8,
                 v64, (size_t)n);
  oo_tensor in = {tt, shape, 1, data, 0, quantized, &s_in, &z_in, 0};
  oo_op c = {op,
             0,
             NULL,
             0,
             &in,
             1,
             {tt, shape, 1, NULL, 0, quantized, &s_out, &z_out, 0}};
  if (op == TFLC_OP_L2_NORMALIZATION) c.bo = TFLC_BO_L2_NORM;
  oo_run r;
  int rc = oo_build(&c, &r);
  if (rc == 0 && oo_invoke(&c, &r) != kTfLiteOk)
    rc = -2;
  else if (rc != 0)
    rc = -1;
  memcpy(err, r.err, 1023);
  err[1023] = 0;
  if (rc == 0) {
    const TfLiteTensor *t = oo_out(&r, 0);
    for (int i = 0; i < n; i++)
      y[i] = tt == TFLC_TT_INT16   ? t->data.i16[i]
             : tt == TFLC_TT_UINT8 ? t->data.uint8[i]
                                   : t->data.int8[i];
  }
  oo_free(&r);
  free(data);
  return rc;
}

static void expect_vals(const char *label, int rc, const char *err,
                        const int32_t *got, const int32_t *want, int n) {
  CHECK_MSG(rc == 0, "%s failed (%d): %s", label, rc, err);
  if (rc != 0) return;
  int bad = 0;
  for (int i = 0; i < n; i++)
    if (got[i] != want[i] && bad++ < 3)
      CHECK_MSG(0, "%s: element %d = %d, want %d", label, i, got[i], want[i]);
  CHECK_MSG(bad == 0, "%s: %d of %d values differ", label, bad, n);
}

/* ---- the ops --------------------------------------------------------------
 */

static void test_abs(void) {
  char err[1024];
  int32_t x[40], got[40], want[40];
  for (int k = 0; k < 4; k++) {
    const int i16 = k >= 2;
    const int8_t tt = i16 ? TFLC_TT_INT16 : TFLC_TT_INT8;
    const int32_t lo = i16 ? -32768 : -128, hi = i16 ? 32767 : 127;
    const float s_in = 0.05f, s_out = k % 2 ? 0.07f : 0.05f;
    const int64_t z_in = i16 ? 0 : 5, z_out = i16 ? 0 : -100;
    int32_t m;
    int sh;
    qr_multiplier((double)(s_in / s_out), &m, &sh);
    for (int i = 0; i < 40; i++) {
      x[i] = i < 2 ? (i ? hi : lo) : rnd(lo, hi);
      const int32_t v = abs(x[i] - (int32_t)z_in);
      want[i] =
          qr_clamp((k % 2 ? qr_mul(v, m, sh) : v) + (int32_t)z_out, lo, hi);
    }
    char label[64];
    snprintf(label, sizeof label, "ABS %s %s", i16 ? "int16" : "int8",
             k % 2 ? "rescaled" : "same scale");
    expect_vals(
        label,
        run1(TFLC_OP_ABS, tt, x, 40, s_in, z_in, s_out, z_out, 1, got, err),
        err, got, want, 40);
  }
  /* INT16 without quantization: |x| on raw values (-32768 stays). */
  const int32_t raw[4] = {-32768, -5, 0, 32767},
                raw_want[4] = {-32768, 5, 0, 32767};
  expect_vals("ABS raw int16",
              run1(TFLC_OP_ABS, TFLC_TT_INT16, raw, 4, 1, 0, 1, 0, 0, got, err),
              err, got, raw_want, 4);
}

static void test_rsqrt_sqrt(void) {
  char err[1024];
  int32_t x[64], got[64], want[64];
  /* RSQRT int8: 1/sqrt(v) in fixed point, shifted by 20 and back. */
  const float s_in = 0.02f, s_out = 0.03f;
  const int64_t z_in = -20, z_out = -128;
  int32_t m;
  int sh;
  qr_multiplier(1.0 / (double)(sqrtf(s_in) * s_out), &m, &sh);
  for (int i = 0; i < 64; i++) {
    x[i] = i == 0 ? -20 : (i == 1 ? 127 : rnd(-20, 127));
    const int32_t v = x[i] + 20;
    if (v == 0) {
      want[i] = 127;
      continue;
    }
    int32_t im;
    int is;
    r_inv_sqrt(v, &im, &is);
    const int32_t data = qr_mul(1, im, is + 20);
    want[i] = qr_clamp(qr_mul(data, m, sh - 20) + (int32_t)z_out, -128, 127);
  }
  expect_vals("RSQRT int8",
              run1(TFLC_OP_RSQRT, TFLC_TT_INT8, x, 64, s_in, z_in, s_out, z_out,
                   1, got, err),
              err, got, want, 64);
  x[5] = -21;
  CHECK(run1(TFLC_OP_RSQRT, TFLC_TT_INT8, x, 64, s_in, z_in, s_out, z_out, 1,
             got, err) == -2);
  CHECK_CONTAINS(err, "RSQRT is only defined for positive values");

  /* RSQRT int16: table. */
  static int16_t lut[513];
  const float s16_in = 1.0f / 4096, s16_out = 1.0f / 2048;
  r_lut16(f_rsqrt, s16_out, s16_in, s16_out, lut);
  for (int i = 0; i < 64; i++) {
    x[i] = i < 2 ? i * 32767 : rnd(0, 32767);
    want[i] = r_lookup16(lut, (int16_t)x[i]);
  }
  expect_vals("RSQRT int16",
              run1(TFLC_OP_RSQRT, TFLC_TT_INT16, x, 64, s16_in, 0, s16_out, 0,
                   1, got, err),
              err, got, want, 64);

  /* SQRT int8 / int16: float, truncated. */
  for (int k = 0; k < 2; k++) {
    const int8_t tt = k ? TFLC_TT_INT16 : TFLC_TT_INT8;
    const float si = k ? 0.001f : 0.05f, so = k ? 0.0004f : 0.02f;
    const int64_t zi = k ? 0 : -128, zo = k ? 0 : -128;
    const int32_t lo = k ? -32768 : -128, hi = k ? 32767 : 127;
    for (int i = 0; i < 64; i++) {
      x[i] = i == 0 ? (int32_t)zi : rnd((int32_t)zi, hi);
      const int64_t t =
          (int64_t)(sqrtf(si * (float)(x[i] - (int32_t)zi)) / so) + zo;
      want[i] = (int32_t)(t < lo ? lo : (t > hi ? hi : t));
    }
    expect_vals(k ? "SQRT int16" : "SQRT int8",
                run1(TFLC_OP_SQRT, tt, x, 64, si, zi, so, zo, 1, got, err), err,
                got, want, 64);
  }
  const int32_t neg[2] = {3, -1};
  CHECK(run1(TFLC_OP_SQRT, TFLC_TT_INT16, neg, 2, 0.01f, 0, 0.01f, 0, 1, got,
             err) == -2);
  CHECK_CONTAINS(err, "SQRT is only defined for non-negative values");
}

static void test_log_exp(void) {
  char err[1024];
  int32_t x[256], got[256], want[256];
  /* int8: every input value. */
  for (int i = 0; i < 256; i++) x[i] = i - 128;
  {
    const float si = 0.05f, so = 0.04f;
    const int32_t zi = -100, zo = 20;
    const float lo = (float)(-128 - zo) * so;
    for (int i = 0; i < 256; i++)
      want[i] = r_lut8(f_log, lo, si, zi, so, zo, x[i]);
    expect_vals(
        "LOG int8",
        run1(TFLC_OP_LOG, TFLC_TT_INT8, x, 256, si, zi, so, zo, 1, got, err),
        err, got, want, 256);
  }
  {
    const float si = 0.03f, so = 0.1f;
    const int32_t zi = 10, zo = -128;
    for (int i = 0; i < 256; i++)
      want[i] = r_lut8(f_exp, 0, si, zi, so, zo, x[i]);
    expect_vals(
        "EXP int8",
        run1(TFLC_OP_EXP, TFLC_TT_INT8, x, 256, si, zi, so, zo, 1, got, err),
        err, got, want, 256);
  }
  /* int16: random values through the interpolated tables. */
  static int16_t lut[513];
  for (int k = 0; k < 2; k++) {
    const float si = k ? 1.0f / 8192 : 1.0f / 1024,
                so = k ? 1.0f / 2048 : 1.0f / 4096;
    if (k)
      r_lut16(f_exp, 0, si, so, lut);
    else
      r_lut16(f_log, -32768.0f * so, si, so, lut);
    for (int i = 0; i < 256; i++) {
      x[i] = i < 3 ? (i - 1) * 32767 - (i == 0) : rnd(-32768, 32767);
      want[i] = r_lookup16(lut, (int16_t)x[i]);
    }
    expect_vals(k ? "EXP int16" : "LOG int16",
                run1(k ? TFLC_OP_EXP : TFLC_OP_LOG, TFLC_TT_INT16, x, 256, si,
                     0, so, 0, 1, got, err),
                err, got, want, 256);
  }
  /* int16 needs zero points 0. */
  CHECK(run1(TFLC_OP_EXP, TFLC_TT_INT16, x, 4, 0.01f, 3, 0.01f, 0, 1, got,
             err) == -1);
  CHECK_CONTAINS(err, "zero point");
}

static void test_l2norm(void) {
  char err[1024];
  int32_t x[48], got[48], want[48];
  for (int u8 = 0; u8 < 2; u8++) {
    const int8_t tt = u8 ? TFLC_TT_UINT8 : TFLC_TT_INT8;
    const int32_t zi = u8 ? 130 : -7;
    for (int i = 0; i < 48; i++) x[i] = u8 ? rnd(0, 255) : rnd(-128, 127);
    x[0] = zi; /* a row of zero differences below */
    /* The op normalizes along the last dimension: one row of 48. */
    int64_t acc = 0;
    for (int i = 0; i < 48; i++) acc += (int64_t)(x[i] - zi) * (x[i] - zi);
    int32_t m;
    int s;
    r_inv_sqrt((int32_t)acc, &m, &s);
    for (int i = 0; i < 48; i++) {
      const int32_t d = x[i] - zi;
      want[i] = u8 ? qr_clamp(128 + qr_mul(128 * d, m, s), 0, 255)
                   : qr_clamp(qr_mul(d, m, s + 7), -128, 127);
    }
    expect_vals(u8 ? "L2_NORMALIZATION uint8" : "L2_NORMALIZATION int8",
                run1(TFLC_OP_L2_NORMALIZATION, tt, x, 48, 0.1f, zi, 1.0f / 128,
                     u8 ? 128 : 0, 1, got, err),
                err, got, want, 48);
    /* Fixed output parameters. */
    CHECK(run1(TFLC_OP_L2_NORMALIZATION, tt, x, 48, 0.1f, zi, 1.0f / 64,
               u8 ? 128 : 0, 1, got, err) == -1);
    CHECK_CONTAINS(err, "must have scale");
  }
  /* All zero differences: the multiplier of 0 is INT32_MAX, output 0. */
  int32_t z[4] = {-7, -7, -7, -7}, zw[4] = {0, 0, 0, 0};
  expect_vals("L2_NORMALIZATION zeros",
              run1(TFLC_OP_L2_NORMALIZATION, TFLC_TT_INT8, z, 4, 0.1f, -7,
                   1.0f / 128, 0, 1, got, err),
              err, got, zw, 4);
}

static void test_compare_i16(void) {
  static const int sh[1] = {6};
  const int16_t a[6] = {-32768, -1, 0, 5, 32767, 7};
  const int16_t b[6] = {-32768, 0, 0, 4, 32766, 9};
  /* Different scales: raw values are compared all the same. */
  const float sa = 0.5f, sb = 2.0f;
  const int64_t z = 0;
  const int32_t ops[3] = {TFLC_OP_EQUAL, TFLC_OP_LESS, TFLC_OP_GREATER_EQUAL};
  for (int k = 0; k < 3; k++) {
    oo_tensor ins[2] = {{TFLC_TT_INT16, sh, 1, a, 0, 1, &sa, &z, 0},
                        {TFLC_TT_INT16, sh, 1, b, 0, 1, &sb, &z, 0}};
    oo_op c = {ops[k],
               0,
               NULL,
               0,
               ins,
               2,
               {TFLC_TT_BOOL, sh, 1, NULL, 0, 0, NULL, NULL, 0}};
    bool want[6];
    for (int i = 0; i < 6; i++)
      want[i] = k == 0 ? a[i] == b[i] : (k == 1 ? a[i] < b[i] : a[i] >= b[i]);
    oo_run_expect(&c, sh, 1, want, sizeof want, "INT16 comparison");
  }
  /* NOT_EQUAL has no INT16 kernel in TensorFlow Lite. */
  oo_tensor ins[2] = {{TFLC_TT_INT16, sh, 1, a, 0, 1, &sa, &z, 0},
                      {TFLC_TT_INT16, sh, 1, b, 0, 1, &sb, &z, 0}};
  oo_op c = {TFLC_OP_NOT_EQUAL,
             0,
             NULL,
             0,
             ins,
             2,
             {TFLC_TT_BOOL, sh, 1, NULL, 0, 0, NULL, NULL, 0}};
  oo_expect_error(&c, "not supported", "NOT_EQUAL int16");
}

/* Data movement: raw values move, the output keeps its declared
 * parameters (TensorFlow Lite checks none of these four). */
static void test_movement(void) {
  static const int s4[4] = {1, 2, 2, 2}, s_pad[2] = {4, 2}, s1[1] = {4};
  static const int s_rep[1] = {4};
  static const int32_t pads[8] = {0, 0, 1, 0, 0, 1, 0, 0};
  static const int32_t reps[4] = {1, 1, 1, 2};
  static const int32_t bshape[4] = {2, 2, 2, 2};
  const float s_in = 0.25f, s_out = 0.25f;
  for (int k = 0; k < 3; k++) {
    const int8_t tt =
        k == 0 ? TFLC_TT_INT8 : (k == 1 ? TFLC_TT_UINT8 : TFLC_TT_INT16);
    const int64_t z = k == 1 ? 128 : (k == 0 ? -3 : 0);
    int64_t v[8];
    for (int i = 0; i < 8; i++) v[i] = (k == 1 ? 100 : -4) + 3 * i;
    const TfLiteType t =
        k == 0 ? kTfLiteInt8 : (k == 1 ? kTfLiteUInt8 : kTfLiteInt16);
    void *x = qr_pack(t, v, 8);
    const size_t es = qr_size(t);
    for (int op = 0; op < 4; op++) {
      oo_tensor ins[2] = {{tt, s4, 4, x, 0, 1, &s_in, &z, 0},
                          {TFLC_TT_INT32,
                           op == 0   ? s_pad
                           : op == 1 ? s_rep
                                     : s1,
                           op == 0 ? 2 : 1,
                           op == 0   ? (const void *)pads
                           : op == 1 ? (const void *)reps
                                     : (const void *)bshape,
                           1, 0, NULL, NULL, 0}};
      static const int o_pad[4] = {1, 3, 3, 2}, o_tile[4] = {1, 2, 2, 4},
                       o_b[4] = {2, 2, 2, 2}, o_s2d[4] = {1, 1, 1, 8};
      const int *os = op == 0   ? o_pad
                      : op == 1 ? o_tile
                      : op == 2 ? o_b
                                : o_s2d;
      tflc_opt_field f_mode[1] = {
          tm_opt_int(0, TFLC_OPT_I8, 1)}; /* SYMMETRIC */
      tflc_opt_field f_bs[1] = {tm_opt_int(0, TFLC_OPT_I32, 2)};
      oo_op c = {op == 0   ? TFLC_OP_MIRROR_PAD
                 : op == 1 ? TFLC_OP_TILE
                 : op == 2 ? TFLC_OP_BROADCAST_TO
                           : TFLC_OP_SPACE_TO_DEPTH,
                 op == 0   ? TFLC_BO_MIRROR_PAD
                 : op == 3 ? TFLC_BO_SPACE_TO_DEPTH
                           : 0,
                 op == 0   ? f_mode
                 : op == 3 ? f_bs
                           : NULL,
                 op == 0 || op == 3,
                 ins,
                 op == 3 ? 1 : 2,
                 {tt, os, 4, NULL, 0, 1, &s_out, &z, 0}};
      /* Expected raw values by index mapping. */
      int64_t w[24];
      size_t nw = 0;
      for (int a = 0; a < os[0]; a++)
        for (int b = 0; b < os[1]; b++)
          for (int cc = 0; cc < os[2]; cc++)
            for (int d = 0; d < os[3]; d++) {
              int ia = a % 1, ib, ic, id;
              if (op ==
                  0) { /* symmetric pad: before 1 on dim 1, after 1 on dim 2 */
                ib = b == 0 ? 0 : b - 1;
                ic = cc == 2 ? 1 : cc;
                id = d;
              } else if (op == 1) {
                ib = b;
                ic = cc;
                id = d % 2;
              } else if (op == 2) {
                ib = b;
                ic = cc;
                id = d;
              } else { /* depth d = (by * 2 + bx) * 2 + ch */
                ib = d / 4;
                ic = (d / 2) % 2;
                id = d % 2;
              }
              w[nw++] = v[((ia * 2 + ib) * 2 + ic) * 2 + id];
            }
      void *wp = qr_pack(t, w, nw);
      oo_run r;
      const TfLiteTensor *out = oo_run_op(&c, &r, "movement");
      if (out) {
        oo_check_bytes(out, wp, nw * es, "movement values");
        CHECK(out->params.scale == s_out && out->params.zero_point == z);
      }
      oo_free(&r);
      free(wp);
    }
    free(x);
  }
}

int main(void) {
  test_abs();
  test_rsqrt_sqrt();
  test_log_exp();
  test_l2norm();
  test_compare_i16();
  test_movement();
  return CHECK_DONE();
}
