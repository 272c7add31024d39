/* Op tests of the quantized pools and reductions: MAX_POOL_2D and
 * AVERAGE_POOL_2D on int8/uint8/int16 with every fused activation, MEAN,
 * SUM, REDUCE_MAX, REDUCE_MIN and REDUCE_PROD on quantized inputs with and
 * without keep_dims; expected integers from references written here from
 * TensorFlow Lite's integer algorithm descriptions, plus refusals. */
#include "support/op_test.h"

/* ---- independent fixed-point reference -------------------------------- */

static void ref_qm(double real, int32_t *m, int *shift) {
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

static int32_t ref_mbqm(int32_t x, int32_t m, int shift) {
  int left = shift > 0 ? shift : 0, right = shift > 0 ? 0 : -shift;
  int32_t a = (int32_t)((uint32_t)x << left);
  long long p = (long long)a * m;
  int32_t h = (a == INT32_MIN && m == INT32_MIN)
                  ? INT32_MAX
                  : (int32_t)((p + (p >= 0 ? (1LL << 30) : 1 - (1LL << 30))) /
                              (1LL << 31));
  if (right == 0) return h;
  long long d = 1LL << right;
  return (int32_t)(h >= 0 ? ((long long)h + d / 2) / d
                          : -((-(long long)h + d / 2) / d));
}

static int32_t ref_mbqm64(long long x, int32_t m, int shift) {
  long long red = m < 0x7FFF0000 ? (m + (1 << 15)) >> 16 : 0x7FFF;
  int ts = 15 - shift;
  long long r = x * red + (1LL << (ts - 1));
  return (int32_t)(r >= 0 ? r >> ts : -((-r - 1) >> ts) - 1);
}

static int lo_of(int8_t tt) {
  return tt == TFLC_TT_INT8 ? -128 : (tt == TFLC_TT_UINT8 ? 0 : -32768);
}
static int hi_of(int8_t tt) {
  return tt == TFLC_TT_INT8 ? 127 : (tt == TFLC_TT_UINT8 ? 255 : 32767);
}
static int32_t clampi(int32_t v, int32_t lo, int32_t hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}
static int32_t getq(const void *p, int8_t tt, size_t i) {
  if (tt == TFLC_TT_INT8) return ((const int8_t *)p)[i];
  if (tt == TFLC_TT_UINT8) return ((const uint8_t *)p)[i];
  return ((const int16_t *)p)[i];
}
static void setq(void *p, int8_t tt, size_t i, int32_t v) {
  if (tt == TFLC_TT_INT8)
    ((int8_t *)p)[i] = (int8_t)v;
  else if (tt == TFLC_TT_UINT8)
    ((uint8_t *)p)[i] = (uint8_t)v;
  else
    ((int16_t *)p)[i] = (int16_t)v;
}
static void fill_rand(void *p, int8_t tt, size_t n) {
  for (size_t i = 0; i < n; i++)
    setq(p, tt, i,
         lo_of(tt) +
             (int32_t)oo_randf(0.0f, (float)(hi_of(tt) - lo_of(tt)) + 0.99f));
}

/* Activation clamp on the output's parameters (round half away). */
static void ref_act_range(int act, float scale, int32_t zp, int8_t tt,
                          int32_t *lo, int32_t *hi) {
  int32_t qlo = lo_of(tt), qhi = hi_of(tt);
  int32_t z = zp + (int32_t)lround(0.0 / scale),
          six = zp + (int32_t)lround(6.0 / scale);
  int32_t m1 = zp + (int32_t)lround(-1.0 / scale),
          p1 = zp + (int32_t)lround(1.0 / scale);
  *lo = qlo;
  *hi = qhi;
  if (act == TFLC_ACT_RELU) *lo = z > qlo ? z : qlo;
  if (act == TFLC_ACT_RELU6) {
    *lo = z > qlo ? z : qlo;
    *hi = six < qhi ? six : qhi;
  }
  if (act == TFLC_ACT_RELU_N1_TO_1) {
    *lo = m1 > qlo ? m1 : qlo;
    *hi = p1 < qhi ? p1 : qhi;
  }
}

/* ---- pools --------------------------------------------------------------- */

static void check_qpool(int max, int8_t tt, int act, int padding,
                        const char *label) {
  const int n = 2, h = 5, w = 6, c = 3, fh = 3, fw = 2, sh = 2, sw = 2;
  float scale = tt == TFLC_TT_INT16 ? 0.001f : 0.05f;
  int64_t zp = tt == TFLC_TT_INT8 ? -7 : (tt == TFLC_TT_UINT8 ? 120 : 0);
  int oh = padding == TFLC_PADDING_SAME ? (h + sh - 1) / sh : (h - fh) / sh + 1;
  int ow = padding == TFLC_PADDING_SAME ? (w + sw - 1) / sw : (w - fw) / sw + 1;
  int pt = 0, pl = 0;
  if (padding == TFLC_PADDING_SAME) {
    int th = (oh - 1) * sh + fh - h, tw = (ow - 1) * sw + fw - w;
    pt = th > 0 ? th / 2 : 0;
    pl = tw > 0 ? tw / 2 : 0;
  }
  int16_t in[2 * 5 * 6 * 3], want[2 * 3 * 3 * 3];
  fill_rand(in, tt, (size_t)n * h * w * c);
  int32_t alo, ahi;
  ref_act_range(act, scale, (int32_t)zp, tt, &alo, &ahi);
  for (int b = 0; b < n; b++)
    for (int y = 0; y < oh; y++)
      for (int x = 0; x < ow; x++)
        for (int ch = 0; ch < c; ch++) {
          int32_t acc = max ? INT32_MIN : 0;
          int cnt = 0;
          for (int i = 0; i < fh; i++)
            for (int j = 0; j < fw; j++) {
              int iy = y * sh - pt + i, ix = x * sw - pl + j;
              if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
              int32_t v =
                  getq(in, tt, (size_t)(((b * h + iy) * w + ix) * c + ch));
              if (max)
                acc = v > acc ? v : acc;
              else
                acc += v;
              cnt++;
            }
          if (!max) {
            /* round half away from zero */
            int32_t q = (abs(acc) + cnt / 2) / cnt;
            acc = acc < 0 ? -q : q;
          }
          setq(want, tt, (size_t)(((b * oh + y) * ow + x) * c + ch),
               clampi(acc, alo, ahi));
        }
  int s_in[4] = {n, h, w, c}, s_out[4] = {n, oh, ow, c};
  tflc_opt_field f[6] = {
      tm_opt_int(0, TFLC_OPT_I8, padding), tm_opt_int(1, TFLC_OPT_I32, sw),
      tm_opt_int(2, TFLC_OPT_I32, sh),     tm_opt_int(3, TFLC_OPT_I32, fw),
      tm_opt_int(4, TFLC_OPT_I32, fh),     tm_opt_int(5, TFLC_OPT_I8, act)};
  oo_tensor x = {.tt = tt,
                 .shape = s_in,
                 .rank = 4,
                 .data = in,
                 .n_quant = 1,
                 .scales = &scale,
                 .zero_points = &zp};
  oo_op op = {.op = max ? TFLC_OP_MAX_POOL_2D : TFLC_OP_AVERAGE_POOL_2D,
              .bo = TFLC_BO_POOL_2D,
              .fields = f,
              .n_fields = 6,
              .inputs = &x,
              .n_inputs = 1,
              .out = {.tt = tt,
                      .shape = s_out,
                      .rank = 4,
                      .n_quant = 1,
                      .scales = &scale,
                      .zero_points = &zp}};
  oo_run r;
  const TfLiteTensor *out = oo_run_op(&op, &r, label);
  size_t bytes = (size_t)n * oh * ow * c * (tt == TFLC_TT_INT16 ? 2 : 1);
  if (out && oo_check_shape(out, s_out, 4, label))
    oo_check_bytes(out, want, bytes, label);
  oo_free(&r);
}

static void test_pools(void) {
  const int8_t tts[3] = {TFLC_TT_INT8, TFLC_TT_UINT8, TFLC_TT_INT16};
  const int acts[4] = {TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU_N1_TO_1,
                       TFLC_ACT_RELU6};
  char label[96];
  for (int t = 0; t < 3; t++)
    for (int a = 0; a < 4; a++)
      for (int max = 0; max < 2; max++)
        for (int pad = TFLC_PADDING_SAME; pad <= TFLC_PADDING_VALID; pad++) {
          snprintf(label, sizeof label, "%s pool type %d act %d pad %d",
                   max ? "max" : "avg", tts[t], acts[a], pad);
          check_qpool(max, tts[t], acts[a], pad, label);
        }
  /* Bad quantization refused at AllocateTensors, naming the tensor. */
  int s[4] = {1, 2, 2, 1};
  float zero = 0.0f, ok = 0.5f;
  int64_t zp = 0, zp16 = 3;
  tflc_opt_field f[6] = {tm_opt_int(0, TFLC_OPT_I8, TFLC_PADDING_VALID),
                         tm_opt_int(1, TFLC_OPT_I32, 1),
                         tm_opt_int(2, TFLC_OPT_I32, 1),
                         tm_opt_int(3, TFLC_OPT_I32, 1),
                         tm_opt_int(4, TFLC_OPT_I32, 1),
                         tm_opt_int(5, TFLC_OPT_I8, 0)};
  oo_tensor x = {.tt = TFLC_TT_INT8,
                 .shape = s,
                 .rank = 4,
                 .n_quant = 1,
                 .scales = &zero,
                 .zero_points = &zp};
  oo_op op = {.op = TFLC_OP_AVERAGE_POOL_2D,
              .bo = TFLC_BO_POOL_2D,
              .fields = f,
              .n_fields = 6,
              .inputs = &x,
              .n_inputs = 1,
              .out = {.tt = TFLC_TT_INT8,
                      .shape = s,
                      .rank = 4,
                      .n_quant = 1,
                      .scales = &ok,
                      .zero_points = &zp}};
  oo_expect_error(&op,
                  "operator 0 (AVERAGE_POOL_2D): tensor 'in0' has an invalid "
                  "quantization scale 0",
                  "avg pool bad scale");
  x.tt = op.out.tt = TFLC_TT_INT16;
  x.scales = &ok;
  x.zero_points = &zp16;
  op.op = TFLC_OP_MAX_POOL_2D;
  oo_expect_error(&op, "tensor 'in0' is int16 with zero point 3",
                  "max pool int16 asymmetric");
  x.zero_points = &zp;
  x.n_quant = 0;
  oo_expect_error(&op, "tensor 'in0' has no quantization parameters",
                  "max pool no quant");
  x.tt = op.out.tt = TFLC_TT_INT8;
  x.n_quant = 1;
  op.op = TFLC_OP_L2_POOL_2D;
  oo_expect_error(&op, "input type INT8 is not supported (FLOAT32)",
                  "l2 pool int8");
}

/* ---- reductions ---------------------------------------------------------- */

/* Input [2, 3, 4], reduce axes {1} (or {0, 2}); kind 0 mean, 1 sum, 2 max,
 * 3 min, 4 prod. */
static void check_reduce(int kind, int8_t tt, int keep, int two_axes,
                         const char *label) {
  const int d0 = 2, d1 = 3, d2 = 4;
  float s_in = tt == TFLC_TT_INT16 ? 0.002f : 0.07f;
  float s_out =
      kind >= 2 && kind <= 3 ? s_in : (tt == TFLC_TT_INT16 ? 0.0013f : 0.05f);
  if (kind == 1) s_out *= 3;
  if (kind == 4) s_out = tt == TFLC_TT_INT16 ? 0.02f : 0.2f;
  int64_t z_in = tt == TFLC_TT_INT8 ? 5 : (tt == TFLC_TT_UINT8 ? 130 : 0);
  int64_t z_out =
      kind >= 2 && kind <= 3
          ? z_in
          : (tt == TFLC_TT_INT8 ? -3 : (tt == TFLC_TT_UINT8 ? 100 : 0));
  int16_t in[24], want[24];
  fill_rand(in, tt, 24);
  if (kind == 4) /* small values keep the product meaningful */
    for (int i = 0; i < 24; i++)
      setq(in, tt, (size_t)i, (int32_t)z_in + (i % 5) - 2);
  int32_t axes[2] = {1, 0};
  int n_axes = 1;
  if (two_axes) {
    axes[0] = 0;
    axes[1] = -1;
    n_axes = 2;
  }
  int red[3] = {two_axes, !two_axes, two_axes};
  int dims[3] = {d0, d1, d2}, oshape[3], orank = 0;
  for (int i = 0; i < 3; i++) {
    if (!red[i])
      oshape[orank++] = dims[i];
    else if (keep)
      oshape[orank++] = 1;
  }
  int count = 1;
  for (int i = 0; i < 3; i++)
    if (red[i]) count *= dims[i];
  int32_t m = 0;
  int sh = 0;
  ref_qm((double)s_in / s_out, &m, &sh);
  if (kind == 0) {
    int s = 0;
    while ((2 << s) <= count) s++;
    if (s > 31 + sh) s = 31 + sh;
    m = (int32_t)(((long long)m << s) / count);
    sh -= s;
  }
  if (kind == 4) ref_qm(s_in / pow(s_out, 1.0 / count), &m, &sh);
  size_t o = 0;
  for (int a = 0; a < (red[0] ? 1 : d0); a++)
    for (int b = 0; b < (red[1] ? 1 : d1); b++)
      for (int c = 0; c < (red[2] ? 1 : d2); c++) {
        long long acc = kind == 2 ? INT32_MIN : (kind == 3 ? INT32_MAX : 0);
        int first = 1;
        for (int i = 0; i < (red[0] ? d0 : 1); i++)
          for (int j = 0; j < (red[1] ? d1 : 1); j++)
            for (int k = 0; k < (red[2] ? d2 : 1); k++) {
              int32_t v = getq(
                  in, tt,
                  (size_t)(((red[0] ? i : a) * d1 + (red[1] ? j : b)) * d2 +
                           (red[2] ? k : c)));
              if (kind <= 1)
                acc += v;
              else if (kind == 2)
                acc = v > acc ? v : acc;
              else if (kind == 3)
                acc = v < acc ? v : acc;
              else {
                acc = first ? (v - z_in) : ref_mbqm64(acc * (v - z_in), m, sh);
                first = 0;
              }
            }
        int32_t r;
        if (kind <= 1)
          r = ref_mbqm((int32_t)(acc - z_in * count), m, sh) + (int32_t)z_out;
        else if (kind == 4)
          r = ref_mbqm64(acc, m, sh) + (int32_t)z_out;
        else
          r = (int32_t)acc;
        setq(want, tt, o++, clampi(r, lo_of(tt), hi_of(tt)));
      }
  int s3[3] = {d0, d1, d2}, sa[1] = {n_axes};
  oo_tensor ins[2] = {{.tt = tt,
                       .shape = s3,
                       .rank = 3,
                       .data = in,
                       .n_quant = 1,
                       .scales = &s_in,
                       .zero_points = &z_in},
                      {.tt = TFLC_TT_INT32,
                       .shape = sa,
                       .rank = 1,
                       .data = axes,
                       .is_const = 1}};
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_BOOL, keep);
  const int32_t ops[5] = {TFLC_OP_MEAN, TFLC_OP_SUM, TFLC_OP_REDUCE_MAX,
                          TFLC_OP_REDUCE_MIN, TFLC_OP_REDUCE_PROD};
  oo_op op = {.op = ops[kind],
              .bo = TFLC_BO_REDUCER,
              .fields = &f,
              .n_fields = 1,
              .inputs = ins,
              .n_inputs = 2,
              .out = {.tt = tt,
                      .shape = oshape,
                      .rank = orank,
                      .n_quant = 1,
                      .scales = &s_out,
                      .zero_points = &z_out}};
  oo_run r;
  const TfLiteTensor *out = oo_run_op(&op, &r, label);
  if (out && oo_check_shape(out, oshape, orank, label))
    oo_check_bytes(out, want, o * (tt == TFLC_TT_INT16 ? 2 : 1), label);
  oo_free(&r);
}

