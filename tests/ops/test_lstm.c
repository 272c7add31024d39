/* Op tests of the float LSTM family: LSTM (one step),
 * UNIDIRECTIONAL_SEQUENCE_LSTM and BIDIRECTIONAL_SEQUENCE_LSTM. Each case
 * builds a one-op model with the project's writer (random constant weights, a
 * fixed seed, variable state tensors), invokes it several times with new inputs
 * and compares outputs and the cell-state variable with a plain LSTM written
 * here (loops over batch, cell and input, double accumulators): plain, CIFG,
 * peepholes, projection with and without bias, layer norm, cell and projection
 * clipping, every fused activation, time-major and batch-major sequences,
 * several batches, state carried across invokes and restored by
 * TfLiteInterpreterResetVariableTensors, bidirectional with merged or
 * separate outputs and with aux inputs. Then the errors prepare reports. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/op_test.h"

/* ---- random data ----------------------------------------------------------
 */

static uint32_t rng_state = 12345u;
static float *rand_buf(size_t n, float scale) {
  return ot_lcg_floats(&rng_state, n, scale);
}
/* ---- the reference cell ----------------------------------------------------
 */

typedef struct ref_cell {
  int n_input, n_aux, n_cell, n_output;
  int cifg, peephole, projection, proj_bias, layer_norm;
  float *w_x[4], *w_aux[4], *w_h[4], *peep[3], *bias[4], *ln[4];
  float *proj_w, *proj_b;
} ref_cell;

static void ref_cell_init(ref_cell *c, int n_input, int n_aux, int n_cell,
                          int n_output, int cifg, int peephole, int projection,
                          int proj_bias, int layer_norm) {
  memset(c, 0, sizeof(*c));
  c->n_input = n_input;
  c->n_aux = n_aux;
  c->n_cell = n_cell;
  c->n_output = n_output;
  c->cifg = cifg;
  c->peephole = peephole;
  c->projection = projection;
  c->proj_bias = proj_bias;
  c->layer_norm = layer_norm;
  for (int g = 0; g < 4; g++) {
    int skip = cifg && g == 0;
    c->w_x[g] = skip ? NULL : rand_buf((size_t)n_cell * n_input, 0.6f);
    c->w_aux[g] =
        skip || !n_aux ? NULL : rand_buf((size_t)n_cell * n_aux, 0.6f);
    c->w_h[g] = skip ? NULL : rand_buf((size_t)n_cell * n_output, 0.6f);
    c->bias[g] = skip ? NULL : rand_buf((size_t)n_cell, 0.5f);
    c->ln[g] = skip || !layer_norm ? NULL : rand_buf((size_t)n_cell, 1.0f);
  }
  for (int p = 0; p < 3; p++)
    c->peep[p] =
        peephole && !(cifg && p == 0) ? rand_buf((size_t)n_cell, 0.5f) : NULL;
  if (projection) {
    c->proj_w = rand_buf((size_t)n_output * n_cell, 0.7f);
    if (proj_bias) c->proj_b = rand_buf((size_t)n_output, 0.3f);
  }
}

static void ref_cell_free(ref_cell *c) {
  for (int g = 0; g < 4; g++) {
    free(c->w_x[g]);
    free(c->w_aux[g]);
    free(c->w_h[g]);
    free(c->bias[g]);
    free(c->ln[g]);
  }
  for (int p = 0; p < 3; p++) free(c->peep[p]);
  free(c->proj_w);
  free(c->proj_b);
}

static double sigm(double x) { return 1.0 / (1.0 + exp(-x)); }

static double act_ref(int act, double x) {
  switch (act) {
    case TFLC_ACT_RELU: return x > 0 ? x : 0;
    case TFLC_ACT_RELU_N1_TO_1: return x < -1 ? -1 : (x > 1 ? 1 : x);
    case TFLC_ACT_RELU6: return x < 0 ? 0 : (x > 6 ? 6 : x);
    case TFLC_ACT_TANH: return tanh(x);
    case TFLC_ACT_SIGN_BIT: return x < 0 ? 1 : 0;
    default: return x;
  }
}

static void normalize(double *v, int n, const float *coeff, const float *bias) {
  double mean = 0, var = 0;
  for (int j = 0; j < n; j++) mean += v[j];
  mean /= n;
  for (int j = 0; j < n; j++) var += (v[j] - mean) * (v[j] - mean);
  var /= n;
  for (int j = 0; j < n; j++)
    v[j] = (v[j] - mean) / sqrt(var + 1e-8) * coeff[j] + bias[j];
}

/* One step of one batch row: h (n_output) and cs (n_cell) are updated, the
 * output (n_output values) goes to out. */
