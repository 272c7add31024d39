/* Op tests of the float convolutions: CONV_2D (SAME/VALID, strides,
 * dilations, groups, every fused activation, optional bias, 1x1 fast path,
 * non-constant filter, zero-size tensors, input resizing), DEPTHWISE_CONV_2D
 * (multipliers, dilations), TRANSPOSE_CONV and MediaPipe's custom
 * Convolution2DTransposeBias. Each case builds a one-op model with the
 * project's writer, runs it through the C API and compares with a naive
 * reference written here (output-centric loops in double, padding computed
 * from the formulas), over random data with a fixed seed; then the errors
 * prepare must report. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/op_test.h"

extern const TfLiteRegistration kern_convolution_2d_transpose_bias;

/* ---- data and reference helpers ----------------------------------------- */

static uint32_t rng_state = 20240601u;
static float *rand_buf(size_t n) { return ot_lcg_floats(&rng_state, n, 1.0f); }
/* ---- one-op model building and running ---------------------------------- */

typedef struct io_spec {
  int8_t tt;
  const int *shape;
  int rank;
  const void *data; /* constant data, or NULL: a graph input */
  int omitted;      /* optional input left out (-1) */
} io_spec;

typedef struct op_spec {
  int32_t op;
  const char *custom; /* custom code (op == TFLC_OP_CUSTOM) */
  const void *custom_opts;
  size_t custom_size;
  uint8_t bo;
  const tflc_opt_field *fields;
  int n_fields;
  int n_in;
  io_spec in[4];
  const int *out_shape; /* declared output shape */
  int out_rank;
} op_spec;

/* Builds the spec's model: graph inputs are the non-constant inputs in
 * order; the custom op is registered through
 * TfLiteInterpreterOptionsAddCustomOp. 1 on success, else r->err says why. */
static int build(const op_spec *s, oo_run *r) {
  oo_tensor ins[4];
  for (int i = 0; i < s->n_in; i++) {
    const io_spec *io = &s->in[i];
    ins[i] = io->data ? oo_const(io->tt, io->shape, io->rank, io->data)
                      : oo_in(io->tt, io->shape, io->rank, NULL);
    if (io->omitted) ins[i].tt = -1;
  }
  const oo_op op = {s->op,
                    s->bo,
                    s->fields,
                    s->n_fields,
                    ins,
                    s->n_in,
                    oo_out_t(TFLC_TT_FLOAT32, s->out_shape, s->out_rank)};
  const oo_ext x = {
      .custom = s->custom,
      .custom_options = s->custom_opts,
      .custom_options_size = s->custom_size,
      .opts = {.custom_name = s->custom,
               .custom_reg =
                   s->custom ? &kern_convolution_2d_transpose_bias : NULL}};
  return oo_build_ext(&op, &x, r) == 0;
}

/* Feeds the graph inputs (host data of the non-constant inputs, in order). */
static int feed(oo_run *r, const op_spec *s, const void *const *host) {
  int gi = 0;
  for (int i = 0; i < s->n_in; i++) {
    const io_spec *io = &s->in[i];
    if (io->omitted || io->data) continue;
    size_t bytes = oo_count(io->shape, io->rank) * oo_tt_size(io->tt);
    TfLiteTensor *t = TfLiteInterpreterGetInputTensor(r->it, gi++);
    if (TfLiteTensorCopyFromBuffer(t, host[i], bytes) != kTfLiteOk) return 0;
  }
  return 1;
}

/* Runs a spec whose inputs are in host[] and checks it. */
static void run_check(const char *label, const op_spec *s,
                      const void *const *host, const int *ws, int wr,
                      const double *want, const double *tol) {
  oo_run r;
  int ok = build(s, &r);
  CHECK_MSG(ok, "%s: build failed: %s", label, r.err);
  if (!ok) {
    oo_free(&r);
    return;
  }
  CHECK_MSG(feed(&r, s, host), "%s: feed", label);
  CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "%s: invoke", label);
  ot_check_f32_tol(label, oo_out(&r, 0), ws, wr, want, tol);
  oo_free(&r);
}

/* Expects building to fail with a message containing needle. */
static void expect_error(const char *label, const op_spec *s,
                         const char *needle) {
  oo_run r;
  int ok = build(s, &r);
  CHECK_MSG(!ok, "%s: expected an error containing \"%s\"", label, needle);
  if (!ok) CHECK_CONTAINS(r.err, needle);
  oo_free(&r);
}

/* ---- CONV_2D ------------------------------------------------------------ */

typedef struct conv_case {
  int n, h, w, c;     /* input */
  int oc, kh, kw, fc; /* filter [oc, kh, kw, fc]; groups = c / fc */
  int sh, sw, dh, dw;
  int padding, act;
  int bias;         /* 0: omitted, 1: present, 2: 2 inputs only */
  int filter_input; /* filter is a graph input, not a constant */
} conv_case;

