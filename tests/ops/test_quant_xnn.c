/* Tests of the XNNPACK rounding mode (kTflcRoundingXnnpack) of the
 * quantized kernels: FULLY_CONNECTED, CONV_2D, DEPTHWISE_CONV_2D (int8
 * per-channel, uint8), ADD, SUB, MUL (int8, uint8) and MEAN. Expected
 * integers come from XNNPACK's documented formulas written again here
 * (float scale products, round half to even done by hand on the exact
 * double value, the vadd fixed-point form with a flooring shift), not from
 * the kernel helpers. Cases include exact ties (which the reference mode
 * rounds up and XNNPACK to even), clamping and per-channel scales, and
 * nodes XNNPACK would not take (CONV_2D without bias) stay on the
 * reference rounding. */
#include <math.h>

#include "support/op_test.h"
#include "tflc/tflc.h"

/* ---- independent formulas ----------------------------------------------- */

/* Round half to even of a float, by hand (no lrintf). */
static int32_t r_rne(float f) {
  const double v = (double)f; /* exact */
  const double fl = floor(v);
  const double frac = v - fl;
  int64_t n = (int64_t)fl;
  if (frac > 0.5 || (frac == 0.5 && (n & 1))) n++;
  return (int32_t)n;
}

static int32_t r_clamp(int32_t v, int32_t lo, int32_t hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}

/* XNNPACK fp32 requantization: float(acc) * scale, nearest even, clamp. */
static int32_t r_requant(int32_t acc, float scale, int32_t zp, int32_t lo,
                         int32_t hi) {
  const float prod = (float)acc * scale;
  return r_clamp(r_rne(prod) + zp, lo, hi);
}

/* Activation bound as XNNPACK quantizes it: v / s + zp in float, nearest
 * even, within the type. */
static int32_t r_bound(float v, float s, int32_t zp, int32_t qmin,
                       int32_t qmax) {
  if (isinf(v)) return v > 0 ? qmax : qmin;
  const float q = v / s + (float)zp;
  return r_clamp(r_rne(q), qmin, qmax);
}

/* ADD/SUB as XNNPACK's vadd: multipliers rne(r * 2^shift), shift = 20 -
 * floor(log2(max |r|)), sum plus 2^(shift-1), floor division. */
static int32_t r_add(int32_t a, int32_t b, float sa, int32_t za, float sb,
                     int32_t zb, float so, int32_t zo, int sign_b, int32_t lo,
                     int32_t hi) {
  const float ra = sa / so, rb = (sign_b < 0 ? -sb : sb) / so;
  const float m = fabsf(ra) > fabsf(rb) ? fabsf(ra) : fabsf(rb);
  int e;
  frexpf(m, &e); /* m = f * 2^e, f in [0.5, 1): floor(log2 m) = e - 1 */
  const int shift = 20 - (e - 1);
  const int64_t ma = r_rne((float)ldexp((double)ra, shift));
  const int64_t mb = r_rne((float)ldexp((double)rb, shift));
  const int64_t acc =
      ((int64_t)1 << (shift - 1)) + ma * (a - za) + mb * (b - zb);
  const int64_t d = (int64_t)1 << shift;
  const int64_t q = acc >= 0 ? acc / d : -((-acc + d - 1) / d); /* floor */
  return r_clamp((int32_t)q + zo, lo, hi);
}

/* ---- building a one-op model with a rounding mode -------------------------
 */

static int build(const oo_op *c, oo_run *r, int rounding) {
  const oo_ext x = {.opts = {.rounding = rounding}};
  return oo_build_ext(c, &x, r);
}