static void ref_step(const ref_cell *c, int act, float cell_clip,
                     float proj_clip, const float *x, const float *aux,
                     float *h, float *cs, float *out) {
  const int nc = c->n_cell, no = c->n_output;
  double *z[4], m[64];
  for (int g = 0; g < 4; g++) z[g] = calloc((size_t)nc, sizeof(double));
  for (int g = 0; g < 4; g++) {
    if (c->cifg && g == 0) continue;
    for (int j = 0; j < nc; j++) {
      double s = c->layer_norm ? 0.0 : c->bias[g][j];
      for (int k = 0; k < c->n_input; k++)
        s += (double)c->w_x[g][j * c->n_input + k] * x[k];
      if (c->n_aux && aux)
        for (int k = 0; k < c->n_aux; k++)
          s += (double)c->w_aux[g][j * c->n_aux + k] * aux[k];
      for (int k = 0; k < no; k++) s += (double)c->w_h[g][j * no + k] * h[k];
      z[g][j] = s;
    }
  }
  if (c->peephole)
    for (int j = 0; j < nc; j++) {
      if (!c->cifg) z[0][j] += (double)c->peep[0][j] * cs[j];
      z[1][j] += (double)c->peep[1][j] * cs[j];
    }
  if (c->layer_norm)
    for (int g = c->cifg ? 1 : 0; g < 3; g++)
      normalize(z[g], nc, c->ln[g], c->bias[g]);
  for (int j = 0; j < nc; j++) {
    double f = sigm(z[1][j]);
    double i = c->cifg ? 1.0 - f : sigm(z[0][j]);
    z[2][j] = act_ref(act, z[2][j]);
    double cn = f * cs[j] + i * z[2][j];
    if (cell_clip > 0)
      cn = cn > cell_clip ? cell_clip : (cn < -cell_clip ? -cell_clip : cn);
    cs[j] = (float)cn;
  }
  if (c->peephole)
    for (int j = 0; j < nc; j++) z[3][j] += (double)c->peep[2][j] * cs[j];
  if (c->layer_norm) normalize(z[3], nc, c->ln[3], c->bias[3]);
  for (int j = 0; j < nc; j++) {
    /* Activation NONE: TensorFlow Lite multiplies by the cell gate. */
    double a = act == TFLC_ACT_NONE ? z[2][j] : act_ref(act, cs[j]);
    m[j] = sigm(z[3][j]) * a;
  }
  for (int k = 0; k < no; k++) {
    double v;
    if (c->projection) {
      v = c->proj_b ? c->proj_b[k] : 0.0;
      for (int j = 0; j < nc; j++) v += (double)c->proj_w[k * nc + j] * m[j];
      if (proj_clip > 0)
        v = v > proj_clip ? proj_clip : (v < -proj_clip ? -proj_clip : v);
    } else {
      v = m[k];
    }
    out[k] = (float)v;
  }
  memcpy(h, out, (size_t)no * sizeof(float));
  for (int g = 0; g < 4; g++) free(z[g]);
}

/* ---- building models -------------------------------------------------------
 */

/* Where one cell's tensors go among the op's inputs (-1: none). */
typedef struct cell_pos {
  int w_x, w_h, peep, bias, proj_w, proj_b, h, c, ln, aux;
} cell_pos;

static const cell_pos std_pos = {1, 5, 9, 12, 16, 17, 18, 19, 20, -1};
static const cell_pos fw_pos = {1, 5, 9, 12, 16, 17, 35, 36, -1, 40};
static const cell_pos bw_pos = {18, 22, 26, 29, 33, 34, 37, 38, -1, 44};

/* Test-case mutations for prepare errors. */
typedef struct mutation {
  int drop;         /* input position to omit (0: none) */
  int add;          /* input position to add a [n_cell] tensor at */
  int bad_shape;    /* input position whose constant gets one extra row */
  int int8_at;      /* input position turned into an INT8 tensor */
  int not_variable; /* output-state tensor not marked variable */
  int small_state;  /* cell state with one element less */
  int n_inputs;     /* 0: the op's count; else truncate/extend */
  int input_rank2;  /* sequence input given as rank 2 */
  int extra_output; /* one more output than expected */
} mutation;

static int add_const(tm_model *m, const float *data, const int *shape, int rank,
                     const char *name) {
  size_t n = 1;
  for (int i = 0; i < rank; i++) n *= (size_t)shape[i];
  return tm_const(m, TFLC_TT_FLOAT32, shape, rank, data, n * sizeof(float),
                  name);
}

static int add_weight(tm_model *m, const mutation *mu, int pos, const float *d,
                      int d0, int d1) {
  int shape[2] = {d0, d1};
  int rank = d1 < 0 ? 1 : 2;
  if (mu && mu->bad_shape == pos) shape[0] += 1;
  if (mu && mu->int8_at == pos) {
    int8_t q[4096] = {0};
    size_t n = (size_t)shape[0] * (rank == 2 ? (size_t)shape[1] : 1);
    int t = tm_const(m, TFLC_TT_INT8, shape, rank, q, n, "q");
    float sc = 0.01f;
    int64_t zp = 0;
    tm_quant(m, t, &sc, &zp, 1, 0);
    return t;
  }
  float *buf = NULL;
  if (mu && mu->bad_shape == pos) {
    size_t n = (size_t)shape[0] * (rank == 2 ? (size_t)shape[1] : 1);
    buf = rand_buf(n, 0.5f);
    d = buf;
  }
  int t = add_const(m, d, shape, rank, "w");
  free(buf);
  return t;
}

