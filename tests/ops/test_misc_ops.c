/* Op tests of SOFTMAX, DEQUANTIZE, the reductions (SUM, MEAN, REDUCE_MAX,
 * REDUCE_MIN, REDUCE_PROD) and CAST: one-op models built with the project's
 * writer, compared with hand-computed values and plain references written
 * here (double-precision softmax, per-coordinate reductions), over options,
 * types, zero-size tensors and the errors prepare must report. */
#include <float.h>

#include "support/op_test.h"

#define F32 TFLC_TT_FLOAT32
#define I32 TFLC_TT_INT32
#define I64 TFLC_TT_INT64

/* ---- SOFTMAX ------------------------------------------------------------ */

static void ref_softmax(const float *x, size_t rows, size_t depth, double beta,
                        float *y) {
  for (size_t r = 0; r < rows; r++) {
    const float *xr = x + r * depth;
    double m = xr[0], s = 0;
    for (size_t i = 1; i < depth; i++) m = xr[i] > m ? xr[i] : m;
    for (size_t i = 0; i < depth; i++) s += exp(beta * (xr[i] - m));
    for (size_t i = 0; i < depth; i++)
      y[r * depth + i] = (float)(exp(beta * (xr[i] - m)) / s);
  }
}

static void check_softmax(const int *shape, int rank, float beta, float lo,
                          float hi, const char *label) {
  size_t n = oo_count(shape, rank);
  size_t depth = rank ? (size_t)shape[rank - 1] : 1;
  size_t rows = depth ? n / depth : 0;
  if (depth == 0) {
    rows = 1;
    for (int i = 0; i < rank - 1; i++) rows *= (size_t)shape[i];
  }
  float *x = malloc(n * 4 + 4), *want = malloc(n * 4 + 4);
  oo_fill_f32(x, n, lo, hi);
  if (depth) ref_softmax(x, rows, depth, beta, want);
  tflc_opt_field f = tm_opt_f32(0, beta);
  oo_tensor in = oo_in(F32, shape, rank, x);
  oo_op op = {.op = TFLC_OP_SOFTMAX,
              .bo = TFLC_BO_SOFTMAX,
              .fields = &f,
              .n_fields = 1,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(F32, shape, rank)};
  oo_run_expect_f32(&op, shape, rank, want, n, 2e-6, label);
  free(x);
  free(want);
}

