/* Op tests of the normalization kernels and the boolean reductions:
 * L2_NORMALIZATION, LOCAL_RESPONSE_NORMALIZATION, L2_POOL_2D, REDUCE_ANY and
 * REDUCE_ALL. One-op models built with the project's writer, compared with
 * plain references written here (double-precision formulas per element,
 * window walks, reductions by coordinate), over options, negative axes,
 * keep_dims, zero-size tensors, and the errors prepare must report. */
#include "support/op_test.h"

#define F32 TFLC_TT_FLOAT32
#define I32 TFLC_TT_INT32
#define I8 TFLC_TT_INT8
#define BOOL TFLC_TT_BOOL

/* ---- L2_NORMALIZATION --------------------------------------------------- */

static void l2norm_case(const int *shape, int rank, float scale,
                        const char *label) {
  float x[256], want[256];
  size_t n = oo_count(shape, rank);
  oo_fill_f32(x, n, -scale, scale);
  size_t depth = (size_t)shape[rank - 1];
  for (size_t r = 0; depth && r < n / depth; r++) {
    double sq = 0;
    for (size_t i = 0; i < depth; i++)
      sq += (double)x[r * depth + i] * x[r * depth + i];
    double norm = sqrt(sq);
    if (norm < 1e-6) norm = 1e-6;
    for (size_t i = 0; i < depth; i++)
      want[r * depth + i] = (float)(x[r * depth + i] / norm);
  }
  oo_tensor in = oo_in(F32, shape, rank, x);
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, TFLC_ACT_NONE);
  oo_op op = {.op = TFLC_OP_L2_NORMALIZATION,
              .bo = TFLC_BO_L2_NORM,
              .fields = &f,
              .n_fields = 1,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(F32, shape, rank)};
  oo_run_expect_f32(&op, shape, rank, want, n, 1e-5, label);
}

static void test_l2norm(void) {
  static const int s8[1] = {8}, s234[3] = {2, 3, 4}, s1235[4] = {1, 2, 3, 5};
  static const int s30[2] = {3, 0}, s04[2] = {0, 4};
  l2norm_case(s8, 1, 3.0f, "l2norm 1-D");
  l2norm_case(s234, 3, 1.0f, "l2norm 3-D");
  l2norm_case(s1235, 4, 10.0f, "l2norm 4-D");
  l2norm_case(s234, 3, 1e-8f, "l2norm tiny (epsilon)");
  /* Hand-computed: [3, 4] -> [0.6, 0.8]; zeros stay zeros. */
  static const int s22[2] = {2, 2};
  float x[4] = {3, 4, 0, 0}, w[4] = {0.6f, 0.8f, 0, 0};
  oo_tensor in = oo_in(F32, s22, 2, x);
  oo_op op = {.op = TFLC_OP_L2_NORMALIZATION,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(F32, s22, 2)};
  oo_run_expect_f32(&op, s22, 2, w, 4, 1e-6, "l2norm 3-4-5");
  in = oo_in(F32, s30, 2, NULL);
  op.out = oo_out_t(F32, s30, 2);
  oo_run_expect(&op, s30, 2, NULL, 0, "l2norm zero depth");
  in = oo_in(F32, s04, 2, NULL);
  op.out = oo_out_t(F32, s04, 2);
  oo_run_expect(&op, s04, 2, NULL, 0, "l2norm zero rows");
  /* Errors. */
  static const int s5d[5] = {1, 1, 1, 2, 2};
  in = oo_in(F32, s5d, 5, NULL);
  op.out = oo_out_t(F32, s5d, 5);
  oo_expect_error(&op, "input rank 5 is not supported (1 to 4)",
                  "l2norm rank 5");
  in = oo_in(F32, s22, 2, x);
  op.out = oo_out_t(F32, s22, 2);
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, TFLC_ACT_RELU);
  op.bo = TFLC_BO_L2_NORM;
  op.fields = &f;
  op.n_fields = 1;
  oo_expect_error(&op, "fused activation 1 is not supported", "l2norm relu");
  op.n_fields = 0;
  in = oo_in(I32, s22, 2, NULL);
  op.out = oo_out_t(I32, s22, 2);
  oo_expect_error(&op, "input type INT32 is not supported", "l2norm int32");
  float sc = 1.0f / 128;
  int64_t zp = 0;
  in = oo_in(I8, s22, 2, NULL);
  in.n_quant = 1;
  in.scales = &sc;
  in.zero_points = &zp;
  op.out = oo_out_t(I8, s22, 2);
  op.out.n_quant = 1;
  /* Quantized INT8 runs (tests/ops/test_quant_more2.c) with the fixed
   * output scale 1/128; another output scale is refused. */
  float sc_bad = 1.0f / 64;
  op.out.scales = &sc_bad;
  op.out.zero_points = &zp;
  oo_expect_error(&op, "must have scale", "l2norm int8");
}