/* Runs the op and compares n outputs (int8 or uint8) with want. */
static void expect(const oo_op *c, int rounding, const int32_t *want, size_t n,
                   const char *label) {
  oo_run r;
  if (build(c, &r, rounding) != 0) {
    CHECK_MSG(0, "%s: build failed: %s", label, r.err);
    oo_free(&r);
    return;
  }
  CHECK_MSG(oo_invoke(c, &r) == kTfLiteOk, "%s: invoke: %s", label, r.err);
  const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(r.it, 0);
  const int u8 = TfLiteTensorType(t) == kTfLiteUInt8;
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    const int32_t g = u8 ? ((const uint8_t *)TfLiteTensorData(t))[i]
                         : ((const int8_t *)TfLiteTensorData(t))[i];
    if (g != want[i] && bad++ < 4)
      CHECK_MSG(0, "%s: element %zu = %d, want %d", label, i, (int)g,
                (int)want[i]);
  }
  CHECK_MSG(bad == 0, "%s: %d wrong elements", label, bad);
  oo_free(&r);
}

static uint32_t rng = 7u;
static int32_t rnd(int32_t lo, int32_t hi) {
  rng = rng * 1664525u + 1013904223u;
  return lo + (int32_t)((rng >> 8) % (uint32_t)(hi - lo + 1));
}

/* ---- FULLY_CONNECTED, int8 per channel ------------------------------------
 */

static void test_fc_ties(void) {
  /* s_in * s_w[c] / s_out = 0.5 * 0.25 / 1 = 1/8: acc = 4k gives k/2,
   * exact ties. Channel 1 has another scale (per channel). */
  static const int xs[] = {1, 2}, ws[] = {2, 2}, bs[] = {2}, os[] = {1, 2};
  const int8_t x[2] = {1, 0};        /* zero point 0 */
  const int8_t w[4] = {4, 0, 12, 0}; /* acc = w[u][0] * 1 + bias */
  const int32_t bias[2] = {0, 8};
  const float s_in = 0.5f, s_w[2] = {0.25f, 0.75f}, s_out = 1.0f;
  const int64_t z0 = 0, zw[2] = {0, 0};
  oo_tensor in[3] = {
      {TFLC_TT_INT8, xs, 2, x, 0, 1, &s_in, &z0, 0},
      {TFLC_TT_INT8, ws, 2, w, 1, 2, s_w, zw, 0},
      {TFLC_TT_INT32, bs, 1, bias, 1, 0, NULL, NULL, 0},
  };
  oo_op op = {TFLC_OP_FULLY_CONNECTED,
              TFLC_BO_FULLY_CONNECTED,
              NULL,
              0,
              in,
              3,
              {TFLC_TT_INT8, os, 2, NULL, 0, 1, &s_out, &z0, 0}};
  /* channel 0: acc 4 -> 0.5 -> 0 (even); channel 1: acc 20, scale 0.375
   * -> 7.5 -> 8 (even). Reference rounding: 1 and 8. */
  int32_t want[2];
  want[0] = r_requant(4, s_in * s_w[0] / s_out, 0, -128, 127);
  want[1] = r_requant(20, s_in * s_w[1] / s_out, 0, -128, 127);
  CHECK_EQ_INT(want[0], 0);
  CHECK_EQ_INT(want[1], 8);
  expect(&op, kTflcRoundingXnnpack, want, 2, "FC ties xnnpack");
  const int32_t ref[2] = {1, 8};
  expect(&op, kTflcRoundingReference, ref, 2, "FC ties reference");
}

