/* Op tests of quantized FULLY_CONNECTED (int8 with per-tensor or
 * per-channel weights, uint8 with weight zero points, int16x8 with int64,
 * int32 or no bias; keep_num_dims; omitted bias; every fused clamp
 * activation) and BATCH_MATMUL (int8 with zero points, int16; adj_x/adj_y,
 * broadcast batch dims), the hybrid forms (float input, int8 weights;
 * asymmetric_quantize_inputs false and true; per-tensor and per-channel
 * scales) and the refusal of bad quantization parameters. Expected values
 * come from TensorFlow Lite's reference formulas written out here (int16
 * FULLY_CONNECTED: its double-precision rescale)
 * (qr_* of tests/support/op_test.h): integer outputs compared exactly, hybrid
 * within float rounding. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/op_test.h"

/* ---- FULLY_CONNECTED ----------------------------------------------------- */

typedef struct fcase {
  TfLiteType type;
  int batch, depth, units;
  int per_channel;
  int bias; /* 0 omitted (-1), 1 int32, 2 int64, 3 only 2 inputs */
  int act;
  int keep_num_dims; /* input [2, batch/2, depth] */
  int w_zp;          /* weight zero point (per tensor) */
} fcase;

static void check_fc(const char *label, const fcase *k) {
  float in_s = 0.04f, out_s = 0.1f, w_s[64];
  int64_t in_zp = 0, out_zp = 0;
  if (k->type == kTfLiteInt8) {
    in_zp = -7;
    out_zp = 5;
  }
  if (k->type == kTfLiteUInt8) {
    in_zp = 127;
    out_zp = 120;
    out_s = 0.3f;
  }
  if (k->type == kTfLiteInt16) {
    in_s = 0.001f;
    out_s = 0.002f;
  }
  for (int u = 0; u < k->units; u++)
    w_s[u] = k->per_channel ? 0.003f + 0.0007f * (float)u : 0.006f;
  const size_t nin = (size_t)k->batch * k->depth,
               nw = (size_t)k->units * k->depth;
  const size_t nout = (size_t)k->batch * k->units;
  int64_t *in = k->type == kTfLiteInt8    ? qr_random(nin, -128, 127)
                : k->type == kTfLiteUInt8 ? qr_random(nin, 0, 255)
                                          : qr_random(nin, -5000, 5000);
  const TfLiteType wt = k->type == kTfLiteUInt8 ? kTfLiteUInt8 : kTfLiteInt8;
  int64_t *w =
      wt == kTfLiteUInt8 ? qr_random(nw, 0, 255) : qr_random(nw, -127, 127);
  int64_t *b = qr_random((size_t)k->units, k->bias == 2 ? -300000 : -4000,
                         k->bias == 2 ? 300000 : 4000);
  const TfLiteType bt = k->bias == 2 ? kTfLiteInt64 : kTfLiteInt32;
  const int has_bias = k->bias == 1 || k->bias == 2;
  int32_t lo, hi;
  qr_act_range(k->act, out_s, (int32_t)out_zp, k->type, &lo, &hi);
  int64_t *want = malloc(nout * sizeof(int64_t));
  for (int bb = 0; bb < k->batch; bb++)
    for (int u = 0; u < k->units; u++) {
      int64_t acc = 0;
      for (int i = 0; i < k->depth; i++)
        acc += (w[(size_t)u * k->depth + i] - k->w_zp) *
               (in[(size_t)bb * k->depth + i] - in_zp);
      if (has_bias) acc += b[u];
      int32_t m;
      int e;
      double real = k->per_channel
                        ? (double)in_s * (double)w_s[u] / (double)out_s
                        : (double)(in_s * w_s[0]) / (double)out_s;
      qr_multiplier(real, &m, &e);
      /* int16: TensorFlow Lite's current reference rescales in double,
       * round(acc * s_in * s_w / s_out) (an int32 bias keeps the int32
       * accumulator); int8/uint8: the fixed-point multiplier. */
      const double real16 =
          (double)in_s * (double)w_s[k->per_channel ? u : 0] / (double)out_s;
      int32_t v = k->type == kTfLiteInt16
                      ? (int32_t)round((k->bias == 1 ? (double)(int32_t)acc
                                                     : (double)acc) *
                                       real16)
                      : qr_mul((int32_t)acc, m, e) + (int32_t)out_zp;
      want[(size_t)bb * k->units + u] = qr_clamp(v, lo, hi);
    }
  void *in_buf = qr_pack(k->type, in, nin), *w_buf = qr_pack(wt, w, nw);
  void *b_buf = qr_pack(bt, b, (size_t)k->units);
  int ishape[3], irank, oshape[3], orank;
  if (k->keep_num_dims) {
    ishape[0] = 2;
    ishape[1] = k->batch / 2;
    ishape[2] = k->depth;
    irank = 3;
    oshape[0] = 2;
    oshape[1] = k->batch / 2;
    oshape[2] = k->units;
    orank = 3;
  } else {
    ishape[0] = k->batch;
    ishape[1] = k->depth;
    irank = 2;
    oshape[0] = k->batch;
    oshape[1] = k->units;
    orank = 2;
  }
  const int wshape[2] = {k->units, k->depth}, bshape[1] = {k->units};
  int64_t wzp[64];
  for (int u = 0; u < 64; u++) wzp[u] = k->per_channel ? 0 : k->w_zp;
  const oo_tensor ins[3] = {
      {qr_tt(k->type), ishape, irank, in_buf, 0, 1, &in_s, &in_zp, 0},
      {qr_tt(wt), wshape, 2, w_buf, 1, k->per_channel ? k->units : 1, w_s, wzp,
       0},
      {has_bias ? qr_tt(bt) : -1, bshape, 1, b_buf, 1, 0, NULL, NULL, 0}};
  tflc_opt_field fl[3] = {tm_opt_int(0, TFLC_OPT_I8, k->act),
                          tm_opt_int(2, TFLC_OPT_BOOL, k->keep_num_dims)};
  oo_op op = {TFLC_OP_FULLY_CONNECTED,
              TFLC_BO_FULLY_CONNECTED,
              fl,
              2,
              ins,
              k->bias == 3 ? 2 : 3,
              {qr_tt(k->type), oshape, orank, NULL, 0, 1, &out_s, &out_zp, 0}};
  oo_run r;
  const TfLiteTensor *t = oo_run_op(&op, &r, label);
  if (t && oo_check_shape(t, oshape, orank, label)) {
    int bad = 0;
    for (size_t i = 0; i < nout; i++) {
      int64_t g = qr_get(k->type, TfLiteTensorData(t), i);
      if (g != want[i] && bad++ < 4)
        CHECK_MSG(0, "%s: element %zu is %lld, want %lld", label, i,
                  (long long)g, (long long)want[i]);
    }
    CHECK_MSG(bad == 0, "%s: %d of %zu elements differ", label, bad, nout);
  }
  oo_free(&r);
  free(in);
  free(w);
  free(b);
  free(in_buf);
  free(w_buf);
  free(b_buf);
  free(want);
}

