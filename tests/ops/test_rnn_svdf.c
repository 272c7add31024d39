/* Op tests of the basic RNN family and SVDF: RNN, UNIDIRECTIONAL_SEQUENCE_RNN
 * (time_major both ways), BIDIRECTIONAL_SEQUENCE_RNN (merge_outputs, time
 * major, aux input with cross-link weights and as the backward input),
 * SVDF float (rank 1 and > 1, batches, optional bias), integer SVDF (against
 * TensorFlow Lite's integer formulas written out here) and the hybrid forms
 * (float activations, INT8 weights). Every case builds a one-op model with
 * the project's writer whose states are variable tensors, invokes several
 * times (the state carries over), resets the variables with
 * TfLiteInterpreterResetVariableTensors and checks the first result comes
 * back; all against plain reference loops written here (double precision).
 * Then the errors prepare must report. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/op_test.h"

/* ---- model building ------------------------------------------------------ */

enum { K_OMIT = 0, K_INPUT, K_CONST, K_VAR };

typedef struct t_spec {
  int8_t tt;
  int shape[4];
  int rank;
  int kind;
  const void *data; /* K_CONST bytes */
  float scale;      /* > 0: quantized per tensor */
  int64_t zp;
} t_spec;

typedef struct m_spec {
  int32_t op;
  uint8_t bo;
  tflc_opt_field fields[4];
  int n_fields;
  t_spec in[12];
  int n_in;
  t_spec out[2];
  int n_out;
} m_spec;

typedef struct m_run {
  TfLiteModel *model;
  TfLiteInterpreter *it;
  uint8_t *bytes;
  char err[2048];
} m_run;

static int add_t(tm_model *m, const t_spec *t, const char *name) {
  int idx;
  if (t->kind == K_CONST)
    idx = tm_const(m, t->tt, t->shape, t->rank, t->data,
                   oo_count(t->shape, t->rank) * oo_tt_size(t->tt), name);
  else
    idx = tm_tensor(m, t->tt, t->shape, t->rank, name);
  if (t->kind == K_VAR) tm_variable(m, idx);
  if (t->scale > 0) tm_quant(m, idx, &t->scale, &t->zp, 1, 0);
  return idx;
}

static int m_build(const m_spec *s, m_run *r) {
  memset(r, 0, sizeof *r);
  tm_model *m = tm_create();
  int ins[12], gins[12], ng = 0, outs[2];
  for (int i = 0; i < s->n_in; i++) {
    char name[16];
    snprintf(name, sizeof name, "in%d", i);
    if (s->in[i].kind == K_OMIT) {
      ins[i] = -1;
      continue;
    }
    ins[i] = add_t(m, &s->in[i], name);
    if (s->in[i].kind == K_INPUT) gins[ng++] = ins[i];
  }
  for (int i = 0; i < s->n_out; i++) {
    char name[16];
    snprintf(name, sizeof name, "out%d", i);
    outs[i] = add_t(m, &s->out[i], name);
  }
  tm_op(m, s->op, NULL, ins, s->n_in, outs, s->n_out, s->bo, s->fields,
        s->n_fields);
  tm_io(m, gins, ng, outs, s->n_out);
  size_t size = 0;
  r->bytes = tm_finish(m, &size);
  tm_free(m);
  if (!r->bytes) {
    snprintf(r->err, sizeof r->err, "tm_finish failed");
    return -1;
  }
  r->model =
      TfLiteModelCreateWithErrorReporter(r->bytes, size, oo_report, r->err);
  if (!r->model) return -1;
  TfLiteInterpreterOptions *o = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsSetErrorReporter(o, oo_report, r->err);
  r->it = TfLiteInterpreterCreate(r->model, o);
  TfLiteInterpreterOptionsDelete(o);
  if (r->it && TfLiteInterpreterAllocateTensors(r->it) != kTfLiteOk) {
    TfLiteInterpreterDelete(r->it);
    r->it = NULL;
  }
  return r->it ? 0 : -1;
}

static void m_free(m_run *r) {
  if (r->it) TfLiteInterpreterDelete(r->it);
  if (r->model) TfLiteModelDelete(r->model);
  free(r->bytes);
  memset(r, 0, sizeof *r);
}

/* Sets graph input k to data and invokes. */
static int m_invoke(m_run *r, const void *const *data, int n) {
  for (int k = 0; k < n; k++) {
    TfLiteTensor *t = TfLiteInterpreterGetInputTensor(r->it, k);
    if (TfLiteTensorCopyFromBuffer(t, data[k], TfLiteTensorByteSize(t)) !=
        kTfLiteOk)
      return -1;
  }
  return TfLiteInterpreterInvoke(r->it) == kTfLiteOk ? 0 : -1;
}

static void m_expect_error(const m_spec *s, const char *needle,
                           const char *label) {
  m_run r;
  int rc = m_build(s, &r);
  CHECK_MSG(rc != 0, "%s: expected an error containing \"%s\"", label, needle);
  if (rc != 0) CHECK_CONTAINS(r.err, needle);
  m_free(&r);
}

static t_spec tf(int kind, const float *data, int rank, int d0, int d1,
                 int d2) {
  t_spec t = {TFLC_TT_FLOAT32, {d0, d1, d2, 0}, rank, kind, data, 0, 0};
  return t;
}

static tflc_opt_field opt_b(uint16_t id, int v) {
  return tm_opt_int(id, TFLC_OPT_BOOL, v);
}
static tflc_opt_field opt_a(uint16_t id, int v) {
  return tm_opt_int(id, TFLC_OPT_I8, v);
}

/* ---- reference math ------------------------------------------------------ */

/* One RNN direction over x laid out [T][B][I] (time_major) or [B][T][I];
 * writes y with rows of `row` values at column offset `col`, the same
 * layout. h is [B][U], updated. aux (may be NULL) laid out like x with A
 * values per row. */
typedef struct ref_dir {
  int T, B, I, A, U, act, time_major, reverse;
  const float *x, *aux, *W, *Wa, *R, *bias;
  double *h;
  double *y;
  int row, col;
} ref_dir;

