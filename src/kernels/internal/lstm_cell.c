/* The LSTM cell of the LSTM kernels: prepare-time validation of one cell's
 * tensors (float, hybrid or integer) and the float32 time step (see
 * lstm_cell.h for the equations); its element-wise part is shared with the
 * hybrid step (lstm_cell_hybrid.c).
 * Each gate's matrix products are f32 GEMMs over the whole batch: input
 * weights with the bias as the GEMM bias, then the aux and recurrent
 * products into a scratch row block that is added in. Weights are read in
 * place (no packed copy). */
#include "kernels/internal/lstm_cell.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kernels/internal/lstm_cell_priv.h"
#include "kernels/internal/parallel_gemm.h"
#include "kernels/kernel_util.h"

static const char *const gate_names[4] = {"input", "forget", "cell", "output"};
static const char *const peep_names[3] = {"input", "forget", "output"};

static TfLiteTensor *cell_input(TfLiteContext *ctx, const TfLiteNode *node,
                                int pos) {
  return pos < 0 ? NULL : kern_input(ctx, node, pos);
}

/* "[2, 3]" into buf. */
static const char *shape_str(const TfLiteTensor *t, char *buf, size_t size) {
  size_t n = 0;
  buf[0] = '\0';
  n += (size_t)snprintf(buf, size, "[");
  for (int i = 0; i < kern_ndims(t) && n < size; i++)
    n += (size_t)snprintf(buf + n, size - n, i ? ", %d" : "%d", kern_dim(t, i));
  if (n < size) snprintf(buf + n, size - n, "]");
  return buf;
}

/* What a weight-like tensor is, for its expected type. */
enum { ROLE_W = 0, ROLE_BIAS, ROLE_PEEP, ROLE_LN, ROLE_H, ROLE_C };

/* The type each role has in each kind of cell. */
static TfLiteType role_type(lstm_cell_kind kind, int role) {
  static const TfLiteType types[3][6] = {
      /* W, bias, peephole, layer norm, output state, cell state */
      {kTfLiteFloat32, kTfLiteFloat32, kTfLiteFloat32, kTfLiteFloat32,
       kTfLiteFloat32, kTfLiteFloat32},
      {kTfLiteInt8, kTfLiteFloat32, kTfLiteInt8, kTfLiteFloat32, kTfLiteFloat32,
       kTfLiteFloat32},
      {kTfLiteInt8, kTfLiteInt32, kTfLiteInt16, kTfLiteInt16, kTfLiteInt8,
       kTfLiteInt16},
  };
  return types[kind][role];
}

static const char *const kind_names[3] = {"float", "hybrid", "integer"};

/* A present weight-like tensor: the role's type, shape [d0] (d1 < 0) or
 * [d0, d1]; hybrid int8 tensors need one scale (they are dequantized with
 * it). */
static TfLiteStatus check_tensor(TfLiteContext *ctx, const lstm_cell *cell,
                                 const TfLiteTensor *t, int pos,
                                 const char *what, int role, int d0, int d1) {
  char got[64];
  const TfLiteType want = role_type(cell->kind, role);
  KERN_ENSURE(ctx, t->type == want,
              "%sinput %d (%s) is %s, expected %s in a %s LSTM", cell->label,
              pos, what, kern_type_name(t->type), kern_type_name(want),
              kind_names[cell->kind]);
  if (cell->kind == LSTM_KIND_HYBRID && want == kTfLiteInt8) {
    const TfLiteAffineQuantization *aq =
        t->quantization.type == kTfLiteAffineQuantization
            ? (const TfLiteAffineQuantization *)t->quantization.params
            : NULL;
    KERN_ENSURE(ctx,
                aq && aq->scale && aq->scale->size == 1 &&
                    t->params.scale > 0.0f && isfinite(t->params.scale),
                "%sinput %d (%s) must have one finite positive scale (hybrid "
                "LSTM weights are quantized per tensor), has %g",
                cell->label, pos, what, (double)t->params.scale);
  }
  const int rank = d1 < 0 ? 1 : 2;
  const bool ok = kern_ndims(t) == rank && kern_dim(t, 0) == d0 &&
                  (rank == 1 || kern_dim(t, 1) == d1);
  if (rank == 1) {
    KERN_ENSURE(ctx, ok, "%sinput %d (%s) has shape %s, expected [%d]",
                cell->label, pos, what, shape_str(t, got, sizeof got), d0);
  } else {
    KERN_ENSURE(ctx, ok, "%sinput %d (%s) has shape %s, expected [%d, %d]",
                cell->label, pos, what, shape_str(t, got, sizeof got), d0, d1);
  }
  return kTfLiteOk;
}

