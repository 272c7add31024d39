/* Op tests of the quantized convolutions: CONV_2D, DEPTHWISE_CONV_2D and
 * TRANSPOSE_CONV in int8 (per-channel and per-tensor weights), uint8
 * (asymmetric weights) and int16x8 (int64, int32 or no bias), every fused
 * clamp activation, SAME/VALID, strides, dilations, groups; the hybrid
 * (float input, int8 weights) CONV_2D and DEPTHWISE_CONV_2D; and the
 * refusal of bad quantization parameters at AllocateTensors. Expected
 * values come from the integer formulas of TensorFlow Lite's reference
 * kernels written out here (qr_* of tests/support/op_test.h), compared exactly.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/op_test.h"

enum { OP_CONV, OP_DW, OP_TCONV };

typedef struct qcase {
  int op;
  TfLiteType type; /* INT8, UINT8, INT16 */
  int n, h, w, c;  /* input */
  int oc, kh, kw;  /* output channels, filter size */
  int groups;      /* CONV_2D */
  int sh, sw, dh, dw;
  int padding, act;
  int per_channel;
  int bias;         /* 0 none, 1 int32, 2 int64 */
  int out_h, out_w; /* TRANSPOSE_CONV output size */
} qcase;

static int out_size(int padding, int in, int k, int s, int d) {
  int eff = (k - 1) * d + 1;
  if (padding == TFLC_PADDING_SAME) return (in + s - 1) / s;
  return in - eff + 1 <= 0 ? 0 : (in - eff + s) / s;
}

static int pad_before(int in, int k, int s, int d, int out) {
  int total = (out - 1) * s + (k - 1) * d + 1 - in;
  return total > 0 ? total / 2 : 0;
}

typedef struct qparams {
  float in_s, out_s;
  int32_t in_zp, out_zp, f_zp;
  float f_s[64];
} qparams;

static void choose_params(const qcase *k, qparams *p) {
  memset(p, 0, sizeof *p);
  switch (k->type) {
    case kTfLiteInt8:
      p->in_s = 0.05f;
      p->in_zp = 3;
      p->out_s = 0.08f;
      p->out_zp = -4;
      break;
    case kTfLiteUInt8:
      p->in_s = 0.05f;
      p->in_zp = 128;
      p->out_s = 0.2f;
      p->out_zp = 130;
      p->f_zp = 120;
      break;
    default:
      p->in_s = 0.002f;
      p->out_s = 0.004f;
      break;
  }
  for (int c = 0; c < k->oc; c++)
    p->f_s[c] = k->per_channel
                    ? 0.004f * (float)(1 + c % 3) + 0.0003f * (float)c
                    : (k->type == kTfLiteUInt8 ? 0.01f : 0.005f);
}

static int64_t *make_input(const qcase *k, size_t n) {
  if (k->type == kTfLiteInt8) return qr_random(n, -128, 127);
  if (k->type == kTfLiteUInt8) return qr_random(n, 0, 255);
  return qr_random(n, -3000, 3000);
}