static void test_fc(void) {
  const int acts[4] = {TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU_N1_TO_1,
                       TFLC_ACT_RELU6};
  char label[128];
  for (int ai = 0; ai < 4; ai++) {
    fcase a = {kTfLiteInt8, 3, 37, 9, 0, 1, acts[ai], 0, 0};
    snprintf(label, sizeof label, "fc int8 per-tensor act %d", acts[ai]);
    check_fc(label, &a);
    fcase b = {kTfLiteInt8, 4, 20, 7, 1, ai == 1 ? 0 : 1, acts[ai], ai == 2, 0};
    snprintf(label, sizeof label, "fc int8 per-channel act %d", acts[ai]);
    check_fc(label, &b);
    fcase c = {kTfLiteUInt8, 2, 33, 6, 0, ai == 3 ? 3 : 1, acts[ai], 0, 131};
    snprintf(label, sizeof label, "fc uint8 act %d", acts[ai]);
    check_fc(label, &c);
    fcase d = {kTfLiteInt16, 4,        25,      5, ai % 2,
               1 + ai % 2,   acts[ai], ai == 0, 0};
    snprintf(label, sizeof label, "fc int16 act %d bias %d", acts[ai], d.bias);
    check_fc(label, &d);
  }
  fcase e = {kTfLiteInt8, 2, 16, 4, 0, 1, TFLC_ACT_NONE, 0, -3};
  check_fc("fc int8 weight zero point", &e);
  fcase f = {kTfLiteInt16, 2, 16, 4, 1, 0, TFLC_ACT_NONE, 0, 0};
  check_fc("fc int16 no bias", &f);
  fcase g = {kTfLiteInt8, 1, 1000, 10, 1, 1, TFLC_ACT_NONE, 0, 0};
  check_fc("fc int8 long", &g);
  fcase h = {kTfLiteInt8, 64, 40, 64, 1, 1, TFLC_ACT_RELU, 0, 0};
  check_fc("fc int8 big (threads)", &h);
}