/* Present or absent as `want`; pos < 0 (the op has no such input) counts as
 * absent. */
static TfLiteStatus check_presence(TfLiteContext *ctx, const lstm_cell *cell,
                                   const TfLiteNode *node, int pos,
                                   const char *what, bool want,
                                   const char *why) {
  const bool present = cell_input(ctx, node, pos) != NULL;
  if (want) {
    KERN_ENSURE(ctx, present, "%sinput %d (%s) is missing; it is required %s",
                cell->label, pos, what, why);
  } else {
    KERN_ENSURE(ctx, !present, "%sinput %d (%s) must be omitted (-1) %s",
                cell->label, pos, what, why);
  }
  return kTfLiteOk;
}

static TfLiteStatus check_state(TfLiteContext *ctx, const TfLiteNode *node,
                                const lstm_cell *cell, int pos,
                                const char *what, int role, int per_batch) {
  const TfLiteTensor *t = cell_input(ctx, node, pos);
  KERN_ENSURE(ctx, t != NULL, "%sinput %d (%s) is missing", cell->label, pos,
              what);
  KERN_ENSURE(ctx, t->is_variable,
              "%sinput %d (%s) must be a variable tensor (it carries the state "
              "between invokes)",
              cell->label, pos, what);
  const TfLiteType type = role_type(cell->kind, role);
  KERN_ENSURE(ctx, t->type == type,
              "%sinput %d (%s) is %s, expected %s in a %s LSTM", cell->label,
              pos, what, kern_type_name(t->type), kern_type_name(type),
              kind_names[cell->kind]);
  const size_t want = (size_t)cell->n_batch * (size_t)per_batch;
  KERN_ENSURE(ctx, kern_num_elements(t) == want,
              "%sinput %d (%s) has %zu elements, expected %zu (batch %d x %d)",
              cell->label, pos, what, kern_num_elements(t), want, cell->n_batch,
              per_batch);
  return kTfLiteOk;
}