static void ref_rnn(const ref_dir *p) {
  double *o = malloc(sizeof(double) * (size_t)p->U);
  for (int b = 0; b < p->B; b++) {
    for (int s = 0; s < p->T; s++) {
      const int t = p->reverse ? p->T - 1 - s : s;
      const size_t xr =
          p->time_major ? (size_t)t * p->B + b : (size_t)b * p->T + t;
      const float *x = p->x + xr * (size_t)p->I;
      double *hb = p->h + (size_t)b * p->U;
      for (int u = 0; u < p->U; u++) {
        double acc = p->bias[u];
        for (int i = 0; i < p->I; i++) acc += (double)p->W[u * p->I + i] * x[i];
        if (p->aux) {
          const float *a = p->aux + xr * (size_t)p->A;
          for (int i = 0; i < p->A; i++)
            acc += (double)p->Wa[u * p->A + i] * a[i];
        }
        for (int k = 0; k < p->U; k++)
          acc += (double)p->R[u * p->U + k] * hb[k];
        o[u] = ot_ref_act(acc, p->act);
      }
      for (int u = 0; u < p->U; u++) {
        hb[u] = o[u];
        p->y[xr * (size_t)p->row + (size_t)p->col + (size_t)u] = o[u];
      }
    }
  }
  free(o);
}

static void check_out(m_run *r, int i, const double *want, size_t n, double tol,
                      const char *label) {
  const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(r->it, i);
  CHECK_MSG(TfLiteTensorByteSize(t) == n * sizeof(float),
            "%s: output %d has %zu bytes, want %zu", label, i,
            TfLiteTensorByteSize(t), n * sizeof(float));
  if (TfLiteTensorByteSize(t) != n * sizeof(float)) return;
  const float *g = TfLiteTensorData(t);
  int bad = 0;
  for (size_t k = 0; k < n; k++) {
    double lim = tol * (fabs(want[k]) > 1 ? fabs(want[k]) : 1);
    if (!(fabs(g[k] - want[k]) <= lim) && bad++ < 4)
      fprintf(stderr, "%s: output %d element %zu = %.7g, want %.7g\n", label, i,
              k, (double)g[k], want[k]);
  }
  CHECK_MSG(bad == 0, "%s: %d wrong elements in output %d", label, bad, i);
}

static void check_shape(m_run *r, int i, const int *dims, int rank,
                        const char *label) {
  oo_check_shape(TfLiteInterpreterGetOutputTensor(r->it, i), dims, rank, label);
}

/* ---- RNN and UNIDIRECTIONAL_SEQUENCE_RNN -------------------------------- */

/* seq: 0 = RNN (T = 1, input [B, I]); 1 = sequence RNN. */
static void test_rnn_case(int seq, int time_major, int act, int T, int B, int I,
                          int U) {
  char label[96];
  snprintf(label, sizeof label, "%s tm=%d act=%d T=%d B=%d I=%d U=%d",
           seq ? "UNI_SEQ_RNN" : "RNN", time_major, act, T, B, I, U);
  float *W = oo_rand_buf((size_t)U * I, -0.6f, 0.6f);
  float *R = oo_rand_buf((size_t)U * U, -0.5f, 0.5f);
  float *bias = oo_rand_buf((size_t)U, -0.3f, 0.3f);
  const size_t nx = (size_t)T * B * I, ny = (size_t)T * B * U;
  float *x[3];
  for (int k = 0; k < 3; k++) x[k] = oo_rand_buf(nx, -1.0f, 1.0f);
  m_spec s;
  memset(&s, 0, sizeof s);
  s.op = seq ? TFLC_OP_UNIDIRECTIONAL_SEQUENCE_RNN : TFLC_OP_RNN;
  s.bo = seq ? TFLC_BO_SEQUENCE_RNN : TFLC_BO_RNN;
  if (seq) {
    s.fields[0] = opt_b(0, time_major);
    s.fields[1] = opt_a(1, act);
    s.n_fields = 2;
  } else {
    s.fields[0] = opt_a(0, act);
    s.n_fields = 1;
  }
  s.n_in = 5;
  if (seq)
    s.in[0] = time_major ? tf(K_INPUT, NULL, 3, T, B, I)
                         : tf(K_INPUT, NULL, 3, B, T, I);
  else
    s.in[0] = tf(K_INPUT, NULL, 2, B, I, 0);
  s.in[1] = tf(K_CONST, W, 2, U, I, 0);
  s.in[2] = tf(K_CONST, R, 2, U, U, 0);
  s.in[3] = tf(K_CONST, bias, 1, U, 0, 0);
  s.in[4] = tf(K_VAR, NULL, 2, B, U, 0);
  s.n_out = 1;
  s.out[0] = tf(K_INPUT, NULL, s.in[0].rank, s.in[0].shape[0], s.in[0].shape[1],
                seq ? U : 0);
  if (!seq) s.out[0].shape[1] = U;
  m_run r;
  if (m_build(&s, &r) != 0) {
    CHECK_MSG(0, "%s: build failed: %s", label, r.err);
    m_free(&r);
    goto done;
  }
  int od[3] = {s.in[0].shape[0], s.in[0].shape[1], U};
  if (!seq) od[1] = U;
  check_shape(&r, 0, od, seq ? 3 : 2, label);
  double *h = calloc((size_t)B * U, sizeof(double));
  double *y = calloc(ny, sizeof(double));
  double *y0 = calloc(ny, sizeof(double));
  for (int k = 0; k < 3; k++) {
    const void *in[1] = {x[k]};
    CHECK_MSG(m_invoke(&r, in, 1) == 0, "%s: invoke %d: %s", label, k, r.err);
    ref_dir p = {T, B,    I,    0, U,    act, seq ? time_major : 1,
                 0, x[k], NULL, W, NULL, R,   bias,
                 h, y,    U,    0};
    ref_rnn(&p);
    char l2[128];
    snprintf(l2, sizeof l2, "%s invoke %d", label, k);
    check_out(&r, 0, y, ny, 2e-5, l2);
    if (k == 0) memcpy(y0, y, ny * sizeof(double));
  }
  /* Reset: back to a zero state, so the first input gives the first result. */
  CHECK(TfLiteInterpreterResetVariableTensors(r.it) == kTfLiteOk);
  const void *in0[1] = {x[0]};
  CHECK(m_invoke(&r, in0, 1) == 0);
  char l3[128];
  snprintf(l3, sizeof l3, "%s after reset", label);
  check_out(&r, 0, y0, ny, 2e-5, l3);
  free(h);
  free(y);
  free(y0);
  m_free(&r);
done:
  free(W);
  free(R);
  free(bias);
  for (int k = 0; k < 3; k++) free(x[k]);
}

/* ---- BIDIRECTIONAL_SEQUENCE_RNN ----------------------------------------- */

/* aux_mode: 0 none, 1 aux input with cross-link weights, 2 aux input as the
 * backward cell's input. */
/* Quantizes w (n values in [-lim, lim]) to int8 with scale lim / 127 into
 * q, and replaces w by the dequantized values (what the hybrid kernel
 * multiplies by). Returns the scale. */
