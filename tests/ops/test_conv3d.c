/* Op tests of CONV_3D and CONV_3D_TRANSPOSE (float32): SAME/VALID padding,
 * strides and dilations per axis, every clamp activation, bias present /
 * omitted (-1) / absent, the 1x1 fast path, several im2col tiles, a
 * non-constant filter, zero-size tensors, a non-constant (dynamic)
 * output_shape for CONV_3D_TRANSPOSE, and the errors prepare (and invoke, for
 * dynamic shapes) must report. Each case builds a one-op model with the
 * project's writer, runs it through the C API and compares with a naive
 * reference written here (loops in double), on seeded random data. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/op_test.h"

/* ---- reference helpers --------------------------------------------------- */

static float *rand_buf(size_t n, float scale) {
  float *p = malloc((n ? n : 1) * sizeof(float));
  oo_fill_f32(p, n, -scale, scale);
  return p;
}

/* |got - want| <= 1e-5 * (sum of |terms|) + 1e-6 for every element. */
static void compare(const char *label, const TfLiteTensor *o, const int *ws,
                    const double *want, const double *mag) {
  if (!oo_check_shape(o, ws, 5, label)) return;
  size_t n = oo_count(ws, 5);
  CHECK_EQ_INT(TfLiteTensorByteSize(o), n * sizeof(float));
  const float *got = TfLiteTensorData(o);
  int bad = 0;
  for (size_t i = 0; i < n && got; i++) {
    if (fabs((double)got[i] - want[i]) > 1e-5 * mag[i] + 1e-6 && bad++ < 5)
      CHECK_MSG(0, "%s: element %zu is %.9g, want %.9g", label, i,
                (double)got[i], want[i]);
  }
  CHECK_MSG(bad == 0, "%s: %d wrong elements of %zu", label, bad, n);
}

/* ---- CONV_3D ------------------------------------------------------------ */

typedef struct c3_case {
  int n, d, h, w, c;  /* input NDHWC */
  int kd, kh, kw, oc; /* filter [kd, kh, kw, c, oc] */
  int sd, sh, sw;
  int dd, dh, dw;
  int padding, act;
  int bias;         /* 0: omitted (-1), 1: present, 2: 2 inputs only */
  int filter_input; /* filter is a graph input */
} c3_case;

static void c3_fields(const c3_case *k, tflc_opt_field *f) {
  f[0] = tm_opt_int(0, TFLC_OPT_I8, k->padding);
  f[1] = tm_opt_int(1, TFLC_OPT_I32, k->sd);
  f[2] = tm_opt_int(2, TFLC_OPT_I32, k->sw);
  f[3] = tm_opt_int(3, TFLC_OPT_I32, k->sh);
  f[4] = tm_opt_int(4, TFLC_OPT_I8, k->act);
  f[5] = tm_opt_int(5, TFLC_OPT_I32, k->dd);
  f[6] = tm_opt_int(6, TFLC_OPT_I32, k->dw);
  f[7] = tm_opt_int(7, TFLC_OPT_I32, k->dh);
}

typedef struct c3_model {
  int is[5], fs[5], bs[1], os[5];
  tflc_opt_field f[8];
  oo_tensor in[3];
  oo_op op;
} c3_model;

static void c3_build(const c3_case *k, c3_model *m, const float *in,
                     const float *filt, const float *bias, const int *os) {
  int is[5] = {k->n, k->d, k->h, k->w, k->c};
  int fs[5] = {k->kd, k->kh, k->kw, k->c, k->oc};
  memcpy(m->is, is, sizeof is);
  memcpy(m->fs, fs, sizeof fs);
  m->bs[0] = k->oc;
  memcpy(m->os, os, sizeof m->os);
  c3_fields(k, m->f);
  m->in[0] =
      (oo_tensor){.tt = TFLC_TT_FLOAT32, .shape = m->is, .rank = 5, .data = in};
  m->in[1] = (oo_tensor){.tt = TFLC_TT_FLOAT32,
                         .shape = m->fs,
                         .rank = 5,
                         .data = filt,
                         .is_const = !k->filter_input};
  m->in[2] = (oo_tensor){.tt = k->bias == 1 ? TFLC_TT_FLOAT32 : -1,
                         .shape = m->bs,
                         .rank = 1,
                         .data = bias,
                         .is_const = 1};
  m->op = (oo_op){.op = TFLC_OP_CONV_3D,
                  .bo = TFLC_BO_CONV_3D,
                  .fields = m->f,
                  .n_fields = 8,
                  .inputs = m->in,
                  .n_inputs = k->bias == 2 ? 2 : 3,
                  .out = {.tt = TFLC_TT_FLOAT32, .shape = m->os, .rank = 5}};
}

