/* The RNN family's shared code: activations, checks, float/hybrid weights
 * products and the sequence loop (see rnn_cell.h). */
#include "kernels/internal/rnn_cell.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kernels/internal/parallel_gemm.h"
#include "kernels/internal/quant_arith.h"
#include "kernels/internal/quant_hybrid.h"

bool rnn_act_supported(int act) {
  return act >= TFLC_ACT_NONE && act <= TFLC_ACT_SIGN_BIT;
}

void rnn_act_apply_f32(float *v, size_t n, int act) {
  float lo, hi;
  switch (act) {
    case TFLC_ACT_NONE: return;
    case TFLC_ACT_TANH:
      for (size_t i = 0; i < n; i++) v[i] = tanhf(v[i]);
      return;
    case TFLC_ACT_SIGN_BIT:
      for (size_t i = 0; i < n; i++) v[i] = signbit(v[i]) ? 1.0f : 0.0f;
      return;
    default:
      if (kern_act_range_f32(act, &lo, &hi) != 0) return;
      for (size_t i = 0; i < n; i++) v[i] = kern_clamp_f32(v[i], lo, hi);
      return;
  }
}

/* "[a, b, c]" of a tensor's shape or of expected dims (-1 printed as ?). */
static void shape_str(char *buf, size_t size, const int *dims, int rank) {
  size_t used = 0;
  buf[0] = '\0';
  used += (size_t)snprintf(buf, size, "[");
  for (int i = 0; i < rank && used < size; i++) {
    if (dims[i] >= 0)
      used += (size_t)snprintf(buf + used, size - used, "%s%d", i ? ", " : "",
                               dims[i]);
    else
      used += (size_t)snprintf(buf + used, size - used, "%s?", i ? ", " : "");
  }
  if (used < size) snprintf(buf + used, size - used, "]");
}

TfLiteStatus rnn_expect(TfLiteContext *ctx, const TfLiteTensor *t,
                        const char *what, TfLiteType type, int rank,
                        const int *dims) {
  KERN_ENSURE(ctx, t != NULL, "%s is missing", what);
  KERN_ENSURE(ctx, t->type == type, "%s has type %s, expected %s", what,
              kern_type_name(t->type), kern_type_name(type));
  bool ok = kern_ndims(t) == rank;
  for (int i = 0; ok && i < rank; i++)
    if (dims[i] >= 0 && kern_dim(t, i) != dims[i]) ok = false;
  if (!ok) {
    char got[96], want[96];
    shape_str(got, sizeof got, t->dims ? t->dims->data : NULL, kern_ndims(t));
    shape_str(want, sizeof want, dims, rank);
    KERN_ENSURE(ctx, 0, "%s has shape %s, expected %s", what, got, want);
  }
  return kTfLiteOk;
}

TfLiteStatus rnn_expect_state(TfLiteContext *ctx, const TfLiteTensor *t,
                              const char *what, TfLiteType type, int rank,
                              const int *dims) {
  KERN_OK(rnn_expect(ctx, t, what, type, rank, dims));
  KERN_ENSURE(ctx, t->is_variable,
              "%s must be a variable tensor (its state is kept between "
              "invokes)",
              what);
  return kTfLiteOk;
}

TfLiteStatus rnn_weights_check(TfLiteContext *ctx, const TfLiteTensor *t,
                               const char *what, int rows, int cols,
                               bool hybrid) {
  const int dims[2] = {rows, cols};
  if (!hybrid) return rnn_expect(ctx, t, what, kTfLiteFloat32, 2, dims);
  KERN_ENSURE(ctx, t != NULL, "%s is missing", what);
  KERN_ENSURE(ctx, t->type == kTfLiteInt8,
              "%s has type %s; with FLOAT32 activations the weights must all "
              "be FLOAT32, or all INT8 (hybrid)",
              what, kern_type_name(t->type));
  KERN_OK(rnn_expect(ctx, t, what, kTfLiteInt8, 2, dims));
  char msg[160];
  KERN_ENSURE(ctx, quant_check_params(t, -1, msg, (int)sizeof msg), "%s: %s",
              what, msg);
  const TfLiteAffineQuantization *q = t->quantization.params;
  KERN_ENSURE(
      ctx,
      !q->zero_point || q->zero_point->size < 1 || q->zero_point->data[0] == 0,
      "%s: hybrid weights must be symmetric (zero point 0), not %d", what,
      q->zero_point->data[0]);
  return kTfLiteOk;
}