TfLiteStatus lstm_cell_prepare(TfLiteContext *ctx, TfLiteNode *node,
                               lstm_cell *cell) {
  const lstm_cell_inputs *in = &cell->in;
  char name[64];

  KERN_ENSURE(ctx, cell->act >= TFLC_ACT_NONE && cell->act <= TFLC_ACT_SIGN_BIT,
              "fused activation %d is not supported", cell->act);
  KERN_ENSURE(ctx, cell->cell_clip >= 0.0f && !isnan(cell->cell_clip),
              "cell_clip %g must be >= 0 (0: no clipping)",
              (double)cell->cell_clip);
  KERN_ENSURE(ctx, cell->proj_clip >= 0.0f && !isnan(cell->proj_clip),
              "proj_clip %g must be >= 0 (0: no clipping)",
              (double)cell->proj_clip);

  /* n_cell from input_to_output_weights, n_output from
   * recurrent_to_output_weights. */
  const TfLiteTensor *w_xo = cell_input(ctx, node, in->w_x[LSTM_GATE_O]);
  const TfLiteTensor *w_ho = cell_input(ctx, node, in->w_h[LSTM_GATE_O]);
  KERN_ENSURE(ctx, w_xo != NULL,
              "%sinput %d (input_to_output_weights) is missing", cell->label,
              in->w_x[LSTM_GATE_O]);
  KERN_ENSURE(ctx, w_ho != NULL,
              "%sinput %d (recurrent_to_output_weights) is missing",
              cell->label, in->w_h[LSTM_GATE_O]);
  KERN_ENSURE(ctx, kern_ndims(w_xo) == 2,
              "%sinput %d (input_to_output_weights) has %d dims, expected 2",
              cell->label, in->w_x[LSTM_GATE_O], kern_ndims(w_xo));
  KERN_ENSURE(
      ctx, kern_ndims(w_ho) == 2,
      "%sinput %d (recurrent_to_output_weights) has %d dims, expected 2",
      cell->label, in->w_h[LSTM_GATE_O], kern_ndims(w_ho));
  cell->n_cell = kern_dim(w_xo, 0);
  cell->n_output = kern_dim(w_ho, 1);
  const int n_cell = cell->n_cell, n_output = cell->n_output;
  KERN_ENSURE(ctx, n_cell > 0, "%sn_cell is %d, expected > 0", cell->label,
              n_cell);
  KERN_ENSURE(ctx, n_output > 0, "%sn_output is %d, expected > 0", cell->label,
              n_output);

  /* CIFG: the input gate's tensors are all omitted. */
  cell->cifg = cell_input(ctx, node, in->w_x[LSTM_GATE_I]) == NULL;
  const char *cifg_why = cell->cifg
                             ? "with CIFG (input_to_input_weights omitted)"
                             : "without CIFG (input_to_input_weights present)";
  KERN_OK(check_presence(ctx, cell, node, in->w_h[LSTM_GATE_I],
                         "recurrent_to_input_weights", !cell->cifg, cifg_why));
  KERN_OK(check_presence(ctx, cell, node, in->bias[LSTM_GATE_I],
                         "input_gate_bias", !cell->cifg, cifg_why));

  for (int g = 0; g < 4; g++) {
    if (g == LSTM_GATE_I && cell->cifg) continue;
    snprintf(name, sizeof name, "input_to_%s_weights", gate_names[g]);
    const TfLiteTensor *t = cell_input(ctx, node, in->w_x[g]);
    KERN_ENSURE(ctx, t != NULL, "%sinput %d (%s) is missing", cell->label,
                in->w_x[g], name);
    KERN_OK(check_tensor(ctx, cell, t, in->w_x[g], name, ROLE_W, n_cell,
                         cell->n_input));
    snprintf(name, sizeof name, "recurrent_to_%s_weights", gate_names[g]);
    t = cell_input(ctx, node, in->w_h[g]);
    KERN_ENSURE(ctx, t != NULL, "%sinput %d (%s) is missing", cell->label,
                in->w_h[g], name);
    KERN_OK(
        check_tensor(ctx, cell, t, in->w_h[g], name, ROLE_W, n_cell, n_output));
    snprintf(name, sizeof name, "%s_gate_bias", gate_names[g]);
    t = cell_input(ctx, node, in->bias[g]);
    KERN_ENSURE(ctx, t != NULL, "%sinput %d (%s) is missing", cell->label,
                in->bias[g], name);
    KERN_OK(
        check_tensor(ctx, cell, t, in->bias[g], name, ROLE_BIAS, n_cell, -1));
  }

  /* Peepholes: cell_to_forget and cell_to_output together, cell_to_input
   * with them unless CIFG. */
  cell->peephole = cell_input(ctx, node, in->peep[2]) != NULL;
  const char *peep_why = cell->peephole
                             ? "with peepholes (cell_to_output_weights present)"
                             : "without peepholes (cell_to_output_weights "
                               "omitted)";
  for (int p = 0; p < 3; p++) {
    snprintf(name, sizeof name, "cell_to_%s_weights", peep_names[p]);
    /* With CIFG, cell_to_input_weights is ignored. */
    if (p == 0 && cell->cifg) continue;
    const bool want = cell->peephole;
    KERN_OK(check_presence(ctx, cell, node, in->peep[p], name, want, peep_why));
    if (want)
      KERN_OK(check_tensor(ctx, cell, cell_input(ctx, node, in->peep[p]),
                           in->peep[p], name, ROLE_PEEP, n_cell, -1));
  }

  /* Projection. */
  const TfLiteTensor *proj_w = cell_input(ctx, node, in->proj_w);
  const TfLiteTensor *proj_b = cell_input(ctx, node, in->proj_b);
  cell->projection = proj_w != NULL;
  if (proj_w) {
    KERN_OK(check_tensor(ctx, cell, proj_w, in->proj_w, "projection_weights",
                         ROLE_W, n_output, n_cell));
    if (proj_b)
      KERN_OK(check_tensor(ctx, cell, proj_b, in->proj_b, "projection_bias",
                           ROLE_BIAS, n_output, -1));
  } else {
    KERN_OK(check_presence(ctx, cell, node, in->proj_b, "projection_bias",
                           false, "without projection_weights"));
    KERN_ENSURE(ctx, n_output == n_cell,
                "%swithout projection the output size (%d, from "
                "recurrent_to_output_weights) must equal n_cell (%d)",
                cell->label, n_output, n_cell);
  }

  /* Layer norm: decided by the forget gate's coefficients. */
  cell->layer_norm = cell_input(ctx, node, in->ln[LSTM_GATE_F]) != NULL;
  const char *ln_why =
      cell->layer_norm
          ? "with layer normalization (forget_layer_norm_coefficients present)"
          : "without layer normalization (forget_layer_norm_coefficients "
            "omitted)";
  for (int g = 0; g < 4; g++) {
    snprintf(name, sizeof name, "%s_layer_norm_coefficients", gate_names[g]);
    const bool want = cell->layer_norm && !(g == LSTM_GATE_I && cell->cifg);
    if (g == LSTM_GATE_I && cell->cifg && cell->layer_norm) {
      KERN_OK(
          check_presence(ctx, cell, node, in->ln[g], name, false, cifg_why));
      continue;
    }
    KERN_OK(check_presence(ctx, cell, node, in->ln[g], name, want, ln_why));
    if (want)
      KERN_OK(check_tensor(ctx, cell, cell_input(ctx, node, in->ln[g]),
                           in->ln[g], name, ROLE_LN, n_cell, -1));
  }

  /* Aux input weights: present exactly when the op uses an aux input. */
  cell->use_aux = cell->n_aux > 0;
  const char *aux_why =
      cell->use_aux ? "with an aux input" : "without an aux input";
  for (int g = 0; g < 4; g++) {
    snprintf(name, sizeof name, "aux_input_to_%s_weights", gate_names[g]);
    /* With CIFG, aux_input_to_input_weights is ignored. */
    if (g == LSTM_GATE_I && cell->cifg) continue;
    const bool want = cell->use_aux;
    KERN_OK(check_presence(ctx, cell, node, in->w_aux[g], name, want, aux_why));
    if (want)
      KERN_OK(check_tensor(ctx, cell, cell_input(ctx, node, in->w_aux[g]),
                           in->w_aux[g], name, ROLE_W, n_cell, cell->n_aux));
  }

  KERN_OK(check_state(ctx, node, cell, in->h_state, "output state", ROLE_H,
                      n_output));
  KERN_OK(
      check_state(ctx, node, cell, in->c_state, "cell state", ROLE_C, n_cell));
  return kTfLiteOk;
}