static void ref_conv3d(const c3_case *k, const float *in, const float *f,
                       const float *b, const int *os, double *want,
                       double *mag) {
  int pd = ot_ref_pad_before(k->d, k->kd, k->sd, k->dd, os[1]);
  int ph = ot_ref_pad_before(k->h, k->kh, k->sh, k->dh, os[2]);
  int pw = ot_ref_pad_before(k->w, k->kw, k->sw, k->dw, os[3]);
  size_t idx = 0;
  for (int n = 0; n < os[0]; n++)
    for (int z = 0; z < os[1]; z++)
      for (int y = 0; y < os[2]; y++)
        for (int x = 0; x < os[3]; x++)
          for (int o = 0; o < k->oc; o++, idx++) {
            double s = b ? b[o] : 0.0, m = fabs(s);
            for (int kz = 0; kz < k->kd; kz++)
              for (int ky = 0; ky < k->kh; ky++)
                for (int kx = 0; kx < k->kw; kx++) {
                  int iz = z * k->sd - pd + kz * k->dd;
                  int iy = y * k->sh - ph + ky * k->dh;
                  int ix = x * k->sw - pw + kx * k->dw;
                  if (iz < 0 || iz >= k->d || iy < 0 || iy >= k->h || ix < 0 ||
                      ix >= k->w)
                    continue;
                  for (int c = 0; c < k->c; c++) {
                    double v =
                        in[((((size_t)n * k->d + iz) * k->h + iy) * k->w + ix) *
                               k->c +
                           c];
                    double wv =
                        f[((((size_t)kz * k->kh + ky) * k->kw + kx) * k->c +
                           c) *
                              k->oc +
                          o];
                    s += v * wv;
                    m += fabs(v * wv);
                  }
                }
            want[idx] = ot_ref_act(s, k->act);
            mag[idx] = m;
          }
}

static void check_conv3d(const char *label, const c3_case *k) {
  int os[5] = {k->n, ot_ref_out_size(k->padding, k->d, k->kd, k->sd, k->dd),
               ot_ref_out_size(k->padding, k->h, k->kh, k->sh, k->dh),
               ot_ref_out_size(k->padding, k->w, k->kw, k->sw, k->dw), k->oc};
  size_t nin = (size_t)k->n * k->d * k->h * k->w * k->c;
  size_t nf = (size_t)k->kd * k->kh * k->kw * k->c * k->oc;
  size_t nout = oo_count(os, 5);
  /* Larger inputs so RELU6 and RELU_N1_TO_1 clamp both ways. */
  float *in = rand_buf(nin, 3.0f), *filt = rand_buf(nf, 1.0f);
  float *bias = rand_buf((size_t)k->oc, 1.0f);
  double *want = malloc((nout ? nout : 1) * sizeof(double));
  double *mag = malloc((nout ? nout : 1) * sizeof(double));
  ref_conv3d(k, in, filt, k->bias == 1 ? bias : NULL, os, want, mag);
  c3_model m;
  c3_build(k, &m, in, filt, bias, os);
  oo_run r;
  const TfLiteTensor *o = oo_run_op(&m.op, &r, label);
  if (o) compare(label, o, os, want, mag);
  oo_free(&r);
  free(in);
  free(filt);
  free(bias);
  free(want);
  free(mag);
}