void rnn_weights_from(rnn_weights *w, const TfLiteTensor *t) {
  memset(w, 0, sizeof *w);
  if (!t) return;
  w->rows = kern_dim(t, 0);
  w->cols = kern_dim(t, 1);
  if (t->type == kTfLiteFloat32) {
    w->f = t->data.f;
  } else {
    w->q = t->data.int8;
    const TfLiteAffineQuantization *q = t->quantization.params;
    w->scale = q->scale->data[0];
  }
}

void rnn_row_sums(rnn_weights *w) {
  if (!w->q || !w->row_sums) return;
  for (int r = 0; r < w->rows; r++) {
    const int8_t *row = w->q + (size_t)r * (size_t)w->cols;
    int32_t s = 0;
    for (int c = 0; c < w->cols; c++) s += row[c];
    w->row_sums[r] = s;
  }
}

static size_t align16(size_t n) { return (n + 15) / 16 * 16; }

size_t rnn_hybrid_scratch_bytes(int batch, int max_cols) {
  return align16((size_t)batch * (size_t)max_cols) +
         align16((size_t)batch * sizeof(float)) +
         align16((size_t)batch * sizeof(int32_t));
}

void rnn_hybrid_scratch_init(rnn_hybrid_scratch *s, void *block, int batch,
                             int max_cols, bool asymmetric) {
  char *p = block;
  s->q = (int8_t *)p;
  p += align16((size_t)batch * (size_t)max_cols);
  s->scales = (float *)(void *)p;
  p += align16((size_t)batch * sizeof(float));
  s->zero_points = (int32_t *)(void *)p;
  s->asymmetric = asymmetric;
}

/* Quantizes n floats to int8 with TensorFlow Lite's hybrid schemes
 * (quant_hybrid.h): symmetric (zero point 0) or asymmetric. */
static void quantize_row(const float *x, int n, int8_t *q, float *scale,
                         int32_t *zp, bool asymmetric) {
  if (asymmetric) {
    quant_asymmetric_floats(x, (size_t)n, q, scale, zp);
  } else {
    *zp = 0;
    quant_symmetric_floats(x, (size_t)n, q, scale);
  }
}

static void matmul_hybrid(const rnn_matmul_args *a) {
  const rnn_weights *w = a->w;
  rnn_hybrid_scratch *hs = a->hs;
  for (int b = 0; b < a->batch; b++) {
    int8_t *q = hs->q + (size_t)b * (size_t)w->cols;
    quantize_row(a->x + (size_t)b * a->ldx, w->cols, q, &hs->scales[b],
                 &hs->zero_points[b], hs->asymmetric);
    const float sf = hs->scales[b] * w->scale;
    const int32_t zp = hs->zero_points[b];
    float *out = a->out + (size_t)b * a->ldo;
    for (int r = 0; r < w->rows; r++) {
      const int8_t *row = w->q + (size_t)r * (size_t)w->cols;
      int32_t dot = 0;
      for (int c = 0; c < w->cols; c++) dot += (int32_t)row[c] * q[c];
      if (zp != 0) dot -= zp * w->row_sums[r];
      const float v = (float)dot * sf;
      if (a->accumulate)
        out[r] += v;
      else
        out[r] = (a->bias ? a->bias[r] : 0.0f) + v;
    }
  }
}