void lstm_cell_inputs_standard(lstm_cell_inputs *in, int n_node_inputs) {
  for (int g = 0; g < 4; g++) {
    in->w_x[g] = 1 + g;
    in->w_h[g] = 5 + g;
    in->bias[g] = 12 + g;
    in->ln[g] = n_node_inputs >= 24 ? 20 + g : -1;
    in->w_aux[g] = -1;
  }
  for (int i = 0; i < 3; i++) in->peep[i] = 9 + i;
  in->proj_w = 16;
  in->proj_b = 17;
  in->h_state = 18;
  in->c_state = 19;
}

TfLiteStatus lstm_cell_kind_of(TfLiteContext *ctx, const TfLiteTensor *input,
                               const TfLiteTensor *w_xo, lstm_cell_kind *kind) {
  KERN_ENSURE(ctx, w_xo != NULL,
              "input 4 (input_to_output_weights) is missing");
  if (input->type == kTfLiteFloat32 && w_xo->type == kTfLiteFloat32) {
    *kind = LSTM_KIND_FLOAT;
  } else if (input->type == kTfLiteFloat32 && w_xo->type == kTfLiteInt8) {
    *kind = LSTM_KIND_HYBRID;
  } else if (input->type == kTfLiteInt8 && w_xo->type == kTfLiteInt8) {
    *kind = LSTM_KIND_INT8;
  } else {
    KERN_ENSURE(ctx, 0,
                "input 0 is %s with %s weights: supported are FLOAT32 with "
                "FLOAT32 (float), FLOAT32 with INT8 (hybrid) and INT8 with "
                "INT8 (integer 8x8_16)",
                kern_type_name(input->type), kern_type_name(w_xo->type));
  }
  return kTfLiteOk;
}