static void test_conv3d(void) {
  const int acts[] = {TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU_N1_TO_1,
                      TFLC_ACT_RELU6};
  char label[160];
  int i = 0;
  for (int pad = 0; pad < 2; pad++)
    for (int st = 1; st <= 2; st++)
      for (int dil = 1; dil <= 2; dil++)
        for (int a = 0; a < 4; a++, i++) {
          c3_case k = {2,  5,      6,   5, 3,   3,   3,       2,     4, st,
                       st, 3 - st, dil, 1, dil, pad, acts[a], i % 3, 0};
          snprintf(label, sizeof label,
                   "conv3d pad %d stride %d dil %d act %d bias %d", pad, st,
                   dil, acts[a], k.bias);
          check_conv3d(label, &k);
        }
  /* 1x1 in height/width (GEMM straight on the input planes). */
  check_conv3d("conv3d 3x1x1",
               &(c3_case){1, 4, 3, 5, 6, 3, 1, 1, 7, 1, 1, 1, 1, 1, 1,
                          TFLC_PADDING_SAME, TFLC_ACT_NONE, 1, 0});
  check_conv3d("conv3d 1x1x1 s2",
               &(c3_case){2, 4, 3, 5, 6, 1, 1, 1, 7, 2, 1, 1, 1, 1, 1,
                          TFLC_PADDING_VALID, TFLC_ACT_RELU, 1, 0});
  /* One depth tap (clamp in the GEMM). */
  check_conv3d("conv3d kd 1",
               &(c3_case){1, 3, 5, 5, 2, 1, 3, 3, 4, 1, 2, 2, 1, 1, 1,
                          TFLC_PADDING_SAME, TFLC_ACT_RELU6, 1, 0});
  /* Several im2col tiles per plane (k2 = 3*3*16 = 144 -> 224 pixels). */
  check_conv3d("conv3d tiles",
               &(c3_case){1, 3, 17, 18, 16, 2, 3, 3, 5, 1, 1, 1, 1, 1, 1,
                          TFLC_PADDING_SAME, TFLC_ACT_RELU_N1_TO_1, 1, 0});
  /* Unequal strides and dilations per axis, even kernels. */
  check_conv3d("conv3d mixed",
               &(c3_case){1, 7, 8, 9, 2, 2, 4, 3, 3, 2, 1, 3, 3, 2, 1,
                          TFLC_PADDING_SAME, TFLC_ACT_NONE, 1, 0});
  check_conv3d("conv3d mixed valid",
               &(c3_case){1, 7, 8, 9, 2, 2, 4, 3, 3, 2, 1, 3, 3, 2, 1,
                          TFLC_PADDING_VALID, TFLC_ACT_NONE, 0, 0});
  /* Filter as a graph input. */
  check_conv3d("conv3d filter input",
               &(c3_case){1, 4, 4, 4, 3, 2, 2, 2, 3, 1, 1, 1, 1, 1, 1,
                          TFLC_PADDING_SAME, TFLC_ACT_NONE, 1, 1});
  /* Zero-size: batch 0, filter deeper than the input (VALID: depth 0),
   * no input channels (output = bias). */
  check_conv3d("conv3d batch 0",
               &(c3_case){0, 3, 3, 3, 2, 2, 2, 2, 3, 1, 1, 1, 1, 1, 1,
                          TFLC_PADDING_SAME, TFLC_ACT_NONE, 1, 0});
  check_conv3d("conv3d depth 0",
               &(c3_case){1, 2, 3, 3, 2, 3, 2, 2, 3, 1, 1, 1, 1, 1, 1,
                          TFLC_PADDING_VALID, TFLC_ACT_NONE, 1, 0});
  check_conv3d("conv3d channels 0",
               &(c3_case){1, 2, 3, 3, 0, 2, 2, 2, 3, 1, 1, 1, 1, 1, 1,
                          TFLC_PADDING_SAME, TFLC_ACT_RELU, 1, 0});
  /* Dilated taps that all fall outside the input depth for some planes. */
  check_conv3d("conv3d depth pad",
               &(c3_case){1, 2, 3, 3, 2, 3, 1, 1, 2, 1, 1, 1, 4, 1, 1,
                          TFLC_PADDING_SAME, TFLC_ACT_NONE, 1, 0});
}