static void check_case(const char *label, const qcase *k) {
  qparams p;
  choose_params(k, &p);
  const int groups = k->op == OP_CONV && k->groups > 0 ? k->groups : 1;
  int oh, ow, fshape[4];
  if (k->op == OP_TCONV) {
    oh = k->out_h;
    ow = k->out_w;
  } else {
    oh = out_size(k->padding, k->h, k->kh, k->sh, k->dh);
    ow = out_size(k->padding, k->w, k->kw, k->sw, k->dw);
  }
  if (k->op == OP_DW) {
    fshape[0] = 1;
    fshape[1] = k->kh;
    fshape[2] = k->kw;
    fshape[3] = k->oc;
  } else {
    fshape[0] = k->oc;
    fshape[1] = k->kh;
    fshape[2] = k->kw;
    fshape[3] = k->op == OP_CONV ? k->c / groups : k->c;
  }
  const int ishape[4] = {k->n, k->h, k->w, k->c};
  const int oshape[4] = {k->n, oh, ow, k->oc};
  const int bshape[1] = {k->oc};
  const size_t nin = oo_count(ishape, 4), nf = oo_count(fshape, 4);
  const size_t nout = oo_count(oshape, 4);
  int64_t *in = make_input(k, nin);
  int64_t *f = k->type == kTfLiteUInt8 ? qr_random(nf, 0, 255)
                                       : qr_random(nf, -127, 127);
  int64_t *b = k->bias == 2 ? qr_random((size_t)k->oc, -400000, 400000)
                            : qr_random((size_t)k->oc, -3000, 3000);
  const TfLiteType ftype = k->type == kTfLiteUInt8 ? kTfLiteUInt8 : kTfLiteInt8;
  const TfLiteType btype = k->bias == 2 ? kTfLiteInt64 : kTfLiteInt32;
  void *in_buf = qr_pack(k->type, in, nin), *f_buf = qr_pack(ftype, f, nf);
  void *b_buf = qr_pack(btype, b, (size_t)k->oc);

  /* Reference: multipliers, clamp range, accumulate exactly. */
  int32_t mult[64];
  int shift[64];
  for (int c = 0; c < k->oc; c++) {
    double real = k->type == kTfLiteUInt8
                      ? (double)(p.in_s * p.f_s[c]) / (double)p.out_s
                      : (double)p.in_s * (double)p.f_s[c] / (double)p.out_s;
    qr_multiplier(real, &mult[c], &shift[c]);
  }
  int32_t lo, hi;
  qr_act_range(k->act, p.out_s, p.out_zp, k->type, &lo, &hi);
  int64_t *acc = calloc(nout ? nout : 1, sizeof(int64_t));
  const int fin = fshape[3];
  if (k->op == OP_TCONV) {
    int pt = k->padding == TFLC_PADDING_SAME
                 ? pad_before(oh, k->kh, k->sh, 1, k->h)
                 : 0;
    int pl = k->padding == TFLC_PADDING_SAME
                 ? pad_before(ow, k->kw, k->sw, 1, k->w)
                 : 0;
    for (int bb = 0; bb < k->n; bb++)
      for (int y = 0; y < k->h; y++)
        for (int x = 0; x < k->w; x++)
          for (int ky = 0; ky < k->kh; ky++)
            for (int kx = 0; kx < k->kw; kx++) {
              int oy = y * k->sh - pt + ky, ox = x * k->sw - pl + kx;
              if (oy < 0 || oy >= oh || ox < 0 || ox >= ow) continue;
              for (int o = 0; o < k->oc; o++)
                for (int ci = 0; ci < k->c; ci++) {
                  int64_t xv =
                      in[((size_t)(bb * k->h + y) * k->w + x) * k->c + ci] -
                      p.in_zp;
                  int64_t wv =
                      f[((size_t)(o * k->kh + ky) * k->kw + kx) * k->c + ci] -
                      p.f_zp;
                  acc[((size_t)(bb * oh + oy) * ow + ox) * k->oc + o] +=
                      xv * wv;
                }
            }
  } else {
    int pt = pad_before(k->h, k->kh, k->sh, k->dh, oh);
    int pl = pad_before(k->w, k->kw, k->sw, k->dw, ow);
    for (int bb = 0; bb < k->n; bb++)
      for (int y = 0; y < oh; y++)
        for (int x = 0; x < ow; x++)
          for (int o = 0; o < k->oc; o++) {
            int64_t s = 0;
            for (int ky = 0; ky < k->kh; ky++)
              for (int kx = 0; kx < k->kw; kx++) {
                int iy = y * k->sh - pt + ky * k->dh,
                    ix = x * k->sw - pl + kx * k->dw;
                if (iy < 0 || iy >= k->h || ix < 0 || ix >= k->w) continue;
                size_t pix = ((size_t)(bb * k->h + iy) * k->w + ix) * k->c;
                if (k->op == OP_DW) {
                  int ci = o / (k->oc / k->c);
                  s += (in[pix + ci] - p.in_zp) *
                       (f[((size_t)ky * k->kw + kx) * k->oc + o] - p.f_zp);
                } else {
                  int g = o / (k->oc / groups);
                  for (int ci = 0; ci < fin; ci++)
                    s +=
                        (in[pix + g * fin + ci] - p.in_zp) *
                        (f[((size_t)(o * k->kh + ky) * k->kw + kx) * fin + ci] -
                         p.f_zp);
                }
              }
            acc[((size_t)(bb * oh + y) * ow + x) * k->oc + o] = s;
          }
  }
  int64_t *want = malloc((nout ? nout : 1) * sizeof(int64_t));
  for (size_t i = 0; i < nout; i++) {
    int o = (int)(i % (size_t)k->oc);
    int32_t v;
    if (k->type == kTfLiteInt16 && k->bias != 1) {
      v = qr_mul64(acc[i] + (k->bias ? b[o] : 0), mult[o], shift[o]);
    } else {
      int32_t a = (int32_t)acc[i] + (k->bias ? (int32_t)b[o] : 0);
      v = qr_mul(a, mult[o], shift[o]) + p.out_zp;
    }
    want[i] = qr_clamp(v, lo, hi);
  }

  /* The model. */
  const int nq = k->per_channel ? k->oc : 1;
  int64_t fzp[64] = {0};
  for (int c = 0; c < 64; c++) fzp[c] = p.f_zp;
  const int64_t in_zp = p.in_zp, out_zp = p.out_zp;
  oo_tensor ins[4];
  int nins = 0;
  tflc_opt_field fl[8];
  int nfl = 0;
  oo_op op;
  memset(&op, 0, sizeof op);
  int32_t os_val[4] = {k->n, oh, ow, k->oc};
  const int os_shape[1] = {4};
  const oo_tensor t_in = {qr_tt(k->type), ishape, 4, in_buf, 0, 1,
                          &p.in_s,        &in_zp, 0};
  const oo_tensor t_f = {qr_tt(ftype), fshape, 4,
                         f_buf,        1,      nq,
                         p.f_s,        fzp,    k->op == OP_DW ? 3 : 0};
  const oo_tensor t_b = {
      k->bias ? qr_tt(btype) : -1, bshape, 1, b_buf, 1, 0, NULL, NULL, 0};
  if (k->op == OP_TCONV) {
    ins[nins++] =
        (oo_tensor){TFLC_TT_INT32, os_shape, 1, os_val, 1, 0, NULL, NULL, 0};
    ins[nins++] = t_f;
    ins[nins++] = t_in;
    if (k->bias) ins[nins++] = t_b;
    op.op = TFLC_OP_TRANSPOSE_CONV;
    op.bo = TFLC_BO_TRANSPOSE_CONV;
    fl[nfl++] = tm_opt_int(0, TFLC_OPT_I8, k->padding);
    fl[nfl++] = tm_opt_int(1, TFLC_OPT_I32, k->sw);
    fl[nfl++] = tm_opt_int(2, TFLC_OPT_I32, k->sh);
    fl[nfl++] = tm_opt_int(3, TFLC_OPT_I8, k->act);
  } else {
    ins[nins++] = t_in;
    ins[nins++] = t_f;
    if (k->bias) ins[nins++] = t_b;
    fl[nfl++] = tm_opt_int(0, TFLC_OPT_I8, k->padding);
    fl[nfl++] = tm_opt_int(1, TFLC_OPT_I32, k->sw);
    fl[nfl++] = tm_opt_int(2, TFLC_OPT_I32, k->sh);
    if (k->op == OP_DW) {
      op.op = TFLC_OP_DEPTHWISE_CONV_2D;
      op.bo = TFLC_BO_DEPTHWISE_CONV_2D;
      fl[nfl++] = tm_opt_int(3, TFLC_OPT_I32, k->oc / k->c);
      fl[nfl++] = tm_opt_int(4, TFLC_OPT_I8, k->act);
      fl[nfl++] = tm_opt_int(5, TFLC_OPT_I32, k->dw);
      fl[nfl++] = tm_opt_int(6, TFLC_OPT_I32, k->dh);
    } else {
      op.op = TFLC_OP_CONV_2D;
      op.bo = TFLC_BO_CONV_2D;
      fl[nfl++] = tm_opt_int(3, TFLC_OPT_I8, k->act);
      fl[nfl++] = tm_opt_int(4, TFLC_OPT_I32, k->dw);
      fl[nfl++] = tm_opt_int(5, TFLC_OPT_I32, k->dh);
    }
  }
  op.fields = fl;
  op.n_fields = nfl;
  op.inputs = ins;
  op.n_inputs = nins;
  op.out =
      (oo_tensor){qr_tt(k->type), oshape, 4, NULL, 0, 1, &p.out_s, &out_zp, 0};
  oo_run r;
  const TfLiteTensor *t = oo_run_op(&op, &r, label);
  if (t && oo_check_shape(t, oshape, 4, label)) {
    const void *got = TfLiteTensorData(t);
    int bad = 0;
    for (size_t i = 0; i < nout; i++) {
      int64_t g = qr_get(k->type, got, i);
      if (g != want[i] && bad++ < 4)
        CHECK_MSG(0, "%s: element %zu is %lld, want %lld", label, i,
                  (long long)g, (long long)want[i]);
    }
    CHECK_MSG(bad == 0, "%s: %d of %zu elements differ", label, bad, nout);
  }
  oo_free(&r);
  free(in);
  free(f);
  free(b);
  free(in_buf);
  free(f_buf);
  free(b_buf);
  free(acc);
  free(want);
}