static void test_softmax(void) {
  /* Hand: [1, 2, 3] -> e^(x-3) / sum. */
  static const float x[3] = {1, 2, 3};
  static const int s3[1] = {3};
  double e1 = exp(-2.0), e2 = exp(-1.0), s = e1 + e2 + 1.0;
  float want[3] = {(float)(e1 / s), (float)(e2 / s), (float)(1.0 / s)};
  tflc_opt_field f = tm_opt_f32(0, 1.0f);
  oo_tensor in = oo_in(F32, s3, 1, x);
  oo_op op = {.op = TFLC_OP_SOFTMAX,
              .bo = TFLC_BO_SOFTMAX,
              .fields = &f,
              .n_fields = 1,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(F32, s3, 1)};
  oo_run_expect_f32(&op, s3, 1, want, 3, 1e-6, "softmax hand");
  /* Large inputs stay finite thanks to the max subtraction. */
  static const float big[3] = {1000, 1001, 1002};
  in.data = big;
  oo_run_expect_f32(&op, s3, 1, want, 3, 1e-6, "softmax large inputs");
  /* No options: beta reads as the schema default 0 -> uniform. */
  oo_op op0 = op;
  op0.bo = 0;
  op0.fields = NULL;
  op0.n_fields = 0;
  static const float third[3] = {1.0f / 3, 1.0f / 3, 1.0f / 3};
  oo_run_expect_f32(&op0, s3, 1, third, 3, 1e-6, "softmax beta default");

  static const int s235[3] = {2, 3, 5}, s17[2] = {1, 17}, s4d[4] = {2, 2, 2, 3};
  check_softmax(s235, 3, 1.0f, -5, 5, "softmax 3-D");
  check_softmax(s235, 3, 0.7f, -20, 20, "softmax beta 0.7");
  check_softmax(s17, 2, 2.5f, -3, 3, "softmax beta 2.5");
  check_softmax(s4d, 4, 1.0f, -1, 1, "softmax 4-D");
  static const int s05[2] = {0, 5}, s30[2] = {3, 0}, s1[1] = {1};
  check_softmax(s05, 2, 1.0f, -1, 1, "softmax zero rows");
  check_softmax(s30, 2, 1.0f, -1, 1, "softmax zero depth");
  check_softmax(s1, 1, 1.0f, -1, 1, "softmax one element");

  /* Errors. */
  float sc = 1.0f / 256;
  int64_t zp = -128;
  oo_tensor qi = oo_in(TFLC_TT_INT8, s3, 1, NULL);
  qi.n_quant = 1;
  qi.scales = &sc;
  qi.zero_points = &zp;
  oo_op eop = op;
  eop.inputs = &qi;
  eop.out = qi;
  int64_t zp0 = 0;
  eop.out.zero_points = &zp0; /* int8 SOFTMAX output must be (1/256, -128) */
  oo_expect_error(&eop, "SOFTMAX INT8 output 'out' must have scale",
                  "softmax int8");
  oo_tensor ii = oo_in(I32, s3, 1, NULL);
  eop.inputs = &ii;
  eop.out = oo_out_t(I32, s3, 1);
  oo_expect_error(&eop, "input type INT32 is not supported", "softmax int32");
  oo_tensor sc0 = oo_in(F32, s3, 0, NULL);
  eop.inputs = &sc0;
  eop.out = oo_out_t(F32, s3, 0);
  oo_expect_error(&eop, "rank >= 1", "softmax scalar");
}

/* ---- DEQUANTIZE --------------------------------------------------------- */