static void test_conv3d_errors(void) {
  float z[4096] = {0};
  const c3_case base = {1,
                        3,
                        3,
                        3,
                        2,
                        2,
                        2,
                        2,
                        3,
                        1,
                        1,
                        1,
                        1,
                        1,
                        1,
                        TFLC_PADDING_SAME,
                        TFLC_ACT_NONE,
                        1,
                        0};
  const int os[5] = {1, 3, 3, 3, 3};
  c3_model m;
  c3_case k;
  k = base;
  k.sd = 0;
  c3_build(&k, &m, NULL, z, z, os);
  oo_expect_error(&m.op, "stride_d 0 is invalid", "conv3d stride_d 0");
  k = base;
  k.sw = -1;
  c3_build(&k, &m, NULL, z, z, os);
  oo_expect_error(&m.op, "stride_w -1 is invalid", "conv3d stride_w -1");
  k = base;
  k.dh = 0;
  c3_build(&k, &m, NULL, z, z, os);
  oo_expect_error(&m.op, "dilation_h 0 is invalid", "conv3d dilation_h 0");
  k = base;
  k.dd = 0;
  c3_build(&k, &m, NULL, z, z, os);
  oo_expect_error(&m.op, "dilation_d 0 is invalid", "conv3d dilation_d 0");
  k = base;
  k.padding = 7;
  c3_build(&k, &m, NULL, z, z, os);
  oo_expect_error(&m.op, "unknown padding 7", "conv3d padding 7");
  k = base;
  k.act = TFLC_ACT_TANH;
  c3_build(&k, &m, NULL, z, z, os);
  oo_expect_error(&m.op, "fused activation", "conv3d tanh");
  c3_build(&base, &m, NULL, z, z, os);
  m.fs[3] = 5;
  oo_expect_error(&m.op, "filter has 5 input channels, input has 2",
                  "conv3d channels");
  c3_build(&base, &m, NULL, z, z, os);
  m.bs[0] = 4;
  oo_expect_error(&m.op, "bias has 4 elements, expected 3", "conv3d bias");
  c3_build(&base, &m, NULL, z, z, os);
  m.in[0].rank = 4;
  oo_expect_error(&m.op, "input has 4 dims, expected 5", "conv3d rank");
  c3_build(&base, &m, NULL, z, z, os);
  m.in[0].tt = TFLC_TT_INT8;
  oo_expect_error(&m.op, "not supported", "conv3d int8");
  /* A filter whose dilated extent overflows int. */
  k = base;
  k.dd = 0x7fffffff;
  c3_build(&k, &m, NULL, z, z, os);
  oo_expect_error(&m.op, "too large", "conv3d dilation overflow");
  /* Huge strides are fine (one output per axis). */
  k = base;
  k.sd = k.sh = k.sw = 0x40000000;
  check_conv3d("conv3d huge strides", &k);
}

/* ---- CONV_3D_TRANSPOSE -------------------------------------------------- */

typedef struct t3_case {
  int n, d, h, w, c;  /* input NDHWC */
  int kd, kh, kw, oc; /* filter [kd, kh, kw, oc, c] */
  int sd, sh, sw;
  int dd, dh, dw;
  int padding, act, bias;
  int od, oh, ow; /* 0: TensorFlow's natural size */
} t3_case;

typedef struct t3_model {
  int ss[1], fs[5], is[5], bs[1], os[5];
  int32_t oshape[5];
  tflc_opt_field f[8];
  oo_tensor in[4];
  oo_op op;
} t3_model;

/* The output size TensorFlow's conv3d_transpose would pick for one axis. */
static int natural(int padding, int in, int k, int s, int d) {
  if (padding == TFLC_PADDING_SAME) return in * s;
  return in == 0 ? 0 : (in - 1) * s + (k - 1) * d + 1;
}

static void t3_complete(t3_case *k) {
  if (!k->od) k->od = natural(k->padding, k->d, k->kd, k->sd, k->dd);
  if (!k->oh) k->oh = natural(k->padding, k->h, k->kh, k->sh, k->dh);
  if (!k->ow) k->ow = natural(k->padding, k->w, k->kw, k->sw, k->dw);
}