void rnn_matmul(TfLiteContext *ctx, const rnn_matmul_args *a) {
  const rnn_weights *w = a->w;
  if (a->batch <= 0 || w->rows <= 0) return;
  if (w->cols <= 0) { /* empty product: the weights may have no data */
    if (a->accumulate) return;
    for (int b = 0; b < a->batch; b++)
      for (int r = 0; r < w->rows; r++)
        a->out[(size_t)b * a->ldo + (size_t)r] = a->bias ? a->bias[r] : 0.0f;
    return;
  }
  if (w->q) {
    matmul_hybrid(a);
    return;
  }
  f32_gemm_params gp = {.m = (size_t)a->batch,
                        .n = (size_t)w->rows,
                        .k = (size_t)w->cols,
                        .a = a->x,
                        .lda = a->ldx,
                        .b = w->f,
                        .ldb = (size_t)w->cols,
                        .bias = a->accumulate ? NULL : a->bias,
                        .c = a->accumulate ? a->tmp : a->out,
                        .ldc = a->accumulate ? (size_t)w->rows : a->ldo,
                        .lo = -INFINITY,
                        .hi = INFINITY};
  kern_gemm_f32(ctx, &gp);
  if (!a->accumulate) return;
  for (int b = 0; b < a->batch; b++) {
    float *out = a->out + (size_t)b * a->ldo;
    const float *t = a->tmp + (size_t)b * (size_t)w->rows;
    for (int r = 0; r < w->rows; r++) out[r] += t[r];
  }
}

void rnn_seq(TfLiteContext *ctx, const rnn_seq_params *p) {
  const size_t units = (size_t)p->units;
  if (p->batch <= 0 || p->units <= 0) return;
  for (int step = 0; step < p->time; step++) {
    const int t = p->reverse ? p->time - 1 - step : step;
    float *out = p->out + (size_t)t * p->out_t;
    rnn_matmul_args m = {.w = p->w,
                         .x = p->input + (size_t)t * p->in_t,
                         .ldx = p->in_b,
                         .batch = p->batch,
                         .out = out,
                         .ldo = p->out_b,
                         .bias = p->bias,
                         .accumulate = false,
                         .tmp = p->tmp,
                         .hs = p->hs};
    rnn_matmul(ctx, &m);
    if (p->aux && p->aux_w) {
      m.w = p->aux_w;
      m.x = p->aux + (size_t)t * p->aux_t;
      m.ldx = p->aux_b;
      m.accumulate = true;
      rnn_matmul(ctx, &m);
    }
    m.w = p->rec_w;
    m.x = p->hidden;
    m.ldx = units;
    m.accumulate = true;
    rnn_matmul(ctx, &m);
    for (int b = 0; b < p->batch; b++) {
      float *row = out + (size_t)b * p->out_b;
      rnn_act_apply_f32(row, units, p->act);
      memcpy(p->hidden + (size_t)b * units, row, units * sizeof(float));
    }
  }
}

TfLiteStatus rnn_dir_check(TfLiteContext *ctx, const rnn_dir_args *a,
                           const char *prefix, const int *idx, int input_size,
                           int aux_size, int *units, bool *hybrid) {
  char what[5][64];
  static const char *const names[5] = {"input weights", "recurrent weights",
                                       "bias", "hidden state",
                                       "aux input weights"};
  for (int i = 0; i < 5; i++)
    snprintf(what[i], sizeof what[i], "%s%s (input %d)", prefix, names[i],
             idx[i]);
  KERN_ENSURE(ctx, a->w != NULL, "%s is missing", what[0]);
  KERN_ENSURE(ctx, kern_ndims(a->w) == 2, "%s has %d dims, expected 2", what[0],
              kern_ndims(a->w));
  const int n = kern_dim(a->w, 0);
  *hybrid = a->w->type != kTfLiteFloat32;
  KERN_OK(rnn_weights_check(ctx, a->w, what[0], n, input_size, *hybrid));
  KERN_OK(rnn_weights_check(ctx, a->rec_w, what[1], n, n, *hybrid));
  const int bdims[1] = {n};
  KERN_OK(rnn_expect(ctx, a->bias, what[2], kTfLiteFloat32, 1, bdims));
  const int sdims[2] = {a->batch, n};
  KERN_OK(rnn_expect_state(ctx, a->state, what[3], kTfLiteFloat32, 2, sdims));
  if (a->aux_w)
    KERN_OK(rnn_weights_check(ctx, a->aux_w, what[4], n, aux_size, *hybrid));
  *units = n;
  return kTfLiteOk;
}

