/* Op tests of the quantized leftovers of issue 5: QUANTIZE INT16 (non-zero
 * zero point) -> INT8, LOG_SOFTMAX int8/uint8, PRELU int8/uint8, GELU
 * int8/uint8, RESIZE_BILINEAR uint8/int8/int16, RESIZE_NEAREST_NEIGHBOR
 * int8, DIV uint8/int8, the quantization rules of the data-movement ops
 * (PACK, PAD), and INT4 weights (FULLY_CONNECTED, CONV_2D). One-op models built
 * with the project's writer; expected integers from the integer formulas
 * written again here (gemmlowp-style fixed point for LOG_SOFTMAX and DIV), from
 * TensorFlow Lite's own float tables where TensorFlow Lite builds one (GELU),
 * and from the golden values of TensorFlow Lite's kernel tests (LOG_SOFTMAX,
 * PRELU). */
#include "support/op_test.h"

/* ---- fixed-point reference (written from the definitions) -------------- */

static int32_t r_srdhm(int32_t a, int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
  const int64_t p = (int64_t)a * b;
  return (int32_t)((p + (p >= 0 ? (1LL << 30) : 1 - (1LL << 30))) /
                   (1LL << 31));
}

/* x / 2^e, ties away from zero (0 <= e <= 31). */
static int32_t r_rdbp(int32_t x, int e) {
  if (e <= 0) return x;
  const int64_t d = 1LL << e, v = x;
  return (int32_t)(v >= 0 ? (v + d / 2) / d : -((-v + d / 2) / d));
}

/* Saturating x * 2^e for e > 0, rounding for e < 0. */
static int32_t r_pot(int32_t x, int e) {
  if (e <= 0) return r_rdbp(x, -e);
  const int64_t v = (int64_t)x * (1LL << e);
  return (int32_t)(v > INT32_MAX ? INT32_MAX : (v < INT32_MIN ? INT32_MIN : v));
}

static void r_mult(double real, int32_t *m, int *s) {
  *m = 0;
  *s = 0;
  if (real == 0.0) return;
  int e = 0;
  long long q = llround(frexp(real, &e) * 2147483648.0);
  if (q == 2147483648LL) {
    q /= 2;
    e++;
  }
  *m = (int32_t)q;
  *s = e;
}

static int32_t r_mulq(int32_t x, int32_t m, int s) {
  const int32_t shifted = s > 0 ? (int32_t)((uint32_t)x << s) : x;
  return r_rdbp(r_srdhm(shifted, m), s > 0 ? 0 : -s);
}

static int32_t r_wrap(int64_t v) { return (int32_t)(uint32_t)(uint64_t)v; }

/* exp(a) for a in [-1/4, 0), Q0.31: Taylor series around -1/8. */
static int32_t r_exp_quarter(int32_t a) {
  const int32_t c = 1895147668, third = 715827883;
  const int32_t x = r_wrap((int64_t)a + (1 << 28));
  const int32_t x2 = r_srdhm(x, x), x3 = r_srdhm(x2, x), x4 = r_srdhm(x2, x2);
  const int32_t t = r_pot(
      r_wrap((int64_t)r_srdhm(r_wrap((int64_t)r_pot(x4, -2) + x3), third) + x2),
      -1);
  return r_wrap((int64_t)c + r_srdhm(c, r_wrap((int64_t)x + t)));
}

/* exp(a), a <= 0 with k integer bits; Q0.31 result. */
static int32_t r_exp_neg(int32_t a, int k) {
  static const int32_t f[7] = {1672461947, 1302514674, 790015084, 290630308,
                               39332535,   720401,     242};
  const int frac = 31 - k;
  const int32_t quarter = 1 << (frac - 2);
  const int32_t m = r_wrap((int64_t)(a & (quarter - 1)) - quarter);
  int32_t res = r_exp_quarter(r_pot(m, k));
  const int32_t rem = r_wrap((int64_t)m - a);
  for (int e = -2; e <= 4; e++)
    if (k > e && (rem & (int32_t)(1u << (frac + e))))
      res = r_srdhm(res, f[e + 2]);
  return a == 0 ? INT32_MAX : res;
}

/* 1 / (1 + a), a in [0, 1) as Q0.31: three Newton-Raphson steps on the
 * half denominator in Q2.29. */
static int32_t r_recip(int32_t a) {
  const int64_t s = (int64_t)a + INT32_MAX;
  const int32_t hd = (int32_t)((s + (s >= 0 ? 1 : -1)) / 2);
  int32_t x = r_wrap(1515870810LL + r_srdhm(hd, -1010580540));
  for (int i = 0; i < 3; i++) {
    const int32_t e = r_wrap((1LL << 29) - r_srdhm(hd, x));
    x = r_wrap((int64_t)x + r_pot(r_srdhm(x, e), 2));
  }
  return r_pot(x, 1);
}

static int r_clz(int32_t x) { return x == 0 ? 32 : __builtin_clz((uint32_t)x); }

static int32_t r_sat(int64_t v) {
  return (int32_t)(v > INT32_MAX ? INT32_MAX : (v < INT32_MIN ? INT32_MIN : v));
}

