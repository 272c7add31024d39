/* Op tests of the float dense ops: FULLY_CONNECTED (flattened batches,
 * keep_num_dims, every fused activation, optional bias, constant and
 * non-constant weights, zero-size tensors, input resizing) and BATCH_MATMUL
 * (adj_x / adj_y, ranks 2..5 with batch broadcasting, constant rhs,
 * zero-size). Each case builds a one-op model with the project's writer,
 * runs it through the C API and compares with naive loops written here over
 * random data with a fixed seed; then the errors prepare must report. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/op_test.h"

/* ---- helpers ------------------------------------------------------------ */

static uint32_t rng_state = 777u;
static float *rand_buf(size_t n, float scale) {
  return ot_lcg_floats(&rng_state, n, scale);
}
typedef struct io_spec {
  int8_t tt;
  const int *shape;
  int rank;
  const void *data; /* constant data, or NULL: a graph input */
  int omitted;
} io_spec;

typedef struct op_spec {
  int32_t op;
  uint8_t bo;
  const tflc_opt_field *fields;
  int n_fields;
  int n_in;
  io_spec in[3];
  const int *out_shape;
  int out_rank;
} op_spec;

/* Builds the spec's model: graph inputs are the non-constant inputs in
 * order. 1 on success, else r->err says why. */
static int build(const op_spec *s, oo_run *r) {
  oo_tensor ins[3];
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
  return oo_build(&op, r) == 0;
}

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

static void run_check(const char *label, const op_spec *s,
                      const void *const *host, const int *ws, int wr,
                      const double *want, const double *tol) {
  oo_run r;
  int ok = build(s, &r);
  CHECK_MSG(ok, "%s: build failed: %s", label, r.err);
  if (ok) {
    CHECK_MSG(feed(&r, s, host), "%s: feed", label);
    CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "%s: invoke", label);
    ot_check_f32_tol(label, oo_out(&r, 0), ws, wr, want, tol);
  }
  oo_free(&r);
}

static void expect_error(const char *label, const op_spec *s,
                         const char *needle) {
  oo_run r;
  int ok = build(s, &r);
  CHECK_MSG(!ok, "%s: expected an error containing \"%s\"", label, needle);
  if (!ok) CHECK_CONTAINS(r.err, needle);
  oo_free(&r);
}

/* ---- FULLY_CONNECTED ---------------------------------------------------- */

typedef struct fc_case {
  const int *in_shape;
  int in_rank;
  int units, input_size;
  int act, keep;
  int bias;       /* 0: omitted (-1), 1: present, 2: two inputs */
  int weights_in; /* weights as a graph input */
} fc_case;

static void fc_spec(const fc_case *k, op_spec *s, tflc_opt_field *f,
                    const float *w, const float *b, int *ws, int *bs, int *os,
                    int *orank) {
  ws[0] = k->units;
  ws[1] = k->input_size;
  bs[0] = k->units;
  size_t total = oo_count(k->in_shape, k->in_rank);
  if (k->keep) {
    for (int i = 0; i < k->in_rank; i++) os[i] = k->in_shape[i];
    os[k->in_rank - 1] = k->units;
    *orank = k->in_rank;
  } else {
    os[0] = k->input_size ? (int)(total / (size_t)k->input_size) : 0;
    os[1] = k->units;
    *orank = 2;
  }
  f[0] = tm_opt_int(0, TFLC_OPT_I8, k->act);
  f[1] = tm_opt_int(1, TFLC_OPT_I8, 0);
  f[2] = tm_opt_int(2, TFLC_OPT_BOOL, k->keep);
  f[3] = tm_opt_int(3, TFLC_OPT_BOOL, 0);
  memset(s, 0, sizeof(*s));
  s->op = TFLC_OP_FULLY_CONNECTED;
  s->bo = TFLC_BO_FULLY_CONNECTED;
  s->fields = f;
  s->n_fields = 4;
  s->n_in = k->bias == 2 ? 2 : 3;
  s->in[0] = (io_spec){TFLC_TT_FLOAT32, k->in_shape, k->in_rank, NULL, 0};
  s->in[1] = (io_spec){TFLC_TT_FLOAT32, ws, 2, k->weights_in ? NULL : w, 0};
  s->in[2] = (io_spec){TFLC_TT_FLOAT32, bs, 1, b, k->bias != 1};
  s->out_shape = os;
  s->out_rank = *orank;
}