/* ---- LOCAL_RESPONSE_NORMALIZATION --------------------------------------- */

static void lrn_case(const int *shape, int radius, float bias, float alpha,
                     float beta, const char *label) {
  float x[512], want[512];
  size_t n = oo_count(shape, 4);
  oo_fill_f32(x, n, -2.0f, 2.0f);
  int depth = shape[3];
  for (size_t r = 0; depth && r < n / (size_t)depth; r++) {
    for (int c = 0; c < depth; c++) {
      double sq = 0;
      for (int j = c - radius; j <= c + radius; j++)
        if (j >= 0 && j < depth)
          sq += (double)x[r * depth + j] * x[r * depth + j];
      want[r * depth + c] =
          (float)(x[r * depth + c] / pow(bias + alpha * sq, beta));
    }
  }
  oo_tensor in = oo_in(F32, shape, 4, x);
  tflc_opt_field f[4] = {tm_opt_int(0, TFLC_OPT_I32, radius),
                         tm_opt_f32(1, bias), tm_opt_f32(2, alpha),
                         tm_opt_f32(3, beta)};
  oo_op op = {.op = TFLC_OP_LOCAL_RESPONSE_NORMALIZATION,
              .bo = TFLC_BO_LOCAL_RESPONSE_NORMALIZATION,
              .fields = f,
              .n_fields = 4,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(F32, shape, 4)};
  oo_run_expect_f32(&op, shape, 4, want, n, 1e-5, label);
}

static void test_lrn(void) {
  static const int s1226[4] = {1, 2, 2, 6}, s2117[4] = {2, 1, 1, 7};
  static const int s1110[4] = {1, 1, 1, 10}, s0113[4] = {0, 1, 1, 3};
  lrn_case(s1226, 2, 1.0f, 0.5f, 0.75f, "lrn radius 2");
  lrn_case(s2117, 0, 2.0f, 1.0f, 0.5f, "lrn radius 0");
  lrn_case(s1110, 20, 1.0f, 0.1f, 1.0f, "lrn radius > depth");
  lrn_case(s1226, 1, 0.5f, 0.0001f, 0.75f, "lrn small alpha");
  lrn_case(s0113, 1, 1.0f, 1.0f, 1.0f, "lrn zero-size");
  /* Hand-computed: radius 1, bias 1, alpha 1, beta 1 on [1, 2]:
   * c0: 1 / (1 + 1 + 4) = 1/6, c1: 2 / 6 = 1/3. */
  static const int s1112[4] = {1, 1, 1, 2};
  float x[2] = {1, 2}, w[2] = {1.0f / 6, 1.0f / 3};
  oo_tensor in = oo_in(F32, s1112, 4, x);
  tflc_opt_field f[4] = {tm_opt_int(0, TFLC_OPT_I32, 1), tm_opt_f32(1, 1.0f),
                         tm_opt_f32(2, 1.0f), tm_opt_f32(3, 1.0f)};
  oo_op op = {.op = TFLC_OP_LOCAL_RESPONSE_NORMALIZATION,
              .bo = TFLC_BO_LOCAL_RESPONSE_NORMALIZATION,
              .fields = f,
              .n_fields = 4,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(F32, s1112, 4)};
  oo_run_expect_f32(&op, s1112, 4, w, 2, 1e-6, "lrn hand");
  /* Errors. */
  static const int s12[2] = {1, 2};
  in = oo_in(F32, s12, 2, x);
  op.out = oo_out_t(F32, s12, 2);
  oo_expect_error(&op, "input must be 4-D, got rank 2", "lrn rank");
  in = oo_in(F32, s1112, 4, x);
  op.out = oo_out_t(F32, s1112, 4);
  f[0] = tm_opt_int(0, TFLC_OPT_I32, -1);
  oo_expect_error(&op, "radius -1 is negative", "lrn radius");
  f[0] = tm_opt_int(0, TFLC_OPT_I32, 1);
  in = oo_in(I8, s1112, 4, NULL);
  op.out = oo_out_t(I8, s1112, 4);
  oo_expect_error(&op, "input type INT8 is not supported", "lrn int8");
}