static float quantize_weights(float *w, int8_t *q, int n, float lim) {
  const float sc = lim / 127;
  for (int i = 0; i < n; i++) {
    q[i] = (int8_t)lrintf(w[i] / sc);
    w[i] = q[i] * sc;
  }
  return sc;
}

static t_spec tw_spec(int hybrid, const float *f, const int8_t *q, float sc,
                      int rows, int cols) {
  if (!hybrid) return tf(K_CONST, f, 2, rows, cols, 0);
  t_spec t = {TFLC_TT_INT8, {rows, cols}, 2, K_CONST, q, sc, 0};
  return t;
}

static void test_birnn_case(int time_major, int merge, int aux_mode, int act,
                            int n_in, int hybrid) {
  const int T = 3, B = 2, I = 3, A = aux_mode == 2 ? 3 : 2, FU = 4, BU = 3;
  char label[96];
  snprintf(label, sizeof label, "BIDI_RNN tm=%d merge=%d aux=%d act=%d%s",
           time_major, merge, aux_mode, act, hybrid ? " hybrid" : "");
  float *fW = oo_rand_buf((size_t)FU * I, -0.6f, 0.6f),
        *bW = oo_rand_buf((size_t)BU * I, -0.6f, 0.6f);
  float *fR = oo_rand_buf((size_t)FU * FU, -0.5f, 0.5f),
        *bR = oo_rand_buf((size_t)BU * BU, -0.5f, 0.5f);
  float *fb = oo_rand_buf(FU, -0.3f, 0.3f), *bb = oo_rand_buf(BU, -0.3f, 0.3f);
  float *fA = oo_rand_buf((size_t)FU * A, -0.6f, 0.6f),
        *bA = oo_rand_buf((size_t)BU * A, -0.6f, 0.6f);
  float *x[2], *ax[2];
  for (int k = 0; k < 2; k++) {
    x[k] = oo_rand_buf((size_t)T * B * I, -1, 1);
    ax[k] = oo_rand_buf((size_t)T * B * A, -1, 1);
  }
  int8_t q[6][16];
  float sc[6] = {0};
  if (hybrid) {
    sc[0] = quantize_weights(fW, q[0], FU * I, 0.6f);
    sc[1] = quantize_weights(fR, q[1], FU * FU, 0.5f);
    sc[2] = quantize_weights(bW, q[2], BU * I, 0.6f);
    sc[3] = quantize_weights(bR, q[3], BU * BU, 0.5f);
    sc[4] = quantize_weights(fA, q[4], FU * A, 0.6f);
    sc[5] = quantize_weights(bA, q[5], BU * A, 0.6f);
  }
  m_spec s;
  memset(&s, 0, sizeof s);
  s.op = TFLC_OP_BIDIRECTIONAL_SEQUENCE_RNN;
  s.bo = TFLC_BO_BIDIRECTIONAL_SEQUENCE_RNN;
  s.fields[0] = opt_b(0, time_major);
  s.fields[1] = opt_a(1, act);
  s.fields[2] = opt_b(2, merge);
  s.fields[3] = opt_b(3, hybrid == 2);
  s.n_fields = 4;
  const int d0 = time_major ? T : B, d1 = time_major ? B : T;
  s.n_in = n_in;
  s.in[0] = tf(K_INPUT, NULL, 3, d0, d1, I);
  s.in[1] = tw_spec(hybrid, fW, q[0], sc[0], FU, I);
  s.in[2] = tw_spec(hybrid, fR, q[1], sc[1], FU, FU);
  s.in[3] = tf(K_CONST, fb, 1, FU, 0, 0);
  s.in[4] = tf(K_VAR, NULL, 2, B, FU, 0);
  s.in[5] = tw_spec(hybrid, bW, q[2], sc[2], BU, I);
  s.in[6] = tw_spec(hybrid, bR, q[3], sc[3], BU, BU);
  s.in[7] = tf(K_CONST, bb, 1, BU, 0, 0);
  s.in[8] = tf(K_VAR, NULL, 2, B, BU, 0);
  if (n_in == 12) {
    s.in[9] = aux_mode ? tf(K_INPUT, NULL, 3, d0, d1, A)
                       : tf(K_OMIT, NULL, 0, 0, 0, 0);
    s.in[10] = aux_mode == 1 ? tw_spec(hybrid, fA, q[4], sc[4], FU, A)
                             : tf(K_OMIT, NULL, 0, 0, 0, 0);
    s.in[11] = aux_mode == 1 ? tw_spec(hybrid, bA, q[5], sc[5], BU, A)
                             : tf(K_OMIT, NULL, 0, 0, 0, 0);
  }
  s.n_out = merge ? 1 : 2;
  s.out[0] = tf(K_INPUT, NULL, 3, d0, d1, merge ? FU + BU : FU);
  s.out[1] = tf(K_INPUT, NULL, 3, d0, d1, BU);
  m_run r;
  if (m_build(&s, &r) != 0) {
    CHECK_MSG(0, "%s: build failed: %s", label, r.err);
    m_free(&r);
    goto done;
  }
  const size_t rows = (size_t)T * B;
  double *hf = calloc((size_t)B * FU, sizeof(double));
  double *hb = calloc((size_t)B * BU, sizeof(double));
  double *yf = calloc(rows * (FU + BU), sizeof(double));
  double *yb = calloc(rows * BU, sizeof(double));
  for (int k = 0; k < 2; k++) {
    const void *in[2] = {x[k], ax[k]};
    CHECK_MSG(m_invoke(&r, in, aux_mode ? 2 : 1) == 0, "%s: invoke: %s", label,
              r.err);
    const float *bx = aux_mode == 2 ? ax[k] : x[k];
    ref_dir f = {T,
                 B,
                 I,
                 A,
                 FU,
                 act,
                 time_major,
                 0,
                 x[k],
                 aux_mode == 1 ? ax[k] : NULL,
                 fW,
                 fA,
                 fR,
                 fb,
                 hf,
                 yf,
                 merge ? FU + BU : FU,
                 0};
    ref_dir bd = {T,
                  B,
                  aux_mode == 2 ? A : I,
                  A,
                  BU,
                  act,
                  time_major,
                  1,
                  bx,
                  aux_mode == 1 ? ax[k] : NULL,
                  bW,
                  bA,
                  bR,
                  bb,
                  hb,
                  merge ? yf : yb,
                  merge ? FU + BU : BU,
                  merge ? FU : 0};
    ref_rnn(&f);
    ref_rnn(&bd);
    char l2[128];
    snprintf(l2, sizeof l2, "%s invoke %d", label, k);
    const int od0[3] = {d0, d1, merge ? FU + BU : FU};
    check_shape(&r, 0, od0, 3, l2);
    const double tol = hybrid ? 0.04 : 2e-5;
    check_out(&r, 0, yf, rows * (merge ? FU + BU : FU), tol, l2);
    if (!merge) {
      const int od1[3] = {d0, d1, BU};
      check_shape(&r, 1, od1, 3, l2);
      check_out(&r, 1, yb, rows * BU, tol, l2);
    }
  }
  free(hf);
  free(hb);
  free(yf);
  free(yb);
  m_free(&r);
done:
  free(fW), free(bW), free(fR), free(bR), free(fb), free(bb), free(fA),
      free(bA);
  for (int k = 0; k < 2; k++) free(x[k]), free(ax[k]);
}