/* Scratch of a direction: tmp floats [batch * units], then for hybrid the
 * row sums of the three matrices [3 * units] and the quantized rows. */
size_t rnn_dir_scratch_bytes(int batch, int units, int input_size, int aux_size,
                             bool hybrid) {
  size_t bytes = align16((size_t)batch * (size_t)units * sizeof(float));
  if (!hybrid) return bytes;
  int cols = input_size > units ? input_size : units;
  if (aux_size > cols) cols = aux_size;
  return bytes + align16(3 * (size_t)units * sizeof(int32_t)) +
         rnn_hybrid_scratch_bytes(batch, cols);
}

void rnn_dir_run(TfLiteContext *ctx, const rnn_dir_args *a) {
  rnn_weights w, rec, aux;
  rnn_weights_from(&w, a->w);
  rnn_weights_from(&rec, a->rec_w);
  rnn_weights_from(&aux, a->aux_w);
  const int units = w.rows;
  const int input_size = w.cols, aux_size = a->aux_w ? aux.cols : 0;
  if (a->batch <= 0 || units <= 0 || a->time <= 0 || !a->scratch) return;
  char *p = a->scratch;
  float *tmp = (float *)(void *)p;
  p += align16((size_t)a->batch * (size_t)units * sizeof(float));
  rnn_hybrid_scratch hs;
  /* From the type (as rnn_dir_check), not w.q: INT8 weights with no
   * elements may have no data while the others are INT8. */
  const bool hybrid = a->w->type != kTfLiteFloat32;
  if (hybrid) {
    int32_t *sums = (int32_t *)(void *)p;
    p += align16(3 * (size_t)units * sizeof(int32_t));
    w.row_sums = sums;
    rec.row_sums = sums + units;
    aux.row_sums = sums + 2 * units;
    if (a->asymmetric) {
      rnn_row_sums(&w);
      rnn_row_sums(&rec);
      if (a->aux_w) rnn_row_sums(&aux);
    }
    int cols = input_size > units ? input_size : units;
    if (aux_size > cols) cols = aux_size;
    rnn_hybrid_scratch_init(&hs, p, a->batch, cols, a->asymmetric);
  }
  const rnn_seq_params sp = {.batch = a->batch,
                             .time = a->time,
                             .units = units,
                             .input = a->input,
                             .in_t = a->in_t,
                             .in_b = a->in_b,
                             .aux = a->aux_w ? a->aux : NULL,
                             .aux_t = a->aux_t,
                             .aux_b = a->aux_b,
                             .w = &w,
                             .aux_w = a->aux_w ? &aux : NULL,
                             .rec_w = &rec,
                             .bias = a->bias->data.f,
                             .hidden = a->state->data.f,
                             .out = a->out,
                             .out_t = a->out_t,
                             .out_b = a->out_b,
                             .act = a->act,
                             .reverse = a->reverse,
                             .tmp = tmp,
                             .hs = hybrid ? &hs : NULL};
  rnn_seq(ctx, &sp);
}

enum { kNodeInput = 0, kNodeWeights, kNodeRecurrent, kNodeBias, kNodeState };

void *rnn_node_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  rnn_node_data *d = ctx->AllocatePersistentBuffer(ctx, sizeof(rnn_node_data));
  if (d) memset(d, 0, sizeof *d);
  return d;
}

