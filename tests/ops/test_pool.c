/* Op tests of MAX_POOL_2D and AVERAGE_POOL_2D: one-op models built with the
 * project's writer, compared with hand-computed values and with a plain
 * reference written here (explicit SAME/VALID arithmetic, windows clipped to
 * the input, average over the in-bounds elements only), every fused
 * activation, zero-size tensors, and the errors prepare must report. */
#include "support/op_test.h"

/* ---- reference ---------------------------------------------------------- */

typedef struct pool_cfg {
  int max;     /* 1: max, 0: average */
  int padding; /* TFLC_PADDING_* */
  int fh, fw, sh, sw;
  int act;
} pool_cfg;

static float ref_act(float v, int act) {
  switch (act) {
    case TFLC_ACT_RELU: return v < 0 ? 0 : v;
    case TFLC_ACT_RELU6: return v < 0 ? 0 : (v > 6 ? 6 : v);
    case TFLC_ACT_RELU_N1_TO_1: return v < -1 ? -1 : (v > 1 ? 1 : v);
    default: return v;
  }
}

/* in: [n, h, w, c]; out: [n, oh, ow, c]. */
static void ref_pool(const pool_cfg *p, const float *in, int n, int h, int w,
                     int c, float *out, int *oh_, int *ow_) {
  int oh = ot_ref_out_size(p->padding, h, p->fh, p->sh, 1);
  int ow = ot_ref_out_size(p->padding, w, p->fw, p->sw, 1);
  int pt = 0, pl = 0;
  if (p->padding == TFLC_PADDING_SAME) {
    int th = (oh - 1) * p->sh + p->fh - h;
    int tw = (ow - 1) * p->sw + p->fw - w;
    pt = th > 0 ? th / 2 : 0;
    pl = tw > 0 ? tw / 2 : 0;
  }
  for (int b = 0; b < n; b++)
    for (int y = 0; y < oh; y++)
      for (int x = 0; x < ow; x++)
        for (int ch = 0; ch < c; ch++) {
          double acc = p->max ? -INFINITY : 0.0;
          int cnt = 0;
          for (int i = 0; i < p->fh; i++)
            for (int j = 0; j < p->fw; j++) {
              int iy = y * p->sh - pt + i, ix = x * p->sw - pl + j;
              if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
              double v = in[((b * h + iy) * w + ix) * c + ch];
              if (p->max) {
                if (v > acc) acc = v;
              } else {
                acc += v;
              }
              cnt++;
            }
          float r = p->max ? (float)acc : (float)(acc / cnt);
          out[((b * oh + y) * ow + x) * c + ch] = ref_act(r, p->act);
        }
  *oh_ = oh;
  *ow_ = ow;
}

/* ---- building ----------------------------------------------------------- */

static void pool_fields(const pool_cfg *p, tflc_opt_field f[6]) {
  f[0] = tm_opt_int(0, TFLC_OPT_I8, p->padding);
  f[1] = tm_opt_int(1, TFLC_OPT_I32, p->sw);
  f[2] = tm_opt_int(2, TFLC_OPT_I32, p->sh);
  f[3] = tm_opt_int(3, TFLC_OPT_I32, p->fw);
  f[4] = tm_opt_int(4, TFLC_OPT_I32, p->fh);
  f[5] = tm_opt_int(5, TFLC_OPT_I8, p->act);
}