static void t3_build(const t3_case *k, t3_model *m, const float *in,
                     const float *filt, const float *bias, int dynamic) {
  m->ss[0] = 5;
  int fs[5] = {k->kd, k->kh, k->kw, k->oc, k->c};
  int is[5] = {k->n, k->d, k->h, k->w, k->c};
  int os[5] = {k->n, k->od, k->oh, k->ow, k->oc};
  memcpy(m->fs, fs, sizeof fs);
  memcpy(m->is, is, sizeof is);
  memcpy(m->os, os, sizeof os);
  for (int i = 0; i < 5; i++) m->oshape[i] = os[i];
  m->bs[0] = k->oc;
  c3_fields(&(c3_case){.padding = k->padding,
                       .act = k->act,
                       .sd = k->sd,
                       .sh = k->sh,
                       .sw = k->sw,
                       .dd = k->dd,
                       .dh = k->dh,
                       .dw = k->dw},
            m->f);
  m->in[0] = (oo_tensor){.tt = TFLC_TT_INT32,
                         .shape = m->ss,
                         .rank = 1,
                         .data = m->oshape,
                         .is_const = !dynamic};
  m->in[1] = (oo_tensor){.tt = TFLC_TT_FLOAT32,
                         .shape = m->fs,
                         .rank = 5,
                         .data = filt,
                         .is_const = 1};
  m->in[2] =
      (oo_tensor){.tt = TFLC_TT_FLOAT32, .shape = m->is, .rank = 5, .data = in};
  m->in[3] = (oo_tensor){.tt = k->bias ? TFLC_TT_FLOAT32 : -1,
                         .shape = m->bs,
                         .rank = 1,
                         .data = bias,
                         .is_const = 1};
  m->op = (oo_op){.op = TFLC_OP_CONV_3D_TRANSPOSE,
                  .bo = TFLC_BO_CONV_3D,
                  .fields = m->f,
                  .n_fields = 8,
                  .inputs = m->in,
                  .n_inputs = 4,
                  .out = {.tt = TFLC_TT_FLOAT32, .shape = m->os, .rank = 5}};
}

/* Output-centric reference: out[z][y][x][o] sums the input voxels
 * (iz, iy, ix) with iz*sd - pad_front + kz*dd == z (and so on). */
static void ref_tconv3d(const t3_case *k, const float *in, const float *f,
                        const float *b, double *want, double *mag) {
  int pd = ot_ref_pad_before(
      k->od, k->kd, k->sd, k->dd,
      ot_ref_out_size(k->padding, k->od, k->kd, k->sd, k->dd));
  int ph = ot_ref_pad_before(
      k->oh, k->kh, k->sh, k->dh,
      ot_ref_out_size(k->padding, k->oh, k->kh, k->sh, k->dh));
  int pw = ot_ref_pad_before(
      k->ow, k->kw, k->sw, k->dw,
      ot_ref_out_size(k->padding, k->ow, k->kw, k->sw, k->dw));
  size_t idx = 0;
  for (int n = 0; n < k->n; n++)
    for (int z = 0; z < k->od; z++)
      for (int y = 0; y < k->oh; y++)
        for (int x = 0; x < k->ow; x++)
          for (int o = 0; o < k->oc; o++, idx++) {
            double s = b ? b[o] : 0.0, m = fabs(s);
            for (int kz = 0; kz < k->kd; kz++) {
              int tz = z + pd - kz * k->dd;
              if (tz < 0 || tz % k->sd || tz / k->sd >= k->d) continue;
              for (int ky = 0; ky < k->kh; ky++) {
                int ty = y + ph - ky * k->dh;
                if (ty < 0 || ty % k->sh || ty / k->sh >= k->h) continue;
                for (int kx = 0; kx < k->kw; kx++) {
                  int tx = x + pw - kx * k->dw;
                  if (tx < 0 || tx % k->sw || tx / k->sw >= k->w) continue;
                  int iz = tz / k->sd, iy = ty / k->sh, ix = tx / k->sw;
                  for (int c = 0; c < k->c; c++) {
                    double v =
                        in[((((size_t)n * k->d + iz) * k->h + iy) * k->w + ix) *
                               k->c +
                           c];
                    double wv =
                        f[((((size_t)kz * k->kh + ky) * k->kw + kx) * k->oc +
                           o) *
                              k->c +
                          c];
                    s += v * wv;
                    m += fabs(v * wv);
                  }
                }
              }
            }
            want[idx] = ot_ref_act(s, k->act);
            mag[idx] = m;
          }
}