/* ---- BATCH_MATMUL ---------------------------------------------------------
 */

typedef struct bcase {
  TfLiteType type;
  int lb, rb; /* batch of lhs / rhs (1 broadcasts) */
  int m, k, n;
  int adj_x, adj_y;
  int64_t l_zp, r_zp, o_zp;
} bcase;

static void check_bmm(const char *label, const bcase *c) {
  float ls = 0.05f, rs = 0.03f, os = 0.4f;
  if (c->type == kTfLiteInt16) {
    ls = 0.001f;
    rs = 0.002f;
    os = 0.05f;
  }
  const int ob = c->lb > c->rb ? c->lb : c->rb;
  const int lshape[3] = {c->lb, c->adj_x ? c->k : c->m, c->adj_x ? c->m : c->k};
  const int rshape[3] = {c->rb, c->adj_y ? c->n : c->k, c->adj_y ? c->k : c->n};
  const int oshape[3] = {ob, c->m, c->n};
  const size_t nl = oo_count(lshape, 3), nr = oo_count(rshape, 3),
               no = oo_count(oshape, 3);
  int64_t *l = c->type == kTfLiteInt8 ? qr_random(nl, -128, 127)
                                      : qr_random(nl, -2000, 2000);
  int64_t *r = c->type == kTfLiteInt8 ? qr_random(nr, -128, 127)
                                      : qr_random(nr, -2000, 2000);
  int32_t mult;
  int e;
  qr_multiplier((double)(ls * rs) / (double)os, &mult, &e);
  int32_t lo, hi;
  qr_type_range(c->type, &lo, &hi);
  int64_t *want = malloc(no * sizeof(int64_t));
  for (int b = 0; b < ob; b++)
    for (int i = 0; i < c->m; i++)
      for (int j = 0; j < c->n; j++) {
        const int64_t *lb = l + (size_t)(c->lb == 1 ? 0 : b) * c->m * c->k;
        const int64_t *rb = r + (size_t)(c->rb == 1 ? 0 : b) * c->k * c->n;
        int64_t acc = 0;
        for (int t = 0; t < c->k; t++) {
          int64_t lv =
              c->adj_x ? lb[(size_t)t * c->m + i] : lb[(size_t)i * c->k + t];
          int64_t rv =
              c->adj_y ? rb[(size_t)j * c->k + t] : rb[(size_t)t * c->n + j];
          acc += (lv - c->l_zp) * (rv - c->r_zp);
        }
        int32_t v = c->type == kTfLiteInt16
                        ? qr_mul64(acc, mult, e)
                        : qr_mul((int32_t)acc, mult, e) + (int32_t)c->o_zp;
        want[((size_t)b * c->m + i) * c->n + j] = qr_clamp(v, lo, hi);
      }
  void *lbuf = qr_pack(c->type, l, nl), *rbuf = qr_pack(c->type, r, nr);
  const oo_tensor ins[2] = {
      {qr_tt(c->type), lshape, 3, lbuf, 0, 1, &ls, &c->l_zp, 0},
      {qr_tt(c->type), rshape, 3, rbuf, 1, 1, &rs, &c->r_zp, 0}};
  tflc_opt_field fl[2] = {tm_opt_int(0, TFLC_OPT_BOOL, c->adj_x),
                          tm_opt_int(1, TFLC_OPT_BOOL, c->adj_y)};
  oo_op op = {TFLC_OP_BATCH_MATMUL,
              TFLC_BO_BATCH_MAT_MUL,
              fl,
              2,
              ins,
              2,
              {qr_tt(c->type), oshape, 3, NULL, 0, 1, &os, &c->o_zp, 0}};
  oo_run run;
  const TfLiteTensor *t = oo_run_op(&op, &run, label);
  if (t && oo_check_shape(t, oshape, 3, label)) {
    int bad = 0;
    for (size_t i = 0; i < no; i++) {
      int64_t g = qr_get(c->type, TfLiteTensorData(t), i);
      if (g != want[i] && bad++ < 4)
        CHECK_MSG(0, "%s: element %zu is %lld, want %lld", label, i,
                  (long long)g, (long long)want[i]);
    }
    CHECK_MSG(bad == 0, "%s: %d of %zu elements differ", label, bad, no);
  }
  oo_free(&run);
  free(l);
  free(r);
  free(lbuf);
  free(rbuf);
  free(want);
}