static void test_dequantize(void) {
  static const int s6[1] = {6};
  static const int8_t q8[6] = {-128, -3, 0, 1, 100, 127};
  float sc = 0.5f;
  int64_t zp = -3;
  float want[6];
  for (int i = 0; i < 6; i++) want[i] = 0.5f * (float)(q8[i] + 3);
  oo_tensor in = oo_in(TFLC_TT_INT8, s6, 1, q8);
  in.n_quant = 1;
  in.scales = &sc;
  in.zero_points = &zp;
  oo_op op = {.op = TFLC_OP_DEQUANTIZE,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(F32, s6, 1)};
  oo_run_expect_f32(&op, s6, 1, want, 6, 0, "dequantize int8");
  in.is_const = 1;
  oo_run_expect_f32(&op, s6, 1, want, 6, 0, "dequantize int8 constant");

  static const uint8_t qu[6] = {0, 1, 127, 128, 200, 255};
  float scu = 0.02f;
  int64_t zpu = 128;
  for (int i = 0; i < 6; i++) want[i] = 0.02f * (float)(qu[i] - 128);
  in = oo_in(TFLC_TT_UINT8, s6, 1, qu);
  in.n_quant = 1;
  in.scales = &scu;
  in.zero_points = &zpu;
  oo_run_expect_f32(&op, s6, 1, want, 6, 1e-7, "dequantize uint8");

  static const int16_t q16[6] = {-32768, -1, 0, 1, 1000, 32767};
  float sc16 = 0.001f;
  int64_t zp16 = 0;
  for (int i = 0; i < 6; i++) want[i] = 0.001f * (float)q16[i];
  in = oo_in(TFLC_TT_INT16, s6, 1, q16);
  in.n_quant = 1;
  in.scales = &sc16;
  in.zero_points = &zp16;
  oo_run_expect_f32(&op, s6, 1, want, 6, 1e-7, "dequantize int16");

  /* float16 bit patterns: 1, -2, 1/3 (rounded), 65504, smallest subnormal,
   * +inf. */
  static const uint16_t h[6] = {0x3C00, 0xC000, 0x3555, 0x7BFF, 0x0001, 0x7C00};
  const float hw[6] = {
      1.0f, -2.0f, 0.333251953125f, 65504.0f, 5.9604644775390625e-8f, INFINITY};
  in = oo_const(TFLC_TT_FLOAT16, s6, 1, h);
  oo_run_expect_f32(&op, s6, 1, hw, 6, 0, "dequantize float16 constant");
  in.is_const = 0;
  oo_run_expect_f32(&op, s6, 1, hw, 6, 0, "dequantize float16");

  /* Per channel, constant weights [3, 2]: along dim 0 and along dim 1. */
  static const int s32[2] = {3, 2};
  static const int8_t w[6] = {10, -10, 20, -20, 127, -127};
  static const float scales3[3] = {0.1f, 0.2f, 0.3f};
  static const int64_t zps3[3] = {0, 1, -1};
  float want0[6];
  for (int i = 0; i < 6; i++)
    want0[i] = scales3[i / 2] * (float)(w[i] - zps3[i / 2]);
  in = oo_const(TFLC_TT_INT8, s32, 2, w);
  in.n_quant = 3;
  in.scales = scales3;
  in.zero_points = zps3;
  in.qdim = 0;
  op.out = oo_out_t(F32, s32, 2);
  oo_run_expect_f32(&op, s32, 2, want0, 6, 1e-7,
                    "dequantize per-channel dim 0");
  static const float scales2[2] = {0.5f, 0.25f};
  static const int64_t zps2[2] = {0, 0};
  float want1[6];
  for (int i = 0; i < 6; i++) want1[i] = scales2[i % 2] * (float)w[i];
  in.n_quant = 2;
  in.scales = scales2;
  in.zero_points = zps2;
  in.qdim = 1;
  oo_run_expect_f32(&op, s32, 2, want1, 6, 1e-7,
                    "dequantize per-channel dim 1");

  /* Zero-size. */
  static const int s0[2] = {0, 4};
  in = oo_in(TFLC_TT_INT8, s0, 2, NULL);
  in.n_quant = 1;
  in.scales = &sc;
  in.zero_points = &zp;
  op.out = oo_out_t(F32, s0, 2);
  oo_run_expect_f32(&op, s0, 2, NULL, 0, 0, "dequantize zero-size");

  /* Errors. */
  in = oo_in(F32, s6, 1, NULL);
  op.out = oo_out_t(F32, s6, 1);
  oo_expect_error(&op, "input type FLOAT32 is not supported",
                  "dequantize float32");
  in = oo_in(TFLC_TT_INT8, s6, 1, NULL);
  oo_expect_error(&op, "INT8 input has no quantization parameters",
                  "dequantize no quant");
  in.n_quant = 1;
  in.scales = &sc;
  in.zero_points = &zp;
  op.out = oo_out_t(I32, s6, 1);
  oo_expect_error(&op, "output type INT32 is not supported",
                  "dequantize out type");
}

/* ---- reductions --------------------------------------------------------- */

enum { R_SUM, R_MEAN, R_MAX, R_MIN, R_PROD };
static const int32_t r_ops[5] = {TFLC_OP_SUM, TFLC_OP_MEAN, TFLC_OP_REDUCE_MAX,
                                 TFLC_OP_REDUCE_MIN, TFLC_OP_REDUCE_PROD};
static const char *const r_names[5] = {"sum", "mean", "max", "min", "prod"};

/* Reference: per output element, walk every input element whose kept
 * coordinates match. Values are small so double/int64 are exact enough. */
