/* Tests of the quantized kernels fixed after the litert-oracle cross-check
 * (tests/oracle): each case's expected integers come from the formula of
 * the kernel LiteRT actually runs, written again here:
 *  - FULLY_CONNECTED int16 (TensorFlow Lite's current reference kernel):
 *    round(acc * ((double)s_in * s_w / s_out)), half away from zero, on a
 *    value where the older int64 fixed-point multiplier gives one less;
 *  - XNNPACK rounding mode, int8 / uint8:
 *    LEAKY_RELU (XNNPACK's Q8 multipliers rint(256 * s_in / s_out) and
 *    rint(256 * alpha * s_in / s_out), + 128, arithmetic shift by 8),
 *    RESIZE_BILINEAR (XNNPACK's float coordinates, Q11 weights, the
 *    two-step integer interpolation with a 2^21 rounding and a shift by 22),
 *    MEAN (the raw sum times scale plus a float bias holding both zero
 *    points, rounded to even once: an exact tie rounds up to 8 here),
 *    hybrid FULLY_CONNECTED / BATCH_MATMUL (inputs quantized asymmetrically
 *    whatever asymmetric_quantize_inputs says: same outputs as the
 *    asymmetric model in the reference mode). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "support/op_test.h"
#include "tflc/tflc.h"

/* Round half to even of a float, by hand. */
static int32_t r_rne(float f) {
  const double v = (double)f;
  const double fl = floor(v);
  const double frac = v - fl;
  int64_t n = (int64_t)fl;
  if (frac > 0.5 || (frac == 0.5 && (n & 1))) n++;
  return (int32_t)n;
}

static int32_t r_clamp(int32_t v, int32_t lo, int32_t hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}

/* floor(a / 2^s) for any sign. */
static int32_t r_floor_shift(int64_t a, int s) {
  const int64_t d = (int64_t)1 << s;
  return (int32_t)(a >= 0 ? a / d : -((-a + d - 1) / d));
}

/* Runs a one-op model in a rounding mode; returns the output tensor (NULL
 * on failure, reported). */
static const TfLiteTensor *run(const oo_op *c, int rounding, oo_run *r,
                               const char *label) {
  const oo_ext x = {.opts = {.rounding = rounding}};
  if (oo_build_ext(c, &x, r) != 0) {
    CHECK_MSG(0, "%s: build failed: %s", label, r->err);
    return NULL;
  }
  if (oo_invoke(c, r) != kTfLiteOk) {
    CHECK_MSG(0, "%s: invoke failed: %s", label, r->err);
    return NULL;
  }
  return TfLiteInterpreterGetOutputTensor(r->it, 0);
}

static void expect_ints(const oo_op *c, int rounding, const int32_t *want,
                        size_t n, const char *label) {
  oo_run r;
  const TfLiteTensor *t = run(c, rounding, &r, label);
  if (t) {
    const TfLiteType tt = TfLiteTensorType(t);
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
      const void *p = TfLiteTensorData(t);
      const int32_t g = tt == kTfLiteUInt8  ? ((const uint8_t *)p)[i]
                        : tt == kTfLiteInt8 ? ((const int8_t *)p)[i]
                                            : ((const int16_t *)p)[i];
      if (g != want[i] && bad++ < 4)
        CHECK_MSG(0, "%s: element %zu = %d, want %d", label, i, (int)g,
                  (int)want[i]);
    }
    CHECK_MSG(bad == 0, "%s: %d wrong elements", label, bad);
  }
  oo_free(&r);
}

/* ---- FULLY_CONNECTED int16: double-precision rescale ----------------------
 */