static void test_bmm(void) {
  char label[96];
  for (int adj = 0; adj < 4; adj++) {
    bcase a = {kTfLiteInt8, 2,       adj == 3 ? 1 : 2, 3, 17,
               4,           adj & 1, (adj >> 1) & 1,   5, -3,
               -10};
    snprintf(label, sizeof label, "bmm int8 adj %d", adj);
    check_bmm(label, &a);
    bcase b = {kTfLiteInt16, adj == 2 ? 1 : 3, 3, 2, 9, 5,
               adj & 1,      (adj >> 1) & 1,   0, 0, 0};
    snprintf(label, sizeof label, "bmm int16 adj %d", adj);
    check_bmm(label, &b);
  }
}

/* ---- hybrid ---------------------------------------------------------------
 */

static void check_hybrid_fc(const char *label, int batch, int depth, int units,
                            int per_channel, int asym, int act, int bias) {
  const size_t nin = (size_t)batch * depth, nw = (size_t)units * depth;
  float *in = malloc(nin * sizeof(float)), b[64], ws[64];
  for (size_t i = 0; i < nin; i++)
    in[i] = 3.0f * qr_frand() + (asym ? 1.0f : 0.0f);
  for (int i = 0; i < depth && batch > 1; i++)
    in[depth + i] = 0.0f; /* a zero row */
  int64_t *w = qr_random(nw, -127, 127);
  int8_t *w8 = qr_pack(kTfLiteInt8, w, nw);
  for (int u = 0; u < units; u++) {
    b[u] = qr_frand();
    ws[u] = per_channel ? 0.01f + 0.001f * (float)u : 0.013f;
  }
  float lo = -INFINITY, hi = INFINITY;
  if (act == TFLC_ACT_RELU) lo = 0;
  if (act == TFLC_ACT_RELU6) {
    lo = 0;
    hi = 6;
  }
  if (act == TFLC_ACT_RELU_N1_TO_1) {
    lo = -1;
    hi = 1;
  }
  double *want = malloc((size_t)batch * units * sizeof(double));
  int32_t *q = malloc((size_t)depth * sizeof(int32_t));
  for (int bb = 0; bb < batch; bb++) {
    float s;
    int32_t zp = 0;
    if (asym)
      qr_quant_asym(in + (size_t)bb * depth, (size_t)depth, q, &s, &zp);
    else
      qr_quant_sym(in + (size_t)bb * depth, (size_t)depth, q, &s);
    for (int u = 0; u < units; u++) {
      int32_t dot = 0;
      for (int i = 0; i < depth; i++)
        dot += (int32_t)w[(size_t)u * depth + i] * (q[i] - zp);
      float scale = per_channel ? s * ws[u] : s * ws[0];
      float v = (bias ? b[u] : 0.0f) + (float)dot * scale;
      want[(size_t)bb * units + u] = v < lo ? lo : (v > hi ? hi : v);
    }
  }
  const int ishape[2] = {batch, depth}, wshape[2] = {units, depth},
            bshape[1] = {units};
  const int oshape[2] = {batch, units};
  int64_t zeros[64] = {0};
  const oo_tensor ins[3] = {
      {TFLC_TT_FLOAT32, ishape, 2, in, 0, 0, NULL, NULL, 0},
      {TFLC_TT_INT8, wshape, 2, w8, 1, per_channel ? units : 1, ws, zeros, 0},
      {bias ? TFLC_TT_FLOAT32 : -1, bshape, 1, b, 1, 0, NULL, NULL, 0}};
  tflc_opt_field fl[2] = {tm_opt_int(0, TFLC_OPT_I8, act),
                          tm_opt_int(3, TFLC_OPT_BOOL, asym)};
  oo_op op = {TFLC_OP_FULLY_CONNECTED,
              TFLC_BO_FULLY_CONNECTED,
              fl,
              2,
              ins,
              3,
              {TFLC_TT_FLOAT32, oshape, 2, NULL, 0, 0, NULL, NULL, 0}};
  oo_run r;
  const TfLiteTensor *t = oo_run_op(&op, &r, label);
  if (t && oo_check_shape(t, oshape, 2, label)) {
    const float *got = TfLiteTensorData(t);
    int bad = 0;
    for (int i = 0; i < batch * units; i++) {
      if (fabs((double)got[i] - want[i]) > 1e-5 * fabs(want[i]) + 1e-6 &&
          bad++ < 4)
        CHECK_MSG(0, "%s: element %d is %.9g, want %.9g", label, i,
                  (double)got[i], want[i]);
    }
    CHECK_MSG(bad == 0, "%s: %d elements differ", label, bad);
  }
  oo_free(&r);
  free(in);
  free(w);
  free(w8);
  free(want);
  free(q);
}