/* log(x), x with ib integer bits, result with ob integer bits. */
static int32_t r_log(int32_t x, int ib, int ob) {
  const int acc = ob + 1;
  const int32_t quarter = r_pot(536870912, -acc);
  const int ha = r_clz(x);
  const int32_t ra = r_pot(r_srdhm(r_pot(x, ha - 1), 1518500250), 1);
  const int32_t za = r_sat((int64_t)r_pot(ib - ha, 31 - acc) + quarter);
  const int32_t zb_v = r_srdhm(x, 1518500250);
  const int hb = r_clz(zb_v) - 1;
  const int32_t rb = r_pot(x, hb);
  const int32_t zb = r_sat((int64_t)r_pot(ib - hb, 31 - acc) - quarter);
  const int32_t r = ra < rb ? ra : rb, z = za > zb ? za : zb;
  const int64_t hs = (int64_t)r + 1805811301;
  const int32_t p = (int32_t)((hs + (hs >= 0 ? 1 : -1)) / 2);
  int32_t q = r_wrap((int64_t)r - 1805811301);
  q = r_wrap((int64_t)q + q);
  const int32_t sq = r_srdhm(q, q);
  const int32_t num =
      r_wrap((int64_t)r_srdhm(q, r) + r_srdhm(r_srdhm(q, sq), 117049297));
  const int32_t den = r_wrap(
      (int64_t)r_srdhm(p, r_wrap(1057819769LL + q + r_srdhm(127690142, sq))) +
      r_srdhm(638450708, q));
  const int32_t sum = r_wrap((int64_t)r_srdhm(z, 1488522236) +
                             r_srdhm(r_pot(num, -acc), r_recip(den)));
  return r_pot(sum, acc - ob);
}

/* TensorFlow Lite's reference LOG_SOFTMAX on one row of raw values. */
static void r_log_softmax(const int32_t *x, int n, float s_in, int u8,
                          int32_t *out) {
  int32_t m = 0, rm = 0;
  int sh = 0, rs = 0;
  double real = 1.0 * s_in * (double)(1 << 26);
  if (real > 2147483647.0) real = 2147483647.0;
  r_mult(real, &m, &sh);
  r_mult((double)(1LL << (31 - sh)) / m, &rm, &rs);
  const int32_t diff_min =
      -(int32_t)floor(31.0 * (double)(1LL << 26) / (double)(1LL << sh));
  const int32_t lo = u8 ? 0 : -128, hi = u8 ? 255 : 127;
  int32_t mx = lo;
  for (int i = 0; i < n; i++) mx = x[i] > mx ? x[i] : mx;
  int32_t sum = 0;
  for (int i = 0; i < n; i++)
    if (x[i] - mx >= diff_min)
      sum = r_wrap((int64_t)sum +
                   r_pot(r_exp_neg(r_mulq(x[i] - mx, m, sh), 5), -12));
  const int32_t lg = r_log(sum, 12, 5);
  int32_t adj = r_mulq(r_wrap((int64_t)lg + INT32_MIN), rm, rs);
  if (diff_min - 1 > adj) adj = diff_min - 1;
  for (int i = 0; i < n; i++) {
    const int32_t d = x[i] - mx;
    int32_t v = lo;
    if (d > adj) {
      v = r_rdbp(r_wrap((int64_t)r_mulq(d, m, sh) - lg), 22) + hi;
      v = v < lo ? lo : (v > hi ? hi : v);
    }
    out[i] = v;
  }
}

/* ---- helpers --------------------------------------------------------- */

static int64_t ld(const void *p, int8_t tt, size_t i) {
  switch (tt) {
    case TFLC_TT_INT8: return ((const int8_t *)p)[i];
    case TFLC_TT_UINT8: return ((const uint8_t *)p)[i];
    default: return ((const int16_t *)p)[i];
  }
}

static void st(void *p, int8_t tt, size_t i, int64_t v) {
  switch (tt) {
    case TFLC_TT_INT8: ((int8_t *)p)[i] = (int8_t)v; break;
    case TFLC_TT_UINT8: ((uint8_t *)p)[i] = (uint8_t)v; break;
    default: ((int16_t *)p)[i] = (int16_t)v; break;
  }
}

/* Compares n integers of the output (type tt) with want. */
static void check_out(const TfLiteTensor *t, int8_t tt, const int32_t *want,
                      size_t n, const char *label) {
  if (!t) return;
  const void *got = TfLiteTensorData(t);
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    const int64_t g = ld(got, tt, i);
    if (g != want[i] && bad++ < 4)
      CHECK_MSG(0, "%s: element %zu = %lld, want %d", label, i, (long long)g,
                want[i]);
  }
  CHECK_MSG(bad == 0, "%s: %d wrong elements of %zu", label, bad, n);
}

static uint32_t rng = 99991u;
static int32_t rnd(int32_t lo, int32_t hi) {
  rng = rng * 1664525u + 1013904223u;
  return lo + (int32_t)((rng >> 8) % (uint32_t)(hi - lo + 1));
}

/* ---- 1. QUANTIZE INT16 with a zero point -> INT8 --------------------- */

