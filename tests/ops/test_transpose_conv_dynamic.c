/* Op test of TRANSPOSE_CONV with a non-constant output_shape (a graph
 * input): the output is dynamic, its shape is read at invoke, and a
 * following RELU is prepared at invoke. Checks the values against a naive
 * reference over seeded random data for several output shapes in a row
 * (without AllocateTensors in between), an empty output, a VALID case, and
 * the errors invoke must report for bad output_shape values. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/op_test.h"

typedef struct case2d {
  int n, h, w, c; /* input NHWC */
  int oc, kh, kw; /* weights [oc, kh, kw, c] */
  int sh, sw, padding, act, bias;
} case2d;

static int ref_out(int padding, int in, int k, int s) {
  if (padding == TFLC_PADDING_SAME) return (in + s - 1) / s;
  int span = in - k + 1;
  return span <= 0 ? 0 : (span + s - 1) / s;
}
static int ref_pad(int in, int k, int s, int out) {
  int total = (out - 1) * s + k - in;
  if (out <= 0 || total < 0) total = 0;
  return total / 2;
}

/* Transposed convolution into an out_h x out_w output, then max(x, 0)
 * (the RELU that follows in the graph) when relu is set. */
static void ref(const case2d *k, int oh, int ow, const float *in,
                const float *wt, const float *b, int relu, double *want,
                double *mag) {
  int pt = ref_pad(oh, k->kh, k->sh, ref_out(k->padding, oh, k->kh, k->sh));
  int pl = ref_pad(ow, k->kw, k->sw, ref_out(k->padding, ow, k->kw, k->sw));
  size_t idx = 0;
  for (int n = 0; n < k->n; n++)
    for (int y = 0; y < oh; y++)
      for (int x = 0; x < ow; x++)
        for (int o = 0; o < k->oc; o++, idx++) {
          double s = b ? b[o] : 0.0, m = fabs(s);
          for (int ky = 0; ky < k->kh; ky++) {
            int ty = y + pt - ky;
            if (ty < 0 || ty % k->sh || ty / k->sh >= k->h) continue;
            for (int kx = 0; kx < k->kw; kx++) {
              int tx = x + pl - kx;
              if (tx < 0 || tx % k->sw || tx / k->sw >= k->w) continue;
              int iy = ty / k->sh, ix = tx / k->sw;
              for (int c = 0; c < k->c; c++) {
                double v = in[(((size_t)n * k->h + iy) * k->w + ix) * k->c + c];
                double wv =
                    wt[(((size_t)o * k->kh + ky) * k->kw + kx) * k->c + c];
                s += v * wv;
                m += fabs(v * wv);
              }
            }
          }
          if (k->act == TFLC_ACT_RELU6) s = s < 0 ? 0 : (s > 6 ? 6 : s);
          if (relu && s < 0) s = 0;
          want[idx] = s;
          mag[idx] = m;
        }
}

typedef struct graph {
  oo_run r; /* model, interpreter, bytes, err */
} graph;

/* TRANSPOSE_CONV(output_shape: graph input 0, weights, input: graph input 1,
 * bias) -> [RELU] -> graph output. */