/* ---- SVDF float -----------------------------------------------------------
 */

/* Reference SVDF step with its own state layout: mem[b][f][m], oldest
 * first; the new activation is appended after dropping the oldest. */
static void ref_svdf_step(int B, int I, int F, int M, int rank, int act,
                          const float *x, const double *Wf, const double *Wt,
                          const float *bias, double *mem, double *y) {
  const int U = F / rank;
  for (int b = 0; b < B; b++) {
    for (int f = 0; f < F; f++) {
      double *row = mem + ((size_t)b * F + f) * M;
      for (int m = 0; m + 1 < M; m++) row[m] = row[m + 1];
      double a = 0;
      for (int i = 0; i < I; i++) a += Wf[f * I + i] * x[b * I + i];
      row[M - 1] = a;
    }
    for (int u = 0; u < U; u++) {
      double acc = bias ? bias[u] : 0.0;
      for (int r = 0; r < rank; r++) {
        const int f = u * rank + r;
        const double *row = mem + ((size_t)b * F + f) * M;
        for (int m = 0; m < M; m++) acc += row[m] * Wt[f * M + m];
      }
      y[b * U + u] = ot_ref_act(acc, act);
    }
  }
}

static void test_svdf_float(int B, int I, int F, int M, int rank, int act,
                            int with_bias, int hybrid, int asym) {
  char label[112];
  snprintf(label, sizeof label,
           "SVDF%s B=%d I=%d F=%d M=%d rank=%d act=%d bias=%d asym=%d",
           hybrid ? " hybrid" : "", B, I, F, M, rank, act, with_bias, asym);
  const int U = F / rank;
  float *Wf = oo_rand_buf((size_t)F * I, -0.7f, 0.7f);
  float *Wt = oo_rand_buf((size_t)F * M, -0.7f, 0.7f);
  float *bias = oo_rand_buf((size_t)U, -0.3f, 0.3f);
  int8_t *qf = malloc((size_t)F * I), *qt = malloc((size_t)F * M);
  double *dWf = malloc(sizeof(double) * (size_t)F * I);
  double *dWt = malloc(sizeof(double) * (size_t)F * M);
  const float sf = 0.7f / 127, st = 0.7f / 127;
  for (int i = 0; i < F * I; i++) {
    qf[i] = (int8_t)lrintf(Wf[i] / sf);
    dWf[i] = hybrid ? qf[i] * (double)sf : Wf[i];
  }
  for (int i = 0; i < F * M; i++) {
    qt[i] = (int8_t)lrintf(Wt[i] / st);
    dWt[i] = hybrid ? qt[i] * (double)st : Wt[i];
  }
  const int steps = M + 3;
  float **x = malloc(sizeof(float *) * (size_t)steps);
  for (int k = 0; k < steps; k++) x[k] = oo_rand_buf((size_t)B * I, -1, 1);
  m_spec s;
  memset(&s, 0, sizeof s);
  s.op = TFLC_OP_SVDF;
  s.bo = TFLC_BO_SVDF;
  s.fields[0] = tm_opt_int(0, TFLC_OPT_I32, rank);
  s.fields[1] = opt_a(1, act);
  s.fields[2] = opt_b(2, asym);
  s.n_fields = 3;
  s.n_in = 5;
  s.in[0] = tf(K_INPUT, NULL, 2, B, I, 0);
  if (hybrid) {
    t_spec a = {TFLC_TT_INT8, {F, I}, 2, K_CONST, qf, sf, 0};
    t_spec b = {TFLC_TT_INT8, {F, M}, 2, K_CONST, qt, st, 0};
    s.in[1] = a;
    s.in[2] = b;
  } else {
    s.in[1] = tf(K_CONST, Wf, 2, F, I, 0);
    s.in[2] = tf(K_CONST, Wt, 2, F, M, 0);
  }
  s.in[3] =
      with_bias ? tf(K_CONST, bias, 1, U, 0, 0) : tf(K_OMIT, NULL, 0, 0, 0, 0);
  s.in[4] = tf(K_VAR, NULL, 2, B, F * M, 0);
  s.n_out = 1;
  s.out[0] = tf(K_INPUT, NULL, 2, B, U, 0);
  m_run r;
  if (m_build(&s, &r) != 0) {
    CHECK_MSG(0, "%s: build failed: %s", label, r.err);
    m_free(&r);
    goto done;
  }
  double *mem = calloc((size_t)B * F * M, sizeof(double));
  double *y = calloc((size_t)B * U, sizeof(double));
  double *y0 = calloc((size_t)B * U, sizeof(double));
  /* hybrid: input quantization costs ~1/127 of the input range per term */
  const double tol = hybrid ? 0.03 : 2e-5;
  for (int k = 0; k < steps; k++) {
    const void *in[1] = {x[k]};
    CHECK_MSG(m_invoke(&r, in, 1) == 0, "%s: invoke: %s", label, r.err);
    ref_svdf_step(B, I, F, M, rank, act, x[k], dWf, dWt,
                  with_bias ? bias : NULL, mem, y);
    char l2[160];
    snprintf(l2, sizeof l2, "%s step %d", label, k);
    check_out(&r, 0, y, (size_t)B * U, tol, l2);
    if (k == 0) memcpy(y0, y, sizeof(double) * (size_t)B * U);
  }
  CHECK(TfLiteInterpreterResetVariableTensors(r.it) == kTfLiteOk);
  const void *in0[1] = {x[0]};
  CHECK(m_invoke(&r, in0, 1) == 0);
  char l3[160];
  snprintf(l3, sizeof l3, "%s after reset", label);
  check_out(&r, 0, y0, (size_t)B * U, tol, l3);
  free(mem);
  free(y);
  free(y0);
  m_free(&r);
done:
  for (int k = 0; k < steps; k++) free(x[k]);
  free(x);
  free(Wf), free(Wt), free(bias), free(qf), free(qt), free(dWf), free(dWt);
}