static void test_fc_random(int u8) {
  enum { B = 3, D = 16, U = 5 };
  static const int xs[] = {B, D}, ws[] = {U, D}, bs[] = {U}, os[] = {B, U};
  const int8_t tt = u8 ? TFLC_TT_UINT8 : TFLC_TT_INT8;
  const int32_t qmin = u8 ? 0 : -128, qmax = u8 ? 255 : 127;
  uint8_t x[B * D], w[U * D];
  int32_t bias[U];
  for (int i = 0; i < B * D; i++) x[i] = (uint8_t)rnd(qmin, qmax);
  for (int i = 0; i < U * D; i++) w[i] = (uint8_t)rnd(u8 ? 0 : -127, qmax);
  for (int i = 0; i < U; i++) bias[i] = rnd(-3000, 3000);
  const float s_in = 0.0213f, s_out = 0.173f;
  const float s_w[U] = {0.0071f, 0.013f, 0.0029f, 0.021f, 0.0103f};
  const int64_t zx = u8 ? 131 : -7, zo = u8 ? 120 : 5, zw1 = u8 ? 140 : 0;
  const int64_t zw[U] = {0, 0, 0, 0, 0};
  oo_tensor in[3] = {
      {tt, xs, 2, x, 0, 1, &s_in, &zx, 0},
      {tt, ws, 2, w, 1, u8 ? 1 : U, s_w, u8 ? &zw1 : zw, 0},
      {TFLC_TT_INT32, bs, 1, bias, 1, 0, NULL, NULL, 0},
  };
  const float s_o = s_out;
  tflc_opt_field f[1] = {tm_opt_int(0, TFLC_OPT_I8, TFLC_ACT_RELU)};
  oo_op op = {TFLC_OP_FULLY_CONNECTED,
              TFLC_BO_FULLY_CONNECTED,
              f,
              1,
              in,
              3,
              {tt, os, 2, NULL, 0, 1, &s_o, &zo, 0}};
  const int32_t lo = r_bound(0.0f, s_out, (int32_t)zo, qmin, qmax);
  int32_t want[B * U];
  for (int b = 0; b < B; b++) {
    for (int u = 0; u < U; u++) {
      int32_t acc = bias[u];
      for (int d = 0; d < D; d++) {
        const int32_t xv = u8 ? x[b * D + d] : (int8_t)x[b * D + d];
        const int32_t wv =
            u8 ? w[u * D + d] - (int32_t)zw1 : (int8_t)w[u * D + d];
        acc += wv * (xv - (int32_t)zx);
      }
      const float sw = s_w[u8 ? 0 : u];
      const float prod = s_in * sw;
      want[b * U + u] = r_requant(acc, prod / s_out, (int32_t)zo, lo, qmax);
    }
  }
  expect(&op, kTflcRoundingXnnpack, want, B * U,
         u8 ? "FC uint8 xnnpack" : "FC int8 per-channel xnnpack");
}

/* ---- CONV_2D / DEPTHWISE_CONV_2D 1x1 ----------------------------------------
 */

