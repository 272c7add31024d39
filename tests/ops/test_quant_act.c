/* Op tests of the quantized activations (RELU, RELU6, RELU_N1_TO_1,
 * LEAKY_RELU, LOGISTIC, TANH, ELU, SOFTMAX, HARD_SWISH) on int8, uint8 and
 * int16: one-op models built with the project's writer, expected integers from
 * references written here from the integer algorithm descriptions
 * (requantizing clamp, float-built 8-bit tables, hand-derived values of the
 * interpolated int16 tables and of the fixed-point softmax), plus the
 * refusals of wrong fixed output parameters and bad quantization. */
#include "support/op_test.h"

/* ---- independent fixed-point reference -------------------------------- */

static void ref_quantize_multiplier(double real, int32_t *m, int *shift) {
  if (real == 0.0) {
    *m = 0;
    *shift = 0;
    return;
  }
  int e = 0;
  double f = frexp(real, &e);
  long long q = llround(f * 2147483648.0);
  if (q == 2147483648LL) {
    q /= 2;
    e++;
  }
  *m = (int32_t)q;
  *shift = e;
}

static int32_t ref_srdhm(int32_t a, int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
  long long p = (long long)a * b;
  long long nudge = p >= 0 ? (1LL << 30) : 1 - (1LL << 30);
  return (int32_t)((p + nudge) / (1LL << 31));
}

static int32_t ref_rdbp(int32_t x, int e) {
  if (e == 0) return x;
  /* round half away from zero of x / 2^e */
  long long d = 1LL << e;
  long long q =
      x >= 0 ? ((long long)x + d / 2) / d : -((-(long long)x + d / 2) / d);
  /* gemmlowp rounds exact negative halves away from zero too */
  return (int32_t)q;
}

static int32_t ref_mbqm(int32_t x, int32_t m, int shift) {
  int left = shift > 0 ? shift : 0, right = shift > 0 ? 0 : -shift;
  return ref_rdbp(ref_srdhm((int32_t)((uint32_t)x << left), m), right);
}

static int32_t ref_clamp(int32_t v, int32_t lo, int32_t hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}

static int tt_lo(int8_t tt) {
  return tt == TFLC_TT_INT8 ? -128 : (tt == TFLC_TT_UINT8 ? 0 : -32768);
}
static int tt_hi(int8_t tt) {
  return tt == TFLC_TT_INT8 ? 127 : (tt == TFLC_TT_UINT8 ? 255 : 32767);
}

static int32_t get_q(const void *p, int8_t tt, size_t i) {
  if (tt == TFLC_TT_INT8) return ((const int8_t *)p)[i];
  if (tt == TFLC_TT_UINT8) return ((const uint8_t *)p)[i];
  return ((const int16_t *)p)[i];
}
static void set_q(void *p, int8_t tt, size_t i, int32_t v) {
  if (tt == TFLC_TT_INT8)
    ((int8_t *)p)[i] = (int8_t)v;
  else if (tt == TFLC_TT_UINT8)
    ((uint8_t *)p)[i] = (uint8_t)v;
  else
    ((int16_t *)p)[i] = (int16_t)v;
}

/* ---- running ------------------------------------------------------------- */

typedef struct qspec {
  int8_t tt;
  float in_scale, out_scale;
  int64_t in_zp, out_zp;
} qspec;

/* Runs a one-input op on n values and compares raw integers with want
 * (tolerance tol LSB). */