static void test_fc_int16(void) {
  /* acc = 1 * 1 + 8448391 = 8448392 (the litert-oracle case fc_q_i16,
   * batch 0, unit 1): acc * s_in * s_w / s_out = 18949.50005..., which
   * TensorFlow Lite rounds to 18950; the int64 fixed-point multiplier
   * (multiplier rounded to Q15) gives 18949. */
  static const int xs[2] = {1, 1}, ws[2] = {1, 1}, bs[1] = {1}, os[2] = {1, 1};
  const float s_in = 1.0f / 4096, s_w = 0.00897188764065504f,
              s_out = 1.0f / 1024;
  const float s_b = s_in * s_w;
  const int64_t z0 = 0;
  const int16_t x[1] = {1};
  const int8_t w[1] = {1};
  const int64_t b[1] = {8448391};
  const oo_tensor ins[3] = {{TFLC_TT_INT16, xs, 2, x, 0, 1, &s_in, &z0, 0},
                            {TFLC_TT_INT8, ws, 2, w, 1, 1, &s_w, &z0, 0},
                            {TFLC_TT_INT64, bs, 1, b, 1, 1, &s_b, &z0, 0}};
  oo_op op = {TFLC_OP_FULLY_CONNECTED,
              TFLC_BO_FULLY_CONNECTED,
              NULL,
              0,
              ins,
              3,
              {TFLC_TT_INT16, os, 2, NULL, 0, 1, &s_out, &z0, 0}};
  const int64_t acc = 1 * 1 + b[0];
  const double real = (double)s_in * (double)s_w / (double)s_out;
  const int32_t want = (int32_t)round((double)acc * real);
  CHECK_EQ_INT(want, 18950);
  int32_t m;
  int e;
  qr_multiplier(real, &m, &e);
  CHECK_EQ_INT(qr_mul64(acc, m, e), 18949); /* the older formula */
  expect_ints(&op, kTflcRoundingReference, &want, 1, "FC int16 double rescale");
}

/* ---- LEAKY_RELU, XNNPACK ---------------------------------------------------
 */

static void test_leaky_relu(int u8) {
  enum { N = 256 };
  static const int shape[1] = {N};
  const int8_t tt = u8 ? TFLC_TT_UINT8 : TFLC_TT_INT8;
  const int32_t qmin = u8 ? 0 : -128, qmax = u8 ? 255 : 127;
  const float s_in = 0.05f, s_out = u8 ? 0.04f : 0.037f;
  const float alpha = u8 ? 0.1f : 0.2f;
  const int64_t zi = u8 ? 128 : 10, zo = u8 ? 100 : -30;
  uint8_t x[N];
  for (int i = 0; i < N; i++) x[i] = (uint8_t)i; /* every value */
  const oo_tensor in[1] = {{tt, shape, 1, x, 0, 1, &s_in, &zi, 0}};
  tflc_opt_field f[1] = {tm_opt_f32(0, alpha)};
  oo_op op = {TFLC_OP_LEAKY_RELU,
              TFLC_BO_LEAKY_RELU,
              f,
              1,
              in,
              1,
              {tt, shape, 1, NULL, 0, 1, &s_out, &zo, 0}};
  const float pos = s_in / s_out, neg = pos * alpha;
  const int32_t mp = r_rne(256.0f * pos), mn = r_rne(256.0f * neg);
  int32_t want[N];
  for (int i = 0; i < N; i++) {
    const int32_t v = (u8 ? x[i] : (int8_t)x[i]) - (int32_t)zi;
    const int64_t acc =
        (int64_t)zo * 256 + 128 + (int64_t)v * (v >= 0 ? mp : mn);
    want[i] = r_clamp(r_floor_shift(acc, 8), qmin, qmax);
  }
  expect_ints(&op, kTflcRoundingXnnpack, want, N,
              u8 ? "LEAKY_RELU uint8 xnnpack" : "LEAKY_RELU int8 xnnpack");
}

/* ---- RESIZE_BILINEAR, XNNPACK ----------------------------------------------
 */

/* XNNPACK's coordinate, neighbours and Q11 weight of output index o. */
static void r_coord(int o, int in, int out, int align, int half_pixel, int *lo,
                    int *hi, int32_t *w) {
  const int adj = align && out != 1;
  const float scale = (float)(in - adj) / (float)(out - adj);
  float v = (float)o * scale;
  if (half_pixel) {
    const float off = 0.5f * scale - 0.5f;
    v = v + off;
    if (v < 0.0f) v = 0.0f;
    if (v > (float)(in - 1)) v = (float)(in - 1);
  }
  *lo = (int)v;
  *hi = *lo + 1 < in - 1 ? *lo + 1 : in - 1;
  const float a = v - (float)*lo;
  *w = r_rne(a * 2048.0f);
}