static void ref_conv(const conv_case *k, const float *in, const float *f,
                     const float *b, int oh, int ow, double *want,
                     double *tol) {
  int ph = ot_ref_pad_before(k->h, k->kh, k->sh, k->dh, oh);
  int pw = ot_ref_pad_before(k->w, k->kw, k->sw, k->dw, ow);
  int groups = k->fc ? k->c / k->fc : 1;
  int ocg = k->oc / groups;
  size_t idx = 0;
  for (int n = 0; n < k->n; n++)
    for (int y = 0; y < oh; y++)
      for (int x = 0; x < ow; x++)
        for (int o = 0; o < k->oc; o++, idx++) {
          int g = o / ocg;
          double s = b ? b[o] : 0.0, mag = fabs(s);
          for (int ky = 0; ky < k->kh; ky++)
            for (int kx = 0; kx < k->kw; kx++)
              for (int ci = 0; ci < k->fc; ci++) {
                int iy = y * k->sh - ph + ky * k->dh;
                int ix = x * k->sw - pw + kx * k->dw;
                if (iy < 0 || iy >= k->h || ix < 0 || ix >= k->w) continue;
                double v = in[((size_t)(n * k->h + iy) * k->w + ix) * k->c +
                              g * k->fc + ci];
                double wv =
                    f[((size_t)(o * k->kh + ky) * k->kw + kx) * k->fc + ci];
                s += v * wv;
                mag += fabs(v * wv);
              }
          want[idx] = ot_ref_act(s, k->act);
          tol[idx] = 1e-5 * mag + 1e-6;
        }
}

static void conv_spec(const conv_case *k, op_spec *s, tflc_opt_field *f,
                      const float *filt, const float *bias, int *is, int *fs,
                      int *bs, int *os, int oh, int ow) {
  is[0] = k->n;
  is[1] = k->h;
  is[2] = k->w;
  is[3] = k->c;
  fs[0] = k->oc;
  fs[1] = k->kh;
  fs[2] = k->kw;
  fs[3] = k->fc;
  bs[0] = k->oc;
  os[0] = k->n;
  os[1] = oh;
  os[2] = ow;
  os[3] = k->oc;
  f[0] = tm_opt_int(0, TFLC_OPT_I8, k->padding);
  f[1] = tm_opt_int(1, TFLC_OPT_I32, k->sw);
  f[2] = tm_opt_int(2, TFLC_OPT_I32, k->sh);
  f[3] = tm_opt_int(3, TFLC_OPT_I8, k->act);
  f[4] = tm_opt_int(4, TFLC_OPT_I32, k->dw);
  f[5] = tm_opt_int(5, TFLC_OPT_I32, k->dh);
  memset(s, 0, sizeof(*s));
  s->op = TFLC_OP_CONV_2D;
  s->bo = TFLC_BO_CONV_2D;
  s->fields = f;
  s->n_fields = 6;
  s->n_in = k->bias == 2 ? 2 : 3;
  s->in[0] = (io_spec){TFLC_TT_FLOAT32, is, 4, NULL, 0};
  s->in[1] =
      (io_spec){TFLC_TT_FLOAT32, fs, 4, k->filter_input ? NULL : filt, 0};
  s->in[2] = (io_spec){TFLC_TT_FLOAT32, bs, 1, bias, k->bias != 1};
  s->out_shape = os;
  s->out_rank = 4;
}

static void check_conv(const char *label, const conv_case *k) {
  int oh = ot_ref_out_size(k->padding, k->h, k->kh, k->sh, k->dh);
  int ow = ot_ref_out_size(k->padding, k->w, k->kw, k->sw, k->dw);
  size_t nin = (size_t)k->n * k->h * k->w * k->c;
  size_t nf = (size_t)k->oc * k->kh * k->kw * k->fc;
  size_t nout = (size_t)k->n * oh * ow * k->oc;
  float *in = rand_buf(nin), *filt = rand_buf(nf), *bias = rand_buf(k->oc);
  /* Larger magnitudes so RELU6 and RELU_N1_TO_1 clamp both ways. */
  for (size_t i = 0; i < nin; i++) in[i] *= 3.0f;
  double *want = malloc((nout ? nout : 1) * sizeof(double));
  double *tol = malloc((nout ? nout : 1) * sizeof(double));
  ref_conv(k, in, filt, k->bias == 1 ? bias : NULL, oh, ow, want, tol);
  op_spec s;
  tflc_opt_field f[6];
  int is[4], fs[4], bs[1], os[4];
  conv_spec(k, &s, f, filt, bias, is, fs, bs, os, oh, ow);
  const void *host[3] = {in, filt, bias};
  run_check(label, &s, host, os, 4, want, tol);
  free(in);
  free(filt);
  free(bias);
  free(want);
  free(tol);
}