static void test_quantize_i16_zp(void) {
  static const int shape[] = {8};
  const int16_t in[8] = {-32768, -32767, -1000, 0, 1, 12345, 32000, 32767};
  const float s_in = 1.0f / 65536.0f, s_out = 1.0f / 256.0f;
  const int64_t z_in = -32768, z_out = -128;
  oo_tensor x = {TFLC_TT_INT16, shape, 1, in, 0, 1, &s_in, &z_in, 0};
  oo_op op = {TFLC_OP_QUANTIZE,
              0,
              NULL,
              0,
              &x,
              1,
              {TFLC_TT_INT8, shape, 1, NULL, 0, 1, &s_out, &z_out, 0}};
  int32_t m, want[8];
  int s;
  r_mult((double)s_in / (double)s_out, &m, &s);
  for (int i = 0; i < 8; i++) {
    const int32_t v = r_mulq(in[i] - (int32_t)z_in, m, s) + (int32_t)z_out;
    want[i] = v < -128 ? -128 : (v > 127 ? 127 : v);
  }
  oo_run r;
  check_out(oo_run_op(&op, &r, "QUANTIZE i16 zp -> i8"), TFLC_TT_INT8, want, 8,
            "QUANTIZE i16 zp -> i8");
  oo_free(&r);
  /* FLOAT32 -> INT16 with a zero point is accepted too (TensorFlow Lite). */
  const float fin[3] = {-1.0f, 0.0f, 0.25f};
  oo_tensor fx = {TFLC_TT_FLOAT32, shape, 1, NULL, 0, 0, NULL, NULL, 0};
  static const int shape3[] = {3};
  fx.shape = shape3;
  fx.data = fin;
  const float s16 = 1.0f / 1024.0f;
  const int64_t z16 = 100;
  oo_op op2 = {TFLC_OP_QUANTIZE,
               0,
               NULL,
               0,
               &fx,
               1,
               {TFLC_TT_INT16, shape3, 1, NULL, 0, 1, &s16, &z16, 0}};
  const int32_t want2[3] = {-924, 100, 356};
  check_out(oo_run_op(&op2, &r, "QUANTIZE f32 -> i16 zp"), TFLC_TT_INT16, want2,
            3, "QUANTIZE f32 -> i16 zp");
  oo_free(&r);
  /* INT16 -> INT16 still needs zero points 0. */
  oo_op op3 = {TFLC_OP_QUANTIZE,
               0,
               NULL,
               0,
               &x,
               1,
               {TFLC_TT_INT16, shape, 1, NULL, 0, 1, &s16, &z16, 0}};
  oo_expect_error(&op3, "INT16 -> INT16 requantization needs 0",
                  "QUANTIZE i16 -> i16 zp");
}

/* ---- 2. LOG_SOFTMAX ----------------------------------------------------- */

static void run_log_softmax(int8_t tt, const int *shape, int rank,
                            const void *in, float s_in, int64_t z_in,
                            const int32_t *want, const char *label) {
  const float s_out = 16.0f / 256.0f;
  const int64_t z_out = tt == TFLC_TT_UINT8 ? 255 : 127;
  oo_tensor x = {tt, shape, rank, in, 0, 1, &s_in, &z_in, 0};
  oo_op op = {TFLC_OP_LOG_SOFTMAX,
              0,
              NULL,
              0,
              &x,
              1,
              {tt, shape, rank, NULL, 0, 1, &s_out, &z_out, 0}};
  oo_run r;
  check_out(oo_run_op(&op, &r, label), tt, want, oo_count(shape, rank), label);
  oo_free(&r);
}

static void test_log_softmax(void) {
  /* TensorFlow Lite's kernel tests (LogSoftmaxUint8 / LogSoftmaxInt8):
   * real inputs {0, -6, 2, 4, 3, -2, 10, 1} on [-10, 10]. */
  static const int shape[] = {2, 4};
  const float s_in = 20.0f / 255.0f;
  const float real[8] = {0, -6, 2, 4, 3, -2, 10, 1};
  /* Quantized as TensorFlow Lite's test harness does, round(zp + x / s) in
   * float, zp = round(qmin + 10 / s) in float: 127 (uint8), -1 (int8). */
  uint8_t qu[8];
  int8_t qi[8];
  for (int i = 0; i < 8; i++) {
    const float u = roundf(127.0f + real[i] / s_in);
    const float v = roundf(-1.0f + real[i] / s_in);
    qu[i] = (uint8_t)(u > 255.0f ? 255.0f : u);
    qi[i] = (int8_t)(v > 127.0f ? 127.0f : v);
  }
  const int32_t gold_u8[8] = {189, 93, 221, 253, 142, 63, 255, 111};
  const int32_t gold_i8[8] = {61, -36, 93, 125, 15, -65, 127, -16};
  run_log_softmax(TFLC_TT_UINT8, shape, 2, qu, s_in, 127, gold_u8,
                  "LOG_SOFTMAX u8 golden");
  run_log_softmax(TFLC_TT_INT8, shape, 2, qi, s_in, -1, gold_i8,
                  "LOG_SOFTMAX i8 golden");

  /* Random rows against the fixed-point reference, several input scales. */
  const float scales[4] = {0.01f, 0.1f, 0.5f, 3.0f};
  for (int k = 0; k < 4; k++) {
    for (int u8 = 0; u8 < 2; u8++) {
      static const int sh[] = {5, 37};
      const int n = 5 * 37;
      uint8_t buf[185];
      int32_t x[185], want[185];
      for (int i = 0; i < n; i++) {
        x[i] = u8 ? rnd(0, 255) : rnd(-128, 127);
        buf[i] = (uint8_t)x[i];
      }
      for (int row = 0; row < 5; row++)
        r_log_softmax(x + row * 37, 37, scales[k], u8, want + row * 37);
      char label[64];
      snprintf(label, sizeof label, "LOG_SOFTMAX %s scale %g", u8 ? "u8" : "i8",
               (double)scales[k]);
      run_log_softmax(u8 ? TFLC_TT_UINT8 : TFLC_TT_INT8, sh, 2, buf, scales[k],
                      u8 ? 17 : -3, want, label);
    }
  }

  /* Wrong output parameters are refused. */
  const float s_bad = 1.0f / 256.0f, s_ok = 16.0f / 256.0f;
  const int64_t z127 = 127, z0 = 0;
  oo_tensor x = {TFLC_TT_INT8, shape, 2, NULL, 0, 1, &s_in, &z0, 0};
  oo_op op = {TFLC_OP_LOG_SOFTMAX,
              0,
              NULL,
              0,
              &x,
              1,
              {TFLC_TT_INT8, shape, 2, NULL, 0, 1, &s_bad, &z127, 0}};
  oo_expect_error(&op, "must have scale 0.0625 and zero point 127",
                  "LOG_SOFTMAX bad scale");
  op.out.scales = &s_ok;
  op.out.zero_points = &z0;
  oo_expect_error(&op, "must have scale 0.0625 and zero point 127",
                  "LOG_SOFTMAX bad zero point");
}