static void test_conv(void) {
  const int acts[4] = {TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU_N1_TO_1,
                       TFLC_ACT_RELU6};
  const TfLiteType types[3] = {kTfLiteInt8, kTfLiteUInt8, kTfLiteInt16};
  char label[128];
  for (int ti = 0; ti < 3; ti++) {
    for (int ai = 0; ai < 4; ai++) {
      for (int pc = 0; pc < 2; pc++) {
        if (types[ti] == kTfLiteUInt8 && pc) continue;
        qcase k = {OP_CONV,
                   types[ti],
                   2,
                   7,
                   6,
                   4,
                   5,
                   3,
                   3,
                   1,
                   2,
                   1,
                   1,
                   1,
                   ai % 2 ? TFLC_PADDING_VALID : TFLC_PADDING_SAME,
                   acts[ai],
                   pc,
                   1,
                   0,
                   0};
        if (types[ti] == kTfLiteInt16) k.bias = 1 + (ai % 2);
        snprintf(label, sizeof label, "conv %s act %d pc %d",
                 TfLiteTypeGetName(types[ti]), acts[ai], pc);
        check_case(label, &k);
      }
    }
    /* dilation, no bias, 1x1, groups */
    qcase k1 = {OP_CONV,
                types[ti],
                1,
                8,
                8,
                3,
                4,
                3,
                3,
                1,
                1,
                1,
                2,
                2,
                TFLC_PADDING_SAME,
                TFLC_ACT_NONE,
                types[ti] != kTfLiteUInt8,
                0,
                0,
                0};
    snprintf(label, sizeof label, "conv %s dilated no bias",
             TfLiteTypeGetName(types[ti]));
    check_case(label, &k1);
    qcase k2 = {OP_CONV,
                types[ti],
                1,
                4,
                5,
                6,
                4,
                1,
                1,
                1,
                1,
                1,
                1,
                1,
                TFLC_PADDING_VALID,
                TFLC_ACT_RELU,
                types[ti] != kTfLiteUInt8,
                1,
                0,
                0};
    snprintf(label, sizeof label, "conv %s 1x1", TfLiteTypeGetName(types[ti]));
    check_case(label, &k2);
    qcase k3 = {OP_CONV,
                types[ti],
                1,
                5,
                5,
                4,
                6,
                3,
                2,
                2,
                1,
                2,
                1,
                1,
                TFLC_PADDING_SAME,
                TFLC_ACT_RELU6,
                types[ti] != kTfLiteUInt8,
                1,
                0,
                0};
    snprintf(label, sizeof label, "conv %s grouped",
             TfLiteTypeGetName(types[ti]));
    check_case(label, &k3);
  }
}