static void test_conv_2d(void) {
  const int acts[] = {TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU_N1_TO_1,
                      TFLC_ACT_RELU6};
  char label[128];
  /* Every padding x stride x dilation x activation on a small odd image. */
  for (int pad = 0; pad < 2; pad++)
    for (int st = 1; st <= 3; st++)
      for (int dil = 1; dil <= 2; dil++)
        for (int a = 0; a < 4; a++) {
          conv_case k = {2,   7, 6,   3,       5,
                         3,   2, 3,   st,      (st % 2) + 1,
                         dil, 1, pad, acts[a], (a % 2) ? 1 : 0,
                         0};
          snprintf(label, sizeof label,
                   "conv pad %d stride %d/%d dil %d act %d bias %d", pad, k.sh,
                   k.sw, dil, acts[a], k.bias);
          check_conv(label, &k);
        }
  /* 1x1 stride 1: the direct GEMM path, with and without groups. */
  check_conv("conv 1x1", &(conv_case){1, 5, 4, 8, 9, 1, 1, 8, 1, 1, 1, 1,
                                      TFLC_PADDING_VALID, TFLC_ACT_NONE, 1, 0});
  check_conv("conv 1x1 same groups",
             &(conv_case){2, 3, 3, 6, 4, 1, 1, 3, 1, 1, 1, 1, TFLC_PADDING_SAME,
                          TFLC_ACT_RELU, 1, 0});
  check_conv("conv 1x1 stride 2",
             &(conv_case){1, 5, 5, 4, 3, 1, 1, 4, 2, 2, 1, 1, TFLC_PADDING_SAME,
                          TFLC_ACT_NONE, 1, 0});
  /* Grouped 3x3 and depthwise-like (groups == channels). */
  check_conv("conv groups 2",
             &(conv_case){1, 6, 5, 4, 6, 3, 3, 2, 1, 1, 1, 1, TFLC_PADDING_SAME,
                          TFLC_ACT_NONE, 1, 0});
  check_conv("conv groups 4",
             &(conv_case){2, 5, 5, 4, 8, 3, 3, 1, 2, 1, 1, 2,
                          TFLC_PADDING_VALID, TFLC_ACT_RELU6, 1, 0});
  /* Two-input form (no bias slot at all), non-constant filter. */
  check_conv("conv 2 inputs",
             &(conv_case){1, 4, 4, 2, 3, 2, 2, 2, 1, 1, 1, 1, TFLC_PADDING_SAME,
                          TFLC_ACT_NONE, 2, 0});
  check_conv("conv filter input",
             &(conv_case){1, 4, 5, 3, 2, 3, 3, 3, 1, 1, 1, 1, TFLC_PADDING_SAME,
                          TFLC_ACT_NONE, 1, 1});
  /* Large enough for several im2col tiles (K = 3*3*64 = 576 -> 56 rows). */
  check_conv("conv tiles",
             &(conv_case){1, 12, 11, 64, 7, 3, 3, 64, 1, 1, 1, 1,
                          TFLC_PADDING_SAME, TFLC_ACT_NONE, 1, 0});
  /* Filter larger than the image (SAME), 1xK and Kx1 filters, big stride. */
  check_conv("conv filter > image",
             &(conv_case){1, 2, 3, 2, 2, 5, 5, 2, 1, 1, 1, 1, TFLC_PADDING_SAME,
                          TFLC_ACT_NONE, 1, 0});
  check_conv("conv 1x3", &(conv_case){1, 4, 9, 3, 4, 1, 3, 3, 1, 2, 1, 3,
                                      TFLC_PADDING_SAME, TFLC_ACT_NONE, 1, 0});
  check_conv("conv stride > kernel",
             &(conv_case){1, 9, 9, 2, 3, 2, 2, 2, 4, 4, 1, 1,
                          TFLC_PADDING_VALID, TFLC_ACT_NONE, 1, 0});
  /* Zero-size: batch 0, VALID filter that does not fit, 0 output channels. */
  check_conv("conv batch 0",
             &(conv_case){0, 4, 4, 2, 3, 3, 3, 2, 1, 1, 1, 1, TFLC_PADDING_SAME,
                          TFLC_ACT_NONE, 1, 0});
  check_conv("conv valid empty",
             &(conv_case){1, 2, 2, 2, 3, 3, 3, 2, 1, 1, 1, 1,
                          TFLC_PADDING_VALID, TFLC_ACT_NONE, 1, 0});
  check_conv("conv 0 out channels",
             &(conv_case){1, 3, 3, 2, 0, 3, 3, 2, 1, 1, 1, 1, TFLC_PADDING_SAME,
                          TFLC_ACT_NONE, 1, 0});
}

/* Resizing the input re-runs prepare: new output size and scratch. */
static void test_conv_resize(void) {
  conv_case k = {
      1, 4, 4, 3, 2, 3, 3, 3, 2, 2, 1, 1, TFLC_PADDING_SAME, TFLC_ACT_NONE,
      1, 0};
  int oh = ot_ref_out_size(k.padding, k.h, k.kh, k.sh, 1);
  int ow = ot_ref_out_size(k.padding, k.w, k.kw, k.sw, 1);
  float *filt = rand_buf(2 * 3 * 3 * 3), *bias = rand_buf(2);
  op_spec s;
  tflc_opt_field f[6];
  int is[4], fs[4], bs[1], os[4];
  conv_spec(&k, &s, f, filt, bias, is, fs, bs, os, oh, ow);
  oo_run r;
  int ok = build(&s, &r);
  CHECK_MSG(ok, "conv resize: %s", r.err);
  if (!ok) goto done;
  const int nd[4] = {2, 9, 7, 3};
  CHECK_EQ_INT(TfLiteInterpreterResizeInputTensor(r.it, 0, nd, 4), kTfLiteOk);
  CHECK_EQ_INT(TfLiteInterpreterAllocateTensors(r.it), kTfLiteOk);
  conv_case k2 = k;
  k2.n = 2;
  k2.h = 9;
  k2.w = 7;
  int oh2 = ot_ref_out_size(k2.padding, 9, 3, 2, 1),
      ow2 = ot_ref_out_size(k2.padding, 7, 3, 2, 1);
  size_t nin = 2 * 9 * 7 * 3, nout = (size_t)2 * oh2 * ow2 * 2;
  float *in = rand_buf(nin);
  double *want = malloc(nout * sizeof(double)),
         *tol = malloc(nout * sizeof(double));
  ref_conv(&k2, in, filt, bias, oh2, ow2, want, tol);
  CHECK_EQ_INT(
      TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(r.it, 0), in,
                                 nin * sizeof(float)),
      kTfLiteOk);
  CHECK_EQ_INT(TfLiteInterpreterInvoke(r.it), kTfLiteOk);
  const int ws[4] = {2, oh2, ow2, 2};
  ot_check_f32_tol("conv resize", oo_out(&r, 0), ws, 4, want, tol);
  free(in);
  free(want);
  free(tol);
done:
  oo_free(&r);
  free(filt);
  free(bias);
}