static void rnn_node_args(TfLiteContext *ctx, TfLiteNode *node,
                          rnn_dir_args *a) {
  memset(a, 0, sizeof *a);
  a->w = kern_input(ctx, node, kNodeWeights);
  a->rec_w = kern_input(ctx, node, kNodeRecurrent);
  a->bias = kern_input(ctx, node, kNodeBias);
  a->state = kern_input(ctx, node, kNodeState);
}

TfLiteStatus rnn_node_prepare(TfLiteContext *ctx, TfLiteNode *node,
                              const rnn_node_fields *f) {
  rnn_node_data *d = node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 5, "has %d inputs, expected 5",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "has %d outputs, expected 1",
              kern_num_outputs(node));
  const TfLiteTensor *input = kern_input(ctx, node, kNodeInput);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, output != NULL, "output is missing");
  const bool seq = f->time_major >= 0;
  const int rank = seq ? 3 : 2;
  const int in_dims[3] = {-1, -1, -1};
  KERN_OK(
      rnn_expect(ctx, input, "input (input 0)", kTfLiteFloat32, rank, in_dims));
  const tflc_options_ref *o = kern_options(node);
  d->time_major = seq && opt_bool(o, f->time_major, false);
  d->act = opt_i8(o, f->activation, TFLC_ACT_NONE);
  d->asymmetric = opt_bool(o, f->asymmetric, false);
  KERN_ENSURE(ctx, rnn_act_supported(d->act),
              "fused activation %d is not supported", d->act);
  if (seq) {
    d->time = kern_dim(input, d->time_major ? 0 : 1);
    d->batch = kern_dim(input, d->time_major ? 1 : 0);
  } else {
    d->time = 1;
    d->batch = kern_dim(input, 0);
  }
  d->input_size = kern_dim(input, rank - 1);

  rnn_dir_args a;
  rnn_node_args(ctx, node, &a);
  a.batch = d->batch;
  static const int idx[5] = {1, 2, 3, 4, -1};
  int units = 0;
  bool hybrid = false;
  KERN_OK(rnn_dir_check(ctx, &a, "", idx, d->input_size, 0, &units, &hybrid));
  KERN_ENSURE(ctx, output->type == kTfLiteFloat32,
              "output has type %s, expected FLOAT32",
              kern_type_name(output->type));
  int out_dims[3] = {kern_dim(input, 0), kern_dim(input, 1), units};
  out_dims[rank - 1] = units;
  KERN_OK(kern_resize_output(ctx, output, out_dims, rank));
  return ctx->RequestScratchBufferInArena(
      ctx, rnn_dir_scratch_bytes(d->batch, units, d->input_size, 0, hybrid),
      &d->scratch);
}

TfLiteStatus rnn_node_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const rnn_node_data *d = node->user_data;
  rnn_dir_args a;
  rnn_node_args(ctx, node, &a);
  const TfLiteTensor *input = kern_input(ctx, node, kNodeInput);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  const size_t units = (size_t)kern_dim(a.w, 0);
  const size_t in = (size_t)d->input_size;
  a.batch = d->batch;
  a.time = d->time;
  a.input = input->data.f;
  a.out = output->data.f;
  if (d->time_major) {
    a.in_t = (size_t)d->batch * in;
    a.in_b = in;
    a.out_t = (size_t)d->batch * units;
    a.out_b = units;
  } else { /* batch-major; RNN: one step, rows of in / units */
    a.in_t = in;
    a.in_b = (size_t)d->time * in;
    a.out_t = units;
    a.out_b = (size_t)d->time * units;
  }
  a.act = d->act;
  a.asymmetric = d->asymmetric;
  a.scratch = ctx->GetScratchBuffer(ctx, d->scratch);
  rnn_dir_run(ctx, &a);
  return kTfLiteOk;
}