static void check_fc(const char *label, const fc_case *k) {
  size_t total = oo_count(k->in_shape, k->in_rank);
  size_t batch = total / (size_t)k->input_size;
  float *in = rand_buf(total, 3.0f);
  float *w = rand_buf((size_t)k->units * k->input_size, 1.0f);
  float *b = rand_buf((size_t)k->units, 1.0f);
  size_t nout = batch * (size_t)k->units;
  double *want = malloc((nout ? nout : 1) * sizeof(double));
  double *tol = malloc((nout ? nout : 1) * sizeof(double));
  for (size_t r = 0; r < batch; r++)
    for (int u = 0; u < k->units; u++) {
      double s = k->bias == 1 ? b[u] : 0.0, mag = fabs(s);
      for (int i = 0; i < k->input_size; i++) {
        double p = (double)in[r * k->input_size + i] *
                   w[(size_t)u * k->input_size + i];
        s += p;
        mag += fabs(p);
      }
      want[r * k->units + u] = ot_ref_act(s, k->act);
      tol[r * k->units + u] = 1e-5 * mag + 1e-6;
    }
  op_spec s;
  tflc_opt_field f[4];
  int ws[2], bs[1], os[8], orank;
  fc_spec(k, &s, f, w, b, ws, bs, os, &orank);
  const void *host[3] = {in, w, b};
  run_check(label, &s, host, os, orank, want, tol);
  free(in);
  free(w);
  free(b);
  free(want);
  free(tol);
}