static void test_depthwise(void) {
  const int acts[4] = {TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU_N1_TO_1,
                       TFLC_ACT_RELU6};
  const TfLiteType types[3] = {kTfLiteInt8, kTfLiteUInt8, kTfLiteInt16};
  char label[128];
  for (int ti = 0; ti < 3; ti++) {
    for (int ai = 0; ai < 4; ai++) {
      for (int pc = 0; pc < 2; pc++) {
        if (types[ti] == kTfLiteUInt8 && pc) continue;
        qcase k = {OP_DW,
                   types[ti],
                   2,
                   7,
                   6,
                   3,
                   6,
                   3,
                   3,
                   1,
                   2,
                   2,
                   1,
                   1,
                   ai % 2 ? TFLC_PADDING_VALID : TFLC_PADDING_SAME,
                   acts[ai],
                   pc,
                   ai == 3 ? 0 : 1,
                   0,
                   0};
        if (types[ti] == kTfLiteInt16 && k.bias) k.bias = 1 + (ai % 2);
        snprintf(label, sizeof label, "depthwise %s act %d pc %d",
                 TfLiteTypeGetName(types[ti]), acts[ai], pc);
        check_case(label, &k);
      }
    }
    qcase k1 = {OP_DW,
                types[ti],
                1,
                9,
                9,
                4,
                4,
                3,
                3,
                1,
                1,
                1,
                2,
                3,
                TFLC_PADDING_SAME,
                TFLC_ACT_NONE,
                types[ti] != kTfLiteUInt8,
                1,
                0,
                0};
    snprintf(label, sizeof label, "depthwise %s dilated",
             TfLiteTypeGetName(types[ti]));
    check_case(label, &k1);
  }
}