/* ---- 3. PRELU ----------------------------------------------------------- */

static void test_prelu(void) {
  /* TensorFlow Lite's kernel tests (PRelu / PReluInt8): range [-1, 127/128],
   * scale 1/128, alpha {0, 0.5, -0.5} per channel. */
  static const int shape[] = {1, 2, 2, 3}, ashape[] = {1, 1, 3};
  const float s = 1.0f / 128.0f;
  const uint8_t in_u8[12] = {128, 128, 128, 192, 192, 192, 0, 0, 0, 96, 96, 96};
  const uint8_t al_u8[3] = {128, 192, 64};
  const int32_t gold_u8[12] = {128, 128, 128, 192, 192, 192,
                               128, 64,  192, 128, 112, 144};
  int8_t in_i8[12], al_i8[3];
  int32_t gold_i8[12];
  for (int i = 0; i < 12; i++) {
    in_i8[i] = (int8_t)(in_u8[i] - 128);
    gold_i8[i] = gold_u8[i] - 128;
  }
  for (int i = 0; i < 3; i++) al_i8[i] = (int8_t)(al_u8[i] - 128);
  for (int u8 = 0; u8 < 2; u8++) {
    const int8_t tt = u8 ? TFLC_TT_UINT8 : TFLC_TT_INT8;
    const int64_t z = u8 ? 128 : 0;
    oo_tensor ins[2] = {
        {tt, shape, 4, u8 ? (const void *)in_u8 : (const void *)in_i8, 0, 1, &s,
         &z, 0},
        {tt, ashape, 3, u8 ? (const void *)al_u8 : (const void *)al_i8, 1, 1,
         &s, &z, 0}};
    oo_op op = {TFLC_OP_PRELU,
                0,
                NULL,
                0,
                ins,
                2,
                {tt, shape, 4, NULL, 0, 1, &s, &z, 0}};
    oo_run r;
    const char *label = u8 ? "PRELU u8 golden" : "PRELU i8 golden";
    check_out(oo_run_op(&op, &r, label), tt, u8 ? gold_u8 : gold_i8, 12, label);
    oo_free(&r);
  }

  /* Random values, other scales, against the two-multiplier formula. */
  static const int sh2[] = {3, 4, 5}, ash2[] = {5};
  for (int u8 = 0; u8 < 2; u8++) {
    const int8_t tt = u8 ? TFLC_TT_UINT8 : TFLC_TT_INT8;
    const float s_in = 0.037f, s_a = 0.0049f, s_out = 0.021f;
    const int64_t z_in = u8 ? 131 : 7, z_a = u8 ? 120 : -9,
                  z_out = u8 ? 100 : -20;
    uint8_t x[60], a[5];
    int32_t want[60];
    int32_t m1, m2;
    int s1, s2;
    r_mult((double)(s_in / s_out), &m1, &s1);
    r_mult((double)(s_in * s_a / s_out), &m2, &s2);
    for (int i = 0; i < 5; i++)
      a[i] = (uint8_t)(u8 ? rnd(0, 255) : rnd(-128, 127));
    for (int i = 0; i < 60; i++) {
      x[i] = (uint8_t)(u8 ? rnd(0, 255) : rnd(-128, 127));
      const int32_t xv = (int32_t)ld(x, tt, (size_t)i) - (int32_t)z_in;
      const int32_t av = (int32_t)ld(a, tt, (size_t)(i % 5)) - (int32_t)z_a;
      int32_t v = (xv >= 0 ? r_mulq(xv, m1, s1) : r_mulq(xv * av, m2, s2)) +
                  (int32_t)z_out;
      const int32_t lo = u8 ? 0 : -128, hi = u8 ? 255 : 127;
      want[i] = v < lo ? lo : (v > hi ? hi : v);
    }
    oo_tensor ins[2] = {{tt, sh2, 3, x, 0, 1, &s_in, &z_in, 0},
                        {tt, ash2, 1, a, 0, 1, &s_a, &z_a, 0}};
    oo_op op = {TFLC_OP_PRELU,
                0,
                NULL,
                0,
                ins,
                2,
                {tt, sh2, 3, NULL, 0, 1, &s_out, &z_out, 0}};
    oo_run r;
    const char *label = u8 ? "PRELU u8 random" : "PRELU i8 random";
    check_out(oo_run_op(&op, &r, label), tt, want, 60, label);
    oo_free(&r);
  }
}

/* ---- 4. GELU ------------------------------------------------------------ */