static void check_tconv3d(const char *label, t3_case k, int dynamic) {
  t3_complete(&k);
  size_t nin = (size_t)k.n * k.d * k.h * k.w * k.c;
  size_t nf = (size_t)k.kd * k.kh * k.kw * k.oc * k.c;
  size_t nout = (size_t)k.n * k.od * k.oh * k.ow * k.oc;
  float *in = rand_buf(nin, 3.0f), *filt = rand_buf(nf, 1.0f);
  float *bias = rand_buf((size_t)k.oc, 1.0f);
  double *want = malloc((nout ? nout : 1) * sizeof(double));
  double *mag = malloc((nout ? nout : 1) * sizeof(double));
  ref_tconv3d(&k, in, filt, k.bias ? bias : NULL, want, mag);
  t3_model m;
  t3_build(&k, &m, in, filt, bias, dynamic);
  oo_run r;
  const TfLiteTensor *o = oo_run_op(&m.op, &r, label);
  if (o) compare(label, o, m.os, want, mag);
  if (o && dynamic) { /* a second invoke reuses the dynamic output */
    CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "%s: re-invoke: %s",
              label, r.err);
    compare(label, TfLiteInterpreterGetOutputTensor(r.it, 0), m.os, want, mag);
  }
  oo_free(&r);
  free(in);
  free(filt);
  free(bias);
  free(want);
  free(mag);
}

static void test_tconv3d(void) {
  const int acts[] = {TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU_N1_TO_1,
                      TFLC_ACT_RELU6};
  char label[160];
  int i = 0;
  for (int pad = 0; pad < 2; pad++)
    for (int st = 1; st <= 3; st++)
      for (int dil = 1; dil <= 2; dil++)
        for (int a = 0; a < 4; a++, i++) {
          t3_case k = {2,      3,   4, 3,   3,   3,       3,     2, 4, st, st,
                       4 - st, dil, 1, dil, pad, acts[a], i % 2, 0, 0, 0};
          snprintf(label, sizeof label,
                   "tconv3d pad %d stride %d dil %d act %d bias %d", pad, st,
                   dil, acts[a], k.bias);
          check_tconv3d(label, k, i % 5 == 0);
        }
  /* SAME with an output smaller than in*stride (still maps back). */
  check_tconv3d("tconv3d odd out", (t3_case){1,
                                             3,
                                             3,
                                             3,
                                             2,
                                             3,
                                             3,
                                             3,
                                             2,
                                             2,
                                             2,
                                             2,
                                             1,
                                             1,
                                             1,
                                             TFLC_PADDING_SAME,
                                             TFLC_ACT_NONE,
                                             1,
                                             5,
                                             6,
                                             5},
                0);
  /* Several GEMM tiles (row 2*3*3*16 = 288 floats -> 112 voxels a tile). */
  check_tconv3d("tconv3d tiles", (t3_case){1,
                                           4,
                                           8,
                                           9,
                                           6,
                                           2,
                                           3,
                                           3,
                                           16,
                                           2,
                                           2,
                                           2,
                                           1,
                                           1,
                                           1,
                                           TFLC_PADDING_SAME,
                                           TFLC_ACT_RELU,
                                           1,
                                           0,
                                           0,
                                           0},
                0);
  check_tconv3d("tconv3d tiles dynamic", (t3_case){1,
                                                   4,
                                                   8,
                                                   9,
                                                   6,
                                                   2,
                                                   3,
                                                   3,
                                                   16,
                                                   2,
                                                   2,
                                                   2,
                                                   2,
                                                   1,
                                                   2,
                                                   TFLC_PADDING_VALID,
                                                   TFLC_ACT_NONE,
                                                   1,
                                                   0,
                                                   0,
                                                   0},
                1);
  check_tconv3d("tconv3d batch 0", (t3_case){0,
                                             2,
                                             2,
                                             2,
                                             2,
                                             2,
                                             2,
                                             2,
                                             3,
                                             2,
                                             2,
                                             2,
                                             1,
                                             1,
                                             1,
                                             TFLC_PADDING_SAME,
                                             TFLC_ACT_NONE,
                                             1,
                                             0,
                                             0,
                                             0},
                0);
  check_tconv3d("tconv3d batch 0 dynamic", (t3_case){0,
                                                     2,
                                                     2,
                                                     2,
                                                     2,
                                                     2,
                                                     2,
                                                     2,
                                                     3,
                                                     2,
                                                     2,
                                                     2,
                                                     1,
                                                     1,
                                                     1,
                                                     TFLC_PADDING_SAME,
                                                     TFLC_ACT_NONE,
                                                     1,
                                                     0,
                                                     0,
                                                     0},
                1);
  check_tconv3d("tconv3d channels 0", (t3_case){1,
                                                2,
                                                2,
                                                2,
                                                0,
                                                2,
                                                2,
                                                2,
                                                3,
                                                2,
                                                2,
                                                2,
                                                1,
                                                1,
                                                1,
                                                TFLC_PADDING_SAME,
                                                TFLC_ACT_RELU,
                                                1,
                                                0,
                                                0,
                                                0},
                0);
  check_tconv3d("tconv3d depth 0", (t3_case){1,
                                             0,
                                             2,
                                             2,
                                             2,
                                             2,
                                             2,
                                             2,
                                             3,
                                             2,
                                             2,
                                             2,
                                             1,
                                             1,
                                             1,
                                             TFLC_PADDING_SAME,
                                             TFLC_ACT_NONE,
                                             1,
                                             0,
                                             0,
                                             0},
                1);
}