static void test_transpose_conv(void) {
  const int acts[4] = {TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU_N1_TO_1,
                       TFLC_ACT_RELU6};
  const TfLiteType types[3] = {kTfLiteInt8, kTfLiteUInt8, kTfLiteInt16};
  char label[128];
  for (int ti = 0; ti < 3; ti++) {
    for (int ai = 0; ai < 4; ai++) {
      const int same = ai % 2 == 0;
      qcase k = {OP_TCONV,
                 types[ti],
                 1,
                 4,
                 3,
                 3,
                 4,
                 3,
                 3,
                 1,
                 2,
                 2,
                 1,
                 1,
                 same ? TFLC_PADDING_SAME : TFLC_PADDING_VALID,
                 acts[ai],
                 types[ti] != kTfLiteUInt8,
                 ai == 2 ? 0 : 1,
                 same ? 8 : 9,
                 same ? 6 : 7};
      if (types[ti] == kTfLiteInt16 && k.bias) k.bias = 1 + (ai % 2);
      snprintf(label, sizeof label, "transpose_conv %s act %d",
               TfLiteTypeGetName(types[ti]), acts[ai]);
      check_case(label, &k);
    }
  }
}

/* ---- hybrid ------------------------------------------------------------- */

typedef struct hcase {
  int dw; /* DEPTHWISE_CONV_2D, else CONV_2D */
  int n, h, w, c, oc, kh, kw, groups, stride, padding, act;
  int scales_differ; /* else one scale repeated or per tensor */
  int n_scales;      /* 1 or oc */
} hcase;