/* ---- L2_POOL_2D --------------------------------------------------------- */

static void l2pool_case(const int *shape, int padding, int sh, int sw, int fh,
                        int fw, int act, const char *label) {
  float x[1024], want[1024];
  size_t n = oo_count(shape, 4);
  oo_fill_f32(x, n, -3.0f, 3.0f);
  int B = shape[0], H = shape[1], W = shape[2], C = shape[3];
  int oh, ow, pt = 0, pl = 0;
  if (padding == TFLC_PADDING_SAME) {
    oh = (H + sh - 1) / sh;
    ow = (W + sw - 1) / sw;
    int th = (oh - 1) * sh + fh - H, tw = (ow - 1) * sw + fw - W;
    pt = th > 0 ? th / 2 : 0;
    pl = tw > 0 ? tw / 2 : 0;
  } else {
    oh = H >= fh ? (H - fh) / sh + 1 : 0;
    ow = W >= fw ? (W - fw) / sw + 1 : 0;
  }
  size_t k = 0;
  for (int b = 0; b < B; b++)
    for (int y = 0; y < oh; y++)
      for (int xx = 0; xx < ow; xx++)
        for (int c = 0; c < C; c++) {
          double sq = 0;
          int cnt = 0;
          for (int dy = 0; dy < fh; dy++)
            for (int dx = 0; dx < fw; dx++) {
              int iy = y * sh - pt + dy, ix = xx * sw - pl + dx;
              if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
              double v = x[((size_t)(b * H + iy) * W + ix) * C + c];
              sq += v * v;
              cnt++;
            }
          double r = cnt ? sqrt(sq / cnt) : 0;
          if (act == TFLC_ACT_RELU6 && r > 6) r = 6;
          if (act == TFLC_ACT_RELU_N1_TO_1 && r > 1) r = 1;
          want[k++] = (float)r;
        }
  int os[4] = {B, oh, ow, C};
  oo_tensor in = oo_in(F32, shape, 4, x);
  tflc_opt_field f[6] = {
      tm_opt_int(0, TFLC_OPT_I8, padding), tm_opt_int(1, TFLC_OPT_I32, sw),
      tm_opt_int(2, TFLC_OPT_I32, sh),     tm_opt_int(3, TFLC_OPT_I32, fw),
      tm_opt_int(4, TFLC_OPT_I32, fh),     tm_opt_int(5, TFLC_OPT_I8, act)};
  oo_op op = {.op = TFLC_OP_L2_POOL_2D,
              .bo = TFLC_BO_POOL_2D,
              .fields = f,
              .n_fields = 6,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(F32, os, 4)};
  oo_run_expect_f32(&op, os, 4, want, k, 1e-5, label);
}