static void run_unary(int32_t opc, uint8_t bo, const tflc_opt_field *f, int nf,
                      const qspec *q, int8_t out_tt, const void *in,
                      const void *want, int n, int tol, const char *label) {
  int shape[1] = {n};
  oo_tensor x = {.tt = q->tt,
                 .shape = shape,
                 .rank = 1,
                 .data = in,
                 .n_quant = 1,
                 .scales = &q->in_scale,
                 .zero_points = &q->in_zp};
  oo_op op = {.op = opc,
              .bo = bo,
              .fields = f,
              .n_fields = nf,
              .inputs = &x,
              .n_inputs = 1,
              .out = {.tt = out_tt,
                      .shape = shape,
                      .rank = 1,
                      .n_quant = 1,
                      .scales = &q->out_scale,
                      .zero_points = &q->out_zp}};
  oo_run r;
  const TfLiteTensor *out = oo_run_op(&op, &r, label);
  if (out) {
    const void *got = TfLiteTensorData(out);
    int bad = 0;
    for (int i = 0; i < n; i++) {
      int32_t g = get_q(got, out_tt, (size_t)i),
              w = get_q(want, out_tt, (size_t)i);
      if (abs(g - w) > tol && bad++ < 5)
        CHECK_MSG(0, "%s: element %d (input %d) = %d, want %d", label, i,
                  get_q(in, q->tt, (size_t)i), g, w);
    }
    CHECK_MSG(bad == 0, "%s: %d wrong elements", label, bad);
  }
  oo_free(&r);
}

static void expect_unary_error(int32_t opc, const qspec *q,
                               const char *needle) {
  int shape[1] = {4};
  oo_tensor x = {.tt = q->tt,
                 .shape = shape,
                 .rank = 1,
                 .n_quant = 1,
                 .scales = &q->in_scale,
                 .zero_points = &q->in_zp};
  oo_op op = {.op = opc,
              .inputs = &x,
              .n_inputs = 1,
              .out = {.tt = q->tt,
                      .shape = shape,
                      .rank = 1,
                      .n_quant = 1,
                      .scales = &q->out_scale,
                      .zero_points = &q->out_zp}};
  oo_expect_error(&op, needle, needle);
}

/* Every value of an 8-bit type, or a spread of int16 values. */
static int fill_all(int8_t tt, void *buf) {
  int n = 0;
  if (tt == TFLC_TT_INT16) {
    for (int v = -32768; v <= 32767; v += 97) set_q(buf, tt, (size_t)n++, v);
    set_q(buf, tt, (size_t)n++, 32767);
    return n;
  }
  for (int v = tt_lo(tt); v <= tt_hi(tt); v++) set_q(buf, tt, (size_t)n++, v);
  return n;
}

/* ---- RELU family and LEAKY_RELU ---------------------------------------- */

static void check_relu(int32_t opc, float lo, float hi, const qspec *q,
                       const char *label) {
  static int16_t in[1024], want[1024];
  int n = fill_all(q->tt, in);
  int32_t m;
  int s;
  ref_quantize_multiplier((double)q->in_scale / q->out_scale, &m, &s);
  int32_t qlo = (int32_t)q->out_zp + (int32_t)roundf(lo / q->out_scale);
  int32_t qhi = isinf(hi)
                    ? tt_hi(q->tt)
                    : (int32_t)q->out_zp + (int32_t)roundf(hi / q->out_scale);
  if (qlo < tt_lo(q->tt)) qlo = tt_lo(q->tt);
  if (qhi > tt_hi(q->tt)) qhi = tt_hi(q->tt);
  for (int i = 0; i < n; i++) {
    int32_t x = get_q(in, q->tt, (size_t)i);
    int32_t v = (int32_t)q->out_zp + ref_mbqm(x - (int32_t)q->in_zp, m, s);
    set_q(want, q->tt, (size_t)i, ref_clamp(v, qlo, qhi));
  }
  run_unary(opc, 0, NULL, 0, q, q->tt, in, want, n, 0, label);
}