static int build(const case2d *k, const float *wt, const float *bias,
                 int with_relu, graph *g) {
  memset(g, 0, sizeof *g);
  tm_model *m = tm_create();
  const int s4[1] = {4};
  const int ws[4] = {k->oc, k->kh, k->kw, k->c};
  const int is[4] = {k->n, k->h, k->w, k->c};
  const int bs[1] = {k->oc};
  const int os[4] = {k->n, 1, 1, k->oc}; /* declared; set at invoke */
  int shape = tm_tensor(m, TFLC_TT_INT32, s4, 1, "output_shape");
  int w = tm_const(m, TFLC_TT_FLOAT32, ws, 4, wt,
                   oo_count(ws, 4) * sizeof(float), "weights");
  int in = tm_tensor(m, TFLC_TT_FLOAT32, is, 4, "input");
  int b = k->bias ? tm_const(m, TFLC_TT_FLOAT32, bs, 1, bias,
                             (size_t)k->oc * sizeof(float), "bias")
                  : -1;
  int mid = tm_tensor(m, TFLC_TT_FLOAT32, os, 4, "tconv");
  tflc_opt_field f[4] = {tm_opt_int(0, TFLC_OPT_I8, k->padding),
                         tm_opt_int(1, TFLC_OPT_I32, k->sw),
                         tm_opt_int(2, TFLC_OPT_I32, k->sh),
                         tm_opt_int(3, TFLC_OPT_I8, k->act)};
  int ins[4] = {shape, w, in, b};
  tm_op(m, TFLC_OP_TRANSPOSE_CONV, NULL, ins, 4, &mid, 1,
        TFLC_BO_TRANSPOSE_CONV, f, 4);
  int out = mid;
  if (with_relu) {
    out = tm_tensor(m, TFLC_TT_FLOAT32, os, 4, "relu");
    tm_op(m, TFLC_OP_RELU, NULL, &mid, 1, &out, 1, 0, NULL, 0);
  }
  int gin[2] = {shape, in};
  tm_io(m, gin, 2, &out, 1);
  size_t size = 0;
  g->r.bytes = tm_finish(m, &size);
  tm_free(m);
  if (!g->r.bytes) return -1;
  g->r.model =
      TfLiteModelCreateWithErrorReporter(g->r.bytes, size, oo_report, g->r.err);
  if (!g->r.model) return -1;
  TfLiteInterpreterOptions *o = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsSetErrorReporter(o, oo_report, g->r.err);
  g->r.it = TfLiteInterpreterCreate(g->r.model, o);
  TfLiteInterpreterOptionsDelete(o);
  if (!g->r.it) return -1;
  return TfLiteInterpreterAllocateTensors(g->r.it) == kTfLiteOk ? 0 : -1;
}

static TfLiteStatus run(graph *g, const int32_t *oshape, const float *in,
                        size_t nin) {
  g->r.err[0] = '\0';
  TfLiteTensor *s = TfLiteInterpreterGetInputTensor(g->r.it, 0);
  TfLiteTensor *x = TfLiteInterpreterGetInputTensor(g->r.it, 1);
  if (TfLiteTensorCopyFromBuffer(s, oshape, 4 * sizeof(int32_t)) != kTfLiteOk)
    return kTfLiteError;
  if (nin &&
      TfLiteTensorCopyFromBuffer(x, in, nin * sizeof(float)) != kTfLiteOk)
    return kTfLiteError;
  return TfLiteInterpreterInvoke(g->r.it);
}

static void check(const char *label, graph *g, const case2d *k, int oh, int ow,
                  const float *in, const float *wt, const float *bias,
                  int relu) {
  const int32_t oshape[4] = {k->n, oh, ow, k->oc};
  size_t nin = (size_t)k->n * k->h * k->w * k->c;
  size_t nout = (size_t)k->n * oh * ow * k->oc;
  TfLiteStatus st = run(g, oshape, in, nin);
  CHECK_MSG(st == kTfLiteOk, "%s: invoke: %s", label, g->r.err);
  if (st != kTfLiteOk) return;
  double *want = malloc((nout ? nout : 1) * sizeof(double));
  double *mag = malloc((nout ? nout : 1) * sizeof(double));
  ref(k, oh, ow, in, wt, k->bias ? bias : NULL, relu, want, mag);
  const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(g->r.it, 0);
  const int ws[4] = {k->n, oh, ow, k->oc};
  if (oo_check_shape(o, ws, 4, label)) {
    CHECK_EQ_INT(TfLiteTensorByteSize(o), nout * sizeof(float));
    const float *got = TfLiteTensorData(o);
    int bad = 0;
    for (size_t i = 0; i < nout && got; i++) {
      if (fabs((double)got[i] - want[i]) > 1e-5 * mag[i] + 1e-6 && bad++ < 5)
        CHECK_MSG(0, "%s: element %zu is %.9g, want %.9g", label, i,
                  (double)got[i], want[i]);
    }
    CHECK_MSG(bad == 0, "%s: %d wrong elements of %zu", label, bad, nout);
  }
  free(want);
  free(mag);
}