static void test_conv_errors(void) {
  float z[512] = {0};
  conv_case base = {
      1, 5, 5, 4, 2, 3, 3, 4, 1, 1, 1, 1, TFLC_PADDING_SAME, TFLC_ACT_NONE,
      1, 0};
  op_spec s;
  tflc_opt_field f[6];
  int is[4], fs[4], bs[1], os[4];
  conv_case k;

  k = base;
  k.sh = 0;
  conv_spec(&k, &s, f, z, z, is, fs, bs, os, 5, 5);
  expect_error("conv stride 0", &s, "stride");
  k = base;
  k.sw = -2;
  conv_spec(&k, &s, f, z, z, is, fs, bs, os, 5, 5);
  expect_error("conv stride -2", &s, "invalid");
  k = base;
  k.dh = 0;
  conv_spec(&k, &s, f, z, z, is, fs, bs, os, 5, 5);
  expect_error("conv dilation 0", &s, "dilation");
  k = base;
  k.padding = 7;
  conv_spec(&k, &s, f, z, z, is, fs, bs, os, 5, 5);
  expect_error("conv padding 7", &s, "padding");
  k = base;
  k.act = TFLC_ACT_TANH;
  conv_spec(&k, &s, f, z, z, is, fs, bs, os, 5, 5);
  expect_error("conv tanh", &s, "activation");
  k = base;
  k.fc = 3; /* 4 input channels, filter has 3 */
  conv_spec(&k, &s, f, z, z, is, fs, bs, os, 5, 5);
  expect_error("conv channels", &s, "multiple");
  k = base;
  k.fc = 2;
  k.oc = 3; /* 2 groups, 3 output channels */
  conv_spec(&k, &s, f, z, z, is, fs, bs, os, 5, 5);
  expect_error("conv groups", &s, "groups");

  /* Filter of rank 3. */
  conv_spec(&base, &s, f, z, z, is, fs, bs, os, 5, 5);
  s.in[1].rank = 3;
  expect_error("conv filter rank", &s, "filter has 3 dims, expected 4");
  /* Input of rank 3. */
  conv_spec(&base, &s, f, z, z, is, fs, bs, os, 5, 5);
  s.in[0].rank = 3;
  expect_error("conv input rank", &s, "input has 3 dims");
  /* Bias of the wrong size. */
  conv_spec(&base, &s, f, z, z, is, fs, bs, os, 5, 5);
  bs[0] = 3;
  expect_error("conv bias size", &s, "bias has 3 elements");
  /* Quantized input, hybrid filter. */
  conv_spec(&base, &s, f, z, z, is, fs, bs, os, 5, 5);
  s.in[0].tt = TFLC_TT_INT8;
  expect_error("conv int8", &s, "not supported");
  conv_spec(&base, &s, f, z, z, is, fs, bs, os, 5, 5);
  s.in[1].tt = TFLC_TT_INT8;
  expect_error("conv hybrid", &s, "hybrid");
  /* One input only. */
  conv_spec(&base, &s, f, z, z, is, fs, bs, os, 5, 5);
  s.n_in = 1;
  expect_error("conv 1 input", &s, "inputs");
}

/* ---- DEPTHWISE_CONV_2D -------------------------------------------------- */

typedef struct dw_case {
  int n, h, w, c, m; /* input and multiplier */
  int kh, kw, sh, sw, dh, dw;
  int padding, act, bias;
} dw_case;

static void dw_spec(const dw_case *k, op_spec *s, tflc_opt_field *f,
                    const float *filt, const float *bias, int *is, int *fs,
                    int *bs, int *os, int oh, int ow) {
  is[0] = k->n;
  is[1] = k->h;
  is[2] = k->w;
  is[3] = k->c;
  fs[0] = 1;
  fs[1] = k->kh;
  fs[2] = k->kw;
  fs[3] = k->c * k->m;
  bs[0] = k->c * k->m;
  os[0] = k->n;
  os[1] = oh;
  os[2] = ow;
  os[3] = k->c * k->m;
  f[0] = tm_opt_int(0, TFLC_OPT_I8, k->padding);
  f[1] = tm_opt_int(1, TFLC_OPT_I32, k->sw);
  f[2] = tm_opt_int(2, TFLC_OPT_I32, k->sh);
  f[3] = tm_opt_int(3, TFLC_OPT_I32, k->m);
  f[4] = tm_opt_int(4, TFLC_OPT_I8, k->act);
  f[5] = tm_opt_int(5, TFLC_OPT_I32, k->dw);
  f[6] = tm_opt_int(6, TFLC_OPT_I32, k->dh);
  memset(s, 0, sizeof(*s));
  s->op = TFLC_OP_DEPTHWISE_CONV_2D;
  s->bo = TFLC_BO_DEPTHWISE_CONV_2D;
  s->fields = f;
  s->n_fields = 7;
  s->n_in = 3;
  s->in[0] = (io_spec){TFLC_TT_FLOAT32, is, 4, NULL, 0};
  s->in[1] = (io_spec){TFLC_TT_FLOAT32, fs, 4, filt, 0};
  s->in[2] = (io_spec){TFLC_TT_FLOAT32, bs, 1, bias, !k->bias};
  s->out_shape = os;
  s->out_rank = 4;
}