static void test_relu(void) {
  qspec i8 = {TFLC_TT_INT8, 0.05f, 0.04f, 3, -20};
  qspec u8 = {TFLC_TT_UINT8, 0.1f, 0.03f, 128, 0};
  qspec i16 = {TFLC_TT_INT16, 0.001f, 0.0007f, 0, 0};
  check_relu(TFLC_OP_RELU, 0.0f, INFINITY, &i8, "relu int8");
  check_relu(TFLC_OP_RELU, 0.0f, INFINITY, &u8, "relu uint8");
  check_relu(TFLC_OP_RELU, 0.0f, INFINITY, &i16, "relu int16");
  check_relu(TFLC_OP_RELU6, 0.0f, 6.0f, &i8, "relu6 int8");
  check_relu(TFLC_OP_RELU6, 0.0f, 6.0f, &u8, "relu6 uint8");
  check_relu(TFLC_OP_RELU6, 0.0f, 6.0f, &i16, "relu6 int16");
  check_relu(TFLC_OP_RELU_N1_TO_1, -1.0f, 1.0f, &i8, "relu_n1_to_1 int8");
  check_relu(TFLC_OP_RELU_N1_TO_1, -1.0f, 1.0f, &u8, "relu_n1_to_1 uint8");
  check_relu(TFLC_OP_RELU_0_TO_1, 0.0f, 1.0f, &i8, "relu_0_to_1 int8");
  check_relu(TFLC_OP_RELU_0_TO_1, 0.0f, 1.0f, &u8, "relu_0_to_1 uint8");
  qspec bad = {TFLC_TT_INT16, 0.001f, 0.001f, 5, 0};
  expect_unary_error(TFLC_OP_RELU, &bad,
                     "zero point 5 (int16 must be symmetric");
}

static void check_leaky(const qspec *q, float alpha, const char *label) {
  static int16_t in[1024], want[1024];
  int n = fill_all(q->tt, in);
  int32_t mi, ma;
  int si, sa;
  ref_quantize_multiplier((double)q->in_scale / q->out_scale, &mi, &si);
  double ar = (double)q->in_scale * alpha / q->out_scale;
  ref_quantize_multiplier(fabs(ar), &ma, &sa);
  if (ar < 0) ma = -ma;
  for (int i = 0; i < n; i++) {
    int32_t d = get_q(in, q->tt, (size_t)i) - (int32_t)q->in_zp;
    int32_t v = (int32_t)q->out_zp +
                (d >= 0 ? ref_mbqm(d, mi, si) : ref_mbqm(d, ma, sa));
    set_q(want, q->tt, (size_t)i, ref_clamp(v, tt_lo(q->tt), tt_hi(q->tt)));
  }
  tflc_opt_field f = tm_opt_f32(0, alpha);
  run_unary(TFLC_OP_LEAKY_RELU, TFLC_BO_LEAKY_RELU, &f, 1, q, q->tt, in, want,
            n, 0, label);
}

static void test_leaky_relu(void) {
  qspec i8 = {TFLC_TT_INT8, 0.05f, 0.04f, 3, -20};
  qspec u8 = {TFLC_TT_UINT8, 0.1f, 0.08f, 128, 100};
  qspec i16 = {TFLC_TT_INT16, 0.0003f, 0.0002f, 0, 0};
  check_leaky(&i8, 0.2f, "leaky int8");
  check_leaky(&u8, 0.3f, "leaky uint8");
  check_leaky(&i16, 0.01f, "leaky int16");
  check_leaky(&i8, -0.5f, "leaky int8 negative alpha");
}

/* ---- LOGISTIC / TANH ---------------------------------------------------- */

static float ref_sigmoid(float x) { return 1.0f / (1.0f + expf(-x)); }

/* 8-bit: the table built in float (documented way). */
static void check_lut8(int32_t opc, float (*fn)(float), const qspec *q,
                       const char *label) {
  static int16_t in[1024], want[1024];
  int n = fill_all(q->tt, in);
  for (int i = 0; i < n; i++) {
    int32_t x = get_q(in, q->tt, (size_t)i);
    float y = roundf(fn(q->in_scale * (float)(x - (int32_t)q->in_zp)) *
                     (1.0f / q->out_scale)) +
              (float)q->out_zp;
    int32_t v = y < tt_lo(q->tt)
                    ? tt_lo(q->tt)
                    : (y > tt_hi(q->tt) ? tt_hi(q->tt) : (int32_t)y);
    set_q(want, q->tt, (size_t)i, v);
  }
  run_unary(opc, 0, NULL, 0, q, q->tt, in, want, n, 0, label);
}