static void ref_reduce(int kind, int8_t tt, const int *s, int r, const void *in,
                       const int *reduced, void *out, size_t ocount) {
  size_t n = oo_count(s, r);
  for (size_t o = 0; o < ocount; o++) {
    double acc = kind == R_PROD ? 1 : 0;
    long long iacc = kind == R_PROD ? 1 : 0;
    double fm = kind == R_MAX ? -FLT_MAX : FLT_MAX;
    long long im = kind == R_MAX ? (tt == I32 ? INT32_MIN : INT64_MIN)
                                 : (tt == I32 ? INT32_MAX : INT64_MAX);
    size_t cnt = 0;
    for (size_t k = 0; k < n; k++) {
      /* output index of input element k */
      size_t rem = k, oi = 0, mul = 1;
      for (int i = r - 1; i >= 0; i--) {
        size_t c = rem % (size_t)s[i];
        rem /= (size_t)s[i];
        if (!reduced[i]) {
          oi += c * mul;
          mul *= (size_t)s[i];
        }
      }
      if (oi != o) continue;
      cnt++;
      double v;
      long long iv;
      if (tt == F32) {
        v = ((const float *)in)[k];
        iv = 0;
      } else if (tt == I32) {
        iv = ((const int32_t *)in)[k];
        v = (double)iv;
      } else {
        iv = ((const int64_t *)in)[k];
        v = (double)iv;
      }
      switch (kind) {
        case R_SUM:
        case R_MEAN:
          acc += v;
          iacc += iv;
          break;
        case R_PROD:
          acc *= v;
          iacc *= iv;
          break;
        case R_MAX:
          if (v > fm) fm = v;
          if (iv > im) im = iv;
          break;
        default:
          if (v < fm) fm = v;
          if (iv < im) im = iv;
          break;
      }
    }
    if (tt == F32) {
      float res = kind == R_MAX || kind == R_MIN ? (float)fm
                  : kind == R_MEAN               ? (float)(acc / (double)cnt)
                                                 : (float)acc;
      ((float *)out)[o] = res;
    } else {
      long long res = kind == R_MAX || kind == R_MIN ? im
                      : kind == R_MEAN ? (cnt ? iacc / (long long)cnt : 0)
                                       : iacc;
      if (tt == I32)
        ((int32_t *)out)[o] = (int32_t)res;
      else
        ((int64_t *)out)[o] = (int64_t)res;
    }
  }
}

static void check_reduce(int kind, int8_t tt, const int *s, int r,
                         const int32_t *axes, int n_axes, int axes_scalar,
                         int keep, const char *label) {
  size_t n = oo_count(s, r);
  size_t esz = oo_tt_size(tt);
  void *in = malloc(n * esz + 8);
  for (size_t i = 0; i < n; i++) {
    float v = oo_randf(-3, 3);
    if (kind == R_PROD) v = oo_randf(0.5f, 1.5f) * (v < 0 ? -1 : 1);
    if (tt == F32)
      ((float *)in)[i] = v;
    else if (tt == I32)
      ((int32_t *)in)[i] = (int32_t)(v * (kind == R_PROD ? 2 : 100));
    else
      ((int64_t *)in)[i] = (int64_t)(v * (kind == R_PROD ? 2 : 1e11));
  }
  int reduced[8] = {0};
  for (int i = 0; i < n_axes; i++)
    reduced[axes[i] < 0 ? axes[i] + r : axes[i]] = 1;
  int os[8], orank = 0;
  for (int i = 0; i < r; i++) {
    if (!reduced[i])
      os[orank++] = s[i];
    else if (keep)
      os[orank++] = 1;
  }
  size_t ocount = oo_count(os, orank);
  void *want = malloc(ocount * esz + 8);
  ref_reduce(kind, tt, s, r, in, reduced, want, ocount);
  int as[1] = {n_axes};
  oo_tensor ins[2] = {oo_in(tt, s, r, in),
                      oo_const(I32, as, axes_scalar ? 0 : 1, axes)};
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_BOOL, keep);
  oo_op op = {.op = r_ops[kind],
              .bo = TFLC_BO_REDUCER,
              .fields = &f,
              .n_fields = 1,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(tt, os, orank)};
  if (tt == F32)
    oo_run_expect_f32(&op, os, orank, want, ocount, 1e-5, label);
  else
    oo_run_expect(&op, os, orank, want, ocount * esz, label);
  free(in);
  free(want);
}