/* ---- SVDF integer ---------------------------------------------------------
 */

/* TensorFlow Lite's quantized multiplier: real = m * 2^(shift - 31). */
static void t_quant_mult(double real, int32_t *m, int *shift) {
  if (real == 0) {
    *m = 0;
    *shift = 0;
    return;
  }
  int e = 0;
  double q = frexp(real, &e);
  long long qf = llround(q * 2147483648.0);
  if (qf == 2147483648LL) {
    qf /= 2;
    e++;
  }
  if (e < -31) {
    qf = 0;
    e = 0;
  }
  *m = (int32_t)qf;
  *shift = e;
}

/* x * m * 2^(shift - 31): saturating rounding doubling high multiply, then
 * a rounding (half away from zero) right shift. */
static int32_t t_mul(int32_t x, int32_t m, int shift) {
  const int left = shift > 0 ? shift : 0, right = shift > 0 ? 0 : -shift;
  const int64_t xs = (int64_t)(int32_t)((uint32_t)x << left);
  int32_t hi;
  if (xs == INT32_MIN && m == INT32_MIN) {
    hi = INT32_MAX;
  } else {
    const int64_t ab = xs * m;
    const int64_t nudge = ab >= 0 ? (1LL << 30) : 1 - (1LL << 30);
    hi = (int32_t)((ab + nudge) / (1LL << 31));
  }
  if (right == 0) return hi;
  /* divide by 2^right, ties away from zero */
  const int64_t div = 1LL << right;
  const int64_t mag = hi >= 0 ? (int64_t)hi : -(int64_t)hi;
  const int64_t q = (mag + div / 2) / div;
  return (int32_t)(hi >= 0 ? q : -q);
}

static void test_svdf_integer(int B, int I, int F, int M, int rank,
                              int with_bias, float s_out) {
  char label[96];
  snprintf(label, sizeof label, "SVDF int8 B=%d I=%d F=%d M=%d rank=%d bias=%d",
           B, I, F, M, rank, with_bias);
  const int U = F / rank;
  const float s_in = 0.05f, s_wf = 0.009f, s_wt = 0.0037f, s_state = 0.0044f;
  const int64_t zp_in = -128 + 17, zp_out = -20;
  int8_t *wf = malloc((size_t)F * I);
  int16_t *wt = malloc(sizeof(int16_t) * (size_t)F * M);
  int32_t *bias = malloc(sizeof(int32_t) * (size_t)U);
  for (int i = 0; i < F * I; i++) wf[i] = (int8_t)lrintf(oo_randf(-127, 127));
  for (int i = 0; i < F * M; i++) wt[i] = (int16_t)lrintf(oo_randf(-300, 300));
  for (int i = 0; i < U; i++)
    bias[i] = (int32_t)lrintf(oo_randf(-200000, 200000));
  const int steps = M + 2;
  int8_t **x = malloc(sizeof(int8_t *) * (size_t)steps);
  for (int k = 0; k < steps; k++) {
    x[k] = malloc((size_t)B * I);
    for (int i = 0; i < B * I; i++)
      x[k][i] = (int8_t)lrintf(oo_randf(-128, 127));
  }
  m_spec s;
  memset(&s, 0, sizeof s);
  s.op = TFLC_OP_SVDF;
  s.bo = TFLC_BO_SVDF;
  s.fields[0] = tm_opt_int(0, TFLC_OPT_I32, rank);
  s.fields[1] = opt_a(1, TFLC_ACT_RELU);
  s.n_fields = 2;
  s.n_in = 5;
  t_spec ti = {TFLC_TT_INT8, {B, I}, 2, K_INPUT, NULL, s_in, zp_in};
  t_spec tw = {TFLC_TT_INT8, {F, I}, 2, K_CONST, wf, s_wf, 0};
  t_spec tt = {TFLC_TT_INT16, {F, M}, 2, K_CONST, wt, s_wt, 0};
  t_spec tb = {TFLC_TT_INT32, {U},         1, with_bias ? K_CONST : K_OMIT,
               bias,          s_in * s_wf, 0};
  t_spec ts = {TFLC_TT_INT16, {B, F * M}, 2, K_VAR, NULL, s_state, 0};
  t_spec to = {TFLC_TT_INT8, {B, U}, 2, K_INPUT, NULL, s_out, zp_out};
  s.in[0] = ti, s.in[1] = tw, s.in[2] = tt, s.in[3] = tb, s.in[4] = ts;
  s.n_out = 1;
  s.out[0] = to;
  m_run r;
  if (m_build(&s, &r) != 0) {
    CHECK_MSG(0, "%s: build failed: %s", label, r.err);
    m_free(&r);
    goto done;
  }
  int32_t m1, m2;
  int sh1, sh2;
  t_quant_mult((double)s_in * s_wf / s_state, &m1, &sh1);
  t_quant_mult((double)s_state * s_wt / s_out, &m2, &sh2);
  int16_t *mem = calloc((size_t)B * F * M, sizeof(int16_t));
  int8_t *y = malloc((size_t)B * U), *y0 = malloc((size_t)B * U);
  for (int k = 0; k < steps; k++) {
    const void *in[1] = {x[k]};
    CHECK_MSG(m_invoke(&r, in, 1) == 0, "%s: invoke: %s", label, r.err);
    for (int b = 0; b < B; b++) {
      for (int f = 0; f < F; f++) {
        int16_t *row = mem + ((size_t)b * F + f) * M;
        memmove(row, row + 1, sizeof(int16_t) * (size_t)(M - 1));
        int32_t dot = 0;
        for (int i = 0; i < I; i++)
          dot += wf[f * I + i] * (x[k][b * I + i] - (int32_t)zp_in);
        int32_t v = t_mul(dot, m1, sh1);
        row[M - 1] = (int16_t)(v < -32768 ? -32768 : (v > 32767 ? 32767 : v));
      }
      for (int u = 0; u < U; u++) {
        int64_t acc = with_bias ? bias[u] : 0;
        for (int q = 0; q < rank; q++) {
          const int f = u * rank + q;
          for (int mm = 0; mm < M; mm++)
            acc += (int64_t)mem[((size_t)b * F + f) * M + mm] * wt[f * M + mm];
        }
        int32_t v = t_mul((int32_t)acc, m2, sh2) + (int32_t)zp_out;
        y[b * U + u] = (int8_t)(v < -128 ? -128 : (v > 127 ? 127 : v));
      }
    }
    char l2[128];
    snprintf(l2, sizeof l2, "%s step %d", label, k);
    oo_check_bytes(TfLiteInterpreterGetOutputTensor(r.it, 0), y, (size_t)B * U,
                   l2);
    if (k == 0) memcpy(y0, y, (size_t)B * U);
  }
  /* the outputs must not be saturated everywhere for the test to mean
   * something */
  int varied = 0;
  for (int i = 0; i < B * U; i++) varied += y[i] > -128 && y[i] < 127;
  CHECK_MSG(2 * varied >= B * U, "%s: %d of %d outputs saturated", label,
            B * U - varied, B * U);
  CHECK(TfLiteInterpreterResetVariableTensors(r.it) == kTfLiteOk);
  const void *in0[1] = {x[0]};
  CHECK(m_invoke(&r, in0, 1) == 0);
  oo_check_bytes(TfLiteInterpreterGetOutputTensor(r.it, 0), y0, (size_t)B * U,
                 "SVDF int8 after reset");
  free(mem);
  free(y);
  free(y0);
  m_free(&r);
done:
  for (int k = 0; k < steps; k++) free(x[k]);
  free(x);
  free(wf), free(wt), free(bias);
}