static void check_hybrid_bmm(const char *label, int batch, int m, int k, int n,
                             int adj_x, int adj_y, int asym) {
  const int lshape[3] = {batch, adj_x ? k : m, adj_x ? m : k};
  const int rshape[2] = {adj_y ? n : k, adj_y ? k : n};
  const int oshape[3] = {batch, m, n};
  const size_t nl = oo_count(lshape, 3), nr = oo_count(rshape, 2);
  float *l = malloc(nl * sizeof(float));
  for (size_t i = 0; i < nl; i++)
    l[i] = 2.0f * qr_frand() + (asym ? 0.7f : 0.0f);
  int64_t *r = qr_random(nr, -127, 127);
  int8_t *r8 = qr_pack(kTfLiteInt8, r, nr);
  float rs = 0.02f;
  int64_t rzp = 0;
  double *want = malloc((size_t)batch * m * n * sizeof(double));
  float *row = malloc((size_t)k * sizeof(float));
  int32_t *q = malloc((size_t)k * sizeof(int32_t));
  for (int b = 0; b < batch; b++)
    for (int i = 0; i < m; i++) {
      for (int t = 0; t < k; t++)
        row[t] = adj_x ? l[((size_t)b * k + t) * m + i]
                       : l[((size_t)b * m + i) * k + t];
      float s;
      int32_t zp = 0;
      if (asym)
        qr_quant_asym(row, (size_t)k, q, &s, &zp);
      else
        qr_quant_sym(row, (size_t)k, q, &s);
      for (int j = 0; j < n; j++) {
        int32_t dot = 0;
        for (int t = 0; t < k; t++)
          dot +=
              (int32_t)(adj_y ? r[(size_t)j * k + t] : r[(size_t)t * n + j]) *
              (q[t] - zp);
        want[((size_t)b * m + i) * n + j] = (double)((s * rs) * (float)dot);
      }
    }
  const oo_tensor ins[2] = {
      {TFLC_TT_FLOAT32, lshape, 3, l, 0, 0, NULL, NULL, 0},
      {TFLC_TT_INT8, rshape, 2, r8, 1, 1, &rs, &rzp, 0}};
  tflc_opt_field fl[3] = {tm_opt_int(0, TFLC_OPT_BOOL, adj_x),
                          tm_opt_int(1, TFLC_OPT_BOOL, adj_y),
                          tm_opt_int(2, TFLC_OPT_BOOL, asym)};
  oo_op op = {TFLC_OP_BATCH_MATMUL,
              TFLC_BO_BATCH_MAT_MUL,
              fl,
              3,
              ins,
              2,
              {TFLC_TT_FLOAT32, oshape, 3, NULL, 0, 0, NULL, NULL, 0}};
  oo_run run;
  const TfLiteTensor *t = oo_run_op(&op, &run, label);
  if (t && oo_check_shape(t, oshape, 3, label)) {
    const float *got = TfLiteTensorData(t);
    int bad = 0;
    for (int i = 0; i < batch * m * n; i++) {
      if (fabs((double)got[i] - want[i]) > 1e-5 * fabs(want[i]) + 1e-6 &&
          bad++ < 4)
        CHECK_MSG(0, "%s: element %d is %.9g, want %.9g", label, i,
                  (double)got[i], want[i]);
    }
    CHECK_MSG(bad == 0, "%s: %d elements differ", label, bad);
  }
  oo_free(&run);
  free(l);
  free(r);
  free(r8);
  free(want);
  free(row);
  free(q);
}