static void test_l2pool(void) {
  static const int s1443[4] = {1, 4, 4, 3}, s2573[4] = {2, 5, 7, 3};
  static const int s0442[4] = {0, 4, 4, 2}, s1111[4] = {1, 1, 1, 1};
  l2pool_case(s1443, TFLC_PADDING_VALID, 2, 2, 2, 2, TFLC_ACT_NONE,
              "l2pool valid 2x2");
  l2pool_case(s1443, TFLC_PADDING_SAME, 2, 2, 3, 3, TFLC_ACT_NONE,
              "l2pool same 3x3");
  l2pool_case(s2573, TFLC_PADDING_SAME, 1, 2, 3, 2, TFLC_ACT_RELU6,
              "l2pool same relu6");
  l2pool_case(s2573, TFLC_PADDING_VALID, 2, 3, 2, 3, TFLC_ACT_RELU_N1_TO_1,
              "l2pool valid relu_n1_to_1");
  l2pool_case(s0442, TFLC_PADDING_SAME, 1, 1, 2, 2, TFLC_ACT_NONE,
              "l2pool zero batch");
  l2pool_case(s1111, TFLC_PADDING_SAME, 1, 1, 3, 3, TFLC_ACT_NONE,
              "l2pool 1x1");
  /* Hand-computed: 2x2 window of [1, 2, 3, 4] -> sqrt(30 / 4). */
  static const int s1221[4] = {1, 2, 2, 1}, s1111o[4] = {1, 1, 1, 1};
  float x[4] = {1, -2, 3, 4}, w[1] = {sqrtf(7.5f)};
  oo_tensor in = oo_in(F32, s1221, 4, x);
  tflc_opt_field f[6] = {tm_opt_int(0, TFLC_OPT_I8, TFLC_PADDING_VALID),
                         tm_opt_int(1, TFLC_OPT_I32, 1),
                         tm_opt_int(2, TFLC_OPT_I32, 1),
                         tm_opt_int(3, TFLC_OPT_I32, 2),
                         tm_opt_int(4, TFLC_OPT_I32, 2),
                         tm_opt_int(5, TFLC_OPT_I8, 0)};
  oo_op op = {.op = TFLC_OP_L2_POOL_2D,
              .bo = TFLC_BO_POOL_2D,
              .fields = f,
              .n_fields = 6,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(F32, s1111o, 4)};
  oo_run_expect_f32(&op, s1111o, 4, w, 1, 1e-6, "l2pool hand");
  /* Errors (from the shared pooling prepare). */
  f[3] = tm_opt_int(3, TFLC_OPT_I32, 0);
  oo_expect_error(&op, "filter_width 0 is invalid", "l2pool filter 0");
  f[3] = tm_opt_int(3, TFLC_OPT_I32, 2);
  f[1] = tm_opt_int(1, TFLC_OPT_I32, 0);
  oo_expect_error(&op, "stride", "l2pool stride 0");
  f[1] = tm_opt_int(1, TFLC_OPT_I32, 1);
  in = oo_in(I8, s1221, 4, NULL);
  op.out = oo_out_t(I8, s1111o, 4);
  oo_expect_error(&op, "not supported", "l2pool int8");
  static const int s3[3] = {1, 2, 2};
  in = oo_in(F32, s3, 3, NULL);
  op.out = oo_out_t(F32, s3, 3);
  oo_expect_error(&op, "input must be 4-D", "l2pool rank 3");
}

/* ---- REDUCE_ANY / REDUCE_ALL -------------------------------------------- */

static void reduce_bool_case(int is_any, const int *shape, int rank,
                             const int32_t *axes, int n_axes, int keep,
                             const char *label) {
  uint8_t x[256], want[256];
  size_t n = oo_count(shape, rank);
  for (size_t i = 0; i < n; i++) x[i] = (uint8_t)((i * 7 + 3) % 5 != 0);
  int red[8] = {0};
  for (int i = 0; i < n_axes; i++)
    red[axes[i] < 0 ? axes[i] + rank : axes[i]] = 1;
  int os[8], orank = 0, ks[8];
  for (int i = 0; i < rank; i++) {
    ks[i] = red[i] ? 1 : shape[i];
    if (!red[i])
      os[orank++] = shape[i];
    else if (keep)
      os[orank++] = 1;
  }
  size_t no = oo_count(ks, rank);
  for (size_t o = 0; o < no; o++) want[o] = is_any ? 0 : 1;
  for (size_t i = 0; i < n; i++) {
    int c[8];
    for (int d = rank - 1, k = (int)i; d >= 0; d--) {
      c[d] = k % shape[d];
      k /= shape[d];
    }
    size_t o = 0;
    for (int d = 0; d < rank; d++)
      o = o * (size_t)ks[d] + (size_t)(red[d] ? 0 : c[d]);
    if (is_any)
      want[o] = want[o] || x[i];
    else
      want[o] = want[o] && x[i];
  }
  int as[1] = {n_axes};
  oo_tensor ins[2] = {oo_in(BOOL, shape, rank, x), oo_const(I32, as, 1, axes)};
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_BOOL, keep);
  oo_op op = {.op = is_any ? TFLC_OP_REDUCE_ANY : TFLC_OP_REDUCE_ALL,
              .bo = TFLC_BO_REDUCER,
              .fields = &f,
              .n_fields = 1,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(BOOL, os, orank)};
  oo_run_expect(&op, os, orank, want, oo_count(os, orank), label);
}