/* Runs one pooling case on random data and compares with the reference. */
static void check_pool(const pool_cfg *p, int n, int h, int w, int c,
                       const char *label) {
  int in_shape[4] = {n, h, w, c};
  size_t count = (size_t)n * h * w * c;
  float *in = malloc((count ? count : 1) * sizeof(float));
  oo_fill_f32(in, count, -8.0f, 8.0f);
  int oh = ot_ref_out_size(p->padding, h, p->fh, p->sh, 1);
  int ow = ot_ref_out_size(p->padding, w, p->fw, p->sw, 1);
  size_t ocount = (size_t)n * oh * ow * c;
  float *want = malloc((ocount ? ocount : 1) * sizeof(float));
  ref_pool(p, in, n, h, w, c, want, &oh, &ow);
  int out_shape[4] = {n, oh, ow, c};

  tflc_opt_field f[6];
  pool_fields(p, f);
  oo_tensor x = {
      .tt = TFLC_TT_FLOAT32, .shape = in_shape, .rank = 4, .data = in};
  oo_op op = {.op = p->max ? TFLC_OP_MAX_POOL_2D : TFLC_OP_AVERAGE_POOL_2D,
              .bo = TFLC_BO_POOL_2D,
              .fields = f,
              .n_fields = 6,
              .inputs = &x,
              .n_inputs = 1,
              .out = {.tt = TFLC_TT_FLOAT32, .shape = out_shape, .rank = 4}};
  oo_run r;
  const TfLiteTensor *out = oo_run_op(&op, &r, label);
  if (out && oo_check_shape(out, out_shape, 4, label))
    oo_check_f32(out, want, ocount, 1e-5, label);
  oo_free(&r);
  free(in);
  free(want);
}

static void expect_pool_error(int max, const pool_cfg *p, int8_t tt,
                              const int *shape, int rank, const char *needle) {
  tflc_opt_field f[6];
  pool_fields(p, f);
  oo_tensor x = {.tt = tt, .shape = shape, .rank = rank};
  float one = 1.0f;
  int64_t zp = 0;
  if (tt == TFLC_TT_INT8) {
    x.n_quant = 1;
    x.scales = &one;
    x.zero_points = &zp;
  }
  oo_op op = {.op = max ? TFLC_OP_MAX_POOL_2D : TFLC_OP_AVERAGE_POOL_2D,
              .bo = TFLC_BO_POOL_2D,
              .fields = f,
              .n_fields = 6,
              .inputs = &x,
              .n_inputs = 1,
              .out = {.tt = tt, .shape = shape, .rank = rank}};
  if (tt == TFLC_TT_INT8) op.out = x;
  oo_expect_error(&op, needle, needle);
}

/* ---- cases -------------------------------------------------------------- */