static void add_cell(tm_model *m, const ref_cell *c, int n_batch,
                     const cell_pos *p, int *ins, const mutation *mu) {
  const int nc = c->n_cell, no = c->n_output;
  for (int g = 0; g < 4; g++) {
    if (c->w_x[g])
      ins[p->w_x + g] =
          add_weight(m, mu, p->w_x + g, c->w_x[g], nc, c->n_input);
    if (c->w_h[g])
      ins[p->w_h + g] = add_weight(m, mu, p->w_h + g, c->w_h[g], nc, no);
    if (c->bias[g])
      ins[p->bias + g] = add_weight(m, mu, p->bias + g, c->bias[g], nc, -1);
    if (p->ln >= 0 && c->ln[g])
      ins[p->ln + g] = add_weight(m, mu, p->ln + g, c->ln[g], nc, -1);
    if (p->aux >= 0 && c->w_aux[g])
      ins[p->aux + g] =
          add_weight(m, mu, p->aux + g, c->w_aux[g], nc, c->n_aux);
  }
  for (int q = 0; q < 3; q++)
    if (c->peep[q])
      ins[p->peep + q] = add_weight(m, mu, p->peep + q, c->peep[q], nc, -1);
  if (c->proj_w)
    ins[p->proj_w] = add_weight(m, mu, p->proj_w, c->proj_w, no, nc);
  if (c->proj_b)
    ins[p->proj_b] = add_weight(m, mu, p->proj_b, c->proj_b, no, -1);
  int hs[2] = {n_batch, no}, cs[2] = {n_batch, nc};
  if (mu && mu->small_state) cs[1] -= 1;
  ins[p->h] = tm_tensor(m, TFLC_TT_FLOAT32, hs, 2, "h_state");
  ins[p->c] = tm_tensor(m, TFLC_TT_FLOAT32, cs, 2, "c_state");
  if (!(mu && mu->not_variable)) tm_variable(m, ins[p->h]);
  tm_variable(m, ins[p->c]);
}

/* ---- the op under test -----------------------------------------------------
 */

typedef struct lstm_case {
  const char *label;
  int32_t op; /* TFLC_OP_LSTM / _UNIDIRECTIONAL_ / _BIDIRECTIONAL_ */
  int n_batch, max_time, time_major;
  int act;
  float cell_clip, proj_clip;
  int n_inputs; /* LSTM / UNI: 20 or 24 */
  int merge;    /* BIDI */
  int aux_mode; /* BIDI: 0 none, 1 aux + weights, 2 aux read by bw */
  int n_aux;
  int kernel_type; /* LSTM option */
  int diagonal;    /* UNI option */
  ref_cell fw, bw;
} lstm_case;

static int in_dims(const lstm_case *k, int n_in, int *d) {
  if (k->op == TFLC_OP_LSTM) {
    d[0] = k->n_batch;
    d[1] = n_in;
    return 2;
  }
  d[0] = k->time_major ? k->max_time : k->n_batch;
  d[1] = k->time_major ? k->n_batch : k->max_time;
  d[2] = n_in;
  return 3;
}

typedef struct built {
  TfLiteInterpreter *it;
  int n_graph_inputs, n_outputs;
  int fw_c, bw_c; /* cell-state tensor indices */
} built;