/* TensorFlow Lite's table builders (float), written from its formulas. */
static float g_exact(float x) {
  return 0.5f * x * erfcf(x * (float)-0.70710678118654752440);
}
static float g_tanh(float x) {
  const float k = (float)(1.12837916709551257390 * 0.70710678118654752440);
  return 0.5f * x * (1.f + tanhf(k * (x + 0.044715f * x * x * x)));
}

static void test_gelu(void) {
  static const int shape[] = {256};
  for (int u8 = 0; u8 < 2; u8++) {
    for (int approx = 0; approx < 2; approx++) {
      const int8_t tt = u8 ? TFLC_TT_UINT8 : TFLC_TT_INT8;
      const float s_in = 0.03125f, s_out = 0.0234f;
      const int64_t z_in = u8 ? 140 : 12, z_out = u8 ? 10 : -118;
      const int32_t lo = u8 ? 0 : -128, hi = u8 ? 255 : 127;
      uint8_t x[256];
      int32_t want[256];
      for (int i = 0; i < 256; i++) {
        const int32_t q = lo + i;
        x[i] = (uint8_t)q;
        const float v = s_in * (float)(q - (int32_t)z_in);
        const float y =
            roundf((approx ? g_tanh(v) : g_exact(v)) * (1.0f / s_out));
        const float t = y + (float)z_out;
        want[i] = t < (float)lo ? lo : (t > (float)hi ? hi : (int32_t)t);
      }
      tflc_opt_field f = tm_opt_int(0, TFLC_OPT_BOOL, approx);
      oo_tensor in = {tt, shape, 1, x, 0, 1, &s_in, &z_in, 0};
      oo_op op = {TFLC_OP_GELU,
                  TFLC_BO_GELU,
                  &f,
                  1,
                  &in,
                  1,
                  {tt, shape, 1, NULL, 0, 1, &s_out, &z_out, 0}};
      char label[48];
      snprintf(label, sizeof label, "GELU %s %s", u8 ? "u8" : "i8",
               approx ? "tanh" : "erf");
      oo_run r;
      check_out(oo_run_op(&op, &r, label), tt, want, 256, label);
      oo_free(&r);
    }
  }
}

/* ---- 5. RESIZE_BILINEAR / RESIZE_NEAREST_NEIGHBOR ------------------------ */

static void ref_resize_int(const void *in, int8_t tt, int n, int h, int w,
                           int c, int oh, int ow, int align, int half,
                           int32_t *out) {
  const int32_t sh = (align && oh > 1)
                         ? (1024 * (h - 1) + (oh - 1) / 2) / (oh - 1)
                         : (1024 * h + oh / 2) / oh;
  const int32_t sw = (align && ow > 1)
                         ? (1024 * (w - 1) + (ow - 1) / 2) / (ow - 1)
                         : (1024 * w + ow / 2) / ow;
  int o = 0;
  for (int b = 0; b < n; b++)
    for (int y = 0; y < oh; y++) {
      const int32_t py = half ? y * sh + sh / 2 - 512 : y * sh;
      const int y0 = py / 1024 > 0 ? py / 1024 : 0;
      const int y1 = (py + 1023) / 1024 < h - 1 ? (py + 1023) / 1024 : h - 1;
      for (int x = 0; x < ow; x++) {
        const int32_t px = half ? x * sw + sw / 2 - 512 : x * sw;
        const int x0 = px / 1024 > 0 ? px / 1024 : 0;
        const int x1 = (px + 1023) / 1024 < w - 1 ? (px + 1023) / 1024 : w - 1;
        for (int k = 0; k < c; k++, o++) {
#define AT(yy, xx) ld(in, tt, (size_t)(((b * h + (yy)) * w + (xx)) * c + k))
          const int64_t fy = py - 1024 * y0, fx = px - 1024 * x0;
          const int64_t s = AT(y0, x0) * (1024 - fy) * (1024 - fx) +
                            AT(y1, x0) * fy * (1024 - fx) +
                            AT(y0, x1) * (1024 - fy) * fx +
                            AT(y1, x1) * fy * fx;
#undef AT
          out[o] =
              (int32_t)((s + (s > 0 ? (1 << 19) : -(1 << 19))) / (1 << 20));
        }
      }
    }
}

static void ref_resize_u8(const uint8_t *in, int n, int h, int w, int c, int oh,
                          int ow, int align, int half, int32_t *out) {
  const float sh = (align && oh > 1) ? (float)(h - 1) / (float)(oh - 1)
                                     : (float)h / (float)oh;
  const float sw = (align && ow > 1) ? (float)(w - 1) / (float)(ow - 1)
                                     : (float)w / (float)ow;
  int o = 0;
  for (int b = 0; b < n; b++)
    for (int y = 0; y < oh; y++) {
      const float fy = half ? ((float)y + 0.5f) * sh - 0.5f : (float)y * sh;
      const int y0 = (int)floorf(fy) > 0 ? (int)floorf(fy) : 0;
      const int y1 = (int)ceilf(fy) < h - 1 ? (int)ceilf(fy) : h - 1;
      for (int x = 0; x < ow; x++) {
        const float fx = half ? ((float)x + 0.5f) * sw - 0.5f : (float)x * sw;
        const int x0 = (int)floorf(fx) > 0 ? (int)floorf(fx) : 0;
        const int x1 = (int)ceilf(fx) < w - 1 ? (int)ceilf(fx) : w - 1;
        for (int k = 0; k < c; k++, o++) {
#define AT(yy, xx) (float)in[((b * h + (yy)) * w + (xx)) * c + k]
          const float dy = fy - (float)y0, dx = fx - (float)x0;
          const float v =
              AT(y0, x0) * (1 - dy) * (1 - dx) + AT(y1, x0) * dy * (1 - dx) +
              AT(y0, x1) * (1 - dy) * dx + AT(y1, x1) * dy * dx + 0.5f;
#undef AT
          out[o] = (int32_t)(uint8_t)v;
        }
      }
    }
}