static void test_fully_connected(void) {
  static const int s23[] = {2, 3}, s234[] = {2, 3, 4}, s1_12[] = {1, 12};
  static const int s5_37[] = {5, 37}, s04[] = {0, 4}, s1[] = {6};
  static const int s2114[] = {2, 1, 1, 4}, s3_1[] = {3, 1};
  const int acts[] = {TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU_N1_TO_1,
                      TFLC_ACT_RELU6};
  char label[128];
  for (int a = 0; a < 4; a++)
    for (int bias = 0; bias < 3; bias++) {
      snprintf(label, sizeof label, "fc act %d bias %d", acts[a], bias);
      check_fc(label, &(fc_case){s23, 2, 4, 3, acts[a], 0, bias, 0});
    }
  check_fc("fc rank 3", &(fc_case){s234, 3, 5, 4, TFLC_ACT_NONE, 0, 1, 0});
  check_fc("fc rank 3 keep", &(fc_case){s234, 3, 5, 4, TFLC_ACT_RELU, 1, 1, 0});
  check_fc("fc rank 4 keep",
           &(fc_case){s2114, 4, 3, 4, TFLC_ACT_NONE, 1, 1, 0});
  check_fc("fc flatten 12 / 4",
           &(fc_case){s1_12, 2, 3, 4, TFLC_ACT_NONE, 0, 1, 0});
  check_fc("fc rank 1", &(fc_case){s1, 1, 2, 6, TFLC_ACT_NONE, 0, 1, 0});
  check_fc("fc wide", &(fc_case){s5_37, 2, 19, 37, TFLC_ACT_RELU6, 0, 1, 0});
  check_fc("fc input 1", &(fc_case){s3_1, 2, 5, 1, TFLC_ACT_NONE, 0, 1, 0});
  check_fc("fc weights input",
           &(fc_case){s234, 3, 6, 4, TFLC_ACT_NONE, 0, 1, 1});
  check_fc("fc batch 0", &(fc_case){s04, 2, 3, 4, TFLC_ACT_NONE, 0, 1, 0});
  check_fc("fc batch 0 keep", &(fc_case){s04, 2, 3, 4, TFLC_ACT_NONE, 1, 1, 0});
  check_fc("fc 0 units", &(fc_case){s23, 2, 0, 3, TFLC_ACT_NONE, 0, 1, 0});

  /* Resize: batch 2 -> 7. */
  {
    fc_case k = {s23, 2, 4, 3, TFLC_ACT_NONE, 0, 1, 0};
    float *w = rand_buf(12, 1.0f), *b = rand_buf(4, 1.0f);
    op_spec s;
    tflc_opt_field f[4];
    int ws[2], bs[1], os[8], orank;
    fc_spec(&k, &s, f, w, b, ws, bs, os, &orank);
    oo_run run;
    CHECK_MSG(build(&s, &run), "fc resize: %s", run.err);
    TfLiteInterpreter *it = run.it;
    if (it) {
      const int nd[2] = {7, 3};
      CHECK_EQ_INT(TfLiteInterpreterResizeInputTensor(it, 0, nd, 2), kTfLiteOk);
      CHECK_EQ_INT(TfLiteInterpreterAllocateTensors(it), kTfLiteOk);
      float *in = rand_buf(21, 2.0f);
      double want[28], tol[28];
      for (int r = 0; r < 7; r++)
        for (int u = 0; u < 4; u++) {
          double acc = b[u];
          for (int i = 0; i < 3; i++)
            acc += (double)in[r * 3 + i] * w[u * 3 + i];
          want[r * 4 + u] = acc;
          tol[r * 4 + u] = 1e-5;
        }
      CHECK_EQ_INT(TfLiteTensorCopyFromBuffer(
                       TfLiteInterpreterGetInputTensor(it, 0), in, 21 * 4),
                   kTfLiteOk);
      CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
      const int wsh[2] = {7, 4};
      ot_check_f32_tol("fc resize", oo_out(&run, 0), wsh, 2, want, tol);
      free(in);
    }
    oo_free(&run);
    free(w);
    free(b);
  }

  /* Errors. */
  float z[256] = {0};
  op_spec s;
  tflc_opt_field f[4];
  int ws[2], bs[1], os[8], orank;
  fc_case base = {s23, 2, 4, 3, TFLC_ACT_NONE, 0, 1, 0};
  fc_case k;
  static const int s25[] = {2, 5}, s234b[] = {2, 3, 4};
  k = base;
  k.in_shape = s25; /* 10 elements, input size 3 */
  fc_spec(&k, &s, f, z, z, ws, bs, os, &orank);
  os[0] = 3;
  expect_error("fc not a multiple", &s, "multiple");
  k = base;
  k.in_shape = s234b;
  k.in_rank = 3;
  k.input_size = 6;
  k.keep = 1;
  fc_spec(&k, &s, f, z, z, ws, bs, os, &orank);
  expect_error("fc keep_num_dims", &s, "keep_num_dims");
  k = base;
  k.act = TFLC_ACT_TANH;
  fc_spec(&k, &s, f, z, z, ws, bs, os, &orank);
  expect_error("fc tanh", &s, "activation");
  fc_spec(&base, &s, f, z, z, ws, bs, os, &orank);
  f[1] = tm_opt_int(1, TFLC_OPT_I8, 1);
  expect_error("fc shuffled", &s, "weights_format");
  fc_spec(&base, &s, f, z, z, ws, bs, os, &orank);
  bs[0] = 3;
  expect_error("fc bias", &s, "bias has 3 elements");
  fc_spec(&base, &s, f, z, z, ws, bs, os, &orank);
  s.in[1].rank = 1;
  expect_error("fc weights rank", &s, "weights have 1 dims, expected 2");
  fc_spec(&base, &s, f, z, z, ws, bs, os, &orank);
  s.in[1].tt = TFLC_TT_INT8;
  expect_error("fc hybrid", &s, "hybrid");
  fc_spec(&base, &s, f, z, z, ws, bs, os, &orank);
  s.in[0].tt = TFLC_TT_INT8;
  expect_error("fc int8", &s, "not supported");
  fc_spec(&base, &s, f, z, z, ws, bs, os, &orank);
  s.n_in = 1;
  expect_error("fc 1 input", &s, "inputs");
}

/* ---- BATCH_MATMUL ------------------------------------------------------- */

typedef struct bmm_case {
  const int *ls;
  int lr;
  const int *rs;
  int rr;
  int adj_x, adj_y;
  int rhs_const;
} bmm_case;