static void test_reduce_bool(void) {
  static const int s234[3] = {2, 3, 4}, s5[1] = {5}, s203[3] = {2, 0, 3};
  static const int32_t a1[1] = {1}, am1[1] = {-1}, a02[2] = {0, 2};
  static const int32_t a0[1] = {0}, arep[3] = {2, -1, 0};
  for (int any = 0; any <= 1; any++) {
    reduce_bool_case(any, s234, 3, a1, 1, 0, "reduce bool axis 1");
    reduce_bool_case(any, s234, 3, am1, 1, 1, "reduce bool axis -1 keep");
    reduce_bool_case(any, s234, 3, a02, 2, 0, "reduce bool axes 0,2");
    reduce_bool_case(any, s234, 3, arep, 3, 1, "reduce bool repeated keep");
    reduce_bool_case(any, s234, 3, NULL, 0, 0, "reduce bool no axes");
    reduce_bool_case(any, s5, 1, a0, 1, 0, "reduce bool all");
    reduce_bool_case(any, s203, 3, a1, 1, 0, "reduce bool empty reduction");
    reduce_bool_case(any, s203, 3, a02, 2, 1, "reduce bool zero-size out");
  }
  /* Hand-computed. */
  static const int s23[2] = {2, 3}, s2[1] = {2};
  static const uint8_t x[6] = {0, 0, 1, 1, 1, 1};
  static const uint8_t wany[2] = {1, 1}, wall[2] = {0, 1};
  oo_tensor ins[2] = {oo_in(BOOL, s23, 2, x), oo_const(I32, s2, 0, am1)};
  static const int s1[1] = {1};
  ins[1] = oo_const(I32, s1, 1, am1);
  oo_op op = {.op = TFLC_OP_REDUCE_ANY,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(BOOL, s2, 1)};
  oo_run_expect(&op, s2, 1, wany, 2, "reduce_any hand");
  op.op = TFLC_OP_REDUCE_ALL;
  oo_run_expect(&op, s2, 1, wall, 2, "reduce_all hand");
  /* Non-constant axes (dynamic output). */
  ins[1] = oo_in(I32, s1, 1, am1);
  oo_run_expect(&op, s2, 1, wall, 2, "reduce_all dynamic axes");
  op.op = TFLC_OP_REDUCE_ANY;
  oo_run_expect(&op, s2, 1, wany, 2, "reduce_any dynamic axes");
  op.op = TFLC_OP_REDUCE_ALL;
  ins[1] = oo_const(I32, s1, 1, am1);
  /* Errors. */
  float fx[6] = {0};
  ins[0] = oo_in(F32, s23, 2, fx);
  op.out = oo_out_t(F32, s2, 1);
  oo_expect_error(&op, "input type FLOAT32 is not supported (BOOL)",
                  "reduce_all float");
  ins[0] = oo_in(BOOL, s23, 2, x);
  op.out = oo_out_t(BOOL, s2, 1);
  static const int32_t a5[1] = {5};
  ins[1] = oo_const(I32, s1, 1, a5);
  oo_expect_error(&op, "axis 5 is out of range for rank 2", "reduce_all axis");
  /* SUM still refuses bool. */
  ins[1] = oo_const(I32, s1, 1, am1);
  op.op = TFLC_OP_SUM;
  oo_expect_error(&op, "input type BOOL is not supported", "sum bool");
}

int main(void) {
  test_l2norm();
  test_lrn();
  test_l2pool();
  test_reduce_bool();
  return CHECK_DONE();
}