static void test_resize(void) {
  static const int ishape[] = {2, 3, 5, 2}, sshape[] = {2};
  const int cases[4][4] = {
      {7, 4, 0, 0}, {7, 4, 1, 0}, {7, 4, 0, 1}, {2, 9, 0, 1}};
  const int8_t tts[3] = {TFLC_TT_UINT8, TFLC_TT_INT8, TFLC_TT_INT16};
  for (int t = 0; t < 3; t++) {
    const int8_t tt = tts[t];
    int16_t buf[60];
    for (int i = 0; i < 60; i++) {
      const int32_t v = tt == TFLC_TT_UINT8  ? rnd(0, 255)
                        : tt == TFLC_TT_INT8 ? rnd(-128, 127)
                                             : rnd(-32768, 32767);
      st(buf, tt, (size_t)i, v);
    }
    for (int k = 0; k < 4; k++) {
      const int oh = cases[k][0], ow = cases[k][1];
      const int align = cases[k][2], half = cases[k][3];
      const int32_t size[2] = {oh, ow};
      const int oshape[4] = {2, oh, ow, 2};
      const size_t n = (size_t)(2 * oh * ow * 2);
      int32_t want[2 * 9 * 9 * 2];
      if (tt == TFLC_TT_UINT8)
        ref_resize_u8((const uint8_t *)buf, 2, 3, 5, 2, oh, ow, align, half,
                      want);
      else
        ref_resize_int(buf, tt, 2, 3, 5, 2, oh, ow, align, half, want);
      const float s = 0.5f;
      const int64_t z = tt == TFLC_TT_INT16 ? 0 : 3;
      oo_tensor ins[2] = {
          {tt, ishape, 4, buf, 0, 1, &s, &z, 0},
          {TFLC_TT_INT32, sshape, 1, size, 1, 0, NULL, NULL, 0}};
      tflc_opt_field f[2] = {tm_opt_int(2, TFLC_OPT_BOOL, align),
                             tm_opt_int(3, TFLC_OPT_BOOL, half)};
      oo_op op = {TFLC_OP_RESIZE_BILINEAR,
                  TFLC_BO_RESIZE_BILINEAR,
                  f,
                  2,
                  ins,
                  2,
                  {tt, oshape, 4, NULL, 0, 1, &s, &z, 0}};
      char label[80];
      snprintf(label, sizeof label,
               "RESIZE_BILINEAR tt %d -> %dx%d align %d half %d", tt, oh, ow,
               align, half);
      oo_run r;
      check_out(oo_run_op(&op, &r, label), tt, want, n, label);
      oo_free(&r);
    }
  }
  /* RESIZE_NEAREST_NEIGHBOR int8 copies pixels (2x upscale). */
  int8_t px[60];
  for (int i = 0; i < 60; i++) px[i] = (int8_t)rnd(-128, 127);
  const int32_t size[2] = {6, 10};
  const int oshape[4] = {2, 6, 10, 2};
  int32_t want[240];
  for (int b = 0, o = 0; b < 2; b++)
    for (int y = 0; y < 6; y++)
      for (int x = 0; x < 10; x++)
        for (int k = 0; k < 2; k++, o++)
          want[o] = px[((b * 3 + y / 2) * 5 + x / 2) * 2 + k];
  const float s = 0.25f;
  const int64_t z = -5;
  oo_tensor ins[2] = {{TFLC_TT_INT8, ishape, 4, px, 0, 1, &s, &z, 0},
                      {TFLC_TT_INT32, sshape, 1, size, 1, 0, NULL, NULL, 0}};
  oo_op op = {TFLC_OP_RESIZE_NEAREST_NEIGHBOR,
              0,
              NULL,
              0,
              ins,
              2,
              {TFLC_TT_INT8, oshape, 4, NULL, 0, 1, &s, &z, 0}};
  oo_run r;
  check_out(oo_run_op(&op, &r, "RESIZE_NEAREST i8"), TFLC_TT_INT8, want, 240,
            "RESIZE_NEAREST i8");
  oo_free(&r);
}

/* ---- 6. DIV ------------------------------------------------------------- */

static int32_t r_div(int32_t a, int32_t b, int32_t za, int32_t zb, int32_t zo,
                     int32_t m, int sh, int32_t lo, int32_t hi) {
  int32_t x = a - za, y = b - zb;
  if (y < 0) {
    x = -x;
    y = -y;
  }
  /* reciprocal of y (an integer, 31 integer bits) */
  const int hp1 = r_clz(y);
  const int rs = 31 - hp1;
  const int32_t rec = r_recip((int32_t)(((uint32_t)y << hp1) - (1u << 31)));
  const uint32_t ux = (uint32_t)(x < 0 ? ~x : x);
  const int h = ux == 0 ? 31 : __builtin_clz(ux) - 1;
  const int32_t q = r_srdhm((int32_t)((uint32_t)x << h), rec);
  const int e = -(sh - rs - h);
  const int32_t hm = r_srdhm(q, m);
  int32_t v;
  if (e <= 31) {
    v = r_rdbp(hm, e);
  } else { /* TensorFlow Lite's shift past 31 (see quant_div.c) */
    v = (hm >> (e & 31)) + (hm > (hm < 0 ? 0 : -1) ? 1 : 0);
  }
  v += zo;
  return v < lo ? lo : (v > hi ? hi : v);
}