static void test_hand_computed(void) {
  /* 1x4x4x1, 2x2 windows, stride 2, VALID. */
  static const float in[16] = {1, 2,  3,  4,  5,  6,  7,  8,
                               9, 10, 11, 12, 13, 14, 15, -16};
  static const int s_in[4] = {1, 4, 4, 1}, s_out[4] = {1, 2, 2, 1};
  pool_cfg p = {1, TFLC_PADDING_VALID, 2, 2, 2, 2, TFLC_ACT_NONE};
  tflc_opt_field f[6];
  pool_fields(&p, f);
  oo_tensor x = {.tt = TFLC_TT_FLOAT32, .shape = s_in, .rank = 4, .data = in};
  oo_op op = {.op = TFLC_OP_MAX_POOL_2D,
              .bo = TFLC_BO_POOL_2D,
              .fields = f,
              .n_fields = 6,
              .inputs = &x,
              .n_inputs = 1,
              .out = {.tt = TFLC_TT_FLOAT32, .shape = s_out, .rank = 4}};
  oo_run r;
  const TfLiteTensor *out = oo_run_op(&op, &r, "max 2x2 hand");
  static const float want_max[4] = {6, 8, 14, 15};
  if (out) oo_check_f32(out, want_max, 4, 0, "max 2x2 hand");
  oo_free(&r);

  op.op = TFLC_OP_AVERAGE_POOL_2D;
  out = oo_run_op(&op, &r, "avg 2x2 hand");
  static const float want_avg[4] = {3.5f, 5.5f, 11.5f, 5.5f};
  if (out) oo_check_f32(out, want_avg, 4, 1e-6, "avg 2x2 hand");
  oo_free(&r);

  /* SAME, 1x3x3x1, 3x3 window, stride 1: the corner averages only the 4
   * in-bounds elements. */
  static const float in3[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  static const int s3[4] = {1, 3, 3, 1};
  pool_cfg q = {0, TFLC_PADDING_SAME, 3, 3, 1, 1, TFLC_ACT_NONE};
  pool_fields(&q, f);
  oo_tensor x3 = {.tt = TFLC_TT_FLOAT32, .shape = s3, .rank = 4, .data = in3};
  oo_op op3 = {.op = TFLC_OP_AVERAGE_POOL_2D,
               .bo = TFLC_BO_POOL_2D,
               .fields = f,
               .n_fields = 6,
               .inputs = &x3,
               .n_inputs = 1,
               .out = {.tt = TFLC_TT_FLOAT32, .shape = s3, .rank = 4}};
  out = oo_run_op(&op3, &r, "avg SAME corner");
  static const float want3[9] = {3, 3.5f, 4, 4.5f, 5, 5.5f, 6, 6.5f, 7};
  if (out) oo_check_f32(out, want3, 9, 1e-6, "avg SAME corner");
  oo_free(&r);
}

static void test_reference(void) {
  static const int acts[4] = {TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU6,
                              TFLC_ACT_RELU_N1_TO_1};
  char label[128];
  for (int max = 0; max <= 1; max++) {
    for (int pad = 0; pad <= 1; pad++) {
      for (int a = 0; a < 4; a++) {
        pool_cfg p = {max, pad, 3, 2, 2, 1, acts[a]};
        snprintf(label, sizeof label, "%s pad %d act %d 2x5x7x3",
                 max ? "max" : "avg", pad, acts[a]);
        check_pool(&p, 2, 5, 7, 3, label);
      }
      pool_cfg big = {max, pad, 4, 3, 3, 2, TFLC_ACT_NONE};
      snprintf(label, sizeof label, "%s pad %d 1x11x9x5 f4x3 s3x2",
               max ? "max" : "avg", pad);
      check_pool(&big, 1, 11, 9, 5, label);
      pool_cfg global = {max, pad, 6, 6, 1, 1, TFLC_ACT_NONE};
      snprintf(label, sizeof label, "%s pad %d global 6x6", max ? "max" : "avg",
               pad);
      check_pool(&global, 2, 6, 6, 4, label);
      pool_cfg strided = {max, pad, 1, 1, 3, 3, TFLC_ACT_NONE};
      snprintf(label, sizeof label, "%s pad %d 1x1 stride 3",
               max ? "max" : "avg", pad);
      check_pool(&strided, 1, 7, 8, 2, label);
    }
  }
}

static void test_zero_size(void) {
  pool_cfg p = {1, TFLC_PADDING_SAME, 2, 2, 2, 2, TFLC_ACT_RELU};
  check_pool(&p, 0, 4, 4, 3, "max batch 0");
  p.max = 0;
  check_pool(&p, 0, 4, 4, 3, "avg batch 0");
  check_pool(&p, 1, 4, 4, 0, "avg channels 0");
  p.padding = TFLC_PADDING_VALID;
  check_pool(&p, 1, 0, 5, 2, "avg height 0");
  /* VALID with a filter larger than the input: no output rows. */
  pool_cfg big = {1, TFLC_PADDING_VALID, 5, 2, 1, 1, TFLC_ACT_NONE};
  check_pool(&big, 1, 3, 4, 2, "max filter taller than input");
}

static void test_errors(void) {
  static const int s4[4] = {1, 4, 4, 1}, s3[3] = {4, 4, 1};
  pool_cfg ok = {1, TFLC_PADDING_SAME, 2, 2, 2, 2, TFLC_ACT_NONE};
  expect_pool_error(1, &ok, TFLC_TT_FLOAT32, s3, 3, "must be 4-D");
  expect_pool_error(0, &ok, TFLC_TT_INT64, s4, 4, "INT64 is not supported");
  expect_pool_error(1, &ok, TFLC_TT_INT32, s4, 4, "INT32 is not supported");
  pool_cfg bad = ok;
  bad.sh = 0;
  expect_pool_error(1, &bad, TFLC_TT_FLOAT32, s4, 4, "stride_h 0 is invalid");
  bad = ok;
  bad.sw = -1;
  expect_pool_error(0, &bad, TFLC_TT_FLOAT32, s4, 4, "stride_w -1 is invalid");
  bad = ok;
  bad.fh = 0;
  expect_pool_error(0, &bad, TFLC_TT_FLOAT32, s4, 4,
                    "filter_height 0 is invalid");
  bad = ok;
  bad.fw = -2;
  expect_pool_error(1, &bad, TFLC_TT_FLOAT32, s4, 4,
                    "filter_width -2 is invalid");
  bad = ok;
  bad.act = TFLC_ACT_TANH;
  expect_pool_error(1, &bad, TFLC_TT_FLOAT32, s4, 4, "fused activation 4");
  bad = ok;
  bad.padding = 7;
  expect_pool_error(0, &bad, TFLC_TT_FLOAT32, s4, 4, "unknown padding 7");

  /* No options table: strides read as 0. */
  oo_tensor x = {.tt = TFLC_TT_FLOAT32, .shape = s4, .rank = 4};
  oo_op op = {.op = TFLC_OP_MAX_POOL_2D,
              .inputs = &x,
              .n_inputs = 1,
              .out = {.tt = TFLC_TT_FLOAT32, .shape = s4, .rank = 4}};
  oo_expect_error(&op, "is invalid", "no options");
  /* Output type differs. */
  tflc_opt_field f[6];
  pool_fields(&ok, f);
  oo_op op2 = {.op = TFLC_OP_AVERAGE_POOL_2D,
               .bo = TFLC_BO_POOL_2D,
               .fields = f,
               .n_fields = 6,
               .inputs = &x,
               .n_inputs = 1,
               .out = {.tt = TFLC_TT_INT32, .shape = s4, .rank = 4}};
  oo_expect_error(&op2, "output type INT32 differs", "output type");
}

/* Resizing the input re-runs prepare: the output follows. */
static void test_resize_input(void) {
  static const int s_in[4] = {1, 2, 2, 1}, s_out[4] = {1, 1, 1, 1};
  pool_cfg p = {0, TFLC_PADDING_VALID, 2, 2, 2, 2, TFLC_ACT_NONE};
  tflc_opt_field f[6];
  pool_fields(&p, f);
  oo_tensor x = {.tt = TFLC_TT_FLOAT32, .shape = s_in, .rank = 4};
  oo_op op = {.op = TFLC_OP_AVERAGE_POOL_2D,
              .bo = TFLC_BO_POOL_2D,
              .fields = f,
              .n_fields = 6,
              .inputs = &x,
              .n_inputs = 1,
              .out = {.tt = TFLC_TT_FLOAT32, .shape = s_out, .rank = 4}};
  oo_run r;
  if (oo_build(&op, &r) != 0) {
    CHECK_MSG(0, "resize: build failed: %s", r.err);
    oo_free(&r);
    return;
  }
  int nd[4] = {2, 4, 6, 1};
  CHECK_EQ_INT(TfLiteInterpreterResizeInputTensor(r.it, 0, nd, 4), kTfLiteOk);
  CHECK_EQ_INT(TfLiteInterpreterAllocateTensors(r.it), kTfLiteOk);
  float in[48];
  for (int i = 0; i < 48; i++) in[i] = (float)i;
  CHECK_EQ_INT(TfLiteTensorCopyFromBuffer(
                   TfLiteInterpreterGetInputTensor(r.it, 0), in, sizeof in),
               kTfLiteOk);
  CHECK_EQ_INT(TfLiteInterpreterInvoke(r.it), kTfLiteOk);
  const TfLiteTensor *out = TfLiteInterpreterGetOutputTensor(r.it, 0);
  static const int s_new[4] = {2, 2, 3, 1};
  float want[12];
  int oh, ow;
  ref_pool(&p, in, 2, 4, 6, 1, want, &oh, &ow);
  if (oo_check_shape(out, s_new, 4, "resize"))
    oo_check_f32(out, want, 12, 1e-6, "resize");
  oo_free(&r);
}

int main(void) {
  test_hand_computed();
  test_reference();
  test_zero_size();
  test_errors();
  test_resize_input();
  return CHECK_DONE();
}