static void test_resize(int u8, int align, int half_pixel, int ih, int iw,
                        int oh, int ow, const char *label) {
  enum { C = 2, MAXN = 8 * 8 * C };
  const int xs[4] = {1, ih, iw, C}, ss[1] = {2}, os[4] = {1, oh, ow, C};
  const int8_t tt = u8 ? TFLC_TT_UINT8 : TFLC_TT_INT8;
  const float s = 0.05f;
  const int64_t z = u8 ? 128 : 3;
  uint8_t x[MAXN];
  uint32_t st = 12345u;
  for (int i = 0; i < ih * iw * C; i++) x[i] = (uint8_t)ot_lcg_int(&st, 0, 255);
  const int32_t size[2] = {oh, ow};
  const oo_tensor in[2] = {{tt, xs, 4, x, 0, 1, &s, &z, 0},
                           {TFLC_TT_INT32, ss, 1, size, 1, 0, NULL, NULL, 0}};
  tflc_opt_field f[2] = {tm_opt_int(2, TFLC_OPT_BOOL, align),
                         tm_opt_int(3, TFLC_OPT_BOOL, half_pixel)};
  oo_op op = {
      TFLC_OP_RESIZE_BILINEAR,           TFLC_BO_RESIZE_BILINEAR, f, 2, in, 2,
      {tt, os, 4, NULL, 0, 1, &s, &z, 0}};
  int32_t want[MAXN];
  size_t k = 0;
  for (int y = 0; y < oh; y++) {
    int y0, y1, x0, x1;
    int32_t wy, wx;
    r_coord(y, ih, oh, align, half_pixel, &y0, &y1, &wy);
    for (int xo = 0; xo < ow; xo++) {
      r_coord(xo, iw, ow, align, half_pixel, &x0, &x1, &wx);
      for (int c = 0; c < C; c++) {
#define PX(yy, xx)                            \
  ((int64_t)(u8 ? x[((yy)*iw + (xx)) * C + c] \
                : (int8_t)x[((yy)*iw + (xx)) * C + c]))
        const int64_t t = PX(y0, x0) * 2048 + (PX(y0, x1) - PX(y0, x0)) * wx;
        const int64_t b = PX(y1, x0) * 2048 + (PX(y1, x1) - PX(y1, x0)) * wx;
#undef PX
        want[k++] = r_floor_shift(t * 2048 + (b - t) * wy + (1 << 21), 22);
      }
    }
  }
  expect_ints(&op, kTflcRoundingXnnpack, want, k, label);
}

/* ---- MEAN, XNNPACK: zero points in the float bias ---------------------------
 */

static void test_mean_tie(void) {
  /* 20 values of -2: sum -40, scale (0.05 / 0.02) * (1 / 20) = 0.125,
   * bias 5 - (20 * -3) * 0.125 = 12.5: -5 + 12.5 = 7.5 rounds to even 8.
   * (Subtracting the zero point first and adding z_out after rounding
   * would give rne(2.5) + 5 = 7.) */
  static const int xs[4] = {1, 4, 5, 1}, as[1] = {2}, os[4] = {1, 1, 1, 1};
  const int32_t axes[2] = {1, 2};
  int8_t x[20];
  memset(x, -2, sizeof x);
  const float s_in = 0.05f, s_out = 0.02f;
  const int64_t zi = -3, zo = 5;
  const oo_tensor in[2] = {{TFLC_TT_INT8, xs, 4, x, 0, 1, &s_in, &zi, 0},
                           {TFLC_TT_INT32, as, 1, axes, 1, 0, NULL, NULL, 0}};
  tflc_opt_field f[1] = {tm_opt_int(0, TFLC_OPT_BOOL, 1)};
  oo_op op = {TFLC_OP_MEAN,
              TFLC_BO_REDUCER,
              f,
              1,
              in,
              2,
              {TFLC_TT_INT8, os, 4, NULL, 0, 1, &s_out, &zo, 0}};
  const float scale = (s_in / s_out) * (1.0f / 20.0f);
  const float bias = (float)zo - (float)(20 * zi) * scale;
  const float v = (float)-40 * scale;
  const int32_t want = r_clamp(r_rne(v + bias), -128, 127);
  CHECK_EQ_INT(want, 8);
  expect_ints(&op, kTflcRoundingXnnpack, &want, 1, "MEAN int8 xnnpack tie");
}