static float ref_tanh(float x) { return tanhf(x); }
static float ref_elu(float x) { return x < 0.0f ? expm1f(x) : x; }

static void test_logistic_tanh(void) {
  qspec li8 = {TFLC_TT_INT8, 0.1f, 1.0f / 256, -5, -128};
  qspec lu8 = {TFLC_TT_UINT8, 0.07f, 1.0f / 256, 120, 0};
  check_lut8(TFLC_OP_LOGISTIC, ref_sigmoid, &li8, "logistic int8");
  check_lut8(TFLC_OP_LOGISTIC, ref_sigmoid, &lu8, "logistic uint8");
  qspec ti8 = {TFLC_TT_INT8, 0.03f, 1.0f / 128, 10, 0};
  qspec tu8 = {TFLC_TT_UINT8, 0.05f, 1.0f / 128, 128, 128};
  check_lut8(TFLC_OP_TANH, ref_tanh, &ti8, "tanh int8");
  check_lut8(TFLC_OP_TANH, ref_tanh, &tu8, "tanh uint8");
  qspec e8 = {TFLC_TT_INT8, 0.05f, 0.04f, 20, -10};
  check_lut8(TFLC_OP_ELU, ref_elu, &e8, "elu int8");

  /* int16, input scale 2^-12 (the table's own step): values derived by
   * hand from the table (sigmoid(1) -> entry 24 = 47911; tanh(1) -> entry
   * 48 = 57724) with the documented rounding. */
  qspec l16 = {TFLC_TT_INT16, 1.0f / 4096, 1.0f / 32768, 0, 0};
  static const int16_t x16[5] = {0, 4096, -4096, 32767, -32768};
  static const int16_t ls16[3] = {16384, 23956, 8812};
  run_unary(TFLC_OP_LOGISTIC, 0, NULL, 0, &l16, TFLC_TT_INT16, x16, ls16, 3, 0,
            "logistic int16 exact");
  static const int16_t th16[3] = {0, 24956, -24956};
  run_unary(TFLC_OP_TANH, 0, NULL, 0, &l16, TFLC_TT_INT16, x16, th16, 3, 0,
            "tanh int16 exact");
  /* General scale and the whole range: within 2 LSB of the real function
   * (the table's documented accuracy). */
  static int16_t in[1024], wl[1024], wt[1024];
  qspec g16 = {TFLC_TT_INT16, 0.00031f, 1.0f / 32768, 0, 0};
  int n = fill_all(TFLC_TT_INT16, in);
  for (int i = 0; i < n; i++) {
    double xr = in[i] * (double)g16.in_scale;
    double l = 32768.0 / (1.0 + exp(-xr)), t = 32768.0 * tanh(xr);
    wl[i] = (int16_t)(l > 32767 ? 32767 : lround(l));
    wt[i] = (int16_t)(t > 32767 ? 32767 : (t < -32768 ? -32768 : lround(t)));
  }
  run_unary(TFLC_OP_LOGISTIC, 0, NULL, 0, &g16, TFLC_TT_INT16, in, wl, n, 2,
            "logistic int16 general scale");
  run_unary(TFLC_OP_TANH, 0, NULL, 0, &g16, TFLC_TT_INT16, in, wt, n, 2,
            "tanh int16 general scale");

  /* Fixed output parameters. */
  qspec bad = li8;
  bad.out_zp = 0;
  expect_unary_error(TFLC_OP_LOGISTIC, &bad,
                     "LOGISTIC INT8 output 'out' must have scale 0.00390625 "
                     "and zero point -128");
  bad = ti8;
  bad.out_scale = 1.0f / 256;
  expect_unary_error(TFLC_OP_TANH, &bad,
                     "TANH INT8 output 'out' must have scale 0.0078125");
  bad = tu8;
  bad.out_zp = 0;
  expect_unary_error(TFLC_OP_TANH, &bad, "zero point 128");
  bad = l16;
  bad.out_scale = 1.0f / 16384;
  expect_unary_error(TFLC_OP_LOGISTIC, &bad, "LOGISTIC INT16 output");
  bad = li8;
  bad.in_scale = 0.0f;
  expect_unary_error(TFLC_OP_LOGISTIC, &bad,
                     "tensor 'in0' has an invalid quantization scale 0");
  bad = li8;
  bad.in_zp = 300;
  expect_unary_error(TFLC_OP_TANH, &bad,
                     "tensor 'in0' has zero point 300 outside [-128, 127]");
}