static void check_dw(const char *label, const dw_case *k) {
  int oh = ot_ref_out_size(k->padding, k->h, k->kh, k->sh, k->dh);
  int ow = ot_ref_out_size(k->padding, k->w, k->kw, k->sw, k->dw);
  int ph = ot_ref_pad_before(k->h, k->kh, k->sh, k->dh, oh);
  int pw = ot_ref_pad_before(k->w, k->kw, k->sw, k->dw, ow);
  int oc = k->c * k->m;
  size_t nin = (size_t)k->n * k->h * k->w * k->c;
  size_t nf = (size_t)k->kh * k->kw * oc, nout = (size_t)k->n * oh * ow * oc;
  float *in = rand_buf(nin), *filt = rand_buf(nf), *bias = rand_buf(oc);
  for (size_t i = 0; i < nin; i++) in[i] *= 4.0f;
  double *want = malloc((nout ? nout : 1) * sizeof(double));
  double *tol = malloc((nout ? nout : 1) * sizeof(double));
  size_t idx = 0;
  for (int n = 0; n < k->n; n++)
    for (int y = 0; y < oh; y++)
      for (int x = 0; x < ow; x++)
        for (int o = 0; o < oc; o++, idx++) {
          int ci = o / k->m;
          double s = k->bias ? bias[o] : 0.0, mag = fabs(s);
          for (int ky = 0; ky < k->kh; ky++)
            for (int kx = 0; kx < k->kw; kx++) {
              int iy = y * k->sh - ph + ky * k->dh;
              int ix = x * k->sw - pw + kx * k->dw;
              if (iy < 0 || iy >= k->h || ix < 0 || ix >= k->w) continue;
              double v = in[((size_t)(n * k->h + iy) * k->w + ix) * k->c + ci];
              double wv = filt[((size_t)ky * k->kw + kx) * oc + o];
              s += v * wv;
              mag += fabs(v * wv);
            }
          want[idx] = ot_ref_act(s, k->act);
          tol[idx] = 1e-5 * mag + 1e-6;
        }
  op_spec s;
  tflc_opt_field f[7];
  int is[4], fs[4], bs[1], os[4];
  dw_spec(k, &s, f, filt, bias, is, fs, bs, os, oh, ow);
  const void *host[3] = {in, filt, bias};
  const int ws[4] = {k->n, oh, ow, oc};
  run_check(label, &s, host, ws, 4, want, tol);
  free(in);
  free(filt);
  free(bias);
  free(want);
  free(tol);
}

static void test_depthwise(void) {
  const int acts[] = {TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU_N1_TO_1,
                      TFLC_ACT_RELU6};
  char label[128];
  for (int pad = 0; pad < 2; pad++)
    for (int st = 1; st <= 2; st++)
      for (int dil = 1; dil <= 2; dil++)
        for (int m = 1; m <= 3; m += 2)
          for (int a = 0; a < 4; a++) {
            dw_case k = {2,  8,  7,   3,       m,   3,       3,
                         st, st, dil, 3 - dil, pad, acts[a], a != 2};
            snprintf(label, sizeof label,
                     "dwconv pad %d stride %d dil %d mult %d act %d", pad, st,
                     dil, m, acts[a]);
            check_dw(label, &k);
          }
  check_dw("dwconv 5x5 stride 2",
           &(dw_case){1, 11, 10, 16, 1, 5, 5, 2, 2, 1, 1, TFLC_PADDING_SAME,
                      TFLC_ACT_RELU6, 1});
  check_dw("dwconv 1 channel mult 8",
           &(dw_case){1, 6, 6, 1, 8, 3, 3, 1, 1, 1, 1, TFLC_PADDING_VALID,
                      TFLC_ACT_NONE, 1});
  check_dw("dwconv 1x1", &(dw_case){1, 3, 4, 5, 2, 1, 1, 1, 1, 1, 1,
                                    TFLC_PADDING_SAME, TFLC_ACT_NONE, 1});
  check_dw("dwconv batch 0", &(dw_case){0, 4, 4, 3, 1, 3, 3, 1, 1, 1, 1,
                                        TFLC_PADDING_SAME, TFLC_ACT_NONE, 1});
  check_dw("dwconv valid empty",
           &(dw_case){1, 2, 4, 3, 1, 3, 3, 1, 1, 1, 1, TFLC_PADDING_VALID,
                      TFLC_ACT_NONE, 1});

  float z[512] = {0};
  dw_case base = {
      1, 5, 5, 4, 2, 3, 3, 1, 1, 1, 1, TFLC_PADDING_SAME, TFLC_ACT_NONE, 1};
  op_spec s;
  tflc_opt_field f[7];
  int is[4], fs[4], bs[1], os[4];
  dw_case k;
  k = base;
  k.sw = 0;
  dw_spec(&k, &s, f, z, z, is, fs, bs, os, 5, 5);
  expect_error("dwconv stride 0", &s, "stride");
  k = base;
  k.dw = -1;
  dw_spec(&k, &s, f, z, z, is, fs, bs, os, 5, 5);
  expect_error("dwconv dilation -1", &s, "dilation");
  k = base;
  k.act = TFLC_ACT_SIGN_BIT;
  dw_spec(&k, &s, f, z, z, is, fs, bs, os, 5, 5);
  expect_error("dwconv sign bit", &s, "activation");
  dw_spec(&base, &s, f, z, z, is, fs, bs, os, 5, 5);
  fs[3] = 7; /* not a multiple of 4 input channels */
  bs[0] = 7;
  expect_error("dwconv channels", &s, "multiple");
  dw_spec(&base, &s, f, z, z, is, fs, bs, os, 5, 5);
  fs[0] = 2;
  expect_error("dwconv filter dim 0", &s, "expected 1");
  dw_spec(&base, &s, f, z, z, is, fs, bs, os, 5, 5);
  s.in[1].rank = 2;
  expect_error("dwconv filter rank", &s, "filter has 2 dims");
  dw_spec(&base, &s, f, z, z, is, fs, bs, os, 5, 5);
  bs[0] = 4;
  expect_error("dwconv bias", &s, "bias has 4 elements");
  dw_spec(&base, &s, f, z, z, is, fs, bs, os, 5, 5);
  s.in[0].tt = TFLC_TT_UINT8;
  expect_error("dwconv uint8", &s, "not supported");
}