static void test_hybrid(void) {
  const int acts[4] = {TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU_N1_TO_1,
                       TFLC_ACT_RELU6};
  char label[96];
  for (int pc = 0; pc < 2; pc++)
    for (int asym = 0; asym < 2; asym++)
      for (int ai = 0; ai < 4; ai++) {
        snprintf(label, sizeof label, "hybrid fc pc %d asym %d act %d", pc,
                 asym, acts[ai]);
        check_hybrid_fc(label, 3, 23, 7, pc, asym, acts[ai], ai != 2);
      }
  for (int adj = 0; adj < 4; adj++)
    for (int asym = 0; asym < 2; asym++) {
      snprintf(label, sizeof label, "hybrid bmm adj %d asym %d", adj, asym);
      check_hybrid_bmm(label, 2, 3, 11, 5, adj & 1, adj >> 1, asym);
    }
}

/* ---- errors ---------------------------------------------------------------
 */

static void test_errors(void) {
  const int ishape[2] = {2, 4}, wshape[2] = {3, 4}, oshape[2] = {2, 3};
  static int8_t data[16];
  const float s1 = 0.1f, bad2[2] = {0.1f, 0.2f}, zero = 0.0f;
  const int64_t z0 = 0, z300 = 300, zs[3] = {0, 0, 0}, z7 = 7;
  oo_tensor ins[3] = {{TFLC_TT_INT8, ishape, 2, data, 0, 1, &s1, &z0, 0},
                      {TFLC_TT_INT8, wshape, 2, data, 1, 2, bad2, zs, 0},
                      {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
  tflc_opt_field fl[1] = {tm_opt_int(0, TFLC_OPT_I8, 0)};
  oo_op op = {TFLC_OP_FULLY_CONNECTED,
              TFLC_BO_FULLY_CONNECTED,
              fl,
              1,
              ins,
              3,
              {TFLC_TT_INT8, oshape, 2, NULL, 0, 1, &s1, &z0, 0}};
  oo_expect_error(&op, "in1", "fc per-channel count");
  oo_expect_error(&op, "FULLY_CONNECTED", "fc names the op");
  ins[1].n_quant = 1;
  ins[0].scales = &zero;
  oo_expect_error(&op, "invalid quantization scale", "fc zero input scale");
  ins[0].scales = &s1;
  op.out.zero_points = &z300;
  oo_expect_error(&op, "zero point 300 outside", "fc output zero point");
  op.out.zero_points = &z0;
  ins[1].n_quant = 0;
  oo_expect_error(&op, "no quantization parameters",
                  "fc weights without quantization");
  /* BATCH_MATMUL int16 with a zero point, and mixed types. */
  const int l3[3] = {1, 2, 4}, r3[3] = {1, 4, 3}, o3[3] = {1, 2, 3};
  static int16_t d16[16];
  oo_tensor bins[2] = {{TFLC_TT_INT16, l3, 3, d16, 0, 1, &s1, &z7, 0},
                       {TFLC_TT_INT16, r3, 3, d16, 1, 1, &s1, &z0, 0}};
  oo_op bop = {TFLC_OP_BATCH_MATMUL,
               TFLC_BO_BATCH_MAT_MUL,
               NULL,
               0,
               bins,
               2,
               {TFLC_TT_INT16, o3, 3, NULL, 0, 1, &s1, &z0, 0}};
  oo_expect_error(&bop, "zero point 7", "bmm int16 zero point");
  bins[0].zero_points = &z0;
  bins[1].tt = TFLC_TT_INT8;
  oo_expect_error(&bop, "must have one type", "bmm mixed types");
  /* Hybrid: weights with a zero point. */
  static float fin[8];
  oo_tensor hins[2] = {{TFLC_TT_FLOAT32, ishape, 2, fin, 0, 0, NULL, NULL, 0},
                       {TFLC_TT_INT8, wshape, 2, data, 1, 1, &s1, &z7, 0}};
  oo_op hop = {TFLC_OP_FULLY_CONNECTED,
               TFLC_BO_FULLY_CONNECTED,
               fl,
               1,
               hins,
               2,
               {TFLC_TT_FLOAT32, oshape, 2, NULL, 0, 0, NULL, NULL, 0}};
  oo_expect_error(&hop, "symmetric", "hybrid fc weight zero point");
}

int main(void) {
  test_fc();
  test_bmm();
  test_hybrid();
  test_errors();
  return CHECK_DONE();
}