static void test_conv(int depthwise, int with_bias, int u8) {
  enum { P = 6, C = 3 };
  static const int xs[] = {1, 2, 3, C}, cws[] = {C, 1, 1, C},
                   dws[] = {1, 1, 1, C}, bs[] = {C}, os[] = {1, 2, 3, C};
  const int8_t tt = u8 ? TFLC_TT_UINT8 : TFLC_TT_INT8;
  const int32_t qmin = u8 ? 0 : -128, qmax = u8 ? 255 : 127;
  uint8_t x[P * C], w[C * C];
  int32_t bias[C];
  for (int i = 0; i < P * C; i++) x[i] = (uint8_t)rnd(qmin, qmax);
  for (int i = 0; i < C * C; i++) w[i] = (uint8_t)rnd(u8 ? 0 : -127, qmax);
  for (int i = 0; i < C; i++) bias[i] = rnd(-500, 500);
  const float s_in = 0.05f, s_out = 0.09f;
  const float s_w[C] = {0.011f, 0.0047f, 0.0213f};
  const int64_t zx = u8 ? 100 : 3, zo = u8 ? 128 : -10, zw1 = u8 ? 120 : 0;
  const int64_t zw[C] = {0, 0, 0};
  oo_tensor in[3] = {
      {tt, xs, 4, x, 0, 1, &s_in, &zx, 0},
      {tt, depthwise ? dws : cws, 4, w, 1, u8 ? 1 : C, s_w, u8 ? &zw1 : zw,
       depthwise ? 3 : 0},
      {with_bias ? TFLC_TT_INT32 : -1, bs, 1, bias, 1, 0, NULL, NULL, 0},
  };
  tflc_opt_field f[5];
  int nf = 0;
  f[nf++] = tm_opt_int(0, TFLC_OPT_I8, TFLC_PADDING_VALID);
  f[nf++] = tm_opt_int(1, TFLC_OPT_I32, 1);
  f[nf++] = tm_opt_int(2, TFLC_OPT_I32, 1);
  if (depthwise) {
    f[nf++] = tm_opt_int(3, TFLC_OPT_I32, 1);
    f[nf++] = tm_opt_int(4, TFLC_OPT_I8, TFLC_ACT_RELU6);
  } else {
    f[nf++] = tm_opt_int(3, TFLC_OPT_I8, TFLC_ACT_RELU6);
  }
  const float s_o = s_out;
  oo_op op = {depthwise ? TFLC_OP_DEPTHWISE_CONV_2D : TFLC_OP_CONV_2D,
              depthwise ? TFLC_BO_DEPTHWISE_CONV_2D : TFLC_BO_CONV_2D,
              f,
              nf,
              in,
              3,
              {tt, os, 4, NULL, 0, 1, &s_o, &zo, 0}};
  const int32_t lo = r_bound(0.0f, s_out, (int32_t)zo, qmin, qmax);
  const int32_t hi = r_bound(6.0f, s_out, (int32_t)zo, qmin, qmax);
  int32_t want[P * C];
  for (int p = 0; p < P; p++) {
    for (int c = 0; c < C; c++) {
      int32_t acc = with_bias ? bias[c] : 0;
      for (int k = 0; k < (depthwise ? 1 : C); k++) {
        const int ic = depthwise ? c : k;
        const int wi = depthwise ? c : c * C + k;
        const int32_t xv = u8 ? x[p * C + ic] : (int8_t)x[p * C + ic];
        const int32_t wv = u8 ? w[wi] - (int32_t)zw1 : (int8_t)w[wi];
        acc += wv * (xv - (int32_t)zx);
      }
      const float prod = s_in * s_w[u8 ? 0 : c];
      want[p * C + c] = r_requant(acc, prod / s_out, (int32_t)zo, lo, hi);
    }
  }
  char label[96];
  snprintf(label, sizeof label, "%s %s%s xnnpack",
           depthwise ? "DEPTHWISE_CONV_2D" : "CONV_2D", u8 ? "uint8" : "int8",
           with_bias ? "" : " no bias");
  if (with_bias) {
    expect(&op, kTflcRoundingXnnpack, want, P * C, label);
    return;
  }
  /* Without a bias XNNPACK does not take the node: the result must be the
   * reference mode's, whatever the mode asked for. */
  oo_run r;
  if (build(&op, &r, kTflcRoundingReference) != 0 ||
      oo_invoke(&op, &r) != kTfLiteOk) {
    CHECK_MSG(0, "%s: reference run failed: %s", label, r.err);
    oo_free(&r);
    return;
  }
  const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(r.it, 0);
  int32_t ref[P * C];
  for (int i = 0; i < P * C; i++)
    ref[i] = u8 ? ((const uint8_t *)TfLiteTensorData(t))[i]
                : ((const int8_t *)TfLiteTensorData(t))[i];
  oo_free(&r);
  expect(&op, kTflcRoundingXnnpack, ref, P * C, label);
}

/* ---- ADD / SUB / MUL ------------------------------------------------------
 */