static void bmm_spec(const bmm_case *k, op_spec *s, tflc_opt_field *f,
                     const float *rhs, const int *os, int orank) {
  f[0] = tm_opt_int(0, TFLC_OPT_BOOL, k->adj_x);
  f[1] = tm_opt_int(1, TFLC_OPT_BOOL, k->adj_y);
  f[2] = tm_opt_int(2, TFLC_OPT_BOOL, 0);
  memset(s, 0, sizeof(*s));
  s->op = TFLC_OP_BATCH_MATMUL;
  s->bo = TFLC_BO_BATCH_MAT_MUL;
  s->fields = f;
  s->n_fields = 3;
  s->n_in = 2;
  s->in[0] = (io_spec){TFLC_TT_FLOAT32, k->ls, k->lr, NULL, 0};
  s->in[1] =
      (io_spec){TFLC_TT_FLOAT32, k->rs, k->rr, k->rhs_const ? rhs : NULL, 0};
  s->out_shape = os;
  s->out_rank = orank;
}

static void check_bmm(const char *label, const bmm_case *k) {
  /* Output shape by numpy broadcasting of the batch dims. */
  int orank = k->lr > k->rr ? k->lr : k->rr;
  int ob = orank - 2, os[5];
  for (int i = 0; i < ob; i++) {
    int li = i - (ob - (k->lr - 2)), ri = i - (ob - (k->rr - 2));
    int a = li >= 0 ? k->ls[li] : 1, b = ri >= 0 ? k->rs[ri] : 1;
    os[i] = a == 1 ? b : a;
  }
  int lrow = k->ls[k->lr - 2], lcol = k->ls[k->lr - 1];
  int rrow = k->rs[k->rr - 2], rcol = k->rs[k->rr - 1];
  int M = k->adj_x ? lcol : lrow, K = k->adj_x ? lrow : lcol;
  int N = k->adj_y ? rrow : rcol;
  os[orank - 2] = M;
  os[orank - 1] = N;
  size_t nl = oo_count(k->ls, k->lr), nr = oo_count(k->rs, k->rr);
  size_t nout = oo_count(os, orank);
  float *l = rand_buf(nl, 2.0f), *r = rand_buf(nr, 2.0f);
  double *want = malloc((nout ? nout : 1) * sizeof(double));
  double *tol = malloc((nout ? nout : 1) * sizeof(double));
  size_t nb = oo_count(os, ob);
  for (size_t bi = 0; bi < nb; bi++) {
    /* Batch coordinate -> flat slice index of each operand. */
    int coord[3];
    size_t rem = bi;
    for (int i = ob - 1; i >= 0; i--) {
      coord[i] = (int)(rem % (size_t)os[i]);
      rem /= (size_t)os[i];
    }
    size_t lslice = 0, rslice = 0;
    for (int i = 0; i < k->lr - 2; i++) {
      int d = k->ls[i], c = coord[ob - (k->lr - 2) + i];
      lslice = lslice * (size_t)d + (size_t)(d == 1 ? 0 : c);
    }
    for (int i = 0; i < k->rr - 2; i++) {
      int d = k->rs[i], c = coord[ob - (k->rr - 2) + i];
      rslice = rslice * (size_t)d + (size_t)(d == 1 ? 0 : c);
    }
    const float *L = l + lslice * (size_t)lrow * lcol;
    const float *R = r + rslice * (size_t)rrow * rcol;
    for (int i = 0; i < M; i++)
      for (int j = 0; j < N; j++) {
        double s = 0, mag = 0;
        for (int t = 0; t < K; t++) {
          double x = k->adj_x ? L[t * lcol + i] : L[i * lcol + t];
          double y = k->adj_y ? R[j * rcol + t] : R[t * rcol + j];
          s += x * y;
          mag += fabs(x * y);
        }
        size_t o = bi * (size_t)M * N + (size_t)i * N + j;
        want[o] = s;
        tol[o] = 1e-5 * mag + 1e-6;
      }
  }
  op_spec s;
  tflc_opt_field f[3];
  bmm_spec(k, &s, f, r, os, orank);
  const void *host[2] = {l, r};
  run_check(label, &s, host, os, orank, want, tol);
  free(l);
  free(r);
  free(want);
  free(tol);
}