TfLiteStatus lstm_check_io_tensor(TfLiteContext *ctx, const TfLiteTensor *t,
                                  const char *what, lstm_cell_kind kind) {
  const TfLiteType want = kind == LSTM_KIND_INT8 ? kTfLiteInt8 : kTfLiteFloat32;
  KERN_ENSURE(ctx, t->type == want, "%s is %s, expected %s in a %s LSTM", what,
              kern_type_name(t->type), kern_type_name(want), kind_names[kind]);
  return kTfLiteOk;
}

size_t lstm_cell_scratch_bytes(const lstm_cell *cell) {
  if (cell->kind == LSTM_KIND_HYBRID) return lstm_hybrid_scratch_bytes(cell);
  /* Four gate blocks and one block for products and the cell output. */
  return 5 * (size_t)cell->n_batch * (size_t)cell->n_cell * sizeof(float);
}

/* ---- float step ---------------------------------------------------------- */

typedef struct lstm_f32_ptrs {
  const float *w_x[4], *w_h[4], *w_aux[4];
  const float *proj_w, *proj_b;
  float *h;
  lstm_elem_ptrs e;
} lstm_f32_ptrs;

static const float *fdata(TfLiteContext *ctx, const TfLiteNode *node, int pos) {
  const TfLiteTensor *t = cell_input(ctx, node, pos);
  return t ? t->data.f : NULL;
}

static void bind_f32(TfLiteContext *ctx, const TfLiteNode *node,
                     const lstm_cell *cell, lstm_f32_ptrs *p) {
  const lstm_cell_inputs *in = &cell->in;
  for (int g = 0; g < 4; g++) {
    p->w_x[g] = fdata(ctx, node, in->w_x[g]);
    p->w_h[g] = fdata(ctx, node, in->w_h[g]);
    p->w_aux[g] = cell->use_aux ? fdata(ctx, node, in->w_aux[g]) : NULL;
    p->e.bias[g] = fdata(ctx, node, in->bias[g]);
    p->e.ln[g] = cell->layer_norm ? fdata(ctx, node, in->ln[g]) : NULL;
  }
  for (int i = 0; i < 3; i++)
    p->e.peep[i] = cell->peephole ? fdata(ctx, node, in->peep[i]) : NULL;
  p->proj_w = cell->projection ? fdata(ctx, node, in->proj_w) : NULL;
  p->proj_b = cell->projection ? fdata(ctx, node, in->proj_b) : NULL;
  p->h = cell_input(ctx, node, in->h_state)->data.f;
  p->e.c = cell_input(ctx, node, in->c_state)->data.f;
}

/* c[m][n] = a[m][k] . w[n][k] + bias[n], clamped to [lo, hi]. */
static void gemm(TfLiteContext *ctx, size_t m, size_t n, size_t k,
                 const float *a, size_t lda, const float *w, const float *bias,
                 float *c, size_t ldc, float lo, float hi) {
  const f32_gemm_params gp = {.m = m,
                              .n = n,
                              .k = k,
                              .a = a,
                              .lda = lda,
                              .b = w,
                              .ldb = k,
                              .bias = bias,
                              .c = c,
                              .ldc = ldc,
                              .lo = lo,
                              .hi = hi};
  kern_gemm_f32(ctx, &gp);
}