static int build_case(const lstm_case *k, const mutation *mu, built *b,
                      char *err, size_t errsz) {
  memset(b, 0, sizeof(*b));
  tm_model *m = tm_create();
  int ins[64];
  for (int i = 0; i < 64; i++) ins[i] = -1;
  int n_in = k->op == TFLC_OP_BIDIRECTIONAL_SEQUENCE_LSTM ? 48 : k->n_inputs;
  int d[3];
  int rank = in_dims(k, k->fw.n_input, d);
  if (mu && mu->input_rank2) rank = 2;
  ins[0] = tm_tensor(m, TFLC_TT_FLOAT32, d, rank, "input");
  int gin[2] = {ins[0], -1}, ngin = 1;
  if (k->op == TFLC_OP_BIDIRECTIONAL_SEQUENCE_LSTM) {
    add_cell(m, &k->fw, k->n_batch, &fw_pos, ins, mu);
    add_cell(m, &k->bw, k->n_batch, &bw_pos, ins, mu);
    if (k->aux_mode) {
      int ad[3];
      in_dims(k, k->n_aux, ad);
      ins[39] = tm_tensor(m, TFLC_TT_FLOAT32, ad, 3, "aux");
      gin[ngin++] = ins[39];
    }
    b->fw_c = ins[36];
    b->bw_c = ins[38];
  } else {
    add_cell(m, &k->fw, k->n_batch, &std_pos, ins, mu);
    b->fw_c = ins[19];
    b->bw_c = -1;
  }
  if (mu && mu->drop) ins[mu->drop] = -1;
  if (mu && mu->add) {
    int s1[1] = {k->fw.n_cell};
    float *v = rand_buf((size_t)k->fw.n_cell, 0.5f);
    ins[mu->add] = add_const(m, v, s1, 1, "extra");
    free(v);
  }
  if (mu && mu->n_inputs) n_in = mu->n_inputs;

  int n_out = k->op == TFLC_OP_BIDIRECTIONAL_SEQUENCE_LSTM && !k->merge ? 2 : 1;
  if (mu && mu->extra_output) n_out++;
  int outs[3], od[1] = {1};
  for (int i = 0; i < n_out; i++)
    outs[i] = tm_tensor(m, TFLC_TT_FLOAT32, od, 0, "out");

  tflc_opt_field f[6];
  int nf = 0;
  uint8_t bo;
  f[nf++] = tm_opt_int(0, TFLC_OPT_I8, k->act);
  f[nf++] = tm_opt_f32(1, k->cell_clip);
  f[nf++] = tm_opt_f32(2, k->proj_clip);
  if (k->op == TFLC_OP_LSTM) {
    bo = TFLC_BO_LSTM;
    f[nf++] = tm_opt_int(3, TFLC_OPT_I8, k->kernel_type);
    f[nf++] = tm_opt_int(4, TFLC_OPT_BOOL, 0);
  } else if (k->op == TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM) {
    bo = TFLC_BO_UNIDIRECTIONAL_SEQUENCE_LSTM;
    f[nf++] = tm_opt_int(3, TFLC_OPT_BOOL, k->time_major);
    f[nf++] = tm_opt_int(4, TFLC_OPT_BOOL, 0);
    f[nf++] = tm_opt_int(5, TFLC_OPT_BOOL, k->diagonal);
  } else {
    bo = TFLC_BO_BIDIRECTIONAL_SEQUENCE_LSTM;
    f[nf++] = tm_opt_int(3, TFLC_OPT_BOOL, k->merge);
    f[nf++] = tm_opt_int(4, TFLC_OPT_BOOL, k->time_major);
    f[nf++] = tm_opt_int(5, TFLC_OPT_BOOL, 0);
  }
  tm_op(m, k->op, NULL, ins, n_in, outs, n_out, bo, f, nf);
  tm_io(m, gin, ngin, outs, n_out);
  size_t size = 0;
  uint8_t *bytes = tm_finish(m, &size);
  tm_free(m);
  if (!bytes) {
    snprintf(err, errsz, "tm_finish failed");
    return 0;
  }
  b->it = tm_interpreter(bytes, size, err, errsz);
  free(bytes);
  b->n_graph_inputs = ngin;
  b->n_outputs = n_out;
  return b->it != NULL;
}

/* ---- reference over a sequence ---------------------------------------------
 */

/* Row (t, b) of a [T, B, n] (time major) or [B, T, n] tensor. */
static size_t row(const lstm_case *k, int t, int b) {
  return k->time_major ? (size_t)t * k->n_batch + b
                       : (size_t)b * k->max_time + t;
}

typedef struct ref_state {
  float *h, *c; /* [n_batch][n_output], [n_batch][n_cell] */
} ref_state;

static void state_init(ref_state *s, const ref_cell *c, int n_batch) {
  s->h = calloc((size_t)n_batch * c->n_output, sizeof(float));
  s->c = calloc((size_t)n_batch * c->n_cell, sizeof(float));
}

static void state_zero(ref_state *s, const ref_cell *c, int n_batch) {
  memset(s->h, 0, (size_t)n_batch * c->n_output * sizeof(float));
  memset(s->c, 0, (size_t)n_batch * c->n_cell * sizeof(float));
}

/* One pass of one cell: in rows of n_in, aux rows of n_aux (or NULL), output
 * rows of width at offset off. */
static void ref_pass(const lstm_case *k, const ref_cell *c, ref_state *s,
                     const float *in, int n_in, const float *aux, int forward,
                     float *out, int width, int off) {
  const int T = k->op == TFLC_OP_LSTM ? 1 : k->max_time;
  float tmp[64];
  for (int b = 0; b < k->n_batch; b++)
    for (int q = 0; q < T; q++) {
      int t = forward ? q : T - 1 - q;
      size_t r = k->op == TFLC_OP_LSTM ? (size_t)b : row(k, t, b);
      ref_step(c, k->act, k->cell_clip, k->proj_clip, in + r * n_in,
               aux ? aux + r * k->n_aux : NULL, s->h + (size_t)b * c->n_output,
               s->c + (size_t)b * c->n_cell, tmp);
      memcpy(out + r * width + off, tmp, (size_t)c->n_output * sizeof(float));
    }
}