static void test_reduce(void) {
  static const int s234[3] = {2, 3, 4}, s5[1] = {5}, s4d[4] = {2, 3, 2, 5};
  static const int32_t a1[1] = {1}, a02[2] = {0, 2}, am1[1] = {-1},
                       arep[3] = {1, 1, -2}, aall[3] = {0, 1, 2},
                       a4[2] = {1, 2}, a4b[2] = {3, 0}, a0[1] = {0};
  static const int8_t tts[3] = {F32, I32, I64};
  char label[96];
  for (int kind = 0; kind < 5; kind++)
    for (int t = 0; t < 3; t++)
      for (int keep = 0; keep <= 1; keep++) {
#define RC(S, R, A, N, SC, what)                                     \
  do {                                                               \
    snprintf(label, sizeof label, "%s %s keep %d %s", r_names[kind], \
             tts[t] == F32   ? "f32"                                 \
             : tts[t] == I32 ? "i32"                                 \
                             : "i64",                                \
             keep, what);                                            \
    check_reduce(kind, tts[t], S, R, A, N, SC, keep, label);         \
  } while (0)
        RC(s234, 3, a1, 1, 0, "axis 1");
        RC(s234, 3, a02, 2, 0, "axes 0,2");
        RC(s234, 3, am1, 1, 0, "axis -1");
        RC(s234, 3, am1, 1, 1, "scalar axis -1");
        RC(s234, 3, arep, 3, 0, "repeated axes");
        RC(s234, 3, aall, 3, 0, "all axes");
        RC(s234, 3, NULL, 0, 0, "no axes");
        RC(s4d, 4, a4, 2, 0, "4-D axes 1,2");
        RC(s4d, 4, a4b, 2, 0, "4-D axes 3,0");
        RC(s5, 1, a0, 1, 0, "1-D");
#undef RC
      }

  /* Integer mean truncates toward zero. */
  static const int32_t im[4] = {-3, -4, 3, 4};
  static const int32_t im_want[2] = {-3, 3};
  static const int s22[2] = {2, 2}, s2[1] = {2}, s1[1] = {1};
  oo_tensor ins[2] = {oo_in(I32, s22, 2, im), oo_const(I32, s1, 1, a1)};
  oo_op op = {.op = TFLC_OP_MEAN,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(I32, s2, 1)};
  oo_run_expect(&op, s2, 1, im_want, sizeof im_want, "mean int32 truncation");

  /* Empty reductions: [2, 0] over axis 1. */
  static const int s20[2] = {2, 0};
  ins[0] = oo_in(F32, s20, 2, NULL);
  op.out = oo_out_t(F32, s2, 1);
  const float nan2[2] = {NAN, NAN}, zero2[2] = {0, 0}, one2[2] = {1, 1},
              lo2[2] = {-FLT_MAX, -FLT_MAX}, hi2[2] = {FLT_MAX, FLT_MAX};
  const float *fw[5] = {zero2, nan2, lo2, hi2, one2};
  for (int kind = 0; kind < 5; kind++) {
    op.op = r_ops[kind];
    snprintf(label, sizeof label, "%s f32 empty", r_names[kind]);
    oo_run_expect_f32(&op, s2, 1, fw[kind], 2, 0, label);
  }
  ins[0] = oo_in(I32, s20, 2, NULL);
  op.out = oo_out_t(I32, s2, 1);
  static const int32_t iw[5][2] = {
      {0, 0}, {0, 0}, {INT32_MIN, INT32_MIN}, {INT32_MAX, INT32_MAX}, {1, 1}};
  for (int kind = 0; kind < 5; kind++) {
    op.op = r_ops[kind];
    snprintf(label, sizeof label, "%s i32 empty", r_names[kind]);
    oo_run_expect(&op, s2, 1, iw[kind], 8, label);
  }
  /* Zero-size output: [0, 3] over axis 1. */
  static const int s03[2] = {0, 3}, s0[1] = {0};
  ins[0] = oo_in(F32, s03, 2, NULL);
  op.out = oo_out_t(F32, s0, 1);
  op.op = TFLC_OP_SUM;
  oo_run_expect_f32(&op, s0, 1, NULL, 0, 0, "sum zero-size output");
  /* Empty axes given without data are fine (values do not matter). */
  static const float x4[4] = {1, 2, 3, 4};
  ins[0] = oo_in(F32, s22, 2, x4);
  ins[1] = oo_in(I32, s0, 1, NULL);
  op.out = oo_out_t(F32, s22, 2);
  oo_run_expect_f32(&op, s22, 2, x4, 4, 0, "sum empty runtime axes");

  /* Errors. */
  ins[0] = oo_in(F32, s234, 3, NULL);
  op.out = oo_out_t(F32, s2, 1);
  static const int32_t a3[1] = {3}, am4[1] = {-4};
  ins[1] = oo_const(I32, s1, 1, a3);
  oo_expect_error(&op, "axis 3 is out of range for rank 3", "reduce axis 3");
  ins[1] = oo_const(I32, s1, 1, am4);
  op.op = TFLC_OP_REDUCE_MAX;
  oo_expect_error(&op, "axis -4 is out of range", "reduce axis -4");
  /* Axes from a graph input: read at invoke (dynamic output). */
  {
    static const float x234[24] = {1,  2,  3,  4,  5,  6,  7,  8,
                                   9,  10, 11, 12, 13, 14, 15, 16,
                                   17, 18, 19, 20, 21, 22, 23, 24};
    static const int s24[2] = {2, 4}, s23[2] = {2, 3};
    static const float w_ax1[8] = {9, 10, 11, 12, 21, 22, 23, 24};
    static const float w_ax2[6] = {4, 8, 12, 16, 20, 24};
    oo_tensor dins[2] = {oo_in(F32, s234, 3, x234), oo_in(I32, s1, 1, a1)};
    oo_op dop = {.op = TFLC_OP_REDUCE_MAX,
                 .inputs = dins,
                 .n_inputs = 2,
                 .out = oo_out_t(F32, s2, 1)};
    oo_run r;
    if (oo_build(&dop, &r) == 0) {
      CHECK_EQ_INT(oo_invoke(&dop, &r), kTfLiteOk);
      const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(r.it, 0);
      if (oo_check_shape(o, s24, 2, "reduce runtime axes"))
        oo_check_f32(o, w_ax1, 8, 0, "reduce runtime axes");
      int32_t two = -1;
      memcpy(TfLiteTensorData(TfLiteInterpreterGetInputTensor(r.it, 1)), &two,
             4);
      CHECK_EQ_INT(TfLiteInterpreterInvoke(r.it), kTfLiteOk);
      o = TfLiteInterpreterGetOutputTensor(r.it, 0);
      if (oo_check_shape(o, s23, 2, "reduce runtime axes re-invoke"))
        oo_check_f32(o, w_ax2, 6, 0, "reduce runtime axes re-invoke");
      int32_t bad = 5;
      memcpy(TfLiteTensorData(TfLiteInterpreterGetInputTensor(r.it, 1)), &bad,
             4);
      CHECK_EQ_INT(TfLiteInterpreterInvoke(r.it), kTfLiteError);
      CHECK_CONTAINS(r.err, "axis 5 is out of range for rank 3");
    } else {
      CHECK_MSG(0, "reduce runtime axes: build failed: %s", r.err);
    }
    oo_free(&r);
  }
  static const float af[1] = {1};
  ins[1] = oo_const(F32, s1, 1, af);
  oo_expect_error(&op, "axes type FLOAT32 is not supported", "reduce axes f");
  static const int s11[2] = {1, 1};
  ins[1] = oo_const(I32, s11, 2, a1);
  oo_expect_error(&op, "axes must be a scalar or 1-D", "reduce axes 2-D");
  ins[1] = oo_const(I32, s1, 1, a1);
  float sc = 0.5f;
  int64_t zp = 0;
  ins[0] = oo_in(TFLC_TT_INT8, s234, 3, NULL);
  ins[0].n_quant = 1;
  ins[0].scales = &sc;
  ins[0].zero_points = &zp;
  op.out = oo_out_t(TFLC_TT_INT8, s2, 1);
  op.out.n_quant = 1;
  float bad_scale = 0.0f;
  op.out.scales = &bad_scale;
  op.out.zero_points = &zp;
  op.op = TFLC_OP_MEAN;
  oo_expect_error(&op, "tensor 'out' has an invalid quantization scale 0",
                  "mean int8 bad output scale");
  ins[0] = oo_in(TFLC_TT_BOOL, s234, 3, NULL);
  op.out = oo_out_t(TFLC_TT_BOOL, s2, 1);
  op.op = TFLC_OP_REDUCE_PROD;
  oo_expect_error(&op, "input type BOOL is not supported", "prod bool");
  ins[0] = oo_in(F32, s234, 3, NULL);
  op.out = oo_out_t(I32, s2, 1);
  op.op = TFLC_OP_REDUCE_MIN;
  oo_expect_error(&op, "output type INT32 differs", "min out type");
}