static float sigmoidf(float x) { return 1.0f / (1.0f + expf(-x)); }

/* The op's fused activation on the cell gate and on the cell state. */
static float act_f32(int act, float x) {
  switch (act) {
    case TFLC_ACT_RELU: return x < 0.0f ? 0.0f : x;
    case TFLC_ACT_RELU_N1_TO_1: return kern_clamp_f32(x, -1.0f, 1.0f);
    case TFLC_ACT_RELU6: return kern_clamp_f32(x, 0.0f, 6.0f);
    case TFLC_ACT_TANH: return tanhf(x);
    case TFLC_ACT_SIGN_BIT: return signbit(x) ? 1.0f : 0.0f;
    default: return x;
  }
}

/* v = coeff .* (v - mean) / sqrt(var + 1e-8) + bias over each row of n. */
static void layer_norm(float *v, size_t rows, size_t n, const float *coeff,
                       const float *bias) {
  for (size_t r = 0; r < rows; r++) {
    float *x = v + r * n;
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) sum += x[i];
    const double mean = sum / (double)n;
    double sq = 0.0;
    for (size_t i = 0; i < n; i++) sq += (x[i] - mean) * (x[i] - mean);
    const double inv = 1.0 / sqrt(sq / (double)n + 1e-8);
    for (size_t i = 0; i < n; i++)
      x[i] = (float)((x[i] - mean) * inv) * coeff[i] + bias[i];
  }
}

void lstm_elementwise(const lstm_cell *cell, const lstm_elem_ptrs *p,
                      float *const gate[4], float *m) {
  const size_t nb = (size_t)cell->n_batch, nc = (size_t)cell->n_cell;
  const size_t total = nb * nc;
  float *cs = p->c;
  /* Input and forget gates: peepholes on the previous cell state. */
  if (cell->peephole) {
    for (size_t b = 0; b < nb; b++) {
      for (size_t j = 0; j < nc; j++) {
        const float cv = cs[b * nc + j];
        if (!cell->cifg) gate[LSTM_GATE_I][b * nc + j] += p->peep[0][j] * cv;
        gate[LSTM_GATE_F][b * nc + j] += p->peep[1][j] * cv;
      }
    }
  }
  if (cell->layer_norm) {
    for (int g = 0; g < 3; g++) {
      if (g == LSTM_GATE_I && cell->cifg) continue;
      layer_norm(gate[g], nb, nc, p->ln[g], p->bias[g]);
    }
  }
  float *ig = gate[LSTM_GATE_I], *fg = gate[LSTM_GATE_F];
  float *cg = gate[LSTM_GATE_C], *og = gate[LSTM_GATE_O];
  for (size_t i = 0; i < total; i++) {
    const float f = sigmoidf(fg[i]);
    const float in_gate = cell->cifg ? 1.0f - f : sigmoidf(ig[i]);
    cg[i] = act_f32(cell->act, cg[i]);
    float c = f * cs[i] + in_gate * cg[i];
    if (cell->cell_clip > 0.0f)
      c = kern_clamp_f32(c, -cell->cell_clip, cell->cell_clip);
    cs[i] = c;
  }

  /* Output gate: peephole on the new cell state. */
  if (cell->peephole) {
    for (size_t b = 0; b < nb; b++)
      for (size_t j = 0; j < nc; j++)
        og[b * nc + j] += p->peep[2][j] * cs[b * nc + j];
  }
  if (cell->layer_norm)
    layer_norm(og, nb, nc, p->ln[LSTM_GATE_O], p->bias[LSTM_GATE_O]);
  for (size_t i = 0; i < total; i++) {
    /* NONE: TensorFlow Lite multiplies by the cell gate (see header). */
    const float a =
        cell->act == TFLC_ACT_NONE ? cg[i] : act_f32(cell->act, cs[i]);
    m[i] = sigmoidf(og[i]) * a;
  }
}