/* ---- SOFTMAX ------------------------------------------------------------ */

static void test_softmax(void) {
  tflc_opt_field beta = tm_opt_f32(0, 1.0f);
  /* Hand-derived: equal inputs give 1/depth; a lone large value gives 1. */
  qspec s8 = {TFLC_TT_INT8, 0.1f, 1.0f / 256, 0, -128};
  static const int8_t eq4[4] = {5, 5, 5, 5}, want4[4] = {-64, -64, -64, -64};
  run_unary(TFLC_OP_SOFTMAX, TFLC_BO_SOFTMAX, &beta, 1, &s8, TFLC_TT_INT8, eq4,
            want4, 4, 0, "softmax int8 uniform");
  static const int8_t big[4] = {127, -128, -128, -128},
                      wbig[4] = {127, -128, -128, -128};
  run_unary(TFLC_OP_SOFTMAX, TFLC_BO_SOFTMAX, &beta, 1, &s8, TFLC_TT_INT8, big,
            wbig, 4, 0, "softmax int8 saturated");
  qspec su8 = {TFLC_TT_UINT8, 0.1f, 1.0f / 256, 0, 0};
  static const uint8_t eq2[2] = {9, 9}, want2[2] = {128, 128};
  run_unary(TFLC_OP_SOFTMAX, TFLC_BO_SOFTMAX, &beta, 1, &su8, TFLC_TT_UINT8,
            eq2, want2, 2, 0, "softmax uint8 uniform");
  qspec s16 = {TFLC_TT_INT16, 0.001f, 1.0f / 32768, 0, 0};
  static const int16_t e16[4] = {100, 100, 100, 100},
                       w16[4] = {8192, 8192, 8192, 8192};
  run_unary(TFLC_OP_SOFTMAX, TFLC_BO_SOFTMAX, &beta, 1, &s16, TFLC_TT_INT16,
            e16, w16, 4, 1, "softmax int16 uniform");
  /* Random rows: within 1 LSB of the real softmax (fixed-point accuracy). */
  const qspec *specs[3] = {&s8, &su8, &s16};
  for (int k = 0; k < 3; k++) {
    const qspec *q = specs[k];
    int16_t in[64], want[64];
    for (int i = 0; i < 64; i++)
      set_q(in, q->tt, (size_t)i,
            tt_lo(q->tt) +
                (int32_t)oo_randf(0.0f, (float)(tt_hi(q->tt) - tt_lo(q->tt))));
    if (q->tt == TFLC_TT_INT16)
      for (int i = 0; i < 64; i++) in[i] = (int16_t)(in[i] / 8);
    for (int r = 0; r < 4; r++) {
      double mx = -1e30, sum = 0;
      for (int i = 0; i < 16; i++) {
        double v = get_q(in, q->tt, (size_t)(r * 16 + i)) * (double)q->in_scale;
        if (v > mx) mx = v;
      }
      for (int i = 0; i < 16; i++)
        sum += exp(
            get_q(in, q->tt, (size_t)(r * 16 + i)) * (double)q->in_scale - mx);
      for (int i = 0; i < 16; i++) {
        double p =
            exp(get_q(in, q->tt, (size_t)(r * 16 + i)) * (double)q->in_scale -
                mx) /
            sum;
        set_q(want, q->tt, (size_t)(r * 16 + i),
              ref_clamp((int32_t)lround(p / q->out_scale) + (int32_t)q->out_zp,
                        tt_lo(q->tt), tt_hi(q->tt)));
      }
    }
    int shape[2] = {4, 16};
    oo_tensor x = {.tt = q->tt,
                   .shape = shape,
                   .rank = 2,
                   .data = in,
                   .n_quant = 1,
                   .scales = &q->in_scale,
                   .zero_points = &q->in_zp};
    oo_op op = {.op = TFLC_OP_SOFTMAX,
                .bo = TFLC_BO_SOFTMAX,
                .fields = &beta,
                .n_fields = 1,
                .inputs = &x,
                .n_inputs = 1,
                .out = {.tt = q->tt,
                        .shape = shape,
                        .rank = 2,
                        .n_quant = 1,
                        .scales = &q->out_scale,
                        .zero_points = &q->out_zp}};
    oo_run r;
    const TfLiteTensor *out = oo_run_op(&op, &r, "softmax random");
    int bad = 0;
    for (int i = 0; out && i < 64; i++) {
      int32_t g = get_q(TfLiteTensorData(out), q->tt, (size_t)i),
              w = get_q(want, q->tt, (size_t)i);
      if (abs(g - w) > (q->tt == TFLC_TT_INT16 ? 3 : 1) && bad++ < 4)
        CHECK_MSG(0, "softmax random type %d element %d: %d want %d", q->tt, i,
                  g, w);
    }
    CHECK(bad == 0);
    oo_free(&r);
  }
  qspec bad = s8;
  bad.out_zp = 0;
  int shape[1] = {4};
  oo_tensor x = {.tt = bad.tt,
                 .shape = shape,
                 .rank = 1,
                 .n_quant = 1,
                 .scales = &bad.in_scale,
                 .zero_points = &bad.in_zp};
  oo_op op = {.op = TFLC_OP_SOFTMAX,
              .bo = TFLC_BO_SOFTMAX,
              .fields = &beta,
              .n_fields = 1,
              .inputs = &x,
              .n_inputs = 1,
              .out = {.tt = bad.tt,
                      .shape = shape,
                      .rank = 1,
                      .n_quant = 1,
                      .scales = &bad.out_scale,
                      .zero_points = &bad.out_zp}};
  oo_expect_error(&op, "SOFTMAX INT8 output 'out' must have scale",
                  "softmax bad output");
  x.tt = TFLC_TT_INT16;
  op.out.tt = TFLC_TT_INT16;
  oo_expect_error(&op, "SOFTMAX INT16 output 'out' must have scale 3.05176e-05",
                  "softmax int16 bad output");
}