/* ---- TRANSPOSE_CONV and Convolution2DTransposeBias ---------------------- */

typedef struct tc_case {
  int n, h, w, c; /* input */
  int oc, kh, kw; /* weights [oc, kh, kw, c] */
  int sh, sw;
  int oh, ow; /* output size (builtin); computed for the custom op */
  int padding, act, bias;
} tc_case;

/* Output-centric reference: out[y][x][o] sums input pixels (iy, ix) with
 * iy*sh - pt + ky == y. */
static void ref_tconv(const tc_case *k, int pt, int pl, const float *in,
                      const float *wt, const float *b, double *want,
                      double *tol) {
  size_t idx = 0;
  for (int n = 0; n < k->n; n++)
    for (int y = 0; y < k->oh; y++)
      for (int x = 0; x < k->ow; x++)
        for (int o = 0; o < k->oc; o++, idx++) {
          double s = b ? b[o] : 0.0, mag = fabs(s);
          for (int ky = 0; ky < k->kh; ky++) {
            int ty = y + pt - ky;
            if (ty < 0 || ty % k->sh) continue;
            int iy = ty / k->sh;
            if (iy >= k->h) continue;
            for (int kx = 0; kx < k->kw; kx++) {
              int tx = x + pl - kx;
              if (tx < 0 || tx % k->sw) continue;
              int ix = tx / k->sw;
              if (ix >= k->w) continue;
              for (int c = 0; c < k->c; c++) {
                double v = in[((size_t)(n * k->h + iy) * k->w + ix) * k->c + c];
                double wv =
                    wt[((size_t)(o * k->kh + ky) * k->kw + kx) * k->c + c];
                s += v * wv;
                mag += fabs(v * wv);
              }
            }
          }
          want[idx] = ot_ref_act(s, k->act);
          tol[idx] = 1e-5 * mag + 1e-6;
        }
}

static void tc_spec(const tc_case *k, op_spec *s, tflc_opt_field *f,
                    const int32_t *oshape, const float *wt, const float *bias,
                    int *is, int *ws, int *bs, int *os) {
  static const int s4[1] = {4};
  is[0] = k->n;
  is[1] = k->h;
  is[2] = k->w;
  is[3] = k->c;
  ws[0] = k->oc;
  ws[1] = k->kh;
  ws[2] = k->kw;
  ws[3] = k->c;
  bs[0] = k->oc;
  os[0] = k->n;
  os[1] = k->oh;
  os[2] = k->ow;
  os[3] = k->oc;
  f[0] = tm_opt_int(0, TFLC_OPT_I8, k->padding);
  f[1] = tm_opt_int(1, TFLC_OPT_I32, k->sw);
  f[2] = tm_opt_int(2, TFLC_OPT_I32, k->sh);
  f[3] = tm_opt_int(3, TFLC_OPT_I8, k->act);
  memset(s, 0, sizeof(*s));
  s->op = TFLC_OP_TRANSPOSE_CONV;
  s->bo = TFLC_BO_TRANSPOSE_CONV;
  s->fields = f;
  s->n_fields = 4;
  s->n_in = 4;
  s->in[0] = (io_spec){TFLC_TT_INT32, s4, 1, oshape, 0};
  s->in[1] = (io_spec){TFLC_TT_FLOAT32, ws, 4, wt, 0};
  s->in[2] = (io_spec){TFLC_TT_FLOAT32, is, 4, NULL, 0};
  s->in[3] = (io_spec){TFLC_TT_FLOAT32, bs, 1, bias, !k->bias};
  s->out_shape = os;
  s->out_rank = 4;
}

static void check_tconv(const char *label, const tc_case *k) {
  /* Padding: the forward convolution from the output back to the input. */
  int fh = ot_ref_out_size(k->padding, k->oh, k->kh, k->sh, 1);
  int fw = ot_ref_out_size(k->padding, k->ow, k->kw, k->sw, 1);
  int pt = ot_ref_pad_before(k->oh, k->kh, k->sh, 1, fh);
  int pl = ot_ref_pad_before(k->ow, k->kw, k->sw, 1, fw);
  size_t nin = (size_t)k->n * k->h * k->w * k->c;
  size_t nw = (size_t)k->oc * k->kh * k->kw * k->c;
  size_t nout = (size_t)k->n * k->oh * k->ow * k->oc;
  float *in = rand_buf(nin), *wt = rand_buf(nw), *bias = rand_buf(k->oc);
  for (size_t i = 0; i < nin; i++) in[i] *= 3.0f;
  double *want = malloc((nout ? nout : 1) * sizeof(double));
  double *tol = malloc((nout ? nout : 1) * sizeof(double));
  ref_tconv(k, pt, pl, in, wt, k->bias ? bias : NULL, want, tol);
  const int32_t oshape[4] = {k->n, k->oh, k->ow, k->oc};
  op_spec s;
  tflc_opt_field f[4];
  int is[4], ws[4], bs[1], os[4];
  tc_spec(k, &s, f, oshape, wt, bias, is, ws, bs, os);
  const void *host[4] = {NULL, NULL, in, NULL};
  run_check(label, &s, host, os, 4, want, tol);
  free(in);
  free(wt);
  free(bias);
  free(want);
  free(tol);
}