static int compare(const char *label, const float *got, const float *want,
                   size_t n) {
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    double tol = 2e-5 + 2e-5 * fabs(want[i]);
    if (!(fabs((double)got[i] - want[i]) <= tol)) {
      if (bad++ < 4)
        CHECK_MSG(0, "%s: element %zu is %.8g, want %.8g", label, i,
                  (double)got[i], (double)want[i]);
    }
  }
  CHECK_MSG(bad == 0, "%s: %d of %zu elements differ", label, bad, n);
  return bad == 0;
}

/* Builds the case, invokes it n_invokes times with fresh inputs (the state
 * carries over), then resets the variables and invokes once more. */
static void run_case(lstm_case *k, int n_invokes) {
  char err[2048];
  built b;
  int ok = build_case(k, NULL, &b, err, sizeof err);
  CHECK_MSG(ok, "%s: build failed: %s", k->label, err);
  if (!ok) return;
  const int is_bidi = k->op == TFLC_OP_BIDIRECTIONAL_SEQUENCE_LSTM;
  const int T = k->op == TFLC_OP_LSTM ? 1 : k->max_time;
  const size_t rows = (size_t)T * k->n_batch;
  const int n_in = k->fw.n_input;
  const int fw_w = k->fw.n_output + (is_bidi && k->merge ? k->bw.n_output : 0);
  const int bw_in = is_bidi && k->aux_mode == 2 ? k->n_aux : n_in;
  ref_state fs, bs;
  state_init(&fs, &k->fw, k->n_batch);
  if (is_bidi) state_init(&bs, &k->bw, k->n_batch);
  float *in = NULL, *aux = NULL;
  float *want_fw = calloc(rows * fw_w, sizeof(float));
  float *want_bw =
      is_bidi ? calloc(rows * k->bw.n_output, sizeof(float)) : NULL;
  char label[256];
  for (int inv = 0; inv <= n_invokes; inv++) {
    const int reset = inv == n_invokes;
    if (reset) {
      CHECK(TfLiteInterpreterResetVariableTensors(b.it) == kTfLiteOk);
      state_zero(&fs, &k->fw, k->n_batch);
      if (is_bidi) state_zero(&bs, &k->bw, k->n_batch);
    }
    snprintf(label, sizeof label, "%s, invoke %d%s", k->label, inv + 1,
             reset ? " after reset" : "");
    free(in);
    free(aux);
    in = rand_buf(rows * n_in, 1.5f);
    aux = k->aux_mode ? rand_buf(rows * k->n_aux, 1.5f) : NULL;
    TfLiteTensor *ti = TfLiteInterpreterGetInputTensor(b.it, 0);
    CHECK(TfLiteTensorCopyFromBuffer(ti, in, rows * n_in * sizeof(float)) ==
          kTfLiteOk);
    if (aux) {
      TfLiteTensor *ta = TfLiteInterpreterGetInputTensor(b.it, 1);
      CHECK(TfLiteTensorCopyFromBuffer(
                ta, aux, rows * k->n_aux * sizeof(float)) == kTfLiteOk);
    }
    CHECK_MSG(TfLiteInterpreterInvoke(b.it) == kTfLiteOk, "%s: invoke failed",
              label);

    ref_pass(k, &k->fw, &fs, in, n_in, k->aux_mode == 1 ? aux : NULL, 1,
             want_fw, fw_w, 0);
    if (is_bidi) {
      const float *bin = k->aux_mode == 2 ? aux : in;
      const float *baux = k->aux_mode == 1 ? aux : NULL;
      if (k->merge)
        ref_pass(k, &k->bw, &bs, bin, bw_in, baux, 0, want_fw, fw_w,
                 k->fw.n_output);
      else
        ref_pass(k, &k->bw, &bs, bin, bw_in, baux, 0, want_bw, k->bw.n_output,
                 0);
    }

    const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(b.it, 0);
    int d[3];
    int rank = in_dims(k, fw_w, d);
    CHECK_MSG(TfLiteTensorNumDims(o) == rank, "%s: output rank %d, want %d",
              label, (int)TfLiteTensorNumDims(o), rank);
    for (int i = 0; i < rank && TfLiteTensorNumDims(o) == rank; i++)
      CHECK_MSG(TfLiteTensorDim(o, i) == d[i],
                "%s: output dim %d is %d, want %d", label, i,
                (int)TfLiteTensorDim(o, i), d[i]);
    if (TfLiteTensorByteSize(o) == rows * fw_w * sizeof(float))
      compare(label, TfLiteTensorData(o), want_fw, rows * fw_w);
    else
      CHECK_MSG(0, "%s: output has %zu bytes", label, TfLiteTensorByteSize(o));
    if (is_bidi && !k->merge) {
      const TfLiteTensor *o2 = TfLiteInterpreterGetOutputTensor(b.it, 1);
      if (TfLiteTensorByteSize(o2) == rows * k->bw.n_output * sizeof(float))
        compare(label, TfLiteTensorData(o2), want_bw, rows * k->bw.n_output);
      else
        CHECK_MSG(0, "%s: backward output has %zu bytes", label,
                  TfLiteTensorByteSize(o2));
    }
    /* The cell-state variables hold the state after the last step. */
    const TfLiteTensor *cs = TfLiteInterpreterGetTensor(b.it, b.fw_c);
    if (cs && TfLiteTensorByteSize(cs) ==
                  (size_t)k->n_batch * k->fw.n_cell * sizeof(float))
      compare(label, TfLiteTensorData(cs), fs.c,
              (size_t)k->n_batch * k->fw.n_cell);
    else
      CHECK_MSG(0, "%s: cell state tensor", label);
    if (is_bidi) {
      const TfLiteTensor *bc = TfLiteInterpreterGetTensor(b.it, b.bw_c);
      if (bc && TfLiteTensorByteSize(bc) ==
                    (size_t)k->n_batch * k->bw.n_cell * sizeof(float))
        compare(label, TfLiteTensorData(bc), bs.c,
                (size_t)k->n_batch * k->bw.n_cell);
      else
        CHECK_MSG(0, "%s: backward cell state tensor", label);
    }
  }
  free(in);
  free(aux);
  free(want_fw);
  free(want_bw);
  free(fs.h);
  free(fs.c);
  if (is_bidi) {
    free(bs.h);
    free(bs.c);
  }
  tm_interpreter_delete(b.it);
}