/* ---- hybrid RNN -----------------------------------------------------------
 */

static void test_rnn_hybrid(int asym) {
  const int T = 3, B = 2, I = 5, U = 4;
  char label[64];
  snprintf(label, sizeof label, "UNI_SEQ_RNN hybrid asym=%d", asym);
  float *W = oo_rand_buf((size_t)U * I, -0.6f, 0.6f),
        *R = oo_rand_buf((size_t)U * U, -0.5f, 0.5f);
  float *bias = oo_rand_buf(U, -0.3f, 0.3f);
  int8_t qW[20], qR[16];
  const float sw = 0.6f / 127, sr = 0.5f / 127;
  float dW[20], dR[16];
  for (int i = 0; i < U * I; i++)
    qW[i] = (int8_t)lrintf(W[i] / sw), dW[i] = qW[i] * sw;
  for (int i = 0; i < U * U; i++)
    qR[i] = (int8_t)lrintf(R[i] / sr), dR[i] = qR[i] * sr;
  float *x = oo_rand_buf((size_t)T * B * I, -1.0f, 1.0f);
  /* asymmetric quantization pays off for one-sided inputs */
  if (asym)
    for (int i = 0; i < T * B * I; i++) x[i] = x[i] * 0.5f + 0.6f;
  m_spec s;
  memset(&s, 0, sizeof s);
  s.op = TFLC_OP_UNIDIRECTIONAL_SEQUENCE_RNN;
  s.bo = TFLC_BO_SEQUENCE_RNN;
  s.fields[0] = opt_b(0, 1);
  s.fields[1] = opt_a(1, TFLC_ACT_TANH);
  s.fields[2] = opt_b(2, asym);
  s.n_fields = 3;
  s.n_in = 5;
  s.in[0] = tf(K_INPUT, NULL, 3, T, B, I);
  t_spec a = {TFLC_TT_INT8, {U, I}, 2, K_CONST, qW, sw, 0};
  t_spec b = {TFLC_TT_INT8, {U, U}, 2, K_CONST, qR, sr, 0};
  s.in[1] = a;
  s.in[2] = b;
  s.in[3] = tf(K_CONST, bias, 1, U, 0, 0);
  s.in[4] = tf(K_VAR, NULL, 2, B, U, 0);
  s.n_out = 1;
  s.out[0] = tf(K_INPUT, NULL, 3, T, B, U);
  m_run r;
  if (m_build(&s, &r) != 0) {
    CHECK_MSG(0, "%s: build failed: %s", label, r.err);
  } else {
    const void *in[1] = {x};
    CHECK_MSG(m_invoke(&r, in, 1) == 0, "%s: invoke: %s", label, r.err);
    double h[8] = {0}, y[24];
    ref_dir p = {T,    B, I, 0, U, TFLC_ACT_TANH, 1, 0, x, NULL, dW, NULL, dR,
                 bias, h, y, U, 0};
    ref_rnn(&p);
    check_out(&r, 0, y, (size_t)T * B * U, 0.03, label);
  }
  m_free(&r);
  free(W), free(R), free(bias), free(x);
}

/* Hybrid RNN with input size 0: the INT8 input weights [U, 0] are a
 * variable, so their (empty) data pointer is NULL. The cell is still hybrid
 * (the recurrent weights are INT8): output = tanh(bias + R h). It crashed
 * when the hybrid mode was taken from the input weights' data pointer
 * (clang-tidy rnn_cell.c, hs NULL in matmul_hybrid). */
static void test_rnn_hybrid_no_input(int asym) {
  const int B = 2, U = 3;
  char label[64];
  snprintf(label, sizeof label, "RNN hybrid input size 0 asym=%d", asym);
  static const int8_t qR[9] = {20, -50, 90, 127, 3, -7, -64, 40, 11};
  static const float bias[3] = {0.3f, -0.2f, 0.1f};
  const float sr = 0.5f / 127;
  float dR[9];
  for (int i = 0; i < U * U; i++) dR[i] = qR[i] * sr;
  m_spec s;
  memset(&s, 0, sizeof s);
  s.op = TFLC_OP_RNN;
  s.bo = TFLC_BO_RNN;
  s.fields[0] = opt_a(0, TFLC_ACT_TANH);
  s.fields[1] = opt_b(1, asym);
  s.n_fields = 2;
  s.n_in = 5;
  s.in[0] = tf(K_INPUT, NULL, 2, B, 0, 0);
  t_spec w = {TFLC_TT_INT8, {U, 0}, 2, K_VAR, NULL, 0.01f, 0};
  t_spec rw = {TFLC_TT_INT8, {U, U}, 2, K_CONST, qR, sr, 0};
  s.in[1] = w;
  s.in[2] = rw;
  s.in[3] = tf(K_CONST, bias, 1, U, 0, 0);
  s.in[4] = tf(K_VAR, NULL, 2, B, U, 0);
  s.n_out = 1;
  s.out[0] = tf(K_INPUT, NULL, 2, B, U, 0);
  m_run r;
  if (m_build(&s, &r) != 0) {
    CHECK_MSG(0, "%s: build failed: %s", label, r.err);
    m_free(&r);
    return;
  }
  static const float x[1] = {0};
  double h[6] = {0}, y[6];
  for (int k = 0; k < 3; k++) {
    const void *in[1] = {x};
    CHECK_MSG(m_invoke(&r, in, 1) == 0, "%s: invoke %d: %s", label, k, r.err);
    ref_dir p = {1,    B, 0, 0, U, TFLC_ACT_TANH, 1, 0, x, NULL, NULL, NULL, dR,
                 bias, h, y, U, 0};
    ref_rnn(&p);
    check_out(&r, 0, y, (size_t)B * U, 0.03, label);
  }
  m_free(&r);
}