static void test_transpose_conv(void) {
  const int acts[] = {TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU_N1_TO_1,
                      TFLC_ACT_RELU6};
  char label[128];
  for (int pad = 0; pad < 2; pad++)
    for (int st = 1; st <= 3; st++)
      for (int a = 0; a < 4; a++) {
        tc_case k = {2, 4, 3, 3, 5, 3, 3, st, st, 0, 0, pad, acts[a], a % 2};
        /* The output size TensorFlow's conv2d_transpose would pick. */
        if (pad == TFLC_PADDING_SAME) {
          k.oh = k.h * st;
          k.ow = k.w * st;
        } else {
          k.oh = (k.h - 1) * st + k.kh;
          k.ow = (k.w - 1) * st + k.kw;
        }
        snprintf(label, sizeof label, "tconv pad %d stride %d act %d", pad, st,
                 acts[a]);
        check_tconv(label, &k);
      }
  /* Even kernel, unequal strides, output larger than the natural one. */
  check_tconv("tconv 4x4 s2", &(tc_case){1, 5, 6, 8, 4, 4, 4, 2, 2, 10, 12,
                                         TFLC_PADDING_SAME, TFLC_ACT_NONE, 1});
  check_tconv("tconv 2x3 s(1,2)",
              &(tc_case){1, 4, 4, 2, 3, 2, 3, 1, 2, 5, 9, TFLC_PADDING_VALID,
                         TFLC_ACT_NONE, 1});
  check_tconv("tconv odd out", &(tc_case){1, 3, 3, 4, 2, 3, 3, 2, 2, 5, 6,
                                          TFLC_PADDING_SAME, TFLC_ACT_NONE, 1});
  check_tconv("tconv many channels",
              &(tc_case){1, 6, 6, 40, 24, 3, 3, 2, 2, 12, 12, TFLC_PADDING_SAME,
                         TFLC_ACT_NONE, 1});
  /* Several GEMM tiles (row of 4*4*16 = 256 floats -> 128 pixels a tile). */
  check_tconv("tconv tiles", &(tc_case){2, 15, 14, 4, 16, 4, 4, 2, 2, 30, 28,
                                        TFLC_PADDING_SAME, TFLC_ACT_RELU, 1});
  check_tconv("tconv batch 0", &(tc_case){0, 3, 3, 2, 2, 3, 3, 2, 2, 6, 6,
                                          TFLC_PADDING_SAME, TFLC_ACT_NONE, 1});

  /* Three inputs (no bias slot). */
  {
    tc_case k = {
        1, 3, 3, 2, 2, 3, 3, 2, 2, 6, 6, TFLC_PADDING_SAME, TFLC_ACT_NONE, 0};
    int fh = ot_ref_out_size(k.padding, k.oh, k.kh, k.sh, 1);
    int pt = ot_ref_pad_before(k.oh, k.kh, k.sh, 1, fh);
    float *in = rand_buf(18), *wt = rand_buf(36);
    double want[72], tol[72];
    ref_tconv(&k, pt, pt, in, wt, NULL, want, tol);
    const int32_t oshape[4] = {1, 6, 6, 2};
    op_spec s;
    tflc_opt_field f[4];
    int is[4], ws[4], bs[1], os[4];
    tc_spec(&k, &s, f, oshape, wt, NULL, is, ws, bs, os);
    s.n_in = 3;
    const void *host[3] = {NULL, NULL, in};
    run_check("tconv 3 inputs", &s, host, os, 4, want, tol);
    free(in);
    free(wt);
  }

  /* Errors. */
  float z[256] = {0};
  tc_case base = {
      1, 3, 3, 2, 2, 3, 3, 2, 2, 6, 6, TFLC_PADDING_SAME, TFLC_ACT_NONE, 1};
  int32_t oshape[4] = {1, 6, 6, 2};
  op_spec s;
  tflc_opt_field f[4];
  int is[4], ws[4], bs[1], os[4];
  tc_case k;
  k = base;
  k.sh = 0;
  tc_spec(&k, &s, f, oshape, z, z, is, ws, bs, os);
  expect_error("tconv stride 0", &s, "stride");
  k = base;
  k.act = TFLC_ACT_TANH;
  tc_spec(&k, &s, f, oshape, z, z, is, ws, bs, os);
  expect_error("tconv tanh", &s, "activation");
  tc_spec(&base, &s, f, oshape, z, z, is, ws, bs, os);
  ws[3] = 3;
  expect_error("tconv channels", &s, "input channels");
  tc_spec(&base, &s, f, oshape, z, z, is, ws, bs, os);
  bs[0] = 5;
  expect_error("tconv bias", &s, "bias has 5 elements");
  int32_t bad_shape[4] = {1, 6, 6, 3};
  tc_spec(&base, &s, f, bad_shape, z, z, is, ws, bs, os);
  expect_error("tconv output channels", &s, "channels");
  /* A non-constant output_shape is supported (dynamic output): see
   * tests/ops/test_transpose_conv_dynamic.c. */
  tc_spec(&base, &s, f, oshape, z, z, is, ws, bs, os);
  s.in[2].tt = TFLC_TT_INT8;
  expect_error("tconv int8", &s, "not supported");
}

/* The output size rule of Convolution2DTransposeBias, as the real runtime
 * gives it (cross-checked by the oracle fixture conv2d_transpose_bias_custom):
 * SAME: in * stride, with the padding the forward convolution of that size
 * needs; VALID: stride * (in - 1) + k. */