/* ---- HARD_SWISH ---------------------------------------------------------- */

static void test_hard_swish(void) {
  /* Within 1 LSB of x * relu6(x + 3) / 6 (16-bit fixed point inside). */
  qspec q8 = {TFLC_TT_INT8, 0.05f, 0.04f, -10, -50};
  qspec qu = {TFLC_TT_UINT8, 0.04f, 0.03f, 128, 30};
  const qspec *specs[2] = {&q8, &qu};
  for (int k = 0; k < 2; k++) {
    const qspec *q = specs[k];
    int16_t in[256], want[256];
    int n = fill_all(q->tt, in);
    for (int i = 0; i < n; i++) {
      double x = (get_q(in, q->tt, (size_t)i) - q->in_zp) * (double)q->in_scale;
      double r6 = x + 3 < 0 ? 0 : (x + 3 > 6 ? 6 : x + 3);
      set_q(want, q->tt, (size_t)i,
            ref_clamp(
                (int32_t)lround(x * r6 / 6 / q->out_scale) + (int32_t)q->out_zp,
                tt_lo(q->tt), tt_hi(q->tt)));
    }
    run_unary(TFLC_OP_HARD_SWISH, 0, NULL, 0, q, q->tt, in, want, n, 1,
              k ? "hard_swish uint8" : "hard_swish int8");
  }
}

int main(void) {
  test_relu();
  test_leaky_relu();
  test_logistic_tanh();
  test_softmax();
  test_hard_swish();
  return CHECK_DONE();
}