/* One step for all n_batch rows. */
static void step_f32(TfLiteContext *ctx, const lstm_cell *cell,
                     const lstm_f32_ptrs *p, const lstm_step_io *io,
                     float *scratch) {
  const size_t nb = (size_t)cell->n_batch, nc = (size_t)cell->n_cell;
  const size_t no = (size_t)cell->n_output, ni = (size_t)cell->n_input;
  const size_t na = (size_t)cell->n_aux, total = nb * nc;
  const float inf = __builtin_inff();
  float *gate[4];
  for (int g = 0; g < 4; g++) gate[g] = scratch + (size_t)g * total;
  float *tmp = scratch + 4 * total;

  for (int g = 0; g < 4; g++) {
    if (g == LSTM_GATE_I && cell->cifg) continue;
    float *gv = gate[g];
    gemm(ctx, nb, nc, ni, io->x, io->ldx, p->w_x[g],
         cell->layer_norm ? NULL : p->e.bias[g], gv, nc, -inf, inf);
    if (cell->use_aux) {
      gemm(ctx, nb, nc, na, io->aux, io->ldaux, p->w_aux[g], NULL, tmp, nc,
           -inf, inf);
      for (size_t i = 0; i < total; i++) gv[i] += tmp[i];
    }
    gemm(ctx, nb, nc, no, p->h, no, p->w_h[g], NULL, tmp, nc, -inf, inf);
    for (size_t i = 0; i < total; i++) gv[i] += tmp[i];
  }
  lstm_elementwise(cell, &p->e, gate, tmp);

  if (cell->projection) {
    const float clip = cell->proj_clip > 0.0f ? cell->proj_clip : inf;
    gemm(ctx, nb, no, nc, tmp, nc, p->proj_w, p->proj_b, io->out, io->ldo,
         -clip, clip);
  } else {
    for (size_t b = 0; b < nb; b++)
      memcpy(io->out + b * io->ldo, tmp + b * nc, no * sizeof(float));
  }
  for (size_t b = 0; b < nb; b++)
    memcpy(p->h + b * no, io->out + b * io->ldo, no * sizeof(float));
}

void lstm_pass_rows(const lstm_cell *cell, const lstm_pass *pass, size_t s,
                    lstm_step_io *io) {
  const size_t nb = (size_t)cell->n_batch, ni = (size_t)cell->n_input;
  const size_t na = (size_t)cell->n_aux, ow = (size_t)pass->out_width;
  const size_t T = (size_t)pass->max_time;
  const size_t t = pass->forward ? s : T - 1 - s;
  const bool aux = pass->aux && cell->use_aux;
  if (pass->time_major) {
    io->x = pass->input + t * nb * ni;
    io->ldx = ni;
    io->aux = aux ? pass->aux + t * nb * na : NULL;
    io->ldaux = na;
    io->out = pass->output + t * nb * ow + (size_t)pass->out_offset;
    io->ldo = ow;
  } else {
    io->x = pass->input + t * ni;
    io->ldx = T * ni;
    io->aux = aux ? pass->aux + t * na : NULL;
    io->ldaux = T * na;
    io->out = pass->output + t * ow + (size_t)pass->out_offset;
    io->ldo = T * ow;
  }
}

void lstm_cell_run_f32(TfLiteContext *ctx, TfLiteNode *node,
                       const lstm_cell *cell, const lstm_pass *pass) {
  if (cell->n_batch == 0 || pass->max_time <= 0) return;
  if (cell->kind == LSTM_KIND_HYBRID) {
    lstm_hybrid_run(ctx, node, cell, pass);
    return;
  }
  lstm_f32_ptrs p;
  bind_f32(ctx, node, cell, &p);
  for (size_t s = 0; s < (size_t)pass->max_time; s++) {
    lstm_step_io io;
    lstm_pass_rows(cell, pass, s, &io);
    step_f32(ctx, cell, &p, &io, (float *)pass->scratch);
  }
}