/* ---- prepare errors ------------------------------------------------------ */

static void base_rnn(m_spec *s, const float *W, const float *R,
                     const float *bias) {
  memset(s, 0, sizeof *s);
  s->op = TFLC_OP_RNN;
  s->bo = TFLC_BO_RNN;
  s->n_in = 5;
  s->in[0] = tf(K_INPUT, NULL, 2, 2, 3, 0);
  s->in[1] = tf(K_CONST, W, 2, 4, 3, 0);
  s->in[2] = tf(K_CONST, R, 2, 4, 4, 0);
  s->in[3] = tf(K_CONST, bias, 1, 4, 0, 0);
  s->in[4] = tf(K_VAR, NULL, 2, 2, 4, 0);
  s->n_out = 1;
  s->out[0] = tf(K_INPUT, NULL, 2, 2, 4, 0);
}

static void base_svdf(m_spec *s, const float *Wf, const float *Wt, int rank) {
  memset(s, 0, sizeof *s);
  s->op = TFLC_OP_SVDF;
  s->bo = TFLC_BO_SVDF;
  s->fields[0] = tm_opt_int(0, TFLC_OPT_I32, rank);
  s->n_fields = 1;
  s->n_in = 5;
  s->in[0] = tf(K_INPUT, NULL, 2, 1, 3, 0);
  s->in[1] = tf(K_CONST, Wf, 2, 4, 3, 0);
  s->in[2] = tf(K_CONST, Wt, 2, 4, 2, 0);
  s->in[3] = tf(K_OMIT, NULL, 0, 0, 0, 0);
  s->in[4] = tf(K_VAR, NULL, 2, 1, 8, 0);
  s->n_out = 1;
  s->out[0] = tf(K_INPUT, NULL, 2, 1, 4, 0);
}

static void test_errors(void) {
  static float buf[64];
  m_spec s;
  base_rnn(&s, buf, buf, buf);
  s.in[1].shape[1] = 5;
  m_expect_error(&s,
                 "input weights (input 1) has shape [4, 5], expected [4, 3]",
                 "RNN weights vs input size");
  base_rnn(&s, buf, buf, buf);
  s.in[2].shape[1] = 3;
  m_expect_error(
      &s, "recurrent weights (input 2) has shape [4, 3], expected [4, 4]",
      "RNN recurrent shape");
  base_rnn(&s, buf, buf, buf);
  s.in[3].shape[0] = 3;
  m_expect_error(&s, "bias (input 3) has shape [3]", "RNN bias");
  base_rnn(&s, buf, buf, buf);
  s.in[4].kind = K_INPUT;
  m_expect_error(&s, "hidden state (input 4) must be a variable tensor",
                 "RNN state not variable");
  base_rnn(&s, buf, buf, buf);
  s.in[4].shape[0] = 3;
  m_expect_error(&s, "hidden state (input 4) has shape [3, 4], expected [2, 4]",
                 "RNN state batch");
  base_rnn(&s, buf, buf, buf);
  s.fields[0] = opt_a(0, 9);
  s.n_fields = 1;
  m_expect_error(&s, "fused activation 9 is not supported", "RNN activation");
  base_rnn(&s, buf, buf, buf);
  s.n_in = 4;
  m_expect_error(&s, "has 4 inputs, expected 5", "RNN inputs");
  base_rnn(&s, buf, buf, buf);
  s.in[0].tt = TFLC_TT_INT32;
  m_expect_error(&s, "input (input 0) has type INT32, expected FLOAT32",
                 "RNN input type");
  base_rnn(&s, buf, buf, buf);
  s.op = TFLC_OP_UNIDIRECTIONAL_SEQUENCE_RNN;
  s.bo = TFLC_BO_SEQUENCE_RNN;
  m_expect_error(&s, "input (input 0) has shape [2, 3], expected [?, ?, ?]",
                 "SEQ_RNN input rank");

  /* BIDIRECTIONAL_SEQUENCE_RNN */
  memset(&s, 0, sizeof s);
  s.op = TFLC_OP_BIDIRECTIONAL_SEQUENCE_RNN;
  s.bo = TFLC_BO_BIDIRECTIONAL_SEQUENCE_RNN;
  s.n_in = 12;
  s.in[0] = tf(K_INPUT, NULL, 3, 2, 3, 3);
  for (int d = 0; d < 2; d++) {
    s.in[1 + 4 * d] = tf(K_CONST, buf, 2, 4, 3, 0);
    s.in[2 + 4 * d] = tf(K_CONST, buf, 2, 4, 4, 0);
    s.in[3 + 4 * d] = tf(K_CONST, buf, 1, 4, 0, 0);
    s.in[4 + 4 * d] = tf(K_VAR, NULL, 2, 2, 4, 0);
  }
  s.in[9] = tf(K_INPUT, NULL, 3, 2, 3, 2);
  s.in[10] = tf(K_CONST, buf, 2, 4, 2, 0);
  s.in[11] = tf(K_OMIT, NULL, 0, 0, 0, 0);
  s.n_out = 2;
  s.out[0] = tf(K_INPUT, NULL, 3, 2, 3, 4);
  s.out[1] = tf(K_INPUT, NULL, 3, 2, 3, 4);
  m_expect_error(&s, "must be given both or neither", "BIDI aux weights");
  s.in[11] = tf(K_CONST, buf, 2, 4, 2, 0);
  s.n_out = 1;
  m_expect_error(&s, "has 1 outputs, expected 2", "BIDI outputs");
  s.n_out = 2;
  s.in[8].shape[1] = 5;
  m_expect_error(&s, "backward hidden state (input 8) has shape [2, 5]",
                 "BIDI bw state");
  s.in[8].shape[1] = 4;
  s.in[9].shape[0] = 3;
  m_expect_error(&s,
                 "aux input (input 9) has shape [3, 3, 2], expected [2, 3, ?]",
                 "BIDI aux input shape");

  /* SVDF */
  base_svdf(&s, buf, buf, 0);
  m_expect_error(&s, "rank is 0, expected > 0", "SVDF rank 0");
  base_svdf(&s, buf, buf, 3);
  m_expect_error(&s, "4 filters, not a multiple of rank 3", "SVDF rank");
  base_svdf(&s, buf, buf, 1);
  s.in[4].shape[1] = 6;
  m_expect_error(&s,
                 "activation state (input 4) has shape [1, 6], expected [1, 8]",
                 "SVDF state size");
  base_svdf(&s, buf, buf, 1);
  s.in[4].kind = K_INPUT;
  m_expect_error(&s, "activation state (input 4) must be a variable tensor",
                 "SVDF state not variable");
  base_svdf(&s, buf, buf, 1);
  s.in[2].shape[0] = 3;
  m_expect_error(&s, "weights_time (input 2) has shape [3, 2], expected [4, 2]",
                 "SVDF weights_time");
  base_svdf(&s, buf, buf, 2);
  s.in[3] = tf(K_CONST, buf, 1, 4, 0, 0);
  m_expect_error(&s, "bias (input 3) has shape [4], expected [2]", "SVDF bias");
  base_svdf(&s, buf, buf, 1);
  s.fields[1] = opt_a(1, 6);
  s.n_fields = 2;
  m_expect_error(&s, "fused activation 6 is not supported", "SVDF act");

  /* integer SVDF: keyword_scrambled_8bit's INT8 state (and INT8
   * weights_time) is refused, never read as INT16 */
  static int8_t qb[64];
  static int16_t q16[64];
  memset(&s, 0, sizeof s);
  s.op = TFLC_OP_SVDF;
  s.bo = TFLC_BO_SVDF;
  s.fields[0] = tm_opt_int(0, TFLC_OPT_I32, 1);
  s.fields[1] = opt_a(1, TFLC_ACT_RELU);
  s.n_fields = 2;
  s.n_in = 5;
  t_spec ti = {TFLC_TT_INT8, {1, 3}, 2, K_INPUT, NULL, 0.05f, -128};
  t_spec tw = {TFLC_TT_INT8, {4, 3}, 2, K_CONST, qb, 0.01f, 0};
  t_spec tt8 = {TFLC_TT_INT8, {4, 2}, 2, K_CONST, qb, 0.01f, 0};
  t_spec ts8 = {TFLC_TT_INT8, {1, 8}, 2, K_VAR, NULL, 0.8f, -50};
  t_spec to = {TFLC_TT_INT8, {1, 4}, 2, K_INPUT, NULL, 0.2f, -128};
  s.in[0] = ti, s.in[1] = tw, s.in[2] = tt8,
  s.in[3] = tf(K_OMIT, NULL, 0, 0, 0, 0);
  s.in[4] = ts8;
  s.n_out = 1;
  s.out[0] = to;
  m_expect_error(&s, "activation state (input 4) has type INT8",
                 "SVDF int8 state");
  t_spec ts16 = {TFLC_TT_INT16, {1, 8}, 2, K_VAR, NULL, 0.004f, 0};
  s.in[4] = ts16;
  m_expect_error(&s, "weights_time (input 2) has type INT8, expected INT16",
                 "SVDF int8 weights_time");
  t_spec tt16 = {TFLC_TT_INT16, {4, 2}, 2, K_CONST, q16, 0.001f, 0};
  s.in[2] = tt16;
  s.fields[1] = opt_a(1, TFLC_ACT_TANH);
  m_expect_error(&s, "not supported by the integer SVDF", "SVDF int8 tanh");
  s.fields[1] = opt_a(1, TFLC_ACT_RELU);
  s.in[4].zp = 3;
  m_expect_error(&s, "activation state (input 4) must have zero point 0",
                 "SVDF int16 state zero point");
  s.in[4].zp = 0;
  s.in[0].scale = 0;
  m_expect_error(&s, "has no quantization", "SVDF int8 input unquantized");
}