static void test_tconv3d_errors(void) {
  float z[4096] = {0};
  const t3_case base = {1,
                        2,
                        2,
                        2,
                        2,
                        3,
                        3,
                        3,
                        3,
                        2,
                        2,
                        2,
                        1,
                        1,
                        1,
                        TFLC_PADDING_SAME,
                        TFLC_ACT_NONE,
                        1,
                        4,
                        4,
                        4};
  t3_model m;
  t3_case k;
  k = base;
  k.sh = 0;
  t3_build(&k, &m, NULL, z, z, 0);
  oo_expect_error(&m.op, "stride_h 0 is invalid", "tconv3d stride_h 0");
  k = base;
  k.dd = -2;
  t3_build(&k, &m, NULL, z, z, 0);
  oo_expect_error(&m.op, "dilation_d -2 is invalid", "tconv3d dilation_d");
  k = base;
  k.act = TFLC_ACT_SIGN_BIT;
  t3_build(&k, &m, NULL, z, z, 0);
  oo_expect_error(&m.op, "fused activation", "tconv3d sign bit");
  t3_build(&base, &m, NULL, z, z, 0);
  m.fs[4] = 3;
  oo_expect_error(&m.op, "filter has 3 input channels, input has 2",
                  "tconv3d channels");
  t3_build(&base, &m, NULL, z, z, 0);
  m.bs[0] = 2;
  oo_expect_error(&m.op, "bias has 2 elements, expected 3", "tconv3d bias");
  t3_build(&base, &m, NULL, z, z, 0);
  m.oshape[4] = 4;
  oo_expect_error(&m.op, "output_shape has 4 channels, filter has 3",
                  "tconv3d output channels");
  t3_build(&base, &m, NULL, z, z, 0);
  m.oshape[0] = 2;
  oo_expect_error(&m.op, "batch", "tconv3d output batch");
  /* Depth 9 with stride 2 maps back to 5 input planes, not 2. */
  t3_build(&base, &m, NULL, z, z, 0);
  m.oshape[1] = 9;
  oo_expect_error(&m.op, "output_shape depth 9 does not match the input",
                  "tconv3d inconsistent depth");
  t3_build(&base, &m, NULL, z, z, 0);
  m.oshape[3] = -4;
  oo_expect_error(&m.op, "output_shape[3] is -4", "tconv3d negative");
  t3_build(&base, &m, NULL, z, z, 0);
  m.ss[0] = 4;
  oo_expect_error(&m.op, "vector of 5 elements", "tconv3d shape length");
  t3_build(&base, &m, NULL, z, z, 0);
  m.in[2].tt = TFLC_TT_INT8;
  oo_expect_error(&m.op, "not supported", "tconv3d int8");

  /* Dynamic output_shape: the values are checked at invoke. */
  t3_build(&base, &m, NULL, z, z, 1);
  m.oshape[2] = 7; /* 7 with stride 2 -> 4 input rows, not 2 */
  oo_run r;
  int built = oo_build(&m.op, &r);
  CHECK_MSG(built == 0, "tconv3d dynamic build: %s", r.err);
  if (built == 0) {
    CHECK(oo_invoke(&m.op, &r) != kTfLiteOk);
    CHECK_CONTAINS(r.err, "output_shape height 7 does not match the input");
  }
  oo_free(&r);
}

int main(void) {
  test_conv3d();
  test_conv3d_errors();
  test_tconv3d();
  test_tconv3d_errors();
  return CHECK_DONE();
}