static void test_div(void) {
  static const int sa[] = {4, 6}, sb[] = {6};
  for (int u8 = 0; u8 < 2; u8++) {
    const int8_t tt = u8 ? TFLC_TT_UINT8 : TFLC_TT_INT8;
    const float s1 = 0.05f, s2 = 0.02f, so = 0.1f;
    const int64_t z1 = u8 ? 128 : 0, z2 = u8 ? 100 : -10, zo = u8 ? 120 : -3;
    const int32_t lo = u8 ? 0 : -128, hi = u8 ? 255 : 127;
    uint8_t a[24], b[6];
    for (int i = 0; i < 24; i++)
      a[i] = (uint8_t)(u8 ? rnd(0, 255) : rnd(-128, 127));
    a[3] = (uint8_t)z1; /* a dividend equal to its zero point */
    for (int i = 0; i < 6; i++) {
      int32_t v;
      do v = u8 ? rnd(0, 255) : rnd(-128, 127);
      while (v == (int32_t)z2);
      b[i] = (uint8_t)v;
    }
    int32_t m, want[24];
    int sh;
    r_mult((double)(s1 / (s2 * so)), &m, &sh);
    for (int i = 0; i < 24; i++)
      want[i] = r_div((int32_t)ld(a, tt, (size_t)i),
                      (int32_t)ld(b, tt, (size_t)(i % 6)), (int32_t)z1,
                      (int32_t)z2, (int32_t)zo, m, sh, lo, hi);
    oo_tensor ins[2] = {{tt, sa, 2, a, 0, 1, &s1, &z1, 0},
                        {tt, sb, 1, b, 0, 1, &s2, &z2, 0}};
    oo_op op = {
        TFLC_OP_DIV, 0, NULL, 0, ins, 2, {tt, sa, 2, NULL, 0, 1, &so, &zo, 0}};
    const char *label = u8 ? "DIV u8" : "DIV i8";
    oo_run r;
    check_out(oo_run_op(&op, &r, label), tt, want, 24, label);
    oo_free(&r);
    /* A divisor equal to its zero point fails at invoke. */
    b[2] = (uint8_t)z2;
    CHECK(oo_build(&op, &r) == 0);
    if (r.it) {
      CHECK(oo_invoke(&op, &r) != kTfLiteOk);
      CHECK_CONTAINS(r.err, "division by zero");
    }
    oo_free(&r);
  }
}

/* ---- 7. data movement with quantized tensors ---------------------------- */

static void test_movement(void) {
  static const int shape[] = {2, 3}, pshape[] = {2, 2}, oshape[] = {4, 5};
  const float s = 0.5f, s2 = 0.25f;
  const int64_t z = 7, z2 = 9;
  /* PACK / UNPACK refuse other output parameters (TensorFlow Lite does). */
  oo_tensor ins[2] = {{TFLC_TT_INT8, shape, 2, NULL, 0, 1, &s, &z, 0},
                      {TFLC_TT_INT8, shape, 2, NULL, 0, 1, &s, &z, 0}};
  static const int pk[] = {2, 2, 3};
  tflc_opt_field pf[1] = {tm_opt_int(0, TFLC_OPT_I32, 2)};
  oo_op pack = {TFLC_OP_PACK,
                TFLC_BO_PACK,
                pf,
                1,
                ins,
                2,
                {TFLC_TT_INT8, pk, 3, NULL, 0, 1, &s2, &z, 0}};
  oo_expect_error(&pack, "different quantization", "PACK quant");
  /* PAD fills with the output zero point. */
  int8_t x[6] = {1, 2, 3, 4, 5, 6};
  const int32_t pads[4] = {1, 1, 1, 1};
  oo_tensor pin[2] = {{TFLC_TT_INT8, shape, 2, x, 0, 1, &s, &z2, 0},
                      {TFLC_TT_INT32, pshape, 2, pads, 1, 0, NULL, NULL, 0}};
  oo_op pad = {TFLC_OP_PAD,
               0,
               NULL,
               0,
               pin,
               2,
               {TFLC_TT_INT8, oshape, 2, NULL, 0, 1, &s, &z2, 0}};
  int32_t want[20];
  for (int i = 0; i < 20; i++) want[i] = (int32_t)z2;
  for (int r0 = 0; r0 < 2; r0++)
    for (int c = 0; c < 3; c++) want[(r0 + 1) * 5 + c + 1] = x[r0 * 3 + c];
  oo_run r;
  check_out(oo_run_op(&pad, &r, "PAD i8 zp"), TFLC_TT_INT8, want, 20,
            "PAD i8 zp");
  oo_free(&r);
}

/* ---- 8. INT4 weights ----------------------------------------------------- */

/* Builds FULLY_CONNECTED (conv = 0) or CONV_2D (1x1 VALID, conv = 1) with
 * int8 input [1, 1, 2, 5] / [2, 5], weights [3, 5] / [3, 1, 1, 5] given as
 * values w[15] and stored as INT4 (packed, low nibble first) or INT8,
 * per-channel scales; runs it on x and returns the 6 outputs. */