static void test_binary(int32_t opcode, uint8_t bo, int u8, int act, float sa,
                        float sb, float so) {
  enum { N = 64 };
  static const int shape[] = {4, N / 4};
  const int8_t tt = u8 ? TFLC_TT_UINT8 : TFLC_TT_INT8;
  const int32_t qmin = u8 ? 0 : -128, qmax = u8 ? 255 : 127;
  uint8_t a[N], b[N];
  for (int i = 0; i < N; i++) {
    a[i] = (uint8_t)rnd(qmin, qmax);
    b[i] = (uint8_t)rnd(qmin, qmax);
  }
  a[0] = (uint8_t)qmin;
  b[0] = (uint8_t)qmin;
  a[1] = (uint8_t)qmax;
  b[1] = (uint8_t)qmax;
  const int64_t za = u8 ? 128 : -3, zb = u8 ? 97 : 11, zo = u8 ? 140 : -20;
  const float fa = sa, fb = sb, fo = so;
  oo_tensor in[2] = {{tt, shape, 2, a, 0, 1, &fa, &za, 0},
                     {tt, shape, 2, b, 0, 1, &fb, &zb, 0}};
  tflc_opt_field f[1] = {tm_opt_int(0, TFLC_OPT_I8, act)};
  oo_op op = {opcode, bo, f, 1, in, 2, {tt, shape, 2, NULL, 0, 1, &fo, &zo, 0}};
  const int32_t lo =
      act == TFLC_ACT_RELU ? r_bound(0.0f, so, (int32_t)zo, qmin, qmax) : qmin;
  int32_t want[N];
  for (int i = 0; i < N; i++) {
    const int32_t x = u8 ? a[i] : (int8_t)a[i], y = u8 ? b[i] : (int8_t)b[i];
    if (opcode == TFLC_OP_MUL) {
      const float prod = sa * sb;
      want[i] = r_requant((x - (int32_t)za) * (y - (int32_t)zb), prod / so,
                          (int32_t)zo, lo, qmax);
    } else {
      want[i] = r_add(x, y, sa, (int32_t)za, sb, (int32_t)zb, so, (int32_t)zo,
                      opcode == TFLC_OP_SUB ? -1 : 1, lo, qmax);
    }
  }
  char label[96];
  snprintf(label, sizeof label, "%s %s act=%d s=%g,%g,%g xnnpack",
           opcode == TFLC_OP_ADD   ? "ADD"
           : opcode == TFLC_OP_SUB ? "SUB"
                                   : "MUL",
           u8 ? "uint8" : "int8", act, (double)sa, (double)sb, (double)so);
  expect(&op, kTflcRoundingXnnpack, want, N, label);
}

static void test_add_ties(void) {
  /* s_a / s_out = 0.5: odd (a - z_a) give exact halves, which XNNPACK's
   * shift rounds up (towards +infinity): -1 * 0.5 -> 0, 1 * 0.5 -> 1. */
  static const int shape[] = {4};
  const int8_t a[4] = {-1, 1, -3, 3}, b[4] = {0, 0, 0, 0};
  const float sa = 0.5f, sb = 1.0f, so = 1.0f;
  const int64_t z = 0;
  oo_tensor in[2] = {{TFLC_TT_INT8, shape, 1, a, 0, 1, &sa, &z, 0},
                     {TFLC_TT_INT8, shape, 1, b, 0, 1, &sb, &z, 0}};
  oo_op op = {TFLC_OP_ADD,
              TFLC_BO_ADD,
              NULL,
              0,
              in,
              2,
              {TFLC_TT_INT8, shape, 1, NULL, 0, 1, &so, &z, 0}};
  const int32_t want[4] = {0, 1, -1, 2};
  for (int i = 0; i < 4; i++)
    CHECK_EQ_INT(r_add(a[i], b[i], sa, 0, sb, 0, so, 0, 1, -128, 127), want[i]);
  expect(&op, kTflcRoundingXnnpack, want, 4, "ADD ties xnnpack");
}

/* ---- MEAN ------------------------------------------------------------------
 */