/* ---- hybrid FULLY_CONNECTED / BATCH_MATMUL, XNNPACK -------------------------
 */

/* Runs op in mode and copies n float outputs to out. */
static void run_floats(const oo_op *c, int rounding, float *out, size_t n,
                       const char *label) {
  oo_run r;
  const TfLiteTensor *t = run(c, rounding, &r, label);
  if (t) memcpy(out, TfLiteTensorData(t), n * sizeof(float));
  oo_free(&r);
}

static void test_hybrid(int bmm) {
  enum { B = 3, K = 10, U = 4 };
  static const int xs[2] = {B, K}, ws_fc[2] = {U, K}, ws_bmm[2] = {K, U},
                   bs[1] = {U}, os[2] = {B, U};
  float x[B * K], bias[U];
  int8_t w[U * K];
  uint32_t st = 99u;
  for (int i = 0; i < B * K; i++) x[i] = 3.0f * ot_lcg_unit(&st) + 0.7f;
  for (int i = 0; i < U * K; i++) w[i] = (int8_t)ot_lcg_int(&st, -127, 127);
  for (int i = 0; i < U; i++) bias[i] = ot_lcg_unit(&st);
  float sw[U] = {0.011f, 0.007f, 0.013f, 0.009f};
  int64_t zw[U] = {0, 0, 0, 0};
  float got[B * U], want[B * U];
  for (int asym = 0; asym < 2; asym++) {
    const oo_tensor ins[3] = {
        {TFLC_TT_FLOAT32, xs, 2, x, 0, 0, NULL, NULL, 0},
        {TFLC_TT_INT8, bmm ? ws_bmm : ws_fc, 2, w, 1, bmm ? 1 : U, sw, zw, 0},
        {TFLC_TT_FLOAT32, bs, 1, bias, 1, 0, NULL, NULL, 0}};
    tflc_opt_field f[1];
    oo_op op;
    if (bmm) {
      f[0] = tm_opt_int(2, TFLC_OPT_BOOL, asym);
      op = (oo_op){TFLC_OP_BATCH_MATMUL,
                   TFLC_BO_BATCH_MAT_MUL,
                   f,
                   1,
                   ins,
                   2,
                   {TFLC_TT_FLOAT32, os, 2, NULL, 0, 0, NULL, NULL, 0}};
    } else {
      f[0] = tm_opt_int(3, TFLC_OPT_BOOL, asym);
      op = (oo_op){TFLC_OP_FULLY_CONNECTED,
                   TFLC_BO_FULLY_CONNECTED,
                   f,
                   1,
                   ins,
                   3,
                   {TFLC_TT_FLOAT32, os, 2, NULL, 0, 0, NULL, NULL, 0}};
    }
    if (asym)
      run_floats(&op, kTflcRoundingReference, want, B * U,
                 bmm ? "BMM hybrid asymmetric" : "FC hybrid asymmetric");
    else
      run_floats(&op, kTflcRoundingXnnpack, got, B * U,
                 bmm ? "BMM hybrid xnnpack" : "FC hybrid xnnpack");
  }
  for (int i = 0; i < B * U; i++)
    CHECK_MSG(got[i] == want[i], "%s element %d: %.9g vs %.9g",
              bmm ? "BMM hybrid" : "FC hybrid", i, (double)got[i],
              (double)want[i]);
}

int main(void) {
  test_fc_int16();
  test_leaky_relu(0);
  test_leaky_relu(1);
  test_resize(0, 0, 1, 3, 4, 5, 7, "RESIZE_BILINEAR int8 half-pixel xnnpack");
  test_resize(1, 1, 0, 3, 4, 6, 7, "RESIZE_BILINEAR uint8 align xnnpack");
  test_resize(0, 0, 0, 2, 3, 5, 4, "RESIZE_BILINEAR int8 legacy xnnpack");
  test_resize(1, 0, 1, 4, 4, 3, 2, "RESIZE_BILINEAR uint8 downscale xnnpack");
  test_mean_tie();
  test_hybrid(0);
  test_hybrid(1);
  return CHECK_DONE();
}