static int run_w4(int conv, int packed, const int8_t *w, const int8_t *x,
                  int8_t *out) {
  static const int fc_in[] = {2, 5}, fc_w[] = {3, 5}, fc_out[] = {2, 3};
  static const int cv_in[] = {1, 1, 2, 5}, cv_w[] = {3, 1, 1, 5},
                   cv_out[] = {1, 1, 2, 3}, b_shape[] = {3};
  const float s_in = 0.05f, s_out = 0.08f, s_w[3] = {0.02f, 0.03f, 0.011f};
  const int64_t z_in = 3, z_out = -7, z_w[3] = {0, 0, 0};
  const int32_t bias[3] = {100, -250, 37};
  uint8_t wp[8] = {0};
  for (int i = 0; i < 15; i++)
    wp[i / 2] |= (uint8_t)(((uint8_t)w[i] & 0x0F) << (i % 2 ? 4 : 0));
  tm_model *m = tm_create();
  const int ti =
      tm_tensor(m, TFLC_TT_INT8, conv ? cv_in : fc_in, conv ? 4 : 2, "x");
  tm_quant(m, ti, &s_in, &z_in, 1, 0);
  const int tw = tm_const(
      m, packed ? TFLC_TT_INT4 : TFLC_TT_INT8, conv ? cv_w : fc_w, conv ? 4 : 2,
      packed ? (const void *)wp : (const void *)w, packed ? 8 : 15, "w");
  tm_quant(m, tw, s_w, z_w, 3, 0);
  const int tb = tm_const(m, TFLC_TT_INT32, b_shape, 1, bias, sizeof bias, "b");
  const float s_b[3] = {s_in * s_w[0], s_in * s_w[1], s_in * s_w[2]};
  tm_quant(m, tb, s_b, z_w, 3, 0);
  const int to =
      tm_tensor(m, TFLC_TT_INT8, conv ? cv_out : fc_out, conv ? 4 : 2, "y");
  tm_quant(m, to, &s_out, &z_out, 1, 0);
  const int ins[3] = {ti, tw, tb};
  tflc_opt_field f[3] = {tm_opt_int(0, TFLC_OPT_I8, 1 /* VALID */),
                         tm_opt_int(1, TFLC_OPT_I32, 1),
                         tm_opt_int(2, TFLC_OPT_I32, 1)};
  if (conv)
    tm_op(m, TFLC_OP_CONV_2D, NULL, ins, 3, &to, 1, TFLC_BO_CONV_2D, f, 3);
  else
    tm_op(m, TFLC_OP_FULLY_CONNECTED, NULL, ins, 3, &to, 1, 0, NULL, 0);
  tm_io(m, &ti, 1, &to, 1);
  size_t size = 0;
  uint8_t *bytes = tm_finish(m, &size);
  tm_free(m);
  int rc = -1;
  TfLiteModel *model = bytes ? TfLiteModelCreate(bytes, size) : NULL;
  TfLiteInterpreter *it = model ? TfLiteInterpreterCreate(model, NULL) : NULL;
  if (it && TfLiteInterpreterAllocateTensors(it) == kTfLiteOk &&
      TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(it, 0), x,
                                 10) == kTfLiteOk &&
      TfLiteInterpreterInvoke(it) == kTfLiteOk) {
    memcpy(out, TfLiteTensorData(TfLiteInterpreterGetOutputTensor(it, 0)), 6);
    rc = 0;
  }
  TfLiteInterpreterDelete(it);
  TfLiteModelDelete(model);
  free(bytes);
  return rc;
}

static void test_int4(void) {
  int8_t w[15], x[10];
  for (int i = 0; i < 15; i++) w[i] = (int8_t)rnd(-8, 7);
  w[0] = -8;
  w[1] = 7;
  for (int i = 0; i < 10; i++) x[i] = (int8_t)rnd(-128, 127);
  /* Expected from the int8 formula with the unpacked values. */
  const float s_in = 0.05f, s_out = 0.08f, s_w[3] = {0.02f, 0.03f, 0.011f};
  const int32_t bias[3] = {100, -250, 37};
  int32_t want[6];
  for (int b = 0; b < 2; b++)
    for (int u = 0; u < 3; u++) {
      int32_t acc = bias[u], m;
      int sh;
      for (int k = 0; k < 5; k++) acc += w[u * 5 + k] * (x[b * 5 + k] - 3);
      r_mult((double)s_in * (double)s_w[u] / (double)s_out, &m, &sh);
      const int32_t v = r_mulq(acc, m, sh) - 7;
      want[b * 3 + u] = v < -128 ? -128 : (v > 127 ? 127 : v);
    }
  for (int conv = 0; conv < 2; conv++) {
    int8_t got4[6], got8[6];
    const int rc4 = run_w4(conv, 1, w, x, got4);
    const int rc8 = run_w4(conv, 0, w, x, got8);
    CHECK_MSG(rc4 == 0, "%s with INT4 weights failed", conv ? "CONV_2D" : "FC");
    CHECK_MSG(rc8 == 0, "%s with INT8 weights failed", conv ? "CONV_2D" : "FC");
    for (int i = 0; i < 6 && rc4 == 0 && rc8 == 0; i++) {
      CHECK_MSG(got4[i] == want[i], "%s int4 output %d = %d, want %d",
                conv ? "CONV_2D" : "FC", i, got4[i], want[i]);
      CHECK_EQ_INT(got4[i], got8[i]);
    }
  }
}

int main(void) {
  test_quantize_i16_zp();
  test_log_softmax();
  test_prelu();
  test_gelu();
  test_resize();
  test_div();
  test_movement();
  test_int4();
  return CHECK_DONE();
}