int main(void) {
  for (int act = 0; act <= TFLC_ACT_SIGN_BIT; act++)
    test_rnn_case(0, 0, act, 1, 2, 3, 4);
  test_rnn_case(0, 0, TFLC_ACT_TANH, 1, 1, 1, 1);
  test_rnn_case(0, 0, TFLC_ACT_RELU, 1, 3, 7, 9);
  for (int tm = 0; tm <= 1; tm++) {
    for (int act = 0; act <= TFLC_ACT_SIGN_BIT; act++)
      test_rnn_case(1, tm, act, 4, 3, 5, 6);
    test_rnn_case(1, tm, TFLC_ACT_TANH, 1, 1, 2, 3);
    test_rnn_case(1, tm, TFLC_ACT_RELU, 6, 2, 17, 33);
  }
  for (int tm = 0; tm <= 1; tm++)
    for (int merge = 0; merge <= 1; merge++)
      for (int aux = 0; aux <= 2; aux++)
        test_birnn_case(tm, merge, aux,
                        aux == 0 ? TFLC_ACT_TANH : TFLC_ACT_RELU, 12, 0);
  test_birnn_case(1, 0, 0, TFLC_ACT_NONE, 9, 0);
  /* hybrid: INT8 weights, symmetric (1) and asymmetric (2) inputs */
  test_birnn_case(0, 1, 1, TFLC_ACT_TANH, 12, 1);
  test_birnn_case(1, 0, 1, TFLC_ACT_TANH, 12, 2);
  test_birnn_case(1, 1, 2, TFLC_ACT_RELU, 12, 2);
  for (int act = 0; act <= TFLC_ACT_SIGN_BIT; act++)
    test_svdf_float(2, 3, 4, 3, 1, act, 1, 0, 0);
  test_svdf_float(3, 5, 6, 4, 2, TFLC_ACT_NONE, 1, 0, 0);
  test_svdf_float(2, 5, 6, 4, 3, TFLC_ACT_RELU, 0, 0, 0);
  test_svdf_float(1, 4, 8, 1, 2, TFLC_ACT_NONE, 1, 0, 0);
  test_svdf_float(2, 40, 64, 10, 4, TFLC_ACT_TANH, 1, 0, 0);
  test_svdf_float(2, 6, 6, 4, 2, TFLC_ACT_NONE, 1, 1, 0);
  test_svdf_float(2, 6, 6, 4, 2, TFLC_ACT_RELU, 1, 1, 1);
  test_svdf_integer(1, 96, 64, 8, 1, 1, 1.5f);
  test_svdf_integer(2, 7, 6, 5, 2, 1, 0.5f);
  test_svdf_integer(3, 5, 6, 3, 3, 0, 0.3f);
  test_rnn_hybrid(0);
  test_rnn_hybrid(1);
  test_rnn_hybrid_no_input(0);
  test_rnn_hybrid_no_input(1);
  test_errors();
  return CHECK_DONE();
}