/* ---- cases ------------------------------------------------------------------
 */

typedef struct variant {
  int cifg, peephole, projection, proj_bias, layer_norm;
} variant;

static void lstm_one(const char *name, int32_t op, const variant *v,
                     int n_batch, int max_time, int time_major, int act,
                     float cell_clip, float proj_clip, int n_inputs) {
  lstm_case k;
  memset(&k, 0, sizeof k);
  char label[200];
  snprintf(
      label, sizeof label,
      "%s (cifg %d peep %d proj %d/%d ln %d act %d clip %g/%g tm %d B %d T %d)",
      name, v->cifg, v->peephole, v->projection, v->proj_bias, v->layer_norm,
      act, (double)cell_clip, (double)proj_clip, time_major, n_batch, max_time);
  k.label = label;
  k.op = op;
  k.n_batch = n_batch;
  k.max_time = max_time;
  k.time_major = time_major;
  k.act = act;
  k.cell_clip = cell_clip;
  k.proj_clip = proj_clip;
  k.n_inputs = n_inputs;
  const int n_cell = 5, n_output = v->projection ? 3 : 5;
  ref_cell_init(&k.fw, 4, 0, n_cell, n_output, v->cifg, v->peephole,
                v->projection, v->proj_bias, v->layer_norm);
  run_case(&k, 3);
  ref_cell_free(&k.fw);
}