/* ---- CAST --------------------------------------------------------------- */

static void cast_case(int8_t tin, const void *in, int8_t tout, const void *want,
                      int n, const char *label) {
  int s[1] = {n};
  oo_tensor x = oo_in(tin, s, 1, in);
  oo_op op = {.op = TFLC_OP_CAST,
              .inputs = &x,
              .n_inputs = 1,
              .out = oo_out_t(tout, s, 1)};
  oo_run_expect(&op, s, 1, want, (size_t)n * oo_tt_size(tout), label);
}

static void test_cast(void) {
  static const float f[8] = {1.9f, -1.9f, 0.5f, -0.5f, 3e9f, -3e9f, 0.0f, 7};
  static const int32_t f_i32[8] = {1, -1, 0, 0, INT32_MAX, INT32_MIN, 0, 7};
  cast_case(F32, f, I32, f_i32, 8, "cast f32->i32 (trunc, saturate)");
  static const int64_t f_i64[8] = {1, -1, 0, 0, 3000000000LL, -3000000000LL,
                                   0, 7};
  cast_case(F32, f, I64, f_i64, 8, "cast f32->i64");
  static const uint8_t f_u8[8] = {1, 0, 0, 0, 255, 0, 0, 7};
  cast_case(F32, f, TFLC_TT_UINT8, f_u8, 8, "cast f32->u8");
  static const int8_t f_i8[8] = {1, -1, 0, 0, 127, -128, 0, 7};
  cast_case(F32, f, TFLC_TT_INT8, f_i8, 8, "cast f32->i8");
  static const uint8_t f_b[8] = {1, 1, 1, 1, 1, 1, 0, 1};
  cast_case(F32, f, TFLC_TT_BOOL, f_b, 8, "cast f32->bool");
  const float nanv[2] = {NAN, -INFINITY};
  static const int32_t nan_i[2] = {0, INT32_MIN};
  cast_case(F32, nanv, I32, nan_i, 2, "cast nan/-inf->i32");

  static const int32_t i[6] = {0, 1, -1, 300, 16777217, INT32_MIN};
  static const float i_f[6] = {0, 1, -1, 300, 16777216.0f, -2147483648.0f};
  cast_case(I32, i, F32, i_f, 6, "cast i32->f32");
  static const int64_t i_l[6] = {0, 1, -1, 300, 16777217, INT32_MIN};
  cast_case(I32, i, I64, i_l, 6, "cast i32->i64");
  static const int8_t i_i8[6] = {0, 1, -1, 44, 1, 0};
  cast_case(I32, i, TFLC_TT_INT8, i_i8, 6, "cast i32->i8 (wrap)");
  static const uint8_t i_u8[6] = {0, 1, 255, 44, 1, 0};
  cast_case(I32, i, TFLC_TT_UINT8, i_u8, 6, "cast i32->u8 (wrap)");
  static const int16_t i_i16[6] = {0, 1, -1, 300, 1, 0};
  cast_case(I32, i, TFLC_TT_INT16, i_i16, 6, "cast i32->i16");
  static const uint8_t i_b[6] = {0, 1, 1, 1, 1, 1};
  cast_case(I32, i, TFLC_TT_BOOL, i_b, 6, "cast i32->bool");

  static const int64_t l[3] = {5000000000LL, -1, (1LL << 53) + 1};
  static const int32_t l_i[3] = {705032704, -1, 1};
  cast_case(I64, l, I32, l_i, 3, "cast i64->i32 (wrap)");
  static const float l_f[3] = {5e9f, -1.0f, 9007199254740992.0f};
  cast_case(I64, l, F32, l_f, 3, "cast i64->f32");

  static const uint8_t b[3] = {1, 0, 1};
  static const float b_f[3] = {1, 0, 1};
  cast_case(TFLC_TT_BOOL, b, F32, b_f, 3, "cast bool->f32");
  static const int32_t b_i[3] = {1, 0, 1};
  cast_case(TFLC_TT_BOOL, b, I32, b_i, 3, "cast bool->i32");
  static const uint8_t u[3] = {0, 128, 255};
  static const int32_t u_i[3] = {0, 128, 255};
  cast_case(TFLC_TT_UINT8, u, I32, u_i, 3, "cast u8->i32");
  static const int8_t u_i8[3] = {0, -128, -1};
  cast_case(TFLC_TT_UINT8, u, TFLC_TT_INT8, u_i8, 3, "cast u8->i8");
  static const int8_t s8[3] = {-128, -1, 5};
  static const float s8_f[3] = {-128, -1, 5};
  cast_case(TFLC_TT_INT8, s8, F32, s8_f, 3, "cast i8->f32");
  static const int16_t s16[3] = {-32768, -1, 5};
  static const int64_t s16_l[3] = {-32768, -1, 5};
  cast_case(TFLC_TT_INT16, s16, I64, s16_l, 3, "cast i16->i64");

  static const uint16_t h[4] = {0x3C00, 0xC000, 0x3555, 0x7BFF};
  static const float h_f[4] = {1.0f, -2.0f, 0.333251953125f, 65504.0f};
  cast_case(TFLC_TT_FLOAT16, h, F32, h_f, 4, "cast f16->f32");
  cast_case(F32, h_f, TFLC_TT_FLOAT16, h, 4, "cast f32->f16");
  static const int32_t h_i[4] = {1, -2, 0, 65504};
  cast_case(TFLC_TT_FLOAT16, h, I32, h_i, 4, "cast f16->i32");
  static const int32_t i_h_in[2] = {1, -2};
  cast_case(I32, i_h_in, TFLC_TT_FLOAT16, h, 2, "cast i32->f16");
  cast_case(F32, f, F32, f, 8, "cast f32->f32");
  cast_case(F32, NULL, I32, NULL, 0, "cast zero-size");

  /* Errors. */
  static const int s2[1] = {2};
  oo_tensor x = oo_in(TFLC_TT_COMPLEX64, s2, 1, NULL);
  oo_op op = {.op = TFLC_OP_CAST,
              .inputs = &x,
              .n_inputs = 1,
              .out = oo_out_t(F32, s2, 1)};
  oo_expect_error(&op, "input type COMPLEX64 is not supported", "cast c64");
  x = oo_in(F32, s2, 1, NULL);
  op.out = oo_out_t(TFLC_TT_STRING, s2, 1);
  oo_expect_error(&op, "output type STRING is not supported", "cast string");
}

int main(void) {
  test_softmax();
  test_dequantize();
  test_reduce();
  test_cast();
  return CHECK_DONE();
}