static void test_dynamic(int with_relu) {
  const case2d k = {2, 3, 4, 3, 5, 3, 3, 2, 2, TFLC_PADDING_SAME, TFLC_ACT_NONE,
                    1};
  size_t nin = (size_t)k.n * k.h * k.w * k.c;
  size_t nw = (size_t)k.oc * k.kh * k.kw * k.c;
  float *in = malloc(nin * sizeof(float)), *wt = malloc(nw * sizeof(float));
  float bias[5];
  oo_fill_f32(in, nin, -3, 3);
  oo_fill_f32(wt, nw, -1, 1);
  oo_fill_f32(bias, 5, -1, 1);
  graph g;
  char label[96];
  int ok = build(&k, wt, bias, with_relu, &g) == 0;
  CHECK_MSG(ok, "build: %s", g.r.err);
  if (ok) {
    /* Several output sizes, no AllocateTensors in between. */
    const int sizes[][2] = {{6, 8}, {5, 7}, {6, 8}, {9, 3}, {0, 0}, {1, 1}};
    for (int i = 0; i < 6; i++) {
      snprintf(label, sizeof label, "dynamic%s %dx%d", with_relu ? "+relu" : "",
               sizes[i][0], sizes[i][1]);
      check(label, &g, &k, sizes[i][0], sizes[i][1], in, wt, bias, with_relu);
    }
    /* Bad values are reported at invoke. */
    const int32_t bad_c[4] = {2, 6, 8, 4};
    CHECK(run(&g, bad_c, in, nin) != kTfLiteOk);
    CHECK_CONTAINS(g.r.err, "output_shape has 4 channels, weights have 5");
    const int32_t bad_n[4] = {1, 6, 8, 5};
    CHECK(run(&g, bad_n, in, nin) != kTfLiteOk);
    CHECK_CONTAINS(g.r.err, "batch");
    const int32_t neg[4] = {2, -6, 8, 5};
    CHECK(run(&g, neg, in, nin) != kTfLiteOk);
    CHECK_CONTAINS(g.r.err, "output_shape[1] is -6");
    const int32_t huge[4] = {2, 1 << 20, 1 << 20, 5};
    CHECK(run(&g, huge, in, nin) != kTfLiteOk);
    /* And a good shape works again afterwards. */
    check("dynamic after errors", &g, &k, 6, 8, in, wt, bias, with_relu);
  }
  oo_free(&g.r);
  free(in);
  free(wt);
}

static void test_dynamic_valid(void) {
  const case2d k = {
      1, 4, 3, 2, 3, 2, 3, 3, 1, TFLC_PADDING_VALID, TFLC_ACT_RELU6, 0};
  size_t nin = (size_t)k.n * k.h * k.w * k.c;
  size_t nw = (size_t)k.oc * k.kh * k.kw * k.c;
  float *in = malloc(nin * sizeof(float)), *wt = malloc(nw * sizeof(float));
  oo_fill_f32(in, nin, -3, 3);
  oo_fill_f32(wt, nw, -1, 1);
  graph g;
  int ok = build(&k, wt, NULL, 0, &g) == 0;
  CHECK_MSG(ok, "build valid: %s", g.r.err);
  if (ok) {
    check("dynamic valid natural", &g, &k, 11, 5, in, wt, NULL, 0);
    check("dynamic valid larger", &g, &k, 12, 6, in, wt, NULL, 0);
  }
  oo_free(&g.r);
  free(in);
  free(wt);
}

int main(void) {
  test_dynamic(0);
  test_dynamic(1);
  test_dynamic_valid();
  return CHECK_DONE();
}