static void test_mean(int u8) {
  enum { H = 3, W = 5, C = 4 };
  static const int xs[] = {1, H, W, C}, as[] = {2}, os[] = {1, 1, 1, C};
  const int32_t axes[2] = {1, 2};
  const int8_t tt = u8 ? TFLC_TT_UINT8 : TFLC_TT_INT8;
  const int32_t qmin = u8 ? 0 : -128, qmax = u8 ? 255 : 127;
  uint8_t x[H * W * C];
  for (int i = 0; i < H * W * C; i++) x[i] = (uint8_t)rnd(qmin, qmax);
  const float s_in = 0.031f, s_out = 0.017f;
  const int64_t zx = u8 ? 125 : -6, zo = u8 ? 131 : 9;
  oo_tensor in[2] = {{tt, xs, 4, x, 0, 1, &s_in, &zx, 0},
                     {TFLC_TT_INT32, as, 1, axes, 1, 0, NULL, NULL, 0}};
  tflc_opt_field f[1] = {tm_opt_int(0, TFLC_OPT_BOOL, 1)};
  const float s_o = s_out;
  oo_op op = {TFLC_OP_MEAN,
              TFLC_BO_REDUCER,
              f,
              1,
              in,
              2,
              {tt, os, 4, NULL, 0, 1, &s_o, &zo, 0}};
  /* XNNPACK folds the input zero point into a float bias and adds the
   * output zero point before rounding: rne(sum * scale + bias) with the raw
   * sum and bias = zo - (H * W * zx) * scale, in float. */
  const float scale = (s_in / s_out) * (1.0f / (float)(H * W));
  const float bias = (float)zo - (float)(H * W * zx) * scale;
  int32_t want[C];
  for (int c = 0; c < C; c++) {
    int32_t sum = 0;
    for (int p = 0; p < H * W; p++)
      sum += u8 ? x[p * C + c] : (int8_t)x[p * C + c];
    const float v = (float)sum * scale;
    want[c] = r_clamp(r_rne(v + bias), qmin, qmax);
  }
  expect(&op, kTflcRoundingXnnpack, want, C,
         u8 ? "MEAN uint8 xnnpack" : "MEAN int8 xnnpack");
}

/* ---- activation bounds ------------------------------------------------------
 */

static void test_bounds(void) {
  /* 6 / 0.048 + 3 = 128 -> clamped to 127; 0 / s + zp = zp; ties to
   * even: 6 / 4 = 1.5 -> 2; an infinite bound is the type's limit. */
  CHECK_EQ_INT(r_bound(6.0f, 0.048f, 3, -128, 127), 127);
  CHECK_EQ_INT(r_bound(0.0f, 0.1f, -7, -128, 127), -7);
  CHECK_EQ_INT(r_bound(6.0f, 4.0f, 0, -128, 127), 2);
  CHECK_EQ_INT(r_bound(-INFINITY, 1.0f, 0, 0, 255), 0);
  CHECK_EQ_INT(r_rne(2.5f), 2);
  CHECK_EQ_INT(r_rne(-2.5f), -2);
  CHECK_EQ_INT(r_rne(-3.5f), -4);
  CHECK_EQ_INT(r_rne(0.49999997f), 0);
}

int main(void) {
  test_bounds();
  test_fc_ties();
  test_fc_random(0);
  test_fc_random(1);
  for (int u8 = 0; u8 < 2; u8++) {
    test_conv(0, 1, u8);
    test_conv(1, 1, u8);
    test_conv(0, 0, u8);
  }
  test_add_ties();
  for (int u8 = 0; u8 < 2; u8++) {
    test_binary(TFLC_OP_ADD, TFLC_BO_ADD, u8, TFLC_ACT_NONE, 0.02f, 0.045f,
                0.05f);
    test_binary(TFLC_OP_ADD, TFLC_BO_ADD, u8, TFLC_ACT_RELU, 0.3f, 0.01f,
                0.07f);
    test_binary(TFLC_OP_SUB, TFLC_BO_SUB, u8, TFLC_ACT_NONE, 0.02f, 0.045f,
                0.05f);
    test_binary(TFLC_OP_MUL, TFLC_BO_MUL, u8, TFLC_ACT_NONE, 0.02f, 0.045f,
                0.05f);
    test_binary(TFLC_OP_MUL, TFLC_BO_MUL, u8, TFLC_ACT_RELU, 0.1f, 0.2f, 0.01f);
    test_mean(u8);
  }
  return CHECK_DONE();
}