static const variant variants[] = {
    {0, 0, 0, 0, 0}, {1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {1, 1, 0, 0, 0},
    {0, 0, 1, 1, 0}, {0, 0, 1, 0, 0}, {0, 1, 1, 1, 0}, {0, 0, 0, 0, 1},
    {1, 0, 0, 0, 1}, {0, 1, 1, 1, 1}, {1, 1, 1, 0, 1},
};
#define N_VARIANTS ((int)(sizeof variants / sizeof variants[0]))

static void test_lstm_op(void) {
  for (int i = 0; i < N_VARIANTS; i++)
    lstm_one("LSTM", TFLC_OP_LSTM, &variants[i], 3, 1, 1, TFLC_ACT_TANH, 0, 0,
             24);
  /* 20 inputs (no layer-norm inputs at all). */
  lstm_one("LSTM 20 inputs", TFLC_OP_LSTM, &variants[2], 2, 1, 1, TFLC_ACT_TANH,
           0, 0, 20);
  /* Clipping: small clips so that they bite. */
  lstm_one("LSTM clip", TFLC_OP_LSTM, &variants[6], 2, 1, 1, TFLC_ACT_TANH,
           0.3f, 0.2f, 24);
  lstm_one("LSTM cell clip", TFLC_OP_LSTM, &variants[0], 2, 1, 1, TFLC_ACT_RELU,
           0.25f, 0, 24);
  /* Every fused activation. */
  const int acts[] = {TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU_N1_TO_1,
                      TFLC_ACT_RELU6, TFLC_ACT_SIGN_BIT};
  for (int a = 0; a < 5; a++)
    lstm_one("LSTM act", TFLC_OP_LSTM, &variants[6], 2, 1, 1, acts[a], 0, 0,
             24);
  /* One batch. */
  lstm_one("LSTM batch 1", TFLC_OP_LSTM, &variants[9], 1, 1, 1, TFLC_ACT_TANH,
           0, 0, 24);
}

static void test_unidirectional(void) {
  const int U = TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM;
  for (int i = 0; i < N_VARIANTS; i++)
    for (int tm = 0; tm < 2; tm++)
      lstm_one("UNI", U, &variants[i], 3, 4, tm, TFLC_ACT_TANH, 0, 0, 24);
  lstm_one("UNI 20 inputs", U, &variants[3], 2, 3, 0, TFLC_ACT_TANH, 0, 0, 20);
  lstm_one("UNI clip", U, &variants[9], 2, 5, 0, TFLC_ACT_TANH, 0.4f, 0.3f, 24);
  lstm_one("UNI clip tm", U, &variants[6], 2, 5, 1, TFLC_ACT_RELU6, 0.4f, 0.3f,
           24);
  lstm_one("UNI batch 1 T 1", U, &variants[0], 1, 1, 0, TFLC_ACT_TANH, 0, 0,
           24);
  lstm_one("UNI act none", U, &variants[1], 2, 3, 1, TFLC_ACT_NONE, 0, 0, 24);
}

static void bidi_one(const char *name, int merge, int time_major, int aux_mode,
                     const variant *vf, const variant *vb) {
  lstm_case k;
  memset(&k, 0, sizeof k);
  char label[200];
  snprintf(label, sizeof label, "%s (merge %d tm %d aux %d)", name, merge,
           time_major, aux_mode);
  k.label = label;
  k.op = TFLC_OP_BIDIRECTIONAL_SEQUENCE_LSTM;
  k.n_batch = 2;
  k.max_time = 4;
  k.time_major = time_major;
  k.act = TFLC_ACT_TANH;
  k.merge = merge;
  k.aux_mode = aux_mode;
  k.n_aux = aux_mode ? 3 : 0;
  const int n_input = 4;
  ref_cell_init(&k.fw, n_input, aux_mode == 1 ? 3 : 0, 5,
                vf->projection ? 3 : 5, vf->cifg, vf->peephole, vf->projection,
                vf->proj_bias, 0);
  ref_cell_init(&k.bw, aux_mode == 2 ? 3 : n_input, aux_mode == 1 ? 3 : 0, 4,
                vb->projection ? 2 : 4, vb->cifg, vb->peephole, vb->projection,
                vb->proj_bias, 0);
  run_case(&k, 2);
  ref_cell_free(&k.fw);
  ref_cell_free(&k.bw);
}

static void test_bidirectional(void) {
  for (int merge = 0; merge < 2; merge++)
    for (int tm = 0; tm < 2; tm++)
      for (int aux = 0; aux < 3; aux++) {
        bidi_one("BIDI", merge, tm, aux, &variants[0], &variants[0]);
        bidi_one("BIDI mixed", merge, tm, aux, &variants[6], &variants[3]);
      }
  bidi_one("BIDI cifg proj", 1, 0, 1, &variants[3], &variants[5]);
}

/* ---- prepare errors ---------------------------------------------------------
 */

static void expect_error(lstm_case *k, const mutation *mu, const char *needle) {
  char err[2048];
  built b;
  int ok = build_case(k, mu, &b, err, sizeof err);
  CHECK_MSG(!ok, "%s: expected an error containing \"%s\"", k->label, needle);
  if (ok) {
    tm_interpreter_delete(b.it);
    return;
  }
  CHECK_CONTAINS(err, needle);
}

static void error_case(const char *label, int32_t op, const variant *v,
                       const mutation *mu, const char *needle, int kernel_type,
                       int diagonal, float cell_clip) {
  lstm_case k;
  memset(&k, 0, sizeof k);
  k.label = label;
  k.op = op;
  k.n_batch = 2;
  k.max_time = 3;
  k.time_major = 0;
  k.act = TFLC_ACT_TANH;
  k.n_inputs = 24;
  k.cell_clip = cell_clip;
  k.kernel_type = kernel_type;
  k.diagonal = diagonal;
  k.merge = 0;
  ref_cell_init(&k.fw, 4, 0, 5, v->projection ? 3 : 5, v->cifg, v->peephole,
                v->projection, v->proj_bias, v->layer_norm);
  if (op == TFLC_OP_BIDIRECTIONAL_SEQUENCE_LSTM)
    ref_cell_init(&k.bw, 4, 0, 5, 5, 0, 0, 0, 0, 0);
  expect_error(&k, mu, needle);
  ref_cell_free(&k.fw);
  if (op == TFLC_OP_BIDIRECTIONAL_SEQUENCE_LSTM) ref_cell_free(&k.bw);
}

static void test_errors(void) {
  const int L = TFLC_OP_LSTM, U = TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM;
  const int B = TFLC_OP_BIDIRECTIONAL_SEQUENCE_LSTM;
  const variant *plain = &variants[0], *peep = &variants[2];
  const variant *proj = &variants[4], *ln = &variants[7];
  error_case("input count", L, plain, &(mutation){.n_inputs = 22},
             "has 22 inputs, expected 24", 0, 0, 0);
  error_case("uni input count", U, plain, &(mutation){.n_inputs = 21},
             "has 21 inputs", 0, 0, 0);
  error_case("bidi input count", B, plain, &(mutation){.n_inputs = 40},
             "has 40 inputs, expected 48", 0, 0, 0);
  error_case("cifg half", L, plain, &(mutation){.drop = 5},
             "input 5 (recurrent_to_input_weights) is missing", 0, 0, 0);
  error_case("cifg bias", L, &variants[1], &(mutation){.add = 12},
             "input 12 (input_gate_bias) must be omitted", 0, 0, 0);
  error_case("forget weights missing", L, plain, &(mutation){.drop = 2},
             "input 2 (input_to_forget_weights) is missing", 0, 0, 0);
  error_case("peephole half", L, peep, &(mutation){.drop = 10},
             "input 10 (cell_to_forget_weights) is missing", 0, 0, 0);
  error_case("peephole without output", L, plain, &(mutation){.add = 10},
             "input 10 (cell_to_forget_weights) must be omitted", 0, 0, 0);
  error_case("proj bias alone", L, plain, &(mutation){.add = 17},
             "input 17 (projection_bias) must be omitted", 0, 0, 0);
  error_case("layer norm half", L, ln, &(mutation){.drop = 22},
             "input 22 (cell_layer_norm_coefficients) is missing", 0, 0, 0);
  error_case(
      "weights shape", L, plain, &(mutation){.bad_shape = 3},
      "input 3 (input_to_cell_weights) has shape [6, 4], expected [5, 4]", 0, 0,
      0);
  error_case("recurrent shape", U, plain, &(mutation){.bad_shape = 7},
             "input 7 (recurrent_to_cell_weights) has shape [6, 5]", 0, 0, 0);
  error_case("bias shape", L, plain, &(mutation){.bad_shape = 14},
             "input 14 (cell_gate_bias) has shape [6], expected [5]", 0, 0, 0);
  error_case("proj shape", L, proj, &(mutation){.bad_shape = 16},
             "input 16 (projection_weights) has shape [4, 5], expected [3, 5]",
             0, 0, 0);
  /* One INT8 weight among FLOAT32 ones: neither float nor hybrid. */
  error_case("mixed weights", L, plain, &(mutation){.int8_at = 2},
             "is INT8, expected FLOAT32 in a float LSTM", 0, 0, 0);
  error_case("state not variable", L, plain, &(mutation){.not_variable = 1},
             "input 18 (output state) must be a variable tensor", 0, 0, 0);
  error_case("state size", U, plain, &(mutation){.small_state = 1},
             "input 19 (cell state) has 8 elements, expected 10", 0, 0, 0);
  error_case("uni rank", U, plain, &(mutation){.input_rank2 = 1},
             "input 0 has 2 dims, expected 3", 0, 0, 0);
  error_case("outputs", L, plain, &(mutation){.extra_output = 1},
             "has 2 outputs, expected 1", 0, 0, 0);
  error_case("bidi outputs", B, plain, &(mutation){.extra_output = 1},
             "has 3 outputs, expected 2", 0, 0, 0);
  error_case("bidi backward shape", B, plain, &(mutation){.bad_shape = 20},
             "backward cell: input 20 (input_to_cell_weights) has shape", 0, 0,
             0);
  error_case("kernel_type basic", L, plain, NULL, "kernel_type BASIC", 1, 0, 0);
  error_case("diagonal", U, plain, NULL, "diagonal_recurrent_tensors", 0, 1, 0);
  error_case("cell_clip", L, plain, NULL, "cell_clip -1 must be >= 0", 0, 0,
             -1.0f);
  /* No projection: n_output (recurrent weights' dim 1) must equal n_cell. */
  {
    lstm_case k;
    memset(&k, 0, sizeof k);
    k.label = "no projection, n_output != n_cell";
    k.op = L;
    k.n_batch = 1;
    k.act = TFLC_ACT_TANH;
    k.n_inputs = 24;
    ref_cell_init(&k.fw, 3, 0, 4, 2, 0, 0, 0, 0, 0);
    expect_error(&k, NULL, "without projection the output size (2");
    ref_cell_free(&k.fw);
  }
  /* Bidirectional: aux weights without an aux input. */
  {
    lstm_case k;
    memset(&k, 0, sizeof k);
    k.label = "bidi aux weights without aux input";
    k.op = B;
    k.n_batch = 1;
    k.max_time = 2;
    k.time_major = 1;
    k.act = TFLC_ACT_TANH;
    ref_cell_init(&k.fw, 3, 2, 4, 4, 0, 0, 0, 0, 0);
    ref_cell_init(&k.bw, 3, 2, 4, 4, 0, 0, 0, 0, 0);
    expect_error(&k, NULL, "input 39 (aux input) is omitted");
    ref_cell_free(&k.fw);
    ref_cell_free(&k.bw);
  }
}

int main(void) {
  test_lstm_op();
  test_unidirectional();
  test_bidirectional();
  test_errors();
  return CHECK_DONE();
}