static void test_batch_matmul(void) {
  static const int a23[] = {2, 3}, a34[] = {3, 4}, a32[] = {3, 2};
  static const int a43[] = {4, 3}, a234[] = {2, 3, 4}, a245[] = {2, 4, 5};
  static const int a2134[] = {2, 1, 3, 4}, a345[] = {3, 4, 5};
  static const int a12123[] = {1, 2, 1, 2, 3}, a2132[] = {2, 1, 3, 2};
  static const int a45[] = {4, 5}, a1_4_5[] = {1, 4, 5}, a30[] = {3, 0};
  static const int a05[] = {0, 5}, a0_3_4[] = {0, 3, 4}, a3_4_5b[] = {3, 5, 4};
  static const int a17_9[] = {17, 9}, a9_13[] = {9, 13};
  char label[128];
  for (int ax = 0; ax < 2; ax++)
    for (int ay = 0; ay < 2; ay++) {
      bmm_case k = {ax ? a32 : a23, 2, ay ? a43 : a34, 2, ax, ay, 0};
      snprintf(label, sizeof label, "bmm 2d adj_x %d adj_y %d", ax, ay);
      check_bmm(label, &k);
      k.rhs_const = 1;
      snprintf(label, sizeof label, "bmm 2d const adj_x %d adj_y %d", ax, ay);
      check_bmm(label, &k);
    }
  check_bmm("bmm batched", &(bmm_case){a234, 3, a245, 3, 0, 0, 0});
  check_bmm("bmm broadcast 4d x 3d", &(bmm_case){a2134, 4, a345, 3, 0, 0, 0});
  check_bmm("bmm broadcast adj_y", &(bmm_case){a2134, 4, a3_4_5b, 3, 0, 1, 1});
  check_bmm("bmm rank 5", &(bmm_case){a12123, 5, a2132, 4, 0, 0, 0});
  check_bmm("bmm rank 5 adj", &(bmm_case){a12123, 5, a2132, 4, 1, 1, 0});
  check_bmm("bmm 3d x 2d", &(bmm_case){a234, 3, a45, 2, 0, 0, 1});
  check_bmm("bmm 2d x 3d", &(bmm_case){a34, 2, a1_4_5, 3, 0, 0, 0});
  check_bmm("bmm odd sizes", &(bmm_case){a17_9, 2, a9_13, 2, 0, 0, 0});
  check_bmm("bmm k 0", &(bmm_case){a30, 2, a05, 2, 0, 0, 0});
  check_bmm("bmm batch 0", &(bmm_case){a0_3_4, 3, a45, 2, 0, 0, 0});

  /* Errors. */
  static const int a4[] = {4}, a2345[] = {2, 3, 4, 5}, a33_4[] = {3, 3, 4};
  static const int r6[] = {1, 1, 1, 1, 2, 3};
  op_spec s;
  tflc_opt_field f[3];
  int os[6] = {2, 4, 4, 4, 4, 4};
  bmm_case k;
  k = (bmm_case){a4, 1, a45, 2, 0, 0, 0};
  bmm_spec(&k, &s, f, NULL, os, 2);
  expect_error("bmm rank 1", &s, "lhs has 1 dims");
  k = (bmm_case){r6, 6, a34, 2, 0, 0, 0};
  bmm_spec(&k, &s, f, NULL, os, 6);
  expect_error("bmm rank 6", &s, "lhs has 6 dims");
  k = (bmm_case){a23, 2, a45, 2, 0, 0, 0};
  bmm_spec(&k, &s, f, NULL, os, 2);
  expect_error("bmm contraction", &s, "contracts");
  k = (bmm_case){a234, 3, a33_4, 3, 0, 1, 0};
  bmm_spec(&k, &s, f, NULL, os, 3);
  expect_error("bmm broadcast", &s, "broadcast");
  k = (bmm_case){a2345, 4, a2345, 4, 0, 0, 0};
  bmm_spec(&k, &s, f, NULL, os, 4);
  expect_error("bmm contraction 4d", &s, "contracts");
  k = (bmm_case){a23, 2, a34, 2, 0, 0, 0};
  bmm_spec(&k, &s, f, NULL, os, 2);
  s.in[0].tt = TFLC_TT_INT8;
  s.in[1].tt = TFLC_TT_INT8;
  expect_error("bmm int8", &s, "not supported");
}

int main(void) {
  test_fully_connected();
  test_batch_matmul();
  return CHECK_DONE();
}