static void check_hybrid(const char *label, const hcase *k) {
  const int groups = k->groups > 0 ? k->groups : 1;
  const int oh = out_size(k->padding, k->h, k->kh, k->stride, 1);
  const int ow = out_size(k->padding, k->w, k->kw, k->stride, 1);
  const int fin = k->dw ? 1 : k->c / groups;
  int fshape[4] = {k->oc, k->kh, k->kw, fin};
  if (k->dw) {
    fshape[0] = 1;
    fshape[3] = k->oc;
  }
  const int ishape[4] = {k->n, k->h, k->w, k->c},
            oshape[4] = {k->n, oh, ow, k->oc};
  const int bshape[1] = {k->oc};
  const size_t nin = oo_count(ishape, 4), nf = oo_count(fshape, 4),
               nout = oo_count(oshape, 4);
  float *in = malloc(nin * sizeof(float)), bias[64], scales[64];
  for (size_t i = 0; i < nin; i++) in[i] = 2.0f * qr_frand();
  if (k->n > 1)
    for (size_t i = nin / (size_t)k->n; i < 2 * nin / (size_t)k->n; i++)
      in[i] *= 0.25f;
  int64_t *f = qr_random(nf, -127, 127);
  int8_t *f8 = qr_pack(kTfLiteInt8, f, nf);
  for (int c = 0; c < k->oc; c++) {
    bias[c] = 0.5f * qr_frand();
    scales[c] = k->scales_differ ? 0.01f + 0.002f * (float)c : 0.012f;
  }
  /* Reference: per channel (asymmetric rows) when the scales differ, the
   * conv is grouped or it is depthwise; else per tensor (symmetric). */
  const int per_channel = k->dw || groups > 1 || k->scales_differ;
  const size_t row = nin / (size_t)k->n;
  int32_t *q = malloc(nin * sizeof(int32_t));
  float rs[8];
  int32_t zp[8];
  for (int b = 0; b < k->n; b++) {
    if (per_channel)
      qr_quant_asym(in + b * row, row, q + b * row, &rs[b], &zp[b]);
    else {
      qr_quant_sym(in + b * row, row, q + b * row, &rs[b]);
      zp[b] = 0;
    }
  }
  float lo = -INFINITY, hi = INFINITY;
  if (k->act == TFLC_ACT_RELU) lo = 0;
  if (k->act == TFLC_ACT_RELU6) {
    lo = 0;
    hi = 6;
  }
  if (k->act == TFLC_ACT_RELU_N1_TO_1) {
    lo = -1;
    hi = 1;
  }
  const int pt = pad_before(k->h, k->kh, k->stride, 1, oh),
            pl = pad_before(k->w, k->kw, k->stride, 1, ow);
  double *want = malloc(nout * sizeof(double));
  size_t idx = 0;
  for (int b = 0; b < k->n; b++)
    for (int y = 0; y < oh; y++)
      for (int x = 0; x < ow; x++)
        for (int o = 0; o < k->oc; o++, idx++) {
          int32_t acc = 0;
          for (int ky = 0; ky < k->kh; ky++)
            for (int kx = 0; kx < k->kw; kx++) {
              int iy = y * k->stride - pt + ky, ix = x * k->stride - pl + kx;
              if (iy < 0 || iy >= k->h || ix < 0 || ix >= k->w) continue;
              size_t pix = ((size_t)(b * k->h + iy) * k->w + ix) * k->c;
              if (k->dw) {
                acc += (int32_t)f[((size_t)ky * k->kw + kx) * k->oc + o] *
                       (q[pix + o / (k->oc / k->c)] - zp[b]);
              } else {
                int g = o / (k->oc / groups);
                for (int ci = 0; ci < fin; ci++)
                  acc +=
                      (int32_t)f[((size_t)(o * k->kh + ky) * k->kw + kx) * fin +
                                 ci] *
                      (q[pix + g * fin + ci] - zp[b]);
              }
            }
          float v = per_channel ? (float)acc * scales[o] * rs[b]
                                : (float)acc * (rs[b] * scales[0]);
          v += bias[o];
          want[idx] = v < lo ? lo : (v > hi ? hi : v);
        }
  int64_t zeros[64] = {0};
  const oo_tensor ins[3] = {
      {TFLC_TT_FLOAT32, ishape, 4, in, 0, 0, NULL, NULL, 0},
      {TFLC_TT_INT8, fshape, 4, f8, 1, k->n_scales, scales, zeros,
       k->dw ? 3 : 0},
      {TFLC_TT_FLOAT32, bshape, 1, bias, 1, 0, NULL, NULL, 0}};
  tflc_opt_field fl[8];
  int nfl = 0;
  fl[nfl++] = tm_opt_int(0, TFLC_OPT_I8, k->padding);
  fl[nfl++] = tm_opt_int(1, TFLC_OPT_I32, k->stride);
  fl[nfl++] = tm_opt_int(2, TFLC_OPT_I32, k->stride);
  if (k->dw) {
    fl[nfl++] = tm_opt_int(3, TFLC_OPT_I32, k->oc / k->c);
    fl[nfl++] = tm_opt_int(4, TFLC_OPT_I8, k->act);
  } else {
    fl[nfl++] = tm_opt_int(3, TFLC_OPT_I8, k->act);
  }
  oo_op op = {k->dw ? TFLC_OP_DEPTHWISE_CONV_2D : TFLC_OP_CONV_2D,
              k->dw ? TFLC_BO_DEPTHWISE_CONV_2D : TFLC_BO_CONV_2D,
              fl,
              nfl,
              ins,
              3,
              {TFLC_TT_FLOAT32, oshape, 4, NULL, 0, 0, NULL, NULL, 0}};
  oo_run r;
  const TfLiteTensor *t = oo_run_op(&op, &r, label);
  if (t && oo_check_shape(t, oshape, 4, label)) {
    const float *got = TfLiteTensorData(t);
    int bad = 0;
    for (size_t i = 0; i < nout; i++) {
      double tol = 1e-5 * fabs(want[i]) + 1e-6;
      if (fabs((double)got[i] - want[i]) > tol && bad++ < 4)
        CHECK_MSG(0, "%s: element %zu is %.9g, want %.9g", label, i,
                  (double)got[i], want[i]);
    }
    CHECK_MSG(bad == 0, "%s: %d of %zu elements differ", label, bad, nout);
  }
  oo_free(&r);
  free(in);
  free(f);
  free(f8);
  free(q);
  free(want);
}

static void test_hybrid(void) {
  const hcase cases[] = {
      /* dw n  h  w  c oc kh kw g s padding act differ n_scales */
      {0, 2, 6, 5, 3, 4, 3, 3, 1, 1, TFLC_PADDING_SAME, TFLC_ACT_NONE, 1, 4},
      {0, 2, 6, 5, 3, 4, 3, 3, 1, 2, TFLC_PADDING_VALID, TFLC_ACT_RELU, 0, 4},
      {0, 1, 5, 5, 2, 3, 2, 2, 1, 1, TFLC_PADDING_SAME, TFLC_ACT_RELU6, 0, 1},
      {0, 2, 5, 4, 4, 4, 3, 3, 2, 1, TFLC_PADDING_SAME, TFLC_ACT_RELU_N1_TO_1,
       0, 1},
      {1, 2, 6, 6, 3, 6, 3, 3, 1, 1, TFLC_PADDING_SAME, TFLC_ACT_NONE, 1, 6},
      {1, 1, 6, 6, 3, 3, 3, 3, 1, 2, TFLC_PADDING_VALID, TFLC_ACT_RELU6, 0, 1},
  };
  char label[64];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    snprintf(label, sizeof label, "hybrid case %zu", i);
    check_hybrid(label, &cases[i]);
  }
}