static void test_reduce(void) {
  const int8_t tts[3] = {TFLC_TT_INT8, TFLC_TT_UINT8, TFLC_TT_INT16};
  char label[96];
  for (int kind = 0; kind < 5; kind++)
    for (int t = 0; t < 3; t++)
      for (int keep = 0; keep < 2; keep++)
        for (int two = 0; two < 2; two++) {
          if (kind == 4 && tts[t] == TFLC_TT_UINT8) continue;
          snprintf(label, sizeof label,
                   "reduce kind %d type %d keep %d axes %d", kind, tts[t], keep,
                   two);
          check_reduce(kind, tts[t], keep, two, label);
        }
  /* Refusals: MAX with different output parameters, PROD on uint8. */
  int s3[3] = {2, 3, 4}, s2[2] = {2, 4}, sa[1] = {1};
  int32_t ax = 1;
  float a = 0.1f, b = 0.2f;
  int64_t z = 0;
  oo_tensor ins[2] = {{.tt = TFLC_TT_INT8,
                       .shape = s3,
                       .rank = 3,
                       .n_quant = 1,
                       .scales = &a,
                       .zero_points = &z},
                      {.tt = TFLC_TT_INT32,
                       .shape = sa,
                       .rank = 1,
                       .data = &ax,
                       .is_const = 1}};
  oo_op op = {.op = TFLC_OP_REDUCE_MAX,
              .bo = TFLC_BO_REDUCER,
              .inputs = ins,
              .n_inputs = 2,
              .out = {.tt = TFLC_TT_INT8,
                      .shape = s2,
                      .rank = 2,
                      .n_quant = 1,
                      .scales = &b,
                      .zero_points = &z}};
  oo_expect_error(&op, "quantized input and output must have the same scale",
                  "reduce_max params");
  ins[0].tt = op.out.tt = TFLC_TT_UINT8;
  op.op = TFLC_OP_REDUCE_PROD;
  oo_expect_error(&op, "quantized UINT8 input is not supported",
                  "reduce_prod uint8");
}

int main(void) {
  test_pools();
  test_reduce();
  return CHECK_DONE();
}