static int mp_out(int in, int k, int s, int same, int *pad_before) {
  int full = s * (in - 1) + k;
  if (!same) {
    *pad_before = 0;
    return full;
  }
  int out = in * s;
  int total = full - out > 0 ? full - out : 0;
  *pad_before = total / 2;
  return out;
}

static void tcb_spec(const tc_case *k, op_spec *s, const int32_t *opts,
                     size_t opts_size, const float *wt, const float *bias,
                     int *is, int *ws, int *bs, int *os) {
  is[0] = k->n;
  is[1] = k->h;
  is[2] = k->w;
  is[3] = k->c;
  ws[0] = k->oc;
  ws[1] = k->kh;
  ws[2] = k->kw;
  ws[3] = k->c;
  bs[0] = k->oc;
  os[0] = k->n;
  os[1] = k->oh;
  os[2] = k->ow;
  os[3] = k->oc;
  memset(s, 0, sizeof(*s));
  s->op = TFLC_OP_CUSTOM;
  s->custom = "Convolution2DTransposeBias";
  s->custom_opts = opts;
  s->custom_size = opts_size;
  s->n_in = 3;
  s->in[0] = (io_spec){TFLC_TT_FLOAT32, is, 4, NULL, 0};
  s->in[1] = (io_spec){TFLC_TT_FLOAT32, ws, 4, wt, 0};
  s->in[2] = (io_spec){TFLC_TT_FLOAT32, bs, 1, bias, 0};
  s->out_shape = os;
  s->out_rank = 4;
}

static void check_tcb(const char *label, tc_case k, int tfl_padding) {
  int pt, pl;
  k.oh = mp_out(k.h, k.kh, k.sh, tfl_padding == 1, &pt);
  k.ow = mp_out(k.w, k.kw, k.sw, tfl_padding == 1, &pl);
  size_t nin = (size_t)k.n * k.h * k.w * k.c;
  size_t nw = (size_t)k.oc * k.kh * k.kw * k.c;
  size_t nout = (size_t)k.n * k.oh * k.ow * k.oc;
  float *in = rand_buf(nin), *wt = rand_buf(nw), *bias = rand_buf(k.oc);
  double *want = malloc((nout ? nout : 1) * sizeof(double));
  double *tol = malloc((nout ? nout : 1) * sizeof(double));
  k.act = TFLC_ACT_NONE;
  ref_tconv(&k, pt, pl, in, wt, bias, want, tol);
  /* The struct of 4-byte ints: padding, stride_width, stride_height, and an
   * activation field that newer writers append (ignored). */
  const int32_t opts[4] = {tfl_padding, k.sw, k.sh, 0};
  op_spec s;
  int is[4], ws[4], bs[1], os[4];
  tcb_spec(&k, &s, opts, sizeof opts, wt, bias, is, ws, bs, os);
  const void *host[3] = {in, NULL, NULL};
  run_check(label, &s, host, os, 4, want, tol);
  free(in);
  free(wt);
  free(bias);
  free(want);
  free(tol);
}

static void test_transpose_conv_bias(void) {
  /* As in selfie segmentation: 2x2 / 4x4 kernels, stride 2, SAME. */
  check_tcb("tcb 4x4 s2 same",
            (tc_case){1, 8, 8, 16, 8, 4, 4, 2, 2, 0, 0, 0, 0, 1}, 1);
  check_tcb("tcb 2x2 s2 same",
            (tc_case){1, 5, 7, 3, 2, 2, 2, 2, 2, 0, 0, 0, 0, 1}, 1);
  check_tcb("tcb 3x3 s2 same",
            (tc_case){2, 4, 5, 3, 4, 3, 3, 2, 2, 0, 0, 0, 0, 1}, 1);
  check_tcb("tcb 3x3 s1 valid",
            (tc_case){1, 4, 4, 2, 3, 3, 3, 1, 1, 0, 0, 0, 0, 1}, 2);
  check_tcb("tcb 3x2 s(3,1) same",
            (tc_case){1, 4, 3, 2, 3, 3, 2, 3, 1, 0, 0, 0, 0, 1}, 1);
  check_tcb("tcb batch 0", (tc_case){0, 4, 4, 2, 3, 3, 3, 2, 2, 0, 0, 0, 0, 1},
            1);

  float z[256] = {0};
  tc_case k = {1, 4, 4, 2, 3, 3, 3, 2, 2, 8, 8, 0, 0, 1};
  op_spec s;
  int is[4], ws[4], bs[1], os[4];
  const int32_t zero_stride[3] = {1, 0, 2};
  tcb_spec(&k, &s, zero_stride, sizeof zero_stride, z, z, is, ws, bs, os);
  expect_error("tcb stride 0", &s, "stride");
  const int32_t short_opts[2] = {1, 2};
  tcb_spec(&k, &s, short_opts, sizeof short_opts, z, z, is, ws, bs, os);
  expect_error("tcb short options", &s, "custom options");
  const int32_t opts[3] = {1, 2, 2};
  tcb_spec(&k, &s, opts, sizeof opts, z, z, is, ws, bs, os);
  bs[0] = 2;
  expect_error("tcb bias", &s, "bias");
  tcb_spec(&k, &s, opts, sizeof opts, z, z, is, ws, bs, os);
  ws[3] = 5;
  expect_error("tcb channels", &s, "input channels");
}

int main(void) {
  test_conv_2d();
  test_conv_resize();
  test_conv_errors();
  test_depthwise();
  test_transpose_conv();
  test_transpose_conv_bias();
  return CHECK_DONE();
}