/* ---- refusal of bad quantization parameters ------------------------------ */

static void expect_conv_error(const char *label, float in_scale, int64_t in_zp,
                              const float *f_scales, int n_f, int qdim,
                              int64_t f_zp, int8_t in_tt, int8_t b_tt, int act,
                              const char *needle) {
  const int ishape[4] = {1, 4, 4, 2}, fshape[4] = {3, 2, 2, 2},
            oshape[4] = {1, 4, 4, 3};
  const int bshape[1] = {3};
  static int8_t fdata[24];
  static int64_t bdata[3];
  static int16_t idata[32];
  int64_t fzp[3] = {f_zp, f_zp, f_zp};
  const float out_s = 0.1f;
  const int64_t out_zp = 0;
  const int8_t f_tt = in_tt == TFLC_TT_UINT8 ? TFLC_TT_UINT8 : TFLC_TT_INT8;
  const oo_tensor ins[3] = {
      {in_tt, ishape, 4, idata, 0, 1, &in_scale, &in_zp, 0},
      {f_tt, fshape, 4, fdata, 1, n_f, f_scales, fzp, qdim},
      {b_tt, bshape, 1, bdata, 1, 0, NULL, NULL, 0}};
  tflc_opt_field fl[4] = {tm_opt_int(0, TFLC_OPT_I8, TFLC_PADDING_SAME),
                          tm_opt_int(1, TFLC_OPT_I32, 1),
                          tm_opt_int(2, TFLC_OPT_I32, 1),
                          tm_opt_int(3, TFLC_OPT_I8, act)};
  oo_op op = {TFLC_OP_CONV_2D,
              TFLC_BO_CONV_2D,
              fl,
              4,
              ins,
              3,
              {in_tt, oshape, 4, NULL, 0, 1, &out_s, &out_zp, 0}};
  char full[160];
  snprintf(full, sizeof full, "errors: %s", label);
  oo_expect_error(&op, needle, full);
}

static void test_errors(void) {
  const float ok3[3] = {0.01f, 0.02f, 0.03f};
  const float zero3[3] = {0.01f, 0.0f, 0.03f};
  const float neg3[3] = {0.01f, -0.02f, 0.03f};
  const float nan3[3] = {0.01f, NAN, 0.03f};
  const float inf3[3] = {0.01f, INFINITY, 0.03f};
  const float two[2] = {0.01f, 0.02f};
  const int8_t I8 = TFLC_TT_INT8, U8 = TFLC_TT_UINT8, I16 = TFLC_TT_INT16,
               I32 = TFLC_TT_INT32;
  expect_conv_error("zero filter scale", 0.05f, 0, zero3, 3, 0, 0, I8, I32, 0,
                    "invalid quantization scale");
  expect_conv_error("negative filter scale", 0.05f, 0, neg3, 3, 0, 0, I8, I32,
                    0, "invalid quantization scale");
  expect_conv_error("NaN filter scale", 0.05f, 0, nan3, 3, 0, 0, I8, I32, 0,
                    "invalid quantization scale");
  expect_conv_error("infinite filter scale", 0.05f, 0, inf3, 3, 0, 0, I8, I32,
                    0, "invalid quantization scale");
  expect_conv_error("zero input scale", 0.0f, 0, ok3, 3, 0, 0, I8, I32, 0,
                    "tensor 'in0'");
  expect_conv_error("input zero point out of range", 0.05f, 200, ok3, 3, 0, 0,
                    I8, I32, 0, "zero point 200 outside");
  expect_conv_error("per-channel count", 0.05f, 0, two, 2, 0, 0, I8, I32, 0,
                    "in1");
  expect_conv_error("per-channel axis", 0.05f, 0, ok3, 3, 3, 0, I8, I32, 0,
                    "in1");
  expect_conv_error("int8 filter zero point", 0.05f, 0, ok3, 1, 0, 5, I8, I32,
                    0, "symmetric");
  expect_conv_error("uint8 per-channel", 0.05f, 128, ok3, 3, 0, 128, U8, I32, 0,
                    "per channel");
  expect_conv_error("int16 input zero point", 0.05f, 7, ok3, 3, 0, 0, I16,
                    TFLC_TT_INT64, 0, "zero point 7");
  expect_conv_error("int8 with int64 bias", 0.05f, 0, ok3, 3, 0, 0, I8,
                    TFLC_TT_INT64, 0, "bias type INT64");
  expect_conv_error("TANH activation", 0.05f, 0, ok3, 3, 0, 0, I8, I32,
                    TFLC_ACT_TANH, "fused activation");
  /* The operator is named in the message. */
  expect_conv_error("node named", 0.05f, 0, zero3, 3, 0, 0, I8, I32, 0,
                    "CONV_2D");
}

/* The row split over threads gives the same integers as one thread. */
static void test_threads(void) {
  const int ishape[4] = {2, 17, 13, 8}, fshape[4] = {16, 3, 3, 8},
            oshape[4] = {2, 17, 13, 16};
  const int bshape[1] = {16};
  const size_t nin = oo_count(ishape, 4), nf = oo_count(fshape, 4),
               nout = oo_count(oshape, 4);
  int64_t *in = qr_random(nin, -128, 127), *f = qr_random(nf, -127, 127);
  int64_t *b = qr_random(16, -5000, 5000);
  void *ib = qr_pack(kTfLiteInt8, in, nin), *fb = qr_pack(kTfLiteInt8, f, nf);
  void *bb = qr_pack(kTfLiteInt32, b, 16);
  const float in_s = 0.05f, out_s = 0.1f;
  float fs[16];
  int64_t fzp[16] = {0};
  for (int i = 0; i < 16; i++) fs[i] = 0.003f + 0.0002f * (float)i;
  const int64_t in_zp = -2, out_zp = 3;
  const oo_tensor ins[3] = {
      {TFLC_TT_INT8, ishape, 4, ib, 0, 1, &in_s, &in_zp, 0},
      {TFLC_TT_INT8, fshape, 4, fb, 1, 16, fs, fzp, 0},
      {TFLC_TT_INT32, bshape, 1, bb, 1, 0, NULL, NULL, 0}};
  tflc_opt_field fl[3] = {tm_opt_int(0, TFLC_OPT_I8, TFLC_PADDING_SAME),
                          tm_opt_int(1, TFLC_OPT_I32, 1),
                          tm_opt_int(2, TFLC_OPT_I32, 1)};
  oo_op op = {TFLC_OP_CONV_2D,
              TFLC_BO_CONV_2D,
              fl,
              3,
              ins,
              3,
              {TFLC_TT_INT8, oshape, 4, NULL, 0, 1, &out_s, &out_zp, 0}};
  int8_t *outs[2] = {malloc(nout), malloc(nout)};
  for (int pass = 0; pass < 2; pass++) {
    oo_run r;
    memset(outs[pass], 0x55, nout);
    if (oo_build(&op, &r) != 0) {
      CHECK_MSG(0, "threads: build failed: %s", r.err);
      oo_free(&r);
      continue;
    }
    if (pass == 1) {
      /* Rebuild with 4 threads. */
      TfLiteInterpreterDelete(r.it);
      TfLiteInterpreterOptions *o = TfLiteInterpreterOptionsCreate();
      TfLiteInterpreterOptionsSetNumThreads(o, 4);
      r.it = TfLiteInterpreterCreate(r.model, o);
      TfLiteInterpreterOptionsDelete(o);
      CHECK(r.it && TfLiteInterpreterAllocateTensors(r.it) == kTfLiteOk);
    }
    if (r.it && oo_invoke(&op, &r) == kTfLiteOk) {
      memcpy(outs[pass],
             TfLiteTensorData(TfLiteInterpreterGetOutputTensor(r.it, 0)), nout);
    }
    oo_free(&r);
  }
  CHECK_MSG(memcmp(outs[0], outs[1], nout) == 0,
            "threads: 1 and 4 threads differ");
  free(outs[0]);
  free(outs[1]);
  free(in);
  free(f);
  free(b);
  free(ib);
  free(fb);
  free(bb);
}

int main(void) {
  test_threads();
  test_conv();
  test_depthwise();
  test_transpose_conv();
  test_hybrid();
  test_errors();
  return CHECK_DONE();
}
